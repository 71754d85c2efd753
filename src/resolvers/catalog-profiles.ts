import type { Context } from '../context.js';
import type { Db } from '../db/client.js';
import type { ModelRow } from '../db/database.js';
import { catalogVersionAndPriceSpan, catalogWithCheapestPrices, earliestScores } from '../db/queries/comparison.js';
import { blendedPrice } from './comparison/costs.js';
import type { ModelProfile } from './comparison/related.js';
import { Decimal } from './decimal.js';

/**
 * "Continue comparing" weighs every model of the catalog against the compared
 * ones. Reading the whole catalog on every request made it the comparison's
 * dearest field; the profiles only change when the catalog does (its version)
 * or when another price comes into force (the price span), so they are read
 * once per version and span and kept for as long as both hold. A request then
 * costs one statement (the version and span), however big the catalog.
 */

interface Span {
  version: number;
  from: number;
  until: number;
}

/** The prices read are the ones in force from `from` (inclusive) until `until` (exclusive), in ms. */
interface CatalogSnapshot extends Span {
  rows: ModelRow[];
  models: { id: number; cheapestInput: Decimal | null; cheapestOutput: Decimal | null; scores: Map<number, number> }[];
  /** Profiles by input share (the blend is the request's), computed once each. */
  byInputShare: Map<string, ModelProfile[]>;
}

/** One snapshot per database, loading or loaded: concurrent requests share one read. */
const snapshots = new WeakMap<Db, Promise<CatalogSnapshot>>();

/**
 * The price and benchmark profiles of every model of the catalog that is not
 * retired, at `asOf`, with the request's loaders primed with their rows (the
 * suggestions name them).
 */
export async function catalogProfiles({ reads: db, loaders }: Context, asOf: Date, inputShare: Decimal): Promise<ModelProfile[]> {
  const raw = await catalogVersionAndPriceSpan(db, asOf);
  const span: Span = { version: raw.version, from: raw.from?.getTime() ?? -Infinity, until: raw.until?.getTime() ?? Infinity };
  const fits = (s: CatalogSnapshot | undefined): s is CatalogSnapshot => !!s && s.version === span.version && s.from === span.from && s.until === span.until;
  let loading = snapshots.get(db);
  let snapshot = loading && (await loading.catch(() => undefined));
  if (!fits(snapshot)) {
    // Whoever sees it stale first reads it again; the others wait for that read.
    if (snapshots.get(db) === loading) {
      loading = readSnapshot(db, span, asOf);
      snapshots.set(db, loading);
      loading.catch(() => snapshots.delete(db));
    } else {
      loading = snapshots.get(db)!;
    }
    snapshot = await loading;
    // Another request's read may be for another version or date: then read our own.
    if (!fits(snapshot)) snapshot = await readSnapshot(db, span, asOf);
  }
  for (const row of snapshot.rows) loaders.modelsById.prime(row.id, row);
  return profilesAt(snapshot, inputShare);
}

async function readSnapshot(db: Db, span: Span, asOf: Date): Promise<CatalogSnapshot> {
  const [catalog, scores] = await Promise.all([catalogWithCheapestPrices(db, asOf), earliestScores(db)]);
  const scoresByModel = new Map<number, Map<number, number>>();
  for (const s of scores) {
    if (!scoresByModel.has(s.model_id)) scoresByModel.set(s.model_id, new Map());
    scoresByModel.get(s.model_id)!.set(s.benchmark_id, Number(s.value));
  }
  return {
    ...span,
    rows: catalog.map(({ model }) => model),
    models: catalog.map(({ model, cheapestInput, cheapestOutput }) => ({
      id: model.id,
      cheapestInput: cheapestInput === null ? null : Decimal.from(cheapestInput),
      cheapestOutput: cheapestOutput === null ? null : Decimal.from(cheapestOutput),
      scores: scoresByModel.get(model.id) ?? new Map(),
    })),
    byInputShare: new Map(),
  };
}

function profilesAt(snapshot: CatalogSnapshot, inputShare: Decimal): ModelProfile[] {
  const key = inputShare.toString();
  let profiles = snapshot.byInputShare.get(key);
  if (!profiles) {
    profiles = snapshot.models.map((m) => ({ id: m.id, blended: blendedPrice(inputShare, m.cheapestInput, m.cheapestOutput), scores: m.scores }));
    // Bounded: a client sending many blends must not grow it without end.
    if (snapshot.byInputShare.size >= 16) snapshot.byInputShare.clear();
    snapshot.byInputShare.set(key, profiles);
  }
  return profiles;
}
