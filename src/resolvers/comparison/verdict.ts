import { benchmarkWeight, type UseCase } from '../../domain/use-cases.js';
import type { BenchmarkComparison } from './benchmarks.js';
import type { ContextComparison } from './capabilities.js';
import type { ModelCost } from './costs.js';
import { level } from './editions.js';
import type { VerdictWeights } from './facts.js';

/**
 * The verdict: each model gets a 0–1 score per dimension, relative to the
 * others (1 is the best of the compared models), and a weighted total. A
 * dimension the data cannot fill for every model is left out rather than
 * guessed.
 *
 * Quality comes only from comparable shared benchmarks (each compared inside
 * one edition, benchmarks.ts), weighted by the use case
 * (src/domain/use-cases.ts): the weighted mean of each model's place between
 * the worst (0) and the best (1) score, a model level with the best (equal,
 * or within its 95% interval) counting as best. With no such benchmark,
 * quality is unknown: it is left out of the total, and said to be.
 *
 * A model another model beats or equals on every dimension (dominated) is
 * never recommended. Dominance is only claimed when every dimension is known
 * for every model, quality included: a model is not "never the pick" on
 * signals nobody measured.
 */

export const DIMENSIONS = ['quality', 'cost', 'availability', 'context'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export interface DimensionScores {
  modelId: number;
  /** Per dimension: null when the dimension was left out. */
  scores: Record<Dimension, number | null>;
  total: number | null;
}

/** A benchmark the quality signal used, and its weight for the use case. */
export interface QualityBenchmark {
  comparison: BenchmarkComparison;
  weight: number;
}

export interface Verdict {
  recommendedModelId: number | null;
  useCase: UseCase;
  /** What the quality signal rests on, heaviest first; empty when quality is unknown. */
  quality: QualityBenchmark[];
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

/** The comparable shared benchmarks the use case weighs (weight above 0), heaviest first, then in comparison order. */
export function qualityBenchmarks(benchmarks: BenchmarkComparison[], useCase: UseCase): QualityBenchmark[] {
  return benchmarks
    .map((comparison) => ({ comparison, weight: benchmarkWeight(useCase, comparison.benchmark.category) }))
    .filter((q) => q.weight > 0)
    .sort((a, b) => b.weight - a.weight);
}

function qualityScores(modelIds: number[], basis: QualityBenchmark[]): Map<number, number> | null {
  if (basis.length === 0) return null;
  const sums = new Map(modelIds.map((id) => [id, 0]));
  const weightSum = basis.reduce((sum, q) => sum + q.weight, 0);
  for (const { comparison, weight } of basis) {
    const higher = comparison.benchmark.higherIsBetter;
    const bestScore = [...comparison.scores].sort((a, b) => (higher ? b.value.compare(a.value) : a.value.compare(b.value)))[0]!;
    const values = comparison.scores.map((s) => s.value.toNumber());
    const best = bestScore.value.toNumber();
    const worst = higher ? Math.min(...values) : Math.max(...values);
    for (const score of comparison.scores) {
      const normalised = best === worst || level(score, bestScore) ? 1 : (score.value.toNumber() - worst) / (best - worst);
      sums.set(score.modelId, sums.get(score.modelId)! + weight * normalised);
    }
  }
  return new Map([...sums].map(([id, sum]) => [id, sum / weightSum]));
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
  useCase: UseCase;
}): Verdict {
  const { modelIds, weights } = input;
  const quality = qualityBenchmarks(input.benchmarks, input.useCase);
  const byDimension: Record<Dimension, Map<number, number> | null> = {
    quality: qualityScores(modelIds, quality),
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

  // Dominance uses every dimension, weighted or not: a model that is never
  // better and sometimes worse is never the one to pick. It needs every
  // dimension known, quality first among them: with one unmeasured, nobody
  // can be said to be worse on every signal.
  const dominates = (a: DimensionScores, b: DimensionScores) =>
    DIMENSIONS.every((d) => a.scores[d]! >= b.scores[d]! - EPSILON) && DIMENSIONS.some((d) => a.scores[d]! > b.scores[d]! + EPSILON);
  const dominatedModelIds =
    unknown.length > 0 ? [] : scores.filter((b) => scores.some((a) => a !== b && dominates(a, b))).map((s) => s.modelId);

  const candidates = scores
    .filter((s) => s.total !== null && !dominatedModelIds.includes(s.modelId))
    .sort((a, b) => b.total! - a.total!);
  const top = candidates[0];
  const tied = top ? candidates.filter((c) => Math.abs(c.total! - top.total!) <= EPSILON) : [];
  return {
    recommendedModelId: top && tied.length === 1 ? top.modelId : null,
    useCase: input.useCase,
    quality: byDimension.quality === null ? [] : quality,
    weighed,
    unknown,
    scores,
    dominatedModelIds,
    tiedModelIds: tied.length > 1 ? tied.map((t) => t.modelId) : [],
    weights,
  };
}
