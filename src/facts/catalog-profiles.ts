import type { Context } from '../context.js';
import type { Db } from '../db/client.js';
import type { ModelRow } from '../db/database.js';
import { catalogWithCheapestPrices, earliestScores } from '../db/queries/comparison.js';
import { blendedPrice } from '../resolvers/comparison/costs.js';
import { type ModelProfile, type Neighbours, nearestNeighbours } from '../resolvers/comparison/related.js';
import { Decimal } from '../resolvers/decimal.js';

/**
 * "Continue comparing" weighs every model of the catalog against the compared
 * ones. The catalog's price and benchmark profiles are read once per
 * generation (src/facts/generation.ts), and each model's nearest neighbours
 * are found once per generation and blend: a request then reads no more than
 * the version, however big the catalog.
 */

interface CatalogSnapshot {
  /** Every model that is not retired, by id. */
  rows: Map<number, ModelRow>;
  models: { id: number; cheapestInput: Decimal | null; cheapestOutput: Decimal | null; scores: Map<number, number> }[];
}

/**
 * Each compared model's nearest catalog models by price and by benchmarks
 * (nearest first; enough to offer the suggestions whichever other models are
 * compared), with the request's loaders primed with their rows: the
 * suggestions name them.
 */
export async function neighboursOf(context: Context, modelIds: number[], asOf: Date, inputShare: Decimal, keep: number): Promise<Map<number, Neighbours>> {
  const generation = await context.generationAt(asOf);
  const snapshot = await generation.memo('catalog-profiles', () => readSnapshot(context.reads, asOf));
  const blend = inputShare.toString();
  const profiles = await generation.memo(`catalog-profiles:${blend}`, async () => profilesAt(snapshot, inputShare));
  const found = await Promise.all(
    modelIds.map((id) => generation.memo(`neighbours:${blend}:${keep}:${id}`, async () => neighboursIn(profiles, id, keep))),
  );
  for (const { byPrice, byBenchmarks } of found) {
    for (const id of [...byPrice, ...byBenchmarks]) context.loaders.modelsById.prime(id, snapshot.rows.get(id)!);
  }
  return new Map(modelIds.map((id, i) => [id, found[i]!]));
}

function neighboursIn(profiles: ModelProfile[], id: number, keep: number): Neighbours {
  const model = profiles.find((p) => p.id === id);
  // A retired model has no profile: it has no neighbours to offer.
  return model ? nearestNeighbours(model, profiles, keep) : { byPrice: [], byBenchmarks: [] };
}

/** Read at any date of the generation: the same prices are in force at all of them. */
async function readSnapshot(db: Db, asOf: Date): Promise<CatalogSnapshot> {
  const [catalog, scores] = await Promise.all([catalogWithCheapestPrices(db, asOf), earliestScores(db)]);
  const scoresByModel = new Map<number, Map<number, number>>();
  for (const s of scores) {
    if (!scoresByModel.has(s.model_id)) scoresByModel.set(s.model_id, new Map());
    scoresByModel.get(s.model_id)!.set(s.benchmark_id, Number(s.value));
  }
  return {
    rows: new Map(catalog.map(({ model }) => [model.id, model])),
    models: catalog.map(({ model, cheapestInput, cheapestOutput }) => ({
      id: model.id,
      cheapestInput: cheapestInput === null ? null : Decimal.from(cheapestInput),
      cheapestOutput: cheapestOutput === null ? null : Decimal.from(cheapestOutput),
      scores: scoresByModel.get(model.id) ?? new Map(),
    })),
  };
}

function profilesAt(snapshot: CatalogSnapshot, inputShare: Decimal): ModelProfile[] {
  return snapshot.models.map((m) => ({ id: m.id, blended: blendedPrice(inputShare, m.cheapestInput, m.cheapestOutput), scores: m.scores }));
}
