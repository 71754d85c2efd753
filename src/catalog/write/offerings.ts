import { type Insertable, type Selectable, sql } from 'kysely';
import type { Database } from '../../db/database.js';
import type { Dataset } from '../dataset.js';
import { changedColumns, chunks, type Counts, isEmpty, type Trx } from './common.js';
import { nextVersion } from './slugged.js';

/**
 * Routes (offerings): one provider's id for one model. New routes are
 * inserted, known ones updated in the columns that changed; a route this
 * importer listed before and lists no more is retired, never deleted.
 * Returns the dataset's offering index → offering id, for the prices.
 */

type Offering = Selectable<Database['offerings']>;

/** A route is one provider's id for one model; with no id, one route per provider and model. */
function routeKey(providerId: number, providerModelId: string | null, modelId: number): string {
  return providerModelId === null ? `${providerId}\u0000model:${modelId}` : `${providerId}\u0000${providerModelId}`;
}

export async function syncOfferings(
  trx: Trx,
  offerings: Dataset['offerings'],
  ids: { modelIds: Map<string, number>; providerIds: Map<string, number>; sourceIds: Map<string, number> },
  importer: string,
  report: Counts & { retired: number },
): Promise<Map<number, number>> {
  const existing = new Map<string, Offering>();
  const providerIds = [...new Set(ids.providerIds.values())];
  if (providerIds.length > 0) {
    const rows = await trx.selectFrom('offerings').selectAll().where('provider_id', 'in', providerIds).execute();
    for (const row of rows) existing.set(routeKey(row.provider_id, row.provider_model_id, row.model_id), row);
  }
  const byIndex = new Map<number, number>();
  const fresh: { index: number; row: Insertable<Database['offerings']> }[] = [];
  const listed = new Set<number>();
  for (const [index, o] of offerings.entries()) {
    const row = {
      model_id: ids.modelIds.get(o.model)!,
      provider_id: ids.providerIds.get(o.provider)!,
      provider_model_id: o.providerModelId,
      quantization: o.quantization,
      variants: o.variants,
      context_window: o.contextWindow,
      max_output_tokens: o.maxOutputTokens,
      status: o.status,
      source_id: ids.sourceIds.get(o.source)!,
      listed_by: importer,
    } satisfies Insertable<Database['offerings']>;
    const current = existing.get(routeKey(row.provider_id, row.provider_model_id, row.model_id));
    if (!current) {
      fresh.push({ index, row });
      continue;
    }
    byIndex.set(index, current.id);
    listed.add(current.id);
    const changes = changedColumns(current, row);
    if (isEmpty(changes)) report.unchanged++;
    else {
      await trx.updateTable('offerings').set({ ...changes, updated_at: sql`now()`, version: nextVersion }).where('id', '=', current.id).execute();
      report.changed++;
    }
  }
  let inserted = 0;
  for (const chunk of chunks(fresh)) {
    const rows = await trx.insertInto('offerings').values(chunk.map((f) => f.row)).returning('id').execute();
    rows.forEach((row) => byIndex.set(fresh[inserted++]!.index, row.id));
  }
  report.added += fresh.length;

  report.retired += await retireUnlisted(trx, [...existing.values()], listed, importer);
  return byIndex;
}

/** Routes this importer listed before and lists no more: retired, kept for their price history. */
async function retireUnlisted(trx: Trx, existing: Offering[], listed: Set<number>, importer: string): Promise<number> {
  const gone = existing.filter((row) => row.listed_by === importer && row.status !== 'retired' && !listed.has(row.id)).map((row) => row.id);
  for (const chunk of chunks(gone)) {
    await trx.updateTable('offerings').set({ status: 'retired', updated_at: sql`now()`, version: nextVersion }).where('id', 'in', chunk).execute();
  }
  return gone.length;
}
