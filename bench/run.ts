// npm run bench: every variant on one machine, in one run, interleaved, and
// bench/RESULTS.md written from what was measured. See bench/README.md.
import { type ChildProcess, execFile, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual, promisify } from 'node:util';
import pg from 'pg';
import { load, type Sample } from './measure.js';
import { type Peer, preparePeer } from './peer/install.js';
import { peerBody, sameDataAsModelgraph } from './peer/queries.js';
import { type BenchQuery, benchQueries } from './queries.js';
import { writeResults, type Measured, type Variant } from './results.js';
import { countStatements } from './statements.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PORT = Number(process.env.BENCH_PORT ?? 4120);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 2);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CONNECTIONS = 8;
const BASELINE = process.env.BENCH_BASELINE ?? '7b241f1';
const VARIANT_IDS = ['V0', 'V1', 'V2', 'V3', 'V4', 'V5', 'V6', 'B'];
const QUERY_IDS = benchQueries(ROOT).map((q) => q.id);
/** BENCH_VARIANTS=V0,V2,V5 and BENCH_QUERIES=Q1,Q2 measure a subset, for development. */
const ONLY_VARIANTS = listFromEnv('BENCH_VARIANTS', VARIANT_IDS);
const ONLY_QUERIES = listFromEnv('BENCH_QUERIES', QUERY_IDS);
const wanted = (id: string) => !ONLY_VARIANTS || ONLY_VARIANTS.includes(id);
// Anything but the whole run at its settings writes RESULTS.partial.md (git-ignored): RESULTS.md stays a full run's.
const PARTIAL = Boolean(ONLY_VARIANTS || ONLY_QUERIES || ROUNDS !== 5 || SECONDS !== 2);
const OUTPUT = path.join(ROOT, 'bench', PARTIAL ? 'RESULTS.partial.md' : 'RESULTS.md');
const started = Date.now();
const log = (message: string) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${message}`);

const children: ChildProcess[] = [];
const cleanups: (() => Promise<void> | void)[] = [];
async function cleanUp() {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  for (const fn of cleanups.reverse()) await Promise.resolve(fn()).catch((error) => console.warn(`[bench] clean-up: ${error}`));
}
process.on('SIGINT', () => void cleanUp().then(() => process.exit(130)));

/** Load generator on core 1, servers on core 0, where taskset exists and there are two cores. */
const pin = cpus().length >= 2 && hasCommand('taskset');
function hasCommand(name: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
if (pin) execFileSync('taskset', ['-cp', '1', String(process.pid)], { stdio: 'ignore' });

function listFromEnv(name: string, known: string[]): string[] | undefined {
  const list = process.env[name]?.split(',').map((id) => id.trim()).filter(Boolean);
  const unknown = list?.filter((id) => !known.includes(id)) ?? [];
  if (unknown.length > 0) throw new Error(`${name}: unknown ${unknown.join(', ')}; known: ${known.join(', ')}`);
  return list?.length ? list : undefined;
}

function urlFor(database: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

async function admin(statement: string) {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A database of the run's own, dropped at the end. */
async function createDatabase(name: string): Promise<string> {
  await admin(`create database ${name}`);
  cleanups.push(() => admin(`drop database if exists ${name} with (force)`));
  return urlFor(name);
}

function startServer(name: string, cwd: string, args: string[], env: Record<string, string>, node = process.execPath): ChildProcess {
  const command = pin ? 'taskset' : node;
  const argv = pin ? ['-c', '0', node, ...args] : args;
  const child = spawn(command, argv, { cwd, env: { ...process.env, LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  child.on('exit', (code) => {
    if (code !== null && code !== 0) console.error(`[bench] ${name} exited ${code}:\n${output.slice(-2000)}`);
  });
  children.push(child);
  return child;
}

async function waitFor(url: string, timeoutMs: number, path = '/health') {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(url + path)).status < 500) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`${url} did not start within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function post(url: string, body: string): Promise<{ status: number; text: string }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body });
  return { status: response.status, text: await response.text() };
}

/** The baseline commit, checked out and installed in a temporary directory (removed at the end). */
async function prepareBaseline(): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'modelgraph-baseline-'));
  rmSync(dir, { recursive: true });
  execFileSync('git', ['worktree', 'add', '--detach', dir, BASELINE], { cwd: ROOT, stdio: 'ignore' });
  cleanups.push(() => {
    execFileSync('git', ['worktree', 'remove', '--force', dir], { cwd: ROOT, stdio: 'ignore' });
  });
  await promisify(execFile)('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir });
  return dir;
}

async function main() {
  const tag = randomBytes(4).toString('hex');
  const loadBefore = loadavg();
  log(`databases${wanted('B') ? ` and the baseline (${BASELINE})` : ''}${wanted('V5') ? ', PostGraphile' : ''}`);
  const databaseUrl = await createDatabase(`modelgraph_bench_${tag}`);
  const baselineUrl = wanted('B') ? await createDatabase(`modelgraph_bench_base_${tag}`) : '';
  // Installed while the current version seeds its database.
  const baselineReady = wanted('B') ? prepareBaseline() : null;
  const peerReady: Promise<Peer | Error> | null = wanted('V5') ? preparePeer(ROOT).catch((error: unknown) => error as Error) : null;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'modelgraph-bench-pglite-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));

  const server = ['--import', 'tsx', 'src/server.ts'];
  const at = (port: number) => `http://127.0.0.1:${port}`;
  const servers = new Map<string, ChildProcess>();
  const starting: Promise<void>[] = [];
  const begin = (id: string, child: ChildProcess, port: number) => {
    servers.set(id, child);
    starting.push(waitFor(at(port), 180_000));
  };
  // V2 always (its answers are the expected ones), and first: it migrates and seeds the shared database; the others find it seeded.
  const v2 = startServer('V2', ROOT, server, { DATABASE_URL: databaseUrl, PORT: String(PORT + 2), RESPONSE_CACHE: 'off' });
  await waitFor(at(PORT + 2), 180_000);
  if (wanted('V1')) begin('V1', startServer('V1', ROOT, ['--import', 'tsx', 'bench/database-floor.ts'], { DATABASE_URL: databaseUrl, PORT: String(PORT + 1) }), PORT + 1);
  if (wanted('V3')) begin('V3', startServer('V3', ROOT, server, { DATABASE_URL: databaseUrl, PORT: String(PORT + 3), RESPONSE_CACHE: 'off', GRAPHQL_JIT: 'on' }), PORT + 3);
  if (wanted('V4')) begin('V4', startServer('V4', ROOT, server, { DATABASE_URL: databaseUrl, PORT: String(PORT + 4) }), PORT + 4);
  if (wanted('V6')) begin('V6', startServer('V6', ROOT, server, { DATA_DIR: dataDir, PORT: String(PORT + 6), RESPONSE_CACHE: 'off' }), PORT + 6);
  const peer = peerReady ? await peerReady : null;
  if (peer instanceof Error) console.warn(`[bench] V5 not run: ${peer.message}`);
  else if (peer) begin('V5', startServer('V5', peer.dir, [peer.server], { DATABASE_URL: databaseUrl, PORT: String(PORT + 5), GRAPHILE_ENV: 'production' }, peer.node), PORT + 5);
  const baselineDir = baselineReady ? await baselineReady : null;
  if (baselineDir) begin('B', startServer('baseline', baselineDir, server, { DATABASE_URL: baselineUrl, PORT: String(PORT + 7) }), PORT + 7);
  await Promise.all(starting);
  log('servers up');

  const queries = benchQueries(ROOT).filter((q) => !ONLY_QUERIES || ONLY_QUERIES.includes(q.id));
  const baselineQueries = new Map((baselineDir ? benchQueries(baselineDir) : []).map((q) => [q.id, q]));
  // The expected answers: Modelgraph's own, uncached, with no error.
  const expected = new Map<string, { json: unknown; bytes: number }>();
  for (const query of queries) {
    const { status, text } = await post(`${at(PORT + 2)}/graphql`, JSON.stringify(query.body));
    const json = JSON.parse(text) as { errors?: unknown };
    if (status !== 200 || json.errors) throw new Error(`${query.id} does not answer cleanly: ${text.slice(0, 500)}`);
    expected.set(query.id, { json, bytes: Buffer.byteLength(text) });
  }
  if (wanted('V0')) {
    const floorFile = path.join(dataDir, 'wire-floor.json');
    writeFileSync(floorFile, JSON.stringify(Object.fromEntries(queries.map((q) => [q.id, JSON.stringify(expected.get(q.id)!.json)]))));
    servers.set('V0', startServer('V0', ROOT, ['--import', 'tsx', 'bench/wire-floor.ts'], { PORT: String(PORT), WIRE_FLOOR_RESPONSES: floorFile }));
    await waitFor(at(PORT), 30_000, '/none');
  }

  const onlyQ1Q2 = (who: string) => (q: BenchQuery) => (q.id === 'Q1' || q.id === 'Q2' ? null : `${who} answers Q1 and Q2 only`);
  const graphql = (port: number) => () => `${at(port)}/graphql`;
  const all: Variant[] = [
    { id: 'V0', title: 'wire floor: bare node:http sending the precomputed bytes', pid: 0, url: (q) => `${at(PORT)}/${q.id}`, body: (q) => q.body, gate: 'expected' },
    {
      id: 'V1',
      title: 'database floor: bare node:http and pg (a pool of 10), one hand-written SQL statement per query building the whole JSON in PostgreSQL (bench/database-floor.ts); Q1 and Q2 only',
      pid: 0,
      url: (q) => `${at(PORT + 1)}/${q.id}`,
      body: (q) => q.body,
      gate: 'expected',
      notMeasured: onlyQ1Q2('the database floor'),
    },
    { id: 'V2', title: 'Modelgraph on PostgreSQL, response cache off', pid: 0, url: graphql(PORT + 2), body: (q) => q.body, gate: 'expected' },
    { id: 'V3', title: 'Modelgraph on PostgreSQL, response cache off, graphql-jit (GRAPHQL_JIT=on)', pid: 0, url: graphql(PORT + 3), body: (q) => q.body, gate: 'expected' },
    { id: 'V4', title: 'Modelgraph on PostgreSQL, response cache warm (in memory)', pid: 0, url: graphql(PORT + 4), body: (q) => q.body, gate: 'expected' },
    {
      id: 'V5',
      title:
        peer && !(peer instanceof Error)
          ? `peer: PostGraphile ${peer.versions.postgraphile} (grafast ${peer.versions.grafast}, amber preset) on Node ${peer.versions.node}, same database, pool of 10 (bench/peer/); Q1 and Q2 only, as PostGraphile spells them; gate: the same data as Modelgraph's answer (models in order, their routes with provider, status and price, their scores)`
          : 'peer: PostGraphile',
      pid: 0,
      url: graphql(PORT + 5),
      body: peerBody,
      gate: sameDataAsModelgraph,
      notMeasured: peer instanceof Error ? () => `PostGraphile could not be installed: ${peer.message}` : onlyQ1Q2('the peer'),
    },
    { id: 'V6', title: 'Modelgraph on PGlite, response cache off', pid: 0, url: graphql(PORT + 6), body: (q) => q.body, gate: 'expected' },
    {
      id: 'B',
      title: `baseline: commit ${BASELINE} on PostgreSQL (its own comparison page and catalog)`,
      pid: 0,
      url: graphql(PORT + 7),
      body: (q) => baselineQueries.get(q.id)?.body ?? q.body,
      gate: 'no-errors',
    },
  ];
  servers.set('V2', v2);
  // Those asked for; V5 listed even when it could not be installed, with the reason.
  const variants = all.filter((v) => wanted(v.id) && (servers.has(v.id) || v.id === 'V5'));
  for (const v of variants) v.pid = servers.get(v.id)?.pid ?? 0;

  /** The gate: 200, no errors, and the expected JSON (the baseline: no more; the peer: the same data). */
  const gate = async (variant: Variant, query: BenchQuery): Promise<string | null> => {
    const { status, text } = await post(variant.url(query), JSON.stringify(variant.body(query)));
    if (status !== 200) return `HTTP ${status}`;
    const json = JSON.parse(text) as { errors?: { message: string }[] };
    if (json.errors) return `errors: ${json.errors[0]?.message}`;
    const modelgraph = expected.get(query.id)!.json;
    if (typeof variant.gate === 'function') return variant.gate(query.id, json, modelgraph);
    if (variant.gate === 'expected' && !isDeepStrictEqual(withoutAsOf(json), withoutAsOf(modelgraph))) return 'differs from the expected JSON';
    return null;
  };

  const refused = new Map<string, string>();
  const pairs = variants.flatMap((variant) =>
    queries.flatMap((query) => {
      const reason = variant.notMeasured?.(query);
      if (reason) refused.set(`${variant.id}/${query.id}`, reason);
      return reason ? [] : [{ variant, query }];
    }),
  );
  log('gate and warm-up');
  for (const { variant, query } of pairs) {
    const problem = await gate(variant, query);
    if (problem) {
      refused.set(`${variant.id}/${query.id}`, problem);
      continue;
    }
    await load(variant.url(query), JSON.stringify(variant.body(query)), 1, CONNECTIONS);
  }
  const samples = new Map<string, (Sample | null)[]>();
  for (let round = 0; round < ROUNDS; round++) {
    log(`round ${round + 1} of ${ROUNDS}`);
    for (const { variant, query } of shuffled(pairs)) {
      const key = `${variant.id}/${query.id}`;
      if (refused.has(key)) continue;
      const list = samples.get(key) ?? samples.set(key, []).get(key)!;
      if (await gate(variant, query)) {
        list.push(null);
        continue;
      }
      const sample = await load(variant.url(query), JSON.stringify(variant.body(query)), SECONDS, CONNECTIONS, variant.pid);
      // No answer within the window (a stalled machine) would make a ratio infinite: void too.
      list.push(sample.failures > 0 || sample.requests === 0 ? null : sample);
    }
  }

  log('statements per request');
  const statements = await countStatements(databaseUrl, queries);
  const measured: Measured = {
    date: new Date(),
    durationSeconds: 0,
    machine: { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGb: totalmem() / 2 ** 30, loadBefore, loadAfter: loadavg(), pinned: pin },
    versions: {
      node: process.version,
      postgres: await serverVersion(),
      baselineCommit: wanted('B') ? execFileSync('git', ['rev-parse', BASELINE], { cwd: ROOT }).toString().trim() : null,
      head: execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT }).toString().trim(),
    },
    settings: { seconds: SECONDS, rounds: ROUNDS, connections: CONNECTIONS },
    filter: PARTIAL ? { variants: ONLY_VARIANTS ?? null, queries: ONLY_QUERIES ?? null } : null,
    variants,
    queries,
    samples,
    refused,
    statements,
    bytes: new Map(queries.map((q) => [q.id, expected.get(q.id)!.bytes])),
  };
  measured.durationSeconds = (Date.now() - started) / 1000;
  writeResults(OUTPUT, measured);
  log(`${path.relative(ROOT, OUTPUT)} written`);
}

async function serverVersion(): Promise<string> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return (await client.query<{ server_version: string }>('show server_version')).rows[0]!.server_version;
  } finally {
    await client.end();
  }
}

/**
 * The comparison states the moment it priced at (`asOf`, now by default): the
 * one field that differs between two correct answers a moment apart (and that
 * a cached answer keeps from when it was computed).
 */
function withoutAsOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutAsOf);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).flatMap(([k, v]) => (k === 'asOf' ? [] : [[k, withoutAsOf(v)]])));
}

function shuffled<T>(items: T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

try {
  await main();
} finally {
  await cleanUp();
}
