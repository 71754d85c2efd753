import type { Db } from '../client.js';
import type { BenchmarkCategory } from '../../domain/benchmarks.js';

/** A page of benchmarks in name order (ties by id), optionally of one category. */
export function listBenchmarks(db: Db, filter: { category?: BenchmarkCategory | null }, page: { limit: number; offset: number }) {
  let query = db.selectFrom('benchmarks').selectAll().orderBy('name').orderBy('id').limit(page.limit).offset(page.offset);
  if (filter.category) query = query.where('category', '=', filter.category);
  return query.execute();
}

export async function countBenchmarks(db: Db, filter: { category?: BenchmarkCategory | null }): Promise<number> {
  let query = db.selectFrom('benchmarks').select((eb) => eb.fn.countAll<number>().as('count'));
  if (filter.category) query = query.where('category', '=', filter.category);
  return Number((await query.executeTakeFirstOrThrow()).count);
}
