import type { PriceComponent } from '../../domain/pricing.js';
import type { Db } from '../client.js';
import type { PriceComponentRow } from '../database.js';

/** The components of each price row, in one statement: the cost model's input beside the base price. */
export async function componentsForPrices(db: Db, priceIds: readonly number[]): Promise<Map<number, PriceComponent[]>> {
  const byPrice = new Map<number, PriceComponent[]>(priceIds.map((id) => [id, []]));
  if (priceIds.length === 0) return byPrice;
  const rows = await db.selectFrom('price_components').selectAll().where('price_id', 'in', priceIds).orderBy('id').execute();
  for (const row of rows) byPrice.get(row.price_id)?.push(toComponent(row));
  return byPrice;
}

export function toComponent(row: PriceComponentRow): PriceComponent {
  return {
    unit: row.unit,
    price: row.price,
    tierThreshold: row.tier_threshold === null ? null : BigInt(row.tier_threshold),
    tierInclusive: row.tier_inclusive,
    tierScope: row.tier_scope,
    windowStart: row.window_start,
    windowEnd: row.window_end,
    serviceTier: row.service_tier,
  };
}
