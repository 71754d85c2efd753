import { Loader } from './loader.js';
import type { Db } from './client.js';
import type {
  BenchmarkRow,
  CreatorRow,
  EditionRow,
  ModelRow,
  OfferingRow,
  PriceRow,
  ProviderRow,
  ScoreRow,
  SourceRow,
} from './database.js';
import { type RouteRow, routesForModels, type ScoreWithBenchmark, scoresForModels } from './queries/comparison.js';
import { modelsByReference } from './queries/model-references.js';
import { componentsForPrices } from './queries/price-components.js';
import { currentPrices } from './queries/prices.js';
import type { PriceComponent } from '../domain/pricing.js';

/**
 * The request's DataLoaders: one set per request (so nothing is cached across
 * viewers), each issuing one statement per batch and answering in key order.
 */
export function createLoaders(db: Db) {
  const loaders = {
    modelsById: new Loader<number, ModelRow | null>(async (ids) =>
      oneEach(ids, await db.selectFrom('models').selectAll().where('id', 'in', ids).execute(), (r) => r.id),
    ),
    modelsBySlug: new Loader<string, ModelRow | null>(async (slugs) =>
      oneEach(slugs, await db.selectFrom('models').selectAll().where('slug', 'in', slugs).execute(), (r) => r.slug),
    ),
    /** The models any known id names (slug, alias, provider model id): one, none, or several when the id is ambiguous. */
    modelsByReference: new Loader<string, ModelRow[]>(async (references) => modelsByReference(db, references)),
    /** Every other id of a model: its aliases and its routes' provider ids, sorted. */
    aliasesByModelId: new Loader<number, string[]>(async (modelIds) => {
      const aliases = await db.selectFrom('model_aliases').select(['model_id', 'alias']).where('model_id', 'in', modelIds).execute();
      const routes = await db
        .selectFrom('offerings')
        .select(['model_id', 'provider_model_id as alias'])
        .where('model_id', 'in', modelIds)
        .where('provider_model_id', 'is not', null)
        .execute();
      // One entry per id, case aside: a provider's spelling ("meta-llama/Llama-3.1-8B-Instruct") over the stored lower case.
      return groupEach(modelIds, [...routes, ...aliases], (r) => r.model_id).map((rows) => {
        const byKey = new Map<string, string>();
        for (const { alias } of rows) if (!byKey.has(alias!.toLowerCase())) byKey.set(alias!.toLowerCase(), alias!);
        return [...byKey.values()].sort((a, b) => a.localeCompare(b));
      });
    }),
    creatorsById: new Loader<number, CreatorRow | null>(async (ids) =>
      oneEach(ids, await db.selectFrom('creators').selectAll().where('id', 'in', ids).execute(), (r) => r.id),
    ),
    providersById: new Loader<number, ProviderRow | null>(async (ids) =>
      oneEach(ids, await db.selectFrom('providers').selectAll().where('id', 'in', ids).execute(), (r) => r.id),
    ),
    providersBySlug: new Loader<string, ProviderRow | null>(async (slugs) =>
      oneEach(slugs, await db.selectFrom('providers').selectAll().where('slug', 'in', slugs).execute(), (r) => r.slug),
    ),
    benchmarksById: new Loader<number, BenchmarkRow | null>(async (ids) =>
      oneEach(ids, await db.selectFrom('benchmarks').selectAll().where('id', 'in', ids).execute(), (r) => r.id),
    ),
    benchmarksBySlug: new Loader<string, BenchmarkRow | null>(async (slugs) =>
      oneEach(slugs, await db.selectFrom('benchmarks').selectAll().where('slug', 'in', slugs).execute(), (r) => r.slug),
    ),
    sourcesById: new Loader<number, SourceRow | null>(async (ids) =>
      oneEach(ids, await db.selectFrom('sources').selectAll().where('id', 'in', ids).execute(), (r) => r.id),
    ),
    offeringsById: new Loader<number, OfferingRow | null>(async (ids) =>
      oneEach(ids, await db.selectFrom('offerings').selectAll().where('id', 'in', ids).execute(), (r) => r.id),
    ),
    /**
     * A model's routes, read with their providers and prices in force now in
     * the same statement, which prime those loaders: a list of models with
     * their routes, providers and prices costs one statement for all three.
     */
    offeringsByModelId: new Loader<number, OfferingRow[]>(async (modelIds) => {
      const routes = await routesForModels(db, modelIds, new Date());
      primeRoutes(loaders, routes, { pricesAreCurrent: true });
      return groupEach(
        modelIds,
        routes.map((r) => r.offering),
        (r) => r.model_id,
      );
    }),
    offeringsByProviderId: new Loader<number, OfferingRow[]>(async (providerIds) =>
      groupEach(
        providerIds,
        await db.selectFrom('offerings').selectAll().where('provider_id', 'in', providerIds).orderBy('id').execute(),
        (r) => r.provider_id,
      ),
    ),
    /** The price in force now: the latest row whose effective date has come. */
    currentPriceByOfferingId: new Loader<number, PriceRow | null>(async (offeringIds) =>
      oneEach(offeringIds, await currentPrices(db, offeringIds, new Date()), (r) => r.offering_id),
    ),
    /** A price row's components beyond its base price (tiers, windows, service tiers, fees), in stored order. */
    componentsByPriceId: new Loader<number, PriceComponent[]>(async (priceIds) => {
      const byPrice = await componentsForPrices(db, priceIds);
      return priceIds.map((id) => byPrice.get(id) ?? []);
    }),
    /** Every price an offering has had, newest first. */
    pricesByOfferingId: new Loader<number, PriceRow[]>(async (offeringIds) =>
      groupEach(
        offeringIds,
        await db
          .selectFrom('prices')
          .selectAll()
          .where('offering_id', 'in', offeringIds)
          .orderBy('effective_from', 'desc')
          .execute(),
        (r) => r.offering_id,
      ),
    ),
    /** A model's scores, read with their benchmarks, sources and editions, which prime those loaders (as routes do). */
    scoresByModelId: new Loader<number, ScoreRow[]>(async (modelIds) => {
      const scores = await scoresForModels(db, modelIds);
      primeScores(loaders, scores);
      return groupEach(
        modelIds,
        scores.map((s) => s.score),
        (r) => r.model_id,
      );
    }),
    /** A benchmark's scores, best first (lowest first where lower is better), ties by model name. */
    scoresByBenchmarkId: new Loader<number, ScoreRow[]>(async (benchmarkIds) =>
      groupEach(
        benchmarkIds,
        await db
          .selectFrom('scores')
          .innerJoin('benchmarks', 'benchmarks.id', 'scores.benchmark_id')
          .innerJoin('models', 'models.id', 'scores.model_id')
          .selectAll('scores')
          .where('scores.benchmark_id', 'in', benchmarkIds)
          .orderBy((eb) =>
            eb.case().when('benchmarks.higher_is_better', '=', true).then(eb.neg(eb.ref('scores.value'))).else(eb.ref('scores.value')).end(),
          )
          .orderBy('models.name')
          .orderBy('scores.id')
          .execute(),
        (r) => r.benchmark_id,
      ),
    ),
    editionsById: new Loader<number, EditionRow | null>(async (ids) =>
      oneEach(ids, await db.selectFrom('editions').selectAll().where('id', 'in', ids).execute(), (r) => r.id),
    ),
    editionsBySlug: new Loader<string, EditionRow | null>(async (slugs) =>
      oneEach(slugs, await db.selectFrom('editions').selectAll().where('slug', 'in', slugs).execute(), (r) => r.slug),
    ),
    /** The editions a benchmark has scores in, by slug (Benchmark.editions orders them as the comparison prefers them). */
    editionsByBenchmarkId: new Loader<number, EditionRow[]>(async (benchmarkIds) => {
      const rows = await db
        .selectFrom('editions')
        .innerJoin(
          (eb) => eb.selectFrom('scores').select(['edition_id', 'benchmark_id']).distinct().where('benchmark_id', 'in', benchmarkIds).as('used'),
          (join) => join.onRef('used.edition_id', '=', 'editions.id'),
        )
        .selectAll('editions')
        .select('used.benchmark_id')
        .orderBy('editions.slug')
        .execute();
      return groupEach(benchmarkIds, rows, (r) => r.benchmark_id).map((editions) =>
        editions.map(({ benchmark_id: _, ...edition }): EditionRow => edition),
      );
    }),
  };
  return loaders;
}

export type Loaders = ReturnType<typeof createLoaders>;

/**
 * Primes what route rows carry: each offering, its provider and, when the
 * rows were read for now, its price in force (Offering.price means "now").
 */
export function primeRoutes(
  loaders: Pick<Loaders, 'offeringsById' | 'providersById' | 'currentPriceByOfferingId'>,
  routes: RouteRow[],
  { pricesAreCurrent }: { pricesAreCurrent: boolean },
) {
  for (const { offering, provider, price } of routes) {
    loaders.offeringsById.prime(offering.id, offering);
    loaders.providersById.prime(provider.id, provider);
    if (pricesAreCurrent) loaders.currentPriceByOfferingId.prime(offering.id, price);
  }
}

/** Primes what score rows carry: each score's benchmark, source and edition. */
export function primeScores(loaders: Pick<Loaders, 'benchmarksById' | 'sourcesById' | 'editionsById'>, scores: ScoreWithBenchmark[]) {
  for (const { benchmark, source, edition } of scores) {
    loaders.benchmarksById.prime(benchmark.id, benchmark);
    loaders.sourcesById.prime(source.id, source);
    if (edition) loaders.editionsById.prime(edition.id, edition);
  }
}

/** One row (or null) per key, in the order of the keys. */
function oneEach<K, R>(keys: readonly K[], rows: R[], keyOf: (row: R) => K): (R | null)[] {
  const byKey = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => byKey.get(key) ?? null);
}

/** The rows of each key (possibly none), in the order of the keys; row order is kept. */
function groupEach<K, R>(keys: readonly K[], rows: R[], keyOf: (row: R) => K): R[][] {
  const byKey = new Map<K, R[]>(keys.map((key) => [key, []]));
  for (const row of rows) byKey.get(keyOf(row))?.push(row);
  return keys.map((key) => byKey.get(key) ?? []);
}
