/**
 * What a route's price is made of, defined once: the cost model
 * (src/resolvers/cost/), the importers, the table types and the GraphQL
 * enums derive from these lists. Pure: imports nothing.
 *
 * A route's price at an effective date is its base price (the `prices` row:
 * input, output, cached-input read and 5-minute cache write per 1M tokens,
 * standard tier, all day, any request size) plus extra components: context
 * tiers, time-of-day windows, service tiers, 1-hour cache writes,
 * per-request fees, reasoning, audio and image tokens.
 */

/** What a component prices: per 1M tokens, except `request` (per request). */
export const PRICE_UNITS = [
  'input',
  'cached_input',
  'cache_write_5m',
  'cache_write_1h',
  'output',
  'reasoning',
  'request',
  'input_audio',
  'output_audio',
  'input_image',
] as const;
export type PriceUnit = (typeof PRICE_UNITS)[number];

/** How a provider serves a request: a batch or flex request is cheaper and slower, a priority or fast one dearer. */
export const SERVICE_TIERS = ['standard', 'batch', 'flex', 'priority', 'fast'] as const;
export type ServiceTier = (typeof SERVICE_TIERS)[number];

/** Whether crossing a context tier reprices the whole request (genai-prices, Google, Anthropic) or only the tokens above it. */
export const TIER_SCOPES = ['whole-request', 'tokens-above'] as const;
export type TierScope = (typeof TIER_SCOPES)[number];

/** One price component of a route, beyond or instead of its base price. */
export interface PriceComponent {
  unit: PriceUnit;
  /** USD per 1M tokens (per request for `request`), an exact decimal string; never a guess: a component is absent when unknown. */
  price: string;
  /** Applies to requests whose input tokens (cached included) pass this threshold; null for every request size. */
  tierThreshold: bigint | null;
  /** True when a request of exactly `tierThreshold` input tokens is inside the tier. */
  tierInclusive: boolean;
  tierScope: TierScope;
  /** A UTC time-of-day window in minutes after midnight, [start, end); it wraps past midnight when end < start. Null: all day. */
  windowStart: number | null;
  windowEnd: number | null;
  serviceTier: ServiceTier;
}
