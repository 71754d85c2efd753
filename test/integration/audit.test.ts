import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/catalog/audit/checks.js';
import { loadAcknowledgements, loadAuditInput } from '../../src/catalog/audit/load.js';
import { type ImportReport, runImport } from '../../src/catalog/import.js';
import { openPGlite } from '../../src/db/client.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const MODELS_DEV = path.join(ROOT, 'test/fixtures/models-dev');
const DUPLICATE = path.join(ROOT, 'test/fixtures/audit/models-dev-duplicate');
const HEADER = 'check,subject,reason,source\n';

const OUTLIER = 'llama-3.1-8b-instruct@deepinfra/meta-llama/Meta-Llama-3.1-8B-Instruct';

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'modelgraph-audit-'));
});
afterAll(() => rm(tmp, { recursive: true, force: true }));

describe('the models-dev fixture, imported by the models-dev importer', () => {
  let t: TestDatabase;
  let report: ImportReport;
  beforeAll(async () => {
    t = await createTestDatabase();
    report = await runImport(t.db, { importer: 'models-dev', directory: MODELS_DEV });
  });
  afterAll(() => t.destroy());

  it('audits end to end: every model and route read, no duplicates among its one-model-per-real-model ids', async () => {
    const catalog = await loadAuditInput(t.db);
    const models = await t.db.selectFrom('models').select('slug').orderBy('slug').execute();
    expect(catalog.models.map((m) => m.slug)).toEqual(models.map((m) => m.slug));
    expect(catalog.models.find((m) => m.slug === 'llama-3.1-8b-instruct')).toMatchObject({ creator: 'meta' });
    const offerings = await t.db.selectFrom('offerings').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(catalog.routes).toHaveLength(Number(offerings.n));
    // Prices in force are read as exact decimals.
    expect(catalog.routes.find((r) => r.provider === 'groq' && r.model === 'llama-3.1-8b-instruct')).toMatchObject({
      inputPerMTok: '0.05',
      outputPerMTok: '0.08',
    });
    expect(catalog.imports.map((i) => i.importer)).toEqual(['models-dev']);

    const result = audit(catalog);
    // Every id of Llama 3.1 8B Instruct is one model: the audit suspects no duplicate of it.
    const duplicates = result.findings.filter((f) => f.check === 'duplicates');
    expect(duplicates.filter((f) => f.subject.split(' = ').includes('llama-3.1-8b-instruct'))).toEqual([]);
    // Subjects name what is in the catalog, deterministically.
    const slugs = new Set(models.map((m) => m.slug));
    for (const f of duplicates) {
      const named = f.subject.split(' = ');
      expect(named.length).toBeGreaterThanOrEqual(2);
      expect([...named].sort()).toEqual(named);
      for (const slug of named) expect(slugs.has(slug)).toBe(true);
    }
    for (const f of result.findings.filter((f) => f.check === 'names' || f.check === 'creators')) expect(slugs.has(f.subject)).toBe(true);
    expect(result.findings.filter((f) => f.check === 'price-outliers' && f.subject.startsWith('llama-3.1-8b-instruct@'))).toEqual([]);
    expect(result.findings.filter((f) => f.check === 'unresolved').map((f) => f.subject)).toEqual(
      report.unresolved.map((u) => `${u.provider}/${u.providerModelId}`).sort(),
    );
    expect(audit(await loadAuditInput(t.db))).toEqual(result);
  });
});

describe('a fixture with a duplicate model', () => {
  let t: TestDatabase;
  let report: ImportReport;
  beforeAll(async () => {
    t = await createTestDatabase();
    await runImport(t.db, { importer: 'models-dev', directory: MODELS_DEV });
    report = await runImport(t.db, { importer: 'models-dev', directory: DUPLICATE });
  });
  afterAll(() => t.destroy());

  it('reports the same model under two ids as a suspected duplicate', async () => {
    const result = audit(await loadAuditInput(t.db));
    expect(result.failed).toBe(true);
    expect(result.findings).toContainEqual(
      expect.objectContaining({ check: 'duplicates', subject: 'zeta-1 = zeta-one', reason: 'same name "Zeta 1"', acknowledged: null }),
    );
    // The snapshot id is either the same model or reported as its duplicate: never a silent second model.
    const snapshot = await t.db.selectFrom('models').select('slug').where('slug', 'like', 'zeta-2-%').executeTakeFirst();
    if (snapshot) {
      expect(result.findings).toContainEqual(expect.objectContaining({ check: 'duplicates', subject: `zeta-2 = ${snapshot.slug}` }));
    }
  });

  it('reports the unresolved ids of the last import only, and the route priced far from its model’s median', async () => {
    const result = audit(await loadAuditInput(t.db));
    const unresolved = result.findings.filter((f) => f.check === 'unresolved').map((f) => f.subject);
    expect(report.unresolved.length).toBeGreaterThan(0);
    expect(unresolved).toEqual(report.unresolved.map((u) => `${u.provider}/${u.providerModelId}`).sort());
    expect(unresolved).toContain('groq/mystery-model-7');
    expect(result.findings.filter((f) => f.check === 'price-outliers' && f.subject.startsWith('llama-3.1-8b-instruct@'))).toEqual([
      expect.objectContaining({ subject: OUTLIER, reason: expect.stringMatching(/^input 9 is \d+× the median 0\.2 of 7 routes; output 9 is/) }),
    ]);
  });

  it('judges the price in force: a later price, once in force, is no outlier', async () => {
    const offering = await t.db
      .selectFrom('offerings')
      .innerJoin('providers', 'providers.id', 'offerings.provider_id')
      .select('offerings.id')
      .where('providers.slug', '=', 'deepinfra')
      .executeTakeFirstOrThrow();
    const later = new Date(Date.now() + 30 * 86_400_000);
    await t.db
      .insertInto('prices')
      .values({ offering_id: offering.id, effective_from: later, input_per_mtok: '0.2', output_per_mtok: '0.2' })
      .execute();
    const outliers = (asOf: Date) =>
      loadAuditInput(t.db, { asOf }).then((c) => audit(c).findings.filter((f) => f.check === 'price-outliers' && f.subject === OUTLIER));
    expect(await outliers(new Date())).toHaveLength(1);
    expect(await outliers(new Date(later.getTime() + 1000))).toEqual([]);
    await t.db.deleteFrom('prices').where('offering_id', '=', offering.id).where('effective_from', '=', later).execute();
  });

  it('does not fail on findings a person acknowledged', async () => {
    const catalog = await loadAuditInput(t.db);
    const acks = audit(catalog).findings.map((f) => ({ check: f.check, subject: f.subject, reason: 'decided', source: 'test' }));
    const result = audit(catalog, acks);
    expect(result.failed).toBe(false);
    expect(result.findings.every((f) => f.acknowledged !== null)).toBe(true);
  });
});

describe('acknowledgements file', () => {
  it('the curated file parses', async () => {
    expect(Array.isArray(await loadAcknowledgements())).toBe(true);
  });

  it('a row with an unknown check or no reason is an error naming the row', async () => {
    const file = path.join(tmp, 'bad.csv');
    await writeFile(file, `${HEADER}duplicates,a = b,same model,x\nduplicate,a = b,typo,x\n`);
    await expect(loadAcknowledgements(file)).rejects.toThrow(`${file} row 2: unknown check "duplicate"`);
    await writeFile(file, `${HEADER}names,gpt-4o,,x\n`);
    await expect(loadAcknowledgements(file)).rejects.toThrow(`${file} row 1: "reason" is empty`);
  });
});

/** `npm run catalog:audit` as a process, on PGlite in `dataDir` (DATABASE_URL removed). */
function runCli(dataDir: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const { DATABASE_URL: _ignored, ...env } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/catalog/audit/cli.ts', ...args], {
    cwd: ROOT,
    env: { ...env, DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run catalog:audit', () => {
  it('exits 1 on the duplicate, prints it by check with a summary; --json; exits 0 once everything is acknowledged', async () => {
    const dataDir = path.join(tmp, 'data');
    const db = await openPGlite({ dataDir });
    try {
      await migrateToLatest(db);
      await runImport(db, { importer: 'models-dev', directory: DUPLICATE });
    } finally {
      await db.destroy();
    }
    const none = path.join(tmp, 'none.csv');
    await writeFile(none, HEADER);

    const text = await runCli(dataDir, ['--acknowledged', none]);
    expect(text.stderr).toBe('');
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/^Suspected duplicate models \[duplicates\]: \d+ open$/m);
    expect(text.stdout).toMatch(/^ {2}zeta-1 = zeta-one\n {6}same name "Zeta 1"$/m);
    expect(text.stdout).toMatch(/^Unresolved ids of the last imports \[unresolved\]: \d+ open$/m);
    expect(text.stdout).toContain('  groq/mystery-model-7\n');
    expect(text.stdout).toContain(`  ${OUTLIER}\n`);
    expect(text.stdout).toMatch(/^Summary: \d+ findings, \d+ open \(duplicates \d+, names \d+, creators \d+, unresolved \d+, price-outliers \d+\), 0 acknowledged\. Audit failed\.$/m);

    const json = await runCli(dataDir, ['--json', `--acknowledged=${none}`]);
    expect(json.code).toBe(1);
    const parsed = JSON.parse(json.stdout);
    expect(parsed.failed).toBe(true);
    expect(parsed.counts.duplicates.open).toBeGreaterThanOrEqual(1);
    expect(parsed.findings).toContainEqual(expect.objectContaining({ check: 'price-outliers', subject: OUTLIER }));
    expect(parsed.findings).toContainEqual({ check: 'duplicates', subject: 'zeta-1 = zeta-one', reason: 'same name "Zeta 1"', acknowledged: null });

    const all = path.join(tmp, 'all.csv');
    const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
    await writeFile(all, HEADER + parsed.findings.map((f: { check: string; subject: string }) => `${f.check},${quote(f.subject)},decided by a person,test`).join('\n'));
    const acknowledged = await runCli(dataDir, ['--acknowledged', all]);
    expect(acknowledged.code).toBe(0);
    expect(acknowledged.stdout).toContain('  (acknowledged) zeta-1 = zeta-one\n');
    expect(acknowledged.stdout).toMatch(/^Summary: \d+ findings, 0 open .*Audit passed\.$/m);

    const usage = await runCli(dataDir, ['--bogus']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/unknown argument "--bogus"/);
  }, 180_000);
});
