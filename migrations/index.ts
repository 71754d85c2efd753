import type { Migration } from 'kysely';
import * as m0001 from './0001_catalog.js';
import * as m0002 from './0002_catalog_imports.js';
import * as m0003 from './0003_benchmark_editions.js';
import * as m0004 from './0004_price_components.js';
import * as m0005 from './0005_catalog_version.js';
import * as m0010 from './0010_curation.js';

/** Every migration, by name; names sort in the order they run. */
export const migrations: Record<string, Migration> = {
  '0001_catalog': m0001,
  '0002_catalog_imports': m0002,
  '0003_benchmark_editions': m0003,
  '0004_price_components': m0004,
  '0005_catalog_version': m0005,
  '0010_curation': m0010,
};
