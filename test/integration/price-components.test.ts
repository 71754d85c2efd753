import { afterAll, beforeAll, expect, it } from 'vitest';
import { applyDataset } from '../../src/catalog/apply.js';
import { parseDataset } from '../../src/catalog/dataset.js';
import { componentsForPrices } from '../../src/db/queries/price-components.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

/** A route's price components (tiers, time windows, fees) are stored with its price row and follow its history. */
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.destroy());

const dataset = (longContextOutput: string) =>
  parseDataset(
    {
      name: 'components',
      sources: [{ key: 's', name: 'test source' }],
      creators: [{ slug: 'google', name: 'Google', source: 's' }],
      models: [{ slug: 'gemini-2.5-pro', name: 'Gemini 2.5 Pro', creator: 'google', source: 's' }],
      providers: [{ slug: 'google', name: 'Google', source: 's' }],
      offerings: [
        {
          model: 'gemini-2.5-pro',
          provider: 'google',
          providerModelId: 'gemini-2.5-pro',
          source: 's',
          prices: [
            {
              effectiveFrom: '2025-06-17',
              inputPerMTok: '1.25',
              outputPerMTok: '10',
              source: 's',
              components: [
                { unit: 'input', price: '2.5', tierThreshold: 200000 },
                { unit: 'output', price: longContextOutput, tierThreshold: 200000 },
                { unit: 'input', price: '0.625', serviceTier: 'batch' },
                { unit: 'output', price: '2.5', windowStart: 990, windowEnd: 30 },
              ],
            },
          ],
        },
      ],
    },
    'test',
  );

it('stores each component with its price row, and a second import changes nothing', async () => {
  const first = await applyDataset(t.db, dataset('15'), { importer: 'test', now: new Date('2025-07-01') });
  expect(first.prices.added).toBe(1);
  const [price] = await t.db.selectFrom('prices').select('id').execute();
  const components = (await componentsForPrices(t.db, [price!.id])).get(price!.id)!;
  expect(components).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ unit: 'input', price: '2.5', tierThreshold: 200000n, tierScope: 'whole-request', serviceTier: 'standard' }),
      expect.objectContaining({ unit: 'input', price: '0.625', tierThreshold: null, serviceTier: 'batch' }),
      expect.objectContaining({ unit: 'output', price: '2.5', windowStart: 990, windowEnd: 30 }),
    ]),
  );
  const again = await applyDataset(t.db, dataset('15.0'), { importer: 'test', now: new Date('2025-07-02') });
  expect(again.prices).toMatchObject({ added: 0, changed: 0, unchanged: 1 });
});

it('a changed component under an undated price is a new price row; the old one stays', async () => {
  const undated = (output: string) => {
    const d = dataset(output);
    d.offerings[0]!.prices[0]!.effectiveFrom = null;
    return d;
  };
  await applyDataset(t.db, undated('15'), { importer: 'test', now: new Date('2025-08-01') });
  const changed = await applyDataset(t.db, undated('18'), { importer: 'test', now: new Date('2025-09-01') });
  expect(changed.prices.changed).toBe(1);
  const rows = await t.db.selectFrom('prices').select(['id', 'effective_from']).orderBy('effective_from').execute();
  const latest = (await componentsForPrices(t.db, [rows.at(-1)!.id])).get(rows.at(-1)!.id)!;
  expect(latest.find((c) => c.unit === 'output' && c.tierThreshold !== null)?.price).toBe('18');
});
