import { Decimal } from '../../src/resolvers/decimal.js';
import type { BenchmarkFact, ModelFacts, ProviderFact, RouteFact, ScoreFact } from '../../src/resolvers/comparison/facts.js';

/** The seed page's two models as plain facts, for the pure comparison tests. */
const provider = (id: number, name: string, status: ProviderFact['status'] = 'active'): ProviderFact => ({
  id,
  slug: name.toLowerCase().replace(/\s+/g, '-'),
  name,
  status,
});

export const PROVIDERS = {
  openrouter: provider(1, 'OpenRouter'),
  fireworks: provider(2, 'Fireworks AI'),
  nvidia: provider(3, 'NVIDIA NIM'),
  bitdeer: provider(4, 'Bitdeer AI'),
  bedrock: provider(5, 'AWS Bedrock'),
  octoai: provider(6, 'OctoAI', 'deprecated'),
  together: provider(7, 'Together AI'),
  groq: provider(8, 'GroqCloud'),
};

/**
 * What the database's one rule (src/db/queries/purchasable.ts) says of a
 * hand-made route: active route, active provider, not a free tier. In the app
 * `purchasable` only ever comes from SQL;
 * test/integration/purchasable-catalog.test.ts checks this mirror against the
 * SQL on every route of the real catalog.
 */
export function purchasableAsInDatabase(route: Pick<RouteFact, 'status' | 'provider' | 'variants'>): boolean {
  return route.status === 'active' && route.provider.status === 'active' && !route.variants.includes('free');
}

let nextOffering = 1;
export function route(
  p: ProviderFact,
  input: string | null = null,
  output: string | null = null,
  status: RouteFact['status'] = 'active',
  variants: string[] = [],
): RouteFact {
  return {
    offeringId: nextOffering++,
    provider: p,
    status,
    variants,
    purchasable: purchasableAsInDatabase({ status, provider: p, variants }),
    input: input === null ? null : Decimal.from(input),
    output: output === null ? null : Decimal.from(output),
    cachedInput: null,
    cacheWrite5m: null,
    components: [],
    priceSourceId: input === null && output === null ? null : 1,
  };
}

const capabilities = {
  vision: false,
  multimodal: false,
  reasoning: false,
  functionCalling: false,
  toolUse: false,
  structuredOutputs: true,
  codeExecution: false,
};

const bench = (id: number, name: string): BenchmarkFact => ({ id, slug: name.toLowerCase().replace(/\s+/g, '-'), name, higherIsBetter: true, category: null });

export const PAGE_SOURCE = 'LLM Reference comparison page: Llama 3.2 1B Instruct vs Llama 3.1 8B Instruct';

export const MMLU_PRO = bench(1, 'MMLU PRO');
export const BFCL = bench(2, 'BFCL');

/** A score as the seed page records it (no edition, from its one source), with any field overridden. */
export function score(
  id: number,
  benchmark: BenchmarkFact,
  value: string,
  extra: Partial<Omit<ScoreFact, 'ciLow' | 'ciHigh'>> & { ciLow?: string; ciHigh?: string } = {},
): ScoreFact {
  const { ciLow, ciHigh, ...rest } = extra;
  return {
    id,
    benchmark,
    value: Decimal.from(value),
    setting: null,
    sourceId: 1,
    sourceName: rest.sourceId && rest.sourceId !== 1 ? `Source ${rest.sourceId}` : PAGE_SOURCE,
    edition: null,
    variant: '',
    ciLow: ciLow === undefined ? null : Decimal.from(ciLow),
    ciHigh: ciHigh === undefined ? null : Decimal.from(ciHigh),
    selfReported: null,
    ...rest,
  };
}

export function seedPageModels(): [ModelFacts, ModelFacts] {
  const p = PROVIDERS;
  return [
    {
      id: 1,
      slug: 'llama-3.2-1b-instruct',
      name: 'Llama 3.2 1B Instruct',
      creatorName: 'Meta',
      releaseDate: '2024-09-25',
      contextWindow: 128000,
      license: 'Open Source',
      openWeights: true,
      capabilities,
      decisionFit: ['coding', 'rag', 'long-context'],
      lastReviewed: '2026-05-16',
      sourceId: 1,
      routes: [route(p.openrouter, '0.03', '0.2'), route(p.fireworks), route(p.nvidia), route(p.bitdeer), route(p.bedrock)],
      scores: [
        score(1, MMLU_PRO, '20.0'),
        score(3, BFCL, '10.8'),
      ],
    },
    {
      id: 2,
      slug: 'llama-3.1-8b-instruct',
      name: 'Llama 3.1 8B Instruct',
      creatorName: 'Meta',
      releaseDate: '2024-07-23',
      contextWindow: 128000,
      license: 'Open Source',
      openWeights: true,
      capabilities,
      decisionFit: ['rag', 'long-context', 'classification'],
      lastReviewed: '2026-05-16',
      sourceId: 1,
      routes: [
        route(p.octoai),
        route(p.together),
        route(p.fireworks),
        route(p.nvidia),
        route(p.groq),
        route(p.openrouter, '0.02', '0.05'),
      ],
      scores: [
        score(2, MMLU_PRO, '44.3'),
        score(4, BFCL, '25.8'),
      ],
    },
  ];
}
