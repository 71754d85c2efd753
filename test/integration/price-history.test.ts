import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ImportReport, runImport } from '../../src/catalog/import.js';
import { bumpCatalogVersion } from '../../src/catalog/version.js';
import { PRICE_BEFORE_FIRST_CHANGE } from '../../src/catalog/records.js';
import { Decimal } from '../../src/resolvers/decimal.js';
import { createTestApp, type TestApp } from '../support/app.js';

/**
 * Price history and price digits on the real default catalog, through the API:
 * a source's undated first price is in force before its first dated change
 * (o3 on OpenAI: $10/$40 before 2025-06-10, $2/$8 since), a database the
 * earlier rule imported is corrected by a re-import without losing a row, and
 * no stored price carries a floating-point artefact.
 */
let t: TestApp;
let report: ImportReport;
let importedAt: Date;
beforeAll(async () => {
  t = await createTestApp({ seed: null });
  report = await runImport(t.db, { importer: 'catalog' });
  importedAt = await firstImportOf(t.db);
}, 120_000);
afterAll(() => t.destroy());

/** The route genai-prices prices at 0.18000000000000002 per 1M input tokens. */
const QWEN_ROUTE = 'huggingface-together/Qwen/Qwen3-VL-8B-Instruct';
const EPOCH = new Date(`${PRICE_BEFORE_FIRST_CHANGE}T00:00:00Z`);
const exact = (value: string | null | undefined) => (value == null ? null : Decimal.from(value).toString());

/** o3 on OpenAI as costEstimate prices it at `asOf` (now when omitted). */
async function o3Estimate(asOf?: string) {
  const { data, errors } = await t.graphql(
    `query ($asOf: DateTime) {
      costEstimate(model: "o3", asOf: $asOf) {
        routes { provider { slug } offering { providerModelId } inputPerMTok outputPerMTok }
      }
    }`,
    { asOf: asOf ?? null },
  );
  expect(errors).toBeUndefined();
  const route = data!.costEstimate.routes.find((r: any) => r.provider.slug === 'openai' && r.offering.providerModelId === 'o3');
  expect(route).toBeDefined();
  return { input: route.inputPerMTok, output: route.outputPerMTok };
}

/** o3 on OpenAI as Offering.price and Offering.priceHistory read it. */
async function o3Offering() {
  const { data, errors } = await t.graphql(`{
    model(slug: "o3") {
      offerings {
        provider { slug } providerModelId
        price { inputPerMTok outputPerMTok effectiveFrom }
        priceHistory { inputPerMTok outputPerMTok effectiveFrom }
      }
    }
  }`);
  expect(errors).toBeUndefined();
  return data!.model.offerings.find((o: any) => o.provider.slug === 'openai' && o.providerModelId === 'o3');
}

/** Every route's price in force at each instant, as `provider/provider model id → ["input/output/cacheRead/cacheWrite" or "none", …]`. */
async function pricesAt(db: TestApp['db'], instants: Date[]): Promise<Map<string, string[]>> {
  const rows = await db
    .selectFrom('prices')
    .innerJoin('offerings', 'offerings.id', 'prices.offering_id')
    .innerJoin('providers', 'providers.id', 'offerings.provider_id')
    .selectAll('prices')
    .select(['providers.slug as provider', 'offerings.provider_model_id as providerModelId'])
    .orderBy('prices.effective_from')
    .execute();
  const byRoute = new Map<string, typeof rows>();
  for (const row of rows) {
    const route = `${row.provider}/${row.providerModelId}`;
    byRoute.set(route, [...(byRoute.get(route) ?? []), row]);
  }
  const result = new Map<string, string[]>();
  for (const [route, history] of byRoute) {
    result.set(
      route,
      instants.map((at) => {
        const row = history.filter((r) => r.effective_from.getTime() <= at.getTime()).at(-1);
        return row ? [row.input_per_mtok, row.output_per_mtok, row.cache_read_per_mtok, row.cache_write_per_mtok].map(exact).join('/') : 'none';
      }),
    );
  }
  return result;
}

/** The instants compared: the source's dates and around them, either side of the database's first import, and soon. */
function instantsAround(firstImport: Date): Date[] {
  return ['1999-01-01', '2025-06-01', '2025-06-10', '2025-12-01', '2026-03-13', '2026-07-30', '2026-08-18', '2026-08-22', '2026-09-23', '2027-01-02']
    .map((d) => new Date(`${d}T00:00:00Z`))
    .concat([new Date(firstImport.getTime() - 1), new Date(firstImport.getTime() + 1), new Date(Date.now() + 60_000)]);
}

async function firstImportOf(db: TestApp['db']): Promise<Date> {
  return (await db.selectFrom('catalog_imports').select('started_at').orderBy('id').executeTakeFirstOrThrow()).started_at;
}

describe('a source’s undated first price is in force before its first dated change', () => {
  it('serves o3 on OpenAI at $2/$8 now and at $10/$40 as of 2025-06-01', async () => {
    expect(await o3Estimate()).toEqual({ input: '2', output: '8' });
    expect(await o3Estimate('2025-06-01T00:00:00Z')).toEqual({ input: '10', output: '40' });
    expect(await o3Estimate('2025-06-10T00:00:00Z')).toEqual({ input: '2', output: '8' });

    const offering = await o3Offering();
    expect(offering.price).toEqual({ inputPerMTok: '2', outputPerMTok: '8', effectiveFrom: '2025-06-10T00:00:00.000Z' });
    expect(offering.priceHistory).toEqual([
      { inputPerMTok: '2', outputPerMTok: '8', effectiveFrom: '2025-06-10T00:00:00.000Z' },
      { inputPerMTok: '10', outputPerMTok: '40', effectiveFrom: '1970-01-01T00:00:00.000Z' },
    ]);
  });

  it('prices every route with a dated change before the import, and serves its latest change in force now', async () => {
    const withChange = await t.db.selectFrom('prices').select('offering_id').where('effective_from', '=', EPOCH).execute();
    expect(withChange.length).toBeGreaterThanOrEqual(15);
    const ids = withChange.map((r) => r.offering_id);
    const history = await t.db.selectFrom('prices').selectAll().where('offering_id', 'in', ids).orderBy('effective_from').execute();
    const now = new Date();
    for (const id of ids) {
      const rows = history.filter((r) => r.offering_id === id);
      // The first price, then dated changes only: nothing dated at the import instant.
      expect(rows.length).toBeGreaterThanOrEqual(2);
      expect(rows.some((r) => r.effective_from.getTime() === importedAt.getTime())).toBe(false);
      const latestChange = rows.filter((r) => r.effective_from <= now).at(-1)!;
      const { data } = await t.graphql(`query ($id: ID!) { node(id: $id) { ... on Offering { price { effectiveFrom } } } }`, {
        id: Buffer.from(`Offering:${id}`).toString('base64'),
      });
      expect(data?.node?.price?.effectiveFrom).toBe(latestChange.effective_from.toISOString());
    }
  });

  it('keeps a price the source gives no date for at all in force from the import, as the source tells no more', async () => {
    const undated = await sql<{ n: number }>`
      select count(*)::int as n from prices p
      where p.effective_from = ${importedAt}
        and not exists (select 1 from prices q where q.offering_id = p.offering_id and q.effective_from <> p.effective_from)`.execute(t.db);
    expect(undated.rows[0]!.n).toBeGreaterThanOrEqual(1000);
  });
});

describe('no stored price carries a floating-point artefact', () => {
  it('normalises each artefact to its evident decimal and reports it, naming the entry', async () => {
    const artefacts = report.warnings.filter((w) => w.includes('floating-point artefact'));
    expect(artefacts).toContain(
      'genai-prices huggingface_together/Qwen/Qwen3-VL-8B-Instruct input_mtok: price 0.18000000000000002 is a floating-point artefact; read as 0.18 USD per 1M tokens (rounded to 10 significant digits)',
    );
    expect(artefacts.filter((w) => w.includes('price 0.08333333333333334') && w.includes('read as 0.08333333333 USD'))).toHaveLength(6);
  });

  it('holds no price or price component of 12 or more significant digits, nor a run of seven 0s or 9s in the fraction', async () => {
    const rows = await sql<{ id: number; value: string }>`
      select id, v as value from prices,
        lateral unnest(array[input_per_mtok::text, output_per_mtok::text, cache_read_per_mtok::text, cache_write_per_mtok::text]) as v
      where v is not null
      union all
      select id, price::text from price_components`.execute(t.db);
    expect(rows.rows.length).toBeGreaterThan(4000);
    const suspicious = rows.rows.filter(({ value }) => {
      const decimal = Decimal.from(value);
      return decimal.significantDigits() >= 12 || /\.\d*(0000000|9999999)/.test(decimal.toString());
    });
    expect(suspicious).toEqual([]);
  });
});

describe('a database the earlier rule imported', () => {
  it('is corrected by a re-import: every price in force is right, and no row is lost', async () => {
    // The earlier rule dated an undated first price at the import instant, after the dated changes,
    // and stored the source's float artefacts as they came.
    // (effective_from is never updated by the application; the test writes the earlier rule's rows itself.)
    await sql`update prices set effective_from = ${importedAt} where effective_from = ${EPOCH}`.execute(t.db);
    const qwen = await sql<{ id: number }>`
      select p.id from prices p join offerings o on o.id = p.offering_id join providers pr on pr.id = o.provider_id
      where pr.slug = 'huggingface-together' and o.provider_model_id = 'Qwen/Qwen3-VL-8B-Instruct' and p.input_per_mtok = 0.18`.execute(t.db);
    expect(qwen.rows).toHaveLength(1);
    await t.db.updateTable('prices').set({ input_per_mtok: '0.18000000000000002' }).where('id', '=', qwen.rows[0]!.id).execute();
    // As any change made outside the API and the importer must: announce it, or the app keeps the facts it read (src/facts/).
    await bumpCatalogVersion(t.db);
    expect(await o3Estimate()).toEqual({ input: '10', output: '40' });
    expect(await o3Estimate('2025-06-01T00:00:00Z')).toEqual({ input: null, output: null });

    const before = await t.db.selectFrom('prices').selectAll().execute();
    const second = await runImport(t.db, { importer: 'catalog' });
    const after = await t.db.selectFrom('prices').selectAll().execute();

    // Append-only: every row is still there, unchanged.
    const key = (r: (typeof before)[number]) =>
      [r.id, r.offering_id, r.effective_from.toISOString(), r.input_per_mtok, r.output_per_mtok, r.cache_read_per_mtok, r.cache_write_per_mtok].map(String).join('|');
    const afterKeys = new Set(after.map(key));
    expect(before.filter((r) => !afterKeys.has(key(r)))).toEqual([]);
    // The first prices at their early date, a correction after each misdated row, the Qwen price from this import.
    expect(second.written.prices.added).toBe(20);
    // 15 routes had their change in force at the first import (17, two of them at an unchanged price), and Qwen.
    expect(second.written.prices.changed).toBeGreaterThanOrEqual(15 + 1);

    expect(await o3Estimate()).toEqual({ input: '2', output: '8' });
    expect(await o3Estimate('2025-06-01T00:00:00Z')).toEqual({ input: '10', output: '40' });
    const offering = await o3Offering();
    expect(offering.price).toMatchObject({ inputPerMTok: '2', outputPerMTok: '8' });
    expect(offering.priceHistory).toEqual([
      { inputPerMTok: '2', outputPerMTok: '8', effectiveFrom: new Date(importedAt.getTime() + 1).toISOString() },
      { inputPerMTok: '10', outputPerMTok: '40', effectiveFrom: importedAt.toISOString() },
      { inputPerMTok: '2', outputPerMTok: '8', effectiveFrom: '2025-06-10T00:00:00.000Z' },
      { inputPerMTok: '10', outputPerMTok: '40', effectiveFrom: '1970-01-01T00:00:00.000Z' },
    ]);
    const { data } = await t.graphql(`{ costEstimate(model: "Qwen/Qwen3-VL-8B-Instruct") { routes { provider { slug } offering { providerModelId } inputPerMTok } } }`);
    const qwenNow = data?.costEstimate.routes.find((r: any) => `${r.provider.slug}/${r.offering.providerModelId}` === QWEN_ROUTE);
    expect(qwenNow?.inputPerMTok).toBe('0.18');

    // A third import changes nothing.
    const third = await runImport(t.db, { importer: 'catalog' });
    expect(third.written.prices).toMatchObject({ added: 0, changed: 0 });
  });

  it('then answers every instant but one millisecond per misdated row as a fresh import does', async () => {
    const fresh = await createTestApp({ seed: null });
    try {
      await runImport(fresh.db, { importer: 'catalog' });
      const corrected = await pricesAt(t.db, instantsAround(importedAt));
      const reference = await pricesAt(fresh.db, instantsAround(await firstImportOf(fresh.db)));
      expect([...corrected.keys()].sort()).toEqual([...reference.keys()].sort());
      const differences = [...reference].filter(([route, prices]) => JSON.stringify(corrected.get(route)) !== JSON.stringify(prices));
      // Only the Qwen route differs, and only before the re-import: its artefact stays in its history.
      expect(differences.map(([route]) => route)).toEqual([QWEN_ROUTE]);
      for (const [route, prices] of differences) expect(corrected.get(route)!.at(-1)).toBe(prices.at(-1));
    } finally {
      await fresh.destroy();
    }
  }, 120_000);
});
