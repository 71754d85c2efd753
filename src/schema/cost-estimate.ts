import { loadModelFacts } from '../resolvers/comparison-facts.js';
import { type RouteCost, routeCaveat, routeCosts } from '../resolvers/comparison/costs.js';
import type { Traffic } from '../resolvers/comparison/facts.js';
import { builder } from './builder.js';
import { TrafficInput, trafficFrom } from './comparison-inputs.js';
import { resolveModels, TrafficRef } from './comparison.js';
import { ModelRef, OfferingRef, ProviderRef } from './refs.js';
import type { ModelRow } from '../db/database.js';

interface CostEstimateShape {
  model: ModelRow;
  traffic: Traffic;
  asOf: Date;
  routes: RouteCost[];
}

const RouteCostRef = builder.objectRef<RouteCost>('RouteCost').implement({
  description: 'One route of a model priced at a monthly traffic.',
  fields: (t) => ({
    offering: t.field({
      type: OfferingRef,
      description: 'The route.',
      resolve: async (r, _a, { loaders }) => (await loaders.offeringsById.load(r.route.offeringId))!,
    }),
    provider: t.field({
      type: ProviderRef,
      description: 'Who serves it.',
      resolve: async (r, _a, { loaders }) => (await loaders.providersById.load(r.route.provider.id))!,
    }),
    inputPerMTok: t.field({ type: 'Decimal', nullable: true, description: 'Input price in force, per 1M tokens.', resolve: (r) => r.route.input?.toString() ?? null }),
    outputPerMTok: t.field({ type: 'Decimal', nullable: true, description: 'Output price in force, per 1M tokens.', resolve: (r) => r.route.output?.toString() ?? null }),
    monthlyCost: t.field({
      type: 'Decimal',
      nullable: true,
      description: 'USD a month at the traffic; null when a price the traffic needs is unknown.',
      resolve: (r) => r.monthlyCost?.toString() ?? null,
    }),
    purchasable: t.exposeBoolean('purchasable', {
      description: 'An active route on an active provider, not a rate-limited free tier: can be chosen as cheapest.',
    }),
    note: t.string({ nullable: true, description: 'Why this route cannot be the cheapest, if it cannot.', resolve: routeCaveat }),
  }),
});

const CostEstimateRef = builder.objectRef<CostEstimateShape>('CostEstimate').implement({
  description: 'Every route of one model priced at a monthly traffic: the cost calculator.',
  fields: (t) => ({
    model: t.field({ type: ModelRef, description: 'The model.', resolve: (e) => e.model }),
    traffic: t.field({ type: TrafficRef, description: 'The traffic priced.', resolve: (e) => e.traffic }),
    asOf: t.field({ type: 'DateTime', description: 'The instant whose prices were used.', resolve: (e) => e.asOf }),
    routes: t.field({
      type: [RouteCostRef],
      description: 'Tracked routes: priced and purchasable first, cheapest first; then unpriced; then deprecated.',
      resolve: (e) => e.routes,
    }),
    cheapest: t.field({
      type: RouteCostRef,
      nullable: true,
      description: 'The route to buy at this traffic; null when no purchasable route has the prices needed.',
      resolve: (e) => e.routes.find((r) => r.purchasable && r.monthlyCost !== null) ?? null,
    }),
  }),
});

builder.queryFields((t) => ({
  costEstimate: t.field({
    type: CostEstimateRef,
    description: 'Prices every route of one model at a monthly traffic, cheapest first.',
    args: {
      model: t.arg.string({ required: true, description: 'Model slug or Model node id.' }),
      traffic: t.arg({ type: TrafficInput, description: 'Monthly traffic; default 700M input + 300M output tokens.' }),
      asOf: t.arg({ type: 'DateTime', description: 'Use the prices in force at this instant; default now.' }),
    },
    resolve: async (_root, args, context) => {
      const [model] = await resolveModels(context, [args.model], 'model');
      const asOf = args.asOf ?? new Date();
      const [facts] = await loadModelFacts(context, [model!], asOf, { pricesAreCurrent: !args.asOf });
      const traffic = trafficFrom(args.traffic);
      return { model: model!, traffic, asOf, routes: routeCosts(facts!.routes, traffic) };
    },
  }),
}));
