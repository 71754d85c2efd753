import type { ModelInfo, ModelPrice, TieredPrices } from '@pydantic/genai-prices';
import type { PriceComponent, PriceUnit } from '../../domain/pricing.js';
import type { BasePrice } from '../../resolvers/cost/price.js';
import { Decimal } from '../../resolvers/decimal.js';

/**
 * One @pydantic/genai-prices model price, on one UTC day, as the cost model's
 * input: the base price (the `prices` row) and the components beyond it
 * (src/domain/pricing.ts), exactly, so that routeCost
 * (src/resolvers/cost/price.ts) gives what genai-prices' calcPrice gives
 * (test/integration/calc-price-differential.test.ts checks every model of
 * every provider in data/catalog/providers.csv).
 *
 * How genai-prices prices (read from its 0.1.8 source, dist/index.js):
 *
 * - A model's `prices` is one ModelPrice or a list of ConditionalPrice. For
 *   a timestamp the list is scanned from the LAST entry back, and the first
 *   entry that applies wins: no constraint always applies; `start_date`
 *   applies from that date's UTC midnight (`timestamp >= new
 *   Date(start_date)`); `time_of_date` applies when the UTC time of day is in
 *   [start_time, end_time), wrapping past midnight when end < start. If none
 *   applies, the first entry is used. So a daily window placed after a dated
 *   entry wins on every date, before that date too (DeepSeek V4's peak hours
 *   are an example the package itself documents).
 * - A ModelPrice maps price keys to a number or TieredPrices `{ base, tiers:
 *   [{ start, price }] }`. A tier applies when the request's input_tokens
 *   (cache reads and writes included) are strictly greater than `start`, the
 *   highest such tier wins, and its price applies to every token of that key
 *   in the request: an exclusive, whole-request tier of that unit.
 * - Usage is decomposed into leaves: input_tokens minus the cache reads and
 *   writes when (and only when) cache_read_mtok / cache_write_mtok are
 *   priced. So with no cache-read price, cache reads are charged as input
 *   tokens (at the input price and tier); likewise cache writes. routeCost
 *   falls back the same way.
 * - A key with no price charges nothing (output with no output_mtok is
 *   free); routeCost instead reports it missing (unknown is never zero).
 * - requests_kcount is per 1,000 requests, and calcPrice prices one request.
 *
 * Conversion on a day:
 *
 * - The day is cut at every daily-window edge, and each piece gets the entry
 *   the scan above picks there. The entry in force for the most minutes of
 *   the day (the earlier entry on a tie) is the base: its prices are the
 *   `prices` row and its all-day components. Every other entry becomes
 *   components with a window [start, end) in minutes after midnight UTC,
 *   one per run of the day it covers (wrapping past midnight).
 * - A window's components are a whole price list for the units they name
 *   (routeCost does not mix them with the all-day tiers). When the base
 *   prices a unit the window's entry does not, genai-prices falls back inside
 *   the window (cache reads to the input price, 1-hour cache writes to
 *   cache_write_mtok, audio and image tokens to their text price, reasoning
 *   to output): the window gets that fallback's components under the unit's
 *   name. Input, output and the request fee have no fallback: genai-prices
 *   charges nothing for them in the window, which a component cannot say, so
 *   that throws.
 * - A start date inside the day (not at its midnight) would change the price
 *   during the day and throws; genai-prices' dates are whole days.
 *
 * Fields: input_mtok, output_mtok, cache_read_mtok and cache_write_mtok (the
 * 5-minute write) make the base price; cache_write_1h_mtok, input_audio_mtok,
 * output_audio_mtok, input_image_mtok, output_reasoning_mtok and
 * requests_kcount (÷ 1,000: per request) become components. Any other field
 * throws a GenaiPriceFieldError naming it, unless the caller lists it in
 * `ignore` (FIELDS_OUTSIDE_TOKEN_WORKLOADS are the ones a token workload never
 * uses); the ignored fields met are returned in `ignored`.
 *
 * Numbers: genai-prices gives JS numbers. A number becomes its shortest
 * round-trip text, String(n) (exponent expanded: 1.5e-7 → "0.00000015"),
 * never rounded. Why that is the number written in the source JSON: a
 * decimal of at most 15 significant digits survives the trip through a
 * double and is printed back as itself (two distinct decimals of at most 15
 * digits never round to the same double, so the shortest text that reads
 * back as the double is that decimal). A text of more than 15 significant
 * digits (0.18000000000000002, 0.08333333333333334) is a binary artefact: the
 * source itself holds it, written by a shortest-round-trip printer (Python's
 * repr, JS's String), so String(n) is still the source's text, but no one
 * meant it as a price. Those are converted exactly all the same and listed in
 * `artefacts`; with `normaliseArtefacts` they are rounded, half away from
 * zero, to 10 significant digits (0.18, 0.08333333333), the policy of
 * src/catalog/units.ts for imported prices. The differential test checks
 * the claim against the package's own text: every price literal in its
 * bundled data equals, as a decimal, the conversion of the number it parses
 * to.
 */

export class GenaiPriceFieldError extends Error {
  constructor(
    /** The genai-prices field (or constraint field) that cannot be expressed. */
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'GenaiPriceFieldError';
  }
}

type PerWhat = 'mtok' | 'kcount';

/** The fields that become base prices or components, and what each is per. */
export const GENAI_PRICE_FIELDS: Readonly<Record<string, { unit: PriceUnit; per: PerWhat }>> = {
  input_mtok: { unit: 'input', per: 'mtok' },
  output_mtok: { unit: 'output', per: 'mtok' },
  cache_read_mtok: { unit: 'cached_input', per: 'mtok' },
  cache_write_mtok: { unit: 'cache_write_5m', per: 'mtok' },
  cache_write_1h_mtok: { unit: 'cache_write_1h', per: 'mtok' },
  input_audio_mtok: { unit: 'input_audio', per: 'mtok' },
  output_audio_mtok: { unit: 'output_audio', per: 'mtok' },
  input_image_mtok: { unit: 'input_image', per: 'mtok' },
  output_reasoning_mtok: { unit: 'reasoning', per: 'mtok' },
  requests_kcount: { unit: 'request', per: 'kcount' },
};

/**
 * Fields pricing usage that a workload of text tokens never has (tool calls,
 * pages, seconds of audio, tokens of other modalities): a caller may ignore
 * them explicitly. Not here, because text workloads do incur them:
 * output_citation_mtok (citation tokens are text output), input_mchars,
 * input_text_messages_kcount (text sent into a voice session, per message),
 * and input/output_text_* (text tokens priced apart from other modalities).
 */
export const FIELDS_OUTSIDE_TOKEN_WORKLOADS: Readonly<Record<string, string>> = {
  web_searches_kcount: 'web searches, a tool fee per search',
  storage_searches_kcount: 'file or vector-store searches, a tool fee per search',
  code_executions_kcount: 'code executions, a tool fee per run',
  social_searches_kcount: 'social searches, a tool fee per search',
  rerank_searches_kcount: 'rerank searches, per search',
  input_document_kpages: 'document pages (OCR), per page',
  input_annotated_document_kpages: 'annotated document pages (OCR), per page',
  audio_hours: 'seconds of audio (transcription), per hour',
  input_audio_hours: 'seconds of input audio, per hour',
  output_audio_hours: 'seconds of output audio, per hour',
  input_gpixels: 'image pixels, per gigapixel',
  cache_audio_read_mtok: 'cached audio tokens',
  cache_image_read_mtok: 'cached image tokens',
  input_video_mtok: 'video input tokens',
  output_video_mtok: 'video output tokens',
  output_image_mtok: 'generated image tokens',
};

/** When a window's entry lacks a unit the base prices, genai-prices charges it as the first of these the entry prices. */
const WINDOW_FALLBACKS: Partial<Record<PriceUnit, PriceUnit[]>> = {
  cached_input: ['input'],
  cache_write_5m: ['input'],
  cache_write_1h: ['cache_write_5m', 'input'],
  input_audio: ['input'],
  input_image: ['input'],
  output_audio: ['output'],
  reasoning: ['output'],
};

const BASE_FIELDS: Partial<Record<PriceUnit, keyof BasePrice>> = {
  input: 'input',
  output: 'output',
  cached_input: 'cachedInput',
  cache_write_5m: 'cacheWrite5m',
};

const MINUTES_PER_DAY = 1440;
const DAY_MS = 86_400_000;
/** A double holds every decimal of this many significant digits exactly (DBL_DIG). */
export const DOUBLE_DIGITS = 15;
/** An artefact is rounded to this many significant digits when asked (as src/catalog/units.ts does). */
export const ARTEFACT_DIGITS = 10;

export interface GenaiComponents {
  base: BasePrice;
  components: PriceComponent[];
  /** Fields of the entries in force that the caller chose to ignore. */
  ignored: string[];
  /** Prices of more than 15 significant digits (binary artefacts in the source), as "field: text", whether normalised or not. */
  artefacts: string[];
}

export interface GenaiConversionOptions {
  /** Fields to leave out rather than throw on (e.g. Object.keys(FIELDS_OUTSIDE_TOKEN_WORKLOADS)). */
  ignore?: Iterable<string>;
  /** Round artefacts to ARTEFACT_DIGITS significant digits instead of keeping the source's text. */
  normaliseArtefacts?: boolean;
}

type Model = Pick<ModelInfo, 'id' | 'prices'>;
type Entry = { constraint?: { type: string; [key: string]: unknown }; prices: ModelPrice };

/**
 * The base price and components of `model` on the UTC day of `at` (the time
 * of day of `at` does not matter: daily windows become components).
 */
export function genaiPriceComponents(model: Model, at: Date, options: GenaiConversionOptions = {}): GenaiComponents {
  const ignore = new Set(options.ignore ?? []);
  const read: Reading = { ignore, ignored: new Set(), artefacts: new Set(), normalise: options.normaliseArtefacts === true };
  const dayStart = Math.floor(at.getTime() / DAY_MS) * DAY_MS;
  if (Number.isNaN(dayStart)) throw new RangeError(`genai-prices ${model.id}: invalid date`);
  const entries: Entry[] = Array.isArray(model.prices) ? (model.prices as Entry[]) : [{ prices: model.prices as ModelPrice }];
  if (entries.length === 0) throw new GenaiPriceFieldError('prices', `genai-prices ${model.id}: an empty list of prices`);

  const windows = entries.map((entry, i) => windowOf(entry, `genai-prices ${model.id} prices[${i}]`));
  const inForce = entries.map((entry, i) => startDateInForce(entry, dayStart, `genai-prices ${model.id} prices[${i}]`));

  // The day cut at every window edge; the entry genai-prices picks on each piece.
  const edges = new Set<number>([0]);
  for (const w of windows) if (w) for (const edge of [w.start, w.end]) edges.add(edge % MINUTES_PER_DAY);
  const starts = [...edges].sort((a, b) => a - b);
  const pieces = starts.map((start, i) => ({ start, end: starts[i + 1] ?? MINUTES_PER_DAY, entry: pick(entries, windows, inForce, start) }));

  // Runs of the same entry, the last joined to the first across midnight.
  const runs: { start: number; end: number; entry: number }[] = [];
  for (const piece of pieces) {
    const last = runs.at(-1);
    if (last && last.entry === piece.entry) last.end = piece.end;
    else runs.push({ ...piece });
  }
  if (runs.length > 1 && runs[0]!.entry === runs.at(-1)!.entry) {
    const first = runs.shift()!;
    runs.at(-1)!.end = first.end;
  }
  const minutes = new Map<number, number>();
  for (const run of runs) minutes.set(run.entry, (minutes.get(run.entry) ?? 0) + runLength(run));
  const baseEntry = [...minutes.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0];

  const where = (i: number) => `genai-prices ${model.id}${Array.isArray(model.prices) ? ` prices[${i}]` : ''}`;
  const baseSchedule = schedules(entries[baseEntry]!.prices, where(baseEntry), read);
  const base: BasePrice = { input: null, output: null, cachedInput: null, cacheWrite5m: null };
  const components: PriceComponent[] = [];
  for (const [unit, tiers] of baseSchedule) {
    for (const tier of tiers) {
      const field = BASE_FIELDS[unit];
      if (field && tier.threshold === null) base[field] = Decimal.from(tier.price);
      else components.push(component(unit, tier, null));
    }
  }

  for (const run of runs) {
    if (run.entry === baseEntry) continue;
    const window = { start: run.start, end: run.end };
    const label = `${where(run.entry)} (in force ${clock(run.start)}–${clock(run.end)} UTC)`;
    const own = schedules(entries[run.entry]!.prices, where(run.entry), read);
    for (const [unit, tiers] of own) for (const tier of tiers) components.push(component(unit, tier, window));
    for (const unit of baseSchedule.keys()) {
      if (own.has(unit)) continue;
      const fallback = (WINDOW_FALLBACKS[unit] ?? []).find((f) => own.has(f));
      if (!fallback) {
        throw new GenaiPriceFieldError(
          fieldOf(unit),
          `${label} has no ${fieldOf(unit)} while the all-day price has one: genai-prices charges nothing for it in that window, which a price component cannot say`,
        );
      }
      for (const tier of own.get(fallback)!) components.push(component(unit, tier, window));
    }
  }
  return { base, components, ignored: [...read.ignored].sort(), artefacts: [...read.artefacts].sort() };
}

/** The dates (YYYY-MM-DD as written) from which a model's price changes. */
export function genaiPriceChangeDates(model: Model): string[] {
  if (!Array.isArray(model.prices)) return [];
  const dates = (model.prices as Entry[]).flatMap((e) => (e.constraint?.type === 'start_date' ? [String(e.constraint['start_date'])] : []));
  return [...new Set(dates)].sort();
}

/** The tier thresholds (input tokens) any price of the model has. */
export function genaiTierThresholds(model: Model): number[] {
  const entries: Entry[] = Array.isArray(model.prices) ? (model.prices as Entry[]) : [{ prices: model.prices as ModelPrice }];
  const starts = new Set<number>();
  for (const e of entries) for (const v of Object.values(e.prices)) if (v && typeof v === 'object') for (const t of v.tiers) starts.add(t.start);
  return [...starts].sort((a, b) => a - b);
}

interface Reading {
  ignore: Set<string>;
  ignored: Set<string>;
  artefacts: Set<string>;
  normalise: boolean;
}

interface TierPrice {
  price: string;
  threshold: bigint | null;
}

/** Each unit an entry prices, as its tiers (the base first): USD per 1M tokens, or per request. */
function schedules(prices: ModelPrice, where: string, read: Reading): Map<PriceUnit, TierPrice[]> {
  const result = new Map<PriceUnit, TierPrice[]>();
  for (const [field, value] of Object.entries(prices)) {
    if (value === undefined) continue;
    const known = GENAI_PRICE_FIELDS[field];
    if (!known) {
      if (read.ignore.has(field)) {
        read.ignored.add(field);
        continue;
      }
      const outside = FIELDS_OUTSIDE_TOKEN_WORKLOADS[field];
      throw new GenaiPriceFieldError(
        field,
        `${where}: field ${field} cannot be expressed as a price component${outside ? ` (it prices ${outside}; list it in ignore to leave it out)` : ''}`,
      );
    }
    const perUnit = (n: unknown, name: string) => {
      let text = decimalTextOf(n, `${where} ${name}`, name);
      if (significantDigits(text) > DOUBLE_DIGITS) {
        read.artefacts.add(`${where} ${name}: ${text}`);
        if (read.normalise) text = roundSignificant(text, ARTEFACT_DIGITS);
      }
      return known.per === 'kcount' ? Decimal.from(text).shiftLeft(3).toString() : text;
    };
    if (typeof value === 'number') {
      result.set(known.unit, [{ price: perUnit(value, field), threshold: null }]);
      continue;
    }
    const tiered = value as TieredPrices;
    if (typeof tiered !== 'object' || tiered === null || !Array.isArray(tiered.tiers)) {
      throw new GenaiPriceFieldError(field, `${where}: field ${field} is neither a number nor tiered prices`);
    }
    const tiers: TierPrice[] = [{ price: perUnit(tiered.base, `${field}.base`), threshold: null }];
    const seen = new Set<number>();
    tiered.tiers.forEach((tier, i) => {
      const name = `${field}.tiers[${i}].start`;
      if (!Number.isSafeInteger(tier.start) || tier.start <= 0) {
        throw new GenaiPriceFieldError(name, `${where}: ${name} must be a positive whole number of input tokens, not ${String(tier.start)}`);
      }
      if (seen.has(tier.start)) throw new GenaiPriceFieldError(name, `${where}: two tiers of ${field} start at ${tier.start}`);
      seen.add(tier.start);
      tiers.push({ price: perUnit(tier.price, `${field}.tiers[${i}].price`), threshold: BigInt(tier.start) });
    });
    result.set(known.unit, tiers);
  }
  return result;
}

function component(unit: PriceUnit, tier: TierPrice, window: { start: number; end: number } | null): PriceComponent {
  return {
    unit,
    price: tier.price,
    tierThreshold: tier.threshold,
    tierInclusive: false,
    tierScope: 'whole-request',
    windowStart: window?.start ?? null,
    windowEnd: window?.end ?? null,
    serviceTier: 'standard',
  };
}

function fieldOf(unit: PriceUnit): string {
  return Object.entries(GENAI_PRICE_FIELDS).find(([, v]) => v.unit === unit)![0];
}

/** The entry genai-prices picks at a minute of the day (the scan from the last entry back). */
function pick(entries: Entry[], windows: ({ start: number; end: number } | null)[], inForce: boolean[], minute: number): number {
  for (let i = entries.length - 1; i >= 0; i--) {
    const type = entries[i]!.constraint?.type;
    if (type === undefined) return i;
    if (type === 'start_date' && inForce[i]) return i;
    const w = windows[i];
    if (w && (w.start < w.end ? minute >= w.start && minute < w.end : minute >= w.start || minute < w.end)) return i;
  }
  return 0;
}

/** A daily window as minutes after midnight UTC, or null for an entry without one. */
function windowOf(entry: Entry, where: string): { start: number; end: number } | null {
  const c = entry.constraint;
  if (c === undefined || c.type === 'start_date') return null;
  if (c.type !== 'time_of_date') throw new GenaiPriceFieldError('constraint.type', `${where}: unknown constraint ${JSON.stringify(c)}`);
  const start = minuteOf(c['start_time'], `${where} constraint.start_time`, 'constraint.start_time');
  const end = minuteOf(c['end_time'], `${where} constraint.end_time`, 'constraint.end_time');
  if (start === end) throw new GenaiPriceFieldError('constraint', `${where}: a daily window from ${clock(start)} to itself`);
  return { start, end };
}

/** "16:30:00Z", "08:00:00+08:00" → minutes after midnight UTC; a time between whole minutes throws. */
function minuteOf(value: unknown, where: string, field: string): number {
  const match = typeof value === 'string' ? /^(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|([+-])(\d{2}):(\d{2}))$/.exec(value) : null;
  if (!match) throw new GenaiPriceFieldError(field, `${where}: not a time of day: ${JSON.stringify(value)}`);
  const [, h, m, s, fraction = '', zone, sign, oh = '00', om = '00'] = match;
  if (Number(h) > 23 || Number(m) > 59 || Number(s) > 59 || Number(oh) > 23 || Number(om) > 59) {
    throw new GenaiPriceFieldError(field, `${where}: not a time of day: ${JSON.stringify(value)}`);
  }
  if (Number(s) !== 0 || /[1-9]/.test(fraction)) {
    throw new GenaiPriceFieldError(field, `${where}: ${String(value)} is not on a whole minute; windows are whole minutes`);
  }
  const offset = zone === 'Z' ? 0 : (sign === '+' ? 1 : -1) * (Number(oh) * 60 + Number(om));
  return (((Number(h) * 60 + Number(m) - offset) % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
}

/** Whether an entry's start date is in force all day; a date changing during the day throws. */
function startDateInForce(entry: Entry, dayStart: number, where: string): boolean {
  const c = entry.constraint;
  if (c?.type !== 'start_date') return false;
  const from = new Date(String(c['start_date'])).getTime();
  if (Number.isNaN(from)) throw new GenaiPriceFieldError('constraint.start_date', `${where}: not a date: ${JSON.stringify(c['start_date'])}`);
  if (from > dayStart && from < dayStart + DAY_MS) {
    throw new GenaiPriceFieldError('constraint.start_date', `${where}: ${String(c['start_date'])} starts during the day, not at its midnight UTC`);
  }
  return from <= dayStart;
}

function runLength(run: { start: number; end: number }): number {
  return run.end > run.start ? run.end - run.start : run.end + MINUTES_PER_DAY - run.start;
}

function clock(minute: number): string {
  const m = minute % MINUTES_PER_DAY;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** A price as exact decimal text: String(n), its exponent expanded (see "Numbers" above). */
export function decimalTextOf(value: unknown, where: string, field = where): string {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new GenaiPriceFieldError(field, `${where}: ${String(value)} is not a finite non-negative number`);
  }
  const text = String(value);
  const [mantissa = text, exponent = '0'] = text.split('e');
  const [whole = '0', fraction = ''] = mantissa.split('.');
  const digits = whole + fraction;
  // Move the point: value = 0.digits × 10^(whole.length + exponent).
  const point = whole.length + Number(exponent);
  const padded = point <= 0 ? '0'.repeat(1 - point) + digits : point > digits.length ? digits + '0'.repeat(point - digits.length) : digits;
  const at = point <= 0 ? 1 : point;
  return Decimal.from(`${padded.slice(0, at)}${at < padded.length ? `.${padded.slice(at)}` : ''}`).toString();
}

/** Significant digits of decimal text: '0.0200' → 1, '0.18000000000000002' → 17. */
export function significantDigits(text: string): number {
  return text.replace(/^-/, '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '').length;
}

/** Decimal text rounded, half away from zero, to `digits` significant digits: ('0.08333333333333334', 10) → '0.08333333333'. */
export function roundSignificant(text: string, digits: number): string {
  const [whole = '0', fraction = ''] = text.replace(/^-/, '').split('.');
  const first = (whole + fraction).search(/[1-9]/);
  if (first === -1) return Decimal.from(text).toString();
  const places = digits - whole.length + first;
  return places >= 0 ? Decimal.from(text).round(places).toString() : text;
}
