import type { DatasetName } from '../config.js';
import type { Db } from '../db/client.js';
import { loadDataset } from './datasets.js';
import { type UpsertCounts, upsertDataset } from './upsert.js';

/** True when the catalog has no models yet (a fresh database). */
export async function isCatalogEmpty(db: Db): Promise<boolean> {
  const row = await db.selectFrom('models').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}

/** Loads a shipped dataset into the database, in one transaction. */
export async function seedDataset(db: Db, name: DatasetName): Promise<UpsertCounts> {
  return upsertDataset(db, await loadDataset(name));
}
