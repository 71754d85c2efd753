import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { applyDataset } from '../../src/catalog/apply.js';
import { parseDataset } from '../../src/catalog/dataset.js';
import { runImport } from '../../src/catalog/import.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

/** One row per real model on the default catalog, whatever id a source or a user uses for it. */
let t: TestDatabase;
let graphql: (query: string) => Promise<{ data?: any; errors?: any[] }>;
beforeAll(async () => {
  t = await createTestDatabase();
  await runImport(t.db, { importer: 'catalog' });
  const app = createApp({ db: t.db, logger: { debug() {}, info() {}, warn() {}, error() {} } });
  graphql = async (query) =>
    (await (await app.fetch('http://modelgraph.test/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) })).json()) as any;
}, 120_000);
afterAll(() => t.destroy());

async function slugOf(id: string): Promise<string | null> {
  const { data, errors } = await graphql(`{ model(slug: ${JSON.stringify(id)}) { slug } }`);
  expect(errors).toBeUndefined();
  return data.model?.slug ?? null;
}

describe('the models people compare are one row each', () => {
  it('finds Claude Sonnet 4 by every id it has, with its routes on one row', async () => {
    const ids = ['claude-sonnet-4', 'claude-sonnet-4-0', 'claude-4-sonnet', 'claude-sonnet-4-20250514', 'claude-4-sonnet-20250522', 'anthropic/claude-sonnet-4', 'claude-sonnet-4@20250514'];
    for (const id of ids) expect(await slugOf(id), id).toBe('claude-sonnet-4');
    const { data } = await graphql(`{
      model(slug: "claude-sonnet-4") { name creator { slug } aliases offerings { provider { slug } } }
      costEstimate(model: "claude-sonnet-4-20250514") { model { slug } }
      comparison(models: ["claude-4-sonnet", "gpt-4o"]) { costs { model { slug } providerCount routeCount } }
    }`);
    expect(data.model.name).toBe('Claude Sonnet 4');
    expect(data.model.creator.slug).toBe('anthropic');
    expect(data.model.offerings.length).toBeGreaterThanOrEqual(10);
    expect(new Set(data.model.offerings.map((o: any) => o.provider.slug)).size).toBeGreaterThanOrEqual(8);
    expect(data.model.aliases).toEqual(expect.arrayContaining(['claude-sonnet-4-20250514', 'claude-4-sonnet', 'claude-sonnet-4-0']));
    expect(data.costEstimate.model.slug).toBe('claude-sonnet-4');
    expect(data.comparison.costs[0]).toMatchObject({ model: { slug: 'claude-sonnet-4' } });
    expect(data.comparison.costs[0].providerCount).toBeGreaterThanOrEqual(8);
  });

  it.each([
    ['claude-opus-4', ['claude-opus-4-0', 'claude-4-opus', 'claude-opus-4-20250514']],
    ['claude-opus-4-1', ['claude-opus-4-1-20250805', 'claude-opus-41', 'anthropic/claude-opus-4.1']],
    ['claude-3-5-haiku', ['claude-3-5-haiku-20241022', 'claude-3-5-haiku-latest']],
    ['claude-3-7-sonnet', ['claude-3-7-sonnet-20250219', 'claude-3-7-sonnet-latest', 'anthropic/claude-3.7-sonnet']],
    ['claude-haiku-4-5', ['claude-haiku-4-5-20251001']],
    ['claude-sonnet-4-5', ['claude-sonnet-4-5-20250929']],
    ['gemini-1.5-flash', ['google/gemini-flash-1.5']],
    ['gemini-1.5-pro', ['google/gemini-pro-1.5']],
    ['gemini-2.0-flash', ['gemini-2.0-flash-001', 'google/gemini-2.0-flash-001']],
    ['grok-2', ['grok-2-1212', 'grok-2-latest']],
    ['grok-3', ['grok-3-latest', 'x-ai/grok-3-beta']],
    ['grok-4', ['grok-4-0709', 'x-ai/grok-4']],
    ['deepseek-v3-0324', ['deepseek/deepseek-chat-v3-0324', 'deepseek-ai/DeepSeek-V3-0324']],
    ['deepseek-v3.1', ['deepseek/deepseek-chat-v3.1', 'deepseek-ai/DeepSeek-V3.1']],
    ['kimi-k2', ['kimi-k2-instruct', 'kimi-k2-0711-preview', 'moonshotai/Kimi-K2-Instruct']],
    ['qwen3-235b-a22b-instruct-2507', ['qwen/qwen3-235b-a22b-2507', 'qwen/qwen3-235b-a22b-07-25', 'Qwen/Qwen3-235B-A22B-Instruct-2507']],
    ['llama-4-maverick-17b-128e-instruct', ['cerebras-llama-4-maverick-17b-128e-instruct', 'groq-llama-4-maverick-17b-128e-instruct']],
    ['mistral-medium-3', ['mistral-medium-2505']],
  ])('%s is one model under %j', async (slug, ids) => {
    for (const id of ids) expect(await slugOf(id), id).toBe(slug);
  });

  it('keeps different versions and sizes apart', async () => {
    const distinct = [
      ['claude-opus-4', 'claude-opus-4-1'],
      ['claude-3-5-sonnet-20240620', 'claude-3-5-sonnet-20241022'],
      ['gpt-4o', 'gpt-4o-mini'],
      ['gpt-4o', 'gpt-4o-2024-05-13'],
      ['gemini-1.5-flash', 'gemini-1.5-flash-8b'],
      ['deepseek-v3', 'deepseek-v3-0324'],
      ['deepseek-v3-0324', 'deepseek-v3.1'],
      ['kimi-k2', 'kimi-k2-0905'],
    ];
    for (const [a, b] of distinct) {
      const [x, y] = [await slugOf(a!), await slugOf(b!)];
      expect(x, a).not.toBeNull();
      expect(y, b).not.toBeNull();
      expect(x, `${a} vs ${b}`).not.toBe(y);
    }
  });

  it('names models as their labs do, and credits the lab, never the host', async () => {
    const names = await t.db.selectFrom('models').select(['slug', 'name']).execute();
    expect(names.filter((m) => m.name.includes('/') || m.name.startsWith('@'))).toEqual([]);
    const byId = Object.fromEntries(names.map((m) => [m.slug, m.name]));
    expect(byId).toMatchObject({ 'gpt-4o': 'GPT-4o', 'claude-sonnet-4': 'Claude Sonnet 4', 'o4-mini': 'o4-mini', 'claude-sonnet-4-5': 'Claude Sonnet 4.5' });
    const claudes = await t.db
      .selectFrom('models')
      .innerJoin('creators', 'creators.id', 'models.creator_id')
      .select(['models.slug', 'creators.slug as creator'])
      .where('models.slug', 'like', 'claude-%')
      .execute();
    expect(claudes.length).toBeGreaterThan(10);
    expect(claudes.filter((c) => c.creator !== 'anthropic')).toEqual([]);
  });

  it('refuses an id two models claim, naming both', async () => {
    const [a, b] = await t.db.selectFrom('models').select(['id', 'slug']).where('slug', 'in', ['gpt-4o', 'gpt-4o-mini']).orderBy('slug').execute();
    const provider = await t.db.selectFrom('providers').select('id').where('slug', '=', 'openrouter').executeTakeFirstOrThrow();
    const other = await t.db.selectFrom('providers').select('id').where('slug', '=', 'azure').executeTakeFirstOrThrow();
    await t.db.insertInto('offerings').values([
      { model_id: a!.id, provider_id: provider.id, provider_model_id: 'shared-test-id' },
      { model_id: b!.id, provider_id: other.id, provider_model_id: 'shared-test-id' },
    ]).execute();
    const { data, errors } = await graphql('{ model(slug: "shared-test-id") { slug } }');
    expect(data?.model ?? null).toBeNull();
    expect(errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argumentPath: ['slug'] } });
    expect(errors?.[0].message).toContain('"gpt-4o"');
    expect(errors?.[0].message).toContain('"gpt-4o-mini"');
    const compared = await graphql('{ comparison(models: ["shared-test-id", "claude-sonnet-4"]) { costs { monthlyCost } } }');
    expect(compared.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argumentPath: ['models', 0] } });
    await t.db.deleteFrom('offerings').where('provider_model_id', '=', 'shared-test-id').execute();
  });
});

describe('a database seeded before these identity rules', () => {
  it('is brought to one row per model in place, with every route, price, score and alias kept', async () => {
    const db = await createTestDatabase();
    try {
      // The split the previous version left: Claude Sonnet 4 as three models, one with a score and an alias.
      const split = parseDataset(
        {
          name: 'before',
          sources: [{ key: 's', name: 'test source' }],
          creators: [{ slug: 'anthropic', name: 'Anthropic', source: 's' }],
          models: [
            { slug: 'claude-sonnet-4', name: 'Claude Sonnet 4', creator: 'anthropic', source: 's' },
            { slug: 'claude-4-sonnet', name: 'Claude Sonnet 4', creator: 'anthropic', source: 's' },
            { slug: 'claude-sonnet-4-20250514-2', name: 'Claude Sonnet 4', creator: 'anthropic', source: 's' },
          ],
          aliases: [{ alias: 'old-sonnet-alias', model: 'claude-4-sonnet', source: 's' }],
          providers: [
            { slug: 'openrouter', name: 'OpenRouter', source: 's' },
            { slug: 'vercel', name: 'Vercel', source: 's' },
          ],
          offerings: [
            { model: 'claude-4-sonnet', provider: 'vercel', providerModelId: 'anthropic/claude-4-sonnet', source: 's', prices: [
              { effectiveFrom: '2025-06-01', inputPerMTok: '3', outputPerMTok: '15', source: 's' },
              { effectiveFrom: '2025-01-01', inputPerMTok: '4', outputPerMTok: '16', source: 's' },
            ] },
            { model: 'claude-sonnet-4-20250514-2', provider: 'openrouter', providerModelId: 'anthropic/claude-sonnet-4', source: 's', prices: [
              { effectiveFrom: '2025-06-01', inputPerMTok: '3', outputPerMTok: '15', source: 's' },
            ] },
          ],
          benchmarks: [{ slug: 'test-bench', name: 'Test bench', source: 's' }],
          scores: [{ model: 'claude-4-sonnet', benchmark: 'test-bench', value: '50', source: 's' }],
        },
        'test',
      );
      await applyDataset(db.db, split, { importer: 'catalog', now: new Date('2025-07-01') });
      const count = async () => {
        const row = await sql<{ offerings: number; prices: number; scores: number }>`
          select (select count(*) from offerings)::int as offerings, (select count(*) from prices)::int as prices,
                 (select count(*) from scores)::int as scores`.execute(db.db);
        return row.rows[0]!;
      };
      const before = await count();
      const report = await runImport(db.db, { importer: 'catalog' });
      expect(report.merges.map((m) => m.from).sort()).toEqual(['claude-4-sonnet', 'claude-sonnet-4-20250514-2']);
      const after = await count();
      // The catalog adds its own routes; none of the old ones, their prices or the score is lost.
      expect(after.scores).toBeGreaterThanOrEqual(before.scores);
      const old = await db.db
        .selectFrom('offerings')
        .innerJoin('models', 'models.id', 'offerings.model_id')
        .innerJoin('providers', 'providers.id', 'offerings.provider_id')
        .select(['models.slug', 'providers.slug as provider', (eb) => eb.selectFrom('prices').select(eb.fn.countAll<number>().as('n')).whereRef('prices.offering_id', '=', 'offerings.id').as('prices')])
        .where('offerings.provider_model_id', 'in', ['anthropic/claude-4-sonnet', 'anthropic/claude-sonnet-4'])
        .where('providers.slug', 'in', ['vercel', 'openrouter'])
        .execute();
      expect(old.map((o) => o.slug)).toEqual(['claude-sonnet-4', 'claude-sonnet-4']);
      expect(old.reduce((n, o) => n + Number(o.prices), 0)).toBeGreaterThanOrEqual(3);
      const score = await db.db.selectFrom('scores').innerJoin('models', 'models.id', 'scores.model_id').select('models.slug').executeTakeFirstOrThrow();
      expect(score.slug).toBe('claude-sonnet-4');
      const aliases = await db.db.selectFrom('model_aliases').innerJoin('models', 'models.id', 'model_aliases.model_id').select(['alias', 'models.slug']).where('alias', 'in', ['old-sonnet-alias', 'claude-4-sonnet', 'claude-sonnet-4-20250514-2']).execute();
      expect(aliases.map((a) => [a.alias, a.slug]).sort()).toEqual([
        ['claude-4-sonnet', 'claude-sonnet-4'],
        ['claude-sonnet-4-20250514-2', 'claude-sonnet-4'],
        ['old-sonnet-alias', 'claude-sonnet-4'],
      ]);
      const second = await runImport(db.db, { importer: 'catalog' });
      expect(second.merges).toEqual([]);
      expect(second.written.models.added + second.written.models.changed).toBe(0);
    } finally {
      await db.destroy();
    }
  }, 120_000);
});
