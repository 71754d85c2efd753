import { sql } from 'kysely';
import type { Db } from '../db/client.js';

/**
 * The catalog version: a counter that every write to the catalog (an import,
 * a curation mutation) bumps inside its own transaction. Anything that caches
 * what the catalog says keys on it, so a committed write is never served
 * stale: readers that see the new rows see the new version too.
 */

/** Bumps the version inside `trx` (the writing transaction) and returns the new one. */
export async function bumpCatalogVersion(trx: Db): Promise<number> {
  const row = await trx
    .updateTable('catalog_version')
    .set({ version: sql<number>`version + 1`, changed_at: sql<Date>`now()` })
    .returning('version')
    .executeTakeFirstOrThrow();
  return Number(row.version);
}

/** The version the catalog is at now. */
export async function readCatalogVersion(db: Db): Promise<number> {
  const row = await db.selectFrom('catalog_version').select('version').executeTakeFirstOrThrow();
  return Number(row.version);
}
