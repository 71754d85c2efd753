import { exec } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, createApp } from '../../src/app.js';
import { applyDataset } from '../../src/catalog/apply.js';
import { loadDataset } from '../../src/catalog/datasets.js';
import { type Db, openPostgres } from '../../src/db/client.js';
import { migrateToLatest } from '../../src/db/migrate.js';

/**
 * A real PostgreSQL server stopped and started again under 8 clients: the
 * process does not crash, every answer is the data or SERVICE_UNAVAILABLE
 * (503) and nothing else, /ready says 503 while it is down, and service
 * resumes by itself once the server is back, with no restart of the app.
 *
 * It stops a whole server, so it never runs with the other tests (their
 * files run in parallel on the same server): `npm run test:pg-faults`, with
 *
 *   PG_FAULT_URL    the server to stop, e.g. postgres://postgres@127.0.0.1:5432/test
 *   PG_FAULT_STOP   a shell command that stops it (fast shutdown: sessions are terminated)
 *   PG_FAULT_START  a shell command that starts it and returns once it accepts connections
 *
 * Without all three it skips. .ci/run sets them to the machine's server after
 * the PostgreSQL suite, and starts the server again should this test leave it stopped.
 */

const url = process.env.PG_FAULT_URL;
const stopCommand = process.env.PG_FAULT_STOP;
const startCommand = process.env.PG_FAULT_START;
const configured = Boolean(url && stopCommand && startCommand);
if (!configured) {
  console.warn('[pg-faults] skipped: set PG_FAULT_URL, PG_FAULT_STOP and PG_FAULT_START to stop and start a PostgreSQL server under load (see test/faults/pg-restart.test.ts).');
}

const run = promisify(exec);
const QUERY = '{ model(slug: "llama-3.1-8b-instruct") { name offerings { provider { name } price { inputPerMTok } } } }';
const CLIENTS = 8;

interface Answer {
  at: number;
  ms: number;
  status: number;
  text: string;
}

async function post(app: App): Promise<Answer> {
  const at = performance.now();
  const response = await app.fetch('http://modelgraph.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query: QUERY }),
  });
  const text = await response.text();
  return { at, ms: performance.now() - at, status: response.status, text };
}

/** The data, whole; or SERVICE_UNAVAILABLE with HTTP 503, every error, and no database message. */
function kind(answer: Answer): 'data' | 'unavailable' {
  const body = JSON.parse(answer.text) as { data?: any; errors?: { message: string; extensions?: unknown }[] };
  if (!body.errors) {
    expect(answer.status).toBe(200);
    expect(body.data.model.name).toBe('Llama 3.1 8B Instruct');
    return 'data';
  }
  expect(answer.status, answer.text).toBe(503);
  for (const error of body.errors) expect(error.extensions, answer.text).toEqual({ code: 'SERVICE_UNAVAILABLE' });
  expect(answer.text).not.toMatch(/Unexpected error|terminat|shutdown|ECONN|57P|pool|stack/i);
  return 'unavailable';
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(!configured)(`PostgreSQL stopped and started under ${CLIENTS} clients`, () => {
  const schema = `test_faults_${randomBytes(6).toString('hex')}`;
  let db: Db;
  let app: App;
  const connectionErrors: string[] = [];

  /** True when the server answers `select 1` on a fresh connection. */
  async function serverUp(): Promise<boolean> {
    const probe = openPostgres(url!, { limits: { connectTimeoutMs: 1000 }, onConnectionError: () => {} });
    try {
      await sql`select 1`.execute(probe);
      return true;
    } catch {
      return false;
    } finally {
      await probe.destroy().catch(() => {});
    }
  }

  beforeAll(async () => {
    const setup = openPostgres(url!);
    await sql`create schema ${sql.id(schema)}`.execute(setup);
    await setup.destroy();
    const seeding = openPostgres(url!, { searchPath: schema });
    await migrateToLatest(seeding, { schema });
    await applyDataset(seeding, await loadDataset('seed-page'), { importer: 'seed-page', now: new Date() });
    await seeding.destroy();
    db = openPostgres(url!, {
      searchPath: schema,
      limits: { statementTimeoutMs: 2000, connectTimeoutMs: 1000, poolSize: 10 },
      onConnectionError: (message) => connectionErrors.push(message),
    });
    app = createApp({ db, logger: { debug() {}, info() {}, warn() {}, error() {} } });
  }, 120_000);

  afterAll(async () => {
    // Whatever happened above, leave the server running.
    if (!(await serverUp())) await run(startCommand!, { timeout: 120_000 });
    await db?.destroy().catch(() => {});
    const cleanup = openPostgres(url!);
    await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(cleanup);
    await cleanup.destroy();
  }, 180_000);

  it('answers data or SERVICE_UNAVAILABLE throughout, /ready 503 while down, and resumes by itself', async () => {
    expect(kind(await post(app))).toBe('data');
    const answers: Answer[] = [];
    let running = true;
    const clients = Array.from({ length: CLIENTS }, async () => {
      while (running) {
        answers.push(await post(app));
        await sleep(10);
      }
    });

    await sleep(1000);
    const stopAsked = performance.now();
    await run(stopCommand!, { timeout: 60_000 });
    const stopped = performance.now();

    // Down: /ready says so within 2 s, and every request is SERVICE_UNAVAILABLE, none slow.
    await sleep(500);
    const readyStarted = performance.now();
    const readyWhileDown = await app.fetch('http://modelgraph.test/ready');
    const readyMs = performance.now() - readyStarted;
    await sleep(1500);
    const startAsked = performance.now();
    await run(startCommand!, { timeout: 120_000 });
    const started = performance.now();

    // Back: each client is served again, with no restart of the app.
    let recoveredAt: number | undefined;
    while (performance.now() - started < 15_000) {
      const recent = answers.filter((a) => a.at > started).slice(-CLIENTS);
      if (recent.length === CLIENTS && recent.every((a) => a.status === 200)) {
        recoveredAt = recent[0]!.at;
        break;
      }
      await sleep(100);
    }
    running = false;
    await Promise.all(clients);

    const kinds = answers.map(kind);
    const whileDown = answers.filter((a) => a.at > stopped && a.at + a.ms < startAsked);
    expect(readyWhileDown.status).toBe(503);
    expect(readyMs).toBeLessThan(2000);
    expect(whileDown.length).toBeGreaterThanOrEqual(CLIENTS);
    for (const answer of whileDown) {
      expect(answer.status).toBe(503);
      expect(answer.ms).toBeLessThan(3000);
    }
    expect(recoveredAt, 'service resumed within 15 s of the server starting').toBeDefined();
    // Afterwards, 8 at once are all served, /ready is 200, and the lost connections were logged, not thrown.
    expect((await Promise.all(Array.from({ length: CLIENTS }, () => post(app)))).map(kind)).toEqual(Array(CLIENTS).fill('data'));
    expect((await app.fetch('http://modelgraph.test/ready')).status).toBe(200);
    expect(connectionErrors.join('\n')).toMatch(/57P01|terminat/i);
    const metrics = await (await app.fetch('http://modelgraph.test/metrics')).text();
    expect(metrics).toMatch(/^modelgraph_graphql_errors_total\{code="SERVICE_UNAVAILABLE"\} [1-9]/m);

    const unavailable = kinds.filter((k) => k === 'unavailable').length;
    console.log(
      `[pg-faults] ${answers.length} requests from ${CLIENTS} clients: ${kinds.length - unavailable} data, ${unavailable} SERVICE_UNAVAILABLE; ` +
        `stop took ${((stopped - stopAsked) / 1000).toFixed(1)} s, ${whileDown.length} requests while down answered 503 in ` +
        `${Math.max(...whileDown.map((a) => a.ms)).toFixed(0)} ms at most, /ready 503 in ${readyMs.toFixed(0)} ms; ` +
        `start took ${((started - startAsked) / 1000).toFixed(1)} s, all ${CLIENTS} clients served again ${((recoveredAt! - started) / 1000).toFixed(2)} s after it`,
    );
  }, 240_000);
});
