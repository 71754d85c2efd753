import { afterAll, beforeAll, expect, it } from 'vitest';
import { runImport } from '../../src/catalog/import.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

/**
 * An import's AbortSignal, in process and on every backend (PGlite, and
 * PostgreSQL with DATABASE_URL): aborted before the commit, the transaction
 * rolls back and the import throws the signal's reason; once it is
 * committing, aborting changes nothing. The CLI's handling of SIGTERM and
 * SIGINT on top of it is in shutdown.test.ts.
 */
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.destroy());

const count = async (table: 'models' | 'offerings' | 'prices' | 'catalog_imports') =>
  Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

it('aborted while it writes: rolls back, throws the reason, writes nothing', async () => {
  const controller = new AbortController();
  const reason = new Error('interrupted');
  const phases: string[] = [];
  await expect(
    runImport(
      t.db,
      { importer: 'seed-page' },
      // Models and routes are written by now, inside the transaction.
      (step) => void (step === 'prices' && controller.abort(reason)),
      { signal: controller.signal, onPhase: (phase) => phases.push(phase) },
    ),
  ).rejects.toBe(reason);
  expect(phases).toEqual(['reading', 'writing']);
  expect([await count('models'), await count('offerings'), await count('prices'), await count('catalog_imports')]).toEqual([0, 0, 0, 0]);
});

it('aborted before it starts: writes nothing', async () => {
  const controller = new AbortController();
  controller.abort(new Error('too late'));
  await expect(runImport(t.db, { importer: 'seed-page' }, undefined, { signal: controller.signal })).rejects.toThrow('too late');
  expect(await count('models')).toBe(0);
});

it('aborted once it is committing: finishes, and everything is there', async () => {
  const controller = new AbortController();
  const phases: string[] = [];
  const report = await runImport(t.db, { importer: 'seed-page' }, undefined, {
    signal: controller.signal,
    onPhase: (phase) => {
      phases.push(phase);
      if (phase === 'committing') controller.abort(new Error('after the last check'));
    },
  });
  expect(phases).toEqual(['reading', 'writing', 'committing', 'committed']);
  expect(report.written.models.added).toBe(2);
  expect([await count('models'), await count('catalog_imports')]).toEqual([2, 1]);
});
