import { Decimal } from '../../src/resolvers/decimal.js';
import type { ModelFacts, ProviderFact, RouteFact } from '../../src/resolvers/comparison/facts.js';

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

const bench = (id: number, name: string) => ({ id, slug: name.toLowerCase().replace(/\s+/g, '-'), name, higherIsBetter: true });
export const MMLU_PRO = bench(1, 'MMLU PRO');
export const BFCL = bench(2, 'BFCL');

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
        { id: 1, benchmark: MMLU_PRO, value: Decimal.from('20.0'), setting: null, sourceId: 1 },
        { id: 3, benchmark: BFCL, value: Decimal.from('10.8'), setting: null, sourceId: 1 },
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
        { id: 2, benchmark: MMLU_PRO, value: Decimal.from('44.3'), setting: null, sourceId: 1 },
        { id: 4, benchmark: BFCL, value: Decimal.from('25.8'), setting: null, sourceId: 1 },
      ],
    },
  ];
}
