import { readFileSync } from 'node:fs';
import { calcPrice, findProvider, type ModelInfo, type Provider, type Usage } from '@pydantic/genai-prices';
import { describe, expect, it } from 'vitest';
import { ProviderRegistry } from '../../src/catalog/providers.js';
import {
  decimalTextOf,
  FIELDS_OUTSIDE_TOKEN_WORKLOADS,
  GenaiPriceFieldError,
  genaiPriceChangeDates,
  genaiPriceComponents,
  genaiTierThresholds,
  DOUBLE_DIGITS,
  significantDigits,
  type GenaiComponents,
} from '../../src/catalog/sources/genai-prices-components.js';
import { type BasePrice, routeCost } from '../../src/resolvers/cost/price.js';
import { workload, type Workload } from '../../src/resolvers/cost/workload.js';
import { Decimal } from '../../src/resolvers/decimal.js';

/**
 * The cost model against genai-prices' own calcPrice, for every model of every
 * provider in data/catalog/providers.csv (column genai_prices_id): each
 * model's price is converted (src/catalog/sources/genai-prices-components.ts)
 * and priced by routeCost (src/resolvers/cost/price.ts) on the workloads
 * below, on a fixed day, the day before and the day of each dated price
 * change, and, for routes with daily windows, at every UTC hour. calcPrice
 * prices one request at one instant: the reference is its price × requests,
 * averaged over the minutes the workload is spread over (the day, or its
 * hour) when the route has daily windows.
 *
 * Every comparison must agree to 1e-9 relative, or be one of:
 *  - a designed difference, checked: genai-prices charges nothing for a unit
 *    it has no price for (output on an embedding model, text tokens on a
 *    transcription model); routeCost reports the unit missing and the cost
 *    unknown. The check: pricing exactly the missing units at zero gives
 *    genai-prices' number.
 *  - an entry in one of the tables below, with its reason. An entry that no
 *    longer differs fails the test, so the tables stay true.
 */

/** The day everything is priced on, fixed so the test does not change with the clock. */
const DAY = '2026-11-27';
const RELATIVE = 1e-9;

/** Models whose price cannot be converted, by route ("provider/model"): the field and why it cannot be expressed. */
const CONVERSION_EXCEPTIONS: Record<string, { field: string; reason: string }> = {
  'perplexity/sonar-deep-research': {
    field: 'output_citation_mtok',
    reason:
      'citation tokens are text output priced apart ($2 against $8 per 1M); a workload counts output tokens without saying how many are citations, so no component can price them',
  },
  'x-ai/grok-voice-latest': {
    field: 'input_text_messages_kcount',
    reason: 'a voice model priced per hour of audio and per 1,000 text messages sent into the session: neither is a token price',
  },
  'x-ai/grok-voice-think-fast-1.0': {
    field: 'input_text_messages_kcount',
    reason: 'a voice model priced per hour of audio and per 1,000 text messages sent into the session: neither is a token price',
  },
  'x-ai/grok-voice-think-fast-2.0': {
    field: 'input_text_messages_kcount',
    reason: 'a voice model priced per hour of audio and per 1,000 text messages sent into the session: neither is a token price',
  },
};

/** Models calcPrice itself cannot price for these workloads: the error and why. */
const CALC_PRICE_EXCEPTIONS: Record<string, { error: RegExp; reason: string }> = {};

/** Route and workload ("provider/model @ workload") whose costs differ, and why. */
const COST_EXCEPTIONS: Record<string, string> = {};

interface Case {
  name: string;
  w: Workload;
}

const w = (requests: bigint, input: bigint, output: bigint, cached = 0n, written = 0n, hourUtc: number | null = null): Workload =>
  workload({ inputTokens: input, outputTokens: output, cachedInputTokens: cached, cacheWriteTokens: written, requestsPerMonth: requests, hourUtc });

const BASE_CASES: Case[] = [
  { name: '1,000 × 1K in / 1K out', w: w(1000n, 1000n, 1000n) },
  { name: '100 × 3K in / 500 out', w: w(100n, 3000n, 500n) },
  { name: '1 × 250K in / 1K out', w: w(1n, 250_000n, 1000n) },
  { name: '1,000 × 1K in (800 cached) / 200 out', w: w(1000n, 1000n, 200n, 800n) },
  { name: '1,000 × 1K in (300 cached, 200 written) / 200 out', w: w(1000n, 1000n, 200n, 300n, 200n) },
  { name: '1,000 × 1K in / 0 out (input only)', w: w(1000n, 1000n, 0n) },
];

function casesFor(model: ModelInfo, windowed: boolean): Case[] {
  const cases = [...BASE_CASES];
  for (const t of genaiTierThresholds(model)) {
    cases.push({ name: `1 × ${t} in (at the tier) / 1K out`, w: w(1n, BigInt(t), 1000n) });
    cases.push({ name: `1 × ${t + 1} in (just above the tier) / 1K out`, w: w(1n, BigInt(t + 1), 1000n) });
  }
  if (windowed) {
    for (let hour = 0; hour < 24; hour++) {
      cases.push({ name: `1,000 × 1K in / 1K out at ${hour}h UTC`, w: w(1000n, 1000n, 1000n, 0n, 0n, hour) });
      cases.push({ name: `1,000 × 1K in (800 cached) / 200 out at ${hour}h UTC`, w: w(1000n, 1000n, 200n, 800n, 0n, hour) });
    }
  }
  return cases;
}

function usageOf(x: Workload): Usage {
  const usage: Usage = { input_tokens: Number(x.inputTokens), output_tokens: Number(x.outputTokens) };
  if (x.cachedInputTokens > 0n) usage.cache_read_tokens = Number(x.cachedInputTokens);
  if (x.cacheWriteTokens > 0n) usage.cache_write_tokens = Number(x.cacheWriteTokens);
  return usage;
}

function hasWindows(model: ModelInfo): boolean {
  return Array.isArray(model.prices) && model.prices.some((p) => p.constraint?.type === 'time_of_date');
}

const dayStart = (day: string) => new Date(`${day}T00:00:00Z`).getTime();
const shiftDay = (day: string, days: number) => new Date(dayStart(day) + days * 86_400_000).toISOString().slice(0, 10);

interface Tally {
  routes: number;
  comparisons: number;
  matched: number;
  unknownNeverZero: number;
  inputOnlyRoutes: Set<string>;
  windowedRoutes: Set<string>;
  datedRoutes: Set<string>;
  tieredRoutes: Set<string>;
  ignoredFields: Map<string, number>;
  artefacts: Set<string>;
  resolvedElsewhere: string[];
  exceptions: string[];
  failures: string[];
  usedExceptions: Set<string>;
}

/**
 * genai-prices' price of one request at `at`. Some entries' match logic does
 * not match their own id (calcPrice(id) finds nothing, or another entry):
 * those are priced with the entry pinned (a provider holding just it,
 * matched by id), and listed in the summary.
 */
function referencePrice(provider: Provider, model: ModelInfo, usage: Usage, at: Date, tally: Tally, route: string): number {
  const result = calcPrice(usage, model.id, { providerId: provider.id, timestamp: at });
  if (result && result.model.id === model.id) return result.total_price;
  const note = `${route} (${result ? `→ ${result.model.id}` : 'no match'})`;
  if (!tally.resolvedElsewhere.includes(note)) tally.resolvedElsewhere.push(note);
  const pinned: Provider = { ...provider, models: [{ ...model, match: { equals: model.id } }] };
  const again = calcPrice(usage, model.id, { provider: pinned, timestamp: at });
  if (!again) throw new Error(`calcPrice found no price for ${route}`);
  return again.total_price;
}

/** The reference cost of a workload on a day: calcPrice × requests, averaged over the minutes the requests are spread over. */
function reference(provider: Provider, model: ModelInfo, x: Workload, day: string, tally: Tally, route: string): number {
  const usage = usageOf(x);
  const start = dayStart(day);
  if (!hasWindows(model)) {
    const minute = x.hourUtc === null ? 12 * 60 : x.hourUtc * 60;
    return referencePrice(provider, model, usage, new Date(start + minute * 60_000), tally, route) * Number(x.requestsPerMonth);
  }
  const [from, length] = x.hourUtc === null ? [0, 1440] : [x.hourUtc * 60, 60];
  let sum = 0;
  for (let m = from; m < from + length; m++) sum += referencePrice(provider, model, usage, new Date(start + m * 60_000), tally, route);
  return (sum / length) * Number(x.requestsPerMonth);
}

const close = (a: number, b: number) => Math.abs(a - b) <= RELATIVE * Math.max(Math.abs(a), Math.abs(b)) || Math.max(Math.abs(a), Math.abs(b)) < 1e-15;

const BASE_FIELD_OF: Record<string, keyof BasePrice> = { input: 'input', output: 'output', cached_input: 'cachedInput', cache_write_5m: 'cacheWrite5m' };

/** The designed difference: with exactly the missing units priced at zero, routeCost must give genai-prices' number. */
function zeroForMissing(converted: GenaiComponents, missing: string[]): BasePrice | null {
  const base = { ...converted.base };
  for (const m of missing) {
    const field = BASE_FIELD_OF[m.split(' ')[0]!];
    if (!field || m.includes('(') || base[field] !== null) return null;
    base[field] = Decimal.ZERO;
  }
  return base;
}

function compareRoute(provider: Provider, model: ModelInfo, tally: Tally): void {
  const route = `${provider.id}/${model.id}`;
  tally.routes++;
  const windowed = hasWindows(model);
  if (windowed) tally.windowedRoutes.add(route);
  const changes = genaiPriceChangeDates(model);
  if (changes.length > 0) tally.datedRoutes.add(route);
  if (genaiTierThresholds(model).length > 0) tally.tieredRoutes.add(route);
  const days = [...new Set([DAY, ...changes.flatMap((d) => [shiftDay(d.slice(0, 10), -1), d.slice(0, 10)])])];
  const cases = casesFor(model, windowed);

  for (const day of days) {
    let converted: GenaiComponents;
    try {
      converted = genaiPriceComponents(model, new Date(dayStart(day)), { ignore: Object.keys(FIELDS_OUTSIDE_TOKEN_WORKLOADS) });
    } catch (error) {
      if (!(error instanceof GenaiPriceFieldError)) throw error;
      const listed = CONVERSION_EXCEPTIONS[route];
      if (listed && listed.field === error.field) {
        tally.usedExceptions.add(`conversion ${route}`);
        tally.exceptions.push(`${route} on ${day}: not converted (${error.field}): ${listed.reason}`);
      } else tally.failures.push(`${route} on ${day}: conversion failed: ${error.message}`);
      continue;
    }
    for (const field of converted.ignored) tally.ignoredFields.set(field, (tally.ignoredFields.get(field) ?? 0) + 1);
    for (const artefact of converted.artefacts) tally.artefacts.add(`${route}: ${artefact.split(': ').at(-1)} (${artefact.split(' ').at(-2)?.replace(':', '')})`);

    for (const { name, w: x } of cases) {
      tally.comparisons++;
      const key = `${route} @ ${name}${day === DAY ? '' : ` on ${day}`}`;
      let expected: number;
      try {
        expected = reference(provider, model, x, day, tally, route);
      } catch (error) {
        const listed = CALC_PRICE_EXCEPTIONS[route];
        if (listed && listed.error.test((error as Error).message)) {
          tally.usedExceptions.add(`calcPrice ${route}`);
          tally.exceptions.push(`${key}: calcPrice throws "${(error as Error).message}": ${listed.reason}`);
        } else tally.failures.push(`${key}: calcPrice threw: ${(error as Error).message}`);
        continue;
      }
      const ours = routeCost(converted.base, converted.components, x);
      let agrees: boolean;
      if (ours.monthlyCost !== null) {
        agrees = close(ours.monthlyCost.toNumber(), expected);
        if (agrees && name.includes('input only') && converted.base.output === null) tally.inputOnlyRoutes.add(route);
      } else {
        const zeroed = zeroForMissing(converted, ours.missing);
        const check = zeroed && routeCost(zeroed, converted.components, x).monthlyCost;
        agrees = false;
        if (check && close(check.toNumber(), expected)) {
          tally.unknownNeverZero++;
          continue;
        }
      }
      if (agrees) {
        tally.matched++;
        continue;
      }
      const detail = `ours ${ours.monthlyCost?.toString() ?? `unknown (missing ${ours.missing.join(', ')})`}, calcPrice ${expected}`;
      const reason = COST_EXCEPTIONS[`${route} @ ${name}`];
      if (reason) {
        tally.usedExceptions.add(`cost ${route} @ ${name}`);
        tally.exceptions.push(`${key}: ${detail}: ${reason}`);
      } else tally.failures.push(`${key}: ${detail}`);
    }
  }
}

function summary(t: Tally): string {
  const ignored = [...t.ignoredFields].map(([f, n]) => `${f} (${n})`).join(', ');
  const exceptionKinds = new Map<string, number>();
  for (const e of t.exceptions) {
    const route = e.split(' @ ')[0]!.split(' on ')[0]!;
    exceptionKinds.set(route, (exceptionKinds.get(route) ?? 0) + 1);
  }
  return [
    `calcPrice differential on ${DAY}:`,
    `  routes checked: ${t.routes} (${t.tieredRoutes.size} with context tiers, ${t.windowedRoutes.size} with daily windows, ${t.datedRoutes.size} with dated changes, ${t.inputOnlyRoutes.size} input-only)`,
    `  comparisons: ${t.comparisons}; equal to ${RELATIVE} relative: ${t.matched}`,
    `  unknown, not zero (genai-prices charges nothing for an unpriced unit; checked by pricing it at zero): ${t.unknownNeverZero}`,
    `  listed exceptions: ${t.exceptions.length}${[...exceptionKinds].map(([r, n]) => `\n    ${r}: ${n}`).join('')}`,
    `  fields ignored as outside token workloads (conversions): ${ignored || 'none'}`,
    `  prices that are binary artefacts in the source (converted exactly as written): ${[...t.artefacts].join(', ') || 'none'}`,
    `  entries calcPrice does not find by their own id (compared with the entry pinned): ${t.resolvedElsewhere.length}: ${t.resolvedElsewhere.join(', ') || 'none'}`,
    `  failures: ${t.failures.length}`,
  ].join('\n');
}

describe('the cost model against genai-prices calcPrice', () => {
  it('prices every model of every listed provider as calcPrice does, or says why not', async () => {
    const registry = await ProviderRegistry.load();
    const tally: Tally = {
      routes: 0,
      comparisons: 0,
      matched: 0,
      unknownNeverZero: 0,
      inputOnlyRoutes: new Set(),
      windowedRoutes: new Set(),
      datedRoutes: new Set(),
      tieredRoutes: new Set(),
      ignoredFields: new Map(),
      artefacts: new Set(),
      resolvedElsewhere: [],
      exceptions: [],
      failures: [],
      usedExceptions: new Set(),
    };
    for (const id of registry.genaiPricesIds()) {
      const provider = findProvider({ providerId: id });
      expect(provider?.id, `genai-prices provider ${id}`).toBe(id);
      for (const model of provider!.models) compareRoute(provider!, model, tally);
    }
    console.log(summary(tally));
    if (tally.failures.length > 0) console.log(tally.failures.slice(0, 200).join('\n'));
    if (tally.exceptions.length > 0) console.log(tally.exceptions.join('\n'));

    expect(tally.failures).toEqual([]);
    const listed = [
      ...Object.keys(CONVERSION_EXCEPTIONS).map((r) => `conversion ${r}`),
      ...Object.keys(CALC_PRICE_EXCEPTIONS).map((r) => `calcPrice ${r}`),
      ...Object.keys(COST_EXCEPTIONS).map((k) => `cost ${k}`),
    ];
    expect(listed.filter((e) => !tally.usedExceptions.has(e)), 'listed exceptions that no longer differ').toEqual([]);
    expect(tally.windowedRoutes.size).toBeGreaterThan(0);
    expect(tally.datedRoutes.size).toBeGreaterThan(0);
    expect(tally.tieredRoutes.size).toBeGreaterThan(0);
    expect(tally.inputOnlyRoutes.size).toBeGreaterThan(0);
  }, 300_000);

  it('every price in the package’s bundled data converts to the decimal its source text says', () => {
    // The bundle holds the price data as JS literals (the package's source
    // JSON, as built): each price literal, read as exact decimal text, must
    // equal the conversion of the number it parses to. Literals of at most
    // 15 significant digits are exact by the argument in the converter's
    // comment; the few longer ones (binary artefacts in genai-prices' own
    // data) are checked the same way, and counted.
    const source = readFileSync(new URL('../../node_modules/@pydantic/genai-prices/dist/index.js', import.meta.url), 'utf8');
    const literal = /\b(\w+_(?:mtok|kcount|hours|kpages|mchars|gpixels)|base|price): (\d*\.?\d+(?:e[-+]?\d+)?)\b/g;
    let checked = 0;
    const artefacts = new Set<string>();
    for (const [, field, text] of source.matchAll(literal)) {
      const [mantissa = '', exponent = '0'] = text!.split('e');
      const exact = Number(exponent) < 0 ? Decimal.from(mantissa).shiftLeft(-Number(exponent)) : Decimal.from(mantissa).times(Decimal.from(10n ** BigInt(exponent)));
      const converted = Decimal.from(decimalTextOf(Number(text), field!));
      expect(converted.equals(exact), `${field}: ${text}`).toBe(true);
      if (significantDigits(converted.toString()) > DOUBLE_DIGITS) artefacts.add(text!);
      checked++;
    }
    console.log(`bundled price literals checked: ${checked}; binary artefacts among them: ${[...artefacts].join(', ')}`);
    expect(checked).toBeGreaterThan(3000);
    expect(artefacts.size).toBeLessThan(10);
  });
});
