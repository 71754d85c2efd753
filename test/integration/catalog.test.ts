import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.destroy());

describe('model(slug)', () => {
  it('serves the seed page facts of Llama 3.1 8B Instruct', async () => {
    const { data, errors } = await t.graphql(`{
      model(slug: "llama-3.1-8b-instruct") {
        slug name family releaseDate contextWindow totalParameters architecture license openWeights
        knowledgeCutoff status lastReviewed decisionFit
        creator { slug name }
        capabilities { vision multimodal reasoning functionCalling toolUse structuredOutputs codeExecution }
        offerings { providerModelId status variants provider { name status } price { inputPerMTok outputPerMTok cacheReadPerMTok currency } }
        source { name retrievedAt }
      }
    }`);
    expect(errors).toBeUndefined();
    const model = data!.model;
    expect(model).toMatchObject({
      slug: 'llama-3.1-8b-instruct',
      name: 'Llama 3.1 8B Instruct',
      releaseDate: '2024-07-23',
      contextWindow: 128000,
      totalParameters: 8e9,
      architecture: 'decoder only',
      license: 'Open Source',
      knowledgeCutoff: null,
      status: 'ACTIVE',
      lastReviewed: '2026-05-16',
      decisionFit: ['rag', 'long-context', 'classification'],
      creator: { slug: 'meta', name: 'Meta' },
      capabilities: {
        vision: false,
        multimodal: false,
        reasoning: false,
        functionCalling: false,
        toolUse: false,
        structuredOutputs: true,
        codeExecution: false,
      },
      source: { retrievedAt: '2026-05-16' },
    });
    expect(model.offerings.map((o: any) => o.provider.name)).toEqual([
      'OctoAI',
      'Together AI',
      'Fireworks AI',
      'NVIDIA NIM',
      'GroqCloud',
      'OpenRouter',
    ]);
    expect(model.offerings[0].provider.status).toBe('DEPRECATED');
    const priced = model.offerings.filter((o: any) => o.price !== null);
    expect(priced).toEqual([
      {
        providerModelId: null,
        status: 'ACTIVE',
        variants: [],
        provider: { name: 'OpenRouter', status: 'ACTIVE' },
        price: { inputPerMTok: '0.02', outputPerMTok: '0.05', cacheReadPerMTok: null, currency: 'USD' },
      },
    ]);
  });

  it('keeps the knowledge cutoff at the precision the page gives', async () => {
    const { data } = await t.graphql(`{ model(slug: "llama-3.2-1b-instruct") { knowledgeCutoff totalParameters } }`);
    expect(data!.model).toEqual({ knowledgeCutoff: '2023-12', totalParameters: 1.23e9 });
  });

  it('answers null for an unknown slug', async () => {
    const { data, errors } = await t.graphql(`{ model(slug: "no-such-model") { name } }`);
    expect(errors).toBeUndefined();
    expect(data!.model).toBeNull();
  });
});

describe('models connection', () => {
  const names = async (args: string) => {
    const { data, errors } = await t.graphql(`{ models${args} { totalCount edges { cursor node { slug } } pageInfo { hasNextPage endCursor } } }`);
    expect(errors).toBeUndefined();
    return data!.models;
  };

  it('lists models in name order by default, with a total', async () => {
    const page = await names('');
    expect(page.totalCount).toBe(2);
    expect(page.edges.map((e: any) => e.node.slug)).toEqual(['llama-3.1-8b-instruct', 'llama-3.2-1b-instruct']);
    expect(page.pageInfo.hasNextPage).toBe(false);
  });

  it('pages with first/after', async () => {
    const first = await names('(first: 1)');
    expect(first.edges).toHaveLength(1);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await names(`(first: 1, after: "${first.pageInfo.endCursor}")`);
    expect(second.edges.map((e: any) => e.node.slug)).toEqual(['llama-3.2-1b-instruct']);
    expect(second.pageInfo.hasNextPage).toBe(false);
  });

  it('orders by cheapest price and release date', async () => {
    const cheapOut = await names('(orderBy: { field: CHEAPEST_OUTPUT_PRICE, direction: DESC })');
    expect(cheapOut.edges.map((e: any) => e.node.slug)).toEqual(['llama-3.2-1b-instruct', 'llama-3.1-8b-instruct']);
    const released = await names('(orderBy: { field: RELEASE_DATE })');
    expect(released.edges.map((e: any) => e.node.slug)).toEqual(['llama-3.1-8b-instruct', 'llama-3.2-1b-instruct']);
  });

  it('filters by price ceiling, provider, capability, creator and context', async () => {
    const slugs = async (filter: string) =>
      (await names(`(filter: ${filter})`)).edges.map((e: any) => e.node.slug);
    expect(await slugs('{ maxOutputPerMTok: "0.1" }')).toEqual(['llama-3.1-8b-instruct']);
    expect(await slugs('{ maxInputPerMTok: "0.03" }')).toHaveLength(2);
    expect(await slugs('{ provider: "groqcloud" }')).toEqual(['llama-3.1-8b-instruct']);
    expect(await slugs('{ provider: "bitdeer-ai" }')).toEqual(['llama-3.2-1b-instruct']);
    expect(await slugs('{ capabilities: [STRUCTURED_OUTPUTS] }')).toHaveLength(2);
    expect(await slugs('{ capabilities: [VISION] }')).toEqual([]);
    expect(await slugs('{ creator: "meta", openWeights: true }')).toHaveLength(2);
    expect(await slugs('{ minContextWindow: 200000 }')).toEqual([]);
    const filtered = await names('(filter: { maxOutputPerMTok: "0.1" })');
    expect(filtered.totalCount).toBe(1);
  });
});

describe('providers, benchmarks and nodes', () => {
  it('lists providers with their routes', async () => {
    const { data } = await t.graphql(`{ providers(first: 100) { totalCount nodes { slug name status offerings { model { slug } } } } }`);
    expect(data!.providers.totalCount).toBe(8);
    const fireworks = data!.providers.nodes.find((p: any) => p.slug === 'fireworks-ai');
    expect(fireworks.offerings.map((o: any) => o.model.slug).sort()).toEqual([
      'llama-3.1-8b-instruct',
      'llama-3.2-1b-instruct',
    ]);
  });

  it('orders a benchmark’s scores best first, each with its source', async () => {
    const { data } = await t.graphql(`{ benchmark(slug: "mmlu-pro") { name scaleMax higherIsBetter scores { value setting model { slug } source { name } } } }`);
    expect(data!.benchmark.name).toBe('MMLU PRO');
    expect(data!.benchmark.scores.map((s: any) => [s.model.slug, s.value])).toEqual([
      ['llama-3.1-8b-instruct', 44.3],
      ['llama-3.2-1b-instruct', 20],
    ]);
    expect(data!.benchmark.scores[0].source.name).toMatch(/comparison page/);
    expect(data!.benchmark.scores[0].setting).toBeNull();
  });

  it('resolves node(id) for every node type it hands out', async () => {
    const { data } = await t.graphql(`{
      model(slug: "llama-3.2-1b-instruct") { id creator { id } offerings { id provider { id } } scores { benchmark { id } } }
    }`);
    const m = data!.model;
    const ids = [m.id, m.creator.id, m.offerings[0].id, m.offerings[0].provider.id, m.scores[0].benchmark.id];
    const { data: nodes, errors } = await t.graphql(`query ($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`, { ids });
    expect(errors).toBeUndefined();
    expect(nodes!.nodes.map((n: any) => n.__typename)).toEqual(['Model', 'Creator', 'Offering', 'Provider', 'Benchmark']);
    expect(nodes!.nodes.map((n: any) => n.id)).toEqual(ids);
  });

  it('resolves federation entity references by slug', async () => {
    const { data, errors } = await t.graphql(`query ($r: [_Any!]!) { _entities(representations: $r) { ... on Model { name } ... on Provider { name } } }`, {
      r: [{ __typename: 'Model', slug: 'llama-3.1-8b-instruct' }, { __typename: 'Provider', slug: 'groqcloud' }],
    });
    expect(errors).toBeUndefined();
    expect(data!._entities).toEqual([{ name: 'Llama 3.1 8B Instruct' }, { name: 'GroqCloud' }]);
  });
});
