import type { AfterCatalogCommit } from '../../context.js';
import type { Db } from '../../db/client.js';
import { conflict } from '../../schema/errors.js';
import { bumpCatalogVersion } from '../version.js';
import type { Trx } from '../write/common.js';
import { type Change, recordChanges } from './audit.js';

/** Who writes (the token's name, kept in the audit trail) and what runs once the write has committed. */
export interface Writer {
  actor: string;
  afterCommit: AfterCatalogCommit;
}

/** What a write did: its result, and the audit entries describing it (at least one). */
export interface Written<T> {
  result: T;
  changes: Change[];
}

/**
 * Every curation write goes through here, so each is one transaction that
 * also bumps the catalog version (caches key on it) and records its audit
 * entries: all of it commits, or none. Then — the one place that runs after a
 * successful commit — `afterCommit` gets the new version: where response
 * caches are invalidated. A write that fails rolls back and calls nothing.
 */
export async function runCatalogWrite<T>(db: Db, writer: Writer, write: (trx: Trx) => Promise<Written<T>>): Promise<T> {
  const { result, version } = await db
    .transaction()
    .execute(async (trx) => {
      const { result, changes } = await write(trx);
      await recordChanges(trx, writer.actor, changes);
      return { result, version: await bumpCatalogVersion(trx) };
    })
    .catch((error: unknown) => {
      // Two writers creating the same row at once: the checks passed for both and the
      // database's unique constraint stopped the second. Retrying sees the first.
      if ((error as { code?: unknown } | null)?.code === UNIQUE_VIOLATION) {
        throw conflict('Another write created the same row at the same time: read it again and retry.', []);
      }
      throw error;
    });
  await writer.afterCommit(version);
  return result;
}

/** PostgreSQL's SQLSTATE for a unique constraint's refusal. */
const UNIQUE_VIOLATION = '23505';
