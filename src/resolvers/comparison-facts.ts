import type { Context } from '../context.js';
import type { ModelRow } from '../db/database.js';
import { routesForModels, scoresForModels } from '../db/queries/comparison.js';
import { componentsForPrices } from '../db/queries/price-components.js';
import { isBenchmarkCategory } from '../domain/benchmarks.js';
import { capabilitiesFromColumns } from '../domain/capabilities.js';
import type { ModelFacts } from './comparison/facts.js';
import { Decimal } from './decimal.js';

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
      if ('reference' in ref) return loaders.modelsByReference.load(ref.reference);
      const row = await loaders.modelsById.load(ref.id);
      return row ? [row] : [];
    }),
  );
  for (const row of found.flat()) {
    loaders.modelsById.prime(row.id, row);
    loaders.modelsBySlug.prime(row.slug, row);
  }
  return found;
}

export async function loadModelFacts(
  { reads, loaders }: Context,
  models: ModelRow[],
  asOf: Date,
  options: { pricesAreCurrent: boolean },
): Promise<ModelFacts[]> {
  const ids = models.map((m) => m.id);
  // The routes, then every component of their prices in force in one more statement (none when no route is priced).
  const routesWithComponents = async () => {
    const rows = await routesForModels(reads, ids, asOf);
    return { rows, components: await componentsForPrices(reads, rows.flatMap((r) => (r.price ? [r.price.id] : []))) };
  };
  const [creators, { rows: routes, components }, scores] = await Promise.all([
    Promise.all(models.map((m) => loaders.creatorsById.load(m.creator_id))),
    routesWithComponents(),
    scoresForModels(reads, ids),
  ]);

  for (const id of ids) {
    loaders.offeringsByModelId.clear(id).prime(id, routes.filter((r) => r.offering.model_id === id).map((r) => r.offering));
    loaders.scoresByModelId.clear(id).prime(id, scores.filter((s) => s.score.model_id === id).map((s) => s.score));
  }
  for (const { offering, provider, price } of routes) {
    loaders.offeringsById.prime(offering.id, offering);
    loaders.providersById.prime(provider.id, provider);
    // Offering.price means "now"; only prices read for now may stand in for it.
    if (options.pricesAreCurrent) loaders.currentPriceByOfferingId.prime(offering.id, price);
    // A price row's components do not depend on the date: always theirs.
    if (price) loaders.componentsByPriceId.prime(price.id, components.get(price.id) ?? []);
  }
  for (const { benchmark, edition, source } of scores) {
    loaders.benchmarksById.prime(benchmark.id, benchmark);
    loaders.sourcesById.prime(source.id, source);
    if (edition) loaders.editionsById.prime(edition.id, edition);
  }

  return models.map((model, i) => ({
    id: model.id,
    slug: model.slug,
    name: model.name,
    creatorName: creators[i]?.name ?? '',
    releaseDate: model.release_date,
    contextWindow: model.context_window,
    license: model.license,
    openWeights: model.open_weights,
    capabilities: capabilitiesFromColumns(model),
    decisionFit: model.decision_fit,
    lastReviewed: model.last_reviewed,
    sourceId: model.source_id,
    routes: routes
      .filter((r) => r.offering.model_id === model.id)
      .map(({ offering, provider, price, purchasable }) => ({
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
    scores: scores
      .filter((s) => s.score.model_id === model.id)
      .map(({ score, benchmark, edition, source }) => ({
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
  }));
}

function decimalOrNull(value: string | null | undefined): Decimal | null {
  return value == null ? null : Decimal.from(value);
}
