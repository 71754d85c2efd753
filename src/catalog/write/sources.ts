import type { Dataset } from '../dataset.js';
import { type Counts, same, type Trx } from './common.js';

/**
 * Sources by name and URL: a new one is added; a known one whose retrieval
 * date changed is updated (an unknown date never erases a known one).
 * Returns the dataset's source key → id.
 */
export async function syncSources(trx: Trx, sources: Dataset['sources'], report: Counts): Promise<Map<string, number>> {
  const existing = await trx.selectFrom('sources').selectAll().execute();
  const ids = new Map<string, number>();
  for (const s of sources) {
    const found = existing.find((e) => e.name === s.name && e.url === s.url);
    if (!found) {
      const row = await trx
        .insertInto('sources')
        .values({ name: s.name, url: s.url, retrieved_at: s.retrievedAt })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.set(s.key, row.id);
      report.added++;
    } else {
      ids.set(s.key, found.id);
      if (s.retrievedAt !== null && !same(found.retrieved_at, s.retrievedAt)) {
        await trx.updateTable('sources').set({ retrieved_at: s.retrievedAt }).where('id', '=', found.id).execute();
        report.changed++;
      } else report.unchanged++;
    }
  }
  return ids;
}
