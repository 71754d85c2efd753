import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/catalog/datasets.js';
import { applyDataset } from '../../src/catalog/apply.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await applyDataset(t.db, await loadDataset('seed-page'), { importer: 'test', now: new Date() });
});
afterAll(() => t.destroy());

const offeringId = async () =>
  (await t.db.selectFrom('offerings').select('id').orderBy('id').executeTakeFirstOrThrow()).id;

describe('type parsing is the same on every backend', () => {
  it('numeric stays an exact string, date a YYYY-MM-DD string, int8 a number, timestamptz a Date', async () => {
    const row = await sql<{ n: unknown; d: unknown; i: unknown; t: unknown; c: unknown }>`
      select 0.1::numeric + 0.2::numeric as n, date '2024-07-23' as d, 8000000000::int8 as i,
             timestamptz '2026-05-16 00:00:00+00' as t, count(*) as c from models`.execute(t.db);
    expect(row.rows[0]).toEqual({ n: '0.3', d: '2024-07-23', i: 8e9, t: new Date('2026-05-16T00:00:00Z'), c: 2 });
  });
});

describe('constraints keep bad facts out', () => {
  it.each([
    ['a negative price', async () =>
      t.db.insertInto('prices').values({ offering_id: await offeringId(), effective_from: '2030-01-01', input_per_mtok: '-1' }).execute()],
    ['a zero context window', async () =>
      t.db.updateTable('models').set({ context_window: 0 }).where('slug', '=', 'llama-3.1-8b-instruct').execute()],
    ['a score outside the benchmark scale', async () =>
      t.db.updateTable('scores').set({ value: '100.5' }).execute()],
    ['a duplicate model slug', async () =>
      t.db.insertInto('models').values({ slug: 'llama-3.1-8b-instruct', name: 'copy', creator_id: 1 }).execute()],
    ['a route to a missing model', async () =>
      t.db.insertInto('offerings').values({ model_id: 999_999, provider_id: 1, provider_model_id: 'x' }).execute()],
    ['an unknown provider status', async () =>
      t.db.updateTable('providers').set({ status: 'gone' as never }).execute()],
  ])('rejects %s', async (_label, write) => {
    await expect(write()).rejects.toThrow();
  });

  it('keeps price history: a second price for the same route and date is refused', async () => {
    const id = await offeringId();
    await t.db.insertInto('prices').values({ offering_id: id, effective_from: '2031-01-01', input_per_mtok: '1' }).execute();
    await expect(
      t.db.insertInto('prices').values({ offering_id: id, effective_from: '2031-01-01', input_per_mtok: '2' }).execute(),
    ).rejects.toThrow();
  });
});

describe('migrations and seeding', () => {
  it('migrating an up-to-date database does nothing', async () => {
    const { results } = await migrateToLatest(t.db, { schema: t.schema });
    expect(results).toEqual([]);
  });

  it('seeding the same dataset twice leaves one copy of everything', async () => {
    const count = async () => {
      const tables = ['sources', 'creators', 'models', 'providers', 'offerings', 'prices', 'benchmarks', 'scores'] as const;
      const counts: Record<string, number> = {};
      for (const table of tables) {
        const row = await t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
        counts[table] = Number(row.n);
      }
      return counts;
    };
    const before = await count();
    await applyDataset(t.db, await loadDataset('seed-page'), { importer: 'test', now: new Date() });
    expect(await count()).toEqual(before);
    expect(before).toMatchObject({ models: 2, providers: 8, offerings: 11, benchmarks: 2, scores: 4 });
  });

  it('a failing write inside the seed transaction leaves the database unchanged', async () => {
    const dataset = await loadDataset('seed-page');
    const broken = structuredClone(dataset);
    broken.models[0]!.name = 'Renamed inside a transaction that fails';
    // Passes validation but violates the scale trigger in the database.
    broken.scores[0]!.value = '250';
    await expect(applyDataset(t.db, broken, { importer: 'test', now: new Date() })).rejects.toThrow(/outside the scale/);
    const model = await t.db.selectFrom('models').select('name').where('slug', '=', dataset.models[0]!.slug).executeTakeFirstOrThrow();
    expect(model.name).toBe(dataset.models[0]!.name);
  });
});
