import type { PriceComponent, PriceUnit, ServiceTier, TierScope } from '../../domain/pricing.js';
import { Decimal } from '../decimal.js';
import { checkWorkload, trafficWorkloads, type MonthlyTraffic, type Workload } from './workload.js';

/**
 * What a workload costs on one route, from the route's base price and its
 * price components (src/domain/pricing.ts), in exact decimals. Pure: no
 * database, no schema; the resolvers read the rows and call this.
 *
 * The request. Its input tokens are laid out as a prompt cache sees them:
 * the cached prefix first (positions 1…cached), then the tokens written to
 * the cache, then the uncached rest. Each kind is priced by its own unit:
 *
 *   cached reads   `cached_input`    (none listed: at the input price, as genai-prices does)
 *   cache writes   `cache_write_5m`  (none listed: at the input price, as genai-prices does)
 *   uncached input `input`
 *   output         `output`          (reasoning included: a workload does not split it out,
 *                                      so a `reasoning` price is not used)
 *   the request    `request`         (a fee per request, only when listed)
 *
 * Which price of a unit applies (its "schedule"):
 *  - Service tier: only the components of the workload's tier; the base
 *    price is the standard tier's. A route that lists no component for a
 *    non-standard tier does not offer it: the cost is null and `missing` says
 *    so. A tier that is offered but lists no price for a unit the workload
 *    needs leaves that unit missing (a batch price is never guessed from the
 *    standard one).
 *  - Time of day: the components whose window covers the minute; when none
 *    does, the all-day ones (and the base price). A window's components are
 *    a whole price list for that unit in that window: they are not mixed
 *    with the all-day tiers.
 *  - Context tier: of the schedule's entries that apply, the one with the
 *    highest threshold (a threshold passed exclusively ranks above the same
 *    threshold passed inclusively; no threshold ranks lowest). A
 *    `whole-request` entry applies when the request's input tokens (cached
 *    included) pass its threshold, and then prices every token of its unit
 *    in the request. A `tokens-above` entry applies to the input positions
 *    past its threshold only (an inclusive threshold t: positions t…; an
 *    exclusive one: t + 1…), so the tokens below keep the lower price; it
 *    cannot split output tokens or the request fee, which have no input
 *    position, so such a route's output is missing when that tier applies.
 *
 * Time: with `hourUtc` null the requests are spread evenly over the day, and
 * the cost is the time-weighted mean over the day's windows, each weighing
 * its minutes / 1,440 exactly; with an hour, over that hour's minutes / 60.
 * A line covering only part of the period says so in `timeShare`.
 *
 * Unknown is never zero: a token kind the workload has (or the output) with
 * no price at all is named in `missing` and `monthlyCost` is null (the lines
 * that could be priced are still returned). A route with no output price
 * (embeddings) costs its input when the workload has no output tokens.
 *
 * Exactness: every price, quantity and product is an exact Decimal; prices
 * are per 1M tokens (per request for `request`). The one division is by a
 * period's minutes (1,440 or 60), for a line covering part of the period.
 * When its result has a finite decimal expansion it is exact; otherwise
 * (minutes/1,440 = 1/3 for DeepSeek's 8-hour off-peak window) it is rounded,
 * half away from zero, DIVISION_DIGITS decimals past the dividend's own, per
 * request, and then multiplied by the requests, so the cost stays exactly
 * linear in requests and the month's cost is exactly the sum of its lines.
 */

export interface BasePrice {
  /** USD per 1M tokens, standard tier, all day, any request size; null when unknown. */
  input: Decimal | null;
  output: Decimal | null;
  cachedInput: Decimal | null;
  cacheWrite5m: Decimal | null;
}

/** The part of the period (the day, or the workload's hour) a line covers, when not all of it. */
export interface TimeShare {
  minutes: number;
  /** 1,440 when the workload is spread over the day, 60 for one hour. */
  of: number;
}

export interface CostLine {
  /** The kind of token (or the request) priced: `cached_input` even when charged at the input price. */
  component: PriceUnit;
  /** Tokens (requests for `request`) per month, over the whole period; `timeShare` says which part this line prices. */
  quantity: bigint;
  /** USD per 1M tokens, per request for `request`. */
  unitPrice: Decimal;
  /** quantity × unitPrice (÷ 1M for tokens) × timeShare, exactly (see the division rule above). */
  cost: Decimal;
  /** Why this price: "above 200K input tokens", "off-peak 16:30–00:30 UTC", "batch tier"; null for the plain base price. */
  condition: string | null;
  timeShare: TimeShare | null;
}

export interface RouteCost {
  /** USD per month; null when a price the workload needs is unknown. */
  monthlyCost: Decimal | null;
  lines: CostLine[];
  /** What could not be priced, each starting with the unit ("output", "cached_input (batch tier)"), or the unavailable tier. */
  missing: string[];
}

/** Decimals kept, past the dividend's own, when dividing by a period's minutes does not terminate. */
export const DIVISION_DIGITS = 24;

const MINUTES_PER_DAY = 1440;
const PER_MILLION = 6;

interface Window {
  start: number;
  end: number;
}

/** A component (or the base price) ready to apply. */
interface Rate {
  unit: PriceUnit;
  price: Decimal;
  threshold: bigint | null;
  inclusive: boolean;
  scope: TierScope;
  window: Window | null;
  serviceTier: ServiceTier;
}

/** One priced part of one request, in one slice of the period. */
interface Item {
  unit: PriceUnit;
  count: bigint;
  rate: Rate;
  note: string | null;
}

const BASE_FIELDS: Partial<Record<PriceUnit, keyof BasePrice>> = {
  input: 'input',
  output: 'output',
  cached_input: 'cachedInput',
  cache_write_5m: 'cacheWrite5m',
};

const FALLBACK_NOTES: Partial<Record<PriceUnit, string>> = {
  cached_input: 'cached input billed as input: no cache price listed',
  cache_write_5m: 'cache writes billed as input: no cache-write price listed',
};

export function routeCost(base: BasePrice, components: readonly PriceComponent[], w: Workload): RouteCost {
  checkWorkload(w);
  const tier = w.serviceTier;
  const all = components.map(toRate);
  if (tier !== 'standard' && !all.some((r) => r.serviceTier === tier)) {
    return { monthlyCost: null, lines: [], missing: [`${tier} tier (not offered on this route)`] };
  }
  const rates = all.filter((r) => r.serviceTier === tier);
  const [from, length] = w.hourUtc === null ? [0, MINUTES_PER_DAY] : [w.hourUtc * 60, 60];
  const slices = slicesOf(rates, from, length);

  const missing: string[] = [];
  const parts = new Map<string, { item: Item; minutes: number }>();
  for (const slice of slices) {
    const priced = requestItems(base, rates, tier, w, slice.start);
    for (const m of priced.missing) if (!missing.includes(m)) missing.push(m);
    for (const item of priced.items) {
      const key = `${item.unit}|${item.count}|${item.rate.price.toString()}|${conditionOf(item, base, rates, tier) ?? ''}`;
      const part = parts.get(key);
      if (part) part.minutes += slice.minutes;
      else parts.set(key, { item, minutes: slice.minutes });
    }
  }

  const lines = [...parts.values()].map(({ item, minutes }): CostLine => {
    const perRequest = Decimal.from(item.count)
      .times(item.rate.price)
      .shiftLeft(item.unit === 'request' ? 0 : PER_MILLION);
    const share = minutes === length ? perRequest : divide(perRequest.times(Decimal.from(minutes)), BigInt(length));
    return {
      component: item.unit,
      quantity: item.count * w.requestsPerMonth,
      unitPrice: item.rate.price,
      cost: share.times(Decimal.from(w.requestsPerMonth)),
      condition: conditionOf(item, base, rates, tier),
      timeShare: minutes === length ? null : { minutes, of: length },
    };
  });
  const total = lines.reduce((sum, line) => sum.plus(line.cost), Decimal.ZERO);
  return { monthlyCost: missing.length > 0 ? null : total, lines, missing };
}

/**
 * Several request shapes sent in the same month (traffic is up to three):
 * their costs added, equal lines merged; null when any shape's is.
 */
export function workloadsCost(base: BasePrice, components: readonly PriceComponent[], workloads: readonly Workload[]): RouteCost {
  const missing: string[] = [];
  const lines = new Map<string, CostLine>();
  for (const w of workloads) {
    const cost = routeCost(base, components, w);
    for (const m of cost.missing) if (!missing.includes(m)) missing.push(m);
    for (const line of cost.lines) {
      const share = line.timeShare ? `${line.timeShare.minutes}/${line.timeShare.of}` : '';
      const key = `${line.component}|${line.unitPrice.toString()}|${line.condition ?? ''}|${share}`;
      const seen = lines.get(key);
      lines.set(key, seen ? { ...seen, quantity: seen.quantity + line.quantity, cost: seen.cost.plus(line.cost) } : line);
    }
  }
  const merged = [...lines.values()];
  const total = merged.reduce((sum, line) => sum.plus(line.cost), Decimal.ZERO);
  return { monthlyCost: missing.length > 0 ? null : total, lines: merged, missing };
}

/** The comparison's traffic on a route: see trafficWorkloads for the requests it is made of. */
export function trafficCost(base: BasePrice, components: readonly PriceComponent[], traffic: MonthlyTraffic): RouteCost {
  return workloadsCost(base, components, trafficWorkloads(traffic));
}

function toRate(c: PriceComponent): Rate {
  const where = `price component ${c.unit}${c.serviceTier === 'standard' ? '' : ` (${c.serviceTier})`}`;
  const price = Decimal.from(c.price);
  if (price.isNegative()) throw new RangeError(`${where}: negative price ${c.price}`);
  if (c.tierThreshold !== null && c.tierThreshold <= 0n) throw new RangeError(`${where}: tier threshold must be positive, not ${c.tierThreshold}`);
  let window: Window | null = null;
  if (c.windowStart !== null || c.windowEnd !== null) {
    const { windowStart: start, windowEnd: end } = c;
    const valid =
      start !== null && end !== null && Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start < MINUTES_PER_DAY && end >= 0 && end <= MINUTES_PER_DAY && start !== end % MINUTES_PER_DAY;
    if (!valid) throw new RangeError(`${where}: invalid time window ${start}–${end} (minutes after midnight UTC, [start, end), start ≠ end)`);
    window = { start, end };
  }
  return { unit: c.unit, price, threshold: c.tierThreshold, inclusive: c.tierInclusive, scope: c.tierScope, window, serviceTier: c.serviceTier };
}

function covers(w: Window, minute: number): boolean {
  const end = w.end % MINUTES_PER_DAY;
  return w.start < end ? minute >= w.start && minute < end : minute >= w.start || minute < end;
}

/** The period cut at every window edge inside it: within a slice every rate's window is either in force or not. */
function slicesOf(rates: readonly Rate[], from: number, length: number): { start: number; minutes: number }[] {
  const edges = new Set<number>([from]);
  for (const r of rates) {
    if (!r.window) continue;
    for (const edge of [r.window.start, r.window.end % MINUTES_PER_DAY]) if (edge > from && edge < from + length) edges.add(edge);
  }
  const starts = [...edges].sort((a, b) => a - b);
  return starts.map((start, i) => ({ start, minutes: (starts[i + 1] ?? from + length) - start }));
}

function basePriceOf(base: BasePrice, unit: PriceUnit): Decimal | null {
  const field = BASE_FIELDS[unit];
  return field ? base[field] : null;
}

/** The prices of a unit in force at a minute for a tier (see "Which price of a unit applies"). */
function schedule(base: BasePrice, rates: readonly Rate[], tier: ServiceTier, unit: PriceUnit, minute: number): Rate[] {
  const mine = rates.filter((r) => r.unit === unit);
  const windowed = mine.filter((r) => r.window !== null && covers(r.window, minute));
  const chosen = windowed.length > 0 ? windowed : mine.filter((r) => r.window === null);
  const basePrice = tier === 'standard' && windowed.length === 0 ? basePriceOf(base, unit) : null;
  if (basePrice && !chosen.some((r) => r.threshold === null)) {
    chosen.push({ unit, price: basePrice, threshold: null, inclusive: false, scope: 'whole-request', window: null, serviceTier: 'standard' });
  }
  const ranks = new Set<bigint>();
  for (const r of chosen) {
    if (ranks.has(rank(r))) {
      throw new RangeError(`price components: two ${unit} prices for the same tier${r.window ? ` in the same window` : ''} (${tier}); which applies is ambiguous`);
    }
    ranks.add(rank(r));
  }
  return chosen;
}

/** Higher ranks win: no threshold lowest, then by threshold, exclusive above inclusive at the same threshold. */
function rank(r: Rate): bigint {
  return r.threshold === null ? -1n : r.threshold * 2n + (r.inclusive ? 0n : 1n);
}

function highest(rates: Rate[]): Rate | null {
  return rates.reduce<Rate | null>((best, r) => (best === null || rank(r) > rank(best) ? r : best), null);
}

/** Whether a request of `inputTokens` passes a rate's threshold. */
function passes(r: Rate, inputTokens: bigint): boolean {
  return r.threshold === null || (r.inclusive ? inputTokens >= r.threshold : inputTokens > r.threshold);
}

/** Input positions past this are in a tokens-above tier. */
function boundary(r: Rate): bigint {
  return r.threshold === null ? 0n : r.inclusive ? r.threshold - 1n : r.threshold;
}

/**
 * The input positions (lo, hi] priced by a schedule, cut where a tokens-above
 * tier starts; null when some position has no price.
 */
function pricePositions(rates: Rate[], lo: bigint, hi: bigint, inputTokens: bigint): { count: bigint; rate: Rate }[] | null {
  const cuts = new Set<bigint>([lo, hi]);
  for (const r of rates) if (r.scope === 'tokens-above' && r.threshold !== null && boundary(r) > lo && boundary(r) < hi) cuts.add(boundary(r));
  const points = [...cuts].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const pieces: { count: bigint; rate: Rate }[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i]!, points[i + 1]!];
    const rate = highest(rates.filter((r) => (r.scope === 'whole-request' ? passes(r, inputTokens) : b > boundary(r))));
    if (!rate) return null;
    const last = pieces.at(-1);
    if (last && last.rate === rate) last.count += b - a;
    else pieces.push({ count: b - a, rate });
  }
  return pieces;
}

/** What one request is charged, at a minute of the period. */
function requestItems(base: BasePrice, rates: readonly Rate[], tier: ServiceTier, w: Workload, minute: number): { items: Item[]; missing: string[] } {
  const items: Item[] = [];
  const missing: string[] = [];
  const tierNote = tier === 'standard' ? '' : ` (${tier} tier)`;
  const total = w.inputTokens;
  const cached = w.cachedInputTokens;
  const written = cached + w.cacheWriteTokens;

  const positional: [PriceUnit, bigint, bigint][] = [
    ['input', written, total],
    ['cached_input', 0n, cached],
    ['cache_write_5m', cached, written],
  ];
  for (const [unit, lo, hi] of positional) {
    if (hi === lo) continue;
    let rs = schedule(base, rates, tier, unit, minute);
    let note: string | null = null;
    if (rs.length === 0 && unit !== 'input') {
      rs = schedule(base, rates, tier, 'input', minute);
      note = FALLBACK_NOTES[unit] ?? null;
    }
    const pieces = rs.length > 0 ? pricePositions(rs, lo, hi, total) : null;
    if (!pieces) {
      missing.push(rs.length > 0 ? `${unit}${tierNote} (no price for a request of ${total} input tokens)` : `${unit}${tierNote}`);
      continue;
    }
    for (const piece of pieces) items.push({ unit, count: piece.count, rate: piece.rate, note });
  }

  const whole: [PriceUnit, bigint, boolean][] = [
    ['output', w.outputTokens, true],
    ['request', 1n, false],
  ];
  for (const [unit, count, required] of whole) {
    if (count === 0n) continue;
    const rs = schedule(base, rates, tier, unit, minute);
    if (rs.length === 0) {
      if (required) missing.push(`${unit}${tierNote}`);
      continue;
    }
    const rate = highest(rs.filter((r) => passes(r, total)));
    if (!rate) missing.push(`${unit}${tierNote} (no price for a request of ${total} input tokens)`);
    else if (rate.scope === 'tokens-above' && rate.threshold !== null) {
      missing.push(`${unit}${tierNote} (a tokens-above tier cannot split ${unit} by input position)`);
    } else items.push({ unit, count, rate, note: null });
  }
  return { items, missing };
}

/** "above 200K input tokens", "off-peak 16:30–00:30 UTC", "batch tier", or null for the plain base price. */
function conditionOf(item: Item, base: BasePrice, rates: readonly Rate[], tier: ServiceTier): string | null {
  const { rate } = item;
  const parts: string[] = [];
  if (rate.threshold !== null) {
    const t = rate.threshold;
    if (rate.scope === 'whole-request') parts.push(rate.inclusive ? `${tokens(t)} input tokens or more` : `above ${tokens(t)} input tokens`);
    else parts.push(`input tokens past the first ${tokens(rate.inclusive ? t - 1n : t)}`);
  }
  if (rate.window) {
    const allDay = allDayPrice(base, rates, tier, rate.unit);
    const label = !allDay ? '' : rate.price.lessThan(allDay) ? 'off-peak ' : rate.price.greaterThan(allDay) ? 'peak ' : '';
    parts.push(`${label}${clock(rate.window.start)}–${clock(rate.window.end)} UTC`);
  }
  if (tier !== 'standard') parts.push(`${tier} tier`);
  if (item.note) parts.push(item.note);
  return parts.length > 0 ? parts.join(', ') : null;
}

/** The all-day, any-size price of a unit, which a window's price is peak or off-peak against. */
function allDayPrice(base: BasePrice, rates: readonly Rate[], tier: ServiceTier, unit: PriceUnit): Decimal | null {
  const allDay = rates.find((r) => r.unit === unit && r.window === null && r.threshold === null);
  return allDay?.price ?? (tier === 'standard' ? basePriceOf(base, unit) : null);
}

function clock(minute: number): string {
  const m = minute % MINUTES_PER_DAY;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** 200000 → "200K", 1000000 → "1M", 131072 → "131,072". */
export function tokens(n: bigint): string {
  if (n !== 0n && n % 1_000_000n === 0n) return `${n / 1_000_000n}M`;
  if (n !== 0n && n % 1000n === 0n) return `${n / 1000n}K`;
  return n.toString().replace(/\B(?=(\d{3})+$)/g, ',');
}

/**
 * x ÷ d for a positive whole d: exact when the quotient's decimal expansion
 * ends, otherwise rounded half away from zero DIVISION_DIGITS decimals past
 * x's own. Uses only Decimal's public arithmetic and its exact text.
 */
export function divide(x: Decimal, d: bigint): Decimal {
  if (d <= 0n) throw new RangeError(`divide by a positive whole number, not ${d}`);
  const text = x.toString();
  const negative = text.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? text.slice(1) : text).split('.');
  const coefficient = BigInt(whole + fraction);
  const signed = (q: bigint, scale: number) => {
    const value = Decimal.from(q).shiftLeft(scale);
    return negative ? value.negated() : value;
  };
  // d has at most log2(d) factors of 2 and 5: that many more digits end any terminating quotient.
  for (let extra = 0; extra <= d.toString(2).length; extra++) {
    const n = coefficient * 10n ** BigInt(extra);
    if (n % d === 0n) return signed(n / d, fraction.length + extra);
  }
  const n = coefficient * 10n ** BigInt(DIVISION_DIGITS);
  let q = n / d;
  if ((n % d) * 2n >= d) q += 1n;
  return signed(q, fraction.length + DIVISION_DIGITS);
}
