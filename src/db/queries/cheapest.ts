import { type QueryCreator, sql } from 'kysely';
import type { Database } from '../database.js';
import { priceInForce } from './prices.js';

/**
 * Per model, the cheapest input and output price in force at `asOf` over
 * routes that can be bought: active offering, active provider, price known.
 * A model without such a route has no row (its cheapest price is unknown).
 */
export function cheapestPricesByModel(db: QueryCreator<Database>, asOf: Date) {
  return db
    .selectFrom('offerings')
    .innerJoin('providers', 'providers.id', 'offerings.provider_id')
    .innerJoinLateral((eb) => priceInForce(eb, asOf), (join) => join.onTrue())
    .where('offerings.status', '=', 'active')
    .where('providers.status', '=', 'active')
    .groupBy('offerings.model_id')
    .select([
      'offerings.model_id',
      sql<string | null>`min(price.input_per_mtok)`.as('cheapest_input'),
      sql<string | null>`min(price.output_per_mtok)`.as('cheapest_output'),
    ]);
}
