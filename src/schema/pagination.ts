import { z } from 'zod';
import { builder } from './builder.js';

export const MAX_PAGE_SIZE = 100;

/** The Relay arguments every connection takes, validated before the resolver runs. */
export const connectionArgsSchema = z.looseObject({
  first: z.number().int().min(1).max(MAX_PAGE_SIZE).nullish(),
  last: z.number().int().min(1).max(MAX_PAGE_SIZE).nullish(),
  after: z.string().nullish(),
  before: z.string().nullish(),
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
