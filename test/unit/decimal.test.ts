import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/resolvers/decimal.js';
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
});
