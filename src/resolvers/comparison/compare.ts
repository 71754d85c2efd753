import type { BenchmarkComparison } from './benchmarks.js';
import { type ComparisonCore, type ComparisonOptions, computeCore } from './core.js';
import { type FaqEntry, faq } from './faq.js';
import type { ModelFacts } from './facts.js';
import { benchmarkSentence, contextText, summary, switchNotes, verdictHeadline, verdictReasons } from './prose.js';
import type { Switch } from './providers.js';
import { type ScorecardRow, scorecard } from './scorecard.js';
import { type Tradeoff, tradeoffs } from './tradeoffs.js';

export interface Comparison extends ComparisonCore {
  benchmarkSentences: Map<BenchmarkComparison, string>;
  switchNotes: Map<Switch, string[]>;
  contextSentence: string;
  scorecard: ScorecardRow[];
  tradeoffs: Tradeoff[];
  verdictReasons: string[];
  verdictHeadline: string;
  faq: FaqEntry[];
  summary: string;
  /** The oldest review date among the compared models: the page is as fresh as its stalest fact. */
  lastReviewed: string | null;
  /** Every source a number in the comparison rests on. */
  sourceIds: number[];
}

/**
 * Compares 2–10 models: the numbers first (core.ts), then every sentence from
 * those numbers, so the prose can never disagree with the figures.
 */
export function compareModels(models: ModelFacts[], options: ComparisonOptions): Comparison {
  if (models.length < 2) throw new RangeError('a comparison needs at least two models');
  const core = computeCore(models, options);
  const tradeoffList = tradeoffs(core);
  const advantage = new Map(tradeoffList.map((t) => [t.modelId, t.advantages > 0]));
  const headline = verdictHeadline(core, tradeoffList, (id) => advantage.get(id) ?? false);
  const reviewed = models.map((m) => m.lastReviewed).filter((d): d is string => d !== null).sort();
  return {
    ...core,
    benchmarkSentences: new Map(core.benchmarks.map((b) => [b, benchmarkSentence(core, b)])),
    switchNotes: new Map(core.switches.map((s) => [s, switchNotes(core, s)])),
    contextSentence: contextText(core),
    scorecard: scorecard(core),
    tradeoffs: tradeoffList,
    verdictReasons: verdictReasons(core),
    verdictHeadline: headline,
    faq: faq(core, headline),
    summary: summary(core),
    lastReviewed: reviewed.length === models.length ? reviewed[0]! : null,
    sourceIds: sourcesOf(core),
  };
}

function sourcesOf(core: ComparisonCore): number[] {
  const ids = new Set<number>();
  for (const model of core.models) if (model.sourceId !== null) ids.add(model.sourceId);
  for (const benchmark of core.benchmarks) for (const score of benchmark.scores) ids.add(score.sourceId);
  for (const cost of core.costs) {
    for (const offeringId of [cost.routeOfferingId, cost.cheapestInput?.offeringId, cost.cheapestOutput?.offeringId]) {
      const sourceId = offeringId == null ? null : core.route(offeringId).priceSourceId;
      if (sourceId != null) ids.add(sourceId);
    }
  }
  return [...ids].sort((a, b) => a - b);
}
