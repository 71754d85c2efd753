import fc from 'fast-check';
import type { PriceComponent } from '../../src/domain/pricing.js';
import type { BenchmarkFact, EditionFact, ModelFacts, ProviderFact, RouteFact } from '../../src/resolvers/comparison/facts.js';
import { Decimal } from '../../src/resolvers/decimal.js';
import { purchasableAsInDatabase } from './seed-facts.js';

/** Random but well-formed comparison facts, for property tests. */

export const decimalText = fc
  .tuple(fc.integer({ min: 0, max: 5_000_000 }), fc.integer({ min: 0, max: 4 }))
  .map(([units, places]) => {
    const text = String(units).padStart(places + 1, '0');
    return places === 0 ? text : `${text.slice(0, -places)}.${text.slice(-places)}`;
  });
export const price = decimalText.map((t) => Decimal.from(t));

const PROVIDERS: ProviderFact[] = Array.from({ length: 6 }, (_, i) => ({
  id: i + 1,
  slug: `p${i + 1}`,
  name: `Provider ${String.fromCharCode(65 + i)}`,
  status: i === 5 ? 'deprecated' : 'active',
}));

export const BENCHMARKS: BenchmarkFact[] = [
  { id: 1, slug: 'b1', name: 'Bench One', higherIsBetter: true, category: 'coding' },
  { id: 2, slug: 'b2', name: 'Bench Two', higherIsBetter: true, category: null },
  { id: 3, slug: 'b3', name: 'Error Rate', higherIsBetter: false, category: 'reasoning' },
];

/** Independent and self-reported editions, dated and not, two on one day (the slug decides between them). */
export const EDITIONS: EditionFact[] = [
  { id: 1, slug: 'arena-2025-06', name: 'Arena', leaderboard: 'Arena', version: null, publishedOn: '2025-06-01', independent: true, sourceId: 3 },
  { id: 2, slug: 'arena-2025-12', name: 'Arena', leaderboard: 'Arena', version: null, publishedOn: '2025-12-11', independent: true, sourceId: 3 },
  { id: 3, slug: 'board-2025-12', name: 'Board v2', leaderboard: 'Board', version: 'v2', publishedOn: '2025-12-11', independent: true, sourceId: 4 },
  { id: 4, slug: 'card-lab', name: 'Model card: Lab', leaderboard: 'Lab', version: null, publishedOn: '2026-01-01', independent: false, sourceId: 5 },
  { id: 5, slug: 'undated', name: 'Undated board', leaderboard: 'Undated', version: null, publishedOn: null, independent: true, sourceId: 4 },
];

/** A score's provenance and run: an edition or none (then its source decides), a variant, maybe a 95% interval. */
export const scoreBody = fc
  .record({
    benchmark: fc.constantFrom(...BENCHMARKS),
    value: fc.integer({ min: 0, max: 1000 }),
    sourceId: fc.constantFrom(1, 2),
    edition: fc.option(fc.constantFrom(...EDITIONS), { nil: null, freq: 2 }),
    variant: fc.constantFrom('', '', 'high', 'low'),
    halfWidth: fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }),
    selfReported: fc.constantFrom(null, true, false),
  })
  .map(({ value, halfWidth, ...rest }) => ({
    ...rest,
    value: Decimal.from(String(value / 10)),
    sourceName: `Source ${rest.sourceId}`,
    ciLow: halfWidth === null ? null : Decimal.from(String((value - halfWidth) / 10)),
    ciHigh: halfWidth === null ? null : Decimal.from(String((value + halfWidth) / 10)),
  }));

let offeringSeq = 1;
let scoreSeq = 1;

const route: fc.Arbitrary<Omit<RouteFact, 'offeringId'>> = fc
  .record({
    provider: fc.constantFrom(...PROVIDERS),
    status: fc.constantFrom('active', 'active', 'active', 'deprecated', 'retired') as fc.Arbitrary<RouteFact['status']>,
    variants: fc.constantFrom<string[]>([], [], ['turbo'], ['free']),
    input: fc.option(price, { nil: null, freq: 4 }),
    output: fc.option(price, { nil: null, freq: 4 }),
    cachedInput: fc.option(price, { nil: null, freq: 1 }),
    cacheWrite5m: fc.constant(null),
    // Sometimes a long-context tier on input, or a fee per request: the cost model prices them, the comparison follows.
    components: fc.constantFrom<PriceComponent[]>(
      [],
      [],
      [{ unit: 'input', price: '9', tierThreshold: 200_000n, tierInclusive: false, tierScope: 'whole-request', windowStart: null, windowEnd: null, serviceTier: 'standard' }],
      [{ unit: 'request', price: '0.001', tierThreshold: null, tierInclusive: false, tierScope: 'whole-request', windowStart: null, windowEnd: null, serviceTier: 'standard' }],
    ),
    priceSourceId: fc.constant(1),
  })
  // `purchasable` as the database would decide it for these facts.
  .map((r) => ({ ...r, purchasable: purchasableAsInDatabase(r) }));

const capability = fc.constantFrom(true, false, null);

const modelBody = fc.record({
  contextWindow: fc.option(fc.constantFrom(8192, 32000, 128000, 131072, 200000), { nil: null, freq: 6 }),
  capabilities: fc.record({
    vision: capability,
    multimodal: capability,
    reasoning: capability,
    functionCalling: capability,
    toolUse: capability,
    structuredOutputs: capability,
    codeExecution: capability,
  }),
  decisionFit: fc.subarray(['rag', 'coding', 'long-context', 'classification']),
  routes: fc.array(route, { maxLength: 6 }),
  scores: fc.array(scoreBody, { maxLength: 6 }),
});

/** 2–`max` distinct models. */
export function modelsArbitrary(max = 6): fc.Arbitrary<ModelFacts[]> {
  return fc.array(modelBody, { minLength: 2, maxLength: max }).map((bodies) =>
    bodies.map((body, i) => ({
      id: i + 1,
      slug: `model-${i + 1}`,
      name: `Model ${i + 1}`,
      creatorName: 'Lab',
      releaseDate: '2025-01-01',
      license: null,
      openWeights: null,
      lastReviewed: null,
      sourceId: null,
      ...body,
      routes: body.routes.map((r) => ({ ...r, offeringId: offeringSeq++ })),
      scores: body.scores.map((s) => ({ ...s, id: scoreSeq++, setting: null })),
    })),
  );
}

export const traffic = fc.record({
  inputTokens: fc.bigInt({ min: 0n, max: 10n ** 12n }),
  outputTokens: fc.bigInt({ min: 0n, max: 10n ** 12n }),
});

export const inputShare = fc.integer({ min: 0, max: 100 }).map((p) => Decimal.from(String(p)).shiftLeft(2));
