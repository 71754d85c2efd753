import type { PriceUnit, ServiceTier } from '../../domain/pricing.js';
import { SERVICE_TIERS } from '../../domain/pricing.js';
import type { PriceComponentRecord, PriceRecord } from '../records.js';
import { toPerMillion } from '../units.js';

/**
 * A models.dev entry's price (USD per 1M tokens): the base `cost` fields,
 * and as components its context tiers (`[[cost.tiers]]` with
 * `tier = { type = "context", size }`, and the older `cost.context_over_200k`),
 * reasoning and audio token prices, and the service modes of
 * `experimental.modes.<mode>.cost` (fast, batch, flex, priority). models.dev
 * does not say whether crossing a tier reprices the whole request; the labs
 * that tier this way (Anthropic, Google, OpenAI) do, so tiers are read as
 * whole-request and exclusive ("over 200K").
 */

const BASE_FIELDS: Record<string, PriceUnit> = { input: 'input', output: 'output', cache_read: 'cached_input', cache_write: 'cache_write_5m' };
const EXTRA_FIELDS: Record<string, PriceUnit> = { reasoning: 'reasoning', input_audio: 'input_audio', output_audio: 'output_audio' };

type Table = Record<string, unknown>;
const isTable = (v: unknown): v is Table => typeof v === 'object' && v !== null && !Array.isArray(v);

export function modelsDevPrice(cost: unknown, experimental: unknown, where: string, warnings: string[]): PriceRecord | null {
  if (!isTable(cost)) return null;
  const read = (table: Table, field: string, path: string) => {
    const value = table[field];
    if (typeof value !== 'number') return null;
    const result = toPerMillion(value, 'per-1m', `${where} ${path}.${field}`);
    // A normalised float artefact is reported too (result.warning on an accepted price).
    if (result.warning) warnings.push(result.warning);
    return result.ok ? result.perMTok : null;
  };
  const components: PriceComponentRecord[] = [];
  const add = (table: Table, path: string, fields: Record<string, PriceUnit>, shape: Partial<PriceComponentRecord>) => {
    for (const [field, unit] of Object.entries(fields)) {
      const price = read(table, field, path);
      if (price !== null) {
        components.push({ unit, price, tierThreshold: null, tierInclusive: false, tierScope: 'whole-request', windowStart: null, windowEnd: null, serviceTier: 'standard', ...shape });
      }
    }
  };

  add(cost, 'cost', EXTRA_FIELDS, {});
  const tiers = Array.isArray(cost.tiers) ? cost.tiers : [];
  tiers.forEach((tier, i) => {
    const spec = isTable(tier) && isTable(tier.tier) ? tier.tier : null;
    if (!isTable(tier) || spec?.type !== 'context' || typeof spec.size !== 'number' || spec.size <= 0) {
      warnings.push(`${where} cost.tiers[${i}]: not a context tier with a size, left out`);
      return;
    }
    add(tier, `cost.tiers[${i}]`, { ...BASE_FIELDS, ...EXTRA_FIELDS }, { tierThreshold: spec.size });
  });
  if (isTable(cost.context_over_200k)) add(cost.context_over_200k, 'cost.context_over_200k', { ...BASE_FIELDS, ...EXTRA_FIELDS }, { tierThreshold: 200_000 });
  const modes = isTable(experimental) && isTable(experimental.modes) ? experimental.modes : {};
  for (const [mode, spec] of Object.entries(modes)) {
    if (!isTable(spec) || !isTable(spec.cost)) continue;
    if (!(SERVICE_TIERS as readonly string[]).includes(mode)) {
      warnings.push(`${where} experimental.modes.${mode}: not a service tier the cost model knows, left out`);
      continue;
    }
    add(spec.cost, `experimental.modes.${mode}.cost`, { ...BASE_FIELDS, ...EXTRA_FIELDS }, { serviceTier: mode as ServiceTier });
  }

  const price: PriceRecord = {
    effectiveFrom: null,
    inputPerMTok: read(cost, 'input', 'cost'),
    outputPerMTok: read(cost, 'output', 'cost'),
    cacheReadPerMTok: read(cost, 'cache_read', 'cost'),
    cacheWritePerMTok: read(cost, 'cache_write', 'cost'),
    ...(components.length > 0 ? { components } : {}),
  };
  return price.inputPerMTok === null && price.outputPerMTok === null ? null : price;
}
