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
  // Delivered at commit, and only if it commits, to every server LISTENing
  // (src/cache/catalog-changes.ts): an import run by the CLI, in another
  // process, invalidates the running servers' caches.
  await sql`select pg_notify(${CATALOG_VERSION_CHANNEL}, current_schema() || ':' || ${String(row.version)})`.execute(trx);
  return Number(row.version);
}

/** The PostgreSQL NOTIFY channel a committed bump is announced on, as "<schema>:<version>". */
export const CATALOG_VERSION_CHANNEL = 'modelgraph_catalog_version';

/** The version the catalog is at now. */
export async function readCatalogVersion(db: Db): Promise<number> {
  const row = await db.selectFrom('catalog_version').select('version').executeTakeFirstOrThrow();
  return Number(row.version);
}
