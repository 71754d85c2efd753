import { expect, it } from 'vitest';
import { parseCsv } from '../../src/catalog/csv.js';
import { decimalText, toPerMillion } from '../../src/catalog/units.js';

it('writes numbers as exact decimal text, exponents expanded', () => {
  expect(decimalText(0.075)).toBe('0.075');
  expect(decimalText(1.5e-7)).toBe('0.00000015');
  expect(decimalText(2e21)).toBe('2000000000000000000000');
  expect(decimalText(131072)).toBe('131072');
});

it('converts per-token and per-1K prices to per 1M exactly', () => {
  expect(toPerMillion(1.5e-7, 'per-token', 'x')).toEqual({ ok: true, perMTok: '0.15' });
  expect(toPerMillion(0.0006, 'per-1k', 'x')).toEqual({ ok: true, perMTok: '0.6' });
  expect(toPerMillion(0.05, 'per-1m', 'x')).toEqual({ ok: true, perMTok: '0.05' });
  expect(toPerMillion(0, 'per-1m', 'x')).toEqual({ ok: true, perMTok: '0' });
});

it('refuses prices 1000× off, naming the entry', () => {
  // A per-token price written in a per-1M field.
  const tiny = toPerMillion(1.5e-7, 'per-1m', 'groq llama-3.1-8b-instant input');
  expect(tiny).toMatchObject({ ok: false, warning: expect.stringMatching(/^groq llama-3.1-8b-instant input: price 0.00000015 .* unit mistake/) });
  // A per-1K price written as per-token.
  expect(toPerMillion(0.15, 'per-token', 'e').ok).toBe(false);
  expect(toPerMillion(-1 as number, 'per-1m', 'e').ok).toBe(false);
});

it('normalises a floating-point artefact to its evident decimal, with a warning naming the entry', () => {
  expect(toPerMillion(0.18000000000000002, 'per-1m', 'genai-prices x/qwen input_mtok')).toEqual({
    ok: true,
    perMTok: '0.18',
    warning:
      'genai-prices x/qwen input_mtok: price 0.18000000000000002 is a floating-point artefact; read as 0.18 USD per 1M tokens (rounded to 10 significant digits)',
  });
  expect(toPerMillion(0.08333333333333334, 'per-1m', 'e')).toMatchObject({ ok: true, perMTok: '0.08333333333', warning: expect.stringContaining('e: price 0.08333333333333334') });
  expect(toPerMillion(0.1 + 0.2, 'per-1m', 'e')).toMatchObject({ ok: true, perMTok: '0.3' });
  expect(toPerMillion(0.8999999999999999, 'per-1m', 'e')).toMatchObject({ ok: true, perMTok: '0.9' });
  // A per-token price whose conversion was done in binary: the digits, not the unit, say it is an artefact.
  expect(toPerMillion(8.333333333333334e-8, 'per-token', 'e')).toMatchObject({ ok: true, perMTok: '0.08333333333' });
  expect(toPerMillion(3.0000000000000004e-7, 'per-token', 'e')).toMatchObject({ ok: true, perMTok: '0.3' });
});

it('never touches a decimal a double holds exactly, however long, nor a price written as text', () => {
  for (const value of [0.075, 1.5, 0.123456789012345, 12.3456789012345, 0.00123456789012]) {
    const result = toPerMillion(value, 'per-1m', 'e');
    expect(result).toEqual({ ok: true, perMTok: decimalText(value) });
  }
  expect(toPerMillion('0.18000000000000002', 'per-1m', 'e')).toEqual({ ok: true, perMTok: '0.18000000000000002' });
});

it('parses RFC 4180 CSV and names a malformed line', () => {
  expect(parseCsv('a,b\n1,"x, ""y"""\r\n2,\n', 'f.csv')).toEqual([
    { a: '1', b: 'x, "y"' },
    { a: '2', b: '' },
  ]);
  expect(() => parseCsv('a,b\n1,2,3\n', 'f.csv')).toThrow(/^f\.csv: .*line 2/);
});
