import { describe, expect, it } from 'vitest';
import { compareModels } from '../../src/resolvers/comparison/compare.js';
import { routeCaveat, routeCosts } from '../../src/resolvers/comparison/costs.js';
import { DEFAULT_WEIGHTS, type ModelFacts } from '../../src/resolvers/comparison/facts.js';
import { Decimal } from '../../src/resolvers/decimal.js';
import { BFCL, MMLU_PRO, PROVIDERS, route, score, seedPageModels } from '../support/seed-facts.js';

const options = {
  traffic: { inputTokens: 848_000_000n, outputTokens: 230_800_000n },
  inputShare: Decimal.from('0.7'),
  weights: DEFAULT_WEIGHTS,
  useCase: 'general' as const,
};

describe('unknown is not zero; deprecated is never chosen', () => {
  it('a cheaper route on a deprecated provider is shown but never the cheapest', () => {
    const [m1, m8] = seedPageModels();
    m8.routes[0] = route(PROVIDERS.octoai, '0.001', '0.001'); // OctoAI, deprecated provider
    const c = compareModels([m1, m8], options);
    const cost = c.costs[1]!;
    expect(cost.cheapestInput!.perMTok.toString()).toBe('0.02');
    expect(cost.monthlyCost!.toString()).toBe('28.5');
    expect(cost.routeCount).toBe(6);
    const listed = routeCosts(m8.routes, { traffic: options.traffic });
    expect(listed.at(-1)!.route.provider.name).toBe('OctoAI');
    expect(listed.at(-1)!.purchasable).toBe(false);
  });

  it('a deprecated route of an active provider is not the cheapest either', () => {
    const [m1, m8] = seedPageModels();
    m8.routes.push(route(PROVIDERS.groq, '0.001', '0.001', 'deprecated'));
    expect(compareModels([m1, m8], options).costs[1]!.monthlyCost!.toString()).toBe('28.5');
  });

  it('a model with no priced route has null costs, said plainly, and the verdict leaves cost out', () => {
    const [m1, m8] = seedPageModels();
    m1.routes = m1.routes.map((r) => ({ ...r, input: null, output: null }));
    const c = compareModels([m1, m8], options);
    expect(c.costs[0]).toMatchObject({ cheapestInput: null, cheapestOutput: null, blendedPerMTok: null, monthlyCost: null, routeOfferingId: null, routeCount: 5 });
    expect(c.costs[0]!.note).toBe('Llama 3.2 1B Instruct has no priced route that can be bought today, so its cost is unknown.');
    expect(c.costGap).toEqual({ lowerCostModelId: null, monthlyCostGap: null });
    expect(c.verdict.unknown).toContain('cost');
    expect(c.verdict.reasons).toContain('Cost was left out of the verdict: it is not known for every model.');
    expect(c.scorecard.find((r) => r.signal === 'Monthly cost')!.values.map((v) => v.text)).toEqual(['Unknown', '$28.50']);
  });

  it('a route with only an input price costs nothing known at traffic with output', () => {
    const [m1, m8] = seedPageModels();
    m8.routes = [route(PROVIDERS.together, '0.01', null), ...m8.routes];
    const c = compareModels([m1, m8], options);
    expect(c.costs[1]!.cheapestInput!.perMTok.toString()).toBe('0.01');
    expect(c.costs[1]!.monthlyCost!.toString()).toBe('28.5');
    expect(c.costs[1]!.blendedPerMTok!.toString()).toBe('0.022');
  });
});

describe('costs through the cost model', () => {
  it('a route whose components the cost model cannot apply has an unknown cost, with a note, and the comparison still answers', () => {
    const [m1, m8] = seedPageModels();
    const twice = { unit: 'input' as const, price: '0.001', tierThreshold: null, tierInclusive: false, tierScope: 'whole-request' as const, windowStart: null, windowEnd: null, serviceTier: 'standard' as const };
    const ambiguous = { ...route(PROVIDERS.groq, '0.001', '0.001'), components: [twice, { ...twice, price: '0.002' }] };
    m8.routes.push(ambiguous);
    const c = compareModels([m1, m8], options);
    expect(c.costs[1]!.monthlyCost!.toString()).toBe('28.5');
    const groq = routeCosts(m8.routes, { traffic: options.traffic }).find((r) => r.route.offeringId === ambiguous.offeringId)!;
    expect(groq.monthlyCost).toBeNull();
    expect(routeCaveat(groq)).toMatch(/^GroqCloud's price for this traffic is not known \(unusable price components: two input prices .*\): counted as a route, never as the cheapest\.$/);
  });
});

describe('benchmarks', () => {
  it('prefers one source that covers every model over a mix', () => {
    const [m1, m8] = seedPageModels();
    m8.scores.push(score(10, MMLU_PRO, '48.3', { setting: '5-shot CoT', sourceId: 2 }));
    const c = compareModels([m1, m8], options);
    const mmlu = c.benchmarks.find((b) => b.benchmark.id === MMLU_PRO.id)!;
    expect(mmlu.sourceId).toBe(1);
    expect(mmlu.scores.map((s) => s.value.toString())).toEqual(['20', '44.3']);
  });

  it('compares nothing across sources: with no single source covering every model, no leader and no verdict weight', () => {
    const [m1, m8] = seedPageModels();
    m8.scores = m8.scores.map((s) => ({ ...s, sourceId: 2, sourceName: 'Another page' }));
    const c = compareModels([m1, m8], options);
    expect(c.benchmarks).toEqual([]);
    expect(c.uncomparedBenchmarks.map((u) => u.benchmark.name)).toEqual(['BFCL', 'MMLU PRO']);
    expect(c.uncomparedBenchmarks[1]!.sentence).toBe(
      'MMLU PRO: not compared, since no single edition scores every model (20.0 for Llama 3.2 1B Instruct as reported by LLM Reference comparison page: Llama 3.2 1B Instruct vs Llama 3.1 8B Instruct (not independently verified); 44.3 for Llama 3.1 8B Instruct as reported by Another page (not independently verified)).',
    );
    expect(c.largestGap).toBeNull();
    expect(c.verdict.unknown).toContain('quality');
    expect(c.verdict.dominatedModelIds).toEqual([]);
  });

  it('a lower-is-better benchmark is led by the lowest score; a tie has no leader', () => {
    const [m1, m8] = seedPageModels();
    const errorRate = { id: 9, slug: 'err', name: 'Error Rate', higherIsBetter: false, category: null };
    m1.scores = [score(20, errorRate, '3.5'), score(22, BFCL, '30')];
    m8.scores = [score(21, errorRate, '7'), score(23, BFCL, '30.0')];
    const c = compareModels([m1, m8], options);
    const err = c.benchmarks.find((b) => b.benchmark.id === 9)!;
    expect(err.leaderModelId).toBe(m1.id);
    expect(err.gap.toString()).toBe('3.5');
    const bfcl = c.benchmarks.find((b) => b.benchmark.id === BFCL.id)!;
    expect(bfcl.leaderModelId).toBeNull();
    expect(bfcl.sentence).toBe(
      'BFCL: the top scores tie at 30.0, as reported by LLM Reference comparison page: Llama 3.2 1B Instruct vs Llama 3.1 8B Instruct (not independently verified).',
    );
  });
});

describe('verdict', () => {
  const withContext = (): ModelFacts[] => {
    const [m1, m8] = seedPageModels();
    m1.contextWindow = 1_000_000;
    return [m1, m8];
  };

  it('follows overridable weights, and explains the tradeoff', () => {
    const contextOnly = compareModels(withContext(), { ...options, weights: { quality: 0, cost: 0, availability: 0, context: 1 } });
    expect(contextOnly.verdict.recommendedModelId).toBe(1);
    const defaults = compareModels(withContext(), options);
    expect(defaults.verdict.recommendedModelId).toBe(2);
    expect(defaults.verdict.dominatedModelIds).toEqual([]);
    expect(defaults.verdict.headline).toBe(
      'Llama 3.1 8B Instruct is the better choice overall; choose Llama 3.2 1B Instruct when this matters most: Llama 3.2 1B Instruct has the largest context window, 1M tokens.',
    );
  });

  it('never recommends a dominated model, even when the weights only see where they tie', () => {
    const c = compareModels(seedPageModels(), { ...options, weights: { quality: 0, cost: 0, availability: 1, context: 1 } });
    expect(c.verdict.dominatedModelIds).toEqual([1]);
    expect(c.verdict.recommendedModelId).toBe(2);
  });

  it('calls a tie a tie', () => {
    const [a, b] = seedPageModels();
    const twin = { ...b, id: 3, slug: 'twin', name: 'Twin', routes: b.routes.map((r) => ({ ...r, offeringId: r.offeringId + 1000 })) };
    const c = compareModels([b, twin], options);
    expect(c.verdict.recommendedModelId).toBeNull();
    expect(c.verdict.tiedModelIds).toEqual([2, 3]);
    expect(c.verdict.headline).toMatch(/tie on these numbers/);
    void a;
  });
});

it('compares more than two models with n-way wording', () => {
  const [m1, m8] = seedPageModels();
  const m3 = { ...m8, id: 3, slug: 'third', name: 'Third', contextWindow: 128000, routes: [route(PROVIDERS.openrouter, '0.5', '1')] };
  const c = compareModels([m1, m8, m3], options);
  expect(c.switches).toHaveLength(6);
  expect(c.context.sentence).toBe('All 3 support a 128K-token context window.');
  expect(c.faq[0]!.question).toBe('Which has a larger context window, Llama 3.2 1B Instruct, Llama 3.1 8B Instruct, or Third?');
  expect(c.providerOverlap.map((p) => p.name)).toEqual(['OpenRouter']);
});

it('a free, rate-limited tier is shown but never the cheapest route', () => {
  const [m1, m8] = seedPageModels();
  m8.routes.push(route(PROVIDERS.together, '0', '0', 'active', ['free']));
  const c = compareModels([m1, m8], options);
  expect(c.costs[1]!.monthlyCost!.toString()).toBe('28.5');
  const listed = routeCosts(m8.routes, { traffic: options.traffic });
  const free = listed.find((r) => r.route.variants.includes('free'))!;
  expect(free.purchasable).toBe(false);
});

describe('availability is counted in providers', () => {
  it('providerCount counts distinct providers with a purchasable route: two active routes on one provider count once', () => {
    const [m1] = seedPageModels();
    m1.routes = [
      route(PROVIDERS.groq, '0.1', '0.2'),
      route(PROVIDERS.groq, '0.05', '0.1', 'active', ['instant']),
      route(PROVIDERS.groq, '0.01', '0.01', 'deprecated'),
      route(PROVIDERS.together, '0', '0', 'active', ['free']),
      route(PROVIDERS.octoai, '0.01', '0.01'),
    ];
    const c = compareModels([m1, seedPageModels()[1]], options);
    expect(c.costs[0]).toMatchObject({ routeCount: 5, activeRouteCount: 2, pricedRouteCount: 2, providerCount: 1 });
    expect(c.costs[0]!.cheapestOutput!.perMTok.toString()).toBe('0.1');
  });

  it('the verdict’s availability signal uses providerCount, not the number of routes', () => {
    const [m1, m8] = seedPageModels();
    // Three routes on one provider against two routes on two providers.
    m1.routes = [route(PROVIDERS.groq, '0.1', '0.2'), route(PROVIDERS.groq, '0.1', '0.2', 'active', ['instant']), route(PROVIDERS.groq, '0.1', '0.2', 'active', ['turbo'])];
    m8.routes = [route(PROVIDERS.groq, '0.1', '0.2'), route(PROVIDERS.together, '0.1', '0.2')];
    const c = compareModels([m1, m8], { ...options, weights: { quality: 0, cost: 0, availability: 1, context: 0 } });
    expect(c.costs.map((x) => [x.activeRouteCount, x.providerCount])).toEqual([[3, 1], [2, 2]]);
    expect(c.verdict.scores.map((s) => s.scores.availability)).toEqual([0.5, 1]);
    expect(c.verdict.recommendedModelId).toBe(2);
    expect(c.verdict.reasons).toContain('Llama 3.1 8B Instruct can be bought from 2 providers against 1 for Llama 3.2 1B Instruct.');
    expect(c.tradeoffs[1]!.reasons).toContain(
      'Llama 3.1 8B Instruct has broader provider coverage (2 providers to buy from today, against 1) for fallback and procurement flexibility.',
    );
    expect(c.tradeoffs[0]!.reasons.join(' ')).not.toMatch(/broader provider coverage/);
    expect(c.scorecard.find((r) => r.signal === 'Provider routes')!.values.map((v) => [v.text, v.best])).toEqual([
      ['3 tracked, 1 provider to buy from', false],
      ['2 tracked', true],
    ]);
  });

  it('the same number of providers is said as a tie, whatever the number of routes', () => {
    const [m1, m8] = seedPageModels();
    m1.routes = [route(PROVIDERS.groq, '0.1', '0.2'), route(PROVIDERS.groq, '0.1', '0.2', 'active', ['instant'])];
    m8.routes = [route(PROVIDERS.together, '0.1', '0.2')];
    const c = compareModels([m1, m8], options);
    expect(c.verdict.scores.map((s) => s.scores.availability)).toEqual([1, 1]);
    expect(c.verdict.reasons).toContain('Every compared model can be bought from 1 provider: availability does not separate them.');
  });

  it('the FAQ names each provider once, marked only when none of its routes can be bought', () => {
    const [m1, m8] = seedPageModels();
    m1.routes = [
      route(PROVIDERS.groq, '0.1', '0.2', 'deprecated'),
      route(PROVIDERS.groq, '0.1', '0.2'),
      route(PROVIDERS.together, '0', '0', 'active', ['free']),
      route(PROVIDERS.fireworks, null, null, 'deprecated'),
    ];
    const where = compareModels([m1, m8], options).faq.find((f) => f.question.startsWith('Where can I run'))!.answer;
    expect(where).toContain('Llama 3.2 1B Instruct is available on GroqCloud, Together AI (free tier only), and Fireworks AI (deprecated).');
  });

  it('a route the database marks not purchasable is never the cheapest, and its note says so when no reason is visible', () => {
    const [m1, m8] = seedPageModels();
    m8.routes.push({ ...route(PROVIDERS.together, '0.001', '0.001'), purchasable: false });
    const c = compareModels([m1, m8], options);
    expect(c.costs[1]!.cheapestInput!.perMTok.toString()).toBe('0.02');
    const listed = routeCosts(m8.routes, { traffic: options.traffic });
    expect(routeCaveat(listed.find((r) => r.route.provider.id === PROVIDERS.together.id && !r.purchasable)!)).toBe(
      "Together AI's route cannot be bought today: shown, never chosen as cheapest.",
    );
  });
});

it('never lets two different context windows read alike (128,000 vs 131,072)', () => {
  const [m1, m8] = seedPageModels();
  m8.contextWindow = 131072;
  const c = compareModels([m1, m8], options);
  expect(c.context.sentence).toBe('Llama 3.1 8B Instruct has the largest context window at 131,072 tokens, against 128,000 for Llama 3.2 1B Instruct.');
  expect(c.scorecard.find((r) => r.signal === 'Context window')!.values.map((v) => v.text)).toEqual(['128,000', '131,072']);
});

describe('a route that states no long-context price', () => {
  it('is not cheapest by omission for requests past a tier another route of the model states', () => {
    const tiered = { ...route(PROVIDERS.openrouter, '1.25', '10'), components: [
      { unit: 'input' as const, price: '2.5', tierThreshold: 200_000n, tierInclusive: false, tierScope: 'whole-request' as const, windowStart: null, windowEnd: null, serviceTier: 'standard' as const },
      { unit: 'output' as const, price: '15', tierThreshold: 200_000n, tierInclusive: false, tierScope: 'whole-request' as const, windowStart: null, windowEnd: null, serviceTier: 'standard' as const },
    ] };
    const silent = route(PROVIDERS.fireworks, '1.25', '10');
    const long = { workload: { requestsPerMonth: 1n, inputTokens: 250_000n, outputTokens: 1000n, cachedInputTokens: 0n, cacheWriteTokens: 0n, hourUtc: null, serviceTier: 'standard' as const } };
    const [first, second] = routeCosts([silent, tiered], long);
    expect(first!.route).toBe(tiered);
    expect(first!.monthlyCost!.toString()).toBe('0.64');
    expect(second!.monthlyCost).toBeNull();
    expect(routeCaveat(second!)).toMatch(/no input price for a request of 250,000 input tokens/);
    // Below the tier, both are priced as listed.
    const short = { workload: { ...long.workload, inputTokens: 100_000n } };
    expect(routeCosts([silent, tiered], short).map((c) => c.monthlyCost?.toString())).toEqual(['0.135', '0.135']);
  });
});
