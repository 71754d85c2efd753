import fc from 'fast-check';
import type { BenchmarkFact, ModelFacts, ProviderFact, RouteFact } from '../../src/resolvers/comparison/facts.js';
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

const BENCHMARKS: BenchmarkFact[] = [
  { id: 1, slug: 'b1', name: 'Bench One', higherIsBetter: true },
  { id: 2, slug: 'b2', name: 'Bench Two', higherIsBetter: true },
  { id: 3, slug: 'b3', name: 'Error Rate', higherIsBetter: false },
];

let offeringSeq = 1;
let scoreSeq = 1;

const route: fc.Arbitrary<Omit<RouteFact, 'offeringId'>> = fc
  .record({
    provider: fc.constantFrom(...PROVIDERS),
    status: fc.constantFrom('active', 'active', 'active', 'deprecated', 'retired') as fc.Arbitrary<RouteFact['status']>,
    variants: fc.constantFrom<string[]>([], [], ['turbo'], ['free']),
    input: fc.option(price, { nil: null, freq: 4 }),
    output: fc.option(price, { nil: null, freq: 4 }),
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
  scores: fc.array(
    fc.record({
      benchmark: fc.constantFrom(...BENCHMARKS),
      value: fc.integer({ min: 0, max: 1000 }).map((v) => Decimal.from(String(v / 10))),
      sourceId: fc.constantFrom(1, 2),
    }),
    { maxLength: 5 },
  ),
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
