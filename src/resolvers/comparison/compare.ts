import type { CapabilityKey } from '../../domain/capabilities.js';
import type { BenchmarkComparison, UncomparedBenchmark } from './benchmarks.js';
import type { CapabilityRow, ContextComparison } from './capabilities.js';
import { type ComparisonCore, type ComparisonOptions, computeCore } from './core.js';
import type { CostGap, ModelCost } from './costs.js';
import { type FaqEntry, faq } from './faq.js';
import type { ModelFacts, ProviderFact } from './facts.js';
import { benchmarkSentence, contextText, costNote, summary, switchNotes, uncomparedSentence, verdictHeadline, verdictReasons } from './prose.js';
import type { Switch } from './providers.js';
import { type ScorecardRow, scorecard } from './scorecard.js';
import { type Tradeoff, tradeoffs } from './tradeoffs.js';
import type { Verdict } from './verdict.js';

export interface Comparison extends ComparisonOptions {
  models: ModelFacts[];
  /** Shared benchmarks compared inside one edition that scores every model. */
  benchmarks: (BenchmarkComparison & { sentence: string })[];
  /** Shared benchmarks no single edition scores for every model: not compared, said so. */
  uncomparedBenchmarks: (UncomparedBenchmark & { sentence: string })[];
  largestGap: (BenchmarkComparison & { sentence: string }) | null;
  /** Per model, with a plain note when its cost is unknown. */
  costs: (ModelCost & { note: string | null })[];
  costGap: CostGap;
  providerOverlap: ProviderFact[];
  switches: (Switch & { notes: string[] })[];
  context: ContextComparison & { sentence: string };
  capabilities: CapabilityRow[];
  sharedCapabilities: CapabilityKey[];
  verdict: Verdict & { reasons: string[]; headline: string; quality: { comparison: BenchmarkComparison & { sentence: string }; weight: number }[] };
  scorecard: ScorecardRow[];
  tradeoffs: Tradeoff[];
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
  const headline = verdictHeadline(core, tradeoffList);
  const benchmarks = core.benchmarks.map((b) => ({ ...b, sentence: benchmarkSentence(core, b) }));
  const reviewed = models.map((m) => m.lastReviewed).filter((d): d is string => d !== null).sort();
  return {
    traffic: core.traffic,
    workload: core.workload ?? null,
    inputShare: core.inputShare,
    weights: core.weights,
    useCase: core.useCase,
    models,
    benchmarks,
    uncomparedBenchmarks: core.uncompared.map((u) => ({ ...u, sentence: uncomparedSentence(core, u) })),
    largestGap: benchmarks.find((b) => b.benchmark.id === core.largestGap?.benchmark.id) ?? null,
    costs: core.costs.map((c) => ({ ...c, note: costNote(core, c) })),
    costGap: core.costGap,
    providerOverlap: core.providerOverlap,
    switches: core.switches.map((s) => ({ ...s, notes: switchNotes(core, s) })),
    context: { ...core.context, sentence: contextText(core) },
    capabilities: core.capabilities,
    sharedCapabilities: core.capabilities.filter((r) => r.shared).map((r) => r.capability),
    verdict: {
      ...core.verdict,
      quality: core.verdict.quality.map((q) => ({ ...q, comparison: benchmarks.find((b) => b.benchmark.id === q.comparison.benchmark.id)! })),
      reasons: verdictReasons(core),
      headline,
    },
    scorecard: scorecard(core),
    tradeoffs: tradeoffList,
    faq: faq(core, headline),
    summary: summary(core),
    lastReviewed: reviewed.length === models.length ? reviewed[0]! : null,
    sourceIds: sourcesOf(core),
  };
}

function sourcesOf(core: ComparisonCore): number[] {
  const ids = new Set<number>();
  for (const model of core.models) if (model.sourceId !== null) ids.add(model.sourceId);
  for (const benchmark of core.benchmarks) {
    for (const score of benchmark.scores) ids.add(score.sourceId);
    if (benchmark.group.edition?.sourceId != null) ids.add(benchmark.group.edition.sourceId);
  }
  for (const cost of core.costs) {
    for (const offeringId of [cost.routeOfferingId, cost.cheapestInput?.offeringId, cost.cheapestOutput?.offeringId]) {
      const sourceId = offeringId == null ? null : core.route(offeringId).priceSourceId;
      if (sourceId != null) ids.add(sourceId);
    }
  }
  return [...ids].sort((a, b) => a - b);
}
