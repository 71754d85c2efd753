// Frozen: this migration describes the catalog as it was first shipped.
// Never edit it; add a new migration instead. It imports no application code.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sources')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('retrieved_at', 'date')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('sources_name_url_unique', ['name', 'url'], (c) => c.nullsNotDistinct())
    .execute();

  await db.schema
    .createTable('creators')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('website', 'text')
    .addColumn('source_id', 'integer', (c) => c.references('sources.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('creators_slug_format', sql`slug ~ '^[a-z0-9][a-z0-9.-]*$'`)
    .execute();

  await db.schema
    .createTable('models')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('family', 'text')
    .addColumn('creator_id', 'integer', (c) => c.notNull().references('creators.id'))
    .addColumn('release_date', 'date')
    .addColumn('context_window', 'integer', (c) => c.check(sql`context_window > 0`))
    .addColumn('max_output_tokens', 'integer', (c) => c.check(sql`max_output_tokens > 0`))
    .addColumn('total_parameters', 'bigint', (c) => c.check(sql`total_parameters > 0`))
    .addColumn('active_parameters', 'bigint', (c) => c.check(sql`active_parameters > 0`))
    .addColumn('architecture', 'text')
    .addColumn('license', 'text')
    .addColumn('open_weights', 'boolean')
    // A cutoff is often known only to the month or year: keep the first day of
    // the period and say how precise it is, rather than invent a day.
    .addColumn('knowledge_cutoff', 'date')
    .addColumn('knowledge_cutoff_precision', 'text', (c) =>
      c.check(sql`knowledge_cutoff_precision in ('year', 'month', 'day')`),
    )
    .addColumn('input_modalities', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('output_modalities', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    // Capabilities: null is "not known", which is different from false.
    .addColumn('vision', 'boolean')
    .addColumn('multimodal', 'boolean')
    .addColumn('reasoning', 'boolean')
    .addColumn('function_calling', 'boolean')
    .addColumn('tool_use', 'boolean')
    .addColumn('structured_outputs', 'boolean')
    .addColumn('code_execution', 'boolean')
    .addColumn('decision_fit', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('active').check(sql`status in ('active', 'deprecated', 'retired')`),
    )
    .addColumn('deprecation_date', 'date')
    .addColumn('successor_id', 'integer', (c) => c.references('models.id'))
    .addColumn('last_reviewed', 'date')
    .addColumn('source_id', 'integer', (c) => c.references('sources.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('models_slug_format', sql`slug ~ '^[a-z0-9][a-z0-9.-]*$'`)
    .addCheckConstraint(
      'models_active_le_total_parameters',
      sql`active_parameters is null or total_parameters is null or active_parameters <= total_parameters`,
    )
    .addCheckConstraint(
      'models_cutoff_has_precision',
      sql`(knowledge_cutoff is null) = (knowledge_cutoff_precision is null)`,
    )
    .execute();
  await db.schema.createIndex('models_creator_id_index').on('models').column('creator_id').execute();

  await db.schema
    .createTable('model_aliases')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('model_id', 'integer', (c) => c.notNull().references('models.id').onDelete('cascade'))
    // Stored normalised (lower case, trimmed) so lookups are exact matches.
    .addColumn('alias', 'text', (c) => c.notNull().unique())
    .addColumn('source_id', 'integer', (c) => c.references('sources.id'))
    .addCheckConstraint('model_aliases_normalised', sql`alias = lower(btrim(alias)) and alias <> ''`)
    .execute();
  await db.schema
    .createIndex('model_aliases_model_id_index')
    .on('model_aliases')
    .column('model_id')
    .execute();

  await db.schema
    .createTable('providers')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('website', 'text')
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('active').check(sql`status in ('active', 'deprecated')`),
    )
    .addColumn('source_id', 'integer', (c) => c.references('sources.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('providers_slug_format', sql`slug ~ '^[a-z0-9][a-z0-9.-]*$'`)
    .execute();

  await db.schema
    .createTable('offerings')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('model_id', 'integer', (c) => c.notNull().references('models.id'))
    .addColumn('provider_id', 'integer', (c) => c.notNull().references('providers.id'))
    // The provider's own id for the model; null where the source names the
    // route but not the id.
    .addColumn('provider_model_id', 'text')
    .addColumn('quantization', 'text')
    .addColumn('context_window', 'integer', (c) => c.check(sql`context_window > 0`))
    .addColumn('max_output_tokens', 'integer', (c) => c.check(sql`max_output_tokens > 0`))
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('active').check(sql`status in ('active', 'deprecated', 'retired')`),
    )
    .addColumn('source_id', 'integer', (c) => c.references('sources.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('offerings_provider_route_unique', ['provider_id', 'provider_model_id'])
    .execute();
  await db.schema.createIndex('offerings_model_id_index').on('offerings').column('model_id').execute();
  // At most one route per provider and model whose provider id is unknown.
  await db.schema
    .createIndex('offerings_unidentified_route_unique')
    .on('offerings')
    .columns(['provider_id', 'model_id'])
    .unique()
    .where(sql.ref('provider_model_id'), 'is', null)
    .execute();

  // Price history: a new row per change, effective from its date; rows are
  // never updated, so any past price can be asked for.
  await db.schema
    .createTable('prices')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('offering_id', 'integer', (c) => c.notNull().references('offerings.id').onDelete('cascade'))
    .addColumn('effective_from', 'timestamptz', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull().defaultTo('USD').check(sql`currency ~ '^[A-Z]{3}$'`))
    // USD per 1M tokens; null means unknown, never free.
    .addColumn('input_per_mtok', 'numeric', (c) => c.check(sql`input_per_mtok >= 0`))
    .addColumn('output_per_mtok', 'numeric', (c) => c.check(sql`output_per_mtok >= 0`))
    .addColumn('cache_read_per_mtok', 'numeric', (c) => c.check(sql`cache_read_per_mtok >= 0`))
    .addColumn('cache_write_per_mtok', 'numeric', (c) => c.check(sql`cache_write_per_mtok >= 0`))
    .addColumn('source_id', 'integer', (c) => c.references('sources.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('prices_offering_effective_unique', ['offering_id', 'effective_from'])
    .execute();

  await db.schema
    .createTable('benchmarks')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('category', 'text')
    .addColumn('description', 'text')
    .addColumn('url', 'text')
    .addColumn('scale_min', 'numeric', (c) => c.notNull().defaultTo(0))
    .addColumn('scale_max', 'numeric', (c) => c.notNull().defaultTo(100))
    .addColumn('higher_is_better', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('source_id', 'integer', (c) => c.references('sources.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('benchmarks_scale_order', sql`scale_min < scale_max`)
    .addCheckConstraint('benchmarks_slug_format', sql`slug ~ '^[a-z0-9][a-z0-9.-]*$'`)
    .execute();

  await db.schema
    .createTable('scores')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('model_id', 'integer', (c) => c.notNull().references('models.id').onDelete('cascade'))
    .addColumn('benchmark_id', 'integer', (c) => c.notNull().references('benchmarks.id'))
    .addColumn('value', 'numeric', (c) => c.notNull())
    .addColumn('setting', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('source_id', 'integer', (c) => c.notNull().references('sources.id'))
    .addColumn('measured_on', 'date')
    // True when the model's own lab reported it; null when the source does not say.
    .addColumn('self_reported', 'boolean')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    // Several sources may score the same model on the same benchmark.
    .addUniqueConstraint('scores_model_benchmark_source_setting_unique', [
      'model_id',
      'benchmark_id',
      'source_id',
      'setting',
    ])
    .execute();
  await db.schema.createIndex('scores_model_id_index').on('scores').column('model_id').execute();
  await db.schema.createIndex('scores_benchmark_id_index').on('scores').column('benchmark_id').execute();

  // A CHECK constraint cannot look at another table, so the benchmark's scale
  // is enforced by a trigger.
  await sql`
    create function scores_value_within_scale() returns trigger language plpgsql as $$
    declare
      lo numeric;
      hi numeric;
    begin
      select scale_min, scale_max into lo, hi from benchmarks where id = new.benchmark_id;
      if new.value < lo or new.value > hi then
        raise exception 'score % is outside the scale % to % of benchmark %', new.value, lo, hi, new.benchmark_id
          using errcode = 'check_violation';
      end if;
      return new;
    end
    $$`.execute(db);
  await sql`
    create trigger scores_value_within_scale before insert or update on scores
    for each row execute function scores_value_within_scale()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'scores',
    'benchmarks',
    'prices',
    'offerings',
    'providers',
    'model_aliases',
    'models',
    'creators',
    'sources',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  await sql`drop function scores_value_within_scale()`.execute(db);
}
