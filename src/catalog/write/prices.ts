import type { Insertable, Selectable } from 'kysely';
import type { Database } from '../../db/database.js';
import type { Dataset } from '../dataset.js';
import { chunks, type Counts, same, type Trx } from './common.js';

/**
 * Price history. A dated price is recorded once; an undated one takes effect
 * from this import when it differs from the price in force. A new row is a
 * change when the route had a price before it, else a first price. History
 * is never rewritten.
 */

const PRICE_COLUMNS = ['input_per_mtok', 'output_per_mtok', 'cache_read_per_mtok', 'cache_write_per_mtok'] as const;

/** What the history of a route is compared on. */
type PriceState = Pick<Selectable<Database['prices']>, 'effective_from' | (typeof PRICE_COLUMNS)[number]>;

export async function syncPrices(
  trx: Trx,
  offerings: Dataset['offerings'],
  offeringIds: Map<number, number>,
  sourceIds: Map<string, number>,
  now: Date,
  report: Counts,
): Promise<void> {
  const ids = [...new Set(offeringIds.values())];
  const history = new Map<number, PriceState[]>();
  for (const chunk of chunks(ids)) {
    const rows = await trx.selectFrom('prices').selectAll().where('offering_id', 'in', chunk).orderBy('effective_from').execute();
    for (const row of rows) {
      if (!history.has(row.offering_id)) history.set(row.offering_id, []);
      history.get(row.offering_id)!.push(row);
    }
  }
  const fresh: Insertable<Database['prices']>[] = [];
  for (const [index, o] of offerings.entries()) {
    const offeringId = offeringIds.get(index)!;
    const rows = history.get(offeringId) ?? [];
    for (const p of o.prices) {
      const values = {
        input_per_mtok: p.inputPerMTok,
        output_per_mtok: p.outputPerMTok,
        cache_read_per_mtok: p.cacheReadPerMTok,
        cache_write_per_mtok: p.cacheWritePerMTok,
      };
      let effectiveFrom: Date;
      if (p.effectiveFrom !== null) {
        effectiveFrom = new Date(p.effectiveFrom.length === 10 ? `${p.effectiveFrom}T00:00:00Z` : p.effectiveFrom);
        // A dated price is recorded once; the history is never rewritten.
        if (rows.some((r) => same(r.effective_from, effectiveFrom))) {
          report.unchanged++;
          continue;
        }
      } else {
        const inForce = [...rows].reverse().find((r) => r.effective_from.getTime() <= now.getTime());
        if (inForce && PRICE_COLUMNS.every((c) => same(inForce[c], values[c]))) {
          report.unchanged++;
          continue;
        }
        effectiveFrom = now;
      }
      const row = {
        offering_id: offeringId,
        effective_from: effectiveFrom,
        currency: p.currency,
        ...values,
        source_id: sourceIds.get(p.source)!,
      } satisfies Insertable<Database['prices']>;
      rows.push(row);
      rows.sort((a, b) => a.effective_from.getTime() - b.effective_from.getTime());
      fresh.push(row);
      report[inForceBefore(rows, row) ? 'changed' : 'added']++;
    }
    history.set(offeringId, rows);
  }
  for (const chunk of chunks(fresh)) await trx.insertInto('prices').values(chunk).execute();
}

/** Whether the route had a price before this one: then the new row is a change, else a first price. */
function inForceBefore(rows: PriceState[], row: PriceState): boolean {
  return rows.some((r) => r !== row && r.effective_from.getTime() < row.effective_from.getTime());
}
