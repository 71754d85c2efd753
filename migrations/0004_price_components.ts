// Frozen: price components beyond a route's base price (context tiers,
// time-of-day windows, service tiers, 1-hour cache writes, per-request fees,
// reasoning, audio and image tokens). Never edit it; add a new migration
// instead. It imports no application code.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // Each component belongs to one price row (a route's price from its effective date): history stays
  // append-only, a changed component is a new price row with all its components.
  await db.schema
    .createTable('price_components')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('price_id', 'integer', (c) => c.notNull().references('prices.id').onDelete('cascade'))
    .addColumn('unit', 'text', (c) =>
      c.notNull().check(sql`unit in ('input', 'cached_input', 'cache_write_5m', 'cache_write_1h', 'output', 'reasoning', 'request', 'input_audio', 'output_audio', 'input_image')`),
    )
    // USD per 1M tokens, or per request for unit 'request'.
    .addColumn('price', 'numeric', (c) => c.notNull().check(sql`price >= 0`))
    .addColumn('tier_threshold', 'bigint', (c) => c.check(sql`tier_threshold > 0`))
    .addColumn('tier_inclusive', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('tier_scope', 'text', (c) => c.notNull().defaultTo('whole-request').check(sql`tier_scope in ('whole-request', 'tokens-above')`))
    // Minutes after midnight UTC, [start, end); wraps past midnight when end < start.
    .addColumn('window_start', 'integer', (c) => c.check(sql`window_start between 0 and 1439`))
    .addColumn('window_end', 'integer', (c) => c.check(sql`window_end between 0 and 1440`))
    .addColumn('service_tier', 'text', (c) =>
      c.notNull().defaultTo('standard').check(sql`service_tier in ('standard', 'batch', 'flex', 'priority', 'fast')`),
    )
    .addCheckConstraint('price_components_window_whole', sql`(window_start is null) = (window_end is null)`)
    .execute();
  await db.schema.createIndex('price_components_price_id_index').on('price_components').column('price_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('price_components').execute();
}
