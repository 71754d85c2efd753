import { readFile } from 'node:fs/promises';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { independentBenchmarkKeys, pairCoverage } from '../../src/catalog/coverage.js';
import { parseCsv } from '../../src/catalog/csv.js';
import { type ImportReport, runImport } from '../../src/catalog/import.js';
import { Decimal } from '../../src/resolvers/decimal.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

/** The real catalog the server seeds by default: the npm data packages and the curated files. */
let t: TestDatabase;
let first: ImportReport;
beforeAll(async () => {
  t = await createTestDatabase();
  first = await runImport(t.db, { importer: 'catalog' });
}, 120_000);
afterAll(() => t.destroy());

it('holds hundreds of real models and dozens of providers with real prices', async () => {
  expect(first.written.models.added).toBeGreaterThanOrEqual(300);
  expect(first.written.providers.added).toBeGreaterThanOrEqual(30);
  const priced = await sql<{ n: number }>`
    select count(distinct o.model_id)::int as n from offerings o
    join prices p on p.offering_id = o.id where p.input_per_mtok > 0`.execute(t.db);
  expect(priced.rows[0]!.n).toBeGreaterThanOrEqual(300);
});

it('has one Llama 3.1 8B Instruct, with at least 8 active priced routes', async () => {
  const rows = await sql<{ slug: string; routes: number }>`
    select m.slug, count(*) filter (where o.status = 'active' and pr.status = 'active' and p.input_per_mtok is not null)::int as routes
    from models m join offerings o on o.model_id = m.id join providers pr on pr.id = o.provider_id
    left join prices p on p.offering_id = o.id
    where m.slug ~ '^(meta-)?llama-?3[.-]1-8b' group by m.slug`.execute(t.db);
  expect(rows.rows.map((r) => r.slug)).toEqual(['llama-3.1-8b-instruct']);
  expect(rows.rows[0]!.routes).toBeGreaterThanOrEqual(8);
});

it('carries benchmark scores with their source and setting', async () => {
  const score = await t.db
    .selectFrom('scores')
    .innerJoin('models', 'models.id', 'scores.model_id')
    .innerJoin('benchmarks', 'benchmarks.id', 'scores.benchmark_id')
    .innerJoin('sources', 'sources.id', 'scores.source_id')
    .select(['scores.value', 'scores.setting', 'sources.name as source'])
    .where('models.slug', '=', 'llama-3.1-8b-instruct')
    .where('benchmarks.slug', '=', 'mmlu-pro')
    .where('scores.value', '=', '48.3')
    .executeTakeFirstOrThrow();
  expect(score.setting).toBe('5-shot CoT; macro_avg/acc');
  expect(score.source).toMatch(/llama-models.*MODEL_CARD/);
});

it('a second import reports no changes', async () => {
  const second = await runImport(t.db, { importer: 'catalog' });
  for (const counts of Object.values(second.written)) {
    expect(counts.added + counts.changed + ((counts as { retired?: number }).retired ?? 0)).toBe(0);
  }
});

it('lets the 30 most compared models be compared on independent benchmarks: at least 90% of pairs share one', async () => {
  const slugs = parseCsv(await readFile(new URL('../../data/catalog/most-compared.csv', import.meta.url), 'utf8'), 'most-compared.csv').map((r) => r.slug!);
  expect(slugs).toHaveLength(30);
  const coverage = pairCoverage(slugs, await independentBenchmarkKeys(t.db, slugs));
  expect(coverage.models.filter((m) => !m.found)).toEqual([]);
  expect(coverage.covered / coverage.pairs).toBeGreaterThanOrEqual(0.9);
});

it('reads a leaderboard score exactly as the upstream file publishes it', async () => {
  // LMArena's style-controlled overall rating of gemini-2.5-pro, as data/benchmarks carries it from the upstream JSON.
  const snapshot = JSON.parse(await readFile(new URL('../../data/benchmarks/lmarena-text-style-control.json', import.meta.url), 'utf8'));
  const published = snapshot.scores.find((s: { model: string; benchmark: string }) => s.model === 'gemini-2.5-pro' && s.benchmark === 'lmarena-text');
  const stored = await t.db
    .selectFrom('scores')
    .innerJoin('models', 'models.id', 'scores.model_id')
    .innerJoin('benchmarks', 'benchmarks.id', 'scores.benchmark_id')
    .innerJoin('editions', 'editions.id', 'scores.edition_id')
    .select(['scores.value', 'scores.ci_low', 'scores.ci_high', 'editions.independent', 'scores.source_model_key'])
    .where('models.slug', '=', 'gemini-2.5-pro')
    .where('benchmarks.slug', '=', 'lmarena-text')
    .where('editions.slug', '=', published.edition)
    .executeTakeFirstOrThrow();
  expect(Decimal.from(stored.value).equals(Decimal.from(published.value))).toBe(true);
  expect(stored).toMatchObject({ independent: true, source_model_key: 'gemini-2.5-pro' });
  expect(Decimal.from(stored.ci_low!).equals(Decimal.from(published.ciLow))).toBe(true);
});

it('records a leaderboard run setting as the score variant, and places a dated key on its model', async () => {
  const runs = await t.db
    .selectFrom('scores')
    .innerJoin('models', 'models.id', 'scores.model_id')
    .innerJoin('benchmarks', 'benchmarks.id', 'scores.benchmark_id')
    .select(['models.slug', 'scores.variant', 'scores.source_model_key'])
    .where('benchmarks.slug', '=', 'lmarena-text')
    .where('scores.source_model_key', 'in', ['gpt-5-high', 'kimi-k2-0711-preview'])
    .execute();
  const bySourceKey = Object.fromEntries(runs.map((r) => [r.source_model_key, { slug: r.slug, variant: r.variant }]));
  expect(bySourceKey['gpt-5-high']).toEqual({ slug: 'gpt-5', variant: 'high' });
  expect(bySourceKey['kimi-k2-0711-preview']).toEqual({ slug: 'kimi-k2', variant: '' });
});
