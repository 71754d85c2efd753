import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { isCatalogEmpty, seedDataset, withCatalogLock } from '../../src/catalog/seed.js';
import { openPGlite, openPostgres } from '../../src/db/client.js';
import { DataDirLockedError, LOCK_FILE, lockDataDir } from '../../src/db/data-dir-lock.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { spawnTs, startServer } from '../support/server-process.js';

/**
 * One owner per PGlite data directory (a lock file taken by the server and
 * every CLI, src/db/data-dir-lock.ts), and, on PostgreSQL, one seeder per
 * schema (the catalog's advisory lock, src/db/advisory-lock.ts).
 */

const ROOT = path.resolve(import.meta.dirname, '../..');
let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'modelgraph-owner-'));
});
afterAll(() => rm(tmp, { recursive: true, force: true }));

function run(script: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawnTs(script, args, env);
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

const post = async (url: string, query: string) =>
  (await (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) })).json()) as any;

/** The PID of a process that ran and is gone. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid!;
}

describe('a PGlite data directory has one owner', () => {
  it('the import CLI is refused while the server holds the directory: exit 1, the holder named, nothing written', async () => {
    const dataDir = path.join(tmp, 'served');
    const server = await startServer(dataDir, { MODELGRAPH_DATASET: 'seed-page' });
    try {
      const lock = JSON.parse(await readFile(path.join(dataDir, LOCK_FILE), 'utf8'));
      expect(lock).toMatchObject({ pid: server.pid, host: hostname(), command: expect.stringContaining('server.ts') });
      expect((await post(server.url, '{ models { totalCount } }')).data.models.totalCount).toBe(2);

      const refused = await run('src/catalog/cli.ts', ['catalog'], { DATA_DIR: dataDir });
      expect(refused.code).toBe(1);
      expect(refused.output).toContain(`Import failed, nothing was written: the data directory ${dataDir} is in use by PID ${server.pid}`);
      expect(refused.output).toContain(`stop the server (PID ${server.pid}) or point DATA_DIR elsewhere; to import into a running server's catalog, stop it first`);
      expect(refused.output).not.toMatch(/\n\s+at /); // a message, not a stack trace

      // A second server is refused the same way, before it listens.
      const second = await run('src/server.ts', [], { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, MODELGRAPH_DATASET: 'seed-page' });
      expect(second.code).toBe(1);
      expect(second.output).toContain(`cannot start: the data directory ${dataDir} is in use by PID ${server.pid}`);

      // The server still serves, unchanged, and still holds the directory.
      expect((await post(server.url, '{ models { totalCount } }')).data.models.totalCount).toBe(2);
      expect(JSON.parse(await readFile(path.join(dataDir, LOCK_FILE), 'utf8')).pid).toBe(server.pid);
    } finally {
      expect(await server.stop()).toBe(0);
    }
    // Released on exit; the catalog holds the server's seed alone.
    expect(existsSync(path.join(dataDir, LOCK_FILE))).toBe(false);
    const db = await openPGlite({ dataDir });
    try {
      const imports = await db.selectFrom('catalog_imports').select('importer').execute();
      expect(imports).toEqual([{ importer: 'seed-page' }]);
    } finally {
      await db.destroy();
    }
    // Once the server has stopped, the import runs.
    const imported = await run('src/catalog/cli.ts', ['seed-page'], { DATA_DIR: dataDir });
    expect(imported.output).toMatch(/Imported "seed-page"/);
    expect(imported.code).toBe(0);
    expect(existsSync(path.join(dataDir, LOCK_FILE))).toBe(false);
  }, 120_000);

  it('takes over a stale lock (its PID is gone) with a warning', async () => {
    const dataDir = path.join(tmp, 'stale');
    await mkdir(dataDir, { recursive: true });
    const pid = await deadPid();
    await writeFile(path.join(dataDir, LOCK_FILE), JSON.stringify({ pid, host: hostname(), command: 'src/server.ts', since: '2026-01-01T00:00:00.000Z' }));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const db = await openPGlite({ dataDir });
      try {
        expect(warn).toHaveBeenCalledWith(expect.stringContaining(`took over a stale lock on ${dataDir}: PID ${pid} on ${hostname()}`));
        expect(JSON.parse(await readFile(path.join(dataDir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
        await sql`select 1`.execute(db);
      } finally {
        await db.destroy();
      }
    } finally {
      warn.mockRestore();
    }
    expect(existsSync(path.join(dataDir, LOCK_FILE))).toBe(false);
  });

  it('the CLI takes over a stale lock too', async () => {
    const dataDir = path.join(tmp, 'stale-cli');
    await mkdir(dataDir, { recursive: true });
    const pid = await deadPid();
    await writeFile(path.join(dataDir, LOCK_FILE), JSON.stringify({ pid, host: hostname(), command: 'src/catalog/cli.ts catalog', since: '2026-01-01T00:00:00.000Z' }));
    const imported = await run('src/catalog/cli.ts', ['seed-page'], { DATA_DIR: dataDir });
    expect(imported.code).toBe(0);
    expect(imported.output).toContain(`took over a stale lock on ${dataDir}: PID ${pid}`);
    expect(existsSync(path.join(dataDir, LOCK_FILE))).toBe(false);
  }, 60_000);

  it.each([
    ['a free directory', false],
    ['a stale lock', true],
  ])('of 6 processes locking %s at once, exactly one gets it', async (_, stale) => {
    const dataDir = path.join(tmp, `race-${randomBytes(4).toString('hex')}`);
    await mkdir(dataDir, { recursive: true });
    if (stale) await writeFile(path.join(dataDir, LOCK_FILE), JSON.stringify({ pid: await deadPid(), host: hostname(), command: 'gone', since: 'then' }));
    // All try at one instant (once loaded), and whoever gets it holds it a while, so every other one tries while it holds it.
    const script = `
      const { lockDataDir } = await import('./src/db/data-dir-lock.ts');
      await new Promise((r) => setTimeout(r, Math.max(0, Number(process.argv[2]) - Date.now())));
      try { lockDataDir(process.argv[1], () => {}); console.log('locked'); await new Promise((r) => setTimeout(r, 1500)); }
      catch (error) { console.log(error.name); }`;
    const at = String(Date.now() + 4000);
    const outcomes = await Promise.all(
      Array.from({ length: 6 }, () =>
        new Promise<string>((resolve, reject) => {
          const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, dataDir, at], { cwd: ROOT });
          let out = '';
          child.stdout.on('data', (chunk) => (out += chunk));
          child.on('error', reject);
          child.on('close', () => resolve(out.trim()));
        }),
      ),
    );
    expect(outcomes.filter((o) => o === 'locked')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'DataDirLockedError')).toHaveLength(5);
    expect(existsSync(path.join(dataDir, LOCK_FILE))).toBe(false);
  }, 60_000);

  describe('lockDataDir', () => {
    const dir = async () => {
      const d = path.join(tmp, `unit-${randomBytes(4).toString('hex')}`);
      await mkdir(d, { recursive: true });
      return d;
    };
    const writeLock = (d: string, owner: object) => writeFile(path.join(d, LOCK_FILE), JSON.stringify(owner));

    it('refuses while a live process holds it, naming the PID', async () => {
      const d = await dir();
      // A live process of this host: the test runner's parent.
      await writeLock(d, { pid: process.ppid, host: hostname(), command: 'src/server.ts', since: '2026-01-01T00:00:00.000Z' });
      expect(() => lockDataDir(d)).toThrow(DataDirLockedError);
      expect(() => lockDataDir(d)).toThrow(`is in use by PID ${process.ppid} (src/server.ts, since 2026-01-01T00:00:00.000Z)`);
      expect(JSON.parse(await readFile(path.join(d, LOCK_FILE), 'utf8')).pid).toBe(process.ppid); // untouched
    });

    it('refuses a second lock in the same process, and locks again once released', async () => {
      const d = await dir();
      const lock = lockDataDir(d);
      expect(() => lockDataDir(d)).toThrow(DataDirLockedError);
      lock.release();
      lock.release(); // idempotent
      expect(existsSync(lock.file)).toBe(false);
      lockDataDir(d).release();
    });

    it('a lock with this very PID that this process does not hold is stale (a restarted container)', async () => {
      const d = await dir();
      await writeLock(d, { pid: process.pid, host: hostname(), command: 'src/server.ts', since: '2026-01-01T00:00:00.000Z' });
      const warnings: string[] = [];
      lockDataDir(d, (m) => warnings.push(m)).release();
      expect(warnings).toHaveLength(1);
    });

    it("another host's lock: held while its heartbeat is fresh, stale a minute after", async () => {
      const d = await dir();
      await writeLock(d, { pid: 1, host: 'elsewhere', command: 'src/server.ts', since: '2026-01-01T00:00:00.000Z' });
      expect(() => lockDataDir(d)).toThrow(`is in use by PID 1 on host elsewhere`);
      const old = new Date(Date.now() - 120_000);
      await utimes(path.join(d, LOCK_FILE), old, old);
      const warnings: string[] = [];
      lockDataDir(d, (m) => warnings.push(m)).release();
      expect(warnings[0]).toContain('PID 1 on elsewhere');
    });

    it('leaves a lock it no longer owns in place on release', async () => {
      const d = await dir();
      const lock = lockDataDir(d);
      // Someone removed it by hand and another process took it.
      await writeLock(d, { pid: process.ppid, host: hostname(), command: 'other', since: 'now' });
      lock.release();
      expect(JSON.parse(await readFile(lock.file, 'utf8')).command).toBe('other');
    });
  });
});

const url = process.env.DATABASE_URL;
describe.skipIf(!url)('PostgreSQL: two instances starting together seed once', () => {
  it('two pools checking and seeding the same empty schema at once: one seeds, the other finds it seeded', async () => {
    const schema = `test_${randomBytes(6).toString('hex')}`;
    const admin = openPostgres(url!);
    await sql`create schema ${sql.id(schema)}`.execute(admin);
    // Separate pools, as two servers would have; each with the server's default timeouts.
    const a = openPostgres(url!, { searchPath: schema });
    const b = openPostgres(url!, { searchPath: schema });
    try {
      const start = (db: typeof a) =>
        withCatalogLock(db, async (session) => {
          await migrateToLatest(session, { schema });
          if (!(await isCatalogEmpty(session))) return 'found it seeded';
          await seedDataset(session, 'seed-page');
          return 'seeded';
        });
      const outcomes = await Promise.all([start(a), start(b)]);
      expect(outcomes.sort()).toEqual(['found it seeded', 'seeded']);
      const imports = await sql<{ n: number }>`select count(*)::int as n from ${sql.id(schema, 'catalog_imports')}`.execute(admin);
      expect(imports.rows[0]!.n).toBe(1);
      const models = await sql<{ n: number }>`select count(*)::int as n from ${sql.id(schema, 'models')}`.execute(admin);
      expect(models.rows[0]!.n).toBe(2);
      // The lock's session got its statement timeout back before returning to the pool.
      expect((await sql<{ statement_timeout: string }>`show statement_timeout`.execute(a)).rows[0]!.statement_timeout).toBe('5s');
    } finally {
      await a.destroy();
      await b.destroy();
      await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(admin);
      await admin.destroy();
    }
  });
});
