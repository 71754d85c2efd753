import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import type { Merge } from './resolve.js';
import { nextVersion } from './write/slugged.js';

/**
 * Brings two rows that are one model together, losing nothing: the merged
 * model's routes (with their whole price history), scores, aliases and
 * successor links move to the model it is one with; its slug becomes an alias
 * there, so it keeps resolving; then its row goes. A score both rows hold
 * (same benchmark, source, edition, setting and variant: the scores table's key) is kept once, on the surviving model.
 * Runs inside the import's transaction: all of it lands, or none.
 */
export async function mergeModels(trx: Transaction<Database>, merges: Merge[], modelIds: Map<string, number>): Promise<number> {
  let merged = 0;
  for (const { from, into } of merges) {
    const source = await trx.selectFrom('models').select(['id', 'source_id']).where('slug', '=', from).executeTakeFirst();
    const target = modelIds.get(into) ?? (await trx.selectFrom('models').select('id').where('slug', '=', into).executeTakeFirst())?.id;
    if (!source || target === undefined || source.id === target) continue;
    await trx.updateTable('offerings').set({ model_id: target, updated_at: sql`now()`, version: nextVersion }).where('model_id', '=', source.id).execute();
    await trx
      .deleteFrom('scores')
      .where('model_id', '=', source.id)
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom('scores as kept')
            .select('kept.id')
            .where('kept.model_id', '=', target)
            .whereRef('kept.benchmark_id', '=', 'scores.benchmark_id')
            .whereRef('kept.source_id', '=', 'scores.source_id')
            .where(sql<boolean>`kept.edition_id is not distinct from scores.edition_id`)
            .whereRef('kept.setting', '=', 'scores.setting')
            .whereRef('kept.variant', '=', 'scores.variant'),
        ),
      )
      .execute();
    await trx.updateTable('scores').set({ model_id: target }).where('model_id', '=', source.id).execute();
    await trx.updateTable('model_aliases').set({ model_id: target }).where('model_id', '=', source.id).execute();
    await trx.updateTable('models').set({ successor_id: target }).where('successor_id', '=', source.id).execute();
    await trx.deleteFrom('models').where('id', '=', source.id).execute();
    await trx
      .insertInto('model_aliases')
      .values({ model_id: target, alias: from, source_id: source.source_id })
      .onConflict((oc) => oc.column('alias').doUpdateSet({ model_id: target }))
      .execute();
    modelIds.delete(from);
    merged++;
  }
  return merged;
}
