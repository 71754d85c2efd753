import type { ExecutionResult } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../../src/catalog/import.js';
import { createContext } from '../../src/context.js';
import { cheapestPricesByModel } from '../../src/db/queries/cheapest.js';
import { catalogWithCheapestPrices } from '../../src/db/queries/comparison.js';
import { isPurchasable, purchasableRoutes } from '../../src/db/queries/purchasable.js';
import { loadModelFacts } from '../../src/facts/model-facts.js';
import { type ModelCost, modelCost } from '../../src/resolvers/comparison/costs.js';
import { DEFAULT_INPUT_SHARE, DEFAULT_TRAFFIC, type ModelFacts } from '../../src/resolvers/comparison/facts.js';
import { Decimal } from '../../src/resolvers/decimal.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { purchasableAsInDatabase } from '../support/seed-facts.js';

/**
 * One rule for "purchasable", checked on the real catalog the server seeds by
 * default: the SQL that filters, orders and finds price neighbours by the
 * cheapest price agrees, model for model, with the comparison engine that
 * prices a comparison page and a cost estimate.
 */
let t: TestApp;
let asOf: Date;
let facts: ModelFacts[];
let engine: Map<number, ModelCost>;

beforeAll(async () => {
  t = await createTestApp({ seed: null });
  await runImport(t.db, { importer: 'catalog' });
  asOf = new Date();
  const models = await t.db.selectFrom('models').selectAll().orderBy('id').execute();
  // The comparison's own fact-loading path (one statement for every route of every model).
  facts = await loadModelFacts(createContext({ primary: t.db }), models, asOf, { pricesAreCurrent: false });
  const share = Decimal.from(DEFAULT_INPUT_SHARE);
  engine = new Map(facts.map((m) => [m.id, modelCost(m, { traffic: DEFAULT_TRAFFIC }, share)]));
}, 120_000);
afterAll(() => t.destroy());

const exact = (value: string | null | undefined) => (value == null ? null : Decimal.from(value).toString());
const engineCheapest = (cost: ModelCost) => ({
  input: cost.cheapestInput?.perMTok.toString() ?? null,
  output: cost.cheapestOutput?.perMTok.toString() ?? null,
});

/** Every page of a `models` query, in order (pages of 100). */
async function allModels(args: string): Promise<string[]> {
  const slugs: string[] = [];
  let after: string | null = null;
  for (;;) {
    const { data, errors }: ExecutionResult<any> = await t.graphql(
      `query ($after: String) { models(first: 100, after: $after, ${args}) { edges { node { slug } } pageInfo { hasNextPage endCursor } } }`,
      { after },
    );
    expect(errors).toBeUndefined();
    slugs.push(...data!.models.edges.map((e: any) => e.node.slug));
    if (!data!.models.pageInfo.hasNextPage) return slugs;
    after = data!.models.pageInfo.endCursor;
  }
}

describe('the real default catalog: SQL and the comparison engine agree on what can be bought', () => {
  it('the catalog has the cases that matter: free-tier-only models, models with no price, several routes on one provider', () => {
    expect(facts.length).toBeGreaterThanOrEqual(300);
    const freeTierOnly = facts.filter(
      (m) =>
        m.routes.some((r) => r.variants.includes('free') && (r.input !== null || r.output !== null)) &&
        !m.routes.some((r) => r.purchasable && (r.input !== null || r.output !== null)),
    );
    expect(freeTierOnly.length).toBeGreaterThan(0);
    for (const m of freeTierOnly) expect(engineCheapest(engine.get(m.id)!)).toEqual({ input: null, output: null });
    expect([...engine.values()].some((c) => c.providerCount < c.activeRouteCount)).toBe(true);
  });

  it('for every model, cheapestPricesByModel equals the comparison’s cheapestInput and cheapestOutput (both null included)', async () => {
    const rows = await cheapestPricesByModel(t.db, asOf).execute();
    const bySql = new Map(rows.map((r) => [r.model_id, { input: exact(r.cheapest_input), output: exact(r.cheapest_output) }]));
    const mismatches = facts
      .map((m) => ({ slug: m.slug, sql: bySql.get(m.id) ?? { input: null, output: null }, engine: engineCheapest(engine.get(m.id)!) }))
      .filter((x) => x.sql.input !== x.engine.input || x.sql.output !== x.engine.output);
    expect(mismatches).toEqual([]);
    const bothNull = facts.filter((m) => !bySql.has(m.id) || (bySql.get(m.id)!.input === null && bySql.get(m.id)!.output === null));
    expect(bothNull.length).toBeGreaterThan(0);
    expect(bySql.size).toBeGreaterThan(0);
  });

  it('the price neighbours of "continue comparing" read the same cheapest prices', async () => {
    const catalog = await catalogWithCheapestPrices(t.db, asOf);
    expect(catalog.length).toBeGreaterThan(0);
    for (const { model, cheapestInput, cheapestOutput } of catalog) {
      expect({ slug: model.slug, input: exact(cheapestInput), output: exact(cheapestOutput) }).toEqual({
        slug: model.slug,
        ...engineCheapest(engine.get(model.id)!),
      });
    }
  });

  it('models(filter: { maxOutputPerMTok: "0" } / { maxInputPerMTok: "0" }) lists exactly the models the comparison prices at $0', async () => {
    const zero = (side: 'cheapestInput' | 'cheapestOutput') =>
      facts.filter((m) => engine.get(m.id)![side]?.perMTok.isZero()).map((m) => m.slug).sort();
    expect((await allModels('filter: { maxOutputPerMTok: "0" }')).sort()).toEqual(zero('cheapestOutput'));
    expect((await allModels('filter: { maxInputPerMTok: "0" }')).sort()).toEqual(zero('cheapestInput'));
  });

  it('CHEAPEST_OUTPUT_PRICE orders the whole catalog by the comparison’s cheapest output, unknown last', async () => {
    const order = await allModels('orderBy: { field: CHEAPEST_OUTPUT_PRICE }');
    expect(order).toHaveLength(facts.length);
    const bySlug = new Map(facts.map((m) => [m.slug, engine.get(m.id)!.cheapestOutput?.perMTok ?? null]));
    const values = order.map((slug) => bySlug.get(slug)!);
    for (let i = 1; i < values.length; i++) {
      const [previous, current] = [values[i - 1]!, values[i]!];
      if (current === null) continue;
      expect(previous, `${order[i - 1]} before ${order[i]}`).not.toBeNull();
      expect(previous.greaterThan(current), `${order[i - 1]} before ${order[i]}`).toBe(false);
    }
  });

  it('providerCount is the number of distinct providers with a purchasable route, as SQL counts them', async () => {
    const rows = await t.db
      .selectFrom('offerings')
      .innerJoin('providers', 'providers.id', 'offerings.provider_id')
      .where(isPurchasable)
      .groupBy('offerings.model_id')
      .select(['offerings.model_id', (eb) => eb.fn.count<number>('offerings.provider_id').distinct().as('providers')])
      .execute();
    const bySql = new Map(rows.map((r) => [r.model_id, Number(r.providers)]));
    const mismatches = facts
      .map((m) => ({ slug: m.slug, sql: bySql.get(m.id) ?? 0, engine: engine.get(m.id)!.providerCount }))
      .filter((x) => x.sql !== x.engine);
    expect(mismatches).toEqual([]);
  });

  it('the routes SQL prices from are exactly the comparison’s purchasable routes with a price', async () => {
    const sqlRoutes = await purchasableRoutes(t.db, asOf).select('offerings.id').execute();
    const sqlIds = new Set(sqlRoutes.map((r) => r.id));
    const engineIds = new Set(facts.flatMap((m) => m.routes.filter((r) => r.purchasable).map((r) => r.offeringId)));
    // The SQL path also needs a price in force; the comparison's `purchasable` is about the route alone.
    for (const id of sqlIds) expect(engineIds.has(id), `offering ${id}`).toBe(true);
    const pricedEngineIds = facts.flatMap((m) =>
      m.routes.filter((r) => r.purchasable && (r.input !== null || r.output !== null)).map((r) => r.offeringId),
    );
    expect(pricedEngineIds.filter((id) => !sqlIds.has(id))).toEqual([]);
  });

  it('the test fixtures’ purchasable mirror agrees with the database’s rule on every route', () => {
    const disagreements = facts.flatMap((m) =>
      m.routes
        .filter((r) => r.purchasable !== purchasableAsInDatabase(r))
        .map((r) => ({ model: m.slug, offering: r.offeringId, status: r.status, provider: r.provider.status, variants: r.variants })),
    );
    expect(disagreements).toEqual([]);
    expect(facts.some((m) => m.routes.some((r) => r.variants.includes('free') && !r.purchasable))).toBe(true);
  });
});
