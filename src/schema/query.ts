import { builder } from './builder.js';

// The root type; each domain file adds its own fields with builder.queryFields.
builder.queryType({ description: 'The catalog of large language models, their providers, prices and benchmarks.' });
