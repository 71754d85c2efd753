import type { Db } from '../client.js';

type NamedTable = 'providers' | 'benchmarks';

/** A page of a small catalog table in name order (ties by id, so pages never overlap). */
export function listByName<T extends NamedTable>(db: Db, table: T, page: { limit: number; offset: number }) {
  return db
    .selectFrom(table as NamedTable)
    .selectAll()
    .orderBy('name')
    .orderBy('id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

export async function countRows(db: Db, table: NamedTable): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
