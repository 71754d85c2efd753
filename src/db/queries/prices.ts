import type { ExpressionBuilder } from 'kysely';
import type { Db } from '../client.js';
import type { Database, PriceRow } from '../database.js';

/** For each offering, the price row in force at `asOf` (the latest effective on or before it): priceInForce, batched. */
export async function currentPrices(db: Db, offeringIds: readonly number[], asOf: Date): Promise<PriceRow[]> {
  if (offeringIds.length === 0) return [];
  return db
    .selectFrom('offerings')
    .innerJoinLateral((eb) => priceInForce(eb, asOf), (join) => join.onTrue())
    .selectAll('price')
    .where('offerings.id', 'in', offeringIds)
    .orderBy('offerings.id')
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
