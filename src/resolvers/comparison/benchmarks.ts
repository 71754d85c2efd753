import type { Decimal } from '../decimal.js';
import { bestScore, chooseEdition, type EditionChoice, intervalsOverlap, preferredGroup, type ScoreGroup } from './editions.js';
import type { BenchmarkFact, ModelFacts, ScoreFact } from './facts.js';

/**
 * Shared benchmarks: those every compared model has a score on. They are
 * compared only inside one edition that scores every model (editions.ts
 * says which); a shared benchmark with no such edition is listed as not
 * compared, with no leader, and never counts towards the verdict.
 */

export interface ComparedScore {
  modelId: number;
  value: Decimal;
  setting: string | null;
  sourceId: number;
  scoreId: number;
  /** The run's variant ("high", "thinking-32k"); '' for the default. */
  variant: string;
  ciLow: Decimal | null;
  ciHigh: Decimal | null;
  editionId: number | null;
  /** How many runs the model has in this edition; the best is the one shown. */
  runs: number;
}

export interface BenchmarkComparison {
  benchmark: BenchmarkFact;
  /** In the order of the compared models, all from `group`. */
  scores: ComparedScore[];
  /** Best score; null when the best two tie (equal, or within their 95% intervals). */
  leaderModelId: number | null;
  runnerUpModelId: number | null;
  /** Points between the best and second-best score (0 when equal). */
  gap: Decimal;
  /** The best two differ in points but their 95% intervals overlap: a tie. */
  tiedWithinIntervals: boolean;
  /** The one edition (or edition-less source) every score comes from. */
  group: ScoreGroup;
  /** The source of the scores: their one source, or the edition's. */
  sourceId: number | null;
  independent: boolean;
}

/** A benchmark every model has a score on, but in no one edition: not compared. */
export interface UncomparedBenchmark {
  benchmark: BenchmarkFact;
  /** Per model, in order: its best score in its own most preferred edition. */
  scores: (ComparedScore & { group: ScoreGroup })[];
}

/** Every shared benchmark's scores, per model, in order; benchmarks in first-seen order. */
function sharedBenchmarks(models: ModelFacts[]): { benchmark: BenchmarkFact; perModel: ScoreFact[][] }[] {
  const benchmarks = new Map<number, BenchmarkFact>();
  // One pass over each model's scores (hundreds each on the big leaderboards), not one per benchmark.
  const byModel = models.map((model) => {
    const byBenchmark = new Map<number, ScoreFact[]>();
    for (const score of model.scores) {
      if (!benchmarks.has(score.benchmark.id)) benchmarks.set(score.benchmark.id, score.benchmark);
      const own = byBenchmark.get(score.benchmark.id);
      if (own) own.push(score);
      else byBenchmark.set(score.benchmark.id, [score]);
    }
    return byBenchmark;
  });
  return [...benchmarks.values()]
    .map((benchmark) => ({ benchmark, perModel: byModel.map((scores) => scores.get(benchmark.id) ?? []) }))
    .filter(({ perModel }) => perModel.every((scores) => scores.length > 0));
}

function compared(modelId: number, choice: EditionChoice, scores: ScoreFact[], higherIsBetter: boolean): ComparedScore {
  const best = bestScore(scores, higherIsBetter);
  return {
    modelId,
    value: best.value,
    setting: best.setting,
    sourceId: best.sourceId,
    scoreId: best.id,
    variant: best.variant,
    ciLow: best.ciLow,
    ciHigh: best.ciHigh,
    editionId: choice.group.edition?.id ?? null,
    runs: scores.length,
  };
}

export function compareBenchmarks(models: ModelFacts[]): BenchmarkComparison[] {
  const comparisons: BenchmarkComparison[] = [];
  for (const { benchmark, perModel } of sharedBenchmarks(models)) {
    const choice = chooseEdition(perModel);
    if (!choice) continue;
    const scores = choice.scores.map((own, i) => compared(models[i]!.id, choice, own, benchmark.higherIsBetter));
    const ranked = [...scores].sort((a, b) => (benchmark.higherIsBetter ? b.value.compare(a.value) : a.value.compare(b.value)));
    const [best, second] = ranked as [ComparedScore, ComparedScore];
    const gap = best.value.minus(second.value).abs();
    const tiedWithinIntervals = !gap.isZero() && intervalsOverlap(best, second);
    const tie = gap.isZero() || tiedWithinIntervals;
    const sources = new Set(scores.map((s) => s.sourceId));
    comparisons.push({
      benchmark,
      scores,
      leaderModelId: tie ? null : best.modelId,
      runnerUpModelId: tie ? null : second.modelId,
      gap,
      tiedWithinIntervals,
      group: choice.group,
      sourceId: sources.size === 1 ? scores[0]!.sourceId : choice.group.sourceId,
      independent: choice.group.independent,
    });
  }
  // Leads first, largest gap first: the signal that separates the models most leads.
  return comparisons.sort(
    (a, b) =>
      Number(a.leaderModelId === null) - Number(b.leaderModelId === null) ||
      b.gap.compare(a.gap) ||
      a.benchmark.name.localeCompare(b.benchmark.name),
  );
}

/** Shared benchmarks no single edition scores for every model, by name. */
export function uncomparedBenchmarks(models: ModelFacts[]): UncomparedBenchmark[] {
  return sharedBenchmarks(models)
    .filter(({ perModel }) => chooseEdition(perModel) === null)
    .map(({ benchmark, perModel }) => ({
      benchmark,
      scores: perModel.map((own, i) => {
        const choice = preferredGroup(own);
        return { ...compared(models[i]!.id, choice, choice.scores[0]!, benchmark.higherIsBetter), group: choice.group };
      }),
    }))
    .sort((a, b) => a.benchmark.name.localeCompare(b.benchmark.name));
}

/** The shared benchmark with the widest lead, if any benchmark has a leader. */
export function largestGap(comparisons: BenchmarkComparison[]): BenchmarkComparison | null {
  return comparisons.find((c) => c.leaderModelId !== null) ?? null;
}
