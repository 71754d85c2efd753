import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, createApp } from '../../src/app.js';
import { createLog } from '../../src/observability/logger.js';
import { createTestApp, type TestApp } from '../support/app.js';

/**
 * What an operator sees of each request: its id (honoured or generated, and
 * returned), one JSON log line with the operation, duration, SQL statement
 * count and error codes (never the token or the variables), and /metrics.
 */

interface LogLine {
  level: number;
  msg: string;
  requestId: string;
  method: string;
  path: string;
  status: number;
  operation: string | null;
  durationMs: number;
  sqlStatements: number | null;
  errorCodes: string[];
}

const MODEL = 'query ModelName($slug: String!) { model(slug: $slug) { name offerings { provider { name } } } }';
const SECRET_TOKEN = 'sk-live-3f9a1c7e-do-not-log';
const SECRET_SLUG = 'llama-3.1-8b-instruct';

let t: TestApp;
/** Every line the app logged, raw and parsed. */
const raw: string[] = [];
const lines = () => raw.map((line) => JSON.parse(line) as LogLine);

beforeAll(async () => {
  t = await createTestApp({ app: { log: createLog('debug', { write: (line: string) => void raw.push(line) }) } });
});
afterAll(() => t.destroy());

async function post(app: App, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return app.fetch('http://modelgraph.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

/** The one log line of the request that answered with `requestId`. */
function lineOf(requestId: string): LogLine {
  const found = lines().filter((line) => line.msg === 'request' && line.requestId === requestId);
  expect(found).toHaveLength(1);
  return found[0]!;
}

describe('request id', () => {
  it('honours an incoming x-request-id and returns it', async () => {
    const response = await post(t.app, { query: '{ __typename }' }, { 'x-request-id': 'edge-7f3a:42' });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('edge-7f3a:42');
    expect(lineOf('edge-7f3a:42').status).toBe(200);
  });

  it('generates one when none is sent, and replaces one that is too long or has odd characters', async () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    const ids: string[] = [];
    const sent: Record<string, string>[] = [{}, { 'x-request-id': 'x'.repeat(129) }, { 'x-request-id': 'a"b{c}' }, { 'x-request-id': 'two words' }];
    for (const headers of sent) {
      const response = await post(t.app, { query: '{ __typename }' }, headers);
      const id = response.headers.get('x-request-id')!;
      expect(id).toMatch(uuid);
      lineOf(id);
      ids.push(id);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('comes back on every endpoint, /health and /ready included', async () => {
    for (const path of ['/health', '/ready', '/metrics', '/nowhere']) {
      const response = await t.app.fetch(`http://modelgraph.test${path}`, { headers: { 'x-request-id': `probe-${path.slice(1)}` } });
      await response.text();
      expect(response.headers.get('x-request-id')).toBe(`probe-${path.slice(1)}`);
    }
    // Probes and scrapes log at debug, requests at info.
    expect(lineOf('probe-health').level).toBe(20);
    expect(lineOf('probe-nowhere').level).toBe(30);
  });
});

describe('the log line of a request', () => {
  it('names the operation, its status, duration, SQL statements and no error', async () => {
    t.resetStatements();
    const response = await post(t.app, { query: MODEL, variables: { slug: 'llama-3.1-8b-instruct' } }, { 'x-request-id': 'line-ok' });
    expect(((await response.json()) as any).data.model.name).toBe('Llama 3.1 8B Instruct');
    const line = lineOf('line-ok');
    expect(line).toMatchObject({ level: 30, msg: 'request', method: 'POST', path: '/graphql', status: 200, operation: 'ModelName', errorCodes: [] });
    expect(line.durationMs).toBeGreaterThan(0);
    // The statements the database itself saw for this request, counted the same way.
    expect(t.statements.length).toBeGreaterThan(0);
    expect(line.sqlStatements).toBe(t.statements.length);
  });

  it('lists the error codes the client got', async () => {
    await post(t.app, { query: 'query Bad { model(slug: "") { name } nope }' }, { 'x-request-id': 'line-invalid' });
    expect(lineOf('line-invalid')).toMatchObject({ status: 200, operation: 'Bad', sqlStatements: null, errorCodes: ['GRAPHQL_VALIDATION_FAILED'] });
    await post(t.app, { query: 'query Slug { model(slug: "a\\u0000b") { name } }' }, { 'x-request-id': 'line-input' });
    expect(lineOf('line-input')).toMatchObject({ operation: 'Slug', errorCodes: ['BAD_USER_INPUT'] });
    await post(t.app, { query: '{ model(' }, { 'x-request-id': 'line-parse' });
    expect(lineOf('line-parse')).toMatchObject({ operation: null, errorCodes: ['GRAPHQL_PARSE_FAILED'] });
  });

  it('never carries the Authorization token, the variables or the query', async () => {
    await post(t.app, { query: MODEL, variables: { slug: SECRET_SLUG } }, { authorization: `Bearer ${SECRET_TOKEN}`, 'x-request-id': 'line-secret' });
    const line = lineOf('line-secret');
    expect(line.status).toBe(200);
    const text = raw.join('\n');
    expect(text).not.toContain(SECRET_TOKEN);
    expect(text).not.toContain(SECRET_SLUG);
    expect(text).not.toMatch(/authorization|variables|offerings/i);
  });
});

describe('/metrics', () => {
  /** The value of one sample in the exposition text, 0 when absent. */
  const sample = (text: string, series: string) => {
    const line = text.split('\n').find((l) => l.startsWith(`${series} `));
    return line ? Number(line.slice(series.length + 1)) : 0;
  };

  it('counts requests by operation and status, errors by code, and observes SQL statements per request', async () => {
    const app = createApp({ db: t.db, logger: { debug() {}, info() {}, warn() {}, error() {} } });
    const scrape = async () => {
      const response = await app.fetch('http://modelgraph.test/metrics');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      expect(response.headers.get('cache-control')).toBe('no-store');
      return response.text();
    };
    const before = await scrape();
    expect(sample(before, 'modelgraph_sql_statements_per_request_count')).toBe(0);
    for (const name of ['llama-3.1-8b-instruct', 'llama-3.2-1b-instruct']) await (await post(app, { query: MODEL, variables: { slug: name } })).text();
    await (await post(app, { query: 'query Bad { nope }' })).text();
    await (await post(app, { query: '{ __typename }' })).text();

    const after = await scrape();
    expect(sample(after, 'modelgraph_http_requests_total{route="/graphql",operation="ModelName",status="200"}')).toBe(2);
    expect(sample(after, 'modelgraph_http_requests_total{route="/graphql",operation="Bad",status="200"}')).toBe(1);
    expect(sample(after, 'modelgraph_http_requests_total{route="/graphql",operation="anonymous",status="200"}')).toBe(1);
    expect(sample(after, 'modelgraph_http_requests_total{route="/metrics",operation="",status="200"}')).toBe(1);
    expect(sample(after, 'modelgraph_http_request_duration_seconds_count{route="/graphql",operation="ModelName"}')).toBe(2);
    expect(sample(after, 'modelgraph_http_request_duration_seconds_sum{route="/graphql",operation="ModelName"}')).toBeGreaterThan(0);
    expect(sample(after, 'modelgraph_graphql_errors_total{code="GRAPHQL_VALIDATION_FAILED"}')).toBe(1);
    // Three operations ran (the invalid one did not); the two model pages ran statements, __typename none.
    expect(sample(after, 'modelgraph_sql_statements_per_request_count')).toBe(3);
    expect(sample(after, 'modelgraph_sql_statements_per_request_bucket{le="0"}')).toBe(1);
    expect(sample(after, 'modelgraph_sql_statements_per_request_sum')).toBeGreaterThanOrEqual(2);
    // The connections, idle now, and the place the response cache will report to.
    expect(after).toMatch(/^modelgraph_db_connections_in_use\{database="primary"\} 0$/m);
    expect(after).toMatch(/^modelgraph_db_connections_waiting\{database="primary"\} 0$/m);
    expect(after).toMatch(/^modelgraph_response_cache_lookups_total\{result="hit"\} 0$/m);
  });

  it('shows the connections in use and waiting while a transaction holds one', async () => {
    const app = createApp({ db: t.db, logger: { debug() {}, info() {}, warn() {}, error() {} } });
    const scrape = async () => (await app.fetch('http://modelgraph.test/metrics')).text();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let holding!: () => void;
    const started = new Promise<void>((resolve) => (holding = resolve));
    const transaction = t.db.transaction().execute(async (trx) => {
      await trx.selectFrom('models').select('slug').limit(1).execute();
      holding();
      await held;
    });
    await started;
    const during = await scrape();
    // A request meanwhile: PGlite has one connection, so it waits; PostgreSQL's pool lends it another.
    const request = post(app, { query: MODEL, variables: { slug: 'llama-3.1-8b-instruct' } }).then((r) => r.text());
    await new Promise((resolve) => setTimeout(resolve, 50));
    const meanwhile = await scrape();
    release();
    await transaction;
    await request;
    expect(sample(during, 'modelgraph_db_connections_in_use{database="primary"}')).toBe(1);
    expect(sample(during, 'modelgraph_db_connections_waiting{database="primary"}')).toBe(0);
    if (t.backend === 'pglite') expect(sample(meanwhile, 'modelgraph_db_connections_waiting{database="primary"}')).toBe(1);
    expect(sample(meanwhile, 'modelgraph_db_connections_in_use{database="primary"}') + sample(meanwhile, 'modelgraph_db_connections_waiting{database="primary"}')).toBeGreaterThanOrEqual(1);
    const after = await scrape();
    expect(sample(after, 'modelgraph_db_connections_in_use{database="primary"}')).toBe(0);
    expect(sample(after, 'modelgraph_db_connections_waiting{database="primary"}')).toBe(0);
  });

  it('keeps client-chosen operation names from creating series without end', async () => {
    const app = createApp({ db: t.db, logger: { debug() {}, info() {}, warn() {}, error() {} } });
    for (let i = 0; i < 105; i++) await (await post(app, { query: `query Op${i} { __typename }` })).text();
    await (await post(app, { query: `query ${'L'.repeat(65)} { __typename }` })).text();
    const text = await (await app.fetch('http://modelgraph.test/metrics')).text();
    const operations = new Set([...text.matchAll(/modelgraph_http_requests_total\{route="\/graphql",operation="([^"]*)"/g)].map((m) => m[1]));
    expect(operations.size).toBe(101);
    expect(sample(text, 'modelgraph_http_requests_total{route="/graphql",operation="other",status="200"}')).toBe(6);
  });

  it('is not served with METRICS=off', async () => {
    const app = createApp({ db: t.db, metricsEndpoint: false, logger: { debug() {}, info() {}, warn() {}, error() {} } });
    expect((await app.fetch('http://modelgraph.test/metrics')).status).toBe(404);
  });
});
