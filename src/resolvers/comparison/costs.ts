import type { PriceUnit } from '../../domain/pricing.js';
import { type BasePrice, type CostLine, routeCost, trafficCost, type RouteCost } from '../cost/price.js';
import type { Workload } from '../cost/workload.js';
import { Decimal } from '../decimal.js';
import type { ModelFacts, RouteFact, Traffic } from './facts.js';
import { sentences } from './sentences.js';

/**
 * Prices and cost. A route counts as tracked unless retired; it can be the
 * cheapest only when it is purchasable (`route.purchasable`, decided once by
 * the database's rule: active route, active provider, not a rate-limited free
 * tier) and the price needed is known. Unknown is never zero.
 *
 * What a route costs is the cost model's answer (src/resolvers/cost/price.ts):
 * its base price and components, for either the traffic (tokens a month,
 * sent as many small requests with no cache: trafficWorkloads) or one
 * workload. No arithmetic of its own here.
 */

/** What a cost is computed for: monthly traffic, or a workload (request shape, cache, hour, service tier). */
export type Usage = { traffic: Traffic } | { workload: Workload };

/** "traffic" or "workload", for sentences. */
export function usageNoun(usage: Usage): 'traffic' | 'workload' {
  return 'workload' in usage ? 'workload' : 'traffic';
}

export function isTracked(route: RouteFact): boolean {
  return route.status !== 'retired';
}

export interface RoutePrice {
  perMTok: Decimal;
  offeringId: number;
}

/** Ties go to the provider whose name sorts first, so the answer never depends on row order. */
function byPriceThenProvider<T extends { route: RouteFact }>(key: (item: T) => Decimal) {
  return (a: T, b: T) =>
    key(a).compare(key(b)) ||
    a.route.provider.name.localeCompare(b.route.provider.name) ||
    a.route.offeringId - b.route.offeringId;
}

export function cheapestPrice(routes: RouteFact[], side: 'input' | 'output'): RoutePrice | null {
  const candidates = routes
    .filter((route) => route.purchasable && route[side] !== null)
    .map((route) => ({ route, price: route[side]! }))
    .sort(byPriceThenProvider((c) => c.price));
  const best = candidates[0];
  return best ? { perMTok: best.price, offeringId: best.route.offeringId } : null;
}

function basePrice(route: RouteFact): BasePrice {
  return { input: route.input, output: route.output, cachedInput: route.cachedInput, cacheWrite5m: route.cacheWrite5m };
}

/**
 * The usage on one route, through the cost model. Components the cost model
 * cannot apply (two prices for one tier, a malformed window: the catalog's
 * error, not the client's) make that route's cost unknown, said in `missing`,
 * rather than failing the whole answer.
 */
export function costOnRoute(route: RouteFact, usage: Usage): RouteCost {
  try {
    return 'workload' in usage ? routeCost(basePrice(route), route.components, usage.workload) : trafficCost(basePrice(route), route.components, usage.traffic);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return { monthlyCost: null, lines: [], missing: [`unusable ${error.message}`] };
  }
}

/** One tracked route priced at the usage. */
export interface PricedRoute {
  route: RouteFact;
  /** USD a month; null when a price the usage needs is unknown. */
  monthlyCost: Decimal | null;
  /** What each kind of token (or the request fee) costs a month; they sum to `monthlyCost` when it is known. */
  lines: CostLine[];
  /** The prices the usage needs that the route does not list (empty when priced), as the cost model names them. */
  missing: string[];
  purchasable: boolean;
  usage: Usage;
}

const UNIT_LABELS: Record<PriceUnit, string> = {
  input: 'input',
  cached_input: 'cached-input',
  cache_write_5m: '5-minute cache-write',
  cache_write_1h: '1-hour cache-write',
  output: 'output',
  reasoning: 'reasoning',
  request: 'per-request',
  input_audio: 'audio input',
  output_audio: 'audio output',
  input_image: 'image input',
};

/**
 * The cost model's `missing` entries as people read them: "output" → "no
 * output price", "batch tier (not offered on this route)" → "no batch tier
 * on this route", "input (no price for a request of 300000 input tokens)" →
 * "no input price for a request of 300,000 input tokens".
 */
export function missingText(missing: readonly string[]): string {
  const group = (digits: string) => digits.replace(/\B(?=(\d{3})+$)/g, ',');
  return missing
    .map((m) => {
      const tier = /^(\w+) tier \(not offered on this route\)$/.exec(m);
      if (tier) return `no ${tier[1]} tier on this route`;
      const unit = /^(\w+)(?: \((\w+) tier\))?(?: \((.*)\))?$/.exec(m);
      const label = unit && UNIT_LABELS[unit[1] as PriceUnit];
      if (!unit || !label) return m;
      const [, , serviceTier, detail] = unit;
      const on = serviceTier ? ` on the ${serviceTier} tier` : '';
      if (!detail) return `no ${label} price${on}`;
      const size = /^no price for (a request of )(\d+)( input tokens)$/.exec(detail);
      if (size) return `no ${label} price${on} for ${size[1]}${group(size[2]!)}${size[3]}`;
      return `no ${label} price${on} (${detail})`;
    })
    .join('; ');
}

/**
 * Why a route is not a candidate for cheapest, or null when it is one. Whether
 * it can be bought is `purchasable`; the route's facts only explain why not.
 */
export function routeCaveat(cost: PricedRoute): string | null {
  const provider = cost.route.provider.name;
  if (!cost.purchasable) {
    if (cost.route.provider.status !== 'active') return sentences.providerDeprecated(provider);
    if (cost.route.status !== 'active') return sentences.routeDeprecated(provider);
    if (cost.route.variants.includes('free')) return sentences.routeFreeTier(provider);
    return sentences.routeNotPurchasable(provider);
  }
  if (cost.monthlyCost === null) return sentences.routePriceUnknown(provider, usageNoun(cost.usage), missingText(cost.missing));
  return null;
}

/**
 * Every tracked route priced at the usage: purchasable and priced first,
 * cheapest at this usage first (so a route with a cheap cache price leads a
 * cache-heavy workload); ties by provider name.
 */
export function routeCosts(routes: RouteFact[], usage: Usage): PricedRoute[] {
  const rank = (c: PricedRoute) => (c.purchasable && c.monthlyCost !== null ? 0 : c.purchasable ? 1 : 2);
  const beyond = longContextBeyondListing(routes, usage);
  return routes
    .filter(isTracked)
    .map((route): PricedRoute => {
      const cost = costOnRoute(route, usage);
      const tiered = route.components.some((c) => c.tierThreshold !== null);
      // Cheap by omission is not cheap: the model costs more past its tier where a route says so.
      if (beyond && !tiered && cost.monthlyCost !== null) {
        return { route, monthlyCost: null, lines: [], missing: beyond, purchasable: route.purchasable, usage };
      }
      return { route, ...cost, purchasable: route.purchasable, usage };
    })
    .sort(
      (a, b) =>
        rank(a) - rank(b) ||
        (a.monthlyCost && b.monthlyCost ? a.monthlyCost.compare(b.monthlyCost) : 0) ||
        a.route.provider.name.localeCompare(b.route.provider.name) ||
        a.route.offeringId - b.route.offeringId,
    );
}

/**
 * When some route of the model states a long-context price and the
 * workload's requests pass its threshold, what a route that states none
 * leaves unknown (as the cost model names it); null otherwise. Traffic is
 * many small requests and never passes a tier.
 */
function longContextBeyondListing(routes: RouteFact[], usage: Usage): string[] | null {
  if (!('workload' in usage)) return null;
  const input = usage.workload.inputTokens;
  const passed = routes.some((r) =>
    r.components.some(
      (c) =>
        c.tierThreshold !== null && c.serviceTier === 'standard' && (c.unit === 'input' || c.unit === 'output') &&
        (c.tierInclusive ? input >= c.tierThreshold : input > c.tierThreshold),
    ),
  );
  return passed ? [`input (no price for a request of ${input} input tokens)`, `output (no price for a request of ${input} input tokens)`] : null;
}

/**
 * share × input + (1 − share) × output, per 1M tokens: a per-token list
 * price, from the cheapest input and the cheapest output (possibly two
 * routes), whatever the usage. The monthly cost is what the usage costs.
 */
export function blendedPrice(inputShare: Decimal, input: Decimal | null, output: Decimal | null): Decimal | null {
  if (input === null || output === null) return null;
  return inputShare.times(input).plus(Decimal.ONE.minus(inputShare).times(output));
}

export interface ModelCost {
  modelId: number;
  cheapestInput: RoutePrice | null;
  cheapestOutput: RoutePrice | null;
  blendedPerMTok: Decimal | null;
  /** On the single purchasable route that is cheapest for the usage (traffic or workload). */
  monthlyCost: Decimal | null;
  routeOfferingId: number | null;
  /** The chosen route's cost lines (empty when no route is chosen); they sum to `monthlyCost`. */
  lines: CostLine[];
  /** Every tracked route priced at the usage, as routeCosts orders them: the chosen one first. */
  pricedRoutes: PricedRoute[];
  /** Every tracked route, priced or not, deprecated included. */
  routeCount: number;
  /** Purchasable routes (one provider may sell a model on several). */
  activeRouteCount: number;
  /** Purchasable routes with a known price. */
  pricedRouteCount: number;
  /** Distinct providers with a purchasable route: the availability signal. */
  providerCount: number;
}

export function modelCost(model: ModelFacts, usage: Usage, inputShare: Decimal): ModelCost {
  const cheapestInput = cheapestPrice(model.routes, 'input');
  const cheapestOutput = cheapestPrice(model.routes, 'output');
  const pricedRoutes = routeCosts(model.routes, usage);
  const best = pricedRoutes[0];
  const bought = best && best.purchasable && best.monthlyCost !== null ? best : null;
  const tracked = model.routes.filter(isTracked);
  const active = tracked.filter((r) => r.purchasable);
  return {
    modelId: model.id,
    cheapestInput,
    cheapestOutput,
    blendedPerMTok: blendedPrice(inputShare, cheapestInput?.perMTok ?? null, cheapestOutput?.perMTok ?? null),
    monthlyCost: bought?.monthlyCost ?? null,
    routeOfferingId: bought?.route.offeringId ?? null,
    lines: bought?.lines ?? [],
    pricedRoutes,
    routeCount: tracked.length,
    activeRouteCount: active.length,
    pricedRouteCount: active.filter((r) => r.input !== null || r.output !== null).length,
    providerCount: new Set(active.map((r) => r.provider.id)).size,
  };
}

export interface CostGap {
  /** The model with the lowest monthly cost; null on a tie or with fewer than two known costs. */
  lowerCostModelId: number | null;
  /** Lowest monthly cost against the next lowest. */
  monthlyCostGap: Decimal | null;
}

export function costGap(costs: ModelCost[]): CostGap {
  const known = costs
    .filter((c): c is ModelCost & { monthlyCost: Decimal } => c.monthlyCost !== null)
    .sort((a, b) => a.monthlyCost.compare(b.monthlyCost));
  const [lowest, next] = known;
  if (!lowest || !next) return { lowerCostModelId: null, monthlyCostGap: null };
  const gap = next.monthlyCost.minus(lowest.monthlyCost);
  return { lowerCostModelId: gap.isZero() ? null : lowest.modelId, monthlyCostGap: gap };
}
