import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.destroy());

describe('bad input', () => {
  it.each([
    ['models(first: 0)', ['first']],
    ['models(first: 101)', ['first']],
    ['models(last: -1)', ['last']],
    ['providers(first: 500)', ['first']],
    ['benchmarks(first: 0)', ['first']],
  ])('%s answers BAD_USER_INPUT naming the argument', async (field, argumentPath) => {
    const { data, errors } = await t.graphql(`{ ${field} { edges { cursor } } }`);
    expect(data).toBeNull();
    expect(errors).toHaveLength(1);
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentPath });
    expect(errors![0]!.message).toContain(argumentPath.join('.'));
  });

  it('validates fields inside input objects and names their path', async () => {
    const { errors } = await t.graphql(`{ models(filter: { minContextWindow: 0 }) { edges { cursor } } }`);
    expect(errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argumentPath: ['filter', 'minContextWindow'],
    });
  });

  it('rejects a malformed Decimal with BAD_USER_INPUT', async () => {
    const { errors } = await t.graphql(`query ($max: Decimal) { models(filter: { maxInputPerMTok: $max }) { edges { cursor } } }`, {
      max: '1e-3; drop table models',
    });
    expect(errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('accepts the largest page', async () => {
    const { errors } = await t.graphql(`{ models(first: 100) { edges { cursor } } }`);
    expect(errors).toBeUndefined();
  });
});

describe('unexpected errors', () => {
  it('are masked: no stack, no database message reaches the client', async () => {
    const broken = await createTestApp();
    // Drop a table under the running app: the next query fails inside PostgreSQL.
    await broken.db.schema.dropTable('scores').execute();
    const response = await broken.app.fetch('http://modelgraph.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ model(slug: "llama-3.1-8b-instruct") { name scores { value } } }' }),
    });
    const text = await response.text();
    const body = JSON.parse(text);
    expect(body.errors[0].message).toBe('Unexpected error.');
    expect(body.errors[0].extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(text).not.toMatch(/scores" does not exist|relation|stack|at .*\.ts/);
    // The non-null list bubbles up to the nullable model, not the whole response.
    expect(body.data).toEqual({ model: null });
    // The server keeps the real error for its own log.
    expect(broken.loggedErrors.map(String).join('\n')).toMatch(/relation "scores" does not exist/);
    await broken.destroy();
  });

  it('/ready answers 503 once the database is gone, /health still 200', async () => {
    const doomed = await createTestApp({ seed: null });
    expect((await doomed.app.fetch('http://modelgraph.test/ready')).status).toBe(200);
    await doomed.destroy();
    expect((await doomed.app.fetch('http://modelgraph.test/ready')).status).toBe(503);
    expect((await doomed.app.fetch('http://modelgraph.test/health')).status).toBe(200);
  });
});

describe('query limits', () => {
  const deep = `{ models { edges { node { offerings { model { offerings { model { offerings { model { offerings { model { slug } } } } } } } } } } } }`;

  it('refuses a query nested deeper than the limit before running it', async () => {
    t.resetStatements();
    const { data, errors } = await t.graphql(deep);
    expect(data).toBeUndefined();
    expect(errors![0]!.message).toMatch(/depth limit of 10 exceeded/);
    expect(errors![0]!.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(t.statements).toEqual([]);
  });

  it('refuses too many aliases', async () => {
    const aliases = Array.from({ length: 21 }, (_, i) => `a${i}: model(slug: "x") { name }`).join(' ');
    const { errors } = await t.graphql(`{ ${aliases} }`);
    expect(errors![0]!.message).toMatch(/Aliases limit of 20 exceeded/);
  });

  it('refuses an operation of more tokens than the limit, before parsing it whole', async () => {
    const fields = Array.from({ length: 4100 }, () => '__typename').join(' ');
    const { data, errors } = await t.graphql(`{ ${fields} }`);
    expect(data).toBeUndefined();
    expect(errors![0]!.message).toMatch(/Token limit of 4000 exceeded/);
    expect(errors![0]!.extensions!.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('still answers GraphiQL’s introspection query', async () => {
    const { getIntrospectionQuery } = await import('graphql');
    const { errors, data } = await t.graphql(getIntrospectionQuery());
    expect(errors).toBeUndefined();
    expect(data!.__schema.types.length).toBeGreaterThan(50);
  });
});
