import type { Transaction } from 'kysely';
import type { Database } from '../../db/database.js';
import { Decimal } from '../../resolvers/decimal.js';

/** What the writers share: the transaction type, the counts they report, chunking and comparison. */

export type Trx = Transaction<Database>;

export interface Counts {
  added: number;
  changed: number;
  unchanged: number;
}

export const counts = (): Counts => ({ added: 0, changed: 0, unchanged: 0 });

/** A statement takes a bounded number of parameters: reads and inserts go this many rows at a time. */
export const CHUNK = 500;

export function chunks<T>(items: readonly T[]): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) result.push(items.slice(i, i + CHUNK));
  return result;
}

/** Reads in chunks: a statement takes a bounded number of parameters. */
export async function inChunks<V, T>(values: readonly V[], read: (chunk: V[]) => Promise<T[]>): Promise<T[]> {
  const rows: T[] = [];
  for (const chunk of chunks(values)) rows.push(...(await read(chunk)));
  return rows;
}

/** Equal as the database would store them: decimals by value, arrays and dates by content. */
export function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || a === undefined || b === undefined) return (a ?? null) === (b ?? null);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i]));
  if (a instanceof Date || b instanceof Date) return new Date(a as string).getTime() === new Date(b as string).getTime();
  if (typeof a === 'string' && typeof b === 'string' && /^-?\d+(\.\d+)?$/.test(a) && /^-?\d+(\.\d+)?$/.test(b)) {
    return Decimal.from(a).equals(Decimal.from(b));
  }
  return false;
}

/** The columns of `wanted` whose values differ from the row the database holds, in `wanted`'s order. */
export function changedColumns<W extends object>(existing: Record<keyof W, unknown>, wanted: W): Partial<W> {
  const changes: Partial<W> = {};
  for (const column of Object.keys(wanted) as (keyof W)[]) {
    if (!same(existing[column], wanted[column])) changes[column] = wanted[column];
  }
  return changes;
}

export const isEmpty = (changes: object): boolean => Object.keys(changes).length === 0;
