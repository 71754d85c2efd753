import type { DatasetName } from '../config.js';
import type { Db } from '../db/client.js';
import { type ImportReport, runImport } from './import.js';

/** True when the catalog has no models yet (a fresh database). */
export async function isCatalogEmpty(db: Db): Promise<boolean> {
  const row = await db.selectFrom('models').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}

/** Fills an empty database with a shipped dataset: the real catalog ("default") or the seed page. */
export async function seedDataset(db: Db, name: DatasetName): Promise<ImportReport> {
  return runImport(db, { importer: name === 'default' ? 'catalog' : 'seed-page' });
}

