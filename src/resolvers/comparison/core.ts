import type { UseCase } from '../../domain/use-cases.js';
import type { Decimal } from '../decimal.js';
import { windowWriter } from '../format.js';
import { type BenchmarkComparison, compareBenchmarks, largestGap, type UncomparedBenchmark, uncomparedBenchmarks } from './benchmarks.js';
import { type CapabilityRow, type ContextComparison, capabilityTable, compareContext } from './capabilities.js';
import type { Workload } from '../cost/workload.js';
import { type CostGap, costGap, type ModelCost, modelCost, type Usage } from './costs.js';
import type { ModelFacts, ProviderFact, RouteFact, Traffic, VerdictWeights } from './facts.js';
import { providerOverlap, type Switch, switches } from './providers.js';
import { decideVerdict, type Verdict } from './verdict.js';

export interface ComparisonOptions {
  /** Monthly tokens. With a workload, its monthly tokens (what it sends), for display only: the workload is priced. */
  traffic: Traffic;
  /** The request shape to price instead of the traffic; null or absent: the traffic is priced. */
  workload?: Workload | null;
  /** Share of input tokens in the blended price, 0..1. */
  inputShare: Decimal;
  weights: VerdictWeights;
  /** What the models are for: which benchmark categories the quality signal weighs. */
  useCase: UseCase;
}

/** The numbers of a comparison, before any sentence is written. */
export interface ComparisonCore extends ComparisonOptions {
  models: ModelFacts[];
  /** What the costs are computed for: the workload when one is given, else the traffic. */
  usage: Usage;
  benchmarks: BenchmarkComparison[];
  /** Shared benchmarks no single edition scores for every model: shown, never compared. */
  uncompared: UncomparedBenchmark[];
  largestGap: BenchmarkComparison | null;
  costs: ModelCost[];
  costGap: CostGap;
  providerOverlap: ProviderFact[];
  switches: Switch[];
  context: ContextComparison;
  capabilities: CapabilityRow[];
  verdict: Verdict;
  /** Lookups the prose needs. */
  model(id: number): ModelFacts;
  cost(modelId: number): ModelCost;
  route(offeringId: number): RouteFact;
  /** Writes a context window so that different windows never read alike. */
  window(tokens: number): string;
}

export function computeCore(models: ModelFacts[], options: ComparisonOptions): ComparisonCore {
  const benchmarks = compareBenchmarks(models);
  const usage: Usage = options.workload ? { workload: options.workload } : { traffic: options.traffic };
  const costs = models.map((m) => modelCost(m, usage, options.inputShare));
  const context = compareContext(models);
  const byId = new Map(models.map((m) => [m.id, m]));
  const costById = new Map(costs.map((c) => [c.modelId, c]));
  const routes = new Map(models.flatMap((m) => m.routes.map((r) => [r.offeringId, r] as const)));
  return {
    ...options,
    models,
    usage,
    benchmarks,
    uncompared: uncomparedBenchmarks(models),
    largestGap: largestGap(benchmarks),
    costs,
    costGap: costGap(costs),
    providerOverlap: providerOverlap(models),
    switches: switches(models, costs),
    context,
    capabilities: capabilityTable(models),
    verdict: decideVerdict({ modelIds: models.map((m) => m.id), benchmarks, costs, context, weights: options.weights, useCase: options.useCase }),
    model: (id) => byId.get(id)!,
    cost: (id) => costById.get(id)!,
    route: (id) => routes.get(id)!,
    window: windowWriter(models.map((m) => m.contextWindow).filter((w): w is number => w !== null)),
  };
}

