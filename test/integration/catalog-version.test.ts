import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../../src/catalog/import.js';
import { readCatalogVersion } from '../../src/catalog/version.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

describe('the catalog version', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.destroy());

  it('starts at 0, is bumped by an import that changes the catalog, and not by one that changes nothing', async () => {
    expect(await readCatalogVersion(t.db)).toBe(0);
    await runImport(t.db, { importer: 'seed-page' });
    const afterFirst = await readCatalogVersion(t.db);
    expect(afterFirst).toBe(1);
    await runImport(t.db, { importer: 'seed-page' });
    expect(await readCatalogVersion(t.db)).toBe(afterFirst);
  });
});
