import { decodeGlobalID } from '@pothos/plugin-relay';
import { z } from 'zod';
import { INPUT_LIMITS } from '../query-limits.js';

/**
 * The rules every argument's validation shares (src/query-limits.ts holds the
 * numbers). Each runs in time linear in the value's length and never echoes
 * the value: its message names the argument (src/schema/errors.ts) and the
 * limit.
 */

/**
 * Whether text holds a control character (U+0000–U+001F, U+007F–U+009F) or a
 * lone UTF-16 surrogate: neither belongs in an id, and PostgreSQL refuses NUL.
 * One pass over the text, no regex.
 */
export function hasForbiddenCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) return true;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return true;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      return true;
    }
  }
  return false;
}

const TOO_LONG = `must be at most ${INPUT_LIMITS.text} characters`;
const FORBIDDEN = 'must not contain control characters';

/** Why a piece of reference text is refused, or null: too long, or a control character. */
export function textProblem(text: string): string | null {
  if (text.length > INPUT_LIMITS.text) return TOO_LONG;
  if (hasForbiddenCharacter(text)) return FORBIDDEN;
  return null;
}

/** A slug, alias, provider model id, edition slug or cursor: at most 200 characters, no control character. */
export const referenceText = z.string().superRefine((text, ctx) => {
  const problem = textProblem(text);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

/** `{ schema: referenceText }`: the validation option of a String argument or input field. */
export const referenceRule = { schema: referenceText };

/** A Decimal argument's text: at most 40 characters (the scalar has already checked it is a decimal). */
export const decimalRule = {
  schema: z.string().max(INPUT_LIMITS.number, `must be at most ${INPUT_LIMITS.number} characters`),
};

/** The instants `asOf` accepts: the price history starts at 1970-01-01, and PostgreSQL stores no year 0. */
export const EARLIEST_AS_OF = new Date('1970-01-01T00:00:00Z');
export const LATEST_AS_OF = new Date('9999-12-31T23:59:59.999Z');

export const asOfRule = {
  refine: [
    (date: Date) => date.getTime() >= EARLIEST_AS_OF.getTime() && date.getTime() <= LATEST_AS_OF.getTime(),
    { message: 'must be between 1970-01-01 and 9999-12-31' },
  ] as [(date: Date) => boolean, { message: string }],
};

/** The object types `node(id:)` can load (each implements Node with an integer key). */
export const NODE_TYPES = ['Benchmark', 'Creator', 'Model', 'Offering', 'Provider'] as const;

/** What an id `node(id:)` cannot use decodes to; the field's validation refuses it, naming the argument. */
export const INVALID_NODE_ID = '#invalid';

/**
 * Decodes a global id for `node` and `nodes` (the Relay plugin calls it before
 * validation runs). An id that is too long, holds a control character, is not
 * base64 of "Type:key", or names a type with no nodes decodes to
 * `{ typename: INVALID_NODE_ID, id: <why> }`, which `nodeIdRule` refuses with
 * BAD_USER_INPUT naming the argument, rather than throwing an error with no code.
 */
export function decodeNodeId(globalID: string): { typename: string; id: string } {
  const problem = textProblem(globalID);
  if (problem) return { typename: INVALID_NODE_ID, id: problem };
  try {
    const decoded = decodeGlobalID(globalID);
    if ((NODE_TYPES as readonly string[]).includes(decoded.typename)) return decoded;
  } catch {
    // Not base64 of "Type:key".
  }
  return { typename: INVALID_NODE_ID, id: 'is not a node id of this API' };
}

// Typed as the argument's GraphQL type (ID); at run time the Relay plugin has
// already decoded it to { typename, id }.
const nodeId = z.custom<string>().superRefine((value: unknown, ctx) => {
  const decoded = value as { typename?: unknown; id?: unknown } | null;
  if (decoded?.typename === INVALID_NODE_ID) ctx.addIssue({ code: 'custom', message: String(decoded.id) });
});

/** The validation of `node(id:)`. */
export const nodeIdRule = { schema: nodeId };

/** The validation of `nodes(ids:)`: at most 100 ids, each a node id. */
export const nodeIdsRule = {
  schema: z.array(nodeId).max(INPUT_LIMITS.ids, `at most ${INPUT_LIMITS.ids} ids`),
};

/**
 * Why a federation `_entities` representation is refused, or null: the router
 * sends `{ __typename, id }` or `{ __typename, slug }` objects of entity types
 * (src/schema/entities.ts); anything else (an unknown type, no key, a long or
 * control-character slug, an id that is not a global id of that type) is the
 * client's error, not an unexpected one.
 */
export function representationProblem(representation: unknown, entityTypes: ReadonlySet<string>): string | null {
  if (typeof representation !== 'object' || representation === null || Array.isArray(representation)) {
    return 'must be an object with __typename and id or slug';
  }
  const { __typename: typename, id, slug } = representation as Record<string, unknown>;
  if (typeof typename !== 'string' || !entityTypes.has(typename)) {
    return `__typename must be one of ${[...entityTypes].join(', ')}`;
  }
  if (id !== undefined) {
    if (typeof id !== 'string') return 'id must be a string';
    const decoded = decodeNodeId(id);
    if (decoded.typename === INVALID_NODE_ID) return `id ${decoded.id}`;
    return decoded.typename === typename ? null : `id is a ${decoded.typename} id, not a ${typename} id`;
  }
  if (typeof slug !== 'string') return 'must have an id or a slug (a string)';
  const problem = textProblem(slug);
  return problem ? `slug ${problem}` : null;
}
