import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { type KyselyConfig, Kysely, PostgresDialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import type { Database as DatabaseConfig } from '../config.js';
import type { Database } from './database.js';
import { typeParsers } from './type-parsers.js';

export type Db = Kysely<Database>;

export interface DbOptions {
  /** Kysely's log hook: tests use it to count statements. */
  log?: KyselyConfig['log'];
  /** PostgreSQL only: the schema to work in (tests isolate each file in its own). */
  searchPath?: string;
}

/** One Kysely instance per database; `db.destroy()` closes the pool or the PGlite instance. */
export async function openDatabase(config: DatabaseConfig, options: DbOptions = {}): Promise<Db> {
  return config.kind === 'postgres'
    ? openPostgres(config.url, options)
    : openPGlite({ dataDir: config.dataDir }, options);
}

export function openPostgres(url: string, options: DbOptions = {}): Db {
  const settings = ['-c TimeZone=UTC'];
  if (options.searchPath) settings.push(`-c search_path=${options.searchPath}`);
  const pool = new pg.Pool({
    connectionString: url,
    options: settings.join(' '),
    max: 10,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        typeParsers[oid] ?? pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client losing its connection (database restart) must not crash the process.
  pool.on('error', (error) => console.error('[db] idle PostgreSQL client error:', error.message));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log: options.log });
}

export async function openPGlite(
  pgliteOptions: Pick<PGliteOptions, 'dataDir' | 'loadDataDir'>,
  options: DbOptions = {},
): Promise<Db> {
  const pglite = await PGlite.create({ ...pgliteOptions, parsers: typeParsers });
  // PGlite follows the host's time zone; PostgreSQL servers here run in UTC.
  await pglite.exec(`SET TimeZone TO 'UTC'`);
  return new Kysely<Database>({ dialect: new PGliteDialect(pglite), log: options.log });
}
