import type { Dataset } from '../dataset.js';
import { conflict } from '../../schema/errors.js';
import { counts, type Trx } from '../write/common.js';
import { syncPrices } from '../write/prices.js';
import { syncSources } from '../write/sources.js';
import { lockOffering } from './offerings.js';
import type { Written } from './write.js';

type PriceInput = Omit<Dataset['offerings'][number]['prices'][number], 'effectiveFrom' | 'source' | 'currency'>;

export interface SourceInput {
  name: string;
  url?: string | null;
  retrievedAt?: string | null;
}

/** The source's id: found by name and URL, or added (write/sources.ts). */
export async function sourceId(trx: Trx, source: SourceInput): Promise<number> {
  const ids = await syncSources(trx, [{ key: 'curation', name: source.name, url: source.url ?? null, retrievedAt: source.retrievedAt ?? null }], counts());
  return ids.get('curation')!;
}

/**
 * Appends a price (its base and all its components) to a route's history
 * from `effectiveFrom`: now when left out; a future instant takes effect
 * then. History is never edited: an instant the route already has a price
 * at is refused. The route is locked first, so concurrent prices for one
 * route are written one after the other, each from a later instant than the
 * last when left undated: both land, in order.
 */
export async function recordPrice(
  trx: Trx,
  offeringId: number,
  input: PriceInput & { effectiveFrom?: Date | null; source: SourceInput },
): Promise<Written<{ offeringId: number; priceId: number }>> {
  const offering = await lockOffering(trx, offeringId);
  const latest = await trx.selectFrom('prices').select('effective_from').where('offering_id', '=', offeringId).orderBy('effective_from', 'desc').executeTakeFirst();
  const effectiveFrom = input.effectiveFrom ?? new Date(Math.max(Date.now(), (latest?.effective_from.getTime() ?? 0) + 1));
  const report = counts();
  const { effectiveFrom: _ignored, source, ...price } = input;
  await syncPrices(
    trx,
    [{ prices: [{ ...price, currency: 'USD', effectiveFrom: effectiveFrom.toISOString(), source: 'curation' }] }],
    new Map([[0, offeringId]]),
    new Map([['curation', await sourceId(trx, source)]]),
    effectiveFrom,
    report,
  );
  if (report.unchanged > 0) {
    throw conflict(`This route already has a price from ${effectiveFrom.toISOString()}: history is never edited; record the change from another instant`, ['effectiveFrom']);
  }
  const row = await trx.selectFrom('prices').selectAll().where('offering_id', '=', offeringId).where('effective_from', '=', effectiveFrom).executeTakeFirstOrThrow();
  const components = await trx.selectFrom('price_components').selectAll().where('price_id', '=', row.id).orderBy('id').execute();
  return {
    result: { offeringId: offering.id, priceId: row.id },
    changes: [{ action: 'recordPrice', entityType: 'offering', entityId: offering.id, before: null, after: { price: row, components } }],
  };
}
