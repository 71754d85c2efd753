import type { Context } from '../context.js';
import type { CreatorRow, ModelRow, SourceRow } from '../db/database.js';
import { type Loaders, primeRoutes, primeScores } from '../db/loaders.js';
import { type RouteRow, routesForModels, type ScoreWithBenchmark, scoresForModels } from '../db/queries/comparison.js';
import { componentsForPrices } from '../db/queries/price-components.js';
import { isBenchmarkCategory } from '../domain/benchmarks.js';
import { capabilitiesFromColumns } from '../domain/capabilities.js';
import type { PriceComponent } from '../domain/pricing.js';
import type { ModelFacts } from '../resolvers/comparison/facts.js';
import { Decimal } from '../resolvers/decimal.js';

/**
 * The thin layer between the database and the comparison math: a fixed
 * number of statements whatever the number of models, with the request's
 * loaders primed so GraphQL fields under a comparison cost no more SQL.
 */

/**
 * The models each reference names — any known id (slug, alias, provider
 * model id) or a node id — through the request's loaders: none when unknown,
 * several when an id is ambiguous.
 */
export async function loadModels(
  { loaders }: Context,
  refs: ({ reference: string } | { id: number })[],
): Promise<ModelRow[][]> {
  const found = await Promise.all(
    refs.map(async (ref) => {
      if ('reference' in ref) return loaders.modelsByReference.get(ref.reference);
      const row = await loaders.modelsById.get(ref.id);
      return row ? [row] : [];
    }),
  );
  for (const row of found.flat()) {
    loaders.modelsById.prime(row.id, row);
    loaders.modelsBySlug.prime(row.slug, row);
  }
  return found;
}

/** A model's facts, and the rows they were built from: what a request's loaders are primed with. */
interface ModelEntry {
  facts: ModelFacts;
  creator: CreatorRow | null;
  routes: RouteRow[];
  components: Map<number, PriceComponent[]>;
  scores: ScoreWithBenchmark[];
  /** The sources the facts cite beyond their scores' (the model's, its prices', its editions'): a comparison lists them. */
  sources: SourceRow[];
}

/**
 * The facts of `models` at `asOf`, with the request's loaders primed so the
 * GraphQL fields below a comparison run no further SQL. Each model's facts
 * are read once per generation of the catalog (src/facts/generation.ts) and
 * shared: a request whose models were all read before runs one statement
 * here (the version and price span); the others are read together in at
 * most five more.
 */
export async function loadModelFacts(
  context: Context,
  models: ModelRow[],
  asOf: Date,
  options: { pricesAreCurrent: boolean },
): Promise<ModelFacts[]> {
  const generation = await context.generationAt(asOf);
  // The models no earlier request read are read together, in one batch.
  const unread: ModelRow[] = [];
  let settle!: { resolve: (read: Map<number, ModelEntry>) => void; reject: (error: unknown) => void };
  const batch = new Promise<Map<number, ModelEntry>>((resolve, reject) => (settle = { resolve, reject }));
  const pending = models.map((model) =>
    generation.memo(`model-facts:${model.id}`, () => {
      unread.push(model);
      return batch.then((read) => read.get(model.id)!);
    }),
  );
  if (unread.length > 0) readEntries(context, unread, asOf).then(settle.resolve, settle.reject);
  const entries = await Promise.all(pending);
  for (const entry of entries) prime(context.loaders, entry, options);
  return entries.map((entry) => entry.facts);
}

function prime(loaders: Loaders, { facts, creator, routes, components, scores, sources }: ModelEntry, options: { pricesAreCurrent: boolean }) {
  if (creator) loaders.creatorsById.prime(creator.id, creator);
  for (const source of sources) loaders.sourcesById.prime(source.id, source);
  loaders.offeringsByModelId.clear(facts.id).prime(facts.id, routes.map((r) => r.offering));
  loaders.scoresByModelId.clear(facts.id).prime(facts.id, scores.map((s) => s.score));
  primeRoutes(loaders, routes, options);
  primeScores(loaders, scores);
  // A price row's components do not depend on the date: always theirs.
  for (const { price } of routes) if (price) loaders.componentsByPriceId.prime(price.id, components.get(price.id) ?? []);
}

/** Reads the models' routes, prices, components, scores, creators and sources: five statements at most, whatever their number. */
async function readEntries({ reads, loaders }: Context, models: ModelRow[], asOf: Date): Promise<Map<number, ModelEntry>> {
  const ids = models.map((m) => m.id);
  // The routes, then every component of their prices in force in one more statement (none when no route is priced).
  const routesWithComponents = async () => {
    const rows = await routesForModels(reads, ids, asOf);
    return { rows, components: await componentsForPrices(reads, rows.flatMap((r) => (r.price ? [r.price.id] : []))) };
  };
  const [creators, { rows: routes, components }, scores] = await Promise.all([
    Promise.all(models.map((m) => loaders.creatorsById.get(m.creator_id))),
    routesWithComponents(),
    scoresForModels(reads, ids),
  ]);
  const cited = (model: ModelRow, own: { routes: RouteRow[]; scores: ScoreWithBenchmark[] }) => [
    model.source_id,
    ...own.routes.map((r) => r.price?.source_id ?? null),
    ...own.scores.map((s) => s.edition?.source_id ?? null),
  ];
  const owned = models.map((model) => ({
    routes: routes.filter((r) => r.offering.model_id === model.id),
    scores: scores.filter((s) => s.score.model_id === model.id),
  }));
  // The scores' sources came with them; the others in one loader batch for every model.
  const withScores = new Map(scores.map((s) => [s.source.id, s.source]));
  const sources = await Promise.all(
    models.map(async (model, i) => {
      const ids = [...new Set(cited(model, owned[i]!).filter((id) => id !== null))];
      const rows = await Promise.all(ids.map((id) => withScores.get(id) ?? loaders.sourcesById.get(id)));
      return rows.filter((row) => row !== null);
    }),
  );
  return new Map(
    models.map((model, i) => {
      const entry: ModelEntry = {
        facts: factsOf(model, creators[i] ?? null, owned[i]!, components),
        creator: creators[i] ?? null,
        ...owned[i]!,
        components,
        sources: sources[i]!,
      };
      // Shared by every request of the generation: a change by one would show in the others' answers.
      return [model.id, deepFreeze(entry)];
    }),
  );
}

/** What the comparison math knows of one model, from its row and its own routes and scores. */
function factsOf(
  model: ModelRow,
  creator: CreatorRow | null,
  { routes, scores }: { routes: RouteRow[]; scores: ScoreWithBenchmark[] },
  components: Map<number, PriceComponent[]>,
): ModelFacts {
  return {
    id: model.id,
    slug: model.slug,
    name: model.name,
    creatorName: creator?.name ?? '',
    releaseDate: model.release_date,
    contextWindow: model.context_window,
    license: model.license,
    openWeights: model.open_weights,
    capabilities: capabilitiesFromColumns(model),
    decisionFit: model.decision_fit,
    lastReviewed: model.last_reviewed,
    sourceId: model.source_id,
    routes: routes.map(({ offering, provider, price, purchasable }) => ({
      offeringId: offering.id,
      provider: { id: provider.id, slug: provider.slug, name: provider.name, status: provider.status },
      status: offering.status,
      variants: offering.variants,
      purchasable,
      input: decimalOrNull(price?.input_per_mtok),
      output: decimalOrNull(price?.output_per_mtok),
      cachedInput: decimalOrNull(price?.cache_read_per_mtok),
      cacheWrite5m: decimalOrNull(price?.cache_write_per_mtok),
      components: price ? (components.get(price.id) ?? []) : [],
      priceSourceId: price?.source_id ?? null,
    })),
    scores: scores.map(({ score, benchmark, edition, source }) => ({
      id: score.id,
      benchmark: {
        id: benchmark.id,
        slug: benchmark.slug,
        name: benchmark.name,
        higherIsBetter: benchmark.higher_is_better,
        category: benchmark.category !== null && isBenchmarkCategory(benchmark.category) ? benchmark.category : null,
      },
      value: Decimal.from(score.value),
      setting: score.setting || null,
      sourceId: score.source_id,
      sourceName: source.name,
      edition: edition && {
        id: edition.id,
        slug: edition.slug,
        name: edition.name,
        leaderboard: edition.leaderboard,
        version: edition.version,
        publishedOn: edition.published_on,
        independent: edition.independent,
        sourceId: edition.source_id,
      },
      variant: score.variant,
      ciLow: score.ci_low === null ? null : Decimal.from(score.ci_low),
      ciHigh: score.ci_high === null ? null : Decimal.from(score.ci_high),
      selfReported: score.self_reported,
    })),
  };
}

function decimalOrNull(value: string | null | undefined): Decimal | null {
  return value == null ? null : Decimal.from(value);
}

/** Freezes a value and everything it holds (Maps' entries too; their own methods stay usable). */
function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  if (value instanceof Map) for (const [k, v] of value) (deepFreeze(k), deepFreeze(v));
  for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  return Object.freeze(value);
}
