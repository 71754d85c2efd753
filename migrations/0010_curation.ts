// Frozen: curation — API tokens, the audit trail of every write, and a
// version per curated row for optimistic concurrency. Never edit it; add a
// new migration instead. It imports no application code.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // A token is shown once; only its SHA-256 is kept, so a stolen table grants nothing.
  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('scopes', sql`text[]`, (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    // Revoked tokens are kept (the audit trail names them), never matched again.
    .addColumn('revoked_at', 'timestamptz')
    .execute();

  // One entry per write: who, when, what, and the entity before and after.
  await db.schema
    .createTable('catalog_changes')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`clock_timestamp()`))
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    // 'model', 'provider', 'offering' or 'import'; the entity's row id (null for an import).
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'integer')
    .addColumn('before', 'jsonb')
    .addColumn('after', 'jsonb')
    .execute();
  await db.schema.createIndex('catalog_changes_entity_index').on('catalog_changes').columns(['entity_type', 'entity_id', 'id']).execute();

  // Optimistic concurrency: an update names the version it read; a stale one is refused.
  for (const table of ['models', 'providers', 'offerings']) {
    await db.schema.alterTable(table).addColumn('version', 'integer', (c) => c.notNull().defaultTo(1)).execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['models', 'providers', 'offerings']) await db.schema.alterTable(table).dropColumn('version').execute();
  await db.schema.dropTable('catalog_changes').execute();
  await db.schema.dropTable('api_tokens').execute();
}
