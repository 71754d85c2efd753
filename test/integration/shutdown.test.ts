import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { migrateToLatest } from '../../src/db/migrate.js';

/**
 * Shutting down without loss, end to end: the real server (and `npm start`)
 * draining a burst of requests on SIGTERM, and the import CLI interrupted
 * mid-transaction. Each runs as a process of its own on PGlite in a temporary
 * data directory; DATABASE_URL is removed, as in server.test.ts.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const { DATABASE_URL: _ignored, ...ENV } = process.env;

// ───────────── processes ─────────────

interface Proc {
  child: ChildProcess;
  output: () => string;
  /** Resolves with the first match of `pattern` in the output (stdout and stderr). */
  waitFor: (pattern: RegExp, timeoutMs?: number) => Promise<RegExpMatchArray>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function run(command: string, args: string[], env: Record<string, string>): Proc {
  const child = spawn(command, args, { cwd: ROOT, env: { ...ENV, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const waiters = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    output += chunk;
    for (const check of waiters) check();
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const waitFor = (pattern: RegExp, timeoutMs = 45_000) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const timer = setTimeout(() => done(new Error(`no ${pattern} within ${timeoutMs} ms:\n${output}`)), timeoutMs);
      const check = () => {
        const match = output.match(pattern);
        if (match) done(undefined, match);
      };
      const done = (error?: Error, match?: RegExpMatchArray) => {
        clearTimeout(timer);
        waiters.delete(check);
        if (error) reject(error);
        else resolve(match!);
      };
      waiters.add(check);
      void exited.then(({ code, signal }) => done(new Error(`exited (${code ?? signal}) before ${pattern}:\n${output}`)));
      check();
    });
  return { child, output: () => output, waitFor, exited };
}

interface Server extends Proc {
  port: number;
  /** The server's own pid (from its log line): under npm, not the pid of the process spawned. */
  pid: number;
}

async function startServer(dataDir: string, env: Record<string, string> = {}, viaNpm = false): Promise<Server> {
  const serverEnv = { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ...env };
  const proc = viaNpm ? run('npm', ['start'], serverEnv) : run(process.execPath, ['--import', 'tsx', 'src/server.ts'], serverEnv);
  const match = await proc.waitFor(/GraphiQL at http:\/\/[^:]+:(\d+)\/graphql \(pid (\d+)\)/);
  return { ...proc, port: Number(match[1]), pid: Number(match[2]) };
}

// ───────────── HTTP (node:http: to control connections and know when a request is sent) ─────────────

interface Sent {
  /** What is to be sent now has been handed to the operating system. */
  sent: Promise<void>;
  /** Sends the rest of a held body. */
  finish: () => void;
  response: Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>;
}

/**
 * One request. With `hold`, the body is sent but for its last byte, which
 * `finish()` sends: a request the server has received and is in flight
 * (waiting for its body, as for a slow client) for as long as the test wants.
 */
function send(port: number, options: { path: string; method?: string; body?: string; agent: http.Agent | false; hold?: boolean }): Sent {
  let sent!: () => void;
  let finish = () => {};
  const sentPromise = new Promise<void>((resolve) => (sent = resolve));
  const response = new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const body = Buffer.from(options.body ?? '');
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        path: options.path,
        method: options.method ?? 'GET',
        agent: options.agent,
        headers: options.body ? { 'content-type': 'application/json', 'content-length': body.length } : {},
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: text }));
        res.on('error', reject);
      },
    );
    request.on('error', reject);
    if (options.hold && body.length > 1) {
      request.write(body.subarray(0, -1), () => sent());
      finish = () => request.end(body.subarray(-1));
    } else {
      request.end(body, () => sent());
    }
  });
  // A refused or cut request must not count as sent forever.
  response.catch(() => sent());
  return { sent: sentPromise, finish: () => finish(), response };
}

/** The whole seed comparison page for 10 of the most compared models: the heaviest request the API answers. */
const PAGE = readFileSync(path.join(ROOT, 'examples/comparison-page.graphql'), 'utf8');
const MOST_COMPARED = readFileSync(path.join(ROOT, 'data/catalog/most-compared.csv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.split(',')[0]!);
const comparisonPage = (i: number) =>
  JSON.stringify({
    query: PAGE,
    variables: { models: MOST_COMPARED.slice(i, i + 10), traffic: { inputTokensPerMonth: '848000000', outputTokensPerMonth: '230800000' } },
  });

/**
 * Sends `n` comparison pages at once, each on a connection of its own, and
 * returns once the server has read them: a request sent after them on a new
 * connection is answered only after the server has accepted and read every
 * earlier one.
 */
async function burst(port: number, n: number, hold = false): Promise<Sent[]> {
  const requests = Array.from({ length: n }, (_, i) =>
    send(port, { path: '/graphql', method: 'POST', body: comparisonPage(i), agent: false, hold }),
  );
  await Promise.all(requests.map((r) => r.sent));
  expect((await send(port, { path: '/health', agent: false }).response).status).toBe(200);
  return requests;
}

async function expectComparisonPages(requests: Sent[]) {
  for (const [i, request] of requests.entries()) {
    const response = await request.response;
    expect(response.status).toBe(200);
    const { data, errors } = JSON.parse(response.body);
    expect(errors).toBeUndefined();
    expect(data.comparison.models.map((m: { slug: string }) => m.slug)).toEqual(MOST_COMPARED.slice(i, i + 10));
  }
}

const refused = (port: number) =>
  send(port, { path: '/health', agent: false }).response.then(
    (r) => `answered ${r.status}`,
    (error: NodeJS.ErrnoException) => error.code,
  );

/**
 * A migrated, empty PGlite data directory: the test template written out, or
 * (with DATABASE_URL, when no template is built) a fresh one, migrated.
 */
async function templateDataDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  const template = inject('pgliteTemplate');
  if (template) {
    const pglite = await PGlite.create({ dataDir: dir, loadDataDir: new Blob([await readFile(template)]) });
    await pglite.close();
  } else {
    const db = new Kysely<any>({ dialect: new PGliteDialect(await PGlite.create({ dataDir: dir })) });
    await migrateToLatest(db);
    await db.destroy();
  }
  return dir;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

// ───────────── the server ─────────────

describe('the server on SIGTERM', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await templateDataDir('modelgraph-shutdown-');
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  // On PGlite a burst of requests holds the event loop (every query resolves
  // without giving it a turn) until it is answered, so a signal sent during it
  // is handled after it. Requests whose body is still arriving (slow clients)
  // are in flight while the loop is free: the drain is seen at work.
  it('finishes the 8 requests in flight, refuses new connections, answers /ready 503, and exits 0', async () => {
    const server = await startServer(dataDir);
    try {
      // A keep-alive connection opened before the signal, as a load balancer keeps one.
      const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 1 });
      expect((await send(server.port, { path: '/ready', agent: keepAlive }).response).status).toBe(200);
      const requests = await burst(server.port, 8, true);

      const signalled = Date.now();
      server.child.kill('SIGTERM');
      await server.waitFor(/stopped listening after \d+ ms; 8 requests in flight/);
      expect(server.output()).toMatch(/SIGTERM: draining .* 8 requests in flight, given up to 10000 ms/);
      // During the drain: /ready says 503 on the open connection and closes it; a new connection is refused.
      const ready = await send(server.port, { path: '/ready', agent: keepAlive }).response;
      expect(ready.status).toBe(503);
      expect(ready.headers.connection).toBe('close');
      expect(await refused(server.port)).toBe('ECONNREFUSED');
      // A second signal is said and changes nothing.
      server.child.kill('SIGINT');
      await server.waitFor(/SIGINT during the drain: still draining \(8 requests in flight/);

      for (const request of requests) request.finish();
      await expectComparisonPages(requests);
      expect(await server.exited).toEqual({ code: 0, signal: null });
      const drainedIn = Date.now() - signalled;
      expect(server.output()).toMatch(/requests in flight finished after \d+ ms; closing the idle connections\n.*database closed\n.*stopped after \d+ ms \(exit 0\)/);
      expect(await refused(server.port)).toBe('ECONNREFUSED');
      console.log(`drained 8 comparison pages in ${drainedIn} ms after SIGTERM`);
    } finally {
      server.child.kill('SIGKILL');
    }
  }, 120_000);

  it('past SHUTDOWN_TIMEOUT_MS cuts what is left, says how many, and exits 1', async () => {
    const server = await startServer(dataDir, { SHUTDOWN_TIMEOUT_MS: '300' });
    try {
      const requests = await burst(server.port, 8, true);
      const signalled = Date.now();
      server.child.kill('SIGTERM');
      // Their bodies never come: all 8 are cut at the bound.
      const outcomes = await Promise.all(requests.map((r) => r.response.then((res) => res.status, (error: NodeJS.ErrnoException) => error.code)));
      expect(await server.exited).toEqual({ code: 1, signal: null });
      const stoppedIn = Date.now() - signalled;
      expect(outcomes).toEqual(Array(8).fill('ECONNRESET'));
      expect(server.output()).toMatch(/SIGTERM: draining .* 8 requests in flight, given up to 300 ms/);
      expect(server.output()).toMatch(/stopped listening after \d+ ms; 8 requests in flight/);
      expect(server.output()).toMatch(/shutdown bound of 300 ms passed: cutting 8 requests still in flight\n.*database closed\n.*stopped after \d+ ms: 8 requests cut \(exit 1\)/);
      expect(stoppedIn).toBeGreaterThanOrEqual(300);
      console.log(`bound of 300 ms: cut 8 requests and exited 1 in ${stoppedIn} ms after SIGTERM`);
    } finally {
      server.child.kill('SIGKILL');
    }
  }, 120_000);

  it('a signal during start-up stops it at once; the next start seeds and serves', async () => {
    const dir = await templateDataDir('modelgraph-start-signal-');
    try {
      const starting = run(process.execPath, ['--import', 'tsx', 'src/server.ts'], { PORT: '0', DATA_DIR: dir });
      await starting.waitFor(/database: PGlite in/);
      starting.child.kill('SIGTERM');
      const exit = await starting.exited;
      // Handled as it starts (the usual case), or, when PGlite held the event loop until it listened, by the drain.
      if (exit.code === 143) expect(starting.output()).toMatch(/SIGTERM during start-up: stopping/);
      else expect([exit.code, starting.output()]).toEqual([0, expect.stringMatching(/SIGTERM: draining .* 0 requests in flight/)]);
      const server = await startServer(dir);
      try {
        const { status, body } = await send(server.port, { path: '/graphql', method: 'POST', body: JSON.stringify({ query: '{ models { totalCount } }' }), agent: false }).response;
        expect(status).toBe(200);
        expect(JSON.parse(body).data.models.totalCount).toBeGreaterThanOrEqual(300);
        server.child.kill('SIGTERM');
        expect(await server.exited).toEqual({ code: 0, signal: null });
      } finally {
        server.child.kill('SIGKILL');
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('refuses to start on an invalid SHUTDOWN_TIMEOUT_MS', async () => {
    const proc = run(process.execPath, ['--import', 'tsx', 'src/server.ts'], { PORT: '0', DATA_DIR: dataDir, SHUTDOWN_TIMEOUT_MS: 'soon' });
    expect((await proc.exited).code).toBe(1);
    expect(proc.output()).toMatch(/cannot start: Invalid environment: SHUTDOWN_TIMEOUT_MS/);
  }, 60_000);

  it('`npm start`: SIGTERM to npm right after a burst of 8 reaches the server; all 8 are answered, npm exits 0 with it, nothing is left', async () => {
    const npm = await startServer(dataDir, {}, true);
    try {
      expect(npm.pid).not.toBe(npm.child.pid);
      const requests = Array.from({ length: 8 }, (_, i) =>
        send(npm.port, { path: '/graphql', method: 'POST', body: comparisonPage(i), agent: false }),
      );
      await Promise.all(requests.map((r) => r.sent));
      const signalled = Date.now();
      npm.child.kill('SIGTERM');
      await expectComparisonPages(requests);
      const exit = await npm.exited;
      const elapsed = Date.now() - signalled;
      expect(exit).toEqual({ code: 0, signal: null });
      expect(elapsed).toBeLessThan(10_000);
      expect(npm.output()).toMatch(/SIGTERM: draining/);
      expect(npm.output()).toMatch(/stopped after \d+ ms \(exit 0\)/);
      // npm reaped the server before it exited: gone, and nothing listens on its port.
      expect(isRunning(npm.pid)).toBe(false);
      expect(await refused(npm.port)).toBe('ECONNREFUSED');
      console.log(`npm start: 8 comparison pages answered, npm gone ${elapsed} ms after SIGTERM`);
    } finally {
      npm.child.kill('SIGKILL');
      if (isRunning(npm.pid)) process.kill(npm.pid, 'SIGKILL');
    }
  }, 120_000);
});

// ───────────── the import CLI ─────────────

describe('the import CLI on a signal', () => {
  let dataDir: string;
  /** Runs a query on the data directory (no process holds it then). */
  async function query<T>(sqlText: string): Promise<T[]> {
    const pglite = await PGlite.create({ dataDir });
    try {
      return (await pglite.query<T>(sqlText)).rows;
    } finally {
      await pglite.close();
    }
  }
  const counts = async () =>
    (
      await query<Record<string, number>>(
        `select (select count(*) from models)::int as models, (select count(*) from offerings)::int as offerings,
                (select count(*) from prices)::int as prices, (select count(*) from scores)::int as scores,
                (select count(*) from catalog_imports)::int as imports`,
      )
    )[0]!;

  beforeAll(async () => {
    dataDir = await templateDataDir('modelgraph-import-signal-');
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  const importCatalog = () => run(process.execPath, ['--import', 'tsx', 'src/catalog/cli.ts', 'catalog'], { DATA_DIR: dataDir });

  it('SIGTERM while it writes: rolls back, says nothing was written, exits 143', async () => {
    const cli = importCatalog();
    await cli.waitFor(/Writing, in one transaction…/);
    cli.child.kill('SIGTERM');
    expect(await cli.exited).toEqual({ code: 143, signal: null });
    expect(cli.output()).toMatch(/SIGTERM: stopping the import, rolling its transaction back/);
    expect(cli.output()).toMatch(/Import interrupted: nothing was written/);
    expect(cli.output()).not.toMatch(/Imported "catalog"|Committing/);
    expect(await counts()).toEqual({ models: 0, offerings: 0, prices: 0, scores: 0, imports: 0 });
  }, 60_000);

  it('SIGINT once it commits: finishes, prints its report, exits 0, and everything is there', async () => {
    const cli = importCatalog();
    await cli.waitFor(/Committing…/);
    cli.child.kill('SIGINT');
    expect(await cli.exited).toEqual({ code: 0, signal: null });
    const added = Number(cli.output().match(/models +(\d+) added/)![1]);
    expect(added).toBeGreaterThanOrEqual(300);
    expect(cli.output()).not.toMatch(/Import interrupted|Import failed/);
    // The signal reached the CLI after the commit (it closes the database for a while after it).
    expect(cli.output()).toMatch(/SIGINT: the import has committed; letting it finish/);
    expect(await counts()).toMatchObject({ models: added, imports: 1 });
  }, 60_000);

  it('SIGINT while it rewrites an existing catalog: the database is as it was, exit 130', async () => {
    // A change the import would undo: if the interrupted import wrote anything, this name is gone.
    await query(`update models set name = 'Renamed before the import' where slug = 'gpt-4o'`);
    const before = await counts();
    const cli = importCatalog();
    await cli.waitFor(/Writing, in one transaction…/);
    cli.child.kill('SIGINT');
    expect(await cli.exited).toEqual({ code: 130, signal: null });
    expect(cli.output()).toMatch(/Import interrupted: nothing was written/);
    expect(await counts()).toEqual(before);
    expect(await query(`select name from models where slug = 'gpt-4o'`)).toEqual([{ name: 'Renamed before the import' }]);
    // And the change is one the import makes when it is not interrupted.
    const full = importCatalog();
    expect(await full.exited).toEqual({ code: 0, signal: null });
    expect(await query(`select name from models where slug = 'gpt-4o'`)).toEqual([{ name: 'GPT-4o' }]);
  }, 90_000);
});
