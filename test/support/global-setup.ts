import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import type { TestProject } from 'vitest/node';
import { migrateToLatest } from '../../src/db/migrate.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Path of a dumped, migrated PGlite data directory (absent when DATABASE_URL is set). */
    pgliteTemplate: string | null;
  }
}

/**
 * PGlite runs initdb at every fresh start (3–4 s); loading a dumped data
 * directory takes about half a second. So migrate once here and let every
 * test file load the dump. With DATABASE_URL, files use PostgreSQL schemas.
 */
export default async function setup(project: TestProject) {
  if (process.env.DATABASE_URL) {
    project.provide('pgliteTemplate', null);
    return;
  }
  const directory = await mkdtemp(path.join(tmpdir(), 'modelgraph-test-'));
  const file = path.join(directory, 'template.tar');
  const pglite = await PGlite.create();
  const db = new Kysely<any>({ dialect: new PGliteDialect(pglite) });
  await migrateToLatest(db);
  const dump = await pglite.dumpDataDir('none');
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  await db.destroy();
  project.provide('pgliteTemplate', file);
  return async () => {
    await rm(directory, { recursive: true, force: true });
  };
}
