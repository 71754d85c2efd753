import { type QueryCreator, sql } from 'kysely';
import type { Database } from '../database.js';
import { purchasableRoutes } from './purchasable.js';

/**
 * Per model, the cheapest input and output price in force at `asOf` over
 * purchasable routes (see purchasable.ts) whose price is known. A model
 * without such a route has no row (its cheapest price is unknown).
 */
export function cheapestPricesByModel(db: QueryCreator<Database>, asOf: Date) {
  return purchasableRoutes(db, asOf)
    .groupBy('offerings.model_id')
    .select([
      'offerings.model_id',
      sql<string | null>`min(price.input_per_mtok)`.as('cheapest_input'),
      sql<string | null>`min(price.output_per_mtok)`.as('cheapest_output'),
    ]);
}
