import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PriceComponent, PriceUnit, TierScope } from '../../src/domain/pricing.js';
import { type BasePrice, routeCost, trafficCost } from '../../src/resolvers/cost/price.js';
import { trafficWorkloads, workload, type Workload } from '../../src/resolvers/cost/workload.js';
import { Decimal } from '../../src/resolvers/decimal.js';

/**
 * Routes with every price known, so every workload has a cost: an all-day
 * price list and maybe one daily window with its own, each with context
 * tiers (whole-request or tokens-above on the input side, whole-request on
 * output) whose prices never fall as the tier rises, cached reads at most
 * the input price at every tier (same tier shapes), cache writes at least
 * it, and maybe a per-request fee.
 */

interface TierShape {
  threshold: number;
  inclusive: boolean;
  scope: TierScope;
}

interface PriceList {
  shapes: TierShape[];
  outputShapes: TierShape[];
  input: number[];
  output: number[];
  cachedPerMille: number;
  writeExtra: number;
}

interface Route {
  base: BasePrice;
  components: PriceComponent[];
  thresholds: bigint[];
}

/** Thousandths of a dollar per 1M tokens. */
const milli = fc.integer({ min: 0, max: 20_000 });
const priceText = (m: number) => Decimal.from(BigInt(m)).shiftLeft(3).toString();
const rank = (s: TierShape) => s.threshold * 2 + (s.inclusive ? 0 : 1);

const shapes = (scopes: TierScope[]) =>
  fc
    .uniqueArray(
      fc.record({ threshold: fc.integer({ min: 1, max: 3000 }), inclusive: fc.boolean(), scope: fc.constantFrom(...scopes) }),
      { maxLength: 3, selector: (s) => rank(s) },
    )
    .map((list) => [...list].sort((a, b) => rank(a) - rank(b)));

const priceList: fc.Arbitrary<PriceList> = fc.record({
  shapes: shapes(['whole-request', 'tokens-above']),
  outputShapes: shapes(['whole-request']),
  input: fc.array(milli, { minLength: 4, maxLength: 4 }),
  output: fc.array(milli, { minLength: 4, maxLength: 4 }),
  cachedPerMille: fc.integer({ min: 0, max: 1000 }),
  writeExtra: milli,
});

/** Running sums: the price of each tier, never falling. */
const rising = (steps: number[]) => steps.map((_, i) => steps.slice(0, i + 1).reduce((a, b) => a + b, 0));

function componentsOf(list: PriceList, window: { start: number; end: number } | null): { base: Partial<Record<PriceUnit, string>>; components: PriceComponent[] } {
  const input = rising(list.input);
  const output = rising(list.output);
  const perUnit: [PriceUnit, TierShape[], number[]][] = [
    ['input', list.shapes, input],
    ['cached_input', list.shapes, input.map((p) => Math.floor((p * list.cachedPerMille) / 1000))],
    ['cache_write_5m', list.shapes, input.map((p) => p + list.writeExtra)],
    ['output', list.outputShapes, output],
  ];
  const base: Partial<Record<PriceUnit, string>> = {};
  const components: PriceComponent[] = [];
  for (const [unit, tiers, prices] of perUnit) {
    const component = (price: number, shape: TierShape | null): PriceComponent => ({
      unit,
      price: priceText(price),
      tierThreshold: shape ? BigInt(shape.threshold) : null,
      tierInclusive: shape?.inclusive ?? false,
      tierScope: shape?.scope ?? 'whole-request',
      windowStart: window?.start ?? null,
      windowEnd: window?.end ?? null,
      serviceTier: 'standard',
    });
    if (window) components.push(component(prices[0]!, null));
    else base[unit] = priceText(prices[0]!);
    tiers.forEach((shape, i) => components.push(component(prices[i + 1]!, shape)));
  }
  return { base, components };
}

const routes: fc.Arbitrary<Route> = fc
  .record({
    allDay: priceList,
    window: fc.option(fc.record({ start: fc.integer({ min: 0, max: 1439 }), length: fc.integer({ min: 1, max: 1439 }), list: priceList }), { nil: null }),
    fee: fc.option(milli, { nil: null }),
  })
  .map(({ allDay, window, fee }): Route => {
    const day = componentsOf(allDay, null);
    const components = [...day.components];
    if (window) components.push(...componentsOf(window.list, { start: window.start, end: (window.start + window.length) % 1440 }).components);
    if (fee !== null) {
      components.push({
        unit: 'request',
        price: priceText(fee),
        tierThreshold: null,
        tierInclusive: false,
        tierScope: 'whole-request',
        windowStart: null,
        windowEnd: null,
        serviceTier: 'standard',
      });
    }
    const price = (unit: PriceUnit) => Decimal.from(day.base[unit]!);
    const thresholds = [...new Set(components.flatMap((c) => (c.tierThreshold === null ? [] : [c.tierThreshold])))];
    return {
      base: { input: price('input'), output: price('output'), cachedInput: price('cached_input'), cacheWrite5m: price('cache_write_5m') },
      components,
      thresholds,
    };
  });

const workloads: fc.Arbitrary<Workload> = fc
  .record({
    input: fc.integer({ min: 0, max: 4000 }),
    cachedShare: fc.double({ min: 0, max: 1, noNaN: true }),
    writeShare: fc.double({ min: 0, max: 1, noNaN: true }),
    output: fc.integer({ min: 0, max: 4000 }),
    requests: fc.integer({ min: 0, max: 1000 }),
    hourUtc: fc.option(fc.integer({ min: 0, max: 23 }), { nil: null }),
  })
  .map(({ input, cachedShare, writeShare, output, requests, hourUtc }) => {
    const cached = Math.floor(input * cachedShare);
    const written = Math.floor((input - cached) * writeShare);
    return workload({
      inputTokens: BigInt(input),
      cachedInputTokens: BigInt(cached),
      cacheWriteTokens: BigInt(written),
      outputTokens: BigInt(output),
      requestsPerMonth: BigInt(requests),
      hourUtc,
    });
  });

const growth = fc.integer({ min: 1, max: 3000 }).map(BigInt);

/** The cost, which these routes always know. */
function monthly(route: Route, w: Workload): Decimal {
  const result = routeCost(route.base, route.components, w);
  expect(result.missing).toEqual([]);
  return result.monthlyCost!;
}

const notBelow = (after: Decimal, before: Decimal) => expect(after.lessThan(before), `${after} < ${before}`).toBe(false);

describe('cost model properties', () => {
  it('the monthly cost is the sum of its lines, and every line is non-negative', () => {
    fc.assert(
      fc.property(routes, workloads, (route, w) => {
        const result = routeCost(route.base, route.components, w);
        const sum = result.lines.reduce((s, l) => s.plus(l.cost), Decimal.ZERO);
        expect(result.monthlyCost!.equals(sum)).toBe(true);
        for (const l of result.lines) {
          expect(l.cost.isNegative()).toBe(false);
          if (l.timeShare === null) {
            const exact = Decimal.from(l.quantity).times(l.unitPrice).shiftLeft(l.component === 'request' ? 0 : 6);
            expect(l.cost.equals(exact)).toBe(true);
          }
        }
      }),
    );
  });

  it('is linear in requests', () => {
    fc.assert(
      fc.property(routes, workloads, fc.integer({ min: 0, max: 50 }).map(BigInt), (route, w, k) => {
        const scaled = monthly(route, { ...w, requestsPerMonth: w.requestsPerMonth * k });
        expect(scaled.equals(monthly(route, w).times(Decimal.from(k)))).toBe(true);
      }),
    );
  });

  it('never falls when requests, input or output tokens grow', () => {
    fc.assert(
      fc.property(routes, workloads, growth, (route, w, more) => {
        const before = monthly(route, w);
        notBelow(monthly(route, { ...w, requestsPerMonth: w.requestsPerMonth + more }), before);
        notBelow(monthly(route, { ...w, inputTokens: w.inputTokens + more }), before);
        notBelow(monthly(route, { ...w, outputTokens: w.outputTokens + more }), before);
      }),
    );
  });

  it('a tier never lowers the price of a longer request (tier prices never falling)', () => {
    fc.assert(
      fc.property(routes, workloads, (route, w) => {
        for (const t of route.thresholds) {
          const sizes = [t - 1n, t, t + 1n, t + 2n].filter((n) => n >= w.cachedInputTokens + w.cacheWriteTokens);
          const costs = sizes.map((n) => monthly(route, { ...w, inputTokens: n }));
          for (let i = 1; i < costs.length; i++) notBelow(costs[i]!, costs[i - 1]!);
        }
      }),
    );
  });

  it('a cached token never costs more than an uncached one (cached price at most the input price)', () => {
    fc.assert(
      fc.property(routes, workloads, (route, w) => {
        const plain = { ...w, cacheWriteTokens: 0n };
        if (plain.cachedInputTokens === plain.inputTokens) return;
        const cachedOneMore = { ...plain, cachedInputTokens: plain.cachedInputTokens + 1n };
        notBelow(monthly(route, plain), monthly(route, cachedOneMore));
        const allCached = { ...plain, cachedInputTokens: plain.inputTokens };
        notBelow(monthly(route, plain), monthly(route, allCached));
      }),
    );
  });

  it('traffic is made of requests that carry all its tokens and cross no tier above 1K', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.bigInt({ min: 0n, max: 10n ** 12n }), routes, (input, output, route) => {
        const shapes = trafficWorkloads({ inputTokens: input, outputTokens: output });
        expect(shapes.reduce((s, w) => s + w.inputTokens * w.requestsPerMonth, 0n)).toBe(input);
        expect(shapes.reduce((s, w) => s + w.outputTokens * w.requestsPerMonth, 0n)).toBe(output);
        for (const w of shapes) expect(w.inputTokens <= 1000n && w.outputTokens <= 1000n).toBe(true);
        const cost = trafficCost(route.base, route.components, { inputTokens: input, outputTokens: output });
        const sum = shapes.reduce((s, w) => s.plus(monthly(route, w)), Decimal.ZERO);
        expect(cost.monthlyCost!.equals(sum)).toBe(true);
      }),
      { numRuns: 50 },
    );
  });
});
