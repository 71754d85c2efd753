import type { Decimal } from '../decimal.js';
import { countOf, dollars, list, perMillion, tagLabel } from '../format.js';
import type { ComparisonCore } from './core.js';

export interface ScorecardValue {
  modelId: number;
  text: string;
  /** Best of the compared models on this signal (every tied model is best; unknown never is). */
  best: boolean;
}

export interface ScorecardRow {
  signal: string;
  values: ScorecardValue[];
}

/** Marks the best of some known values; `compare` sorts best first. */
function bestOf<T>(values: (T | null)[], compare: (a: T, b: T) => number): boolean[] {
  const known = values.filter((v): v is T => v !== null);
  if (known.length === 0) return values.map(() => false);
  const best = [...known].sort(compare)[0]!;
  return values.map((v) => v !== null && compare(v, best) === 0);
}

const lowest = (a: Decimal, b: Decimal) => a.compare(b);
const highest = (a: number, b: number) => b - a;

export function scorecard(core: ComparisonCore): ScorecardRow[] {
  const row = <T>(signal: string, values: (T | null)[], text: (v: T | null, i: number) => string, compare?: (a: T, b: T) => number) => {
    const best = compare ? bestOf(values, compare) : values.map(() => false);
    return {
      signal,
      values: core.models.map((m, i) => ({ modelId: m.id, text: text(values[i] ?? null, i), best: best[i]! })),
    };
  };
  const costs = core.models.map((m) => core.cost(m.id));
  const sharedCount = core.benchmarks.length;
  return [
    row('Decision fit', core.models.map((m) => m.decisionFit), (tags) => (tags?.length ? list(tags.map(tagLabel)) : 'Not tagged')),
    row('Context window', core.models.map((m) => m.contextWindow), (v) => (v === null ? 'Unknown' : core.window(v)), highest),
    row('Cheapest output', costs.map((c) => c.cheapestOutput?.perMTok ?? null), (v) => (v === null ? 'Unknown' : perMillion(v)), lowest),
    row('Cheapest input', costs.map((c) => c.cheapestInput?.perMTok ?? null), (v) => (v === null ? 'Unknown' : perMillion(v)), lowest),
    row('Monthly cost', costs.map((c) => c.monthlyCost), (v) => (v === null ? 'Unknown' : dollars(v)), lowest),
    row(
      'Provider routes',
      // Best is the most providers to buy from; several routes on one provider add no availability.
      costs.map((c) => c.providerCount),
      (_v, i) => {
        const { routeCount, providerCount } = costs[i]!;
        return routeCount === providerCount
          ? `${routeCount} tracked`
          : `${routeCount} tracked, ${countOf(providerCount, 'provider')} to buy from`;
      },
      highest,
    ),
    row(
      'Shared benchmarks',
      core.models.map((m) => (sharedCount === 0 ? null : core.benchmarks.filter((b) => b.leaderModelId === m.id).length)),
      // Only benchmarks compared inside one edition count; shared ones no edition covers are not comparable.
      (led) => (led === null ? (core.uncompared.length > 0 ? 'None comparable' : 'None shared') : `Leads ${led} of ${sharedCount}`),
      highest,
    ),
  ];
}
