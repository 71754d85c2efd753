import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken, revokeToken } from '../../src/auth/tokens.js';
import { readCatalogVersion } from '../../src/catalog/version.js';
import { createTestApp, type TestApp } from '../support/app.js';

/**
 * Curation: authenticated, validated, atomic writes (issue 13). Every
 * mutation's success, the auth matrix, bad inputs, optimistic concurrency,
 * concurrent prices, a merge that loses nothing and the audit trail, on the
 * seed page's catalog.
 */

const M1 = 'llama-3.2-1b-instruct';
const M2 = 'llama-3.1-8b-instruct';

let t: TestApp;
let writer: string;
let admin: string;
let revoked: string;
const commits: number[] = [];

beforeAll(async () => {
  t = await createTestApp({ app: { afterCatalogCommit: (version) => void commits.push(version) } });
  writer = (await createToken(t.db, 'ingest-bot', ['catalog:write'])).token;
  admin = (await createToken(t.db, 'token-admin', ['tokens:admin'])).token;
  revoked = (await createToken(t.db, 'old-bot', ['catalog:write'])).token;
  await revokeToken(t.db, 'old-bot');
});
afterAll(() => t.destroy());

const write = (query: string, variables?: Record<string, unknown>) => t.graphql(query, variables, { token: writer });
const codes = (result: { errors?: readonly { extensions?: Record<string, unknown> }[] }) => result.errors?.map((e) => e.extensions?.code);

/** What a refused write must leave alone: the catalog version, the models, the audit trail. */
async function state() {
  const count = async (table: 'models' | 'catalog_changes' | 'prices' | 'providers' | 'offerings' | 'scores') =>
    Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  return { version: await readCatalogVersion(t.db), models: await count('models'), changes: await count('catalog_changes'), prices: await count('prices') };
}

const CREATE_MODEL = /* GraphQL */ `
  mutation ($input: CreateModelInput!) { createModel(input: $input) { slug name version aliases contextWindow decisionFit capabilities { vision reasoning } creator { slug } } }`;
const UPDATE_MODEL = /* GraphQL */ `
  mutation ($input: UpdateModelInput!) { updateModel(input: $input) { slug name version contextWindow status aliases capabilities { vision reasoning } } }`;
const RECORD_PRICE = /* GraphQL */ `
  mutation ($offering: ID!, $effectiveFrom: DateTime, $input: Decimal, $output: Decimal, $components: [PriceComponentInput!], $source: SourceInput!) {
    recordPrice(offering: $offering, effectiveFrom: $effectiveFrom, inputPerMTok: $input, outputPerMTok: $output, components: $components, source: $source) {
      id price { inputPerMTok outputPerMTok effectiveFrom } priceHistory { inputPerMTok effectiveFrom }
    }
  }`;
const SOURCE = { name: 'Curator notes', url: 'https://example.com/notes' };

async function offeringId(model: string, provider: string): Promise<string> {
  const { data } = await t.graphql(`{ model(slug: "${model}") { offerings { id provider { slug } } } }`);
  return data!.model.offerings.find((o: { provider: { slug: string } }) => o.provider.slug === provider).id;
}

describe('auth', () => {
  const input = { slug: 'auth-probe', name: 'Auth Probe', creator: 'meta' };

  it('reads need no token', async () => {
    const { data, errors } = await t.graphql(`{ model(slug: "${M1}") { slug version } }`);
    expect(errors).toBeUndefined();
    expect(data!.model).toEqual({ slug: M1, version: 1 });
  });

  it.each([
    { label: 'no token', token: undefined, code: 'UNAUTHENTICATED' },
    { label: 'a revoked token', token: () => revoked, code: 'UNAUTHENTICATED' },
    { label: 'an unknown token', token: () => 'mg_not-a-token', code: 'UNAUTHENTICATED' },
    { label: 'an empty bearer', token: () => '', code: 'UNAUTHENTICATED' },
    { label: 'a token without catalog:write', token: () => admin, code: 'FORBIDDEN' },
  ])('a write with $label is refused ($code) and changes nothing', async ({ token, code }) => {
    const before = await state();
    const result = await t.graphql(CREATE_MODEL, { input }, { token: token?.() });
    expect(codes(result)).toEqual([code]);
    expect(result.data).toBeNull();
    expect(await state()).toEqual(before);
    expect(JSON.stringify(result)).not.toContain('auth-probe');
  });

  it('an anonymous invalid write says UNAUTHENTICATED, not what was invalid', async () => {
    const before = await state();
    const result = await t.graphql(CREATE_MODEL, { input: { slug: 'NOT A SLUG', name: '', creator: 'meta' } });
    expect(codes(result)).toEqual(['UNAUTHENTICATED']);
    expect(result.errors![0]!.message).not.toMatch(/slug|blank/);
    const forbidden = await t.graphql(CREATE_MODEL, { input: { slug: 'NOT A SLUG', name: '', creator: 'meta' } }, { token: admin });
    expect(codes(forbidden)).toEqual(['FORBIDDEN']);
    expect(await state()).toEqual(before);
  });

  it('the right scope writes, and the audit trail names the token', async () => {
    const result = await write(CREATE_MODEL, { input });
    expect(result.errors).toBeUndefined();
    expect(result.data!.createModel.slug).toBe('auth-probe');
    const { data } = await t.graphql(`{ changes(first: 1) { edges { node { actor action entityType } } } }`);
    expect(data!.changes.edges[0].node).toEqual({ actor: 'ingest-bot', action: 'createModel', entityType: 'model' });
  });

  it('a mutation never runs over GET', async () => {
    const url = `http://modelgraph.test/graphql?query=${encodeURIComponent('mutation { mergeModels(into: "a", from: "b") { slug } }')}`;
    const response = await t.app.fetch(url, { headers: { accept: 'application/json', authorization: `Bearer ${writer}` } });
    expect(response.status).toBe(405);
  });
});

describe('models', () => {
  it('creates a model with specs, capabilities, decision-fit tags, lifecycle and aliases', async () => {
    const before = await readCatalogVersion(t.db);
    const { data, errors } = await write(CREATE_MODEL, {
      input: {
        slug: 'zeta-1',
        name: 'Zeta 1',
        creator: 'meta',
        contextWindow: 131072,
        capabilities: { vision: true, reasoning: false },
        decisionFit: ['coding', 'rag'],
        status: 'DEPRECATED',
        deprecationDate: '2026-01-01',
        knowledgeCutoff: '2024-06',
        aliases: ['Zeta-One', 'zeta/zeta-1'],
      },
    });
    expect(errors).toBeUndefined();
    expect(data!.createModel).toEqual({
      slug: 'zeta-1',
      name: 'Zeta 1',
      version: 1,
      aliases: ['zeta-one', 'zeta/zeta-1'],
      contextWindow: 131072,
      decisionFit: ['coding', 'rag'],
      capabilities: { vision: true, reasoning: false },
      creator: { slug: 'meta' },
    });
    expect(await readCatalogVersion(t.db)).toBe(before + 1);
    expect(commits.at(-1)).toBe(before + 1);
    // An alias finds it, as any alias does.
    expect((await t.graphql(`{ model(slug: "Zeta-One") { slug knowledgeCutoff status } }`)).data!.model).toEqual({ slug: 'zeta-1', knowledgeCutoff: '2024-06', status: 'DEPRECATED' });
  });

  it('updates the fields given at the expected version, and refuses a stale version with CONFLICT', async () => {
    const { data, errors } = await write(UPDATE_MODEL, { input: { slug: 'zeta-1', expectedVersion: 1, contextWindow: 200000, capabilities: { reasoning: true }, addAliases: ['zeta-1-2026'] } });
    expect(errors).toBeUndefined();
    expect(data!.updateModel).toEqual({
      slug: 'zeta-1',
      name: 'Zeta 1',
      version: 2,
      contextWindow: 200000,
      status: 'DEPRECATED',
      aliases: ['zeta-1-2026', 'zeta-one', 'zeta/zeta-1'],
      capabilities: { vision: true, reasoning: true },
    });
    const before = await state();
    const stale = await write(UPDATE_MODEL, { input: { slug: 'zeta-1', expectedVersion: 1, name: 'Lost update' } });
    expect(codes(stale)).toEqual(['CONFLICT']);
    expect(stale.errors![0]!.message).toContain('version 2, not 1');
    expect(await state()).toEqual(before);
    expect((await t.graphql(`{ model(slug: "zeta-1") { name } }`)).data!.model.name).toBe('Zeta 1');
  });

  it('of two concurrent updates from one version, one lands and the other is refused', async () => {
    const results = await Promise.all(
      ['Zeta 1 (A)', 'Zeta 1 (B)'].map((name) => write(UPDATE_MODEL, { input: { slug: 'zeta-1', expectedVersion: 2, name } })),
    );
    expect(results.map((r) => codes(r)?.[0] ?? 'OK').sort()).toEqual(['CONFLICT', 'OK']);
    const landed = results.find((r) => !r.errors)!.data!.updateModel;
    expect(landed.version).toBe(3);
    expect((await t.graphql(`{ model(slug: "zeta-1") { name version } }`)).data!.model).toEqual({ name: landed.name, version: 3 });
  });

  it('of two concurrent creations of one slug, one lands and the other is refused with CONFLICT', async () => {
    const results = await Promise.all(['A', 'B'].map((name) => write(CREATE_MODEL, { input: { slug: 'race-probe', name, creator: 'meta' } })));
    expect(results.map((r) => codes(r)?.[0] ?? 'OK').sort()).toEqual(['CONFLICT', 'OK']);
  });

  it('refuses an alias that names another model, and a slug already taken', async () => {
    const alias = await write(UPDATE_MODEL, { input: { slug: 'zeta-1', expectedVersion: 3, addAliases: ['fine', M1] } });
    expect(codes(alias)).toEqual(['BAD_USER_INPUT']);
    expect(alias.errors![0]!.extensions!.argumentPath).toEqual(['input', 'addAliases', 1]);
    const taken = await write(CREATE_MODEL, { input: { slug: 'zeta-one', name: 'Again', creator: 'meta' } });
    expect(codes(taken)).toEqual(['CONFLICT']);
  });
});

describe('bad inputs: BAD_USER_INPUT naming the field, and nothing written', () => {
  const model = { slug: 'bad-probe', name: 'Bad Probe', creator: 'meta' };
  const cases: [string, string, Record<string, unknown>, string][] = [
    ['a slug with capitals', CREATE_MODEL, { input: { ...model, slug: 'Bad Probe' } }, 'input.slug'],
    ['a slug too long', CREATE_MODEL, { input: { ...model, slug: 'a'.repeat(201) } }, 'input.slug'],
    ['a blank name', CREATE_MODEL, { input: { ...model, name: '   ' } }, 'input.name'],
    ['a control character', CREATE_MODEL, { input: { ...model, name: 'a\u0000b' } }, 'input.name'],
    ['an unknown creator', CREATE_MODEL, { input: { ...model, creator: 'nobody' } }, 'input.creator'],
    ['a negative context window', CREATE_MODEL, { input: { ...model, contextWindow: -1 } }, 'input.contextWindow'],
    ['a fractional parameter count', CREATE_MODEL, { input: { ...model, totalParameters: 1.5 } }, 'input.totalParameters'],
    ['a year-0 date', CREATE_MODEL, { input: { ...model, releaseDate: '0000-01-01' } }, 'input.releaseDate'],
    ['a bad cutoff', CREATE_MODEL, { input: { ...model, knowledgeCutoff: '2024-13' } }, 'input.knowledgeCutoff'],
    ['a decision-fit tag that is no slug', CREATE_MODEL, { input: { ...model, decisionFit: ['Long Context'] } }, 'input.decisionFit.0'],
    ['101 aliases', CREATE_MODEL, { input: { ...model, aliases: Array.from({ length: 101 }, (_, i) => `a${i}`) } }, 'input.aliases'],
    ['an unknown successor', CREATE_MODEL, { input: { ...model, successor: 'nobody' } }, 'input.successor'],
    ['a version of 0', UPDATE_MODEL, { input: { slug: M1, expectedVersion: 0 } }, 'input.expectedVersion'],
    ['an unknown model', UPDATE_MODEL, { input: { slug: 'nobody', expectedVersion: 1 } }, 'input.slug'],
    [
      'a website that is no http URL',
      'mutation ($input: UpsertProviderInput!) { upsertProvider(input: $input) { slug } }',
      { input: { slug: 'new-host', name: 'New Host', website: 'javascript:alert(1)' } },
      'input.website',
    ],
  ];
  it.each(cases)('%s', async (_label, query, variables, field) => {
    const before = await state();
    const result = await write(query, variables);
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors![0]!.message).toContain(`"${field}"`);
    expect(await state()).toEqual(before);
  });

  it('prices: negative, not a decimal, too long, a window without its end, an offering id of another type', async () => {
    const offering = await offeringId(M1, 'openrouter');
    const price = (extra: Record<string, unknown>) => write(RECORD_PRICE, { offering, source: SOURCE, input: '0.1', ...extra });
    const before = await state();
    for (const [variables, field] of [
      [{ input: '-0.1' }, 'inputPerMTok'],
      [{ output: '1'.repeat(41) }, 'outputPerMTok'],
      [{ components: [{ unit: 'INPUT', price: '-1' }] }, 'components.0.price'],
      [{ components: [{ unit: 'INPUT', price: '1', windowStart: 60 }] }, 'components.0.windowEnd'],
      [{ components: [{ unit: 'INPUT', price: '1', windowStart: 1440, windowEnd: 10 }] }, 'components.0.windowStart'],
      [{ effectiveFrom: '1969-12-31T00:00:00Z' }, 'effectiveFrom'],
      [{ offering: Buffer.from('Model:1').toString('base64') }, 'offering'],
      [{ source: { name: '' } }, 'source.name'],
    ] as const) {
      const result = await price(variables);
      expect(codes(result), JSON.stringify(variables)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors![0]!.message, JSON.stringify(variables)).toContain(`"${field}"`);
    }
    const decimal = await price({ input: 'abc' });
    expect(codes(decimal)).toEqual(['BAD_USER_INPUT']);
    expect(await state()).toEqual(before);
  });
});

describe('providers and offerings', () => {
  const UPSERT = 'mutation ($input: UpsertProviderInput!) { upsertProvider(input: $input) { slug name website status version } }';
  const CREATE = 'mutation ($input: CreateOfferingInput!) { createOffering(input: $input) { id version status model { slug } provider { slug } providerModelId } }';
  const RETIRE = 'mutation ($offering: ID!, $v: Int!) { retireOffering(offering: $offering, expectedVersion: $v) { status version } }';

  it('creates a provider, updates it at its version, refuses an update with no version or a stale one', async () => {
    const created = await write(UPSERT, { input: { slug: 'zeta-cloud', name: 'Zeta Cloud', website: 'https://zeta.example' } });
    expect(created.data!.upsertProvider).toEqual({ slug: 'zeta-cloud', name: 'Zeta Cloud', website: 'https://zeta.example', status: 'ACTIVE', version: 1 });
    const updated = await write(UPSERT, { input: { slug: 'zeta-cloud', name: 'Zeta Cloud', status: 'DEPRECATED', expectedVersion: 1 } });
    expect(updated.data!.upsertProvider).toMatchObject({ status: 'DEPRECATED', version: 2, website: 'https://zeta.example' });
    expect(codes(await write(UPSERT, { input: { slug: 'zeta-cloud', name: 'Blind' } }))).toEqual(['CONFLICT']);
    expect(codes(await write(UPSERT, { input: { slug: 'zeta-cloud', name: 'Stale', expectedVersion: 1 } }))).toEqual(['CONFLICT']);
    expect((await t.graphql('{ provider(slug: "zeta-cloud") { name } }')).data!.provider.name).toBe('Zeta Cloud');
  });

  it('creates a route, refuses the same route twice, and retires it at its version', async () => {
    const input = { model: 'zeta-1', provider: 'zeta-cloud', providerModelId: 'zeta/zeta-1-fast', variants: ['turbo'] };
    const { data, errors } = await write(CREATE, { input });
    expect(errors).toBeUndefined();
    expect(data!.createOffering).toMatchObject({ version: 1, status: 'ACTIVE', model: { slug: 'zeta-1' }, provider: { slug: 'zeta-cloud' }, providerModelId: 'zeta/zeta-1-fast' });
    expect(codes(await write(CREATE, { input }))).toEqual(['CONFLICT']);
    const id = data!.createOffering.id;
    expect(codes(await write(RETIRE, { offering: id, v: 2 }))).toEqual(['CONFLICT']);
    expect((await write(RETIRE, { offering: id, v: 1 })).data!.retireOffering).toEqual({ status: 'RETIRED', version: 2 });
  });
});

describe('prices', () => {
  it('appends a price with its components; past prices stay; a future price takes effect at its instant', async () => {
    const offering = await offeringId(M2, 'groqcloud');
    const history = async () => (await t.graphql(`{ node(id: "${offering}") { ... on Offering { price { inputPerMTok } priceHistory { inputPerMTok outputPerMTok effectiveFrom } } } }`)).data!.node;
    const before = await history();
    const { errors } = await write(RECORD_PRICE, {
      offering,
      source: SOURCE,
      input: '0.04',
      output: '0.07',
      components: [{ unit: 'INPUT', price: '0.08', tierThreshold: '128000' }, { unit: 'OUTPUT', price: '0.035', serviceTier: 'BATCH' }],
    });
    expect(errors).toBeUndefined();
    const now = await history();
    expect(now.price.inputPerMTok).toBe('0.04');
    expect(now.priceHistory.slice(1)).toEqual(before.priceHistory);
    const components = await t.db
      .selectFrom('price_components')
      .innerJoin('prices', 'prices.id', 'price_components.price_id')
      .innerJoin('offerings', 'offerings.id', 'prices.offering_id')
      .select(['unit', 'price', 'tier_threshold', 'service_tier'])
      .where('prices.effective_from', '=', new Date(now.priceHistory[0].effectiveFrom))
      .where('offerings.provider_model_id', 'is', null)
      .orderBy('unit')
      .execute();
    expect(components).toEqual([
      { unit: 'input', price: '0.08', tier_threshold: 128000, service_tier: 'standard' },
      { unit: 'output', price: '0.035', tier_threshold: null, service_tier: 'batch' },
    ]);

    const future = new Date(Date.now() + 2_000).toISOString();
    expect((await write(RECORD_PRICE, { offering, source: SOURCE, input: '0.03', effectiveFrom: future })).errors).toBeUndefined();
    expect((await history()).price.inputPerMTok).toBe('0.04');
    expect((await history()).priceHistory[0]).toMatchObject({ inputPerMTok: '0.03', effectiveFrom: future });
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    expect((await history()).price.inputPerMTok).toBe('0.03');

    const again = await write(RECORD_PRICE, { offering, source: SOURCE, input: '9', effectiveFrom: future });
    expect(codes(again)).toEqual(['CONFLICT']);
    expect((await history()).priceHistory[0]).toMatchObject({ inputPerMTok: '0.03' });
  });

  it('two concurrent prices on one route both land, in order', async () => {
    const offering = await offeringId(M1, 'fireworks-ai');
    const count = (await t.db.selectFrom('prices').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n;
    const results = await Promise.all(['0.5', '0.6'].map((input) => write(RECORD_PRICE, { offering, source: SOURCE, input })));
    expect(results.map((r) => r.errors)).toEqual([undefined, undefined]);
    expect(Number((await t.db.selectFrom('prices').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)).toBe(Number(count) + 2);
    const history = (await t.graphql(`{ node(id: "${offering}") { ... on Offering { price { inputPerMTok } priceHistory { inputPerMTok effectiveFrom } } } }`)).data!.node;
    const [last, first] = history.priceHistory;
    expect(new Date(last.effectiveFrom).getTime()).toBeGreaterThan(new Date(first.effectiveFrom).getTime());
    expect([first.inputPerMTok, last.inputPerMTok].sort()).toEqual(['0.5', '0.6']);
    expect(history.price.inputPerMTok).toBe(last.inputPerMTok);
  });
});

describe('scores', () => {
  const RECORD = 'mutation ($input: RecordScoreInput!) { recordScore(input: $input) { value setting variant selfReported model { slug } benchmark { slug } source { name } } }';

  it('records a score with its setting, variant, source and self-reported flag', async () => {
    const input = { model: 'zeta-1', benchmark: 'mmlu-pro', value: '61.2', setting: '5-shot CoT', variant: 'high', selfReported: true, source: SOURCE };
    const { data, errors } = await write(RECORD, { input });
    expect(errors).toBeUndefined();
    expect(data!.recordScore).toEqual({ value: 61.2, setting: '5-shot CoT', variant: 'high', selfReported: true, model: { slug: 'zeta-1' }, benchmark: { slug: 'mmlu-pro' }, source: { name: 'Curator notes' } });
  });

  it('refuses a value outside the benchmark\'s scale, an unknown edition, and an interval upside down', async () => {
    const before = await state();
    const base = { model: 'zeta-1', benchmark: 'mmlu-pro', value: '50', source: SOURCE };
    for (const [input, field] of [
      [{ ...base, value: '100.1' }, 'input.value'],
      [{ ...base, value: '-1' }, 'input.value'],
      [{ ...base, edition: 'no-such-edition' }, 'input.edition'],
      [{ ...base, ciLow: '52', ciHigh: '48' }, 'input.ciHigh'],
      [{ ...base, benchmark: 'nope' }, 'input.benchmark'],
    ] as const) {
      const result = await write(RECORD, { input });
      expect(codes(result), JSON.stringify(input)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors![0]!.message).toContain(`"${field}"`);
    }
    expect(await state()).toEqual(before);
  });
});

describe('mergeModels', () => {
  const MERGE = 'mutation ($into: String!, $from: String!) { mergeModels(into: $into, from: $from) { slug version aliases offerings { id } scores { value } } }';

  it('moves aliases, routes with their price history and scores; loses nothing; the merged slug keeps resolving', async () => {
    await write(CREATE_MODEL, { input: { slug: 'zeta-1-dup', name: 'Zeta 1 dup', creator: 'meta', aliases: ['zeta-dup-alias'] } });
    await write('mutation ($input: CreateOfferingInput!) { createOffering(input: $input) { id } }', { input: { model: 'zeta-1-dup', provider: 'openrouter', providerModelId: 'zeta/dup' } });
    const dupOffering = (await t.graphql('{ model(slug: "zeta-1-dup") { offerings { id } } }')).data!.model.offerings[0].id;
    await write(RECORD_PRICE, { offering: dupOffering, source: SOURCE, input: '1.5', output: '2' });
    await write('mutation ($input: RecordScoreInput!) { recordScore(input: $input) { value } }', {
      input: { model: 'zeta-1-dup', benchmark: 'bfcl', value: '40', source: SOURCE },
    });
    const totals = async () => sql<{ offerings: number; prices: number; scores: number; aliases: number }>`
      select (select count(*)::int from offerings) as offerings, (select count(*)::int from prices) as prices,
             (select count(*)::int from scores) as scores, (select count(*)::int from model_aliases) as aliases`.execute(t.db);
    const before = (await totals()).rows[0]!;
    const into = (await t.graphql('{ model(slug: "zeta-1") { version offerings { id } scores { value } aliases } }')).data!.model;

    const { data, errors } = await write(MERGE, { into: 'zeta-1', from: 'zeta-1-dup' });
    expect(errors).toBeUndefined();
    const merged = data!.mergeModels;
    expect(merged.version).toBe(into.version + 1);
    expect(merged.offerings.map((o: { id: string }) => o.id).sort()).toEqual([...into.offerings.map((o: { id: string }) => o.id), dupOffering].sort());
    expect(merged.scores).toHaveLength(into.scores.length + 1);
    expect(merged.aliases).toEqual(expect.arrayContaining([...into.aliases, 'zeta-1-dup', 'zeta-dup-alias']));
    // Every route, price and score is still there; the merged slug became one more alias.
    expect((await totals()).rows[0]).toEqual({ ...before, aliases: before.aliases + 1 });
    expect((await t.graphql('{ model(slug: "zeta-1-dup") { slug } }')).data!.model.slug).toBe('zeta-1');
    const price = (await t.graphql(`{ node(id: "${dupOffering}") { ... on Offering { model { slug } price { inputPerMTok } } } }`)).data!.node;
    expect(price).toEqual({ model: { slug: 'zeta-1' }, price: { inputPerMTok: '1.5' } });

    expect(codes(await write(MERGE, { into: 'zeta-1', from: 'zeta-1' }))).toEqual(['BAD_USER_INPUT']);
    // The seed's two models both have a route on openrouter with no provider id: one of them would be lost.
    const unchanged = await state();
    const clash = await write(MERGE, { into: M1, from: M2 });
    expect(codes(clash)).toEqual(['CONFLICT']);
    expect(clash.errors![0]!.message).toMatch(/route on "(openrouter|fireworks-ai|nvidia-nim)"/);
    expect(await state()).toEqual(unchanged);
    expect(codes(await write(MERGE, { into: 'zeta-1', from: 'gone-model' }))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('audit trail', () => {
  const CHANGES = '($entity: ID, $first: Int, $after: String) { changes(entity: $entity, first: $first, after: $after) { totalCount edges { cursor node { at actor action entityType entityId before after } } pageInfo { hasNextPage endCursor } } }';

  it('lists every write newest first, with who, when, before and after, by entity and a page at a time', async () => {
    const zeta = (await t.graphql('{ model(slug: "zeta-1") { id } }')).data!.model.id;
    const { data } = await t.graphql(`query ${CHANGES}`, { entity: zeta, first: 3 });
    const nodes = data!.changes.edges.map((e: { node: Record<string, any> }) => e.node);
    expect(nodes.map((n: { action: string }) => n.action)).toEqual(['mergeModels', 'recordScore', 'updateModel']);
    expect(nodes.every((n: { actor: string; entityId: string }) => n.actor === 'ingest-bot' && n.entityId === zeta)).toBe(true);
    const times = nodes.map((n: { at: string }) => new Date(n.at).getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(nodes[0].before.from.row.slug).toBe('zeta-1-dup');
    expect(nodes[0].before.from.offerings).toHaveLength(1);
    expect(nodes[0].after.aliases).toContain('zeta-1-dup');

    const all = [...nodes];
    let page = data!.changes;
    while (page.pageInfo.hasNextPage) {
      page = (await t.graphql(`query ${CHANGES}`, { entity: zeta, first: 3, after: page.pageInfo.endCursor })).data!.changes;
      all.push(...page.edges.map((e: { node: unknown }) => e.node));
    }
    expect(all).toHaveLength(data!.changes.totalCount);
    expect(all.map((n) => n.action).reverse()).toEqual(['createModel', 'updateModel', 'updateModel', 'recordScore', 'mergeModels']);
    const update = all.findLast((n) => n.action === 'updateModel')!;
    expect(update.before.row.context_window).toBe(131072);
    expect(update.after.row.context_window).toBe(200000);
  });

  it('calls the after-commit hook once per committed write, with the new version, and never for a refused one', async () => {
    const count = commits.length;
    const version = await readCatalogVersion(t.db);
    await write(UPDATE_MODEL, { input: { slug: 'zeta-1', expectedVersion: 1, name: 'stale' } });
    await t.graphql(CREATE_MODEL, { input: { slug: 'hook-probe', name: 'x', creator: 'meta' } });
    expect(commits.length).toBe(count);
    await write(CREATE_MODEL, { input: { slug: 'hook-probe', name: 'Hook probe', creator: 'meta' } });
    expect(commits.slice(count)).toEqual([version + 1]);
  });

  it('refuses an entity id of a type with no changes', async () => {
    const result = await t.graphql(`query ${CHANGES}`, { entity: Buffer.from('Benchmark:1').toString('base64') });
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
  });
});
