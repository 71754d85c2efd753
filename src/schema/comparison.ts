import { decodeGlobalID } from '@pothos/plugin-relay';
import type { ModelRow } from '../db/database.js';
import { neighboursOf } from '../facts/catalog-profiles.js';
import { loadModelFacts, loadModels } from '../facts/model-facts.js';
import type { BenchmarkComparison, UncomparedBenchmark } from '../resolvers/comparison/benchmarks.js';
import type { CapabilityRow } from '../resolvers/comparison/capabilities.js';
import { type Comparison, compareModels } from '../resolvers/comparison/compare.js';
import type { RoutePrice } from '../resolvers/comparison/costs.js';
import type { ComparedScore } from '../resolvers/comparison/benchmarks.js';
import type { ModelFacts, Traffic } from '../resolvers/comparison/facts.js';
import type { Switch } from '../resolvers/comparison/providers.js';
import { neighboursToKeep, type RelatedSuggestion, relatedSuggestions } from '../resolvers/comparison/related.js';
import type { ScorecardRow, ScorecardValue } from '../resolvers/comparison/scorecard.js';
import type { Tradeoff } from '../resolvers/comparison/tradeoffs.js';
import type { DimensionScores } from '../resolvers/comparison/verdict.js';
import { type Decimal, quoted } from '../resolvers/decimal.js';
import { capabilityLabel, tokenWindow } from '../resolvers/format.js';
import type { Context } from '../context.js';
import { builder } from './builder.js';
import { DEFAULT_USE_CASE } from '../domain/use-cases.js';
import {
  BlendInput,
  inputShareFrom,
  trafficOrWorkload,
  usageArgs,
  usageFrom,
  UseCaseEnum,
  VerdictWeightsInput,
  weightsFrom,
} from './comparison-inputs.js';
import { CostLineRef, WorkloadRef } from './pricing.js';
import { ambiguousModel, userInputError } from './errors.js';
import { referenceRule } from './input-rules.js';
import { parseGlobalIntId } from './pagination.js';
import { Capability } from './model.js';
import { BenchmarkRef, EditionRef, ModelRef, OfferingRef, ProviderRef, SourceRef } from './refs.js';

export const MIN_MODELS = 2;
export const MAX_MODELS = 10;

type ComparisonShape = Comparison & { asOf: Date };

const loadModel = (context: Context, id: number) => context.loaders.modelsById.existing(id);
const money = (value: Decimal | null | undefined) => (value == null ? null : value.toString());

export const TrafficRef = builder.objectRef<Traffic>('Traffic').implement({
  description: 'Monthly token traffic a cost was computed for (with a workload, the tokens it sends a month).',
  fields: (t) => ({
    inputTokensPerMonth: t.field({ type: 'TokenCount', description: 'Input tokens a month.', resolve: (x) => x.inputTokens }),
    outputTokensPerMonth: t.field({ type: 'TokenCount', description: 'Output tokens a month.', resolve: (x) => x.outputTokens }),
  }),
});

const editionOf = (context: Context, editionId: number | null) => (editionId === null ? null : context.loaders.editionsById.get(editionId));
const decimalOrNull = (value: Decimal | null) => (value === null ? null : value.toNumber());

const ModelScoreRef = builder.objectRef<ComparedScore>('ModelScore').implement({
  description: 'One compared model’s score on a shared benchmark: its best run in the edition compared.',
  fields: (t) => ({
    model: t.field({ type: ModelRef, description: 'The model.', resolve: (s, _a, ctx) => loadModel(ctx, s.modelId) }),
    value: t.float({ description: 'The score, on the benchmark’s scale.', resolve: (s) => s.value.toNumber() }),
    valueDecimal: t.field({ type: 'Decimal', description: 'The score exactly as stored.', resolve: (s) => s.value.toString() }),
    ciLow: t.float({ nullable: true, description: 'Lower bound of the 95% interval, when the source gives one.', resolve: (s) => decimalOrNull(s.ciLow) }),
    ciHigh: t.float({ nullable: true, description: 'Upper bound of the 95% interval, when the source gives one.', resolve: (s) => decimalOrNull(s.ciHigh) }),
    setting: t.string({ nullable: true, description: 'How it was run, when the source says.', resolve: (s) => s.setting }),
    variant: t.string({
      nullable: true,
      description: 'The run’s variant (reasoning effort, thinking budget) when the model has several in the edition and this, its best, is not the default; null for the default run.',
      resolve: (s) => s.variant || null,
    }),
    runs: t.exposeInt('runs', { description: 'How many runs (settings, variants) the model has in this edition; the best is the one compared.' }),
    edition: t.field({
      type: EditionRef,
      nullable: true,
      description: 'The edition the score belongs to; null for a score recorded without one.',
      resolve: (s, _a, ctx) => editionOf(ctx, s.editionId),
    }),
    source: t.field({
      type: SourceRef,
      description: 'Where the score was published.',
      resolve: (s, _a, { loaders }) => loaders.sourcesById.existing(s.sourceId),
    }),
  }),
});

const BenchmarkComparisonRef = builder
  .objectRef<BenchmarkComparison & { sentence: string }>('BenchmarkComparison')
  .implement({
    description:
      'A benchmark every compared model has a score on, compared inside the one edition that scores them all (independent before self-reported, then newest), and who leads it.',
    fields: (t) => ({
      benchmark: t.field({
        type: BenchmarkRef,
        description: 'The benchmark.',
        resolve: (b, _a, { loaders }) => loaders.benchmarksById.existing(b.benchmark.id),
      }),
      edition: t.field({
        type: EditionRef,
        nullable: true,
        description: 'The edition every compared score comes from; null when the scores were recorded without an edition and are compared within `source`.',
        resolve: (b, _a, ctx) => editionOf(ctx, b.group.edition?.id ?? null),
      }),
      independent: t.exposeBoolean('independent', {
        description: 'The compared scores are independent results (an independent edition, or scores marked not self-reported).',
      }),
      scores: t.field({ type: [ModelScoreRef], description: 'One score per compared model, in their order, all from one edition.', resolve: (b) => b.scores }),
      leader: t.field({
        type: ModelRef,
        nullable: true,
        description: 'The best score; null when the best two tie (equal, or within their 95% intervals).',
        resolve: (b, _a, ctx) => (b.leaderModelId === null ? null : loadModel(ctx, b.leaderModelId)),
      }),
      runnerUp: t.field({
        type: ModelRef,
        nullable: true,
        description: 'The second-best score; null on a tie for the lead.',
        resolve: (b, _a, ctx) => (b.runnerUpModelId === null ? null : loadModel(ctx, b.runnerUpModelId)),
      }),
      gap: t.float({
        description: 'Points between the best and second-best score (0 when equal; above 0 on a tie within the 95% intervals).',
        resolve: (b) => b.gap.toNumber(),
      }),
      tiedWithinIntervals: t.exposeBoolean('tiedWithinIntervals', {
        description: 'The best two differ in points but their 95% intervals overlap, so they are a tie: no leader.',
      }),
      source: t.field({
        type: SourceRef,
        nullable: true,
        description: 'The source of the compared scores (their one source, or the edition’s).',
        resolve: (b, _a, { loaders }) => (b.sourceId === null ? null : loaders.sourcesById.get(b.sourceId)),
      }),
      sentence: t.exposeString('sentence', { description: 'The result in one sentence, naming the edition.' }),
    }),
  });

const UncomparedScoreRef = builder.objectRef<UncomparedBenchmark['scores'][number]>('UncomparedScore').implement({
  description: 'One model’s score on a benchmark that could not be compared: its best run in its own preferred edition.',
  fields: (t) => ({
    model: t.field({ type: ModelRef, description: 'The model.', resolve: (s, _a, ctx) => loadModel(ctx, s.modelId) }),
    value: t.float({ description: 'The score, on the benchmark’s scale.', resolve: (s) => s.value.toNumber() }),
    variant: t.string({ nullable: true, description: 'The run’s variant; null for the default run.', resolve: (s) => s.variant || null }),
    edition: t.field({
      type: EditionRef,
      nullable: true,
      description: 'The edition it comes from; null for a score recorded without one.',
      resolve: (s, _a, ctx) => editionOf(ctx, s.editionId),
    }),
    independent: t.boolean({ description: 'Whether it is an independent result.', resolve: (s) => s.group.independent }),
    source: t.field({
      type: SourceRef,
      description: 'Where the score was published.',
      resolve: (s, _a, { loaders }) => loaders.sourcesById.existing(s.sourceId),
    }),
  }),
});

const UncomparedBenchmarkRef = builder.objectRef<Comparison['uncomparedBenchmarks'][number]>('UncomparedBenchmark').implement({
  description:
    'A benchmark every compared model has a score on, but in no one edition: scores of different editions do not compare, so there is no leader and it does not count in the verdict.',
  fields: (t) => ({
    benchmark: t.field({
      type: BenchmarkRef,
      description: 'The benchmark.',
      resolve: (b, _a, { loaders }) => loaders.benchmarksById.existing(b.benchmark.id),
    }),
    scores: t.field({ type: [UncomparedScoreRef], description: 'Each model’s score and where it comes from, in their order.', resolve: (b) => b.scores }),
    sentence: t.exposeString('sentence', { description: 'Why it is not compared, with each score and its edition.' }),
  }),
});

const RoutePriceRef = builder.objectRef<RoutePrice>('RoutePrice').implement({
  description: 'A price and the route that offers it.',
  fields: (t) => ({
    perMTok: t.field({ type: 'Decimal', description: 'USD per 1M tokens.', resolve: (p) => p.perMTok.toString() }),
    offering: t.field({
      type: OfferingRef,
      description: 'The route (provider and provider model id).',
      resolve: (p, _a, { loaders }) => loaders.offeringsById.existing(p.offeringId),
    }),
  }),
});

const ModelCostRef = builder.objectRef<Comparison['costs'][number]>('ModelCost').implement({
  description: 'What one compared model costs. Only purchasable routes (active route, active provider, not a free tier) with a known price count as cheapest.',
  fields: (t) => ({
    model: t.field({ type: ModelRef, description: 'The model.', resolve: (c, _a, ctx) => loadModel(ctx, c.modelId) }),
    cheapestInput: t.field({ type: RoutePriceRef, nullable: true, description: 'Lowest input price and its route; null when unknown.', resolve: (c) => c.cheapestInput }),
    cheapestOutput: t.field({ type: RoutePriceRef, nullable: true, description: 'Lowest output price and its route; null when unknown.', resolve: (c) => c.cheapestOutput }),
    blendedPerMTok: t.field({
      type: 'Decimal',
      nullable: true,
      description:
        'inputShare × cheapest input + (1 − inputShare) × cheapest output, per 1M tokens: a per-token list price from the base prices, whatever the traffic or workload (which monthlyCost prices).',
      resolve: (c) => money(c.blendedPerMTok),
    }),
    monthlyCost: t.field({
      type: 'Decimal',
      nullable: true,
      description:
        'USD a month at the traffic or workload, on the single purchasable route cheapest for it (the sum of `breakdown`); null when no route has the prices needed.',
      resolve: (c) => money(c.monthlyCost),
    }),
    route: t.field({
      type: OfferingRef,
      nullable: true,
      description: 'The route the monthly cost is priced on: the cheapest at this traffic or workload.',
      resolve: (c, _a, { loaders }) => (c.routeOfferingId === null ? null : loaders.offeringsById.get(c.routeOfferingId)),
    }),
    breakdown: t.field({
      type: [CostLineRef],
      description: 'The chosen route’s monthly cost line by line (kind of token or request fee, quantity, unit price, cost, condition); empty when no route is chosen.',
      resolve: (c) => c.lines,
    }),
    routeCount: t.exposeInt('routeCount', { description: 'Tracked routes: every listed offering, priced or not, deprecated included.' }),
    activeRouteCount: t.exposeInt('activeRouteCount', {
      description: 'Purchasable routes: active route on an active provider, not a rate-limited free tier. One provider may sell a model on several; see providerCount.',
    }),
    pricedRouteCount: t.exposeInt('pricedRouteCount', { description: 'Purchasable routes with a known price.' }),
    providerCount: t.exposeInt('providerCount', {
      description:
        'Distinct providers the model can be bought from today (with at least one purchasable route): the availability signal of the verdict, scorecard and tradeoffs. Several routes on one provider count once.',
    }),
    note: t.exposeString('note', {
      nullable: true,
      description: 'Said plainly when the cost is unknown: no priced route, or which prices the routes lack for this traffic or workload.',
    }),
  }),
});

const SwitchRef = builder.objectRef<Switch & { notes: string[] }>('Switch').implement({
  description: 'What moving from one compared model to another involves.',
  fields: (t) => ({
    from: t.field({ type: ModelRef, description: 'The model you use now.', resolve: (s, _a, ctx) => loadModel(ctx, s.fromModelId) }),
    to: t.field({ type: ModelRef, description: 'The model you move to.', resolve: (s, _a, ctx) => loadModel(ctx, s.toModelId) }),
    sharedProviders: t.field({
      type: [ProviderRef],
      description: 'Providers selling both, where an A/B test can start (in the target’s route order).',
      resolve: (s, _a, { loaders }) => Promise.all(s.sharedProviders.map((p) => loaders.providersById.existing(p.id))),
    }),
    inputPriceDelta: t.field({
      type: 'Decimal',
      nullable: true,
      description: 'Target minus current cheapest input price per 1M tokens (negative: the target is cheaper).',
      resolve: (s) => money(s.inputPriceDelta),
    }),
    outputPriceDelta: t.field({
      type: 'Decimal',
      nullable: true,
      description: 'Target minus current cheapest output price per 1M tokens (negative: the target is cheaper).',
      resolve: (s) => money(s.outputPriceDelta),
    }),
    capabilitiesLost: t.field({ type: [Capability], description: 'Capabilities the current model has and the target lacks.', resolve: (s) => s.capabilitiesLost }),
    capabilitiesGained: t.field({ type: [Capability], description: 'Capabilities the target adds.', resolve: (s) => s.capabilitiesGained }),
    contextChange: t.int({ nullable: true, description: 'Target minus current context window, in tokens.', resolve: (s) => s.contextChange }),
    notes: t.exposeStringList('notes', { description: 'The switch in sentences.' }),
  }),
});

const ModelContextRef = builder.objectRef<{ modelId: number; tokens: number | null }>('ModelContext').implement({
  description: 'One model’s context window.',
  fields: (t) => ({
    model: t.field({ type: ModelRef, description: 'The model.', resolve: (v, _a, ctx) => loadModel(ctx, v.modelId) }),
    tokens: t.int({ nullable: true, description: 'Context window in tokens; null when unknown.', resolve: (v) => v.tokens }),
    text: t.string({ nullable: true, description: 'As people write it: "128K".', resolve: (v) => (v.tokens === null ? null : tokenWindow(v.tokens)) }),
  }),
});

const ContextComparisonRef = builder.objectRef<Comparison['context']>('ContextComparison').implement({
  description: 'Context windows side by side.',
  fields: (t) => ({
    values: t.field({ type: [ModelContextRef], description: 'Per compared model, in order.', resolve: (c) => c.values }),
    leader: t.field({
      type: ModelRef,
      nullable: true,
      description: 'The largest window; null on a tie or when a window is unknown.',
      resolve: (c, _a, ctx) => (c.leaderModelId === null ? null : loadModel(ctx, c.leaderModelId)),
    }),
    tie: t.exposeBoolean('tie', { description: 'Every compared model has the same known window.' }),
    gap: t.int({ nullable: true, description: 'Largest minus second-largest window, in tokens.', resolve: (c) => c.gap }),
    sentence: t.exposeString('sentence', { description: 'The comparison in one sentence ("Both support a 128K-token context window.").' }),
  }),
});

const ModelCapabilityRef = builder.objectRef<{ modelId: number; supported: boolean | null }>('ModelCapability').implement({
  description: 'Whether one model has a capability.',
  fields: (t) => ({
    model: t.field({ type: ModelRef, description: 'The model.', resolve: (v, _a, ctx) => loadModel(ctx, v.modelId) }),
    supported: t.boolean({ nullable: true, description: 'True, false, or null when unknown.', resolve: (v) => v.supported }),
  }),
});

const CapabilityRowRef = builder.objectRef<CapabilityRow>('CapabilityRow').implement({
  description: 'One capability across the compared models.',
  fields: (t) => ({
    capability: t.field({ type: Capability, description: 'The capability.', resolve: (r) => r.capability }),
    label: t.string({ description: 'As people write it: "structured outputs".', resolve: (r) => capabilityLabel(r.capability) }),
    values: t.field({ type: [ModelCapabilityRef], description: 'Per compared model, in order.', resolve: (r) => r.values }),
    shared: t.exposeBoolean('shared', { description: 'Every compared model is known to have it.' }),
  }),
});

const ScorecardValueRef = builder.objectRef<ScorecardValue>('ScorecardValue').implement({
  description: 'One model’s entry on a scorecard row.',
  fields: (t) => ({
    model: t.field({ type: ModelRef, description: 'The model.', resolve: (v, _a, ctx) => loadModel(ctx, v.modelId) }),
    text: t.exposeString('text', { description: 'The value as shown ("$0.05/1M tokens", "128K").' }),
    best: t.exposeBoolean('best', { description: 'Best of the compared models on this signal (ties are all best).' }),
  }),
});

const ScorecardRowRef = builder.objectRef<ScorecardRow>('ScorecardRow').implement({
  description: 'One decision signal across the compared models.',
  fields: (t) => ({
    signal: t.exposeString('signal', { description: 'e.g. "Context window", "Cheapest output".' }),
    values: t.field({ type: [ScorecardValueRef], description: 'Per compared model, in order.', resolve: (r) => r.values }),
  }),
});

const TradeoffRef = builder.objectRef<Tradeoff>('Tradeoff').implement({
  description: '"Choose this model when…": what it does better than the others.',
  fields: (t) => ({
    model: t.field({ type: ModelRef, description: 'The model.', resolve: (r, _a, ctx) => loadModel(ctx, r.modelId) }),
    reasons: t.exposeStringList('reasons', { description: 'Measured advantages first, strongest first, then its decision tags.' }),
  }),
});

const VerdictWeightsRef = builder.objectRef<Comparison['weights']>('VerdictWeights').implement({
  description: 'The weights the verdict used.',
  fields: (t) => ({
    quality: t.exposeFloat('quality', { description: 'Comparable shared benchmark results, weighted by the use case.' }),
    cost: t.exposeFloat('cost', { description: 'Monthly cost at the traffic.' }),
    availability: t.exposeFloat('availability', { description: 'Providers the model can be bought from today.' }),
    context: t.exposeFloat('context', { description: 'Context window.' }),
  }),
});

const VerdictScoreRef = builder.objectRef<DimensionScores & { dominated: boolean }>('VerdictScore').implement({
  description: 'One model’s standing per signal, each 0–1 where 1 is the best compared; null where the signal was left out.',
  fields: (t) => ({
    model: t.field({ type: ModelRef, description: 'The model.', resolve: (s, _a, ctx) => loadModel(ctx, s.modelId) }),
    total: t.float({ nullable: true, description: 'Weighted total over the signals weighed.', resolve: (s) => s.total }),
    quality: t.float({
      nullable: true,
      description: 'Comparable shared benchmarks the use case weighs, relative to the compared models; null when none was compared.',
      resolve: (s) => s.scores.quality,
    }),
    cost: t.float({ nullable: true, description: 'Cheapest monthly cost over this one’s.', resolve: (s) => s.scores.cost }),
    availability: t.float({ nullable: true, description: 'Providers to buy from over the most of any compared model.', resolve: (s) => s.scores.availability }),
    context: t.float({ nullable: true, description: 'Context window over the largest.', resolve: (s) => s.scores.context }),
    dominated: t.exposeBoolean('dominated', { description: 'Another model is as good on every signal and better on one.' }),
  }),
});

const QualityBenchmarkRef = builder.objectRef<Comparison['verdict']['quality'][number]>('QualityBenchmark').implement({
  description: 'A benchmark the verdict’s quality signal rests on, and how much it weighs for the use case.',
  fields: (t) => ({
    comparison: t.field({ type: BenchmarkComparisonRef, description: 'The benchmark as compared: edition, scores, leader.', resolve: (q) => q.comparison }),
    weight: t.exposeFloat('weight', { description: 'Its weight for the use case, 0 to 1 (the category’s weight).' }),
  }),
});

const VerdictRef = builder.objectRef<Comparison['verdict']>('Verdict').implement({
  description:
    'The recommendation, derived from the numbers with explicit weights; never a dominated model. Quality rests only on comparable shared benchmarks the use case weighs; when there is none, it is said, and no model is called dominated.',
  fields: (t) => ({
    useCase: t.field({ type: UseCaseEnum, description: 'The use case whose benchmark categories the quality signal weighs.', resolve: (v) => v.useCase }),
    qualityBenchmarks: t.field({
      type: [QualityBenchmarkRef],
      description: 'What the quality signal rests on, heaviest first; empty when quality was not compared.',
      resolve: (v) => v.quality,
    }),
    recommended: t.field({
      type: ModelRef,
      nullable: true,
      description: 'The model to pick; null on a tie or when nothing can be weighed.',
      resolve: (v, _a, ctx) => (v.recommendedModelId === null ? null : loadModel(ctx, v.recommendedModelId)),
    }),
    headline: t.exposeString('headline', { description: 'The verdict in one sentence.' }),
    reasons: t.exposeStringList('reasons', { description: 'Why, signal by signal, heaviest weight first.' }),
    weights: t.field({ type: VerdictWeightsRef, description: 'The weights used.', resolve: (v) => v.weights }),
    scores: t.field({
      type: [VerdictScoreRef],
      description: 'Every compared model’s standing.',
      resolve: (v) => v.scores.map((s) => ({ ...s, dominated: v.dominatedModelIds.includes(s.modelId) })),
    }),
    dominated: t.field({
      type: [ModelRef],
      description: 'Models another model matches or beats on every signal: never the pick. Empty when any signal (quality included) is unknown.',
      resolve: (v, _a, ctx) => Promise.all(v.dominatedModelIds.map((id) => loadModel(ctx, id))),
    }),
    weighedSignals: t.stringList({ description: 'Signals in the total.', resolve: (v) => v.weighed }),
    unknownSignals: t.stringList({ description: 'Signals left out because not every model has them.', resolve: (v) => v.unknown }),
  }),
});

const FaqEntryRef = builder.objectRef<{ question: string; answer: string }>('FaqEntry').implement({
  description: 'A question a comparison page answers, answered from the numbers.',
  fields: (t) => ({
    question: t.exposeString('question', { description: 'The question.' }),
    answer: t.exposeString('answer', { description: 'The answer.' }),
  }),
});

const RelatedReason = builder.enumType('RelatedReason', {
  description: 'Why a model is suggested as the next comparison.',
  values: {
    PRICE: { value: 'price', description: 'Nearest blended price.' },
    BENCHMARKS: { value: 'benchmarks', description: 'Nearest scores on the same benchmarks.' },
  } as const,
});

const RelatedComparisonRef = builder.objectRef<RelatedSuggestion & { slugs: string[] }>('RelatedComparison').implement({
  description: 'A next comparison to open: a compared model against a catalog neighbour.',
  fields: (t) => ({
    model: t.field({ type: ModelRef, description: 'The compared model.', resolve: (r, _a, ctx) => loadModel(ctx, r.modelId) }),
    candidate: t.field({ type: ModelRef, description: 'The neighbour to compare it with.', resolve: (r, _a, ctx) => loadModel(ctx, r.candidateId) }),
    reason: t.field({ type: RelatedReason, description: 'Why it is a neighbour.', resolve: (r) => r.reason }),
    models: t.exposeStringList('slugs', { description: 'The `models` argument of that comparison.' }),
  }),
});

const ComparisonRef = builder.objectRef<ComparisonShape>('Comparison').implement({
  description: 'Two to ten models compared: every number and sentence of a comparison page.',
  fields: (t) => ({
    models: t.field({
      type: [ModelRef],
      description: 'The compared models, in the order asked for.',
      resolve: (c, _a, ctx) => Promise.all(c.models.map((m) => loadModel(ctx, m.id))),
    }),
    traffic: t.field({
      type: TrafficRef,
      description: 'The traffic costs are computed at; with a workload, the tokens it sends a month (requests × tokens per request).',
      resolve: (c) => c.traffic,
    }),
    workload: t.field({ type: WorkloadRef, nullable: true, description: 'The workload costs are computed at, defaults applied; null when traffic was priced.', resolve: (c) => c.workload }),
    inputShare: t.field({ type: 'Decimal', description: 'The input share of the blended price.', resolve: (c) => c.inputShare.toString() }),
    asOf: t.field({ type: 'DateTime', description: 'The instant whose prices were used.', resolve: (c) => c.asOf }),
    useCase: t.field({ type: UseCaseEnum, description: 'The use case the verdict’s quality signal was weighed for.', resolve: (c) => c.useCase }),
    benchmarks: t.field({
      type: [BenchmarkComparisonRef],
      description: 'Benchmarks every compared model has a score on, each compared inside one edition that scores them all; leads first, largest gap first.',
      resolve: (c) => c.benchmarks,
    }),
    uncomparedBenchmarks: t.field({
      type: [UncomparedBenchmarkRef],
      description: 'Benchmarks every compared model has a score on, but in no one edition: not compared, and left out of the verdict.',
      resolve: (c) => c.uncomparedBenchmarks,
    }),
    largestGap: t.field({
      type: BenchmarkComparisonRef,
      nullable: true,
      description: 'The shared benchmark with the widest lead; null when none has a leader.',
      resolve: (c) => c.largestGap,
    }),
    costs: t.field({
      type: [ModelCostRef],
      description: 'Per compared model, in order: cheapest prices, blend, monthly cost and routes.',
      resolve: (c) => c.costs,
    }),
    monthlyCostGap: t.field({
      type: 'Decimal',
      nullable: true,
      description: 'USD a month between the lowest and the next-lowest cost; null with fewer than two known costs.',
      resolve: (c) => money(c.costGap.monthlyCostGap),
    }),
    lowerCost: t.field({
      type: ModelRef,
      nullable: true,
      description: 'The model with the lowest monthly cost (the "lower estimate"); null on a tie or with fewer than two known costs.',
      resolve: (c, _a, ctx) => (c.costGap.lowerCostModelId === null ? null : loadModel(ctx, c.costGap.lowerCostModelId)),
    }),
    providerOverlap: t.field({
      type: [ProviderRef],
      description: 'Active providers selling every compared model, by name.',
      resolve: (c, _a, { loaders }) => Promise.all(c.providerOverlap.map((p) => loaders.providersById.existing(p.id))),
    }),
    switches: t.field({ type: [SwitchRef], description: 'Switching friction for every ordered pair of compared models.', resolve: (c) => c.switches }),
    contextWindow: t.field({ type: ContextComparisonRef, description: 'Context windows compared.', resolve: (c) => c.context }),
    capabilities: t.field({ type: [CapabilityRowRef], description: 'Every capability across the compared models.', resolve: (c) => c.capabilities }),
    sharedCapabilities: t.field({ type: [Capability], description: 'Capabilities every compared model has.', resolve: (c) => c.sharedCapabilities }),
    scorecard: t.field({ type: [ScorecardRowRef], description: 'The decision scorecard, a row per signal.', resolve: (c) => c.scorecard }),
    tradeoffs: t.field({ type: [TradeoffRef], description: '"Choose X when…", per compared model.', resolve: (c) => c.tradeoffs }),
    verdict: t.field({ type: VerdictRef, description: 'The recommendation and why.', resolve: (c) => c.verdict }),
    faq: t.field({ type: [FaqEntryRef], description: 'Questions and answers, from the numbers.', resolve: (c) => c.faq }),
    summary: t.exposeString('summary', { description: 'The opening paragraph.' }),
    related: t.field({
      type: [RelatedComparisonRef],
      description: 'Up to 5 next comparisons per compared model: nearest by blended price and by benchmark profile.',
      resolve: async (c, _a, context) => {
        const ids = c.models.map((m) => m.id);
        const neighbours = await neighboursOf(context, ids, c.asOf, c.inputShare, neighboursToKeep(MAX_MODELS));
        const slugOf = async (id: number) => (await context.loaders.modelsById.existing(id)).slug;
        return Promise.all(
          relatedSuggestions(ids, neighbours).map(async (s) => ({ ...s, slugs: [await slugOf(s.modelId), await slugOf(s.candidateId)] })),
        );
      },
    }),
    lastReviewed: t.field({
      type: 'Date',
      nullable: true,
      description: 'The oldest review date of the compared models; null when any is unknown.',
      resolve: (c) => c.lastReviewed,
    }),
    sources: t.field({
      type: [SourceRef],
      description: 'Every source the numbers rest on.',
      resolve: async (c, _a, { loaders }) => (await Promise.all(c.sourceIds.map((id) => loaders.sourcesById.get(id)))).filter((s) => s !== null),
    }),
  }),
});

/** How every Model node id begins: "Model:" in base64. */
const MODEL_ID_PREFIX = Buffer.from('Model:').toString('base64');

/** A Model node id ("TW9kZWw6MQ=="), or any other id a model is known by. */
function parseModelRef(ref: string): { reference: string } | { id: number } {
  // Most references are slugs: decoding one would throw (and capture a stack) on every request.
  if (!ref.startsWith(MODEL_ID_PREFIX)) return { reference: ref };
  try {
    const { typename, id } = decodeGlobalID(ref);
    if (typename === 'Model' && /^\d+$/.test(id)) return { id: parseGlobalIntId(id) };
  } catch {
    // Not a node id: a slug, an alias or a provider's model id.
  }
  return { reference: ref };
}

/** Resolves the `models` argument, naming the first reference that finds nothing or names two models. */
export async function resolveModels(context: Context, refs: string[], argument: string): Promise<ModelRow[]> {
  const found = await loadModels(context, refs.map(parseModelRef));
  const path = (i: number) => (refs.length > 1 || argument === 'models' ? [argument, i] : [argument]);
  const rows = found.map((candidates, i) => {
    if (candidates.length === 0) throw userInputError(`Unknown model ${quoted(refs[i], 100)}: no model has this slug, alias or provider id.`, path(i));
    if (candidates.length > 1) throw ambiguousModel(refs[i]!, candidates.map((m) => m.slug), path(i));
    return candidates[0]!;
  });
  const seen = new Map<number, number>();
  rows.forEach((row, i) => {
    const earlier = seen.get(row.id);
    if (earlier !== undefined) {
      throw userInputError(`${quoted(refs[i], 100)} and ${quoted(refs[earlier], 100)} are the same model; compare distinct models.`, [argument, i]);
    }
    seen.set(row.id, i);
  });
  return rows;
}

function distinct(values: string[]): boolean {
  return new Set(values).size === values.length;
}

builder.queryFields((t) => ({
  comparison: t.field({
    type: ComparisonRef,
    description:
      'Compares 2 to 10 models: benchmark leaders and gaps, cheapest routes, monthly cost at a traffic, blended price, provider overlap, switching friction, scorecard, tradeoffs, FAQ and a verdict that follows from the numbers.',
    args: {
      models: t.arg.stringList({
        required: true,
        description: 'Model slugs (or Model node ids), 2 to 10, distinct, each at most 200 characters.',
        validate: {
          minLength: [MIN_MODELS, { message: `compare at least ${MIN_MODELS} models` }],
          maxLength: [MAX_MODELS, { message: `compare at most ${MAX_MODELS} models` }],
          items: referenceRule,
          refine: [distinct, { message: 'models must be distinct' }],
        },
      }),
      ...usageArgs,
      blend: t.arg({ type: BlendInput, description: 'Input share of the blended price; default 0.7.' }),
      weights: t.arg({ type: VerdictWeightsInput, description: 'Verdict weights; defaults favour quality, then cost.' }),
      useCase: t.arg({
        type: UseCaseEnum,
        defaultValue: DEFAULT_USE_CASE,
        description: 'What the models are for: which benchmark categories the quality signal weighs. GENERAL weighs every shared benchmark alike.',
      }),
    },
    validate: trafficOrWorkload,
    resolve: async (_root, args, context) => {
      const rows = await resolveModels(context, args.models, 'models');
      const asOf = args.asOf ?? new Date();
      const facts: ModelFacts[] = await loadModelFacts(context, rows, asOf, { pricesAreCurrent: !args.asOf });
      const comparison = compareModels(facts, {
        ...usageFrom(args),
        inputShare: inputShareFrom(args.blend),
        weights: weightsFrom(args.weights),
        useCase: args.useCase ?? DEFAULT_USE_CASE,
      });
      return { ...comparison, asOf };
    },
  }),
}));
