import type { ExpressionBuilder } from 'kysely';
import type { Db } from '../client.js';
import type { Database, PriceRow } from '../database.js';

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

/**
 * In a query over offerings: the price row in force at `asOf`, as a lateral
 * subquery named `price` (join it with `join.onTrue()`).
 */
export function priceInForce(eb: ExpressionBuilder<Database, 'offerings'>, asOf: Date) {
  return eb
    .selectFrom('prices')
    .selectAll('prices')
    .whereRef('prices.offering_id', '=', 'offerings.id')
    .where('prices.effective_from', '<=', asOf)
    .orderBy('prices.effective_from', 'desc')
    .limit(1)
    .as('price');
}
