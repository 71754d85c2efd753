import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';

/**
 * A free tier is never a list price, on every path: the model list's price
 * filter and ordering, the comparison and the cost estimate. Three made-up
 * models next to the seed page's two:
 * - free-tier-only: its only priced route is OpenRouter's rate-limited free
 *   tier at $0 (plus an unpriced paid route on Fireworks AI);
 * - free-and-paid: the same free tier, and a paid route on Together AI;
 * - two-routes-one-provider: two active priced routes on GroqCloud, one on
 *   NVIDIA NIM, and a free tier on OpenRouter.
 */
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  const creator = await t.db.selectFrom('creators').select('id').where('slug', '=', 'meta').executeTakeFirstOrThrow();
  const providers = new Map(
    (await t.db.selectFrom('providers').select(['id', 'slug']).execute()).map((p) => [p.slug, p.id] as const),
  );
  const models = new Map(
    (
      await t.db
        .insertInto('models')
        .values(
          ['free-tier-only', 'free-and-paid', 'two-routes-one-provider'].map((slug) => ({
            slug,
            name: slug,
            creator_id: creator.id,
            context_window: 8192,
          })),
        )
        .returning(['id', 'slug'])
        .execute()
    ).map((m) => [m.slug, m.id] as const),
  );
  const routes: [model: string, provider: string, id: string, variants: string[], price: [string, string] | null][] = [
    ['free-tier-only', 'openrouter', 'x/free-tier-only:free', ['free'], ['0', '0']],
    ['free-tier-only', 'fireworks-ai', 'x/free-tier-only', [], null],
    ['free-and-paid', 'openrouter', 'x/free-and-paid:free', ['free'], ['0', '0']],
    ['free-and-paid', 'together-ai', 'x/free-and-paid', [], ['0.1', '0.4']],
    ['two-routes-one-provider', 'groqcloud', 'x/two-routes', [], ['0.3', '0.9']],
    ['two-routes-one-provider', 'groqcloud', 'x/two-routes-instant', ['instant'], ['0.2', '0.6']],
    ['two-routes-one-provider', 'nvidia-nim', 'x/two-routes', [], ['0.25', '0.8']],
    ['two-routes-one-provider', 'openrouter', 'x/two-routes:free', ['free'], ['0', '0']],
  ];
  for (const [model, provider, providerModelId, variants, price] of routes) {
    const offering = await t.db
      .insertInto('offerings')
      .values({ model_id: models.get(model)!, provider_id: providers.get(provider)!, provider_model_id: providerModelId, variants })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (price) {
      await t.db
        .insertInto('prices')
        .values({ offering_id: offering.id, effective_from: '2026-01-01', input_per_mtok: price[0], output_per_mtok: price[1] })
        .execute();
    }
  }
});
afterAll(() => t.destroy());

const slugs = (data: any) => data.models.edges.map((e: any) => e.node.slug);

describe('a model whose only priced routes are free tiers', () => {
  it('is excluded by models(filter: { maxOutputPerMTok: "0" }) and by an input ceiling of 0', async () => {
    const { data, errors } = await t.graphql(`{
      output: models(first: 100, filter: { maxOutputPerMTok: "0" }) { totalCount edges { node { slug } } }
      input: models(first: 100, filter: { maxInputPerMTok: "0" }) { totalCount edges { node { slug } } }
    }`);
    expect(errors).toBeUndefined();
    expect(data!.output.totalCount).toBe(0);
    expect(data!.input.totalCount).toBe(0);
    expect(slugs({ models: data!.output })).toEqual([]);
  });

  it('a model with a free tier and a paid route is filtered and ordered by its paid price', async () => {
    const { data } = await t.graphql(`{
      models(first: 100, filter: { creator: "meta", maxOutputPerMTok: "0.4" }, orderBy: { field: CHEAPEST_OUTPUT_PRICE }) { edges { node { slug } } }
    }`);
    expect(slugs(data)).toEqual(['llama-3.1-8b-instruct', 'llama-3.2-1b-instruct', 'free-and-paid']);
    const { data: all } = await t.graphql(`{
      models(first: 100, filter: { creator: "meta" }, orderBy: { field: CHEAPEST_INPUT_PRICE }) { edges { node { slug } } }
    }`);
    // Input 0.02, 0.03, 0.1, 0.2; the free-tier-only model's price is unknown, so last.
    expect(slugs(all)).toEqual(['llama-3.1-8b-instruct', 'llama-3.2-1b-instruct', 'free-and-paid', 'two-routes-one-provider', 'free-tier-only']);
  });

  it('has null cheapest prices and no cost in the comparison, and the cost estimate says why', async () => {
    const { data, errors } = await t.graphql(`{
      comparison(models: ["free-tier-only", "free-and-paid"]) {
        costs {
          model { slug }
          cheapestInput { perMTok offering { provider { slug } } }
          cheapestOutput { perMTok offering { provider { slug } } }
          monthlyCost routeCount activeRouteCount providerCount note
        }
      }
      costEstimate(model: "free-tier-only") { cheapest { monthlyCost } routes { provider { slug } purchasable note } }
    }`);
    expect(errors).toBeUndefined();
    const [freeOnly, freeAndPaid] = data!.comparison.costs;
    expect(freeOnly).toEqual({
      model: { slug: 'free-tier-only' },
      cheapestInput: null,
      cheapestOutput: null,
      monthlyCost: null,
      routeCount: 2,
      activeRouteCount: 1,
      providerCount: 1,
      note: 'free-tier-only has no priced route that can be bought today, so its cost is unknown.',
    });
    expect(freeAndPaid).toMatchObject({
      cheapestInput: { perMTok: '0.1', offering: { provider: { slug: 'together-ai' } } },
      cheapestOutput: { perMTok: '0.4', offering: { provider: { slug: 'together-ai' } } },
      monthlyCost: '190',
      routeCount: 2,
      activeRouteCount: 1,
      providerCount: 1,
    });
    expect(data!.costEstimate.cheapest).toBeNull();
    expect(data!.costEstimate.routes).toEqual([
      { provider: { slug: 'fireworks-ai' }, purchasable: true, note: expect.stringMatching(/price for this traffic is not known/) },
      { provider: { slug: 'openrouter' }, purchasable: false, note: 'OpenRouter offers this as a rate-limited free tier: shown, never chosen as cheapest.' },
    ]);
  });
});

describe('availability counts providers, not routes', () => {
  it('two purchasable routes on one provider count once; the free tier not at all', async () => {
    const { data, errors } = await t.graphql(`{
      comparison(models: ["two-routes-one-provider", "free-and-paid"], weights: { quality: 0, cost: 0, availability: 1, context: 0 }) {
        costs { model { slug } routeCount activeRouteCount pricedRouteCount providerCount cheapestOutput { perMTok } }
        scorecard { signal values { text best } }
        verdict { recommended { slug } reasons scores { model { slug } availability } }
        tradeoffs { model { slug } reasons }
      }
    }`);
    expect(errors).toBeUndefined();
    const c = data!.comparison;
    expect(c.costs[0]).toEqual({
      model: { slug: 'two-routes-one-provider' },
      routeCount: 4,
      activeRouteCount: 3,
      pricedRouteCount: 3,
      providerCount: 2,
      cheapestOutput: { perMTok: '0.6' },
    });
    expect(c.costs[1]).toMatchObject({ providerCount: 1, activeRouteCount: 1 });
    expect(c.verdict.scores.map((s: any) => s.availability)).toEqual([1, 0.5]);
    expect(c.verdict.recommended.slug).toBe('two-routes-one-provider');
    expect(c.verdict.reasons).toContain('two-routes-one-provider can be bought from 2 providers against 1 for free-and-paid.');
    expect(c.tradeoffs[0].reasons).toContain(
      'two-routes-one-provider has broader provider coverage (2 providers to buy from today, against 1) for fallback and procurement flexibility.',
    );
    expect(c.scorecard.find((r: any) => r.signal === 'Provider routes').values).toEqual([
      { text: '4 tracked, 2 providers to buy from', best: true },
      { text: '2 tracked, 1 provider to buy from', best: false },
    ]);
  });
});
