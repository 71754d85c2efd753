import type { Insertable } from 'kysely';
import type { Database } from '../../db/database.js';
import type { Dataset } from '../dataset.js';
import { chunks, type Counts, inChunks, type Trx } from './common.js';

/** Every alias the dataset states, on the model it names now: an alias that named another model moves. */
export async function syncAliases(
  trx: Trx,
  aliases: Dataset['aliases'],
  modelIds: Map<string, number>,
  sourceIds: Map<string, number>,
  report: Counts,
): Promise<void> {
  const wanted = new Map<string, Insertable<Database['model_aliases']> & { model_id: number; source_id: number }>();
  for (const a of aliases) {
    const alias = a.alias.trim().toLowerCase();
    wanted.set(alias, { model_id: modelIds.get(a.model)!, alias, source_id: sourceIds.get(a.source)! });
  }
  const found = await inChunks([...wanted.keys()], (chunk) => trx.selectFrom('model_aliases').selectAll().where('alias', 'in', chunk).execute());
  const existing = new Map(found.map((row) => [row.alias, row]));
  const fresh: Insertable<Database['model_aliases']>[] = [];
  for (const row of wanted.values()) {
    const current = existing.get(row.alias);
    if (!current) fresh.push(row);
    else if (current.model_id !== row.model_id) {
      await trx.updateTable('model_aliases').set({ model_id: row.model_id, source_id: row.source_id }).where('id', '=', current.id).execute();
      report.changed++;
    } else report.unchanged++;
  }
  for (const chunk of chunks(fresh)) await trx.insertInto('model_aliases').values(chunk).execute();
  report.added += fresh.length;
}
