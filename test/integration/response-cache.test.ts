import { createSchema, createYoga } from 'graphql-yoga';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, createApp } from '../../src/app.js';
import { openResponseCache, type ResponseCache } from '../../src/cache/open.js';
import { useResponseCache } from '../../src/cache/response-cache.js';
import { MemoryResponseStore } from '../../src/cache/response-store.js';
import { runImport } from '../../src/catalog/import.js';
import { bumpCatalogVersion } from '../../src/catalog/version.js';
import { openPostgres } from '../../src/db/client.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { sharedRedisCacheConfig, testCacheConfig } from '../support/response-cache.js';

const silent = { debug() {}, info() {}, warn() {}, error() {} };
const MODEL = `query { model(slug: "llama-3.1-8b-instruct") { name offerings { provider { name } } } }`;
const COUNT = `{ models(first: 5) { totalCount } }`;

function post(app: App, query: string, headers: Record<string, string> = {}, variables?: Record<string, unknown>) {
  return Promise.resolve(
    app.fetch('http://modelgraph.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    }),
  );
}

/** Retries `read` until `done` holds: a bump another process commits arrives by NOTIFY, within moments. */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 5000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('the response cache, one instance', () => {
  let t: TestDatabase;
  let cache: ResponseCache;
  let app: App;
  beforeAll(async () => {
    t = await createTestDatabase();
    await runImport(t.db, { importer: 'seed-page' });
    cache = await openResponseCache(testCacheConfig(), t.db, t.backend === 'postgres' ? process.env.DATABASE_URL : undefined);
    app = createApp({ db: t.db, logger: silent, cache });
  });
  afterAll(async () => {
    await cache.close();
    await t.destroy();
  });

  it('answers a known anonymous query from the cache, with the same bytes and no SQL, and with an ETag', async () => {
    const origin = { origin: 'https://frontend.test' };
    const first = await post(app, MODEL, origin);
    const firstBody = await first.text();
    expect(first.status).toBe(200);
    expect(first.headers.get('etag')).toMatch(/^".+"$/);
    expect(first.headers.get('cache-control')).toBe('public, max-age=0, s-maxage=30');
    t.resetStatements();
    // The same document with other whitespace is the same request.
    const second = await post(app, MODEL.replace(/ /g, '\n  '), origin);
    expect(await second.text()).toBe(firstBody);
    // CORS stays, stored or not.
    expect(first.headers.get('access-control-allow-origin')).toBe('https://frontend.test');
    expect(second.headers.get('access-control-allow-origin')).toBe('https://frontend.test');
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(second.headers.get('content-type')).toBe(first.headers.get('content-type'));
    expect(t.statements).toEqual([]);
  });

  it('reports its hits and misses at /metrics', async () => {
    const lookups = async (result: 'hit' | 'miss') => {
      const text = await (await app.fetch('http://modelgraph.test/metrics')).text();
      return Number(text.match(new RegExp(`^modelgraph_response_cache_lookups_total\\{result="${result}"\\} (\\d+)$`, 'm'))?.[1]);
    };
    const [hits, misses] = [await lookups('hit'), await lookups('miss')];
    const fresh = `{ model(slug: "llama-3.1-8b-instruct") { slug name } }`;
    await post(app, fresh);
    await post(app, fresh);
    expect(await lookups('miss')).toBe(misses + 1);
    expect(await lookups('hit')).toBe(hits + 1);
  });

  it('answers 304 with no body when If-None-Match names the current ETag', async () => {
    const etag = (await post(app, MODEL)).headers.get('etag')!;
    const again = await post(app, MODEL, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const stale = await post(app, MODEL, { 'if-none-match': '"0-stale"' });
    expect(stale.status).toBe(200);
  });

  it('runs a request with an Authorization header every time, and never caches it', async () => {
    await post(app, MODEL);
    t.resetStatements();
    const response = await post(app, MODEL, { authorization: 'Bearer someone' });
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBeNull();
    expect(t.statements.length).toBeGreaterThan(0);
  });

  it('keys on the variables', async () => {
    const query = `query ($slug: String!) { model(slug: $slug) { name } }`;
    const a = await (await post(app, query, {}, { slug: 'llama-3.1-8b-instruct' })).json();
    const b = await (await post(app, query, {}, { slug: 'llama-3.2-1b-instruct' })).json();
    expect(a.data.model.name).toBe('Llama 3.1 8B Instruct');
    expect(b.data.model.name).toBe('Llama 3.2 1B Instruct');
  });

  it('never caches a response with errors', async () => {
    const bad = `{ comparison(models: ["llama-3.1-8b-instruct", "no-such-model"]) { summary } }`;
    const first = await post(app, bad);
    expect((await first.json()).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    t.resetStatements();
    const second = await post(app, bad);
    expect(second.headers.get('etag')).toBeNull();
    expect(t.statements.length).toBeGreaterThan(0);
  });

  it('serves the new catalog as soon as a write that bumped the version commits and calls catalogChanged()', async () => {
    expect((await (await post(app, MODEL)).json()).data.model.name).toBe('Llama 3.1 8B Instruct');
    await t.db.transaction().execute(async (trx) => {
      await trx.updateTable('models').set({ name: 'Llama 3.1 8B Renamed' }).where('slug', '=', 'llama-3.1-8b-instruct').execute();
      await bumpCatalogVersion(trx);
    });
    await cache.changes.catalogChanged();
    expect((await (await post(app, MODEL)).json()).data.model.name).toBe('Llama 3.1 8B Renamed');
  });

  it.runIf(process.env.DATABASE_URL)('PostgreSQL: serves the new catalog after another process commits a bump, with no call (NOTIFY)', async () => {
    expect((await (await post(app, COUNT)).json()).data.models.totalCount).toBe(2);
    // Another process: its own pool, as `npm run import` would have.
    const other = openPostgres(process.env.DATABASE_URL!, { searchPath: t.schema });
    try {
      await other.transaction().execute(async (trx) => {
        await sql`insert into models (slug, name, creator_id) select 'zz-extra', 'ZZ Extra', creator_id from models limit 1`.execute(trx);
        await bumpCatalogVersion(trx);
      });
    } finally {
      await other.destroy();
    }
    const after = await eventually(
      async () => (await (await post(app, COUNT)).json()).data.models.totalCount,
      (n) => n === 3,
    );
    expect(after).toBe(3);
  });
});

describe('the response cache and mutations', () => {
  it('never stores a mutation: each one runs', async () => {
    let count = 0;
    const store = new MemoryResponseStore(10);
    store.advanceVersion(1);
    const yoga = createYoga({
      schema: createSchema({ typeDefs: 'type Query { n: Int } type Mutation { inc: Int }', resolvers: { Mutation: { inc: () => ++count } } }),
      plugins: [useResponseCache({ store, ttlMs: 60_000, cdnMaxAgeSeconds: 0 })],
      logging: false,
    });
    const send = async () =>
      (await (await yoga.fetch('http://x/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'mutation { inc }' }) })).json()) as {
        data: { inc: number };
      };
    expect((await send()).data.inc).toBe(1);
    expect((await send()).data.inc).toBe(2);
  });
});

const redisUrl = process.env.TEST_REDIS_URL;
if (!redisUrl) console.warn('[response-cache.test] TEST_REDIS_URL is unset: the two-instance Redis test is skipped.');

describe.runIf(redisUrl)('two instances sharing one Redis and one database', () => {
  let t: TestDatabase;
  const caches: ResponseCache[] = [];
  let one: App;
  let two: App;
  beforeAll(async () => {
    t = await createTestDatabase();
    const config = sharedRedisCacheConfig(redisUrl!);
    const url = t.backend === 'postgres' ? process.env.DATABASE_URL : undefined;
    caches.push(await openResponseCache(config, t.db, url), await openResponseCache(config, t.db, url));
    one = createApp({ db: t.db, logger: silent, cache: caches[0] });
    two = createApp({ db: t.db, logger: silent, cache: caches[1] });
  });
  afterAll(async () => {
    for (const cache of caches) await cache.close();
    await t.destroy();
  });

  it('shares answers, and an import through one instance invalidates reads on the other', async () => {
    const count = async (app: App) => (await (await post(app, COUNT)).json()).data.models.totalCount as number;
    expect(await count(one)).toBe(0);
    // The second instance answers from what the first stored.
    t.resetStatements();
    expect(await count(two)).toBe(0);
    expect(t.statements).toEqual([]);
    // An import through the first instance, then its call after commit.
    await runImport(t.db, { importer: 'seed-page' });
    await caches[0]!.changes.catalogChanged();
    expect(await count(two)).toBe(2);
    expect(await count(one)).toBe(2);
  });
});
