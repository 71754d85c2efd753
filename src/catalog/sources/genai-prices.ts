import { findProvider, type ModelInfo } from '@pydantic/genai-prices';
import type { ProviderRegistry } from '../providers.js';
import { emptyBundle, PRICE_BEFORE_FIRST_CHANGE, type PriceRecord, type RouteRecord, type SourceBundle } from '../records.js';
import { ARTEFACT_DIGITS, FIELDS_OUTSIDE_TOKEN_WORKLOADS, type GenaiComponents, GenaiPriceFieldError, genaiPriceChangeDates, genaiPriceComponents, roundSignificant } from './genai-prices-components.js';

export const GENAI_PRICES_SOURCE = {
  key: 'genai-prices',
  name: '@pydantic/genai-prices 0.1.8 (bundled price data)',
  url: 'https://github.com/pydantic/genai-prices',
  retrievedAt: null,
};

/**
 * Routes and prices from @pydantic/genai-prices, through its public API
 * (findProvider), for the provider ids listed in data/catalog/providers.csv.
 * Its data ships in the package; it is never asked to fetch newer data.
 */
export function readGenaiPrices(providers: ProviderRegistry): SourceBundle {
  const bundle = emptyBundle();
  bundle.sources.push(GENAI_PRICES_SOURCE);
  for (const id of providers.genaiPricesIds()) {
    const found = findProvider({ providerId: id });
    if (!found || found.id !== id) {
      bundle.warnings.push(`genai-prices: provider "${id}" is no longer in the package; update data/catalog/providers.csv`);
      continue;
    }
    const provider = providers.forGenaiPrices(id);
    for (const model of found.models) {
      const where = `genai-prices ${id}/${model.id}`;
      const prices = pricesOf(model, where, bundle.warnings);
      if (prices.length === 0) {
        bundle.warnings.push(`${where}: no input or output token price (not a text model), skipped`);
        continue;
      }
      const route: RouteRecord = {
        provider,
        providerModelId: model.id,
        baseModel: null,
        facts: { name: model.name ?? undefined },
        contextWindow: model.context_window ?? null,
        maxOutputTokens: null,
        deprecated: model.deprecated === true,
        prices,
        source: GENAI_PRICES_SOURCE.key,
      };
      bundle.routes.push(route);
    }
  }
  return bundle;
}

/**
 * A model's prices are one unconditional price, or a list: an undated first
 * price, then prices with a start date (`constraint: { type: 'start_date' }`),
 * and prices for a time of day. Each price set (before the first dated change,
 * then from each change) is read whole by genaiPriceComponents: the base price
 * (what is in force most of the day, for any request size, on the standard
 * tier) plus components for context tiers, time-of-day windows, 1-hour cache
 * writes and per-request fees. The undated first price of a list with dated
 * changes is dated PRICE_BEFORE_FIRST_CHANGE (o3 on OpenAI is $10/$40 before
 * 2025-06-10 and $2/$8 since); a price the source gives no date for at all
 * stays undated: in force from this import, which is all the source tells.
 */
function pricesOf(model: ModelInfo, where: string, warnings: string[]): PriceRecord[] {
  const changes = genaiPriceChangeDates(model);
  // The instant each price set is read at: before the first change, then each change's day.
  const sets: { effectiveFrom: string | null; at: Date }[] =
    changes.length === 0
      ? [{ effectiveFrom: null, at: LATEST }]
      : [
          { effectiveFrom: PRICE_BEFORE_FIRST_CHANGE, at: new Date(Date.parse(`${changes[0]}T00:00:00Z`) - DAY_MS) },
          ...changes.map((date) => ({ effectiveFrom: date.slice(0, 10), at: new Date(`${date.slice(0, 10)}T00:00:00Z`) })),
        ];
  const records: PriceRecord[] = [];
  const ignore = genaiIgnoredFields();
  for (const set of sets) {
    const read = genaiPriceSet(model, set.at, ignore, (message) => warnings.push(`${where}: ${message}`));
    for (const artefact of read.artefacts) {
      // "genai-prices <provider>/<model> <field>: <text>", as the converter names it.
      const [field, text] = artefact.slice(artefact.lastIndexOf(' ', artefact.lastIndexOf(':')) + 1).split(': ') as [string, string];
      warnings.push(
        `genai-prices ${where.slice('genai-prices '.length)} ${field.replace(/:$/, '')}: price ${text} is a floating-point artefact; read as ${roundSignificant(text, ARTEFACT_DIGITS)} USD per 1M tokens (rounded to ${ARTEFACT_DIGITS} significant digits)`,
      );
    }
    const text = (d: { toString(): string } | null) => (d === null ? null : d.toString());
    const record: PriceRecord = {
      effectiveFrom: set.effectiveFrom,
      inputPerMTok: text(read.base.input),
      outputPerMTok: text(read.base.output),
      cacheReadPerMTok: text(read.base.cachedInput),
      cacheWritePerMTok: text(read.base.cacheWrite5m),
      components: read.components.map((c) => ({ ...c, tierThreshold: c.tierThreshold === null ? null : Number(c.tierThreshold) })),
    };
    if (record.inputPerMTok !== null || record.outputPerMTok !== null) records.push(record);
  }
  return records;
}

/**
 * A model's price set on the day of `at`, as the importer stores it: a field
 * the cost model cannot express (citation tokens, per-message fees) is left
 * out and said (`leftOut`), the rest of the price stands. `ignore` grows with
 * the fields left out, so the next set of the same model skips them quietly.
 */
export function genaiPriceSet(model: ModelInfo, at: Date, ignore: Set<string>, leftOut: (message: string) => void): GenaiComponents {
  for (;;) {
    try {
      return genaiPriceComponents(model, at, { ignore, normaliseArtefacts: true });
    } catch (error) {
      if (!(error instanceof GenaiPriceFieldError) || ignore.has(error.field)) throw error;
      leftOut(`${error.message}; ${error.field} is left out of its price`);
      ignore.add(error.field);
    }
  }
}

/** Fields the token workloads never use: left out of every price without a word. */
export const genaiIgnoredFields = () => new Set(Object.keys(FIELDS_OUTSIDE_TOKEN_WORKLOADS));

const DAY_MS = 86_400_000;
/** An instant after every date the package knows: the price in force today and on. */
const LATEST = new Date(Date.UTC(9999, 0, 1));
