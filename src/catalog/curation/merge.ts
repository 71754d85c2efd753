import type { Selectable } from 'kysely';
import type { Database } from '../../db/database.js';
import { conflict, userInputError } from '../../schema/errors.js';
import { mergeModels as mergeModelRows } from '../merge.js';
import type { Trx } from '../write/common.js';
import { nextVersion } from '../write/slugged.js';
import type { Written } from './write.js';

/** A model and everything that hangs off it, as the audit trail keeps it: a merge loses nothing, not even from the record. */
async function everything(trx: Trx, id: number) {
  const [row, aliases, offerings, scores] = await Promise.all([
    trx.selectFrom('models').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
    trx.selectFrom('model_aliases').select('alias').where('model_id', '=', id).orderBy('alias').execute(),
    trx.selectFrom('offerings').select('id').where('model_id', '=', id).orderBy('id').execute(),
    trx.selectFrom('scores').selectAll().where('model_id', '=', id).orderBy('id').execute(),
  ]);
  return { row, aliases: aliases.map((a) => a.alias), offerings: offerings.map((o) => o.id), scores };
}

/**
 * Merges `from` into `into`, two rows that turn out to be one model: its
 * routes with their price history, scores, aliases and successor links move
 * (src/catalog/merge.ts, as an import merges) and its slug becomes an alias,
 * so it keeps resolving. Both rows are locked first.
 */
export async function mergeModels(trx: Trx, into: string, from: string): Promise<Written<Selectable<Database['models']>>> {
  if (into === from) throw userInputError('Invalid argument "from": a model cannot be merged into itself', ['from']);
  const rows = await trx.selectFrom('models').select(['id', 'slug']).where('slug', 'in', [into, from]).orderBy('id').forUpdate().execute();
  const target = rows.find((r) => r.slug === into);
  const source = rows.find((r) => r.slug === from);
  if (!target) throw userInputError(`Invalid argument "into": no model "${into}"`, ['into']);
  if (!source) throw userInputError(`Invalid argument "from": no model "${from}"`, ['from']);
  // A provider's route with no provider id is one per model and provider: two such routes would become one
  // route twice. Neither history can be dropped, so the merge waits for a curator to tell them apart.
  const clash = await trx
    .selectFrom('offerings as moved')
    .innerJoin('offerings as kept', (join) => join.onRef('kept.provider_id', '=', 'moved.provider_id').on('kept.model_id', '=', target.id))
    .innerJoin('providers', 'providers.id', 'moved.provider_id')
    .select('providers.slug')
    .where('moved.model_id', '=', source.id)
    .where('moved.provider_model_id', 'is', null)
    .where('kept.provider_model_id', 'is', null)
    .executeTakeFirst();
  if (clash) {
    throw conflict(`Both models have a route on "${clash.slug}" with no provider model id; they would become one route twice. Tell the routes apart (a provider model id on one) before merging.`, ['from']);
  }
  const before = { into: await everything(trx, target.id), from: await everything(trx, source.id) };
  await mergeModelRows(trx, [{ from, into, reason: 'merged by a curator' }], new Map([[into, target.id]]));
  await trx.updateTable('models').set({ version: nextVersion }).where('id', '=', target.id).execute();
  const after = await everything(trx, target.id);
  return { result: after.row, changes: [{ action: 'mergeModels', entityType: 'model', entityId: target.id, before, after }] };
}
