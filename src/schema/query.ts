import { builder } from './builder.js';

// The root type; each domain file adds its own fields with builder.queryFields.
builder.queryType({ description: 'The catalog of large language models, their providers, prices and benchmarks.' });

// Curation writes (src/schema/curation/): each needs an API token with the scope it names.
builder.mutationType({ description: 'Curation: writes to the catalog, each one transaction, authorised by an API token and recorded in `changes`.' });
