import { CAPABILITY_KEYS } from '../../domain/capabilities.js';
import type { Decimal } from '../decimal.js';
import { capabilityLabel, countOf, dollars, list, perMillion, points, tagLabel } from '../format.js';
import type { ComparisonCore } from './core.js';
import { trafficText } from './prose.js';
import { sentences } from './sentences.js';

export interface Tradeoff {
  modelId: number;
  /** "Choose this model when…": what it does better, strongest first, then its decision tags. */
  reasons: string[];
  /** How many of the reasons are measured advantages (not tags). */
  advantages: number;
}

/** The model with the strictly best value, or null on a tie or when any value is unknown. */
function uniqueBest<T>(core: ComparisonCore, value: (modelId: number) => T | null, better: (a: T, b: T) => number) {
  const values = core.models.map((m) => ({ id: m.id, v: value(m.id) }));
  if (values.some((x) => x.v === null)) return null;
  const sorted = [...values].sort((a, b) => better(a.v!, b.v!));
  return better(sorted[0]!.v!, sorted[1]!.v!) === 0 ? null : sorted[0]!.id;
}

const lowerDecimal = (a: Decimal, b: Decimal) => a.compare(b);

export function tradeoffs(core: ComparisonCore): Tradeoff[] {
  const two = core.models.length === 2;
  const cheapestOutput = uniqueBest(core, (id) => core.cost(id).cheapestOutput?.perMTok ?? null, lowerDecimal);
  const cheapestInput = uniqueBest(core, (id) => core.cost(id).cheapestInput?.perMTok ?? null, lowerDecimal);
  const mostProviders = uniqueBest(core, (id) => core.cost(id).providerCount, (a, b) => b - a);

  return core.models.map((model) => {
    const measured: string[] = [];
    for (const comparison of core.benchmarks) {
      if (comparison.leaderModelId === model.id) {
        measured.push(sentences.leadsBenchmark(model.name, comparison.benchmark.name, points(comparison.gap)));
      }
    }
    const cost = core.cost(model.id);
    if (cheapestOutput === model.id) measured.push(sentences.lowestPrice(model.name, 'output', perMillion(cost.cheapestOutput!.perMTok), two));
    if (cheapestInput === model.id) measured.push(sentences.lowestPrice(model.name, 'input', perMillion(cost.cheapestInput!.perMTok), two));
    if (core.costGap.lowerCostModelId === model.id) {
      measured.push(sentences.lowestMonthly(model.name, dollars(cost.monthlyCost!), trafficText(core)));
    }
    if (mostProviders === model.id) {
      const others = core.costs.filter((c) => c.modelId !== model.id).map((c) => String(c.providerCount));
      measured.push(sentences.broaderCoverage(model.name, countOf(cost.providerCount, 'provider'), list(others)));
    }
    if (core.context.leaderModelId === model.id) measured.push(sentences.largestContext(model.name, core.window(model.contextWindow!)));
    const unique = CAPABILITY_KEYS.filter(
      (c) => model.capabilities[c] === true && core.models.some((other) => other.capabilities[c] === false),
    );
    if (unique.length > 0) measured.push(sentences.onlyCapability(model.name, list(unique.map(capabilityLabel))));

    const reasons = [...measured];
    if (model.decisionFit.length > 0) reasons.push(sentences.decisionTags(model.name, list(model.decisionFit.map(tagLabel))));
    if (reasons.length === 0) reasons.push(sentences.noAdvantage(model.name));
    return { modelId: model.id, reasons, advantages: measured.length };
  });
}
