import type { Db } from '../../db/client.js';
import type { Trx } from '../write/common.js';

/**
 * The audit trail: one entry per write (who, when, what, the entity before
 * and after) and one per import, with its report. Entries are only ever
 * added; `listChanges` reads them newest first.
 */

/** What an entry is about: a curated row, or a whole import. */
export const CHANGE_ENTITY_TYPES = ['model', 'provider', 'offering', 'import'] as const;
export type ChangeEntityType = (typeof CHANGE_ENTITY_TYPES)[number];

export interface Change {
  /** What was done: "createModel", "recordPrice", "import", … */
  action: string;
  entityType: ChangeEntityType;
  /** The row's id; null for an import. */
  entityId: number | null;
  /** The entity as it was (null when created) and as it is (null when removed). */
  before: unknown;
  after: unknown;
}

const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

export async function recordChanges(trx: Trx | Db, actor: string, changes: Change[]): Promise<void> {
  if (changes.length === 0) return;
  await trx
    .insertInto('catalog_changes')
    .values(changes.map((c) => ({ actor, action: c.action, entity_type: c.entityType, entity_id: c.entityId, before: json(c.before), after: json(c.after) })))
    .execute();
}

export interface ChangeFilter {
  entityType: ChangeEntityType;
  entityId: number;
}

/** A page of entries, newest first, optionally of one entity. */
export async function listChanges(db: Db, filter: ChangeFilter | null, page: { offset: number; limit: number }) {
  let query = db.selectFrom('catalog_changes').selectAll();
  if (filter) query = query.where('entity_type', '=', filter.entityType).where('entity_id', '=', filter.entityId);
  return query.orderBy('id', 'desc').offset(page.offset).limit(page.limit).execute();
}

export async function countChanges(db: Db, filter: ChangeFilter | null): Promise<number> {
  let query = db.selectFrom('catalog_changes').select((eb) => eb.fn.countAll<number>().as('n'));
  if (filter) query = query.where('entity_type', '=', filter.entityType).where('entity_id', '=', filter.entityId);
  return Number((await query.executeTakeFirstOrThrow()).n);
}
