import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ModelProfile,
  nearestNeighbours,
  neighboursToKeep,
  RELATED_PER_MODEL,
  type RelatedSuggestion,
  relatedSuggestions,
} from '../../src/resolvers/comparison/related.js';
import { Decimal } from '../../src/resolvers/decimal.js';

/**
 * The reference: every candidate weighed against every compared model on
 * each request, as "continue comparing" was first written. The neighbour
 * lists kept per model (at most `neighboursToKeep` long) must give the same
 * suggestions whichever models are compared.
 */
function reference(compared: ModelProfile[], catalog: ModelProfile[]): RelatedSuggestion[] {
  const comparedIds = new Set(compared.map((m) => m.id));
  const candidates = catalog.filter((c) => !comparedIds.has(c.id));
  const rank = (distance: (c: ModelProfile) => number | null) =>
    candidates
      .map((c) => ({ id: c.id, d: distance(c) }))
      .filter((x): x is { id: number; d: number } => x.d !== null)
      .sort((a, b) => a.d - b.d || a.id - b.id)
      .map((x) => x.id);
  const suggestions: RelatedSuggestion[] = [];
  for (const model of compared) {
    const byPrice =
      model.blended === null
        ? []
        : rank((c) => {
            if (c.blended === null) return null;
            const [x, y] = [model.blended!.toNumber(), c.blended.toNumber()];
            if (x <= 0 || y <= 0) return x === y ? 0 : null;
            return Math.abs(Math.log10(x) - Math.log10(y));
          });
    const byBenchmarks = rank((c) => {
      const common = [...model.scores.keys()].filter((k) => c.scores.has(k));
      return common.length === 0 ? null : common.reduce((sum, k) => sum + Math.abs(model.scores.get(k)! - c.scores.get(k)!), 0) / common.length;
    });
    const chosen = new Set<number>();
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

// Few distinct prices and scores, so that ties (broken by id) are common.
const profile = (id: number) =>
  fc.record({
    blended: fc.option(fc.constantFrom('0', '0.02', '0.04', '0.5', '2', '4', '15'), { nil: null }),
    scores: fc.dictionary(fc.constantFrom('1', '2', '3', '4'), fc.constantFrom(10, 20, 35, 50)),
  }).map(({ blended, scores }): ModelProfile => ({
    id,
    blended: blended === null ? null : Decimal.from(blended),
    scores: new Map(Object.entries(scores).map(([k, v]) => [Number(k), v])),
  }));

const catalogAndCompared = fc
  .integer({ min: 2, max: 40 })
  .chain((size) =>
    fc.tuple(
      fc.tuple(...Array.from({ length: size }, (_, i) => profile(i + 1))),
      fc.shuffledSubarray(Array.from({ length: size }, (_, i) => i + 1), { minLength: 2, maxLength: Math.min(10, size) }),
    ),
  );

describe('continue comparing from kept neighbour lists', () => {
  it('suggests what weighing the whole catalog on every request suggests', () => {
    fc.assert(
      fc.property(catalogAndCompared, ([catalog, comparedIds]) => {
        const keep = neighboursToKeep(10);
        const byId = new Map(catalog.map((p) => [p.id, p]));
        const neighbours = new Map(comparedIds.map((id) => [id, nearestNeighbours(byId.get(id)!, catalog, keep)]));
        expect(relatedSuggestions(comparedIds, neighbours)).toEqual(reference(comparedIds.map((id) => byId.get(id)!), catalog));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps too few neighbours and the suggestions change: the bound is needed', () => {
    // Model 1's nearest by price are the other compared models; with lists one shorter, fewer than five remain.
    const catalog = Array.from({ length: 20 }, (_, i): ModelProfile => ({ id: i + 1, blended: Decimal.from(String(i + 1)), scores: new Map() }));
    const compared = Array.from({ length: 10 }, (_, i) => i + 1);
    const byId = new Map(catalog.map((p) => [p.id, p]));
    const at = (keep: number) => relatedSuggestions(compared, new Map(compared.map((id) => [id, nearestNeighbours(byId.get(id)!, catalog, keep)])));
    const expected = reference(compared.map((id) => byId.get(id)!), catalog);
    expect(at(neighboursToKeep(10))).toEqual(expected);
    expect(at(neighboursToKeep(10) - 1)).not.toEqual(expected);
  });
});
