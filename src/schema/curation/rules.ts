import { z } from 'zod';
import { INPUT_LIMITS } from '../../query-limits.js';
import { decodeNodeId, decimalRule, referenceText } from '../input-rules.js';

/**
 * The validation of curation inputs (src/schema/input-rules.ts holds the
 * shared rules and src/query-limits.ts the numbers): every string at most 200
 * characters with no control character, slugs in the catalog's form, URLs
 * http(s), prices non-negative exact decimals, lists bounded.
 */

/** The catalog's slug form, as the database's check constraints state it. */
export const slugRule = {
  schema: referenceText.pipe(z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, 'must be a lower-case slug (a-z, 0-9, ".", "-")')),
};

/** Free text (a name, a licence, a setting): not blank. */
export const textRule = { schema: referenceText.pipe(z.string().trim().min(1, 'must not be blank')) };

/** Text that may be empty ('' is "none": a score's setting or variant). */
export const optionalTextRule = { schema: referenceText };

export const urlRule = {
  schema: referenceText.pipe(z.url({ protocol: /^https?$/, message: 'must be an http or https URL' })),
};

/** A list of at most 100 items (each checked by its own rule). */
export const listRule = { schema: z.array(z.any()).max(INPUT_LIMITS.ids, `at most ${INPUT_LIMITS.ids} items`) };

/** A list of at most 100 texts, each not blank. */
export const textListRule = { schema: z.array(textRule.schema).max(INPUT_LIMITS.ids, `at most ${INPUT_LIMITS.ids} items`) };

/** A list of at most 100 slugs. */
export const slugListRule = { schema: z.array(slugRule.schema).max(INPUT_LIMITS.ids, `at most ${INPUT_LIMITS.ids} items`) };

/** A price: an exact decimal, at most 40 characters, never negative (unknown is null, never zero). */
export const priceRule = { schema: decimalRule.schema.refine((d) => !d.startsWith('-'), 'must not be negative') };

/** A score or interval bound: an exact decimal, at most 40 characters (its benchmark's scale is checked when written). */
export const scoreRule = decimalRule;

/** Counts of tokens or parameters: whole and positive (the database stores int4 and int8). */
export const positiveIntRule = { schema: z.number().int().positive() };
export const parameterCountRule = { schema: z.number().int().positive().max(1e15, 'must be at most 1e15') };

/** Calendar dates the catalog takes: from 1900 (PostgreSQL stores no year 0). */
export const dateRule = { schema: z.string().refine((d) => d >= '1900-01-01', 'must be 1900-01-01 or later') };

/** 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD', at the precision known. */
export const cutoffRule = {
  schema: referenceText.pipe(
    z.string().regex(/^(19|[2-9]\d)\d{2}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD, from 1900'),
  ),
};

/** A minute of the day, [0, 1439] for a window's start and [0, 1440] for its end. */
export const windowStartRule = { schema: z.number().int().min(0).max(1439) };
export const windowEndRule = { schema: z.number().int().min(0).max(1440) };

/** Versions start at 1. */
export const versionRule = { schema: z.number().int().positive() };

/** An id of one of `types` (as node(id:) reads it), or BAD_USER_INPUT naming the argument. */
export function nodeIdOf(types: readonly string[]) {
  return {
    schema: referenceText.superRefine((id, ctx) => {
      const decoded = decodeNodeId(id);
      if (!types.includes(decoded.typename) || !/^\d{1,9}$/.test(decoded.id)) {
        ctx.addIssue({ code: 'custom', message: `must be the id of ${types.length === 1 ? `an ${types[0]}` : `one of ${types.join(', ')}`}` });
      }
    }),
  };
}

/** The type and integer key of an id `nodeIdOf` has accepted. */
export function decodeId(id: string): { typename: string; key: number } {
  const decoded = decodeNodeId(id);
  return { typename: decoded.typename, key: Number(decoded.id) };
}
