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

/** Distance in orders of magnitude, so $0.02 vs $0.04 is as far as $2 vs $4. */
function priceDistance(a: Decimal, b: Decimal): number | null {
  const x = a.toNumber();
  const y = b.toNumber();
  if (x <= 0 || y <= 0) return x === y ? 0 : null;
  return Math.abs(Math.log10(x) - Math.log10(y));
}

/** Mean absolute difference over the benchmarks both have; null with none in common. */
function profileDistance(a: Map<number, number>, b: Map<number, number>): number | null {
  const common = [...a.keys()].filter((k) => b.has(k));
  if (common.length === 0) return null;
  return common.reduce((sum, k) => sum + Math.abs(a.get(k)! - b.get(k)!), 0) / common.length;
}

function nearest(candidates: ModelProfile[], distance: (c: ModelProfile) => number | null): number[] {
  return candidates
    .map((c) => ({ id: c.id, d: distance(c) }))
    .filter((x): x is { id: number; d: number } => x.d !== null)
    .sort((a, b) => a.d - b.d || a.id - b.id)
    .map((x) => x.id);
}

export function relatedSuggestions(compared: ModelProfile[], catalog: ModelProfile[]): RelatedSuggestion[] {
  const comparedIds = new Set(compared.map((m) => m.id));
  const candidates = catalog.filter((c) => !comparedIds.has(c.id));
  const suggestions: RelatedSuggestion[] = [];
  for (const model of compared) {
    const byPrice = model.blended === null ? [] : nearest(candidates, (c) => (c.blended === null ? null : priceDistance(model.blended!, c.blended)));
    const byBenchmarks = nearest(candidates, (c) => profileDistance(model.scores, c.scores));
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
        suggestions.push({ modelId: model.id, candidateId: id, reason });
      }
    }
  }
  return suggestions;
}
