import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyDataset } from '../../src/catalog/apply.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { syntheticDataset } from '../support/synthetic.js';

let t: TestApp;
let pageQuery: string;
beforeAll(async () => {
  t = await createTestApp();
  await applyDataset(t.db, syntheticDataset(12), { importer: 'test', now: new Date() });
  pageQuery = await readFile(new URL('../../examples/comparison-page.graphql', import.meta.url), 'utf8');
});
afterAll(() => t.destroy());

const synthetic = (n: number) => Array.from({ length: n }, (_, i) => `synthetic-${String(i).padStart(3, '0')}`);

describe('2 to 10 models, a bounded number of statements', () => {
  it.each([3, 5, 10])('compares %i models with everything selected in at most 8 SQL statements', async (n) => {
    t.resetStatements();
    const { data, errors } = await t.graphql(pageQuery, { models: synthetic(n) });
    expect(errors).toBeUndefined();
    const c = data!.comparison;
    expect(c.models).toHaveLength(n);
    expect(c.costs).toHaveLength(n);
    expect(c.switches).toHaveLength(n * (n - 1));
    expect(c.benchmarks.map((b: any) => b.benchmark.slug).sort()).toEqual(['bench-a', 'bench-b']);
    expect(c.related.length).toBeGreaterThan(0);
    expect(c.verdict.recommended).not.toBeNull();
    expect(t.statements.length).toBeLessThanOrEqual(8);
  });

  it('asked again, reads only the catalog version and the models named: their facts are kept per catalog version', async () => {
    const models = synthetic(4);
    const first = await t.graphql(pageQuery, { models });
    t.resetStatements();
    const again = await t.graphql(pageQuery, { models });
    expect(again.errors).toBeUndefined();
    expect(withoutAsOf(again.data)).toEqual(withoutAsOf(first.data));
    expect(t.statements).toHaveLength(2);
    expect(t.statements.some((sql) => /from "catalog_version"/.test(sql))).toBe(true);
  });

  it('prices every synthetic model on its cheapest route', async () => {
    const { data } = await t.graphql(
      `{ comparison(models: ["synthetic-002", "synthetic-005"], traffic: { inputTokensPerMonth: 1000000, outputTokensPerMonth: 1000000 }) {
          costs { monthlyCost route { provider { slug } } cheapestInput { perMTok } } lowerCost { slug } monthlyCostGap } }`,
    );
    // synthetic-i: alpha input i.0, beta input i.1, output i+1 on both: alpha wins.
    expect(data!.comparison.costs).toEqual([
      { monthlyCost: '5', route: { provider: { slug: 'alpha' } }, cheapestInput: { perMTok: '2' } },
      { monthlyCost: '11', route: { provider: { slug: 'alpha' } }, cheapestInput: { perMTok: '5' } },
    ]);
    expect(data!.comparison.lowerCost.slug).toBe('synthetic-002');
    expect(data!.comparison.monthlyCostGap).toBe('6');
  });

  it('suggests related comparisons from the catalog, never one of the compared models', async () => {
    const { data } = await t.graphql(`{ comparison(models: ["synthetic-004", "synthetic-008"]) { related { model { slug } candidate { slug } reason models } } }`);
    const related = data!.comparison.related;
    expect(related.length).toBeGreaterThan(0);
    expect(related.length).toBeLessThanOrEqual(10);
    for (const r of related) {
      expect(['synthetic-004', 'synthetic-008']).not.toContain(r.candidate.slug);
      expect(r.models).toEqual([r.model.slug, r.candidate.slug]);
    }
    const nearest004 = related.filter((r: any) => r.model.slug === 'synthetic-004').map((r: any) => r.candidate.slug);
    expect(nearest004.slice(0, 2).sort()).toEqual(['synthetic-003', 'synthetic-005']);
  });
});

describe('references and dates', () => {
  it('accepts Model node ids as well as slugs', async () => {
    const { data: ids } = await t.graphql(`{ a: model(slug: "llama-3.2-1b-instruct") { id } }`);
    const { data, errors } = await t.graphql(`query ($m: [String!]!) { comparison(models: $m) { models { slug } } }`, {
      m: [ids!.a.id, 'llama-3.1-8b-instruct'],
    });
    expect(errors).toBeUndefined();
    expect(data!.comparison.models.map((m: any) => m.slug)).toEqual(['llama-3.2-1b-instruct', 'llama-3.1-8b-instruct']);
  });

  it('prices at asOf from the history: before any price is known, costs are null', async () => {
    const { data } = await t.graphql(`{ comparison(models: ["llama-3.2-1b-instruct", "llama-3.1-8b-instruct"], asOf: "2026-01-01T00:00:00Z") {
      asOf costs { monthlyCost note } lowerCost { slug } } }`);
    expect(data!.comparison.asOf).toBe('2026-01-01T00:00:00.000Z');
    expect(data!.comparison.costs.map((c: any) => c.monthlyCost)).toEqual([null, null]);
    expect(data!.comparison.costs[0].note).toMatch(/no priced route/);
    expect(data!.comparison.lowerCost).toBeNull();
  });

  it('uses a new price from its effective date on, keeping the old one in history', async () => {
    const offering = await t.db
      .selectFrom('offerings')
      .innerJoin('models', 'models.id', 'offerings.model_id')
      .innerJoin('providers', 'providers.id', 'offerings.provider_id')
      .select('offerings.id')
      .where('models.slug', '=', 'llama-3.1-8b-instruct')
      .where('providers.slug', '=', 'openrouter')
      .executeTakeFirstOrThrow();
    await t.db.insertInto('prices').values({ offering_id: offering.id, effective_from: '2026-09-01', input_per_mtok: '0.015', output_per_mtok: '0.04' }).execute();
    const at = async (asOf: string) =>
      (await t.graphql(`{ costEstimate(model: "llama-3.1-8b-instruct", asOf: "${asOf}") { cheapest { inputPerMTok outputPerMTok } } }`)).data!.costEstimate.cheapest;
    expect(await at('2026-06-01')).toEqual({ inputPerMTok: '0.02', outputPerMTok: '0.05' });
    expect(await at('2026-10-01')).toEqual({ inputPerMTok: '0.015', outputPerMTok: '0.04' });
    const { data } = await t.graphql(`{ model(slug: "llama-3.1-8b-instruct") { offerings { provider { slug } priceHistory { inputPerMTok effectiveFrom } } } }`);
    const history = data!.model.offerings.find((o: any) => o.provider.slug === 'openrouter').priceHistory;
    expect(history.map((p: any) => p.inputPerMTok)).toEqual(['0.015', '0.02']);
  });
});

describe('costEstimate', () => {
  it('prices every route of one model, cheapest first, unpriced and deprecated last with a note', async () => {
    const { data, errors } = await t.graphql(`{ costEstimate(model: "llama-3.1-8b-instruct", traffic: { inputTokensPerMonth: "848000000", outputTokensPerMonth: "230800000" }, asOf: "2026-06-01") {
      model { slug } traffic { inputTokensPerMonth }
      routes { provider { name } monthlyCost purchasable note }
      cheapest { provider { name } monthlyCost } } }`);
    expect(errors).toBeUndefined();
    const e = data!.costEstimate;
    expect(e.cheapest).toEqual({ provider: { name: 'OpenRouter' }, monthlyCost: '28.5' });
    expect(e.routes).toHaveLength(6);
    expect(e.routes[0].provider.name).toBe('OpenRouter');
    expect(e.routes.slice(1, 5).every((r: any) => r.monthlyCost === null && r.purchasable && /not known/.test(r.note))).toBe(true);
    expect(e.routes[5]).toMatchObject({ provider: { name: 'OctoAI' }, purchasable: false, note: expect.stringMatching(/deprecated/) });
  });
});

describe('bad input', () => {
  /** `looksUp`: the error is found by looking the model up; any other is caught before the database. */
  const expectBadInput = async (query: string, argumentPath: (string | number)[], message?: RegExp, looksUp = false) => {
    t.resetStatements();
    const { data, errors } = await t.graphql(query);
    expect(data).toBeNull();
    expect(errors).toHaveLength(1);
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentPath });
    if (message) expect(errors![0]!.message).toMatch(message);
    if (!looksUp) expect(t.statements).toEqual([]);
  };
  const two = '["llama-3.2-1b-instruct", "llama-3.1-8b-instruct"]';

  it('fewer than 2 models', () => expectBadInput(`{ comparison(models: ["llama-3.2-1b-instruct"]) { summary } }`, ['models'], /at least 2/));
  it('more than 10 models', () =>
    expectBadInput(`{ comparison(models: ${JSON.stringify(synthetic(11))}) { summary } }`, ['models'], /at most 10/));
  it('duplicates', () =>
    expectBadInput(`{ comparison(models: ["llama-3.2-1b-instruct", "llama-3.2-1b-instruct"]) { summary } }`, ['models'], /distinct/));
  it('an unknown slug, named', () =>
    expectBadInput(`{ comparison(models: ["llama-3.2-1b-instruct", "gpt-99"]) { summary } }`, ['models', 1], /Unknown model "gpt-99"/, true));
  it('the same model twice, once by id', async () => {
    const { data: ids } = await t.graphql(`{ model(slug: "llama-3.2-1b-instruct") { id } }`);
    const { errors } = await t.graphql(`{ comparison(models: ["llama-3.2-1b-instruct", "${ids!.model.id}"]) { summary } }`);
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentPath: ['models', 1] });
  });
  it('negative traffic', () =>
    expectBadInput(`{ comparison(models: ${two}, traffic: { inputTokensPerMonth: -5, outputTokensPerMonth: 1 }) { summary } }`, ['traffic', 'inputTokensPerMonth'], /whole number of tokens/));
  it('non-integer traffic', () =>
    expectBadInput(`{ comparison(models: ${two}, traffic: { inputTokensPerMonth: 1, outputTokensPerMonth: 2.5 }) { summary } }`, ['traffic', 'outputTokensPerMonth']));
  it('traffic written as text that is not a number', () =>
    expectBadInput(`{ comparison(models: ${two}, traffic: { inputTokensPerMonth: "lots", outputTokensPerMonth: 1 }) { summary } }`, ['traffic', 'inputTokensPerMonth']));
  it('an input share above 1', () =>
    expectBadInput(`{ comparison(models: ${two}, blend: { inputShare: "1.5" }) { summary } }`, ['blend', 'inputShare'], /between 0 and 1/));
  it('a negative input share', () => expectBadInput(`{ comparison(models: ${two}, blend: { inputShare: -0.1 }) { summary } }`, ['blend', 'inputShare']));
  it('a negative weight', () => expectBadInput(`{ comparison(models: ${two}, weights: { cost: -1 }) { summary } }`, ['weights', 'cost']));
  it('all weights zero', () =>
    expectBadInput(`{ comparison(models: ${two}, weights: { quality: 0, cost: 0, availability: 0, context: 0 }) { summary } }`, ['weights'], /at least one weight/));
  it('an unknown model in costEstimate', () => expectBadInput(`{ costEstimate(model: "nope") { cheapest { monthlyCost } } }`, ['model'], /Unknown model "nope"/, true));

  it('accepts traffic beyond 2^31 as a number or a string', async () => {
    const { data, errors } = await t.graphql(`{ comparison(models: ${two}, traffic: { inputTokensPerMonth: 5000000000, outputTokensPerMonth: "900000000000" }) { traffic { inputTokensPerMonth outputTokensPerMonth } costs { monthlyCost } } }`);
    expect(errors).toBeUndefined();
    expect(data!.comparison.traffic).toEqual({ inputTokensPerMonth: '5000000000', outputTokensPerMonth: '900000000000' });
  });
});

function withoutAsOf(data: unknown): unknown {
  return JSON.parse(JSON.stringify(data), (key, value) => (key === 'asOf' ? undefined : value));
}
