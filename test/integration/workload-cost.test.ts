import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyDataset } from '../../src/catalog/apply.js';
import { parseDataset } from '../../src/catalog/dataset.js';
import { Decimal } from '../../src/resolvers/decimal.js';
import { createApp } from '../../src/app.js';
import { createTestApp, postGraphQL, type TestApp } from '../support/app.js';

/**
 * What a real workload costs, through the API: cached reads, context tiers,
 * time-of-day windows and service tiers priced by the cost model
 * (src/resolvers/cost/price.ts), line by line, on costEstimate and on the
 * comparison.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ seed: null });
  await applyDataset(t.db, dataset(), { importer: 'test', now: new Date('2026-01-01') });
});
afterAll(() => t.destroy());

function dataset() {
  const price = (input: string, output: string, extra: Record<string, unknown> = {}) => [
    { effectiveFrom: '2025-06-01', inputPerMTok: input, outputPerMTok: output, source: 's', ...extra },
  ];
  const offering = (model: string, provider: string, prices: unknown[]) => ({ model, provider, providerModelId: `${provider}/${model}`, source: 's', prices });
  const models = ['cachey', 'plain', 'long-context', 'off-peak', 'batchy', 'worked-example', 'worked-example-no-cache'];
  const providers = ['cheap-input', 'cache-house', 'tiered', 'night-owl', 'bulk', 'no-batch', 'with-cache', 'no-cache'];
  const tier = (unit: string, price: string) => ({ unit, price, tierThreshold: 200000 });
  return parseDataset(
    {
      name: 'workloads',
      sources: [{ key: 's', name: 'test source' }],
      creators: [{ slug: 'lab', name: 'Lab', source: 's' }],
      models: models.map((slug) => ({ slug, name: slug.replace('-', ' '), creator: 'lab', source: 's' })),
      providers: providers.map((slug) => ({ slug, name: slug, source: 's' })),
      offerings: [
        // Cheaper input, no cache price (cached reads are billed as input) against dearer input with a cheap cache read.
        offering('cachey', 'cheap-input', price('1', '4')),
        offering('cachey', 'cache-house', price('1.5', '4', { cacheReadPerMTok: '0.15' })),
        offering('plain', 'cheap-input', price('0.5', '2')),
        // Gemini 2.5 Pro's shape: $1.25 / $10, above 200K input tokens $2.50 / $15.
        offering(
          'long-context',
          'tiered',
          price('1.25', '10', {
            components: [
              { unit: 'input', price: '2.5', tierThreshold: 200000 },
              { unit: 'output', price: '15', tierThreshold: 200000 },
            ],
          }),
        ),
        // DeepSeek's shape: half price off-peak, 16:30–00:30 UTC.
        offering(
          'off-peak',
          'night-owl',
          price('0.28', '1.1', {
            components: [
              { unit: 'input', price: '0.14', windowStart: 990, windowEnd: 30 },
              { unit: 'output', price: '0.55', windowStart: 990, windowEnd: 30 },
            ],
          }),
        ),
        offering(
          'batchy',
          'bulk',
          price('1', '8', {
            components: [
              { unit: 'input', price: '0.5', serviceTier: 'batch' },
              { unit: 'output', price: '4', serviceTier: 'batch' },
            ],
          }),
        ),
        offering('batchy', 'no-batch', price('0.9', '7')),
        // The README's worked example, with a cache price and without.
        offering(
          'worked-example',
          'with-cache',
          price('1.25', '10', { cacheReadPerMTok: '0.125', components: [tier('input', '2.5'), tier('output', '15'), tier('cached_input', '0.25')] }),
        ),
        offering('worked-example-no-cache', 'no-cache', price('1.25', '10', { components: [tier('input', '2.5'), tier('output', '15')] })),
      ],
    },
    'test',
  );
}

const ESTIMATE = `query ($model: String!, $workload: WorkloadInput, $traffic: TrafficInput) {
  costEstimate(model: $model, workload: $workload, traffic: $traffic) {
    traffic { inputTokensPerMonth outputTokensPerMonth }
    workload { requestsPerMonth cachedInputTokens hourUtc serviceTier }
    cheapest { provider { slug } monthlyCost }
    routes { provider { slug } monthlyCost note breakdown { component quantity unitPrice cost condition } }
  }
}`;

async function estimate(model: string, variables: Record<string, unknown>) {
  const { data, errors } = await t.graphql(ESTIMATE, { model, ...variables });
  expect(errors).toBeUndefined();
  return data!.costEstimate;
}

const route = (e: any, provider: string) => e.routes.find((r: any) => r.provider.slug === provider);

/** Every priced route's lines add up to its monthly cost, exactly. */
function expectLinesSum(routes: { monthlyCost: string | null; breakdown: { cost: string }[] }[]) {
  for (const r of routes) {
    if (r.monthlyCost === null) continue;
    const sum = r.breakdown.reduce((total, line) => total.plus(Decimal.from(line.cost)), Decimal.ZERO);
    expect(sum.equals(Decimal.from(r.monthlyCost))).toBe(true);
  }
}

/** 1,000 requests of 100K input tokens, 90K of them read from the cache, and 1K output. */
const CACHE_HEAVY = { requestsPerMonth: 1000, inputTokens: 100000, cachedInputTokens: 90000, outputTokens: 1000 };

describe('caching', () => {
  it('a cache-heavy workload picks the route with a cache price over a cheaper-input route without one', async () => {
    const e = await estimate('cachey', { workload: CACHE_HEAVY });
    // cache-house: 10M × $1.50 + 90M × $0.15 + 1M × $4 = 15 + 13.5 + 4.
    // cheap-input: 100M × $1 (cached reads billed as input) + 1M × $4.
    expect(e.cheapest).toEqual({ provider: { slug: 'cache-house' }, monthlyCost: '32.5' });
    expect(route(e, 'cheap-input').monthlyCost).toBe('104');
    expect(route(e, 'cache-house').breakdown).toEqual([
      { component: 'INPUT', quantity: '10000000', unitPrice: '1.5', cost: '15', condition: null },
      { component: 'CACHED_INPUT', quantity: '90000000', unitPrice: '0.15', cost: '13.5', condition: null },
      { component: 'OUTPUT', quantity: '1000000', unitPrice: '4', cost: '4', condition: null },
    ]);
    expect(route(e, 'cheap-input').breakdown).toContainEqual({
      component: 'CACHED_INPUT',
      quantity: '90000000',
      unitPrice: '1',
      cost: '90',
      condition: 'cached input billed as input: no cache price listed',
    });
    expect(e.traffic).toEqual({ inputTokensPerMonth: '100000000', outputTokensPerMonth: '1000000' });
    expect(e.workload).toEqual({ requestsPerMonth: '1000', cachedInputTokens: '90000', hourUtc: null, serviceTier: 'STANDARD' });
    expectLinesSum(e.routes);
  });

  it('the same tokens as traffic (no cache) pick the cheaper input', async () => {
    const e = await estimate('cachey', { traffic: { inputTokensPerMonth: '100000000', outputTokensPerMonth: '1000000' } });
    expect(e.cheapest).toEqual({ provider: { slug: 'cheap-input' }, monthlyCost: '104' });
    expect(route(e, 'cache-house').monthlyCost).toBe('154');
    expect(e.workload).toBeNull();
    expectLinesSum(e.routes);
  });

  it('in a comparison, the route, monthly cost, gap and lower-cost model follow the workload; the blend does not', async () => {
    const query = `query ($workload: WorkloadInput, $traffic: TrafficInput) {
      comparison(models: ["cachey", "plain"], workload: $workload, traffic: $traffic) {
        costs { model { slug } monthlyCost blendedPerMTok route { provider { slug } } breakdown { component cost } note }
        monthlyCostGap lowerCost { slug } tradeoffs { model { slug } reasons } } }`;
    const atWorkload = (await t.graphql(query, { workload: CACHE_HEAVY })).data!.comparison;
    expect(atWorkload.costs.map((c: any) => [c.model.slug, c.monthlyCost, c.route.provider.slug, c.blendedPerMTok])).toEqual([
      ['cachey', '32.5', 'cache-house', '1.9'],
      // plain: 100M × $0.50 (cached reads billed as input) + 1M × $2.
      ['plain', '52', 'cheap-input', '0.95'],
    ]);
    expect(atWorkload.costs[0].breakdown.map((l: any) => l.cost)).toEqual(['15', '13.5', '4']);
    expect(atWorkload.lowerCost.slug).toBe('cachey');
    expect(atWorkload.monthlyCostGap).toBe('19.5');
    const cachey = atWorkload.tradeoffs.find((r: any) => r.model.slug === 'cachey').reasons;
    expect(cachey).toContain('cachey costs the least at 1K requests a month of 100K input (90K read from the cache) and 1K output tokens: $32.50.');

    const atTraffic = (await t.graphql(query, { traffic: { inputTokensPerMonth: '100000000', outputTokensPerMonth: '1000000' } })).data!.comparison;
    expect(atTraffic.costs.map((c: any) => [c.model.slug, c.monthlyCost, c.route.provider.slug, c.blendedPerMTok])).toEqual([
      ['cachey', '104', 'cheap-input', '1.9'],
      ['plain', '52', 'cheap-input', '0.95'],
    ]);
    expect(atTraffic.lowerCost.slug).toBe('plain');
  });
});

describe('a long-context tier', () => {
  it('prices one request of 250K in / 1K out at the tier: 0.25M × $2.50 + 0.001M × $15 = $0.64', async () => {
    const e = await estimate('long-context', { workload: { requestsPerMonth: 1, inputTokens: 250000, outputTokens: 1000 } });
    expect(e.cheapest.monthlyCost).toBe('0.64');
    expect(e.routes[0].breakdown).toEqual([
      { component: 'INPUT', quantity: '250000', unitPrice: '2.5', cost: '0.625', condition: 'above 200K input tokens' },
      { component: 'OUTPUT', quantity: '1000', unitPrice: '15', cost: '0.015', condition: 'above 200K input tokens' },
    ]);
    expectLinesSum(e.routes);
  });

  it('below the threshold the base price applies: 0.15M × $1.25 + 0.001M × $10 = $0.1975', async () => {
    const e = await estimate('long-context', { workload: { requestsPerMonth: 1, inputTokens: 150000, outputTokens: 1000 } });
    expect(e.cheapest.monthlyCost).toBe('0.1975');
    expect(e.routes[0].breakdown.map((l: any) => l.condition)).toEqual([null, null]);
  });

  it('traffic is many small requests: the same 250K input and 1K output tokens a month stay at the base price', async () => {
    const e = await estimate('long-context', { traffic: { inputTokensPerMonth: 250000, outputTokensPerMonth: 1000 } });
    expect(e.cheapest.monthlyCost).toBe('0.3225');
  });
});

describe('the README’s worked example', () => {
  const workload = { requestsPerMonth: 1000, inputTokens: 250000, cachedInputTokens: 200000, outputTokens: 1000 };

  it('1,000 requests of 250K input (200K cached) and 1K output: $190 with a cache price, $640 without, $322.50 as traffic', async () => {
    const withCache = await estimate('worked-example', { workload });
    expect(withCache.cheapest.monthlyCost).toBe('190');
    expect(withCache.routes[0].breakdown).toEqual([
      { component: 'INPUT', quantity: '50000000', unitPrice: '2.5', cost: '125', condition: 'above 200K input tokens' },
      { component: 'CACHED_INPUT', quantity: '200000000', unitPrice: '0.25', cost: '50', condition: 'above 200K input tokens' },
      { component: 'OUTPUT', quantity: '1000000', unitPrice: '15', cost: '15', condition: 'above 200K input tokens' },
    ]);
    const noCache = await estimate('worked-example-no-cache', { workload });
    expect(noCache.cheapest.monthlyCost).toBe('640');
    expect(noCache.routes[0].breakdown[1]).toEqual({
      component: 'CACHED_INPUT',
      quantity: '200000000',
      unitPrice: '2.5',
      cost: '500',
      condition: 'above 200K input tokens, cached input billed as input: no cache price listed',
    });
    const traffic = await estimate('worked-example', { traffic: { inputTokensPerMonth: '250000000', outputTokensPerMonth: '1000000' } });
    expect(traffic.cheapest.monthlyCost).toBe('322.5');
  });
});

describe('time of day', () => {
  // 1,000 requests of 1K input and 1K output: 1M tokens each way.
  const at = (hourUtc: number | null) => estimate('off-peak', { workload: { requestsPerMonth: 1000, inputTokens: 1000, outputTokens: 1000, hourUtc } });

  it('inside the off-peak window the off-peak price applies; outside it, the base price', async () => {
    const night = await at(18);
    expect(night.cheapest.monthlyCost).toBe('0.69');
    expect(night.routes[0].breakdown.map((l: any) => l.condition)).toEqual(['off-peak 16:30–00:30 UTC', 'off-peak 16:30–00:30 UTC']);
    const noon = await at(12);
    expect(noon.cheapest.monthlyCost).toBe('1.38');
    expect(noon.routes[0].breakdown.map((l: any) => l.condition)).toEqual([null, null]);
    expect(night.workload.hourUtc).toBe(18);
  });

  it('an hour the window cuts is priced minute by minute: 00:00–00:30 off-peak, 00:30–01:00 not', async () => {
    const midnight = await at(0);
    expect(midnight.cheapest.monthlyCost).toBe('1.035');
    expect(midnight.routes[0].breakdown).toContainEqual({
      component: 'INPUT',
      quantity: '1000000',
      unitPrice: '0.14',
      cost: '0.07',
      condition: "off-peak 16:30–00:30 UTC, 30 of the hour's 60 minutes",
    });
    expectLinesSum(midnight.routes);
  });

  it('spread over the day, a third of it off-peak: each line says which part of the day it prices', async () => {
    const day = await at(null);
    expect(day.routes[0].breakdown.map((l: any) => `${l.component} ${l.unitPrice} ${l.condition}`).sort()).toEqual([
      "INPUT 0.14 off-peak 16:30–00:30 UTC, 8 of the day's 24 hours",
      "INPUT 0.28 16 of the day's 24 hours",
      "OUTPUT 0.55 off-peak 16:30–00:30 UTC, 8 of the day's 24 hours",
      "OUTPUT 1.1 16 of the day's 24 hours",
    ]);
    // ⅓ × 0.69 + ⅔ × 1.38 = 1.15; a third does not end in decimals, so the per-request share is rounded 24 digits down.
    expect(Decimal.from(day.cheapest.monthlyCost).toFixed(12)).toBe('1.150000000000');
    expectLinesSum(day.routes);
  });
});

describe('service tiers', () => {
  const batch = { requestsPerMonth: 1000, inputTokens: 1000, outputTokens: 1000, serviceTier: 'BATCH' };

  it('BATCH uses the batch components; a route without them says so and is not chosen', async () => {
    const e = await estimate('batchy', { workload: batch });
    // bulk at batch prices: 1M × $0.50 + 1M × $4. no-batch lists no batch tier: unknown, though its standard price is lower.
    expect(e.cheapest).toEqual({ provider: { slug: 'bulk' }, monthlyCost: '4.5' });
    expect(route(e, 'bulk').breakdown.map((l: any) => [l.component, l.unitPrice, l.condition])).toEqual([
      ['INPUT', '0.5', 'batch tier'],
      ['OUTPUT', '4', 'batch tier'],
    ]);
    expect(route(e, 'no-batch')).toMatchObject({
      monthlyCost: null,
      breakdown: [],
      note: "no-batch's price for this workload is not known (no batch tier on this route): counted as a route, never as the cheapest.",
    });
    const standardTier = await estimate('batchy', { workload: { ...batch, serviceTier: 'STANDARD' } });
    expect(standardTier.cheapest).toEqual({ provider: { slug: 'no-batch' }, monthlyCost: '7.9' });
  });

  it('a model none of whose routes offers the tier has an unknown cost, and the note names what is missing', async () => {
    const { data } = await t.graphql(`query ($w: WorkloadInput) { comparison(models: ["plain", "batchy"], workload: $w) { costs { monthlyCost breakdown { cost } note } lowerCost { slug } } }`, {
      w: batch,
    });
    expect(data!.comparison.costs[0]).toEqual({
      monthlyCost: null,
      breakdown: [],
      note: 'plain has no route that can be bought today with every price this workload needs (cheap-input: no batch tier on this route), so its cost is unknown.',
    });
    expect(data!.comparison.costs[1].monthlyCost).toBe('4.5');
    expect(data!.comparison.lowerCost).toBeNull();
  });
});

describe('a route’s components are part of its price', () => {
  it('Offering.price lists them', async () => {
    const { data, errors } = await t.graphql(`{ model(slug: "long-context") { offerings { price { inputPerMTok components { unit price tierThreshold tierScope serviceTier condition } } } } }`);
    expect(errors).toBeUndefined();
    expect(data!.model.offerings[0].price.components).toEqual([
      { unit: 'INPUT', price: '2.5', tierThreshold: '200000', tierScope: 'WHOLE_REQUEST', serviceTier: 'STANDARD', condition: 'above 200K input tokens' },
      { unit: 'OUTPUT', price: '15', tierThreshold: '200000', tierScope: 'WHOLE_REQUEST', serviceTier: 'STANDARD', condition: 'above 200K input tokens' },
    ]);
  });
});

describe('statements', () => {
  it('a workload costs the same statements as traffic: every route’s components in one', async () => {
    const query = `query ($workload: WorkloadInput, $traffic: TrafficInput) {
      comparison(models: ["cachey", "plain", "batchy"], workload: $workload, traffic: $traffic) { costs { monthlyCost breakdown { cost } } } }`;
    // Each on an app of its own: an app keeps the models' facts it read (src/facts/), so only a first request reads them.
    const run = async (variables: Record<string, unknown>) => {
      const app = createApp({ db: t.db });
      t.resetStatements();
      const { errors } = await postGraphQL(app, query, variables);
      expect(errors).toBeUndefined();
      return [...t.statements];
    };
    const atWorkload = await run({ workload: CACHE_HEAVY });
    const atTraffic = await run({ traffic: { inputTokensPerMonth: 1, outputTokensPerMonth: 1 } });
    expect(atWorkload.length).toBe(atTraffic.length);
    expect(atWorkload.filter((sql) => /from "price_components"/.test(sql))).toHaveLength(1);
  });
});

describe('bad input', () => {
  const expectBadInput = async (args: string, argumentPath: (string | number)[], message?: RegExp) => {
    t.resetStatements();
    const { data, errors } = await t.graphql(`{ costEstimate(model: "cachey", ${args}) { cheapest { monthlyCost } } }`);
    expect(data).toBeNull();
    expect(errors).toHaveLength(1);
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentPath });
    if (message) expect(errors![0]!.message).toMatch(message);
    expect(t.statements).toEqual([]);
  };
  const w = (extra: string) => `workload: { requestsPerMonth: 10, inputTokens: 1000, outputTokens: 10${extra} }`;

  it('traffic and workload together', () =>
    expectBadInput(`traffic: { inputTokensPerMonth: 1, outputTokensPerMonth: 1 }, ${w('')}`, ['workload'], /traffic or workload, not both/));
  it('traffic and workload together, on the comparison too', async () => {
    const { data, errors } = await t.graphql(
      `{ comparison(models: ["cachey", "plain"], traffic: { inputTokensPerMonth: 1, outputTokensPerMonth: 1 }, ${w('')}) { summary } }`,
    );
    expect(data).toBeNull();
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentPath: ['workload'] });
  });
  it('cached and cache-write tokens beyond the input', () =>
    expectBadInput(w(', cachedInputTokens: 600, cacheWriteTokens: 500'), ['workload', 'cachedInputTokens'], /cannot exceed/));
  it('an hour outside 0–23', () => expectBadInput(w(', hourUtc: 24'), ['workload', 'hourUtc'], /0 to 23/));
  it('a negative hour', () => expectBadInput(w(', hourUtc: -1'), ['workload', 'hourUtc']));
  it('a count that is not a whole number of tokens', () => expectBadInput(`workload: { requestsPerMonth: 10, inputTokens: "lots", outputTokens: 1 }`, ['workload', 'inputTokens']));
  it('a month beyond the traffic bound', () =>
    expectBadInput(`workload: { requestsPerMonth: "1000000000000", inputTokens: 1000000, outputTokens: 1 }`, ['workload', 'requestsPerMonth'], /at most/));
});
