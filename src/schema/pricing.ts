import { PRICE_UNITS, type PriceComponent, type PriceUnit, SERVICE_TIERS, type ServiceTier, TIER_SCOPES } from '../domain/pricing.js';
import type { CostLine, TimeShare } from '../resolvers/cost/price.js';
import { tokens } from '../resolvers/cost/price.js';
import type { Workload } from '../resolvers/cost/workload.js';
import { builder } from './builder.js';
import { slugEnumValues } from './enum-values.js';
import { PriceRef } from './refs.js';

/**
 * What a price is made of, in GraphQL: the enums derived from
 * src/domain/pricing.ts, a cost model line (CostLine), the workload priced
 * (Workload) and a price row's components (Price.components).
 */

const UNIT_DESCRIPTIONS: Record<PriceUnit, string> = {
  input: 'Input tokens not read from or written to the cache, per 1M.',
  cached_input: 'Input tokens read from the prompt cache, per 1M.',
  cache_write_5m: 'Input tokens written to the 5-minute prompt cache, per 1M.',
  cache_write_1h: 'Input tokens written to the 1-hour prompt cache, per 1M.',
  output: 'Output tokens, reasoning included, per 1M.',
  reasoning: 'Reasoning tokens, where priced apart from output, per 1M.',
  request: 'A fee per request.',
  input_audio: 'Audio input tokens, per 1M.',
  output_audio: 'Audio output tokens, per 1M.',
  input_image: 'Image input tokens, per 1M.',
};

export const PriceComponentUnitEnum = builder.enumType('PriceComponentUnit', {
  description: 'What a price component (or a cost line) prices: per 1M tokens of a kind, or per request.',
  values: slugEnumValues(PRICE_UNITS, UNIT_DESCRIPTIONS),
});

export const ServiceTierEnum = builder.enumType('ServiceTier', {
  description: 'How a provider serves a request: batch and flex are cheaper and slower, priority and fast dearer.',
  values: slugEnumValues(SERVICE_TIERS, {
    standard: 'The ordinary tier: the base price.',
    batch: 'Submitted in a batch, answered within hours.',
    flex: 'Served when capacity allows, slower.',
    priority: 'Served ahead of standard requests.',
    fast: 'A faster variant of the route.',
  } satisfies Record<ServiceTier, string>),
});

export const TierScopeEnum = builder.enumType('TierScope', {
  description: 'What crossing a context tier reprices.',
  values: slugEnumValues(TIER_SCOPES, {
    'whole-request': 'Every token of its kind in a request past the threshold.',
    'tokens-above': 'Only the input tokens past the threshold.',
  }),
});

const hours = (minutes: number) => (minutes % 60 === 0 ? `${minutes / 60}` : null);

/** "8 of the day's 24 hours", "30 of the hour's 60 minutes": the part of the period a line prices. */
export function timeShareText(share: TimeShare): string {
  if (share.of === 1440 && hours(share.minutes) !== null) return `${hours(share.minutes)} of the day's 24 hours`;
  return `${share.minutes} of the ${share.of === 1440 ? 'day' : 'hour'}'s ${share.of.toLocaleString('en-US')} minutes`;
}

/** A line's condition as shown: the cost model's, and the part of the day (or hour) it covers when not all of it. */
export function lineCondition(line: CostLine): string | null {
  const parts = [line.condition, line.timeShare ? timeShareText(line.timeShare) : null].filter((p) => p !== null);
  return parts.length > 0 ? parts.join(', ') : null;
}

export const CostLineRef = builder.objectRef<CostLine>('CostLine').implement({
  description:
    'One kind of token (or the request fee) at one price in a month’s cost. cost = quantity × unitPrice (÷ 1M for tokens), times the share of the day or hour the condition names; the lines of a route sum to its monthlyCost.',
  fields: (t) => ({
    component: t.field({
      type: PriceComponentUnitEnum,
      description: 'What is priced: CACHED_INPUT even when billed at the input price (the condition says so).',
      resolve: (l) => l.component,
    }),
    quantity: t.field({ type: 'TokenCount', description: 'Tokens a month (requests, for REQUEST) priced by this line.', resolve: (l) => l.quantity }),
    unitPrice: t.field({ type: 'Decimal', description: 'USD per 1M tokens, or per request for REQUEST.', resolve: (l) => l.unitPrice.toString() }),
    cost: t.field({ type: 'Decimal', description: 'USD a month, exact.', resolve: (l) => l.cost.toString() }),
    condition: t.string({
      nullable: true,
      description:
        'Why this price: "above 200K input tokens", "off-peak 16:30–00:30 UTC, 8 of the day\'s 24 hours", "batch tier", "cached input billed as input: no cache price listed"; null for the plain base price all the time.',
      resolve: lineCondition,
    }),
  }),
});

export const WorkloadRef = builder.objectRef<Workload>('Workload').implement({
  description: 'The workload a cost was computed for, defaults applied.',
  fields: (t) => ({
    requestsPerMonth: t.field({ type: 'TokenCount', description: 'Requests a month.', resolve: (w) => w.requestsPerMonth }),
    inputTokens: t.field({ type: 'TokenCount', description: 'Input tokens per request, cached ones included.', resolve: (w) => w.inputTokens }),
    outputTokens: t.field({ type: 'TokenCount', description: 'Output tokens per request, reasoning included.', resolve: (w) => w.outputTokens }),
    cachedInputTokens: t.field({ type: 'TokenCount', description: 'Of the input tokens, those read from the cache.', resolve: (w) => w.cachedInputTokens }),
    cacheWriteTokens: t.field({ type: 'TokenCount', description: 'Of the input tokens, those written to the 5-minute cache.', resolve: (w) => w.cacheWriteTokens }),
    hourUtc: t.int({ nullable: true, description: 'The UTC hour every request is sent in; null: spread evenly over the day.', resolve: (w) => w.hourUtc }),
    serviceTier: t.field({ type: ServiceTierEnum, description: 'The service tier priced.', resolve: (w) => w.serviceTier }),
  }),
});

function componentCondition(c: PriceComponent): string | null {
  const clock = (m: number) => `${String(Math.floor((m % 1440) / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  const parts: string[] = [];
  if (c.tierThreshold !== null) {
    const t = tokens(c.tierThreshold);
    if (c.tierScope === 'tokens-above') parts.push(`input tokens past the first ${tokens(c.tierInclusive ? c.tierThreshold - 1n : c.tierThreshold)}`);
    else parts.push(c.tierInclusive ? `${t} input tokens or more` : `above ${t} input tokens`);
  }
  if (c.windowStart !== null && c.windowEnd !== null) parts.push(`${clock(c.windowStart)}–${clock(c.windowEnd)} UTC`);
  if (c.serviceTier !== 'standard') parts.push(`${c.serviceTier} tier`);
  return parts.length > 0 ? parts.join(', ') : null;
}

const PriceComponentRef = builder.objectRef<PriceComponent>('PriceComponent').implement({
  description:
    'A part of a route’s price beyond its base price: a context tier, a time-of-day window, a service tier, a fee. The cost model (README, "How it decides") applies them.',
  fields: (t) => ({
    unit: t.field({ type: PriceComponentUnitEnum, description: 'What it prices.', resolve: (c) => c.unit }),
    price: t.field({ type: 'Decimal', description: 'USD per 1M tokens, or per request for REQUEST.', resolve: (c) => c.price }),
    tierThreshold: t.field({
      type: 'TokenCount',
      nullable: true,
      description: 'Applies to requests whose input tokens (cached included) pass this; null for every request size.',
      resolve: (c) => c.tierThreshold,
    }),
    tierInclusive: t.exposeBoolean('tierInclusive', { description: 'A request of exactly tierThreshold input tokens is inside the tier.' }),
    tierScope: t.field({ type: TierScopeEnum, description: 'Whether the tier reprices the whole request or only the tokens above it.', resolve: (c) => c.tierScope }),
    windowStartMinute: t.int({ nullable: true, description: 'UTC window start, minutes after midnight; null: all day.', resolve: (c) => c.windowStart }),
    windowEndMinute: t.int({
      nullable: true,
      description: 'UTC window end (exclusive), minutes after midnight; before the start when the window wraps past midnight.',
      resolve: (c) => c.windowEnd,
    }),
    serviceTier: t.field({ type: ServiceTierEnum, description: 'The service tier it prices.', resolve: (c) => c.serviceTier }),
    condition: t.string({ nullable: true, description: 'When it applies, in words: "above 200K input tokens, batch tier".', resolve: componentCondition }),
  }),
});

builder.objectField(PriceRef, 'components', (t) =>
  t.field({
    type: [PriceComponentRef],
    description: 'The price’s components beyond the base price (context tiers, time windows, service tiers, fees); empty when the base price is all of it.',
    resolve: (price, _args, { loaders }) => loaders.componentsByPriceId.get(price.id),
  }),
);
