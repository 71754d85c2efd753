import { decodeBase64 } from '@pothos/core';
import { z } from 'zod';
import { INPUT_LIMITS } from '../query-limits.js';
import { builder } from './builder.js';
import { referenceText } from './input-rules.js';

export const MAX_PAGE_SIZE = INPUT_LIMITS.pageSize;

const OFFSET_CURSOR = /^OffsetConnection:\d{1,9}$/;

/** Whether text is a cursor this API hands out (base64 of "OffsetConnection:<offset>"); anything else would reach SQL as NaN. */
export function isOffsetCursor(cursor: string): boolean {
  if (cursor.length > 64) return false;
  try {
    return OFFSET_CURSOR.test(decodeBase64(cursor));
  } catch {
    return false;
  }
}

const cursor = referenceText.refine(isOffsetCursor, 'is not a cursor: pass a `cursor`, `startCursor` or `endCursor` this API returned');

/**
 * The Relay arguments every connection takes, validated before the resolver
 * runs, literal or variable: pages of 1 to 100, cursors this API returned,
 * and `last` only with `first` or `before` (the end of the list is otherwise unknown).
 */
export const connectionArgsSchema = z
  .looseObject({
    first: z.number().int().min(1).max(MAX_PAGE_SIZE).nullish(),
    last: z.number().int().min(1).max(MAX_PAGE_SIZE).nullish(),
    after: cursor.nullish(),
    before: cursor.nullish(),
  })
  .refine((args) => args.last == null || args.first != null || args.before != null, {
    message: 'last needs first or before',
    path: ['last'],
  });

export const OrderDirection = builder.enumType('OrderDirection', {
  description: 'Sort direction.',
  values: {
    ASC: { value: 'asc', description: 'Smallest (or earliest, or A) first.' },
    DESC: { value: 'desc', description: 'Largest (or latest, or Z) first.' },
  } as const,
});

builder.globalConnectionField('totalCount', (t) =>
  t.int({
    description: 'How many items match, across all pages.',
    resolve: (connection) => connection.totalCount(),
  }),
);

/** Node ids carry integer keys; anything else finds nothing rather than failing. */
export function parseGlobalIntId(id: string): number {
  return /^\d{1,9}$/.test(id) ? Number(id) : -1;
}

/** Adds the lazily counted total every connection offers (counted only when asked for). */
export async function withTotalCount<C extends object>(connection: Promise<C>, count: () => Promise<number>) {
  return { ...(await connection), totalCount: count };
}
