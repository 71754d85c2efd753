import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { LogEvent } from 'kysely';
import { sql } from 'kysely';
import { inject } from 'vitest';
import { type Db, openPGlite, openPostgres } from '../../src/db/client.js';
import { migrateToLatest } from '../../src/db/migrate.js';

export type Backend = 'pglite' | 'postgres';

export interface TestDatabase {
  db: Db;
  backend: Backend;
  /** PostgreSQL: the file's own schema; PGlite: undefined (the whole database is the file's). */
  schema?: string;
  /** Every SQL statement run since the last `resetStatements()`. */
  statements: string[];
  resetStatements(): void;
  destroy(): Promise<void>;
}

/**
 * A migrated, empty database of its own for one test file: a copy of the
 * PGlite template, or (DATABASE_URL set) a fresh schema in PostgreSQL that is
 * dropped afterwards.
 */
/**
 * Kysely's migrator looks for its table by listing the tables of every
 * schema; when another test file drops its schema during that listing,
 * PostgreSQL answers "schema … does not exist" (3F000) for the other file's
 * schema. That is a race between test files, not a migration problem: try again.
 */
async function migrateWhileOthersDrop(db: Db, schema: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await migrateToLatest(db, { schema });
      return;
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause;
      if (attempt >= 5 || cause?.code !== '3F000') throw error;
    }
  }
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const statements: string[] = [];
  const log = (event: LogEvent) => {
    if (event.level === 'query') statements.push(event.query.sql);
  };
  const url = process.env.DATABASE_URL;
  if (url) {
    const schema = `test_${randomBytes(6).toString('hex')}`;
    const admin = openPostgres(url);
    await sql`create schema ${sql.id(schema)}`.execute(admin);
    await admin.destroy();
    const db = openPostgres(url, { searchPath: schema, log });
    await migrateWhileOthersDrop(db, schema);
    statements.length = 0;
    return {
      db,
      backend: 'postgres',
      schema,
      statements,
      resetStatements: () => void (statements.length = 0),
      destroy: async () => {
        await sql`drop schema ${sql.id(schema)} cascade`.execute(db);
        await db.destroy();
      },
    };
  }
  const template = inject('pgliteTemplate');
  if (!template) throw new Error('The PGlite template was not built (test/support/global-setup.ts).');
  const db = await openPGlite({ loadDataDir: new Blob([await readFile(template)]) }, { log });
  return {
    db,
    backend: 'pglite',
    statements,
    resetStatements: () => void (statements.length = 0),
    destroy: () => db.destroy(),
  };
}
