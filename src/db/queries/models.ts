import { sql } from 'kysely';
import { CAPABILITY_BY_KEY, type CapabilityKey } from '../../domain/capabilities.js';
import type { Db } from '../client.js';
import type { ModelRow } from '../database.js';
import { cheapestPricesByModel } from './cheapest.js';

export interface ModelFilter {
  creator?: string | null;
  provider?: string | null;
  capabilities?: CapabilityKey[] | null;
  openWeights?: boolean | null;
  minContextWindow?: number | null;
  /** Exact decimal strings, compared as numeric in SQL. */
  maxInputPerMTok?: string | null;
  maxOutputPerMTok?: string | null;
}

export type ModelOrderField = 'name' | 'releaseDate' | 'contextWindow' | 'cheapestInput' | 'cheapestOutput';

export interface ModelOrder {
  field: ModelOrderField;
  direction: 'asc' | 'desc';
}

/**
 * The filtered models as one query, before ordering and paging. The cheapest
 * prices (a scan of every route's price in force) are joined only for a
 * filter or an order that reads them.
 */
function filteredModels(db: Db, filter: ModelFilter, asOf: Date, orderField?: ModelOrderField) {
  const readsPrices =
    filter.maxInputPerMTok != null || filter.maxOutputPerMTok != null || orderField === 'cheapestInput' || orderField === 'cheapestOutput';
  let query = db
    .selectFrom('models')
    .$if(readsPrices, (qb) => qb.leftJoin(cheapestPricesByModel(db, asOf).as('cheapest'), 'cheapest.model_id', 'models.id'));
  if (filter.creator != null) {
    const creator = filter.creator;
    query = query.where('models.creator_id', '=', (eb) =>
      eb.selectFrom('creators').select('creators.id').where('creators.slug', '=', creator),
    );
  }
  if (filter.provider != null) {
    const provider = filter.provider;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('offerings')
          .innerJoin('providers', 'providers.id', 'offerings.provider_id')
          .whereRef('offerings.model_id', '=', 'models.id')
          .where('providers.slug', '=', provider)
          .where('offerings.status', '!=', 'retired'),
      ),
    );
  }
  for (const capability of filter.capabilities ?? []) {
    query = query.where(`models.${CAPABILITY_BY_KEY[capability].column}`, '=', true);
  }
  if (filter.openWeights != null) query = query.where('models.open_weights', '=', filter.openWeights);
  if (filter.minContextWindow != null) query = query.where('models.context_window', '>=', filter.minContextWindow);
  // An unknown price never passes a price ceiling.
  if (filter.maxInputPerMTok != null) {
    query = query.where(sql`cheapest.cheapest_input`, '<=', sql`${filter.maxInputPerMTok}::numeric`);
  }
  if (filter.maxOutputPerMTok != null) {
    query = query.where(sql`cheapest.cheapest_output`, '<=', sql`${filter.maxOutputPerMTok}::numeric`);
  }
  return query;
}

const ORDER_COLUMNS = {
  name: sql.ref('models.name'),
  releaseDate: sql.ref('models.release_date'),
  contextWindow: sql.ref('models.context_window'),
  cheapestInput: sql.ref('cheapest.cheapest_input'),
  cheapestOutput: sql.ref('cheapest.cheapest_output'),
} as const;

/** One page of models; unknown values sort last in either direction. */
export async function findModels(
  db: Db,
  options: { filter: ModelFilter; order: ModelOrder; limit: number; offset: number; asOf: Date },
): Promise<ModelRow[]> {
  const column = ORDER_COLUMNS[options.order.field];
  const direction = options.order.direction === 'asc' ? sql`asc nulls last` : sql`desc nulls last`;
  return filteredModels(db, options.filter, options.asOf, options.order.field)
    .selectAll('models')
    .orderBy(sql`${column} ${direction}`)
    .orderBy('models.id')
    .limit(options.limit)
    .offset(options.offset)
    .execute();
}

export async function countModels(db: Db, filter: ModelFilter, asOf: Date): Promise<number> {
  const row = await filteredModels(db, filter, asOf)
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
