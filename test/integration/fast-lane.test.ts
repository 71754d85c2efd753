import { createServer, type IncomingHttpHeaders, request as httpRequest, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, createServedApp, type ServedApp } from '../../src/app.js';
import { openResponseCache, type ResponseCache } from '../../src/cache/open.js';
import { runImport } from '../../src/catalog/import.js';
import { fastLane } from '../../src/http/fast-lane.js';
import { createLog, silentLog } from '../../src/observability/logger.js';
import { createMetrics } from '../../src/observability/metrics.js';
import { loadPersistedOperations } from '../../src/persisted-operations.js';
import { maxBodyBytes } from '../../src/query-limits.js';
import { DEFAULT_RATE_LIMIT } from '../../src/rate-limit.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { sharedRedisCacheConfig, testCacheConfig } from '../support/response-cache.js';

/**
 * The fast lane (src/http/fast-lane.ts) answers response-cache hits in front
 * of the app. Over real node servers on 127.0.0.1: what it answers must be
 * what the app answers from the same store, byte for byte and header for
 * header, with the same request id, log line, metrics and rate limit; what
 * it cannot answer reaches the app unchanged.
 */

const silent = { debug() {}, info() {}, warn() {}, error() {} };
const MODEL = 'query ModelName($slug: String!) { model(slug: $slug) { name offerings { provider { name } } } }';
const SLUG = { slug: 'llama-3.1-8b-instruct' };
const MANIFEST = new URL('../../examples/typed/persisted-documents.json', import.meta.url).pathname;

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

interface Sent {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  /** Sent without Content-Length (Transfer-Encoding: chunked). */
  chunked?: boolean;
}

/** One request over a fresh connection, as a client sends it: only the headers given (and Host, Content-Length). */
function send(base: string, { method = 'POST', path = '/graphql', headers = {}, body, chunked = false }: Sent): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const lengths = body === undefined || chunked ? {} : { 'content-length': String(Buffer.byteLength(body)) };
    const request = httpRequest(`${base}${path}`, { method, headers: { ...headers, ...lengths }, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }));
    });
    request.on('error', reject);
    if (body !== undefined && chunked) {
      // Two writes: node sends them as chunks, with no length announced.
      request.write(body.slice(0, 10));
      request.end(body.slice(10));
    } else {
      request.end(body);
    }
  });
}

const json = { 'content-type': 'application/json', accept: 'application/json' };
const post = (body: unknown, headers: Record<string, string> = {}): Sent => ({ headers: { ...json, ...headers }, body: JSON.stringify(body) });
const get = (params: Record<string, string>, headers: Record<string, string> = { accept: 'application/json' }): Sent => ({
  method: 'GET',
  path: `/graphql?${new URLSearchParams(params)}`,
  headers,
});

/** The headers of an answer but those that differ on every response. */
function lasting(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const { date: _date, 'x-request-id': _id, connection: _connection, 'keep-alive': _keepAlive, ...rest } = headers;
  return rest;
}

interface Listening {
  url: string;
  close(): Promise<void>;
}

async function listen(listener: RequestListener): Promise<Listening> {
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** The value of one sample in a /metrics text, 0 when absent. */
function sample(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

let t: TestDatabase;
const caches: ResponseCache[] = [];
const servers: Listening[] = [];
beforeAll(async () => {
  t = await createTestDatabase();
  await runImport(t.db, { importer: 'seed-page' });
});
afterAll(async () => {
  for (const server of servers) await server.close();
  for (const cache of caches) await cache.close();
  await t.destroy();
});

async function openCache(config = testCacheConfig()): Promise<ResponseCache> {
  const cache = await openResponseCache(config, t.db, t.backend === 'postgres' ? process.env.DATABASE_URL : undefined);
  caches.push(cache);
  return cache;
}

/** The served app on two servers: `fast` as src/server.ts serves it (the fast lane in front), `app` the app alone. */
async function serve(served: ServedApp): Promise<{ fast: string; app: string }> {
  const fast = await listen(served.listener);
  const app = await listen(served.app);
  servers.push(fast, app);
  return { fast: fast.url, app: app.url };
}

/** Stores the answer to `sent` (the first request executes it) and returns it. */
async function warm(base: string, sent: Sent): Promise<Answer> {
  const answer = await send(base, sent);
  expect(answer.status).toBe(200);
  expect(answer.headers.etag).toBeTruthy();
  return answer;
}

describe('which requests the fast lane answers itself', () => {
  let app: App;
  let lane: string;
  /** What reached the app behind the fast lane. */
  const reached: string[] = [];
  const stores = [{ name: 'in memory', redisUrl: undefined }, ...(process.env.TEST_REDIS_URL ? [{ name: 'in Redis', redisUrl: process.env.TEST_REDIS_URL }] : [])];

  describe.each(stores)('with the store $name', ({ redisUrl }) => {
    beforeAll(async () => {
      const cache = await openCache(redisUrl ? sharedRedisCacheConfig(redisUrl) : testCacheConfig());
      ({ app } = createServedApp({ db: t.db, logger: silent, cache }));
      const counted: RequestListener = (req, res) => {
        reached.push(`${req.method} ${req.url}`);
        app(req, res);
      };
      const options = { endpoint: '/graphql', cache: cache.options, telemetry: { log: silentLog, metrics: createMetrics() }, corsOrigins: '*' as const, maxBodyBytes: maxBodyBytes() };
      const server = await listen(fastLane(counted, options));
      servers.push(server);
      lane = server.url;
    });

    it('answers stored anonymous reads, POSTed as JSON or sent by GET, with or without Origin or If-None-Match, without the app', async () => {
      reached.length = 0;
      const first = await warm(lane, post({ query: MODEL, variables: SLUG }));
      expect(reached).toHaveLength(1);
      reached.length = 0;
      const hits = [
        await send(lane, post({ query: MODEL, variables: SLUG })),
        await send(lane, post({ query: MODEL, variables: SLUG }, { origin: 'https://frontend.test' })),
        await send(lane, get({ query: MODEL, variables: JSON.stringify(SLUG) })),
        await send(lane, post({ query: MODEL, variables: SLUG }, { 'if-none-match': first.headers.etag! })),
      ];
      expect(hits.map((hit) => hit.status)).toEqual([200, 200, 200, 304]);
      for (const hit of hits.slice(0, 3)) expect(hit.body.equals(first.body)).toBe(true);
      expect(reached).toEqual([]);
    });

    it('hands the app every request it may not answer from the store', async () => {
      await warm(lane, post({ query: MODEL, variables: SLUG }));
      reached.length = 0;
      const handedOn: Sent[] = [
        post({ query: MODEL, variables: SLUG }, { authorization: 'Bearer someone' }),
        post({ query: MODEL, variables: { slug: 'llama-3.2-1b-instruct' } }),
        // A parameter the key does not cover: the app checks it.
        post({ query: MODEL, variables: SLUG, documentId: 'sha256:0' }),
        post({ query: MODEL, variables: 'not an object' }),
        { headers: json, body: '{"query": ' },
        { headers: json, body: JSON.stringify({ query: MODEL, variables: SLUG }), chunked: true },
        { headers: { 'content-type': 'application/graphql', accept: 'application/json' }, body: MODEL },
        get({ query: MODEL, variables: JSON.stringify(SLUG) }, { accept: 'text/html' }),
        get({ query: MODEL, variables: JSON.stringify(SLUG), extra: '1' }),
        { ...post({ query: MODEL, variables: SLUG }), path: '/graphql/' },
      ];
      for (const sent of handedOn) await send(lane, sent);
      expect(reached).toHaveLength(handedOn.length);
    });
  });
});

describe('the fast lane, as the server runs it', () => {
  let cache: ResponseCache;
  let urls: { fast: string; app: string };
  const raw: string[] = [];
  const lines = () => raw.map((line) => JSON.parse(line) as Record<string, unknown>);
  let metrics: () => Promise<string>;
  beforeAll(async () => {
    cache = await openCache();
    const served = createServedApp({ db: t.db, logger: silent, log: createLog('info', { write: (line: string) => void raw.push(line) }), cache });
    urls = await serve(served);
    metrics = async () => (await send(urls.app, { method: 'GET', path: '/metrics' })).body.toString();
  });

  it('answers a hit with the status, bytes and headers the app answers it with, 304 included', async () => {
    const stored = await warm(urls.fast, post({ query: MODEL, variables: SLUG }));
    const cases: Sent[] = [
      post({ query: MODEL, variables: SLUG }),
      // The same document formatted otherwise, and the variables by GET: the same key.
      post({ query: MODEL.replace(/ /g, '\n  '), variables: SLUG }),
      get({ query: MODEL, variables: JSON.stringify(SLUG) }),
      get({ query: MODEL, variables: JSON.stringify(SLUG), operationName: 'ModelName' }),
      post({ query: MODEL, variables: SLUG }, { 'if-none-match': stored.headers.etag! }),
      post({ query: MODEL, variables: SLUG }, { origin: 'https://frontend.test' }),
      post({ query: MODEL, variables: SLUG }, { origin: 'https://frontend.test', 'if-none-match': stored.headers.etag! }),
    ];
    await warm(urls.fast, get({ query: MODEL, variables: JSON.stringify(SLUG), operationName: 'ModelName' }));
    for (const sent of cases) {
      const fast = await send(urls.fast, sent);
      const app = await send(urls.app, sent);
      expect(fast.status, JSON.stringify(sent)).toBe(app.status);
      expect(fast.body.equals(app.body), JSON.stringify(sent)).toBe(true);
      expect(lasting(fast.headers), JSON.stringify(sent)).toEqual(lasting(app.headers));
    }
    const [hit, , byGet, , notModified, withOrigin] = await Promise.all(cases.map((sent) => send(urls.fast, sent)));
    expect(hit!.body.equals(stored.body)).toBe(true);
    expect(hit!.headers).toMatchObject({
      etag: stored.headers.etag,
      'cache-control': 'public, max-age=0, s-maxage=30',
      vary: 'Accept, Authorization',
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(stored.body.length),
    });
    expect(byGet!.body.equals(stored.body)).toBe(true);
    expect(notModified!.status).toBe(304);
    expect(notModified!.body.length).toBe(0);
    expect(notModified!.headers['content-type']).toBeUndefined();
    // CORS as the app adds it; a CDN keeps one copy per Origin, Accept and Authorization.
    expect(withOrigin!.headers).toMatchObject({ 'access-control-allow-origin': 'https://frontend.test', vary: 'Accept, Authorization, Origin' });
  });

  it('never answers a request with an Authorization header from the store', async () => {
    await warm(urls.fast, post({ query: MODEL, variables: SLUG }));
    t.resetStatements();
    const answer = await send(urls.fast, post({ query: MODEL, variables: SLUG }, { authorization: 'Bearer someone' }));
    expect(answer.status).toBe(200);
    expect(answer.headers.etag).toBeUndefined();
    expect(t.statements.length).toBeGreaterThan(0);
  });

  it('hands the app what it reads but cannot answer: misses run and are stored, and bad bodies get the app’s errors', async () => {
    const fresh = post({ query: '{ models(first: 1) { totalCount } }' });
    t.resetStatements();
    const miss = await send(urls.fast, fresh);
    expect(JSON.parse(miss.body.toString())).toEqual({ data: { models: { totalCount: 2 } } });
    expect(t.statements.length).toBeGreaterThan(0);
    t.resetStatements();
    expect((await send(urls.fast, fresh)).headers.etag).toBe(miss.headers.etag);
    expect(t.statements).toEqual([]);

    const refused: Sent[] = [
      { headers: json, body: '{"query": ' },
      { headers: json, body: '[{"query": "{ __typename }"}]' },
      { headers: json, body: '"a string"' },
      post({ query: MODEL, variables: 'not an object' }),
      post({ query: '{ __typename }', unknown: 1 }),
      // Past MAX_BODY_BYTES: 413, unread.
      post({ query: MODEL, variables: { slug: 'x'.repeat(maxBodyBytes()) } }),
      { headers: json, body: '' },
    ];
    for (const sent of refused) {
      const fast = await send(urls.fast, sent);
      const app = await send(urls.app, sent);
      expect(fast.status, sent.body?.slice(0, 40)).toBeGreaterThanOrEqual(400);
      expect(fast.status, sent.body?.slice(0, 40)).toBe(app.status);
      expect(fast.body.toString(), sent.body?.slice(0, 40)).toBe(app.body.toString());
    }
    expect((await send(urls.fast, refused[0]!)).body.toString()).toContain('POST body sent invalid JSON.');
    const tooLarge = await send(urls.fast, refused[5]!);
    expect(tooLarge.status).toBe(413);
    expect(JSON.parse(tooLarge.body.toString()).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('honours an x-request-id, or makes one, and returns it', async () => {
    await warm(urls.fast, post({ query: MODEL, variables: SLUG }));
    const given = await send(urls.fast, post({ query: MODEL, variables: SLUG }, { 'x-request-id': 'edge-7f3a:42' }));
    expect(given.headers['x-request-id']).toBe('edge-7f3a:42');
    const made = await send(urls.fast, post({ query: MODEL, variables: SLUG }, { 'x-request-id': 'a"b' }));
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('logs a hit as the app logs one, with its operation, and counts it in /metrics', async () => {
    await warm(urls.fast, post({ query: MODEL, variables: SLUG }));
    const before = await metrics();
    await send(urls.fast, post({ query: MODEL, variables: SLUG }, { 'x-request-id': 'hit-fast' }));
    await send(urls.app, post({ query: MODEL, variables: SLUG }, { 'x-request-id': 'hit-app' }));
    const after = await metrics();
    const lineOf = (id: string) => lines().filter((line) => line.requestId === id);
    const [fast] = lineOf('hit-fast');
    const [app] = lineOf('hit-app');
    expect(lineOf('hit-fast')).toHaveLength(1);
    for (const line of [fast, app]) {
      expect(line).toMatchObject({ level: 30, msg: 'request', method: 'POST', path: '/graphql', status: 200, operation: 'ModelName', sqlStatements: null, errorCodes: [] });
      expect(line!.durationMs).toBeGreaterThanOrEqual(0);
    }
    const grew = (series: string) => sample(after, series) - sample(before, series);
    expect(grew('modelgraph_response_cache_lookups_total{result="hit"}')).toBe(2);
    expect(grew('modelgraph_response_cache_lookups_total{result="miss"}')).toBe(0);
    expect(grew('modelgraph_http_requests_total{route="/graphql",operation="ModelName",status="200"}')).toBe(2);
    expect(grew('modelgraph_http_request_duration_seconds_count{route="/graphql",operation="ModelName"}')).toBe(2);
  });
});

describe('the fast lane and the rate limit', () => {
  it('draws from the client’s one bucket, whichever lane answers, and leaves the 429 to the app', async () => {
    const cache = await openCache();
    // Behind one trusted proxy: the client is the address X-Forwarded-For names, not this loopback.
    const rateLimit = { ...DEFAULT_RATE_LIMIT, perMinute: 1, burst: 3, trustProxy: 1 };
    const { fast } = await serve(createServedApp({ db: t.db, logger: silent, cache, rateLimit }));
    const from = (client: string) => post({ query: MODEL, variables: SLUG }, { 'x-forwarded-for': client });
    // The first executes (the app's token), the next two are hits (the fast lane's), the fourth finds none.
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push(await send(fast, from('203.0.113.7')));
    expect(statuses.map((answer) => answer.status)).toEqual([200, 200, 200, 429]);
    expect(statuses[1]!.headers.etag).toBeTruthy();
    const refused = statuses[3]!;
    expect(refused.headers['retry-after']).toBe('60');
    expect(JSON.parse(refused.body.toString())).toEqual({ errors: [{ message: 'Too many requests: try again in 60 s.', extensions: { code: 'RATE_LIMITED' } }] });
    // Another client has its own bucket; this machine's own requests are not limited.
    expect((await send(fast, from('198.51.100.20'))).status).toBe(200);
    const loopback = createServedApp({ db: t.db, logger: silent, cache, rateLimit: { ...rateLimit, trustProxy: 0 } });
    const local = (await serve(loopback)).fast;
    const own = [];
    for (let i = 0; i < 5; i++) own.push((await send(local, post({ query: MODEL, variables: SLUG }))).status);
    expect(own).toEqual([200, 200, 200, 200, 200]);
  });
});

describe('the fast lane and CORS_ORIGINS', () => {
  it('adds the CORS headers the app adds, from the same list: a listed origin’s, none for another', async () => {
    const cache = await openCache();
    const listed = 'https://app.example.com';
    const { fast, app } = await serve(createServedApp({ db: t.db, logger: silent, cache, corsOrigins: [listed, 'http://localhost:5173'] }));
    await warm(fast, post({ query: MODEL, variables: SLUG }));
    for (const origin of [listed, 'https://elsewhere.example.org']) {
      const byLane = await send(fast, post({ query: MODEL, variables: SLUG }, { origin }));
      const byApp = await send(app, post({ query: MODEL, variables: SLUG }, { origin }));
      expect(lasting(byLane.headers)).toEqual(lasting(byApp.headers));
      expect(byLane.body.equals(byApp.body)).toBe(true);
    }
    const allowed = await send(fast, post({ query: MODEL, variables: SLUG }, { origin: listed }));
    expect(allowed.headers).toMatchObject({ 'access-control-allow-origin': listed, vary: 'Accept, Authorization, Origin' });
    const other = await send(fast, post({ query: MODEL, variables: SLUG }, { origin: 'https://elsewhere.example.org' }));
    expect(Object.keys(other.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
  });
});

describe('no fast lane', () => {
  it('with PERSISTED_OPERATIONS: a listed operation sent as text is refused even when its answer is stored', async () => {
    const cache = await openCache();
    const manifest = await loadPersistedOperations(MANIFEST);
    const [id, text] = [...manifest].find(([, document]) => document.includes('query ComparisonPage('))!;
    const variables = { models: ['llama-3.2-1b-instruct', 'llama-3.1-8b-instruct'], traffic: { inputTokensPerMonth: '848000000', outputTokensPerMonth: '230800000' } };
    const { fast } = await serve(createServedApp({ db: t.db, logger: silent, cache, persistedOperations: manifest }));
    await warm(fast, post({ documentId: id, variables }));
    t.resetStatements();
    // By id, a hit: stored under the operation's text.
    expect((await send(fast, post({ documentId: id, variables }))).status).toBe(200);
    expect(t.statements).toEqual([]);
    const asText = await send(fast, post({ query: text, variables }));
    expect(asText.status).toBe(400);
    expect(JSON.parse(asText.body.toString()).errors[0].extensions.code).toBe('PERSISTED_QUERY_ONLY');
  });

  it('with RESPONSE_CACHE=off: the server serves the app alone, and nothing is stored', async () => {
    const served = createServedApp({ db: t.db, logger: silent });
    expect(served.listener).toBe(served.app);
    const { fast } = await serve(served);
    const answers = [await send(fast, post({ query: MODEL, variables: SLUG })), await send(fast, post({ query: MODEL, variables: SLUG }))];
    expect(answers.map((answer) => [answer.status, answer.headers.etag])).toEqual([
      [200, undefined],
      [200, undefined],
    ]);
  });
});
