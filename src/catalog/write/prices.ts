import type { Insertable, Selectable } from 'kysely';
import type { Database } from '../../db/database.js';
import type { Dataset } from '../dataset.js';
import { componentsForPrices } from '../../db/queries/price-components.js';
import { Decimal } from '../../resolvers/decimal.js';
import { PRICE_BEFORE_FIRST_CHANGE } from '../records.js';
import { chunks, type Counts, same, type Trx } from './common.js';

/**
 * Price history. A dated price is recorded once; an undated one takes effect
 * from this import when it differs from the price in force. A new row is a
 * change when the route had a price before it, else a first price. History
 * is never rewritten: a row is never updated or deleted, and a wrong row
 * left by an earlier version is corrected by adding rows (see corrections).
 */

const PRICE_COLUMNS = ['input_per_mtok', 'output_per_mtok', 'cache_read_per_mtok', 'cache_write_per_mtok'] as const;

/** What the history of a route is compared on: the base price and its components (as a signature). */
type PriceState = Pick<Selectable<Database['prices']>, 'effective_from' | (typeof PRICE_COLUMNS)[number]> & { components: string };

type IncomingPrice = Dataset['offerings'][number]['prices'][number];

const BEFORE_FIRST_CHANGE = instant(PRICE_BEFORE_FIRST_CHANGE);

/** A source's date ('2025-06-10' is midnight UTC) as an instant. */
function instant(date: string): Date {
  return new Date(date.length === 10 ? `${date}T00:00:00Z` : date);
}

function valuesOf(p: IncomingPrice): Omit<PriceState, 'effective_from'> {
  return {
    input_per_mtok: p.inputPerMTok,
    output_per_mtok: p.outputPerMTok,
    cache_read_per_mtok: p.cacheReadPerMTok,
    cache_write_per_mtok: p.cacheWritePerMTok,
    components: signature(p.components),
  };
}

type ComponentFields = IncomingPrice['components'][number];

/** Components compared as a set, decimals by value: a price row is unchanged when its components are the same. */
function signature(components: ComponentFields[]): string {
  return components
    .map((c) =>
      [c.unit, Decimal.from(c.price).toString(), c.tierThreshold ?? '', c.tierInclusive, c.tierScope, c.windowStart ?? '', c.windowEnd ?? '', c.serviceTier].join('|'),
    )
    .sort()
    .join(';');
}

const samePrice = (a: Omit<PriceState, 'effective_from'>, b: Omit<PriceState, 'effective_from'>) =>
  PRICE_COLUMNS.every((c) => same(a[c], b[c])) && a.components === b.components;

export async function syncPrices(
  trx: Trx,
  offerings: readonly Pick<Dataset['offerings'][number], 'prices'>[],
  offeringIds: Map<number, number>,
  sourceIds: Map<string, number>,
  now: Date,
  report: Counts,
): Promise<void> {
  const ids = [...new Set(offeringIds.values())];
  const history = new Map<number, PriceState[]>();
  for (const chunk of chunks(ids)) {
    const rows = await trx.selectFrom('prices').selectAll().where('offering_id', 'in', chunk).orderBy('effective_from').execute();
    const components = await componentsForPrices(trx, rows.map((r) => r.id));
    for (const row of rows) {
      if (!history.has(row.offering_id)) history.set(row.offering_id, []);
      const stated = (components.get(row.id) ?? []).map((c) => ({ ...c, tierThreshold: c.tierThreshold === null ? null : Number(c.tierThreshold) }));
      history.get(row.offering_id)!.push({ ...row, components: signature(stated) });
    }
  }
  const fresh: { row: Insertable<Database['prices']>; components: ComponentFields[] }[] = [];
  for (const [index, o] of offerings.entries()) {
    const offeringId = offeringIds.get(index)!;
    const rows = history.get(offeringId) ?? [];
    const record = (p: IncomingPrice, effectiveFrom: Date) => {
      const { components, ...values } = valuesOf(p);
      const row = {
        offering_id: offeringId,
        effective_from: effectiveFrom,
        currency: p.currency,
        ...values,
        source_id: sourceIds.get(p.source)!,
      } satisfies Insertable<Database['prices']>;
      const state = { ...row, components };
      rows.push(state);
      rows.sort((a, b) => a.effective_from.getTime() - b.effective_from.getTime());
      fresh.push({ row, components: p.components });
      report[inForceBefore(rows, state) ? 'changed' : 'added']++;
    };
    for (const p of o.prices) {
      const values = valuesOf(p);
      let effectiveFrom: Date;
      if (p.effectiveFrom !== null) {
        effectiveFrom = instant(p.effectiveFrom);
        // A dated price is recorded once; the history is never rewritten.
        if (rows.some((r) => same(r.effective_from, effectiveFrom))) {
          report.unchanged++;
          continue;
        }
      } else {
        const inForce = [...rows].reverse().find((r) => r.effective_from.getTime() <= now.getTime());
        if (inForce && samePrice(inForce, values)) {
          report.unchanged++;
          continue;
        }
        effectiveFrom = now;
      }
      record(p, effectiveFrom);
    }
    for (const c of corrections(rows, o.prices)) record(c.price, c.effectiveFrom);
    history.set(offeringId, rows);
  }
  for (const chunk of chunks(fresh)) {
    const inserted = await trx.insertInto('prices').values(chunk.map((f) => f.row)).returning('id').execute();
    const components = chunk.flatMap((f, i) =>
      f.components.map((c): Insertable<Database['price_components']> => ({
        price_id: inserted[i]!.id,
        unit: c.unit,
        price: c.price,
        tier_threshold: c.tierThreshold,
        tier_inclusive: c.tierInclusive,
        tier_scope: c.tierScope,
        window_start: c.windowStart,
        window_end: c.windowEnd,
        service_tier: c.serviceTier,
      })),
    );
    for (const part of chunks(components)) await trx.insertInto('price_components').values(part).execute();
  }
}

/** Whether the route had a price before this one: then the new row is a change, else a first price. */
function inForceBefore(rows: PriceState[], row: PriceState): boolean {
  return rows.some((r) => r !== row && r.effective_from.getTime() < row.effective_from.getTime());
}

/**
 * Rows that correct a history written by the earlier rule for undated prices.
 *
 * A source may state a route's whole price history: the price before its first
 * dated change (dated PRICE_BEFORE_FIRST_CHANGE by the reader), then dated
 * changes. Earlier versions recorded that first price from the import instant
 * instead, after changes the source dates before it: o3 on OpenAI, $10/$40
 * before 2025-06-10 and $2/$8 since, was stored as $2/$8 from 2025-06-10 and
 * $10/$40 from the import, so $10/$40 stayed in force and nothing was priced
 * before the import. The import now adds the first price at
 * PRICE_BEFORE_FIRST_CHANGE like any dated price, which answers every instant
 * before the misdated row. That row itself is never deleted or moved (history
 * is append-only), so one millisecond after it a row restates the price the
 * source says was in force at that instant; from then on the dated history
 * answers again, and the price in force now is the source's. Only that one
 * millisecond still reads the old price.
 *
 * A misdated row is one at an instant the source does not date, holding the
 * source's first price, at an instant when the source says a later price was
 * in force. A row holding any other price (a price some import saw in force,
 * or another source's) is left alone, and a row already corrected (a row one
 * millisecond after it) is not corrected again.
 */
function corrections(rows: PriceState[], prices: IncomingPrice[]): { price: IncomingPrice; effectiveFrom: Date }[] {
  const dated = prices
    .filter((p) => p.effectiveFrom !== null)
    .map((p) => ({ price: p, from: instant(p.effectiveFrom!) }))
    .sort((a, b) => a.from.getTime() - b.from.getTime());
  const first = dated[0];
  if (!first || first.from.getTime() !== BEFORE_FIRST_CHANGE.getTime() || dated.length < 2) return [];
  const sourceDates = new Set(dated.map((d) => d.from.getTime()));
  const taken = new Set(rows.map((r) => r.effective_from.getTime()));
  const result: { price: IncomingPrice; effectiveFrom: Date }[] = [];
  for (const row of rows) {
    const at = row.effective_from.getTime();
    if (sourceDates.has(at) || !samePrice(row, valuesOf(first.price))) continue;
    const inForce = dated.filter((d) => d.from.getTime() <= at).at(-1);
    if (!inForce || inForce === first || samePrice(row, valuesOf(inForce.price))) continue;
    const after = at + 1;
    if (taken.has(after)) continue;
    taken.add(after);
    result.push({ price: inForce.price, effectiveFrom: new Date(after) });
  }
  return result;
}
