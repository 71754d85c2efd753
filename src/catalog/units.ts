/**
 * Prices arrive as JS numbers in several units. They become exact decimal
 * strings in USD per 1M tokens, and a value outside sane bounds is refused
 * with a warning naming the entry, never stored (a per-1K price written as
 * per-token is 1000× off and would wreck every comparison it touched).
 */

export type PriceUnit = 'per-token' | 'per-1k' | 'per-1m';

/** No real model costs more than this per 1M tokens (o1-pro output is $600). */
export const MAX_PER_MTOK = 1000;
/** A price below this per 1M tokens, but not zero, is a unit mistake (per-token read as per-1M). */
export const MIN_NONZERO_PER_MTOK = 0.001;

const SHIFT: Record<PriceUnit, number> = { 'per-token': 6, 'per-1k': 3, 'per-1m': 0 };

/** The exact decimal text of a finite number, without exponent: 1.5e-7 → "0.00000015". */
export function decimalText(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const text = String(value);
  const match = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text;
  const [, sign, whole, fraction = '', exponent] = match;
  return shiftDecimal(`${sign}${whole}.${fraction}`, Number(exponent));
}

/** Moves the decimal point of a decimal string `power` places right (negative: left). */
export function shiftDecimal(text: string, power: number): string {
  const negative = text.startsWith('-');
  const [whole = '0', fraction = ''] = text.replace(/^-/, '').split('.');
  let digits = whole + fraction;
  let point = whole.length + power;
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  }
  if (point > digits.length) digits += '0'.repeat(point - digits.length);
  const intPart = digits.slice(0, point).replace(/^0+(?=\d)/, '') || '0';
  const fracPart = digits.slice(point).replace(/0+$/, '');
  return `${negative ? '-' : ''}${intPart}${fracPart ? `.${fracPart}` : ''}`;
}

export type PriceResult = { ok: true; perMTok: string } | { ok: false; warning: string };

/** One price, converted to USD per 1M tokens and checked. `where` names the entry for the warning. */
export function toPerMillion(value: number | string, unit: PriceUnit, where: string): PriceResult {
  const text = typeof value === 'number' ? decimalText(value) : value.trim();
  if (!/^\d+(\.\d+)?$/.test(text)) return { ok: false, warning: `${where}: price ${JSON.stringify(value)} is not a non-negative number` };
  const perMTok = shiftDecimal(text, SHIFT[unit]);
  const amount = Number(perMTok);
  if (amount > MAX_PER_MTOK || (amount > 0 && amount < MIN_NONZERO_PER_MTOK)) {
    return {
      ok: false,
      warning: `${where}: price ${perMTok} USD per 1M tokens is outside ${MIN_NONZERO_PER_MTOK}–${MAX_PER_MTOK}; likely a unit mistake, so it was not imported`,
    };
  }
  return { ok: true, perMTok };
}
