import type { Insertable, Selectable } from 'kysely';
import type { Database } from '../../db/database.js';
import type { Dataset } from '../dataset.js';
import { changedColumns, chunks, type Counts, isEmpty, type Trx } from './common.js';

/**
 * Benchmark scores, one per model, benchmark, source, edition, setting and variant: new ones
 * inserted, known ones updated in the columns that changed. A score the
 * dataset states twice is written once.
 */
export async function syncScores(
  trx: Trx,
  scores: Dataset['scores'],
  ids: { modelIds: Map<string, number>; benchmarkIds: Map<string, number>; editionIds: Map<string, number>; sourceIds: Map<string, number> },
  report: Counts,
): Promise<void> {
  if (scores.length === 0) return;
  const key = (s: { model_id: number; benchmark_id: number; source_id: number; edition_id?: number | null; setting?: string; variant?: string }) =>
    `${s.model_id}/${s.benchmark_id}/${s.source_id}/${s.edition_id ?? ''}/${s.setting ?? ''}/${s.variant ?? ''}`;
  const modelIds = [...new Set(scores.map((s) => ids.modelIds.get(s.model)!))];
  const existing = new Map<string, Selectable<Database['scores']>>();
  for (const chunk of chunks(modelIds)) {
    const rows = await trx.selectFrom('scores').selectAll().where('model_id', 'in', chunk).execute();
    for (const row of rows) existing.set(key(row), row);
  }
  const fresh: Insertable<Database['scores']>[] = [];
  const seen = new Set<string>();
  for (const s of scores) {
    const row = {
      model_id: ids.modelIds.get(s.model)!,
      benchmark_id: ids.benchmarkIds.get(s.benchmark)!,
      value: s.value,
      setting: s.setting,
      source_id: ids.sourceIds.get(s.source)!,
      measured_on: s.measuredOn,
      self_reported: s.selfReported,
      edition_id: s.edition === null ? null : ids.editionIds.get(s.edition)!,
      variant: s.variant,
      ci_low: s.ciLow,
      ci_high: s.ciHigh,
      source_model_key: s.sourceModelKey,
    } satisfies Insertable<Database['scores']>;
    if (seen.has(key(row))) continue;
    seen.add(key(row));
    const current = existing.get(key(row));
    if (!current) {
      fresh.push(row);
      continue;
    }
    const changes = changedColumns(current, row);
    if (isEmpty(changes)) report.unchanged++;
    else {
      await trx.updateTable('scores').set(changes).where('id', '=', current.id).execute();
      report.changed++;
    }
  }
  for (const chunk of chunks(fresh)) await trx.insertInto('scores').values(chunk).execute();
  report.added += fresh.length;
}
