import type { Decimal } from '../decimal.js';
import type { BenchmarkFact, ModelFacts, ScoreFact } from './facts.js';

/**
 * Shared benchmarks: those every compared model has a score on. Sources
 * disagree (Meta's card and a leaderboard give different MMLU-Pro numbers),
 * so scores are compared within one source that covers every model when
 * there is one; otherwise each model's score comes from the source that
 * covers the most of them, and the comparison says the sources are mixed.
 */

export interface ComparedScore {
  modelId: number;
  value: Decimal;
  setting: string | null;
  sourceId: number;
  scoreId: number;
}

export interface BenchmarkComparison {
  benchmark: BenchmarkFact;
  /** In the order of the compared models. */
  scores: ComparedScore[];
  /** Best score; null when the best two tie. */
  leaderModelId: number | null;
  runnerUpModelId: number | null;
  /** Points between the best and second-best score (0 on a tie). */
  gap: Decimal;
  /** The one source all scores come from; null when they had to be mixed. */
  sourceId: number | null;
}

export function compareBenchmarks(models: ModelFacts[]): BenchmarkComparison[] {
  const benchmarks = new Map<number, BenchmarkFact>();
  for (const model of models) for (const score of model.scores) benchmarks.set(score.benchmark.id, score.benchmark);

  const comparisons: BenchmarkComparison[] = [];
  for (const benchmark of benchmarks.values()) {
    const perModel = models.map((m) => m.scores.filter((s) => s.benchmark.id === benchmark.id));
    if (perModel.some((scores) => scores.length === 0)) continue;
    const chosen = chooseScores(perModel);
    const scores = chosen.map((score, i) => ({
      modelId: models[i]!.id,
      value: score.value,
      setting: score.setting,
      sourceId: score.sourceId,
      scoreId: score.id,
    }));
    const ranked = [...scores].sort((a, b) =>
      benchmark.higherIsBetter ? b.value.compare(a.value) : a.value.compare(b.value),
    );
    const [best, second] = ranked as [ComparedScore, ComparedScore];
    const gap = best.value.minus(second.value).abs();
    const sources = new Set(scores.map((s) => s.sourceId));
    comparisons.push({
      benchmark,
      scores,
      leaderModelId: gap.isZero() ? null : best.modelId,
      runnerUpModelId: gap.isZero() ? null : second.modelId,
      gap,
      sourceId: sources.size === 1 ? scores[0]!.sourceId : null,
    });
  }
  // Largest gap first: the signal that separates the models most leads.
  return comparisons.sort((a, b) => b.gap.compare(a.gap) || a.benchmark.name.localeCompare(b.benchmark.name));
}

/** One score per model, preferring a single source that covers every model. */
function chooseScores(perModel: ScoreFact[][]): ScoreFact[] {
  const coverage = new Map<number, number>();
  for (const scores of perModel) {
    for (const sourceId of new Set(scores.map((s) => s.sourceId))) {
      coverage.set(sourceId, (coverage.get(sourceId) ?? 0) + 1);
    }
  }
  // Most models covered first; the earliest-recorded source breaks ties.
  const sourcePreference = [...coverage.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([id]) => id);
  return perModel.map((scores) => {
    for (const sourceId of sourcePreference) {
      const fromSource = scores.filter((s) => s.sourceId === sourceId).sort((a, b) => a.id - b.id);
      if (fromSource[0]) return fromSource[0];
    }
    throw new Error('unreachable: every model has a score on a shared benchmark');
  });
}

/** The shared benchmark with the widest lead, if any benchmark has a leader. */
export function largestGap(comparisons: BenchmarkComparison[]): BenchmarkComparison | null {
  return comparisons.find((c) => c.leaderModelId !== null) ?? null;
}
