import { Decimal, shiftDecimal } from '../resolvers/decimal.js';

/**
 * Prices arrive as JS numbers in several units. They become exact decimal
 * strings in USD per 1M tokens, and a value outside sane bounds is refused
 * with a warning naming the entry, never stored (a per-1K price written as
 * per-token is 1000× off and would wreck every comparison it touched).
 *
 * A number that is a floating-point artefact (0.18000000000000002: the
 * source's own arithmetic, or a per-token → per-million conversion done in
 * binary) is normalised to a decimal, with a warning naming the entry; see
 * FLOAT_ARTEFACT_DIGITS. Text prices (the curated CSV files) are exact as
 * written and never touched.
 */

export type PriceUnit = 'per-token' | 'per-1k' | 'per-1m';

/** No real model costs more than this per 1M tokens (o1-pro output is $600). */
export const MAX_PER_MTOK = 1000;
/** A price below this per 1M tokens, but not zero, is a unit mistake (per-token read as per-1M). */
export const MIN_NONZERO_PER_MTOK = 0.001;

/**
 * Every decimal of at most 15 significant digits survives the trip through a
 * double and is printed back by JS as itself (a double holds 15 decimal
 * digits exactly). So a number whose shortest text has more than 15
 * significant digits is not a decimal anyone wrote: it is the result of
 * binary arithmetic (0.06 × 3 = 0.18000000000000002, 1 / 12 =
 * 0.08333333333333334). Such a number is rounded, half away from zero, to
 * FLOAT_ARTEFACT_DIGITS significant digits and its trailing zeros dropped:
 * 0.18000000000000002 → 0.18, 0.08333333333333334 → 0.08333333333. Ten
 * digits leave an artefact's error (parts in 10^16) far behind and keep any
 * real price exact (the catalog's longest has 6); a number of 15 digits or
 * fewer is never touched, however long.
 */
export const DOUBLE_DIGITS = 15;
export const FLOAT_ARTEFACT_DIGITS = 10;

const SHIFT: Record<PriceUnit, number> = { 'per-token': 6, 'per-1k': 3, 'per-1m': 0 };

/** The exact decimal text of a finite number, without exponent: 1.5e-7 → "0.00000015". */
export function decimalText(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const text = String(value);
  const exponent = text.indexOf('e');
  if (exponent === -1) return text;
  return shiftDecimal(text.slice(0, exponent), Number(text.slice(exponent + 1)));
}

/**
 * The decimal a number stands for: its exact text, or, when the number is a
 * floating-point artefact (more than DOUBLE_DIGITS significant digits), that
 * text rounded to FLOAT_ARTEFACT_DIGITS significant digits.
 */
export function normalisedDecimalText(value: number): { text: string; artefact: boolean } {
  const text = decimalText(value);
  const decimal = Decimal.from(text);
  if (decimal.significantDigits() <= DOUBLE_DIGITS) return { text, artefact: false };
  return { text: decimal.roundSignificant(FLOAT_ARTEFACT_DIGITS).toString(), artefact: true };
}

/**
 * A converted price, or why it was refused. `warning` on an accepted price
 * says it was normalised from a floating-point artefact (it names the entry);
 * the import reports it.
 */
export type PriceResult = { ok: true; perMTok: string; warning?: string } | { ok: false; warning: string };

/** One price, converted to USD per 1M tokens and checked. `where` names the entry for the warning. */
export function toPerMillion(value: number | string, unit: PriceUnit, where: string): PriceResult {
  let text: string;
  let artefact = false;
  if (typeof value === 'number') {
    const read = normalisedDecimalText(value);
    text = read.text;
    artefact = read.artefact;
  } else {
    text = value.trim();
  }
  if (!/^\d+(\.\d+)?$/.test(text)) return { ok: false, warning: `${where}: price ${JSON.stringify(value)} is not a non-negative number` };
  const perMTok = shiftDecimal(text, SHIFT[unit]);
  const amount = Number(perMTok);
  if (amount > MAX_PER_MTOK || (amount > 0 && amount < MIN_NONZERO_PER_MTOK)) {
    return {
      ok: false,
      warning: `${where}: price ${perMTok} USD per 1M tokens is outside ${MIN_NONZERO_PER_MTOK}–${MAX_PER_MTOK}; likely a unit mistake, so it was not imported`,
    };
  }
  if (!artefact) return { ok: true, perMTok };
  return {
    ok: true,
    perMTok,
    warning: `${where}: price ${String(value)} is a floating-point artefact; read as ${perMTok} USD per 1M tokens (rounded to ${FLOAT_ARTEFACT_DIGITS} significant digits)`,
  };
}
