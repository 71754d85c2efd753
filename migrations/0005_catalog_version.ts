// Frozen: the catalog version, one counter every write to the catalog bumps.
// Never edit it; add a new migration instead. It imports no application code.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // One row (id is always true). Caches key on the version: a write that
  // commits bumps it in the same transaction, so no reader can see new data
  // under an old version.
  await db.schema
    .createTable('catalog_version')
    .addColumn('id', 'boolean', (c) => c.primaryKey().defaultTo(true).check(sql`id`))
    .addColumn('version', 'int8', (c) => c.notNull().defaultTo(0))
    .addColumn('changed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.insertInto('catalog_version').values({ id: true, version: 0 }).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('catalog_version').execute();
}
