import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, createApp } from '../../src/app.js';
import { createToken } from '../../src/auth/tokens.js';
import { openResponseCache } from '../../src/cache/open.js';
import { applyDataset } from '../../src/catalog/apply.js';
import { loadDataset } from '../../src/catalog/datasets.js';
import { readCatalogVersion } from '../../src/catalog/version.js';
import { DEFAULT_DATABASE_LIMITS } from '../../src/config.js';
import { type Db, openPostgres, openReadReplica } from '../../src/db/client.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { createTestApp, postGraphQL, type TestApp } from '../support/app.js';
import { testCacheConfig } from '../support/response-cache.js';
import { spawnTs, startServer } from '../support/server-process.js';

/**
 * DATABASE_READ_URL (issue 11): the GraphQL reads go to a replica, writes and
 * what must see its own write to the primary. The "replica" here is a second
 * database on the same server holding a catalog that differs from the
 * primary's (one model renamed), so where each answer was read is visible.
 */

const MODEL = 'llama-3.1-8b-instruct';
const ON_THE_PRIMARY = 'Llama 3.1 8B Instruct';
const ON_THE_REPLICA = 'Llama 3.1 8B Instruct (replica)';
const silent = { debug() {}, info() {}, warn() {}, error() {} };

const exitOf = (child: ReturnType<typeof spawnTs>) => {
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  return new Promise<{ code: number | null; output: string }>((resolve) => child.on('exit', (code) => resolve({ code, output })));
};

it('the server refuses DATABASE_READ_URL on PGlite (no DATABASE_URL) before opening anything, saying why', async () => {
  const parent = await mkdtemp(path.join(tmpdir(), 'modelgraph-replica-'));
  try {
    const dataDir = path.join(parent, 'data');
    const { code, output } = await exitOf(spawnTs('src/server.ts', [], { PORT: '0', DATA_DIR: dataDir, DATABASE_READ_URL: 'postgres://postgres@127.0.0.1:5432/test' }));
    expect(code).toBe(1);
    expect(output).toContain('[modelgraph] cannot start: DATABASE_READ_URL needs DATABASE_URL');
    expect(output).toContain('the embedded PGlite, which has no replicas');
    expect(existsSync(dataDir)).toBe(false);
  } finally {
    await rm(parent, { recursive: true, force: true });
  }
}, 30_000);

const url = process.env.DATABASE_URL;

/** `url` naming another database of the same server. */
function databaseUrl(name: string): string {
  const other = new URL(url!);
  other.pathname = `/${name}`;
  return other.toString();
}

/** A port of 127.0.0.1 nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const get = async (app: App, route: string) => (await app.fetch(`http://modelgraph.test${route}`)).status;
const nameOn = async (db: Db) => (await db.selectFrom('models').select('name').where('slug', '=', MODEL).executeTakeFirstOrThrow()).name;

describe.skipIf(!url)('PostgreSQL: reads on a replica (DATABASE_READ_URL)', () => {
  const suffix = randomBytes(6).toString('hex');
  const replicaDatabase = `modelgraph_replica_${suffix}`;
  const primaryDatabase = `modelgraph_primary_${suffix}`;
  let admin: Db;
  /** The replica's database, writable: to set it up and to play its replication. */
  let replicaSetup: Db;
  /** The replica as the app opens it. */
  let replica: Db;
  let t: TestApp;
  let writer: string;

  beforeAll(async () => {
    admin = openPostgres(url!);
    await sql`create database ${sql.id(replicaDatabase)}`.execute(admin);
    // Named apart from the server's connections, which the last test counts.
    replicaSetup = openPostgres(databaseUrl(replicaDatabase), { applicationName: 'read-replica-test' });
    await migrateToLatest(replicaSetup);
    await applyDataset(replicaSetup, await loadDataset('seed-page'), { importer: 'seed-page', now: new Date() });
    await replicaSetup.updateTable('models').set({ name: ON_THE_REPLICA }).where('slug', '=', MODEL).execute();
    replica = openReadReplica({ url: databaseUrl(replicaDatabase), limits: DEFAULT_DATABASE_LIMITS }, { applicationName: 'read-replica-test' });
    t = await createTestApp({ app: { replica } });
    // On the primary only: a write that passes its token check read the token there.
    writer = (await createToken(t.db, 'replica-test-bot', ['catalog:write'])).token;
  });
  afterAll(async () => {
    await t?.destroy();
    await replica?.destroy();
    await replicaSetup?.destroy();
    for (const database of [replicaDatabase, primaryDatabase]) await sql`drop database if exists ${sql.id(database)} with (force)`.execute(admin);
    await admin.destroy();
  });

  it('a query reads the replica alone, and its statements are counted', async () => {
    t.resetStatements();
    const { data, errors } = await t.graphql(`query ModelOnReplica { model(slug: "${MODEL}") { name offerings { provider { name } } } }`);
    expect(errors).toBeUndefined();
    expect(data!.model.name).toBe(ON_THE_REPLICA);
    expect(data!.model.offerings.length).toBeGreaterThan(0);
    // The primary's log saw no statement: the model, its routes and their providers were all read on the replica.
    expect(t.statements).toEqual([]);
    const metrics = await (await t.app.fetch('http://modelgraph.test/metrics')).text();
    // Counted although on the replica: the model, then its routes read with their providers.
    expect(Number(/^modelgraph_sql_statements_per_request_sum (\d+)$/m.exec(metrics)?.[1])).toBeGreaterThanOrEqual(2);
    expect(metrics).toMatch(/^modelgraph_db_connections_in_use\{database="replica"\} 0$/m);
    expect(metrics).toMatch(/^modelgraph_db_connections_in_use\{database="primary"\} 0$/m);
  });

  it('a mutation writes the primary and answers what it wrote, loaded fields included; the replica is unchanged until it replays it', async () => {
    const { version } = await t.db.selectFrom('models').select('version').where('slug', '=', MODEL).executeTakeFirstOrThrow();
    const { data, errors } = await t.graphql(
      `mutation ($input: UpdateModelInput!) { updateModel(input: $input) { name version aliases creator { slug } offerings { provider { slug } } } }`,
      { input: { slug: MODEL, expectedVersion: version, name: 'Renamed on the primary', addAliases: ['llama-renamed'] } },
      { token: writer },
    );
    expect(errors).toBeUndefined();
    // `aliases` comes from a loader: on the replica it would lack the alias just added.
    expect(data!.updateModel).toMatchObject({ name: 'Renamed on the primary', version: version + 1, aliases: expect.arrayContaining(['llama-renamed']) });
    expect(await nameOn(t.db)).toBe('Renamed on the primary');
    expect(await nameOn(replicaSetup)).toBe(ON_THE_REPLICA);
    expect(await replicaSetup.selectFrom('model_aliases').select('alias').where('alias', '=', 'llama-renamed').executeTakeFirst()).toBeUndefined();
    // Another request's read, before the replica has replayed the write: what the replica says.
    expect((await t.graphql(`{ model(slug: "${MODEL}") { name } }`)).data!.model.name).toBe(ON_THE_REPLICA);
  });

  it('/ready answers 200 while both databases answer, 503 when the replica is unreachable (and its queries SERVICE_UNAVAILABLE)', async () => {
    expect(await get(t.app, '/ready')).toBe(200);
    const unreachable = openReadReplica({ url: `postgres://postgres@127.0.0.1:${await closedPort()}/modelgraph`, limits: { ...DEFAULT_DATABASE_LIMITS, connectTimeoutMs: 1000 } });
    try {
      const app = createApp({ db: t.db, replica: unreachable, logger: silent });
      expect(await get(app, '/ready')).toBe(503);
      const { errors } = await postGraphQL(app, `{ model(slug: "${MODEL}") { name } }`);
      expect(errors?.map((e) => e.extensions?.code)).toEqual(['SERVICE_UNAVAILABLE']);
      expect(await get(app, '/health')).toBe(200);
    } finally {
      await unreachable.destroy();
    }
  });

  it('the response cache stores an answer only once the replica has the catalog version it is stored under', async () => {
    const version = await readCatalogVersion(t.db);
    // The replica has not replayed the primary's last write yet.
    await replicaSetup.updateTable('catalog_version').set({ version: version - 1 }).execute();
    const cache = await openResponseCache(testCacheConfig(), t.db);
    try {
      const app = createApp({ db: t.db, replica, logger: silent, cache });
      const lookups = async () => {
        const metrics = await (await app.fetch('http://modelgraph.test/metrics')).text();
        const count = (result: string) => Number(new RegExp(`^modelgraph_response_cache_lookups_total\\{result="${result}"\\} (\\d+)$`, 'm').exec(metrics)?.[1]);
        return { hit: count('hit'), miss: count('miss') };
      };
      const read = async () => (await postGraphQL(app, `{ model(slug: "${MODEL}") { name } }`)).data!.model.name;
      expect([await read(), await read()]).toEqual([ON_THE_REPLICA, ON_THE_REPLICA]);
      expect(await lookups()).toEqual({ hit: 0, miss: 2 });
      // The replica replays the write (its name too): the next answer is stored, and served.
      await replicaSetup.transaction().execute(async (trx) => {
        await trx.updateTable('catalog_version').set({ version }).execute();
        await trx.updateTable('models').set({ name: 'Renamed on the primary' }).where('slug', '=', MODEL).execute();
      });
      expect([await read(), await read()]).toEqual(['Renamed on the primary', 'Renamed on the primary']);
      expect(await lookups()).toEqual({ hit: 1, miss: 3 });
    } finally {
      await cache.close();
    }
  });

  it('the server reads the replica, refuses to start on one it cannot read, and closes both pools when it stops', async () => {
    await sql`create database ${sql.id(primaryDatabase)}`.execute(admin);
    const dataDir = await mkdtemp(path.join(tmpdir(), 'modelgraph-replica-'));
    const serverConnections = async () => {
      const { rows } = await sql<{ datname: string }>`select datname from pg_stat_activity where datname in (${primaryDatabase}, ${replicaDatabase}) and application_name like 'modelgraph%'`.execute(admin);
      return { primary: rows.filter((r) => r.datname === primaryDatabase).length, replica: rows.filter((r) => r.datname === replicaDatabase).length };
    };
    const env = { DATABASE_URL: databaseUrl(primaryDatabase), MODELGRAPH_DATASET: 'seed-page', RESPONSE_CACHE: 'off' };
    const primary = openPostgres(databaseUrl(primaryDatabase), { applicationName: 'read-replica-test' });
    try {
      const server = await startServer(dataDir, { ...env, DATABASE_READ_URL: databaseUrl(replicaDatabase) });
      try {
        expect(server.output()).toContain('reads from the replica at DATABASE_READ_URL');
        const query = JSON.stringify({ query: `{ model(slug: "${MODEL}") { name } }` });
        const answer = (await (await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: query })).json()) as any;
        // The server seeded its primary; the answer is the replica's.
        expect(await nameOn(primary)).toBe(ON_THE_PRIMARY);
        expect(answer.data.model.name).toBe(await nameOn(replicaSetup));
        expect(answer.data.model.name).not.toBe(ON_THE_PRIMARY);
        expect((await fetch(server.url.replace('/graphql', '/ready'))).status).toBe(200);
        const open = await serverConnections();
        expect(open.primary).toBeGreaterThanOrEqual(1);
        expect(open.replica).toBeGreaterThanOrEqual(1);
      } finally {
        expect(await server.stop()).toBe(0);
      }
      expect(server.output()).toContain('database closed');
      expect(await serverConnections()).toEqual({ primary: 0, replica: 0 });

      const refused = await exitOf(
        spawnTs('src/server.ts', [], { ...env, PORT: '0', DATA_DIR: dataDir, DATABASE_READ_URL: `postgres://postgres@127.0.0.1:${await closedPort()}/modelgraph` }),
      );
      expect(refused.code).toBe(1);
      expect(refused.output).toContain('[modelgraph] cannot start: the read replica (DATABASE_READ_URL) cannot be read');
    } finally {
      await primary.destroy();
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 90_000);
});
