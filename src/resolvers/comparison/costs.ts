import { Decimal } from '../decimal.js';
import type { ModelFacts, RouteFact, Traffic } from './facts.js';
import { sentences } from './sentences.js';

/**
 * Prices and cost. A route counts as tracked unless retired; it can be the
 * cheapest only when it is purchasable (`route.purchasable`, decided once by
 * the database's rule: active route, active provider, not a rate-limited free
 * tier) and the price needed is known. Unknown is never zero.
 */

const MILLION = 6; // prices are per 10^6 tokens

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

/** A month of traffic on one route; null when a price the traffic needs is unknown. */
export function monthlyCostOnRoute(route: RouteFact, traffic: Traffic): Decimal | null {
  let cost = Decimal.ZERO;
  for (const [tokens, price] of [
    [traffic.inputTokens, route.input],
    [traffic.outputTokens, route.output],
  ] as const) {
    if (tokens === 0n) continue;
    if (price === null) return null;
    cost = cost.plus(Decimal.from(tokens).times(price));
  }
  return cost.shiftLeft(MILLION);
}

export interface RouteCost {
  route: RouteFact;
  monthlyCost: Decimal | null;
  purchasable: boolean;
}

/**
 * Why a route is not a candidate for cheapest, or null when it is one. Whether
 * it can be bought is `purchasable`; the route's facts only explain why not.
 */
export function routeCaveat(cost: RouteCost): string | null {
  const provider = cost.route.provider.name;
  if (!cost.purchasable) {
    if (cost.route.provider.status !== 'active') return sentences.providerDeprecated(provider);
    if (cost.route.status !== 'active') return sentences.routeDeprecated(provider);
    if (cost.route.variants.includes('free')) return sentences.routeFreeTier(provider);
    return sentences.routeNotPurchasable(provider);
  }
  if (cost.monthlyCost === null) return sentences.routePriceUnknown(provider);
  return null;
}

/** Every tracked route priced at the traffic: purchasable and priced first, cheapest first. */
export function routeCosts(routes: RouteFact[], traffic: Traffic): RouteCost[] {
  const rank = (c: RouteCost) => (c.purchasable && c.monthlyCost !== null ? 0 : c.purchasable ? 1 : 2);
  return routes
    .filter(isTracked)
    .map((route) => ({ route, monthlyCost: monthlyCostOnRoute(route, traffic), purchasable: route.purchasable }))
    .sort(
      (a, b) =>
        rank(a) - rank(b) ||
        (a.monthlyCost && b.monthlyCost ? a.monthlyCost.compare(b.monthlyCost) : 0) ||
        a.route.provider.name.localeCompare(b.route.provider.name) ||
        a.route.offeringId - b.route.offeringId,
    );
}

/** share × input + (1 − share) × output, per 1M tokens. */
export function blendedPrice(inputShare: Decimal, input: Decimal | null, output: Decimal | null): Decimal | null {
  if (input === null || output === null) return null;
  return inputShare.times(input).plus(Decimal.ONE.minus(inputShare).times(output));
}

export interface ModelCost {
  modelId: number;
  cheapestInput: RoutePrice | null;
  cheapestOutput: RoutePrice | null;
  blendedPerMTok: Decimal | null;
  /** On the single route that is cheapest for the traffic. */
  monthlyCost: Decimal | null;
  routeOfferingId: number | null;
  /** Every tracked route, priced or not, deprecated included. */
  routeCount: number;
  /** Purchasable routes (one provider may sell a model on several). */
  activeRouteCount: number;
  /** Purchasable routes with a known price. */
  pricedRouteCount: number;
  /** Distinct providers with a purchasable route: the availability signal. */
  providerCount: number;
}

export function modelCost(model: ModelFacts, traffic: Traffic, inputShare: Decimal): ModelCost {
  const cheapestInput = cheapestPrice(model.routes, 'input');
  const cheapestOutput = cheapestPrice(model.routes, 'output');
  const best = routeCosts(model.routes, traffic)[0];
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
