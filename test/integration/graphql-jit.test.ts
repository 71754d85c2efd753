import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, createApp } from '../../src/app.js';
import { applyDataset } from '../../src/catalog/apply.js';
import { Q1_QUERY, Q2_QUERY } from '../../bench/queries.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { syntheticDataset } from '../support/synthetic.js';

/**
 * GRAPHQL_JIT=on changes how an operation is executed, never what the client
 * gets: the same operations sent to an app with graphql-jit and to one
 * without, on one database, answer the same bytes with the same status,
 * errors included.
 */
let plain: TestApp;
let jit: App;
let jitErrors: unknown[];
let pageQuery: string;

beforeAll(async () => {
  plain = await createTestApp({ app: { graphqlJit: false } });
  await applyDataset(plain.db, syntheticDataset(12), { importer: 'test', now: new Date() });
  jitErrors = [];
  const ignore = () => {};
  jit = createApp({ db: plain.db, graphqlJit: true, logger: { debug: ignore, info: ignore, warn: ignore, error: (...args: unknown[]) => jitErrors.push(...args) } });
  pageQuery = await readFile(new URL('../../examples/comparison-page.graphql', import.meta.url), 'utf8');
});
afterAll(() => plain.destroy());

async function send(app: App, query: string, variables?: Record<string, unknown>) {
  const response = await app.fetch('http://modelgraph.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, text: await response.text() };
}

/** The answer of both apps: the same status and bytes; returned parsed for the case's own checks. */
async function sameAnswer(query: string, variables?: Record<string, unknown>) {
  const [without, withJit] = [await send(plain.app, query, variables), await send(jit, query, variables)];
  expect(withJit.status).toBe(without.status);
  expect(withJit.text).toBe(without.text);
  return JSON.parse(withJit.text) as { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

const TRAFFIC = { inputTokensPerMonth: '848000000', outputTokensPerMonth: '230800000' };
// A fixed asOf: the page otherwise states the moment it was computed at.
const AS_OF = '2026-06-01T00:00:00Z';

describe('answers', () => {
  it('the seed comparison page', async () => {
    const { data, errors } = await sameAnswer(pageQuery, { models: ['llama-3.2-1b-instruct', 'llama-3.1-8b-instruct'], traffic: TRAFFIC, asOf: AS_OF });
    expect(errors).toBeUndefined();
    expect(data.comparison.costs.map((c: any) => c.monthlyCost)).toEqual(['71.6', '28.5']);
  });

  it('a comparison of five models, with a workload', async () => {
    const workload = { requestsPerMonth: '100000', inputTokens: '4000', cachedInputTokens: '3000', outputTokens: '500', hourUtc: 14 };
    const models = ['synthetic-001', 'synthetic-003', 'synthetic-005', 'synthetic-007', 'synthetic-009'];
    const { data, errors } = await sameAnswer(pageQuery, { models, workload, asOf: AS_OF });
    expect(errors).toBeUndefined();
    expect(data.comparison.models).toHaveLength(5);
  });

  it('the benchmark queries Q1 and Q2', async () => {
    const q1 = await sameAnswer(Q1_QUERY, { slug: 'llama-3.1-8b-instruct' });
    expect(q1.data.model.offerings.length).toBeGreaterThan(1);
    const q2 = await sameAnswer(Q2_QUERY);
    expect(q2.data.models.edges).toHaveLength(14);
  });

  it('a null model and an alias', async () => {
    expect((await sameAnswer(Q1_QUERY, { slug: 'no-such-model' })).data).toEqual({ model: null });
    expect((await sameAnswer(`{ model(slug: "alpha/synthetic-004") { slug aliases } }`)).data.model.slug).toBe('synthetic-004');
  });
});

describe('errors: the same message and code', () => {
  it.each([
    ['an argument a rule refuses', `{ models(first: 0) { edges { cursor } } }`, undefined, 'BAD_USER_INPUT'],
    ['an unknown model, found by the resolver', `{ comparison(models: ["llama-3.2-1b-instruct", "gpt-99"]) { summary } }`, undefined, 'BAD_USER_INPUT'],
    ['a malformed Decimal variable', `query ($max: Decimal) { models(filter: { maxInputPerMTok: $max }) { edges { cursor } } }`, { max: '1e-3; drop' }, 'BAD_USER_INPUT'],
    ['a missing required variable', `query ($slug: String!) { model(slug: $slug) { slug } }`, {}, 'BAD_USER_INPUT'],
    ['negative traffic', `{ costEstimate(model: "llama-3.1-8b-instruct", traffic: { inputTokensPerMonth: -5, outputTokensPerMonth: 1 }) { cheapest { monthlyCost } } }`, undefined, 'BAD_USER_INPUT'],
    ['a field that does not exist', `{ model(slug: "x") { nope } }`, undefined, 'GRAPHQL_VALIDATION_FAILED'],
  ])('%s', async (_name, query, variables, code) => {
    const { errors } = await sameAnswer(query, variables);
    expect(errors).toHaveLength(1);
    expect(errors![0]!.extensions!.code).toBe(code);
  });

  it('an unexpected error is masked the same way, and logged in full', async () => {
    const broken = await createTestApp({ app: { graphqlJit: false } });
    const ignore = () => {};
    const logged: unknown[] = [];
    const brokenJit = createApp({ db: broken.db, graphqlJit: true, logger: { debug: ignore, info: ignore, warn: ignore, error: (...args: unknown[]) => logged.push(...args) } });
    await broken.db.schema.dropTable('scores').execute();
    const query = '{ model(slug: "llama-3.1-8b-instruct") { name scores { value } } }';
    const [without, withJit] = [await send(broken.app, query), await send(brokenJit, query)];
    await broken.destroy();
    expect(withJit).toEqual(without);
    const body = JSON.parse(withJit.text);
    expect(body.data).toEqual({ model: null });
    expect(body.errors[0].message).toBe('Unexpected error.');
    expect(body.errors[0].extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(withJit.text).not.toMatch(/does not exist|relation|stack/);
    expect(logged.map(String).join('\n')).toMatch(/relation "scores" does not exist/);
  });
});
