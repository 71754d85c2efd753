import { AsyncLocalStorage } from 'node:async_hooks';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { type Dialect, type Driver, type KyselyConfig, Kysely, PostgresDialect, type PostgresPool, type PostgresPoolClient } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import { type Database as DatabaseConfig, DEFAULT_DATABASE_LIMITS, type DatabaseLimits, type ReadReplica } from '../config.js';
import { type ConnectionStats, countingConnections, registerConnectionStats, wrappingDriver } from './connection-stats.js';
import { lockDataDir } from './data-dir-lock.js';
import type { Database } from './database.js';
import { typeParsers } from './type-parsers.js';

export type Db = Kysely<Database>;

export interface DbOptions {
  /** Kysely's log hook: tests use it to count statements. */
  log?: KyselyConfig['log'];
  /** PostgreSQL only: the schema to work in (tests isolate each file in its own). */
  searchPath?: string;
  /** PostgreSQL only: pool size and timeouts (defaults: DEFAULT_DATABASE_LIMITS). */
  limits?: Partial<DatabaseLimits>;
  /** PostgreSQL only: the application_name the connections show in pg_stat_activity. */
  applicationName?: string;
  /** Where connection errors are reported (default: console.error). */
  onConnectionError?: (message: string) => void;
  /** PostgreSQL only: every session read-only (default_transaction_read_only), so a write fails rather than lands. */
  readOnly?: boolean;
}

/**
 * How long after the statement timeout the client itself gives up on a query.
 * PostgreSQL cancels a slow statement itself (57014); a database that is hung
 * or unreachable mid-query answers nothing, and only this guard ends the wait.
 */
export const QUERY_TIMEOUT_MARGIN_MS = 1000;

/**
 * One Kysely instance per database; `db.destroy()` closes the pool or the
 * PGlite instance. A PGlite data directory is locked for the instance's life
 * (src/db/data-dir-lock.ts): a second process opening it is refused.
 */
export async function openDatabase(config: DatabaseConfig, options: DbOptions = {}): Promise<Db> {
  return config.kind === 'postgres'
    ? openPostgres(config.url, { ...options, limits: { ...config.limits, ...options.limits } })
    : openPGlite({ dataDir: config.dataDir }, options);
}

/** Queries run inside `withoutQueryTimeout` skip the client-side guard (see there). */
const unguarded = new AsyncLocalStorage<true>();

/**
 * Runs `fn` without the client-side query guard: for work that sets
 * `statement_timeout = 0` on its session on purpose (migrating and seeding at
 * start, imports), whose statements and lock waits may take minutes.
 */
export function withoutQueryTimeout<T>(fn: () => Promise<T>): Promise<T> {
  return unguarded.run(true, fn);
}

/**
 * The read replica's instance (DATABASE_READ_URL): a pool of its own with the
 * primary's timeouts and type parsers. Its sessions are read-only: a write
 * sent there by mistake fails at once, whatever database the URL names, rather
 * than landing where the primary never sees it.
 */
export function openReadReplica(replica: ReadReplica, options: DbOptions = {}): Db {
  return openPostgres(replica.url, {
    applicationName: 'modelgraph-reads',
    ...options,
    limits: { ...replica.limits, ...options.limits },
    readOnly: true,
  });
}

export function openPostgres(url: string, options: DbOptions = {}): Db {
  const limits = { ...DEFAULT_DATABASE_LIMITS, ...options.limits };
  const report = options.onConnectionError ?? ((message: string) => console.error(message));
  const settings = [
    '-c TimeZone=UTC',
    `-c statement_timeout=${limits.statementTimeoutMs}`,
    `-c idle_in_transaction_session_timeout=${limits.idleInTransactionTimeoutMs}`,
  ];
  if (options.searchPath) settings.push(`-c search_path=${options.searchPath}`);
  if (options.readOnly) settings.push('-c default_transaction_read_only=on');
  const pool = new pg.Pool({
    connectionString: url,
    options: settings.join(' '),
    max: limits.poolSize,
    // Both a new connection and a wait for a free one in a full pool (0: wait forever).
    connectionTimeoutMillis: limits.connectTimeoutMs,
    keepAlive: true,
    application_name: options.applicationName ?? 'modelgraph',
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        typeParsers[oid] ?? pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // A connection lost while idle (a restart, pg_terminate_backend: 57P01) or in use
  // must never crash the process: log it once; the pool drops the client and the
  // next query opens a new connection.
  const reported = new WeakSet<object>();
  const onError = (error: Error & { code?: string }) => {
    if (reported.has(error)) return;
    reported.add(error);
    report(`[db] PostgreSQL connection lost${error.code ? ` (${error.code})` : ''}: ${error.message}; the pool will reconnect`);
  };
  pool.on('error', onError);
  pool.on('connect', (client) => client.on('error', onError));
  const guardMs = limits.statementTimeoutMs > 0 ? limits.statementTimeoutMs + QUERY_TIMEOUT_MARGIN_MS : 0;
  return withConnectionStats(new PostgresDialect({ pool: guardedPool(pool, guardMs) }), options);
}

/** The Kysely instance over `dialect`, its connections counted for /metrics (src/db/connection-stats.ts). */
function withConnectionStats(dialect: Dialect, options: DbOptions): Db {
  const stats: ConnectionStats = { inUse: 0, waiting: 0 };
  const db = new Kysely<Database>({ dialect: wrappingDriver(dialect, (driver) => countingConnections(driver, stats)), log: options.log });
  return registerConnectionStats(db, stats);
}

/**
 * The pool Kysely sees: every query races a timer of `guardMs` (none when 0,
 * or inside `withoutQueryTimeout`). A query that loses rejects with "Query
 * read timeout", and its connection, still waiting on the database, is
 * closed and dropped from the pool rather than reused.
 */
function guardedPool(pool: pg.Pool, guardMs: number): PostgresPool {
  return {
    end: () => pool.end(),
    async connect(): Promise<PostgresPoolClient> {
      const client = await pool.connect();
      let timedOut = false;
      const query = (...args: unknown[]): unknown => {
        const run = () => (client.query as (...a: unknown[]) => unknown)(...args);
        if (guardMs === 0 || typeof args[0] !== 'string' || unguarded.getStore()) return run();
        let timer: NodeJS.Timeout | undefined;
        const guard = new Promise<never>((_, reject) => {
          timer = setTimeout(() => {
            timedOut = true;
            reject(Object.assign(new Error(`Query read timeout: no answer from the database in ${guardMs} ms`), { code: 'ETIMEDOUT' }));
            // Close the socket now (as pg-pool does on a connect timeout): a half-open
            // connection to a hung server would otherwise linger until TCP gives up.
            (client as unknown as { connection?: { stream?: { destroy?: () => void } } }).connection?.stream?.destroy?.();
          }, guardMs);
        });
        return Promise.race([run() as Promise<unknown>, guard]).finally(() => clearTimeout(timer));
      };
      return {
        query: query as PostgresPoolClient['query'],
        release: () => client.release(timedOut ? new Error('query timed out') : undefined),
      };
    },
  };
}

export async function openPGlite(
  pgliteOptions: Pick<PGliteOptions, 'dataDir' | 'loadDataDir'>,
  options: DbOptions = {},
): Promise<Db> {
  const { dataDir } = pgliteOptions;
  // A directory on disk has one owner at a time; memory:// and friends need no lock.
  const lock = dataDir && !dataDir.includes('://') ? lockDataDir(dataDir) : undefined;
  try {
    const pglite = await PGlite.create({ ...pgliteOptions, parsers: typeParsers });
    // PGlite follows the host's time zone; PostgreSQL servers here run in UTC.
    await pglite.exec(`SET TimeZone TO 'UTC'`);
    const dialect = new PGliteDialect(pglite);
    return withConnectionStats(lock ? releasingOnDestroy(dialect, lock.release) : dialect, options);
  } catch (error) {
    lock?.release();
    throw error;
  }
}

/** The dialect, whose driver also runs `release` once the instance is closed (db.destroy()). */
function releasingOnDestroy(dialect: Dialect, release: () => void): Dialect {
  return wrappingDriver(dialect, (driver: Driver) => {
    const destroy = driver.destroy.bind(driver);
    driver.destroy = async () => {
      try {
        await destroy();
      } finally {
        release();
      }
    };
    return driver;
  });
}
