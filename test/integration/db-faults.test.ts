import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, sql } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type App, createApp, READY_TIMEOUT_MS } from '../../src/app.js';
import { applyDataset } from '../../src/catalog/apply.js';
import { loadDataset } from '../../src/catalog/datasets.js';
import type { DatabaseLimits } from '../../src/config.js';
import type { Database } from '../../src/db/database.js';
import { type Db, openPostgres } from '../../src/db/client.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { typeParsers } from '../../src/db/type-parsers.js';
import { createTestApp } from '../support/app.js';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';

/**
 * The database fails under the running app: its connections are terminated,
 * a table is locked, the database hangs (a paused proxy) or goes away (a
 * closed port), a PGlite instance is closed. No request crashes the process
 * or waits past the timeouts; each answers its data or SERVICE_UNAVAILABLE
 * (HTTP 503), never "Unexpected error." nor a database message; /ready
 * answers 503 within 2 s; and service resumes by itself once the database
 * is back. The measured timings are printed (vitest shows them).
 */

const QUERY = '{ model(slug: "llama-3.1-8b-instruct") { name offerings { provider { name } price { inputPerMTok } } } }';

interface Answer {
  status: number;
  ms: number;
  text: string;
  body: { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

async function post(app: App, query = QUERY): Promise<Answer> {
  const started = performance.now();
  const response = await app.fetch('http://modelgraph.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query }),
  });
  const text = await response.text();
  return { status: response.status, ms: performance.now() - started, text, body: JSON.parse(text) };
}

async function ready(app: App): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  const response = await app.fetch('http://modelgraph.test/ready');
  await response.text();
  return { status: response.status, ms: performance.now() - started };
}

/** The answer is the data, whole. */
function expectData(answer: Answer) {
  expect(answer.body.errors, answer.text).toBeUndefined();
  expect(answer.status).toBe(200);
  expect(answer.body.data.model.name).toBe('Llama 3.1 8B Instruct');
}

/** The answer says the service is unavailable, and nothing else: no database message, no "Unexpected error.". */
function expectUnavailable(answer: Answer) {
  expect(answer.body.errors?.length, answer.text).toBeGreaterThan(0);
  for (const error of answer.body.errors!) {
    expect(error.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE' });
    expect(error.message).toMatch(/^Service unavailable/);
  }
  expect(answer.status).toBe(503);
  expect(answer.text).not.toMatch(/Unexpected error|terminat|timeout|ECONN|statement|relation|PGlite|pool|stack/i);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function eventually<T>(probe: () => Promise<T>, done: (value: T) => boolean, withinMs: number): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  for (;;) {
    const value = await probe();
    if (done(value) || performance.now() - started > withinMs) return { value, ms: performance.now() - started };
    await sleep(100);
  }
}

const url = process.env.DATABASE_URL;
const timings: string[] = [];
afterAll(() => {
  if (timings.length) console.log(`[db-faults] measured:\n  ${timings.join('\n  ')}`);
});

describe.skipIf(!url)('PostgreSQL faults', () => {
  const schema = `test_${randomBytes(6).toString('hex')}`;
  let admin: Db;
  const opened: Db[] = [];
  const connectionErrors: string[] = [];
  const loggedErrors: unknown[] = [];
  const logger = { debug() {}, info() {}, warn() {}, error: (...args: unknown[]) => loggedErrors.push(...args) };
  /** Short timeouts, so the test is quick: statements 500 ms (the client gives up at 1,500), connections 1 s. */
  const limits: Partial<DatabaseLimits> = { statementTimeoutMs: 500, connectTimeoutMs: 1000, poolSize: 10 };

  /** The app on its own pool, tagged with an application_name to find its backends by. */
  function appOn(connectionString: string) {
    const applicationName = `modelgraph-faults-${randomBytes(4).toString('hex')}`;
    const db = openPostgres(connectionString, {
      searchPath: schema,
      limits,
      applicationName,
      onConnectionError: (message) => connectionErrors.push(message),
    });
    opened.push(db);
    return { db, app: createApp({ db, logger }), applicationName };
  }

  beforeAll(async () => {
    admin = openPostgres(url!);
    await sql`create schema ${sql.id(schema)}`.execute(admin);
    const setup = openPostgres(url!, { searchPath: schema });
    await migrateToLatest(setup, { schema });
    await applyDataset(setup, await loadDataset('seed-page'), { importer: 'seed-page', now: new Date() });
    await setup.destroy();
  });
  afterAll(async () => {
    for (const db of opened) await db.destroy().catch(() => {});
    await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(admin);
    await admin.destroy();
  });

  const backends = async (applicationName: string) =>
    (await sql<{ pid: number }>`select pid from pg_stat_activity where application_name = ${applicationName}`.execute(admin)).rows.map((r) => r.pid);

  it("terminating the app's backends under 8 concurrent requests crashes nothing; each answers data or SERVICE_UNAVAILABLE; then it serves again", async () => {
    const { app, applicationName } = appOn(url!);
    const terminateAll = async () => {
      const pids = await backends(applicationName);
      for (const pid of pids) await sql`select pg_terminate_backend(${pid})`.execute(admin);
      return pids;
    };
    await Promise.all(Array.from({ length: 8 }, () => post(app))); // the pool opens its connections
    const before = connectionErrors.length;

    // 1. Mid-query, deterministically: the 8 requests wait on a lock another session holds,
    // and their backends are terminated as they wait (57P01 on the query, then the socket closes).
    const locker = new pg.Client({ connectionString: url });
    await locker.connect();
    let blocked: Answer[];
    let killedWaiting: number[];
    try {
      await locker.query('begin');
      await locker.query(`lock table ${schema}.models in access exclusive mode`);
      const requests = Promise.all(Array.from({ length: 8 }, () => post(app)));
      await eventually(
        async () => (await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity where application_name = ${applicationName} and wait_event_type = 'Lock'`.execute(admin)).rows[0]!.n,
        (n) => n >= 1,
        400,
      );
      killedWaiting = await terminateAll();
      blocked = await requests;
    } finally {
      await locker.query('rollback');
      await locker.end();
    }
    expect(killedWaiting.length).toBeGreaterThan(0);
    for (const answer of blocked) expectUnavailable(answer);

    // 2. A race: backends terminated again and again while 8 requests run.
    let settled = false;
    const requests = Promise.all(Array.from({ length: 8 }, () => post(app))).finally(() => (settled = true));
    const terminated = new Set<number>(killedWaiting);
    while (!settled) {
      for (const pid of await terminateAll()) terminated.add(pid);
      await sleep(5);
    }
    const raced = await requests;
    for (const answer of raced) (answer.body.errors ? expectUnavailable(answer) : expectData(answer));
    timings.push(
      `pg_terminate_backend on ${killedWaiting.length} backends with 8 requests waiting on a lock: all 8 answered 503 in ${Math.min(...blocked.map((a) => a.ms)).toFixed(0)}–${Math.max(...blocked.map((a) => a.ms)).toFixed(0)} ms`,
      `pg_terminate_backend in a loop under 8 requests: ${raced.filter((a) => a.body.errors).length} answered 503, the others their data; slowest ${Math.max(...raced.map((a) => a.ms)).toFixed(0)} ms`,
    );

    // The terminated backends are gone; the pool has dropped its dead clients and opens new ones.
    await eventually(() => backends(applicationName), (pids) => pids.every((pid) => !terminated.has(pid)), 5000);
    await sleep(50);
    for (let i = 0; i < 3; i++) expectData(await post(app));
    expect(await Promise.all(Array.from({ length: 8 }, () => post(app).then((a) => a.status)))).toEqual(Array(8).fill(200));
    expect((await ready(app)).status).toBe(200);
    // Each lost connection was logged (never thrown: the process is still here).
    expect(connectionErrors.length).toBeGreaterThan(before);
    expect(connectionErrors.join('\n')).toMatch(/57P01|Connection terminated/);
  });

  it('a table locked by another session: requests fail with SERVICE_UNAVAILABLE within the statement timeout + 1 s; unlocking resumes service', async () => {
    const { app } = appOn(url!);
    expectData(await post(app));
    const locker = new pg.Client({ connectionString: url });
    await locker.connect();
    try {
      await locker.query('begin');
      await locker.query(`lock table ${schema}.models in access exclusive mode`);
      const answers = await Promise.all(Array.from({ length: 4 }, () => post(app)));
      for (const answer of answers) {
        expectUnavailable(answer);
        expect(answer.ms).toBeLessThan(500 + 1000);
      }
      // /ready asks `select 1`, which touches no table: the database answers, so it is ready.
      expect((await ready(app)).status).toBe(200);
      timings.push(`table locked, statement timeout 500 ms: requests answered 503 in ${answers.map((a) => a.ms.toFixed(0)).join(', ')} ms`);
      expect(loggedErrors.map(String).join('\n')).toMatch(/statement timeout/);
    } finally {
      await locker.query('rollback');
      await locker.end();
    }
    expectData(await post(app));
  });

  describe('through a proxy', () => {
    let proxy: TcpProxy;
    let app: App;
    beforeAll(async () => {
      const target = new URL(url!);
      proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
      const proxied = new URL(url!);
      proxied.hostname = '127.0.0.1';
      proxied.port = String(proxy.port);
      app = appOn(proxied.toString()).app;
    });
    afterAll(() => proxy.close());

    it('a hung database (the proxy paused): /ready answers 503 within 2 s, requests SERVICE_UNAVAILABLE within the timeouts; resuming resumes service', async () => {
      expectData(await post(app));
      expect((await ready(app)).status).toBe(200);
      proxy.pause();
      try {
        const probe = await ready(app);
        expect(probe.status).toBe(503);
        expect(probe.ms).toBeLessThan(2000);
        // 8 at once: some wait on connections that hang, the rest for a free one or a new connection.
        const answers = await Promise.all(Array.from({ length: 8 }, () => post(app)));
        for (const answer of answers) {
          expectUnavailable(answer);
          // The client gives up 1 s after the statement timeout (500 ms); a connection attempt after 1 s.
          expect(answer.ms).toBeLessThan(500 + 1000 + 1000);
        }
        const again = await ready(app);
        expect(again.status).toBe(503);
        expect(again.ms).toBeLessThan(2000);
        timings.push(
          `hung database (paused proxy): /ready 503 in ${probe.ms.toFixed(0)} and ${again.ms.toFixed(0)} ms; 8 requests 503 in ${Math.min(...answers.map((a) => a.ms)).toFixed(0)}–${Math.max(...answers.map((a) => a.ms)).toFixed(0)} ms`,
        );
      } finally {
        proxy.resume();
      }
      const back = await eventually(() => post(app), (a) => a.status === 200 && !a.body.errors, 10_000);
      expectData(back.value);
      expect((await ready(app)).status).toBe(200);
      timings.push(`hung database resumed: first successful request after ${back.ms.toFixed(0)} ms`);
    });

    it('a database that is down (nothing listens on the port): /ready 503 and SERVICE_UNAVAILABLE at once; back when it listens again', async () => {
      expectData(await post(app));
      await proxy.close();
      try {
        const probe = await ready(app);
        expect(probe.status).toBe(503);
        expect(probe.ms).toBeLessThan(2000);
        const answers = await Promise.all(Array.from({ length: 8 }, () => post(app)));
        for (const answer of answers) {
          expectUnavailable(answer);
          expect(answer.ms).toBeLessThan(1000);
        }
        timings.push(
          `database down (port closed): /ready 503 in ${probe.ms.toFixed(0)} ms; 8 requests 503 in ${Math.min(...answers.map((a) => a.ms)).toFixed(0)}–${Math.max(...answers.map((a) => a.ms)).toFixed(0)} ms`,
        );
      } finally {
        await proxy.reopen();
      }
      const back = await eventually(() => post(app), (a) => a.status === 200 && !a.body.errors, 10_000);
      expectData(back.value);
      expect((await ready(app)).status).toBe(200);
      timings.push(`database back up: first successful request after ${back.ms.toFixed(0)} ms`);
    });
  });

  it('/ready gives up at its own timeout even when the statement timeout is longer', async () => {
    // A pool whose every connection is busy for 3 s: /ready's `select 1` waits for one, and is not waited for.
    const db = openPostgres(url!, { searchPath: schema, limits: { poolSize: 1, statementTimeoutMs: 10_000, connectTimeoutMs: 10_000 } });
    opened.push(db);
    const app = createApp({ db, logger });
    const busy = sql`select pg_sleep(3)`.execute(db);
    await sleep(100);
    const probe = await ready(app);
    expect(probe.status).toBe(503);
    expect(probe.ms).toBeGreaterThanOrEqual(READY_TIMEOUT_MS - 50);
    expect(probe.ms).toBeLessThan(2000);
    await busy;
    expect((await ready(app)).status).toBe(200);
    timings.push(`/ready with every connection busy: 503 in ${probe.ms.toFixed(0)} ms`);
  });
});

describe('a closed database', () => {
  /** A migrated PGlite with the seed page: the test template when there is one (PGlite runs), else a fresh instance. */
  async function pglite(): Promise<PGlite> {
    const template = inject('pgliteTemplate');
    const instance = await PGlite.create(template ? { loadDataDir: new Blob([await readFile(template)]), parsers: typeParsers } : { parsers: typeParsers });
    await instance.exec(`SET TimeZone TO 'UTC'`);
    const db = new Kysely<Database>({ dialect: new PGliteDialect(instance) });
    if (!template) await migrateToLatest(db);
    await applyDataset(db, await loadDataset('seed-page'), { importer: 'seed-page', now: new Date() });
    return instance;
  }

  it('PGlite closed under the app: SERVICE_UNAVAILABLE and /ready 503', async () => {
    const instance = await pglite();
    const loggedErrors: unknown[] = [];
    const app = createApp({
      db: new Kysely<Database>({ dialect: new PGliteDialect(instance) }),
      logger: { debug() {}, info() {}, warn() {}, error: (...args: unknown[]) => loggedErrors.push(...args) },
    });
    expectData(await post(app));
    await instance.close();
    expectUnavailable(await post(app));
    expect((await ready(app)).status).toBe(503);
    // The server's own log keeps the reason.
    expect(loggedErrors.map(String).join('\n')).toMatch(/PGlite is closed/);
  });

  it('the database destroyed (the server shutting down): SERVICE_UNAVAILABLE', async () => {
    const t = await createTestApp();
    expectData(await post(t.app));
    await t.destroy();
    expectUnavailable(await post(t.app));
  });

  it('an unexpected database error is still "Unexpected error.", not SERVICE_UNAVAILABLE', async () => {
    const t = await createTestApp();
    try {
      await t.db.schema.dropTable('prices').cascade().execute();
      const answer = await post(t.app);
      expect(answer.body.errors?.[0]?.message).toBe('Unexpected error.');
      expect(answer.body.errors?.[0]?.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    } finally {
      await t.destroy();
    }
  });
});
