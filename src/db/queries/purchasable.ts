import type { ExpressionBuilder, ExpressionWrapper, QueryCreator, SqlBool } from 'kysely';
import type { Database } from '../database.js';
import { priceInForce } from './prices.js';

/**
 * The one rule for what can be bought. A route is purchasable when it is
 * active, its provider is active, and it is not a rate-limited free tier
 * (`'free'` among its variants): a free tier is never a list price.
 *
 * Every SQL path that picks a cheapest price, or filters or orders by price,
 * goes through `purchasableRoutes`; the comparison's route facts select
 * `isPurchasable` as a column (`purchasable`), so the pure comparison code
 * (src/resolvers/comparison/) reads the same verdict instead of re-deriving it.
 */
export function isPurchasable(
  eb: ExpressionBuilder<Database, 'offerings' | 'providers'>,
): ExpressionWrapper<Database, 'offerings' | 'providers', SqlBool> {
  return eb.and([
    eb('offerings.status', '=', 'active'),
    eb('providers.status', '=', 'active'),
    eb.not(eb(eb.val('free'), '=', eb.fn.any('offerings.variants'))),
  ]);
}

/**
 * Purchasable routes with the price in force at `asOf` (the lateral `price`;
 * a route with no price yet is left out). Its prices may still be null one
 * side at a time: an unknown price is never zero, so `min()` skips it.
 */
export function purchasableRoutes(db: QueryCreator<Database>, asOf: Date) {
  return db
    .selectFrom('offerings')
    .innerJoin('providers', 'providers.id', 'offerings.provider_id')
    .innerJoinLateral((eb) => priceInForce(eb, asOf), (join) => join.onTrue())
    .where(isPurchasable);
}
