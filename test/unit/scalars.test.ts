import fc from 'fast-check';
import { Kind } from 'graphql';
import { describe, expect, it } from 'vitest';
import { canonicalDecimal, dateScalar, dateTimeScalar, decimalScalar } from '../../src/schema/scalars.js';

describe('Decimal', () => {
  it.each([
    ['0.0200', '0.02'],
    ['20.0', '20'],
    ['0.2', '0.2'],
    ['007.50', '7.5'],
    ['-0.0', '0'],
    ['-1.10', '-1.1'],
    ['123456789012345678901234.000000000000000001', '123456789012345678901234.000000000000000001'],
  ])('writes %s as %s, digit for digit', (input, output) => {
    expect(canonicalDecimal(input)).toBe(output);
    expect(decimalScalar.serialize(input)).toBe(output);
  });

  it('writes any valid text exactly as the earlier implementation did', () => {
    // The implementation this scalar had before src/resolvers/decimal.ts became the only one (quadratic on long text).
    const earlier = (value: string) => {
      let [whole = '0', fraction = ''] = value.split('.');
      fraction = fraction.replace(/0+$/, '');
      const negative = whole.startsWith('-');
      whole = whole.replace(/^-/, '').replace(/^0+(?=\d)/, '');
      const text = fraction ? `${whole}.${fraction}` : whole;
      return negative && /[1-9]/.test(text) ? `-${text}` : text;
    };
    const digits = fc.string({ unit: fc.constantFrom('0', '0', '1', '5', '9'), minLength: 1, maxLength: 12 });
    const text = fc.tuple(fc.boolean(), digits, fc.option(digits, { nil: undefined })).map(([minus, whole, fraction]) => `${minus ? '-' : ''}${whole}${fraction === undefined ? '' : `.${fraction}`}`);
    fc.assert(
      fc.property(text, (value) => {
        expect(decimalScalar.serialize(value)).toBe(earlier(value));
        expect(decimalScalar.parseValue(value)).toBe(earlier(value));
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts strings and numbers as input, keeping the decimal text', () => {
    expect(decimalScalar.parseValue('0.10')).toBe('0.1');
    expect(decimalScalar.parseValue(0.1)).toBe('0.1');
    expect(decimalScalar.parseLiteral({ kind: Kind.STRING, value: '0.03' })).toBe('0.03');
    expect(decimalScalar.parseLiteral({ kind: Kind.FLOAT, value: '0.05' })).toBe('0.05');
  });

  it.each(['', 'abc', '1e-3', 'NaN', '1.', '.5', '1,5'])('refuses %j', (value) => {
    expect(() => decimalScalar.parseValue(value)).toThrow(/Decimal cannot represent/);
  });

  it('takes a 100,000-digit decimal in well under a second, and names a long bad value by its start', () => {
    const long = `0.${'0'.repeat(99_997)}10`;
    const started = performance.now();
    // Longer than an argument may be (40 characters): handed on as written,
    // for the argument's rule to refuse it by name (test/integration/hostile.test.ts).
    expect(decimalScalar.parseValue(long)).toBe(long);
    expect(decimalScalar.parseLiteral({ kind: Kind.STRING, value: long })).toBe(long);
    expect(canonicalDecimal(long)).toBe(long.slice(0, -1));
    expect(decimalScalar.serialize(`${long}${'0'.repeat(1000)}`)).toBe(long.slice(0, -1));
    expect(performance.now() - started).toBeLessThan(250);
    expect(() => decimalScalar.parseValue(`${long}x`)).toThrow(new RegExp(`^Decimal cannot represent "0\\.0{98}"… \\(${long.length + 1} characters\\)$`));
  });

  it('refuses non-finite numbers and never serializes a float', () => {
    expect(() => decimalScalar.parseValue(Number.POSITIVE_INFINITY)).toThrow();
    expect(() => decimalScalar.serialize(0.1)).toThrow();
  });
});

describe('Date', () => {
  it('takes real calendar dates only', () => {
    expect(dateScalar.parseValue('2024-02-29')).toBe('2024-02-29');
    expect(() => dateScalar.parseValue('2023-02-29')).toThrow();
    expect(() => dateScalar.parseValue('2024-13-01')).toThrow();
    expect(() => dateScalar.parseValue('2024-07-23T00:00:00Z')).toThrow();
  });
});

describe('DateTime', () => {
  it('parses instants with a zone, and a bare date as midnight UTC', () => {
    expect(dateTimeScalar.parseValue('2026-05-16T12:30:00+02:00').toISOString()).toBe('2026-05-16T10:30:00.000Z');
    expect(dateTimeScalar.parseValue('2026-05-16').toISOString()).toBe('2026-05-16T00:00:00.000Z');
    expect(dateTimeScalar.serialize(new Date('2026-05-16T00:00:00Z'))).toBe('2026-05-16T00:00:00.000Z');
  });

  it('refuses an instant without a zone, which would mean different things on different hosts', () => {
    expect(() => dateTimeScalar.parseValue('2026-05-16T12:30:00')).toThrow();
    expect(() => dateTimeScalar.parseValue('yesterday')).toThrow();
  });
});
