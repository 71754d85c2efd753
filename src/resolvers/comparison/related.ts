import type { Decimal } from '../decimal.js';

/**
 * "Continue comparing": for each compared model, the catalog models nearest
 * to it by price and by benchmark profile, as the next comparisons to open.
 */

export interface ModelProfile {
  id: number;
  /** Blended price per 1M tokens; null when unknown. */
  blended: Decimal | null;
  /** Benchmark id → score. */
  scores: Map<number, number>;
}

export interface RelatedSuggestion {
  /** The compared model this suggestion is next to. */
  modelId: number;
  candidateId: number;
  reason: 'price' | 'benchmarks';
}

export const RELATED_PER_MODEL = 5;

/** A model's nearest catalog models, nearest first (ties by id), itself left out. */
export interface Neighbours {
  byPrice: number[];
  byBenchmarks: number[];
}

/**
 * How many neighbours of each kind to keep so that the suggestions come out
 * the same whichever other models are compared: the others are left out of
 * the lists, and alternating two lists never reads past their first
 * RELATED_PER_MODEL entries (each step adds the entries it reads, or finds
 * them chosen already).
 */
export function neighboursToKeep(maxCompared: number): number {
  return RELATED_PER_MODEL + maxCompared - 1;
}

/** Distance in orders of magnitude, so $0.02 vs $0.04 is as far as $2 vs $4. */
function priceDistance(x: number, y: number): number | null {
  if (x <= 0 || y <= 0) return x === y ? 0 : null;
  return Math.abs(Math.log10(x) - Math.log10(y));
}

/** Mean absolute difference over the benchmarks both have; null with none in common. */
function profileDistance(a: Map<number, number>, b: Map<number, number>): number | null {
  let sum = 0;
  let common = 0;
  for (const [k, value] of a) {
    const other = b.get(k);
    if (other === undefined) continue;
    sum += Math.abs(value - other);
    common++;
  }
  return common === 0 ? null : sum / common;
}

function nearest(candidates: ModelProfile[], keep: number, distance: (c: ModelProfile) => number | null): number[] {
  return candidates
    .map((c) => ({ id: c.id, d: distance(c) }))
    .filter((x): x is { id: number; d: number } => x.d !== null)
    .sort((a, b) => a.d - b.d || a.id - b.id)
    .slice(0, keep)
    .map((x) => x.id);
}

/** The `keep` catalog models nearest to `model` by blended price and by benchmark profile. */
export function nearestNeighbours(model: ModelProfile, catalog: ModelProfile[], keep: number): Neighbours {
  const others = catalog.filter((c) => c.id !== model.id);
  const price = model.blended?.toNumber() ?? null;
  return {
    byPrice: price === null ? [] : nearest(others, keep, (c) => (c.blended === null ? null : priceDistance(price, c.blended.toNumber()))),
    byBenchmarks: nearest(others, keep, (c) => profileDistance(model.scores, c.scores)),
  };
}

/** For each compared model in order, up to RELATED_PER_MODEL suggestions from its neighbours, leaving the compared models out. */
export function relatedSuggestions(comparedIds: number[], neighbours: Map<number, Neighbours>): RelatedSuggestion[] {
  const compared = new Set(comparedIds);
  const suggestions: RelatedSuggestion[] = [];
  for (const modelId of comparedIds) {
    const near = neighbours.get(modelId) ?? { byPrice: [], byBenchmarks: [] };
    const byPrice = near.byPrice.filter((id) => !compared.has(id));
    const byBenchmarks = near.byBenchmarks.filter((id) => !compared.has(id));
    const chosen = new Set<number>();
    // Alternate the two lists so both kinds of neighbour are offered.
    for (let i = 0; chosen.size < RELATED_PER_MODEL && (i < byPrice.length || i < byBenchmarks.length); i++) {
      for (const [list, reason] of [
        [byPrice, 'price'],
        [byBenchmarks, 'benchmarks'],
      ] as const) {
        const id = list[i];
        if (id === undefined || chosen.has(id) || chosen.size >= RELATED_PER_MODEL) continue;
        chosen.add(id);
        suggestions.push({ modelId, candidateId: id, reason });
      }
    }
  }
  return suggestions;
}
