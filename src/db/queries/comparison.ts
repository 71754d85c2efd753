import type { Db } from '../client.js';
import type { BenchmarkRow, EditionRow, ModelRow, OfferingRow, PriceRow, ProviderRow, ScoreRow, SourceRow } from '../database.js';
import { cheapestPricesByModel } from './cheapest.js';
import { priceInForce } from './prices.js';
import { isPurchasable } from './purchasable.js';

/**
 * The few wide reads a comparison needs: one statement each, whatever the
 * number of models, returning full rows so the request's loaders can be
 * primed and the GraphQL fields below a comparison run no further SQL.
 */

export interface RouteRow {
  offering: OfferingRow;
  provider: ProviderRow;
  /** The price in force at the comparison's date, or null. */
  price: PriceRow | null;
  /** Whether the route can be bought: the one rule of purchasable.ts, evaluated in SQL. */
  purchasable: boolean;
}

export async function routesForModels(db: Db, modelIds: readonly number[], asOf: Date): Promise<RouteRow[]> {
  const rows = await db
    .selectFrom('offerings')
    .innerJoin('providers', 'providers.id', 'offerings.provider_id')
    .leftJoinLateral((eb) => priceInForce(eb, asOf), (join) => join.onTrue())
    .selectAll('offerings')
    .select([
      'providers.slug as provider_slug',
      'providers.name as provider_name',
      'providers.website as provider_website',
      'providers.status as provider_status',
      'providers.source_id as provider_source_id',
      'providers.created_at as provider_created_at',
      'providers.version as provider_version',
      'price.id as price_id',
      'price.effective_from as price_effective_from',
      'price.currency as price_currency',
      'price.input_per_mtok as price_input_per_mtok',
      'price.output_per_mtok as price_output_per_mtok',
      'price.cache_read_per_mtok as price_cache_read_per_mtok',
      'price.cache_write_per_mtok as price_cache_write_per_mtok',
      'price.source_id as price_source_id',
      'price.created_at as price_created_at',
    ])
    .select((eb) => isPurchasable(eb).$castTo<boolean>().as('purchasable'))
    .where('offerings.model_id', 'in', modelIds)
    .orderBy('offerings.id')
    .execute();
  return rows.map((r) => ({
    offering: {
      id: r.id,
      model_id: r.model_id,
      provider_id: r.provider_id,
      provider_model_id: r.provider_model_id,
      quantization: r.quantization,
      context_window: r.context_window,
      max_output_tokens: r.max_output_tokens,
      status: r.status,
      source_id: r.source_id,
      variants: r.variants,
      listed_by: r.listed_by,
      created_at: r.created_at,
      updated_at: r.updated_at,
      version: r.version,
    },
    provider: {
      id: r.provider_id,
      slug: r.provider_slug,
      name: r.provider_name,
      website: r.provider_website,
      status: r.provider_status,
      source_id: r.provider_source_id,
      created_at: r.provider_created_at,
      version: r.provider_version,
    },
    price:
      r.price_id === null
        ? null
        : {
            id: r.price_id,
            offering_id: r.id,
            effective_from: r.price_effective_from!,
            currency: r.price_currency!,
            input_per_mtok: r.price_input_per_mtok,
            output_per_mtok: r.price_output_per_mtok,
            cache_read_per_mtok: r.price_cache_read_per_mtok,
            cache_write_per_mtok: r.price_cache_write_per_mtok,
            source_id: r.price_source_id,
            created_at: r.price_created_at!,
          },
    purchasable: r.purchasable,
  }));
}

export interface ScoreWithBenchmark {
  score: ScoreRow;
  benchmark: BenchmarkRow;
  /** Null for a score recorded without an edition. */
  edition: EditionRow | null;
  source: SourceRow;
}

/** Every score of the models with its benchmark, edition and source: one statement. */
export async function scoresForModels(db: Db, modelIds: readonly number[]): Promise<ScoreWithBenchmark[]> {
  const rows = await db
    .selectFrom('scores')
    .innerJoin('benchmarks', 'benchmarks.id', 'scores.benchmark_id')
    .innerJoin('sources', 'sources.id', 'scores.source_id')
    .leftJoin('editions', 'editions.id', 'scores.edition_id')
    .selectAll('scores')
    .select([
      'benchmarks.slug as benchmark_slug',
      'benchmarks.name as benchmark_name',
      'benchmarks.category as benchmark_category',
      'benchmarks.description as benchmark_description',
      'benchmarks.url as benchmark_url',
      'benchmarks.scale_min as benchmark_scale_min',
      'benchmarks.scale_max as benchmark_scale_max',
      'benchmarks.higher_is_better as benchmark_higher_is_better',
      'benchmarks.source_id as benchmark_source_id',
      'benchmarks.created_at as benchmark_created_at',
      'sources.name as source_name',
      'sources.url as source_url',
      'sources.retrieved_at as source_retrieved_at',
      'sources.created_at as source_created_at',
      'editions.slug as edition_slug',
      'editions.name as edition_name',
      'editions.leaderboard as edition_leaderboard',
      'editions.version as edition_version',
      'editions.published_on as edition_published_on',
      'editions.independent as edition_independent',
      'editions.licence as edition_licence',
      'editions.url as edition_url',
      'editions.source_id as edition_source_id',
      'editions.created_at as edition_created_at',
    ])
    .where('scores.model_id', 'in', modelIds)
    .orderBy('scores.id')
    .execute();
  return rows.map((r) => ({
    score: {
      id: r.id,
      model_id: r.model_id,
      benchmark_id: r.benchmark_id,
      value: r.value,
      setting: r.setting,
      source_id: r.source_id,
      measured_on: r.measured_on,
      self_reported: r.self_reported,
      edition_id: r.edition_id,
      variant: r.variant,
      ci_low: r.ci_low,
      ci_high: r.ci_high,
      source_model_key: r.source_model_key,
      created_at: r.created_at,
    },
    benchmark: {
      id: r.benchmark_id,
      slug: r.benchmark_slug,
      name: r.benchmark_name,
      category: r.benchmark_category,
      description: r.benchmark_description,
      url: r.benchmark_url,
      scale_min: r.benchmark_scale_min,
      scale_max: r.benchmark_scale_max,
      higher_is_better: r.benchmark_higher_is_better,
      source_id: r.benchmark_source_id,
      created_at: r.benchmark_created_at,
    },
    edition:
      r.edition_id === null
        ? null
        : {
            id: r.edition_id,
            slug: r.edition_slug!,
            name: r.edition_name!,
            leaderboard: r.edition_leaderboard!,
            version: r.edition_version,
            published_on: r.edition_published_on,
            independent: r.edition_independent!,
            licence: r.edition_licence,
            url: r.edition_url,
            source_id: r.edition_source_id,
            created_at: r.edition_created_at!,
          },
    source: {
      id: r.source_id,
      name: r.source_name,
      url: r.source_url,
      retrieved_at: r.source_retrieved_at,
      created_at: r.source_created_at,
    },
  }));
}

export interface CatalogModelPrice {
  model: ModelRow;
  cheapestInput: string | null;
  cheapestOutput: string | null;
}

/** Every model with its cheapest prices at `asOf`: the candidates for "continue comparing". */
export async function catalogWithCheapestPrices(db: Db, asOf: Date): Promise<CatalogModelPrice[]> {
  const rows = await db
    .selectFrom('models')
    .leftJoin(cheapestPricesByModel(db, asOf).as('cheapest'), 'cheapest.model_id', 'models.id')
    .selectAll('models')
    .select(['cheapest.cheapest_input', 'cheapest.cheapest_output'])
    .where('models.status', '!=', 'retired')
    .orderBy('models.id')
    .execute();
  return rows.map(({ cheapest_input, cheapest_output, ...model }) => ({
    model: model as ModelRow,
    cheapestInput: cheapest_input,
    cheapestOutput: cheapest_output,
  }));
}

/** Every score of the catalog, one per model and benchmark (the earliest recorded). */
export async function earliestScores(db: Db) {
  return db
    .selectFrom('scores')
    .select(['model_id', 'benchmark_id', 'value'])
    .distinctOn(['model_id', 'benchmark_id'])
    .orderBy('model_id')
    .orderBy('benchmark_id')
    .orderBy('id')
    .execute();
}

/**
 * In one statement: the catalog version, and the span of time around `asOf`
 * in which the same price rows are in force, from the latest price change on
 * or before it (null: none) until the next one after it (null: none yet).
 */
export async function catalogVersionAndPriceSpan(db: Db, asOf: Date): Promise<{ version: number; from: Date | null; until: Date | null }> {
  const row = await db
    .selectNoFrom((eb) => [
      eb.selectFrom('catalog_version').select('version').as('version'),
      eb.selectFrom('prices').select((p) => p.fn.max('effective_from').as('m')).where('effective_from', '<=', asOf).as('from'),
      eb.selectFrom('prices').select((p) => p.fn.min('effective_from').as('m')).where('effective_from', '>', asOf).as('until'),
    ])
    .executeTakeFirstOrThrow();
  return { version: Number(row.version), from: row.from as Date | null, until: row.until as Date | null };
}

