import { loadModelFacts } from '../facts/model-facts.js';
import { type PricedRoute, routeCaveat, routeCosts } from '../resolvers/comparison/costs.js';
import type { Traffic } from '../resolvers/comparison/facts.js';
import type { Workload } from '../resolvers/cost/workload.js';
import { builder } from './builder.js';
import { trafficOrWorkload, usageArgs, usageFrom } from './comparison-inputs.js';
import { resolveModels, TrafficRef } from './comparison.js';
import { referenceRule } from './input-rules.js';
import { CostLineRef, WorkloadRef } from './pricing.js';
import { ModelRef, OfferingRef, ProviderRef } from './refs.js';
import type { ModelRow } from '../db/database.js';

interface CostEstimateShape {
  model: ModelRow;
  traffic: Traffic;
  workload: Workload | null;
  asOf: Date;
  routes: PricedRoute[];
}

const RouteCostRef = builder.objectRef<PricedRoute>('RouteCost').implement({
  description: 'One route of a model priced at a monthly traffic or a workload, through the cost model.',
  fields: (t) => ({
    offering: t.field({
      type: OfferingRef,
      description: 'The route.',
      resolve: (r, _a, { loaders }) => loaders.offeringsById.existing(r.route.offeringId),
    }),
    provider: t.field({
      type: ProviderRef,
      description: 'Who serves it.',
      resolve: (r, _a, { loaders }) => loaders.providersById.existing(r.route.provider.id),
    }),
    inputPerMTok: t.field({ type: 'Decimal', nullable: true, description: 'Base input price in force, per 1M tokens.', resolve: (r) => r.route.input?.toString() ?? null }),
    outputPerMTok: t.field({ type: 'Decimal', nullable: true, description: 'Base output price in force, per 1M tokens.', resolve: (r) => r.route.output?.toString() ?? null }),
    monthlyCost: t.field({
      type: 'Decimal',
      nullable: true,
      description: 'USD a month at the traffic or workload: the sum of `breakdown`; null when a price it needs is unknown (`note` says which).',
      resolve: (r) => r.monthlyCost?.toString() ?? null,
    }),
    breakdown: t.field({
      type: [CostLineRef],
      description: 'What each kind of token (and the request fee) costs a month, at which price and why; the lines priceable even when another price is missing.',
      resolve: (r) => r.lines,
    }),
    purchasable: t.exposeBoolean('purchasable', {
      description: 'An active route on an active provider, not a rate-limited free tier: can be chosen as cheapest.',
    }),
    note: t.string({
      nullable: true,
      description: 'Why this route cannot be the cheapest, if it cannot: not purchasable, or which price the traffic or workload needs is missing.',
      resolve: routeCaveat,
    }),
  }),
});

const CostEstimateRef = builder.objectRef<CostEstimateShape>('CostEstimate').implement({
  description: 'Every route of one model priced at a monthly traffic or a workload: the cost calculator.',
  fields: (t) => ({
    model: t.field({ type: ModelRef, description: 'The model.', resolve: (e) => e.model }),
    traffic: t.field({
      type: TrafficRef,
      description: 'The traffic priced; with a workload, the tokens it sends a month (requests × tokens per request).',
      resolve: (e) => e.traffic,
    }),
    workload: t.field({ type: WorkloadRef, nullable: true, description: 'The workload priced, defaults applied; null when traffic was priced.', resolve: (e) => e.workload }),
    asOf: t.field({ type: 'DateTime', description: 'The instant whose prices were used.', resolve: (e) => e.asOf }),
    routes: t.field({
      type: [RouteCostRef],
      description: 'Tracked routes: priced and purchasable first, cheapest at this traffic or workload first; then unpriced; then deprecated.',
      resolve: (e) => e.routes,
    }),
    cheapest: t.field({
      type: RouteCostRef,
      nullable: true,
      description: 'The route to buy at this traffic or workload; null when no purchasable route has the prices needed.',
      resolve: (e) => e.routes.find((r) => r.purchasable && r.monthlyCost !== null) ?? null,
    }),
  }),
});

builder.queryFields((t) => ({
  costEstimate: t.field({
    type: CostEstimateRef,
    description: 'Prices every route of one model at a monthly traffic or a workload, cheapest first.',
    args: {
      model: t.arg.string({ required: true, description: 'Model slug or Model node id; at most 200 characters.', validate: referenceRule }),
      ...usageArgs,
    },
    validate: trafficOrWorkload,
    resolve: async (_root, args, context) => {
      const [model] = await resolveModels(context, [args.model], 'model');
      const asOf = args.asOf ?? new Date();
      const [facts] = await loadModelFacts(context, [model!], asOf, { pricesAreCurrent: !args.asOf });
      const { traffic, workload } = usageFrom(args);
      const routes = routeCosts(facts!.routes, workload ? { workload } : { traffic });
      return { model: model!, traffic, workload, asOf, routes };
    },
  }),
}));
