import { findProvider, type ModelInfo, type ModelPrice } from '@pydantic/genai-prices';
import type { ProviderRegistry } from '../providers.js';
import { emptyBundle, PRICE_BEFORE_FIRST_CHANGE, type PriceRecord, type RouteRecord, type SourceBundle } from '../records.js';
import { toPerMillion } from '../units.js';

export const GENAI_PRICES_SOURCE = {
  key: 'genai-prices',
  name: '@pydantic/genai-prices 0.1.8 (bundled price data)',
  url: 'https://github.com/pydantic/genai-prices',
  retrievedAt: null,
};

const PRICE_FIELDS = {
  inputPerMTok: 'input_mtok',
  outputPerMTok: 'output_mtok',
  cacheReadPerMTok: 'cache_read_mtok',
  cacheWritePerMTok: 'cache_write_mtok',
} as const;

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
 * price, then prices with a start date (`constraint: { type: 'start_date' }`).
 * A price with a start date is history from that date. The undated first
 * price of a list with dated changes is the price before the first change, so
 * it is dated PRICE_BEFORE_FIRST_CHANGE (in force since before any date the
 * source knows): o3 on OpenAI is $10/$40 before 2025-06-10 and $2/$8 since.
 * A price the source gives no date for at all (the only price, or a list with
 * no dated change) stays undated: it is in force from this import, which is
 * all the source tells. Time-of-day discounts (off-peak) are not a list price
 * and are left out; tiered prices keep their base tier.
 */
function pricesOf(model: ModelInfo, where: string, warnings: string[]): PriceRecord[] {
  const conditional = Array.isArray(model.prices) ? model.prices : [{ prices: model.prices }];
  const records: PriceRecord[] = [];
  for (const entry of conditional) {
    const constraint = entry.constraint;
    if (constraint && constraint.type !== 'start_date') continue;
    const record = priceRecord(entry.prices, where, warnings, constraint?.start_date ?? null);
    if (record) records.push(record);
  }
  const [first] = records;
  if (first && first.effectiveFrom === null && records.some((r) => r.effectiveFrom !== null)) {
    first.effectiveFrom = PRICE_BEFORE_FIRST_CHANGE;
  }
  return records;
}

function priceRecord(prices: ModelPrice, where: string, warnings: string[], effectiveFrom: string | null): PriceRecord | null {
  const read = (field: string) => {
    const value = prices[field];
    const amount = typeof value === 'number' ? value : value && typeof value === 'object' ? value.base : undefined;
    if (amount === undefined) return null;
    const result = toPerMillion(amount, 'per-1m', `${where} ${field}`);
    // A normalised float artefact is reported too (result.warning on an accepted price).
    if (result.warning) warnings.push(result.warning);
    return result.ok ? result.perMTok : null;
  };
  const record: PriceRecord = {
    effectiveFrom: effectiveFrom ? `${effectiveFrom.slice(0, 10)}` : null,
    inputPerMTok: read(PRICE_FIELDS.inputPerMTok),
    outputPerMTok: read(PRICE_FIELDS.outputPerMTok),
    cacheReadPerMTok: read(PRICE_FIELDS.cacheReadPerMTok),
    cacheWritePerMTok: read(PRICE_FIELDS.cacheWritePerMTok),
  };
  return record.inputPerMTok === null && record.outputPerMTok === null ? null : record;
}
