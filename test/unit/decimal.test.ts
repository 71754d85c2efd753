import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalDecimal, Decimal, isDecimalText, shiftDecimal } from '../../src/resolvers/decimal.js';
import { decimalText } from '../support/arbitraries.js';

describe('Decimal', () => {
  it('adds and multiplies without float drift', () => {
    expect(Decimal.from('0.1').plus(Decimal.from('0.2')).toString()).toBe('0.3');
    expect(Decimal.from(848_000_000n).times(Decimal.from('0.03')).shiftLeft(6).toString()).toBe('25.44');
    expect(Decimal.from('0.7').times(Decimal.from('0.03')).plus(Decimal.from('0.3').times(Decimal.from('0.2'))).toString()).toBe('0.081');
  });

  it('rounds half away from zero and writes money with fixed decimals', () => {
    expect(Decimal.from('71.6').toFixed(2)).toBe('71.60');
    expect(Decimal.from('0.005').toFixed(2)).toBe('0.01');
    expect(Decimal.from('-0.005').toFixed(2)).toBe('-0.01');
    expect(Decimal.from('0.052').round(2).toString()).toBe('0.05');
    expect(Decimal.from('-0.004').toFixed(2)).toBe('0.00');
  });

  it('compares across scales', () => {
    expect(Decimal.from('0.20').equals(Decimal.from('0.2'))).toBe(true);
    expect(Decimal.from('0.05').lessThan(Decimal.from('0.2'))).toBe(true);
  });

  it('refuses what is not a decimal, and floats', () => {
    expect(() => Decimal.from('1e-3')).toThrow(RangeError);
    expect(() => Decimal.from(0.1)).toThrow(RangeError);
  });

  it('agrees with integer arithmetic on scaled values', () => {
    fc.assert(
      fc.property(decimalText, decimalText, (a, b) => {
        const x = Decimal.from(a);
        const y = Decimal.from(b);
        expect(x.plus(y).minus(y).equals(x)).toBe(true);
        expect(x.times(y).equals(y.times(x))).toBe(true);
        expect(Decimal.from(x.toString()).equals(x)).toBe(true);
        expect(x.compare(y) + y.compare(x)).toBe(0);
      }),
    );
  });

  it('rounds to significant digits, half away from zero', () => {
    expect(Decimal.from('0.18000000000000002').roundSignificant(10).toString()).toBe('0.18');
    expect(Decimal.from('0.08333333333333334').roundSignificant(10).toString()).toBe('0.08333333333');
    expect(Decimal.from('-2.55').roundSignificant(2).toString()).toBe('-2.6');
    expect(Decimal.from('123456').roundSignificant(2).toString()).toBe('120000');
    expect(Decimal.from('0.5').roundSignificant(3).toString()).toBe('0.5');
    expect(Decimal.from('0.0200').significantDigits()).toBe(1);
    expect(Decimal.from('100.05').significantDigits()).toBe(5);
    expect(Decimal.from('0').significantDigits()).toBe(0);
  });
});

describe('decimal text', () => {
  it.each([
    ['0.0200', '0.02'],
    ['20.0', '20'],
    ['007.50', '7.5'],
    ['-0.0', '0'],
    ['-000', '0'],
    ['-1.10', '-1.1'],
    ['0', '0'],
  ])('writes %s canonically as %s', (input, output) => {
    expect(canonicalDecimal(input)).toBe(output);
    expect(Decimal.from(input).toString()).toBe(output);
  });

  it('moves the decimal point exactly', () => {
    expect(shiftDecimal('1.5', -7)).toBe('0.00000015');
    expect(shiftDecimal('0.15', 6)).toBe('150000');
    expect(shiftDecimal('-2.50', 1)).toBe('-25');
    expect(shiftDecimal('0.0006', 3)).toBe('0.6');
    expect(shiftDecimal('-0.0', 3)).toBe('0');
    expect(shiftDecimal('12', 0)).toBe('12');
  });

  it('refuses what is not decimal text with a RangeError that names it, cut short when long', () => {
    for (const text of ['', '1e-3', '.5', '1.', '+1', ' 1', '1,5', 'NaN']) {
      expect(isDecimalText(text)).toBe(false);
      expect(() => canonicalDecimal(text)).toThrow(new RangeError(`not a decimal number: ${JSON.stringify(text)}`));
      expect(() => shiftDecimal(text, 2)).toThrow(RangeError);
    }
    const long = `${'1'.repeat(80_000)}x`;
    expect(() => Decimal.from(long)).toThrow(/^not a decimal number: "1{40}"… \(80001 characters\)$/);
  });

  it('agrees with Decimal arithmetic', () => {
    fc.assert(
      fc.property(decimalText, fc.boolean(), fc.integer({ min: -8, max: 8 }), (text, negative, power) => {
        const signed = negative ? `-${text}` : text;
        const value = Decimal.from(signed);
        expect(canonicalDecimal(signed)).toBe(value.toString());
        const shifted = Decimal.from(shiftDecimal(signed, power));
        const back = power >= 0 ? shifted.shiftLeft(power) : shifted.times(Decimal.from(10n ** BigInt(-power)));
        expect(back.equals(value)).toBe(true);
      }),
    );
  });

  it('parses, canonicalises and shifts a 100,000-digit decimal in well under a second', () => {
    const texts = [
      `1.${'0'.repeat(99_998)}`, // a run of zeros at the end: quadratic for /0+$/ and for dividing by 10 per digit
      `1.${'0'.repeat(99_997)}1`, // a run of zeros not at the end: quadratic for /0+$/
      `-${'0'.repeat(99_998)}.5`,
      `${'9'.repeat(50_000)}.${'1'.repeat(50_000)}`,
    ];
    for (const text of texts) {
      const started = performance.now();
      const canonical = canonicalDecimal(text);
      const value = Decimal.from(text);
      expect(value.toString()).toBe(canonical);
      expect(shiftDecimal(text, -6).length).toBeGreaterThan(0);
      expect(value.plus(Decimal.ONE).minus(Decimal.ONE).equals(value)).toBe(true);
      expect(performance.now() - started).toBeLessThan(250);
    }
  });
});
