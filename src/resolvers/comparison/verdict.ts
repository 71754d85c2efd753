import type { BenchmarkComparison } from './benchmarks.js';
import type { ContextComparison } from './capabilities.js';
import type { ModelCost } from './costs.js';
import type { VerdictWeights } from './facts.js';

/**
 * The verdict: each model gets a 0–1 score per dimension, relative to the
 * others (1 is the best of the compared models), and a weighted total. A
 * dimension the data cannot fill for every model is left out rather than
 * guessed. A model another model beats or equals on every dimension
 * (dominated) is never recommended.
 */

export const DIMENSIONS = ['quality', 'cost', 'availability', 'context'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export interface DimensionScores {
  modelId: number;
  /** Per dimension: null when the dimension was left out. */
  scores: Record<Dimension, number | null>;
  total: number | null;
}

export interface Verdict {
  recommendedModelId: number | null;
  /** Dimensions that were weighed (known for every model, weight above 0). */
  weighed: Dimension[];
  /** Dimensions left out because some model's value is unknown. */
  unknown: Dimension[];
  scores: DimensionScores[];
  dominatedModelIds: number[];
  /** Models whose totals tie for first (empty when there is a single best). */
  tiedModelIds: number[];
  weights: VerdictWeights;
}

const EPSILON = 1e-9;

function qualityScores(modelIds: number[], benchmarks: BenchmarkComparison[]): Map<number, number> | null {
  if (benchmarks.length === 0) return null;
  const sums = new Map(modelIds.map((id) => [id, 0]));
  for (const comparison of benchmarks) {
    const values = comparison.scores.map((s) => s.value.toNumber());
    const best = comparison.benchmark.higherIsBetter ? Math.max(...values) : Math.min(...values);
    const worst = comparison.benchmark.higherIsBetter ? Math.min(...values) : Math.max(...values);
    for (const score of comparison.scores) {
      const normalised = best === worst ? 1 : (score.value.toNumber() - worst) / (best - worst);
      sums.set(score.modelId, sums.get(score.modelId)! + normalised);
    }
  }
  return new Map([...sums].map(([id, sum]) => [id, sum / benchmarks.length]));
}

function relativeToBest(values: Map<number, number | null>, better: 'higher' | 'lower'): Map<number, number> | null {
  if ([...values.values()].some((v) => v === null)) return null;
  const known = values as Map<number, number>;
  const numbers = [...known.values()];
  if (better === 'higher') {
    const best = Math.max(...numbers);
    return new Map([...known].map(([id, v]) => [id, best === 0 ? 1 : v / best]));
  }
  const best = Math.min(...numbers);
  return new Map([...known].map(([id, v]) => [id, v === 0 ? 1 : best / v]));
}

export function decideVerdict(input: {
  modelIds: number[];
  benchmarks: BenchmarkComparison[];
  costs: ModelCost[];
  context: ContextComparison;
  weights: VerdictWeights;
}): Verdict {
  const { modelIds, weights } = input;
  const byDimension: Record<Dimension, Map<number, number> | null> = {
    quality: qualityScores(modelIds, input.benchmarks),
    cost: relativeToBest(new Map(input.costs.map((c) => [c.modelId, c.monthlyCost?.toNumber() ?? null])), 'lower'),
    availability: relativeToBest(new Map(input.costs.map((c) => [c.modelId, c.providerCount])), 'higher'),
    context: relativeToBest(new Map(input.context.values.map((v) => [v.modelId, v.tokens])), 'higher'),
  };
  const unknown = DIMENSIONS.filter((d) => byDimension[d] === null);
  const weighed = DIMENSIONS.filter((d) => byDimension[d] !== null && weights[d] > 0);
  const weightSum = weighed.reduce((sum, d) => sum + weights[d], 0);

  const scores: DimensionScores[] = modelIds.map((modelId) => {
    const perDimension = Object.fromEntries(
      DIMENSIONS.map((d) => [d, byDimension[d]?.get(modelId) ?? null]),
    ) as Record<Dimension, number | null>;
    const total =
      weightSum === 0 ? null : weighed.reduce((sum, d) => sum + weights[d] * perDimension[d]!, 0) / weightSum;
    return { modelId, scores: perDimension, total };
  });

  // Dominance uses every known dimension, weighted or not: a model that is
  // never better and sometimes worse is never the one to pick.
  const known = DIMENSIONS.filter((d) => byDimension[d] !== null);
  const dominates = (a: DimensionScores, b: DimensionScores) =>
    known.every((d) => a.scores[d]! >= b.scores[d]! - EPSILON) && known.some((d) => a.scores[d]! > b.scores[d]! + EPSILON);
  const dominatedModelIds = scores.filter((b) => scores.some((a) => a !== b && dominates(a, b))).map((s) => s.modelId);

  const candidates = scores
    .filter((s) => s.total !== null && !dominatedModelIds.includes(s.modelId))
    .sort((a, b) => b.total! - a.total!);
  const top = candidates[0];
  const tied = top ? candidates.filter((c) => Math.abs(c.total! - top.total!) <= EPSILON) : [];
  return {
    recommendedModelId: top && tied.length === 1 ? top.modelId : null,
    weighed,
    unknown,
    scores,
    dominatedModelIds,
    tiedModelIds: tied.length > 1 ? tied.map((t) => t.modelId) : [],
    weights,
  };
}
