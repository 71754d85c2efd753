import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createToken, findTokenHolder, hashToken } from '../../src/auth/tokens.js';
import { openPGlite } from '../../src/db/client.js';
import { spawnTs } from '../support/server-process.js';

/**
 * `npm run token`: create prints the token alone on the last line of standard
 * output, the database keeps only its hash, revoke ends it, and the CLI
 * respects the PGlite data directory's single owner like the import does.
 */

let tmp: string;
let dataDir: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'modelgraph-token-'));
  dataDir = path.join(tmp, 'data');
});
afterAll(() => rm(tmp, { recursive: true, force: true }));

function token(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawnTs('src/auth/cli.ts', args, { DATA_DIR: dataDir });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

it('creates a token shown once, kept only as a hash, lists it, and revokes it', async () => {
  const created = await token('create', '--scope', 'catalog:write', '--name', 'ingest-bot');
  expect(created.code, created.stderr).toBe(0);
  const secret = created.stdout.trimEnd().split('\n').at(-1)!;
  expect(secret).toMatch(/^mg_[A-Za-z0-9_-]{43}$/);

  // An unknown scope is refused, before the database is opened.
  const badScope = await token('create', '--scope', 'catalog:read', '--name', 'reader');
  expect([badScope.code, badScope.stderr]).toEqual([1, expect.stringContaining('unknown scope catalog:read')]);

  let db = await openPGlite({ dataDir });
  try {
    const rows = await db.selectFrom('api_tokens').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token_hash).toBe(hashToken(secret));
    expect(JSON.stringify(rows)).not.toContain(secret.slice(3));
    expect(await findTokenHolder(db, secret)).toEqual({ id: rows[0]!.id, name: 'ingest-bot', scopes: ['catalog:write'] });
    await expect(createToken(db, 'ingest-bot', ['tokens:admin'])).rejects.toThrow('already exists');

    // While another process holds the directory, the CLI is refused, naming the holder, and writes nothing.
    const refused = await token('revoke', 'ingest-bot');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`the data directory ${dataDir} is in use by PID ${process.pid}`);
  } finally {
    await db.destroy();
  }

  expect((await token('revoke', 'ingest-bot')).code).toBe(0);
  expect((await token('list')).stdout).toMatch(/ingest-bot\s+catalog:write\s+revoked/);

  db = await openPGlite({ dataDir });
  try {
    expect(await findTokenHolder(db, secret)).toBeNull();
  } finally {
    await db.destroy();
  }
  // Each run starts PGlite in its own process: seconds apiece on a busy machine.
}, 240_000);
