import { findProvider, type ModelInfo } from '@pydantic/genai-prices';
import { describe, expect, it } from 'vitest';
import {
  decimalTextOf,
  FIELDS_OUTSIDE_TOKEN_WORKLOADS,
  GenaiPriceFieldError,
  genaiPriceChangeDates,
  genaiPriceComponents,
  genaiTierThresholds,
  roundSignificant,
  significantDigits,
} from '../../src/catalog/sources/genai-prices-components.js';
import type { PriceComponent } from '../../src/domain/pricing.js';
import { routeCosts } from '../../src/resolvers/comparison/costs.js';
import { PROVIDERS, route } from '../support/seed-facts.js';
import { type BasePrice, type CostLine, divide, routeCost, tokens, trafficCost } from '../../src/resolvers/cost/price.js';
import { trafficWorkloads, workload, type Workload } from '../../src/resolvers/cost/workload.js';
import { Decimal } from '../../src/resolvers/decimal.js';

const d = (text: string) => Decimal.from(text);

function base(input: string | null, output: string | null, cachedInput: string | null = null, cacheWrite5m: string | null = null): BasePrice {
  const of = (v: string | null) => (v === null ? null : d(v));
  return { input: of(input), output: of(output), cachedInput: of(cachedInput), cacheWrite5m: of(cacheWrite5m) };
}

function c(unit: PriceComponent['unit'], price: string, extra: Partial<PriceComponent> = {}): PriceComponent {
  return {
    unit,
    price,
    tierThreshold: null,
    tierInclusive: false,
    tierScope: 'whole-request',
    windowStart: null,
    windowEnd: null,
    serviceTier: 'standard',
    ...extra,
  };
}

const line = (l: CostLine) => ({
  component: l.component,
  quantity: l.quantity,
  unitPrice: l.unitPrice.toString(),
  cost: l.cost.toString(),
  condition: l.condition,
  timeShare: l.timeShare,
});

const cost = (b: BasePrice, cs: PriceComponent[], w: Workload) => routeCost(b, cs, w).monthlyCost?.toString() ?? null;

/** Claude Sonnet 4.5 as Anthropic lists it: $3 / $15, cached reads $0.30, 5-minute writes $3.75; above 200K input every price doubles (output × 1.5). */
const SONNET_BASE = base('3', '15', '0.3', '3.75');
const SONNET_TIERS = [
  c('input', '6', { tierThreshold: 200_000n }),
  c('output', '22.5', { tierThreshold: 200_000n }),
  c('cached_input', '0.6', { tierThreshold: 200_000n }),
  c('cache_write_5m', '7.5', { tierThreshold: 200_000n }),
];

describe('routeCost: the worked example', () => {
  it('Claude Sonnet 4.5, 1,000 requests of 250K input (200K cached) and 1K output', () => {
    // Each request has 250,000 input tokens: more than 200,000, so the whole
    // request is at the long-context tier (every token, cached ones too).
    //   uncached input  (250,000 − 200,000) × 1,000 =  50,000,000 tokens × $6.00 / 1M = $300.00
    //   cached reads     200,000 × 1,000            = 200,000,000 tokens × $0.60 / 1M = $120.00
    //   output             1,000 × 1,000            =   1,000,000 tokens × $22.50 / 1M = $22.50
    //                                                                          total  $442.50
    const w = workload({ inputTokens: 250_000n, cachedInputTokens: 200_000n, outputTokens: 1000n, requestsPerMonth: 1000n });
    const result = routeCost(SONNET_BASE, SONNET_TIERS, w);
    expect(result.missing).toEqual([]);
    expect(result.lines.map(line)).toEqual([
      { component: 'input', quantity: 50_000_000n, unitPrice: '6', cost: '300', condition: 'above 200K input tokens', timeShare: null },
      { component: 'cached_input', quantity: 200_000_000n, unitPrice: '0.6', cost: '120', condition: 'above 200K input tokens', timeShare: null },
      { component: 'output', quantity: 1_000_000n, unitPrice: '22.5', cost: '22.5', condition: 'above 200K input tokens', timeShare: null },
    ]);
    expect(result.monthlyCost!.toFixed(2)).toBe('442.50');

    // A request of exactly 200,000 input tokens (150,000 cached) is not above the tier:
    //   uncached (200,000 − 150,000) × 1,000 =  50M tokens × $3.00 / 1M = $150.00
    //   cached    150,000 × 1,000            = 150M tokens × $0.30 / 1M =  $45.00
    //   output      1,000 × 1,000            =   1M tokens × $15.00 / 1M = $15.00   total $210.00
    const at = workload({ inputTokens: 200_000n, cachedInputTokens: 150_000n, outputTokens: 1000n, requestsPerMonth: 1000n });
    expect(cost(SONNET_BASE, SONNET_TIERS, at)).toBe('210');
  });

  it('the same from genai-prices’ own entry for claude-sonnet-4-5', () => {
    const model = findProvider({ providerId: 'anthropic' })!.models.find((m) => m.id === 'claude-sonnet-4-5')!;
    const { base: b, components, ignored } = genaiPriceComponents(model, new Date('2026-11-27'), {
      ignore: Object.keys(FIELDS_OUTSIDE_TOKEN_WORKLOADS),
    });
    expect(ignored).toEqual(['web_searches_kcount']);
    const w = workload({ inputTokens: 250_000n, cachedInputTokens: 200_000n, outputTokens: 1000n, requestsPerMonth: 1000n });
    expect(cost(b, components, w)).toBe('442.5');
  });
});

describe('routeCost: the rules', () => {
  it('base prices: input × input price + output × output price, per 1M tokens', () => {
    // 1,000 × 1,200 = 1.2M input × $0.15 = $0.18; 1,000 × 300 = 0.3M output × $0.60 = $0.18.
    const w = workload({ inputTokens: 1200n, outputTokens: 300n, requestsPerMonth: 1000n });
    expect(cost(base('0.15', '0.6'), [], w)).toBe('0.36');
  });

  it('cached reads at the cached price, cache writes at the 5-minute write price, the rest at the input price', () => {
    // Per request: 1,000 input = 600 cached + 100 written + 300 uncached; 200 output. 10,000 requests.
    //   300 × 10,000 = 3M × $3 = $9; 600 × 10,000 = 6M × $0.30 = $1.80;
    //   100 × 10,000 = 1M × $3.75 = $3.75; 2M output × $15 = $30. Total $44.55.
    const w = workload({ inputTokens: 1000n, cachedInputTokens: 600n, cacheWriteTokens: 100n, outputTokens: 200n, requestsPerMonth: 10_000n });
    const result = routeCost(SONNET_BASE, [], w);
    expect(result.monthlyCost!.toString()).toBe('44.55');
    expect(result.lines.map((l) => [l.component, l.quantity, l.cost.toString()])).toEqual([
      ['input', 3_000_000n, '9'],
      ['cached_input', 6_000_000n, '1.8'],
      ['cache_write_5m', 1_000_000n, '3.75'],
      ['output', 2_000_000n, '30'],
    ]);
  });

  it('with no cached or cache-write price, those tokens are charged at the input price (as genai-prices does)', () => {
    // 10,000 requests of 1,000 input (600 cached, 100 written): all 10M input tokens at $1 = $10.
    const w = workload({ inputTokens: 1000n, cachedInputTokens: 600n, cacheWriteTokens: 100n, outputTokens: 0n, requestsPerMonth: 10_000n });
    const result = routeCost(base('1', '2'), [], w);
    expect(result.monthlyCost!.toString()).toBe('10');
    expect(result.lines.map((l) => [l.component, l.unitPrice.toString(), l.condition])).toEqual([
      ['input', '1', null],
      ['cached_input', '1', 'cached input billed as input: no cache price listed'],
      ['cache_write_5m', '1', 'cache writes billed as input: no cache-write price listed'],
    ]);
  });

  it('an exclusive tier starts above its threshold, an inclusive one at it', () => {
    const at = (n: bigint) => workload({ inputTokens: n, outputTokens: 0n, requestsPerMonth: 1n });
    const exclusive = [c('input', '2', { tierThreshold: 1000n })];
    const inclusive = [c('input', '2', { tierThreshold: 1000n, tierInclusive: true })];
    // 1,000 tokens: $1 × 1,000 / 1M = $0.001 below the tier, $0.002 in it.
    expect(cost(base('1', '1'), exclusive, at(1000n))).toBe('0.001');
    expect(cost(base('1', '1'), inclusive, at(1000n))).toBe('0.002');
    expect(cost(base('1', '1'), exclusive, at(1001n))).toBe('0.002002');
    expect(cost(base('1', '1'), inclusive, at(999n))).toBe('0.000999');
  });

  it('the highest tier passed wins', () => {
    const tiers = [c('input', '2', { tierThreshold: 100n }), c('input', '4', { tierThreshold: 200n })];
    const at = (n: bigint) => cost(base('1', '1'), tiers, workload({ inputTokens: n, outputTokens: 0n, requestsPerMonth: 1_000_000n }));
    // 1M requests: n tokens × price × 1M / 1M = n × price dollars.
    expect([at(100n), at(101n), at(200n), at(201n)]).toEqual(['100', '202', '400', '804']);
  });

  it('a whole-request tier reprices every token; a tokens-above tier only the tokens past it', () => {
    const w = workload({ inputTokens: 150_000n, outputTokens: 1000n, requestsPerMonth: 1000n });
    // Whole request: 150M input × $2 = $300, 1M output × $4 = $4.
    const whole = [c('input', '2', { tierThreshold: 100_000n }), c('output', '4', { tierThreshold: 100_000n })];
    expect(cost(base('1', '2'), whole, w)).toBe('304');
    // Tokens above: 100K × 1,000 = 100M × $1 = $100, 50M × $2 = $100; output stays $2: $2. Total $202.
    const above = [c('input', '2', { tierThreshold: 100_000n, tierScope: 'tokens-above' })];
    const result = routeCost(base('1', '2'), above, w);
    expect(result.monthlyCost!.toString()).toBe('202');
    expect(result.lines.map((l) => [l.component, l.quantity, l.unitPrice.toString(), l.condition])).toEqual([
      ['input', 100_000_000n, '1', null],
      ['input', 50_000_000n, '2', 'input tokens past the first 100K'],
      ['output', 1_000_000n, '2', null],
    ]);
  });

  it('an inclusive tokens-above tier starts at the threshold token itself, an exclusive one after it', () => {
    // 1M requests of 100 tokens (so n tokens × $p cost n × p dollars); tier at 100 tokens: $1 → $2.
    const at = (inclusive: boolean, n: bigint) =>
      cost(base('1', '1'), [c('input', '2', { tierThreshold: 100n, tierInclusive: inclusive, tierScope: 'tokens-above' })], workload({ inputTokens: n, outputTokens: 0n, requestsPerMonth: 1_000_000n }));
    // Inclusive: token 100 is in the tier: 99 × $1 + 1 × $2 = $101; exclusive: 100 × $1.
    expect(at(true, 100n)).toBe('101');
    expect(at(false, 100n)).toBe('100');
    // 101 tokens: inclusive 99 + 2 × 2 = $103; exclusive 100 + 1 × 2 = $102.
    expect(at(true, 101n)).toBe('103');
    expect(at(false, 101n)).toBe('102');
    expect(at(true, 99n)).toBe('99');
    const lines = routeCost(base('1', '1'), [c('input', '2', { tierThreshold: 100n, tierInclusive: true, tierScope: 'tokens-above' })], workload({ inputTokens: 101n, outputTokens: 0n, requestsPerMonth: 1n })).lines;
    expect(lines.map((l) => [l.quantity, l.condition])).toEqual([
      [99n, null],
      [2n, 'input tokens past the first 99'],
    ]);
  });

  it('tokens-above tiers see the cached prefix first: cached positions 1…cached, then the uncached rest', () => {
    // One request of 150K input, 120K cached; tier past 100K: input $1 → $2, cached $0.10 → $0.20.
    //   cached positions 1–100,000 at $0.10 ($0.01), 100,001–120,000 at $0.20 ($0.004);
    //   uncached positions 120,001–150,000, all past 100K, at $2 ($0.06). Total $0.074.
    const tiers = [
      c('input', '2', { tierThreshold: 100_000n, tierScope: 'tokens-above' }),
      c('cached_input', '0.2', { tierThreshold: 100_000n, tierScope: 'tokens-above' }),
    ];
    const w = workload({ inputTokens: 150_000n, cachedInputTokens: 120_000n, outputTokens: 0n, requestsPerMonth: 1n });
    const result = routeCost(base('1', '5', '0.1'), tiers, w);
    expect(result.lines.map((l) => [l.component, l.quantity, l.cost.toString()])).toEqual([
      ['input', 30_000n, '0.06'],
      ['cached_input', 100_000n, '0.01'],
      ['cached_input', 20_000n, '0.004'],
    ]);
    expect(result.monthlyCost!.toString()).toBe('0.074');
  });

  it('a tokens-above tier on output cannot be split by input position: output is missing when it applies', () => {
    const tiers = [c('output', '3', { tierThreshold: 100n, tierScope: 'tokens-above' })];
    expect(routeCost(base('1', '2'), tiers, workload({ inputTokens: 50n, outputTokens: 10n, requestsPerMonth: 1n })).missing).toEqual([]);
    const over = routeCost(base('1', '2'), tiers, workload({ inputTokens: 150n, outputTokens: 10n, requestsPerMonth: 1n }));
    expect(over.monthlyCost).toBeNull();
    expect(over.missing).toEqual(['output (a tokens-above tier cannot split output by input position)']);
  });

  it('a per-request fee is charged per request when listed', () => {
    // Perplexity Sonar: $1 / $1 per 1M and $12 per 1,000 requests ($0.012 each).
    //   1,000 requests × (1,000 + 500 tokens) = 1.5M tokens × $1 = $1.50; fees 1,000 × $0.012 = $12.
    const w = workload({ inputTokens: 1000n, outputTokens: 500n, requestsPerMonth: 1000n });
    const result = routeCost(base('1', '1'), [c('request', '0.012')], w);
    expect(result.monthlyCost!.toString()).toBe('13.5');
    expect(line(result.lines.at(-1)!)).toEqual({ component: 'request', quantity: 1000n, unitPrice: '0.012', cost: '12', condition: null, timeShare: null });
  });

  it('a unit the workload needs with no price makes the cost unknown, never zero', () => {
    const w = workload({ inputTokens: 1000n, outputTokens: 10n, requestsPerMonth: 1n });
    const result = routeCost(base('0.02', null), [], w);
    expect(result.monthlyCost).toBeNull();
    expect(result.missing).toEqual(['output']);
    expect(result.lines.map((l) => l.component)).toEqual(['input']);
    expect(routeCost(base(null, null), [], w).missing).toEqual(['input', 'output']);
  });

  it('an input-only route (embeddings) costs its input when the workload has no output', () => {
    // 1M requests of 500 tokens = 500M tokens × $0.02 = $10.
    expect(cost(base('0.02', null), [], workload({ inputTokens: 500n, outputTokens: 0n, requestsPerMonth: 1_000_000n }))).toBe('10');
  });

  it('a cached-read price without an input price still needs the input price for the uncached tokens', () => {
    const w = workload({ inputTokens: 1000n, cachedInputTokens: 1000n, outputTokens: 0n, requestsPerMonth: 1n });
    expect(cost(base(null, '1', '0.1'), [], w)).toBe('0.0001');
    const partly = workload({ inputTokens: 1000n, cachedInputTokens: 900n, outputTokens: 0n, requestsPerMonth: 1n });
    expect(routeCost(base(null, '1', '0.1'), [], partly).missing).toEqual(['input']);
  });
});

describe('routeCost: time of day', () => {
  // Off-peak from 16:30 to 00:30 UTC (990 → 30, 480 minutes): input $3 → $1.50.
  const offPeak = [c('input', '1.5', { windowStart: 990, windowEnd: 30 }), c('output', '1', { windowStart: 990, windowEnd: 30 })];
  const b = base('3', '2');
  const at = (hourUtc: number | null) => workload({ inputTokens: 1_000_000n, outputTokens: 0n, requestsPerMonth: 1n, hourUtc });

  it('an hour inside the window takes its price, an hour outside the all-day price', () => {
    expect(cost(b, offPeak, at(20))).toBe('1.5');
    expect(cost(b, offPeak, at(23))).toBe('1.5');
    expect(cost(b, offPeak, at(0))).toBe('2.25'); // 00:00–00:30 off-peak, 00:30–01:00 not: see below
    expect(cost(b, offPeak, at(10))).toBe('3');
  });

  it('an hour a window edge cuts is weighted by its minutes', () => {
    // 16:00–16:30 at $3, 16:30–17:00 at $1.50: (30 × 3 + 30 × 1.5) / 60 = $2.25.
    const result = routeCost(b, offPeak, at(16));
    expect(result.monthlyCost!.toString()).toBe('2.25');
    expect(result.lines.map(line)).toEqual([
      { component: 'input', quantity: 1_000_000n, unitPrice: '3', cost: '1.5', condition: null, timeShare: { minutes: 30, of: 60 } },
      {
        component: 'input',
        quantity: 1_000_000n,
        unitPrice: '1.5',
        cost: '0.75',
        condition: 'off-peak 16:30–00:30 UTC',
        timeShare: { minutes: 30, of: 60 },
      },
    ]);
  });

  it('spread over the day: the time-weighted mean, each window weighing its minutes / 1,440', () => {
    // 960 minutes at $3 and 480 at $1.50: 960/1440 × 3 + 480/1440 × 1.5 = 2 + 0.5 = $2.50.
    expect(cost(b, offPeak, at(null))).toBe('2.5');
  });

  it('a share with no finite decimal is rounded far past a cent, and the month is still the sum of its lines', () => {
    // $1 all day, $0.50 off-peak, 1 token a request: 1e-6 × 960/1440 + 0.5e-6 × 480/1440 = 2/3 µ$ + 1/6 µ$.
    const w = workload({ inputTokens: 1n, outputTokens: 0n, requestsPerMonth: 3n });
    const result = routeCost(base('1', '1'), [c('input', '0.5', { windowStart: 990, windowEnd: 30 })], w);
    const sum = result.lines.reduce((s, l) => s.plus(l.cost), Decimal.ZERO);
    expect(result.monthlyCost!.equals(sum)).toBe(true);
    // Per request: 1 token × $1/1M × 960/1440 = 0.000000666…667 and × $0.50/1M × 480/1440 = 0.000000166…667,
    // each rounded 24 digits past its dividend's own; then × 3 requests.
    const byCondition = Object.fromEntries(result.lines.map((l) => [l.condition ?? 'all day', l.cost.toString()]));
    expect(byCondition).toEqual({
      'all day': '0.00000200000000000000000000001',
      'off-peak 16:30–00:30 UTC': '0.00000050000000000000000000001',
    });
    expect(Math.abs(result.monthlyCost!.toNumber() - 2.5e-6)).toBeLessThan(1e-20);
  });

  it('divide is exact when the quotient ends and rounded half away from zero when it does not', () => {
    expect(divide(d('3'), 1440n).toString()).toBe('0.002083333333333333333333');
    expect(divide(d('4.5'), 1440n).toString()).toBe('0.003125');
    expect(divide(d('2'), 3n).toString()).toBe('0.666666666666666666666667');
    expect(divide(d('-2'), 3n).toString()).toBe('-0.666666666666666666666667');
  });
});

describe('routeCost: service tiers', () => {
  const batch = [c('input', '1.5', { serviceTier: 'batch' }), c('output', '7.5', { serviceTier: 'batch' })];
  const w = (tier: Workload['serviceTier'], cached = 0n) =>
    workload({ inputTokens: 1_000_000n, cachedInputTokens: cached, outputTokens: 1_000_000n, requestsPerMonth: 1n, serviceTier: tier });

  it('a tier the route lists takes its prices', () => {
    const result = routeCost(base('3', '15'), batch, w('batch'));
    expect(result.monthlyCost!.toString()).toBe('9');
    expect(result.lines.map((l) => l.condition)).toEqual(['batch tier', 'batch tier']);
    expect(cost(base('3', '15'), batch, w('standard'))).toBe('18');
  });

  it('a tier the route does not list is unavailable there', () => {
    expect(routeCost(base('3', '15'), batch, w('priority'))).toEqual({ monthlyCost: null, lines: [], missing: ['priority tier (not offered on this route)'] });
  });

  it('a tier that lists no price for a unit the workload needs leaves it missing (never the standard price)', () => {
    // Cached reads fall back to the batch input price (as on the standard tier); output has no batch price.
    const result = routeCost(base('3', '15', '0.3'), [c('input', '1.5', { serviceTier: 'batch' })], w('batch', 500_000n));
    expect(result.monthlyCost).toBeNull();
    expect(result.missing).toEqual(['output (batch tier)']);
    expect(result.lines.map((l) => [l.component, l.unitPrice.toString()])).toEqual([
      ['input', '1.5'],
      ['cached_input', '1.5'],
    ]);
  });
});

describe('traffic as a workload', () => {
  it('traffic is split into requests of at most 1K input and 1K output tokens, all tokens kept', () => {
    const traffic = { inputTokens: 848_000_000n, outputTokens: 230_800_001n };
    const shapes = trafficWorkloads(traffic);
    expect(shapes.length).toBeLessThanOrEqual(3);
    const sum = (f: (w: Workload) => bigint) => shapes.reduce((s, w) => s + f(w) * w.requestsPerMonth, 0n);
    expect(sum((w) => w.inputTokens)).toBe(traffic.inputTokens);
    expect(sum((w) => w.outputTokens)).toBe(traffic.outputTokens);
    expect(shapes.reduce((s, w) => s + w.requestsPerMonth, 0n)).toBe(848_000n);
    for (const w of shapes) {
      expect(w.inputTokens).toBeLessThanOrEqual(1000n);
      expect(w.outputTokens).toBeLessThanOrEqual(1000n);
    }
    expect(trafficWorkloads({ inputTokens: 0n, outputTokens: 0n })).toEqual([]);
    // 3 requests: 10 = 3 × 3 + 1 input, 2,500 = 3 × 833 + 1 output; the extra tokens ride on the same request.
    expect(trafficWorkloads({ inputTokens: 10n, outputTokens: 2500n })).toEqual([
      workload({ inputTokens: 4n, outputTokens: 834n, requestsPerMonth: 1n }),
      workload({ inputTokens: 3n, outputTokens: 833n, requestsPerMonth: 2n }),
    ]);
    // 11 = 3 × 3 + 2: two requests carry an extra input token, one of them the extra output token.
    expect(trafficWorkloads({ inputTokens: 11n, outputTokens: 2500n })).toEqual([
      workload({ inputTokens: 4n, outputTokens: 834n, requestsPerMonth: 1n }),
      workload({ inputTokens: 4n, outputTokens: 833n, requestsPerMonth: 1n }),
      workload({ inputTokens: 3n, outputTokens: 833n, requestsPerMonth: 1n }),
    ]);
  });

  it('on a route with only base prices it costs what the comparison charged before', () => {
    // The README's seed page: Llama 3.1 8B at $0.03 / $0.05 (848M × 0.03 + 230.8M × 0.05 = 25.44 + 11.54).
    const traffic = { inputTokens: 848_000_000n, outputTokens: 230_800_000n };
    const [priced] = routeCosts([route(PROVIDERS.openrouter, '0.03', '0.05')], { traffic });
    expect(priced!.monthlyCost!.toString()).toBe('36.98');
    expect(trafficCost(base('0.03', '0.05'), [], traffic).monthlyCost!.toString()).toBe('36.98');
  });

  it('a tiered route prices traffic at its base tier, and a request fee is charged per request', () => {
    const traffic = { inputTokens: 700_000_000n, outputTokens: 300_000_000n };
    // 700M × $3 + 300M × $15 = 2,100 + 4,500: no request reaches 200K.
    expect(trafficCost(SONNET_BASE, SONNET_TIERS, traffic).monthlyCost!.toString()).toBe('6600');
    // 700,000 requests × $0.012 = $8,400 on top of 1B tokens × $1.
    expect(trafficCost(base('1', '1'), [c('request', '0.012')], traffic).monthlyCost!.toString()).toBe('9400');
  });
});

describe('routeCost: bad input', () => {
  it('refuses impossible workloads and ambiguous components', () => {
    expect(() => workload({ inputTokens: 10n, cachedInputTokens: 8n, cacheWriteTokens: 3n, outputTokens: 0n, requestsPerMonth: 1n })).toThrow(/cannot exceed/);
    expect(() => workload({ inputTokens: 10n, outputTokens: 0n, requestsPerMonth: 1n, hourUtc: 24 })).toThrow(/hourUtc/);
    const w = workload({ inputTokens: 10n, outputTokens: 0n, requestsPerMonth: 1n });
    expect(() => routeCost(base('1', '1'), [c('input', '2', { tierThreshold: 5n }), c('input', '3', { tierThreshold: 5n })], w)).toThrow(/ambiguous/);
    expect(() => routeCost(base('1', '1'), [c('input', '2', { windowStart: 60, windowEnd: 60 })], w)).toThrow(/window/);
  });

  it('formats token counts for conditions', () => {
    expect([tokens(200_000n), tokens(1_000_000n), tokens(131_072n), tokens(999n)]).toEqual(['200K', '1M', '131,072', '999']);
  });
});

describe('genai-prices entries as components', () => {
  const model = (prices: ModelInfo['prices']): ModelInfo => ({ id: 'test-model', match: { equals: 'test-model' }, prices });
  const day = new Date('2026-11-27T15:00:00Z');
  const convert = (prices: ModelInfo['prices'], at = day, ignore: string[] = []) => genaiPriceComponents(model(prices), at, { ignore });

  it('numbers become their exact decimal text (String(n), exponent expanded)', () => {
    expect(decimalTextOf(0.135, 'x')).toBe('0.135');
    expect(decimalTextOf(1.5e-7, 'x')).toBe('0.00000015');
    expect(decimalTextOf(2e21, 'x')).toBe('2000000000000000000000');
    expect(decimalTextOf(12, 'x')).toBe('12');
    expect(() => decimalTextOf(-1, 'x')).toThrow(/not a finite non-negative number/);
  });

  it('a binary artefact is kept as the source wrote it and listed, or rounded to 10 digits when asked', () => {
    const prices = { input_mtok: 0.1 + 0.2, output_mtok: 1 / 12 };
    const exact = convert(prices);
    expect([exact.base.input!.toString(), exact.base.output!.toString()]).toEqual(['0.30000000000000004', '0.08333333333333333']);
    expect(exact.artefacts).toEqual(['genai-prices test-model input_mtok: 0.30000000000000004', 'genai-prices test-model output_mtok: 0.08333333333333333']);
    const rounded = genaiPriceComponents(model(prices), day, { normaliseArtefacts: true });
    expect([rounded.base.input!.toString(), rounded.base.output!.toString()]).toEqual(['0.3', '0.08333333333']);
    expect(rounded.artefacts).toHaveLength(2);
    expect(convert({ input_mtok: 0.135 }).artefacts).toEqual([]);
    expect(roundSignificant('0.08333333333333334', 10)).toBe('0.08333333333');
    expect(roundSignificant('123456789012.5', 10)).toBe('123456789012.5');
    expect(significantDigits('0.0200')).toBe(1);
  });

  it('base fields, tiers, 1-hour cache writes, per-1,000-request fees, audio and reasoning', () => {
    const { base: b, components } = convert({
      input_mtok: { base: 1.25, tiers: [{ start: 200_000, price: 2.5 }] },
      output_mtok: 10,
      cache_read_mtok: 0.125,
      cache_write_mtok: 1.5625,
      cache_write_1h_mtok: 2.5,
      requests_kcount: 12,
      input_audio_mtok: 3,
      output_audio_mtok: 12,
      input_image_mtok: 1,
      output_reasoning_mtok: 3,
    });
    expect(Object.fromEntries(Object.entries(b).map(([k, v]) => [k, v?.toString() ?? null]))).toEqual({
      input: '1.25',
      output: '10',
      cachedInput: '0.125',
      cacheWrite5m: '1.5625',
    });
    expect(components.map((x) => [x.unit, x.price, x.tierThreshold, x.tierInclusive, x.tierScope])).toEqual([
      ['input', '2.5', 200_000n, false, 'whole-request'],
      ['cache_write_1h', '2.5', null, false, 'whole-request'],
      ['request', '0.012', null, false, 'whole-request'],
      ['input_audio', '3', null, false, 'whole-request'],
      ['output_audio', '12', null, false, 'whole-request'],
      ['input_image', '1', null, false, 'whole-request'],
      ['reasoning', '3', null, false, 'whole-request'],
    ]);
    expect(components.every((x) => x.windowStart === null && x.serviceTier === 'standard')).toBe(true);
  });

  it('a field it cannot express throws naming it, unless the caller ignores it', () => {
    const prices = { input_mtok: 2, output_mtok: 8, output_citation_mtok: 2, web_searches_kcount: 5 };
    expect(() => convert(prices, day, ['web_searches_kcount'])).toThrow(/field output_citation_mtok cannot be expressed/);
    try {
      convert({ input_mtok: 1, web_searches_kcount: 5 });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(GenaiPriceFieldError);
      expect((error as GenaiPriceFieldError).field).toBe('web_searches_kcount');
      expect((error as Error).message).toMatch(/web searches, a tool fee per search; list it in ignore/);
    }
    expect(convert({ input_mtok: 1, web_searches_kcount: 5 }, day, ['web_searches_kcount']).ignored).toEqual(['web_searches_kcount']);
  });

  it('dated entries: the last entry in force on the day wins', () => {
    const prices = [
      { prices: { input_mtok: 1, output_mtok: 2 } },
      { constraint: { type: 'start_date' as const, start_date: '2026-03-13' }, prices: { input_mtok: 3, output_mtok: 4 } },
    ];
    expect(convert(prices, new Date('2026-03-12T23:59:59Z')).base.input!.toString()).toBe('1');
    expect(convert(prices, new Date('2026-03-13T00:00:00Z')).base.input!.toString()).toBe('3');
    expect(genaiPriceChangeDates(model(prices))).toEqual(['2026-03-13']);
    expect(genaiTierThresholds(model({ input_mtok: { base: 1, tiers: [{ start: 128_000, price: 2 }] } }))).toEqual([128_000]);
  });

  it('a daily window: the entry in force longest is the base, the other a window (wrapping midnight)', () => {
    // DeepSeek's layout: the unconstrained entry is off-peak, the window 00:30–16:30 is the standard price.
    const prices = [
      { prices: { input_mtok: 0.135, cache_read_mtok: 0.035, output_mtok: 0.55 } },
      { constraint: { type: 'time_of_date' as const, start_time: '00:30:00Z', end_time: '16:30:00Z' }, prices: { input_mtok: 0.27, cache_read_mtok: 0.07, output_mtok: 1.1 } },
    ];
    const { base: b, components } = convert(prices);
    expect(b.input!.toString()).toBe('0.27');
    expect(components.map((x) => [x.unit, x.price, x.windowStart, x.windowEnd])).toEqual([
      ['input', '0.135', 990, 30],
      ['cached_input', '0.035', 990, 30],
      ['output', '0.55', 990, 30],
    ]);
    const result = routeCost(b, components, workload({ inputTokens: 1_000_000n, outputTokens: 0n, requestsPerMonth: 1n, hourUtc: 20 }));
    expect(result.lines.map((l) => l.condition)).toEqual(['off-peak 16:30–00:30 UTC']);
  });

  it('a window lacking a cached price falls back to its own input price; lacking output, it throws', () => {
    const window = { type: 'time_of_date' as const, start_time: '08:00:00+08:00', end_time: '02:00:00Z' }; // 00:00–02:00 UTC
    const { components } = convert([{ prices: { input_mtok: 1, cache_read_mtok: 0.1, output_mtok: 2 } }, { constraint: window, prices: { input_mtok: 0.5, output_mtok: 1 } }]);
    expect(components.map((x) => [x.unit, x.price, x.windowStart, x.windowEnd])).toEqual([
      ['input', '0.5', 0, 120],
      ['output', '1', 0, 120],
      ['cached_input', '0.5', 0, 120],
    ]);
    expect(() => convert([{ prices: { input_mtok: 1, output_mtok: 2 } }, { constraint: window, prices: { input_mtok: 0.5 } }])).toThrow(
      /has no output_mtok while the all-day price has one/,
    );
  });

  it('windows between whole minutes and unknown constraints throw naming the field', () => {
    const off = (start_time: string) => [{ prices: { input_mtok: 1 } }, { constraint: { type: 'time_of_date' as const, start_time, end_time: '02:00:00Z' }, prices: { input_mtok: 2 } }];
    expect(() => convert(off('00:00:30Z'))).toThrow(/not on a whole minute/);
    const odd = [{ prices: { input_mtok: 1 } }, { constraint: { type: 'weekday', day: 'saturday' } as never, prices: { input_mtok: 2 } }];
    expect(() => convert(odd)).toThrow(GenaiPriceFieldError);
  });
});
