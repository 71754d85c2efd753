import { lexicographicSortSchema } from 'graphql';
import { builder } from './builder.js';
// Each domain file registers its types and query fields on import.
import './query.js';
import './source.js';
import './creator.js';
import './model.js';
import './provider.js';
import './offering.js';
import './pricing.js';
import './edition.js';
import './benchmark.js';
import './comparison.js';
import './cost-estimate.js';

/** The executable schema, as a federation subgraph (with _service and _entities), sorted. */
export const schema = lexicographicSortSchema(builder.toSubGraphSchema({ linkUrl: 'https://specs.apollo.dev/federation/v2.6' }));
