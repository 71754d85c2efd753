/**
 * pg and PGlite parse several types differently by default (int8 is a string
 * on pg and a number on PGlite; `date` follows the process time zone on pg).
 * Both backends get these parsers so the application sees one representation.
 */

export const PG_TYPE = {
  INT8: 20,
  DATE: 1082,
  NUMERIC: 1700,
} as const;

/** Counts and bigint columns: numbers, refusing any the JS number cannot hold exactly. */
export function parseInt8(value: string): number {
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed)) {
    throw new RangeError(`int8 value ${value} is beyond the exact range of a JS number`);
  }
  return parsed;
}

/** A calendar date stays the 'YYYY-MM-DD' string it is: no time zone can shift it. */
export function parseDate(value: string): string {
  return value;
}

/** Money and scores stay exact decimal strings; arithmetic happens in src/resolvers/decimal.ts. */
export function parseNumeric(value: string): string {
  return value;
}

export const typeParsers: Record<number, (value: string) => unknown> = {
  [PG_TYPE.INT8]: parseInt8,
  [PG_TYPE.DATE]: parseDate,
  [PG_TYPE.NUMERIC]: parseNumeric,
};
