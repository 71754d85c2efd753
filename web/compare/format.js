// Numbers as the API sends them: money and token counts are decimal strings,
// exact, and shown without going through a float. null is unknown, never 0.

export const UNKNOWN = 'unknown';

/** "1234567" → "1,234,567"; the digits as they are. */
function groupDigits(digits) {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** "71.6" → "$71.60", "0.081" → "$0.081", "-0.15" → "−$0.15": at least cents, every digit the API gave. */
export function money(decimal) {
  if (decimal == null) return UNKNOWN;
  const negative = decimal.startsWith('-');
  const [whole, fraction = ''] = decimal.replace(/^-/, '').split('.');
  const text = `$${groupDigits(whole)}.${fraction.padEnd(2, '0')}`;
  return negative ? `−${text}` : text;
}

/** A price per 1M tokens. */
export const perMTok = (decimal) => (decimal == null ? UNKNOWN : `${money(decimal)}/1M tokens`);

/** "848000000" → "848,000,000". */
export const count = (value) => (value == null ? UNKNOWN : groupDigits(String(value)));

/** 128000 → "128K tokens"; 1230000000 parameters → "1.23B". */
export function compact(value) {
  if (value == null) return UNKNOWN;
  return new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 2 }).format(value);
}

/** A benchmark score or interval bound: two decimals at most (scores are floats; 29.1916… reads as 29.19). */
export const score = (value) => (value == null ? UNKNOWN : new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(value));

export const yesNo = (value) => (value == null ? UNKNOWN : value ? 'yes' : 'no');
export const text = (value) => (value == null || value === '' ? UNKNOWN : String(value));
export const list = (values) => (values.length === 0 ? 'none' : values.join(', '));
export const names = (items) => list(items.map((item) => item.name));
