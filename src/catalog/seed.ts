import type { DatasetName } from '../config.js';
import { withAdvisoryLock } from '../db/advisory-lock.js';
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

/**
 * Runs `fn` (migrate, check, seed or refresh; an import) holding the catalog's
 * advisory lock: two servers starting together on one empty PostgreSQL
 * database seed it once, and an import or a refresh never runs alongside
 * another. `fn` gets the one connection that holds the lock and must use it.
 */
export function withCatalogLock<T>(db: Db, fn: (db: Db) => Promise<T>): Promise<T> {
  return withAdvisoryLock(db, 'catalog', fn);
}
