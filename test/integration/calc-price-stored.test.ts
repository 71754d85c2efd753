import { calcPrice, findProvider } from '@pydantic/genai-prices';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runImport } from '../../src/catalog/import.js';
import { ProviderRegistry } from '../../src/catalog/providers.js';
import { genaiIgnoredFields, genaiPriceSet } from '../../src/catalog/sources/genai-prices.js';
import { currentPrices } from '../../src/db/queries/prices.js';
import { componentsForPrices } from '../../src/db/queries/price-components.js';
import type { PriceComponent } from '../../src/domain/pricing.js';
import { routeCost } from '../../src/resolvers/cost/price.js';
import { workload } from '../../src/resolvers/cost/workload.js';
import { Decimal } from '../../src/resolvers/decimal.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

/**
 * The differential test (calc-price-differential.test.ts) holds the cost model
 * on genai-prices' own data to calcPrice. This one holds the DATABASE to it:
 * after the default catalog's import, every route imported from genai-prices
 * serves, on the day, exactly the base price and components genai-prices
 * states, and a long-context request priced from what the database holds
 * equals calcPrice. Run on PGlite and on PostgreSQL.
 */
// Now: an undated price is in force from the import on, so only an instant after the import reads it.
const DAY = new Date(Date.now() + 60_000);
/** The hour the long request is priced at (DeepSeek's off-peak window does not cover it). */
const NOON = new Date(Date.UTC(DAY.getUTCFullYear(), DAY.getUTCMonth(), DAY.getUTCDate(), 12));
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await runImport(t.db, { importer: 'catalog' }, undefined);
}, 120_000);
afterAll(() => t.destroy());

const signature = (components: PriceComponent[]) =>
  components
    .map((c) => [c.unit, Decimal.from(c.price).toString(), c.tierThreshold ?? '', c.tierInclusive, c.tierScope, c.windowStart ?? '', c.windowEnd ?? '', c.serviceTier].join('|'))
    .sort();
const text = (d: Decimal | string | null) => (d === null ? null : Decimal.from(d).toString());

it('serves every genai-prices route at the price and components the package states, and prices a long request as calcPrice does', async () => {
  const providers = await ProviderRegistry.load();
  let routes = 0;
  let priced = 0;
  for (const providerId of providers.genaiPricesIds()) {
    const provider = findProvider({ providerId });
    if (!provider) continue;
    const slug = providers.forGenaiPrices(providerId).slug;
    const offerings = await t.db
      .selectFrom('offerings')
      .innerJoin('providers', 'providers.id', 'offerings.provider_id')
      .innerJoin('sources', 'sources.id', 'offerings.source_id')
      .select(['offerings.id', 'offerings.provider_model_id'])
      .where('providers.slug', '=', slug)
      .where('sources.name', 'like', '@pydantic/genai-prices%')
      .execute();
    const prices = new Map((await currentPrices(t.db, offerings.map((o) => o.id), DAY)).map((p) => [p.offering_id, p]));
    const components = await componentsForPrices(t.db, [...prices.values()].map((p) => p.id));
    for (const offering of offerings) {
      const model = provider.models.find((m) => m.id === offering.provider_model_id);
      const price = prices.get(offering.id);
      if (!model || !price) continue;
      const stated = genaiPriceSet(model, DAY, genaiIgnoredFields(), () => {});
      const where = `${providerId}/${model.id}`;
      routes++;
      expect([text(price.input_per_mtok), text(price.output_per_mtok), text(price.cache_read_per_mtok), text(price.cache_write_per_mtok)], where).toEqual([
        text(stated.base.input),
        text(stated.base.output),
        text(stated.base.cachedInput),
        text(stated.base.cacheWrite5m),
      ]);
      const held = components.get(price.id) ?? [];
      expect(signature(held), where).toEqual(signature(stated.components));

      // One request of 250K input tokens and 1K output, priced from what the database holds.
      const base = { input: price.input_per_mtok === null ? null : Decimal.from(price.input_per_mtok), output: price.output_per_mtok === null ? null : Decimal.from(price.output_per_mtok), cachedInput: price.cache_read_per_mtok === null ? null : Decimal.from(price.cache_read_per_mtok), cacheWrite5m: price.cache_write_per_mtok === null ? null : Decimal.from(price.cache_write_per_mtok) };
      const cost = routeCost(base, held, workload({ requestsPerMonth: 1n, inputTokens: 250_000n, outputTokens: 1000n, cachedInputTokens: 0n, cacheWriteTokens: 0n, hourUtc: 12 }));
      const reference = (() => {
        try {
          return calcPrice({ input_tokens: 250_000, output_tokens: 1000 }, model.id, { providerId, timestamp: NOON });
        } catch {
          return null;
        }
      })();
      if (cost.monthlyCost === null || reference === null || reference.model.id !== model.id) continue;
      priced++;
      const expected = Decimal.from(String(reference.total_price));
      const tolerance = expected.times(Decimal.from('0.000000001'));
      expect(cost.monthlyCost.minus(expected).abs().greaterThan(tolerance), `${where}: ${cost.monthlyCost} vs ${expected}`).toBe(false);
    }
  }
  expect(routes).toBeGreaterThan(1000);
  expect(priced).toBeGreaterThan(500);
}, 120_000);
