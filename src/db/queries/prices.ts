import type { Db } from '../client.js';
import type { PriceRow } from '../database.js';

/** For each offering, the price row in force at `asOf` (the latest effective on or before it). */
export async function currentPrices(db: Db, offeringIds: readonly number[], asOf: Date): Promise<PriceRow[]> {
  return db
    .selectFrom('prices')
    .selectAll()
    .distinctOn('offering_id')
    .where('offering_id', 'in', offeringIds)
    .where('effective_from', '<=', asOf)
    .orderBy('offering_id')
    .orderBy('effective_from', 'desc')
    .execute();
}
