// Frozen: route variants, which importer lists a route, and the import log.
// Never edit it; add a new migration instead. It imports no application code.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('offerings')
    // Speed and tier tags a provider puts on a route ("turbo", "instant",
    // "free"): attributes of the route, not separate models.
    .addColumn('variants', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    // The importer that last listed the route; a route it no longer lists is
    // retired by that importer, never deleted.
    .addColumn('listed_by', 'text')
    .execute();
  await db.schema.createIndex('offerings_listed_by_index').on('offerings').column('listed_by').execute();

  await db.schema
    .createTable('catalog_imports')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('importer', 'text', (c) => c.notNull())
    .addColumn('started_at', 'timestamptz', (c) => c.notNull())
    .addColumn('finished_at', 'timestamptz', (c) => c.notNull())
    .addColumn('report', 'jsonb', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('catalog_imports').execute();
  await db.schema.alterTable('offerings').dropColumn('listed_by').dropColumn('variants').execute();
}
