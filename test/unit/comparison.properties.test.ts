import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareBenchmarks } from '../../src/resolvers/comparison/benchmarks.js';
import { compareModels } from '../../src/resolvers/comparison/compare.js';
import { blendedPrice, costGap, costOnRoute, modelCost, routeCosts } from '../../src/resolvers/comparison/costs.js';
import { workload } from '../../src/resolvers/cost/workload.js';
import { route as seedRoute, PROVIDERS } from '../support/seed-facts.js';
import { DEFAULT_WEIGHTS } from '../../src/resolvers/comparison/facts.js';
import { providerOverlap, switches } from '../../src/resolvers/comparison/providers.js';
import { Decimal } from '../../src/resolvers/decimal.js';
import { inputShare, modelsArbitrary, price, traffic } from '../support/arbitraries.js';

const options = {
  traffic: { inputTokens: 700_000_000n, outputTokens: 300_000_000n },
  inputShare: Decimal.from('0.7'),
  weights: DEFAULT_WEIGHTS,
  useCase: 'general' as const,
};

describe('comparison properties', () => {
  it('the leader of a shared benchmark holds the best score, and gaps are never negative', () => {
    fc.assert(
      fc.property(modelsArbitrary(), (models) => {
        for (const b of compareBenchmarks(models)) {
          expect(b.gap.isNegative()).toBe(false);
          const values = b.scores.map((s) => s.value);
          const best = values.reduce((x, y) => ((b.benchmark.higherIsBetter ? y.greaterThan(x) : y.lessThan(x)) ? y : x));
          if (b.leaderModelId === null) {
            expect(b.gap.isZero() || b.tiedWithinIntervals).toBe(true);
          } else {
            expect(b.scores.find((s) => s.modelId === b.leaderModelId)!.value.equals(best)).toBe(true);
            expect(b.scores.filter((s) => s.value.equals(best))).toHaveLength(1);
          }
        }
      }),
    );
  });

  it('the monthly cost gap is never negative and the lower-cost model has the lowest known cost', () => {
    fc.assert(
      fc.property(modelsArbitrary(), traffic, (models, t) => {
        const costs = models.map((m) => modelCost(m, { traffic: t }, Decimal.from('0.5')));
        const { lowerCostModelId, monthlyCostGap } = costGap(costs);
        if (monthlyCostGap !== null) expect(monthlyCostGap.isNegative()).toBe(false);
        if (lowerCostModelId !== null) {
          const lowest = costs.find((c) => c.modelId === lowerCostModelId)!.monthlyCost!;
          for (const c of costs) if (c.monthlyCost) expect(lowest.greaterThan(c.monthlyCost)).toBe(false);
        }
      }),
    );
  });

  it('only purchasable routes are ever the cheapest, and providers are counted once each', () => {
    fc.assert(
      fc.property(modelsArbitrary(), traffic, (models, t) => {
        for (const model of models) {
          const cost = modelCost(model, { traffic: t }, Decimal.from('0.5'));
          const route = (id: number | null | undefined) => model.routes.find((r) => r.offeringId === id);
          for (const id of [cost.cheapestInput?.offeringId, cost.cheapestOutput?.offeringId, cost.routeOfferingId]) {
            if (id != null) expect(route(id)!.purchasable).toBe(true);
          }
          const providers = new Set(model.routes.filter((r) => r.purchasable).map((r) => r.provider.id));
          expect(cost.providerCount).toBe(providers.size);
          expect(cost.providerCount).toBeLessThanOrEqual(cost.activeRouteCount);
          expect(cost.activeRouteCount).toBeLessThanOrEqual(cost.routeCount);
        }
      }),
    );
  });

  it('cost is linear in traffic, exactly', () => {
    fc.assert(
      fc.property(price, price, traffic, traffic, fc.bigInt({ min: 0n, max: 1000n }), (input, output, a, b, k) => {
        const route = { ...seedRoute(PROVIDERS.openrouter), input, output };
        const cost = (t: typeof a) => costOnRoute(route, { traffic: t }).monthlyCost!;
        const sum = { inputTokens: a.inputTokens + b.inputTokens, outputTokens: a.outputTokens + b.outputTokens };
        expect(cost(sum).equals(cost(a).plus(cost(b)))).toBe(true);
        const scaled = { inputTokens: a.inputTokens * k, outputTokens: a.outputTokens * k };
        expect(cost(scaled).equals(cost(a).times(Decimal.from(k)))).toBe(true);
      }),
    );
  });

  it('at a workload, the route chosen is the cheapest purchasable one at that workload, and its lines sum to the monthly cost', () => {
    const shape = fc
      .record({
        requestsPerMonth: fc.bigInt({ min: 1n, max: 100_000n }),
        inputTokens: fc.bigInt({ min: 0n, max: 400_000n }),
        outputTokens: fc.bigInt({ min: 0n, max: 10_000n }),
        cachedShare: fc.integer({ min: 0, max: 100 }),
      })
      .map(({ cachedShare, ...w }) => workload({ ...w, cachedInputTokens: (w.inputTokens * BigInt(cachedShare)) / 100n }));
    fc.assert(
      fc.property(modelsArbitrary(), shape, (models, w) => {
        for (const model of models) {
          const cost = modelCost(model, { workload: w }, Decimal.from('0.5'));
          const candidates = routeCosts(model.routes, { workload: w }).filter((r) => r.purchasable && r.monthlyCost !== null);
          if (cost.monthlyCost === null) {
            expect(candidates).toEqual([]);
            expect(cost.lines).toEqual([]);
            continue;
          }
          for (const c of candidates) expect(cost.monthlyCost.greaterThan(c.monthlyCost!)).toBe(false);
          expect(cost.lines.reduce((sum, l) => sum.plus(l.cost), Decimal.ZERO).equals(cost.monthlyCost)).toBe(true);
        }
      }),
    );
  });

  it('the blended price lies between the input and the output price', () => {
    fc.assert(
      fc.property(price, price, inputShare, (input, output, share) => {
        const blend = blendedPrice(share, input, output)!;
        const [low, high] = input.lessThan(output) ? [input, output] : [output, input];
        expect(blend.lessThan(low)).toBe(false);
        expect(blend.greaterThan(high)).toBe(false);
      }),
    );
  });

  it('provider overlap and shared providers are symmetric', () => {
    fc.assert(
      fc.property(modelsArbitrary(2), ([a, b]) => {
        const ids = (ps: { id: number }[]) => ps.map((p) => p.id).sort();
        expect(ids(providerOverlap([a!, b!]))).toEqual(ids(providerOverlap([b!, a!])));
        const costs = [a!, b!].map((m) => modelCost(m, { traffic: options.traffic }, options.inputShare));
        const [ab, ba] = switches([a!, b!], costs);
        expect(ids(ab!.sharedProviders)).toEqual(ids(ba!.sharedProviders));
        expect(ids(ab!.sharedProviders)).toEqual(ids(providerOverlap([a!, b!])));
        if (ab!.outputPriceDelta) expect(ab!.outputPriceDelta.equals(ba!.outputPriceDelta!.negated())).toBe(true);
        expect(ab!.capabilitiesLost).toEqual(ba!.capabilitiesGained);
      }),
    );
  });

  it('reordering the models changes nothing but order', () => {
    fc.assert(
      fc.property(
        modelsArbitrary().chain((models) => fc.tuple(fc.constant(models), fc.shuffledSubarray(models, { minLength: models.length, maxLength: models.length }))),
        ([models, shuffled]) => {
          const a = compareModels(models, options);
          const b = compareModels(shuffled, options);
          const byModel = <T extends { modelId: number }>(xs: T[]) => [...xs].sort((x, y) => x.modelId - y.modelId);
          const costView = (c: (typeof a)['costs'][number]) => [c.modelId, c.monthlyCost?.toString(), c.blendedPerMTok?.toString(), c.routeCount];
          expect(byModel(a.costs).map(costView)).toEqual(byModel(b.costs).map(costView));
          const benchView = (c: typeof a) =>
            c.benchmarks.map((x) => [x.benchmark.id, x.leaderModelId, x.gap.toString(), x.sourceId]).sort((x, y) => Number(x[0]) - Number(y[0]));
          expect(benchView(a)).toEqual(benchView(b));
          expect(a.costGap.lowerCostModelId).toBe(b.costGap.lowerCostModelId);
          expect(a.costGap.monthlyCostGap?.toString()).toBe(b.costGap.monthlyCostGap?.toString());
          expect(a.providerOverlap).toEqual(b.providerOverlap);
          expect(a.verdict.recommendedModelId).toBe(b.verdict.recommendedModelId);
          expect([...a.verdict.dominatedModelIds].sort()).toEqual([...b.verdict.dominatedModelIds].sort());
          expect(a.context.leaderModelId).toBe(b.context.leaderModelId);
          expect(a.switches.length).toBe(b.switches.length);
        },
      ),
    );
  });

  it('never recommends a dominated model', () => {
    fc.assert(
      fc.property(modelsArbitrary(), (models) => {
        const { verdict } = compareModels(models, options);
        if (verdict.recommendedModelId !== null) expect(verdict.dominatedModelIds).not.toContain(verdict.recommendedModelId);
      }),
    );
  });

  it('never says a percentage of 100 or more', () => {
    fc.assert(
      fc.property(modelsArbitrary(), (models) => {
        const text = JSON.stringify(compareModels(models, options), (_k, v) => (typeof v === 'bigint' ? String(v) : v));
        expect(text).not.toMatch(/\b\d{3,}% /);
      }),
    );
  });
});
