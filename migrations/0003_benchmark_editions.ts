// Frozen: benchmark editions (one leaderboard at one version or release),
// and per score its edition, variant, confidence interval and the source's
// own model key. Never edit it; add a new migration instead. It imports no
// application code.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // Scores are comparable only inside one edition: "LMArena text, style
  // control, 2025-12-11", "BFCL v3", "LiveBench 2025-04-25", a lab's model card.
  await db.schema
    .createTable('editions')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('leaderboard', 'text', (c) => c.notNull())
    .addColumn('version', 'text')
    .addColumn('published_on', 'date')
    // False for labs' own reports (model cards, collections of them).
    .addColumn('independent', 'boolean', (c) => c.notNull())
    .addColumn('licence', 'text')
    .addColumn('url', 'text')
    .addColumn('source_id', 'integer', (c) => c.references('sources.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('editions_slug_format', sql`slug ~ '^[a-z0-9][a-z0-9.-]*$'`)
    .execute();

  // An Arena rating has no upper bound: a benchmark's scale may be open.
  await sql`alter table benchmarks alter column scale_min drop not null`.execute(db);
  await sql`alter table benchmarks alter column scale_max drop not null`.execute(db);
  await sql`alter table benchmarks drop constraint benchmarks_scale_order`.execute(db);
  await sql`alter table benchmarks add constraint benchmarks_scale_order check (scale_min is null or scale_max is null or scale_min < scale_max)`.execute(db);

  await db.schema
    .alterTable('scores')
    // Null for scores recorded before editions existed: they stay readable, grouped by source.
    .addColumn('edition_id', 'integer', (c) => c.references('editions.id'))
    // A reasoning effort or thinking budget the run used ("high", "thinking-32k"); '' when none.
    .addColumn('variant', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('ci_low', 'numeric')
    .addColumn('ci_high', 'numeric')
    // The model as the source names it ("Claude 3.5 Sonnet (Oct '24)").
    .addColumn('source_model_key', 'text')
    .execute();
  await sql`alter table scores drop constraint scores_model_benchmark_source_setting_unique`.execute(db);
  await db.schema
    .alterTable('scores')
    .addUniqueConstraint('scores_model_benchmark_edition_unique', ['model_id', 'benchmark_id', 'source_id', 'edition_id', 'setting', 'variant'], (c) =>
      c.nullsNotDistinct(),
    )
    .execute();
  await db.schema.createIndex('scores_edition_id_index').on('scores').column('edition_id').execute();
  await sql`alter table scores add constraint scores_interval_order check (ci_low is null or ci_high is null or ci_low <= ci_high)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('scores_edition_id_index').execute();
  await sql`alter table scores drop constraint scores_interval_order`.execute(db);
  await sql`alter table scores drop constraint scores_model_benchmark_edition_unique`.execute(db);
  await db.schema.alterTable('scores').dropColumn('edition_id').dropColumn('variant').dropColumn('ci_low').dropColumn('ci_high').dropColumn('source_model_key').execute();
  await sql`alter table scores add constraint scores_model_benchmark_source_setting_unique unique (model_id, benchmark_id, source_id, setting)`.execute(db);
  await sql`alter table benchmarks drop constraint benchmarks_scale_order`.execute(db);
  await sql`update benchmarks set scale_min = coalesce(scale_min, 0), scale_max = coalesce(scale_max, 100)`.execute(db);
  await sql`alter table benchmarks alter column scale_min set not null`.execute(db);
  await sql`alter table benchmarks alter column scale_max set not null`.execute(db);
  await sql`alter table benchmarks add constraint benchmarks_scale_order check (scale_min < scale_max)`.execute(db);
  await db.schema.dropTable('editions').execute();
}
