import { afterAll, beforeAll, expect, it } from 'vitest';
import { type App, createApp } from '../../src/app.js';
import { createLog } from '../../src/observability/logger.js';
import { DEFAULT_RATE_LIMIT, type RateLimitOptions } from '../../src/rate-limit.js';
import { createTestApp, type TestApp } from '../support/app.js';

/**
 * The rate limit through the whole app. A request's client address is what
 * node's http server passes yoga as its server context (`{ req }`); app.fetch
 * takes the same as its third argument, so these tests choose the address.
 */

const QUERY = '{ model(slug: "llama-3.1-8b-instruct") { name } }';
const quiet = { debug() {}, info() {}, warn() {}, error() {} };

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.destroy());

/** Two at once, then one a second. */
const LIMIT: RateLimitOptions = { ...DEFAULT_RATE_LIMIT, perMinute: 60, burst: 2 };

async function from(app: App, address: string, headers: Record<string, string> = {}, path = '/graphql') {
  const response = await app.fetch(
    `http://modelgraph.test${path}`,
    {
      method: path === '/graphql' ? 'POST' : 'GET',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      body: path === '/graphql' ? JSON.stringify({ query: QUERY }) : undefined,
    },
    { req: { socket: { remoteAddress: address } } },
  );
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json().catch(() => null)) as any };
}

it('answers 429 RATE_LIMITED with Retry-After past the burst, per client, and serves again after the wait', async () => {
  const app = createApp({ db: t.db, logger: quiet, rateLimit: LIMIT });
  const first = [await from(app, '203.0.113.7'), await from(app, '203.0.113.7')];
  for (const answer of first) expect(answer.body.data.model.name).toBe('Llama 3.1 8B Instruct');

  const refused = await from(app, '203.0.113.7');
  expect(refused.status).toBe(429);
  expect(refused.retryAfter).toBe('1');
  expect(refused.body).toEqual({ errors: [{ message: 'Too many requests: try again in 1 s.', extensions: { code: 'RATE_LIMITED' } }] });

  // Another client is not affected, nor are probes and scrapes.
  expect((await from(app, '198.51.100.20')).status).toBe(200);
  for (const path of ['/health', '/ready', '/metrics']) expect((await from(app, '203.0.113.7', {}, path)).status).toBe(200);

  await new Promise((resolve) => setTimeout(resolve, Number(refused.retryAfter) * 1000));
  const again = await from(app, '203.0.113.7');
  expect(again.status).toBe(200);
  expect(again.body.data.model.name).toBe('Llama 3.1 8B Instruct');
});

it('leaves loopback clients alone by default, and limits them with RATE_LIMIT_LOOPBACK=limit', async () => {
  const exempt = createApp({ db: t.db, logger: quiet, rateLimit: LIMIT });
  for (const address of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) {
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await from(exempt, address)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
  }
  const limited = createApp({ db: t.db, logger: quiet, rateLimit: { ...LIMIT, exemptLoopback: false } });
  const statuses = [];
  for (let i = 0; i < 3; i++) statuses.push((await from(limited, '127.0.0.1')).status);
  expect(statuses).toEqual([200, 200, 429]);
});

it('behind a trusted proxy, limits the client X-Forwarded-For names, not the proxy', async () => {
  const app = createApp({ db: t.db, logger: quiet, rateLimit: { ...LIMIT, trustProxy: 1 } });
  const via = (client: string) => from(app, '127.0.0.1', { 'x-forwarded-for': client });
  expect([(await via('198.51.100.1')).status, (await via('198.51.100.1')).status, (await via('198.51.100.1')).status]).toEqual([200, 200, 429]);
  expect((await via('198.51.100.2')).status).toBe(200);
});

it('by token when RATE_LIMIT_KEY=token: each token its own bucket; without one, the address', async () => {
  const app = createApp({ db: t.db, logger: quiet, rateLimit: { ...LIMIT, key: 'token' } });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const a = [await from(app, '203.0.113.50', bearer('a')), await from(app, '203.0.113.50', bearer('a')), await from(app, '203.0.113.50', bearer('a'))];
  expect(a.map((x) => x.status)).toEqual([200, 200, 429]);
  expect((await from(app, '203.0.113.50', bearer('b'))).status).toBe(200);
  // Keyed by address (the default), a fresh token per request does not get round the limit.
  const byAddress = createApp({ db: t.db, logger: quiet, rateLimit: LIMIT });
  const statuses = [];
  for (let i = 0; i < 3; i++) statuses.push((await from(byAddress, '203.0.113.60', bearer(`t${i}`))).status);
  expect(statuses).toEqual([200, 200, 429]);
});

it('is counted in /metrics and logged with its code', async () => {
  const raw: string[] = [];
  const app = createApp({ db: t.db, logger: quiet, log: createLog('info', { write: (line: string) => void raw.push(line) }), rateLimit: { ...LIMIT, burst: 1 } });
  await from(app, '203.0.113.70');
  await from(app, '203.0.113.70', { 'x-request-id': 'limited-1' });
  const metrics = await (await app.fetch('http://modelgraph.test/metrics')).text();
  expect(metrics).toMatch(/^modelgraph_graphql_errors_total\{code="RATE_LIMITED"\} 1$/m);
  expect(metrics).toMatch(/^modelgraph_http_requests_total\{route="\/graphql",operation="",status="429"\} 1$/m);
  const line = raw.map((l) => JSON.parse(l)).find((l) => l.requestId === 'limited-1');
  expect(line).toMatchObject({ status: 429, errorCodes: ['RATE_LIMITED'], sqlStatements: null, operation: null });
});

it('is off in an app given no limit', async () => {
  const app = createApp({ db: t.db, logger: quiet });
  const statuses = [];
  for (let i = 0; i < 5; i++) statuses.push((await from(app, '203.0.113.80')).status);
  expect(statuses).toEqual([200, 200, 200, 200, 200]);
});
