/**
 * Exact decimal arithmetic for money, token counts and scores: a BigInt
 * coefficient and a power-of-ten scale, so 0.1 + 0.2 is 0.3 and 848M tokens
 * at $0.03 per million is $25.44, to the digit. Only what the comparison
 * needs: add, subtract, multiply, compare, round for display.
 *
 * This module is the one implementation of decimal text in the project: the
 * Decimal scalar (src/schema/scalars.ts) and the import's unit conversion
 * (src/catalog/units.ts) use its parsing, canonical form and point shifting.
 * Everything here is linear in the length of its input: no backtracking
 * regex (such as /0+$/, which is quadratic on a long run of zeros not at the
 * end) and no loop that divides a BigInt once per digit, so an argument of
 * 100,000 digits costs milliseconds.
 */

/**
 * Decimal text: an optional minus, digits, and optionally a point followed by
 * digits. No exponent, no plus sign, no bare point ("1." or ".5"), no spaces.
 * Each part can match in one way only, so the regex runs in linear time.
 */
const DECIMAL_TEXT = /^(-?)(\d+)(?:\.(\d+))?$/;

/** Whether `text` is decimal text (see DECIMAL_TEXT). */
export function isDecimalText(text: string): boolean {
  return DECIMAL_TEXT.test(text);
}

/** A value for an error message: quoted, and cut short when long (an 80 KB argument is not echoed back whole). */
export function quoted(value: unknown, limit = 40): string {
  const text = typeof value === 'string' ? value : String(value);
  return text.length <= limit ? JSON.stringify(text) : `${JSON.stringify(text.slice(0, limit))}… (${text.length} characters)`;
}

interface DecimalParts {
  negative: boolean;
  /** The digits before the point, as written (leading zeros kept). */
  whole: string;
  /** The digits after the point, as written (trailing zeros kept); '' when there is no point. */
  fraction: string;
}

/** The parts of decimal text; a RangeError naming the text when it is not decimal text. */
function parse(text: string): DecimalParts {
  const match = DECIMAL_TEXT.exec(text);
  if (!match) throw new RangeError(`not a decimal number: ${quoted(text)}`);
  return { negative: match[1] === '-', whole: match[2]!, fraction: match[3] ?? '' };
}

/** `digits` without its leading zeros, keeping one digit: '007' → '7', '000' → '0'. */
function withoutLeadingZeros(digits: string): string {
  let start = 0;
  while (start < digits.length - 1 && digits.charCodeAt(start) === 48) start++;
  return start === 0 ? digits : digits.slice(start);
}

/** `digits` without its trailing zeros: '0200' → '02', '000' → ''. */
function withoutTrailingZeros(digits: string): string {
  let end = digits.length;
  while (end > 0 && digits.charCodeAt(end - 1) === 48) end--;
  return end === digits.length ? digits : digits.slice(0, end);
}

/** The canonical text of a number from its parts: no redundant zeros, no "-0". */
function canonicalFrom(negative: boolean, whole: string, fraction: string): string {
  const intPart = withoutLeadingZeros(whole || '0');
  const fracPart = withoutTrailingZeros(fraction);
  const zero = fracPart === '' && intPart === '0';
  return `${negative && !zero ? '-' : ''}${intPart}${fracPart ? `.${fracPart}` : ''}`;
}

/**
 * One spelling for one number: '0.0200' → '0.02', '20.0' → '20', '007.50' →
 * '7.5', '-0.0' → '0'. Every digit that matters is kept. A RangeError when
 * `text` is not decimal text.
 */
export function canonicalDecimal(text: string): string {
  const { negative, whole, fraction } = parse(text);
  return canonicalFrom(negative, whole, fraction);
}

/**
 * Moves the decimal point of decimal text `power` places right (negative:
 * left), exactly, in canonical form: ('0.15', 6) → '150000', ('1.5', -7) →
 * '0.00000015'. A RangeError when `text` is not decimal text.
 */
export function shiftDecimal(text: string, power: number): string {
  if (!Number.isSafeInteger(power)) throw new RangeError(`not a whole power of ten: ${power}`);
  const { negative, whole, fraction } = parse(text);
  let digits = whole + fraction;
  let point = whole.length + power;
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  }
  if (point > digits.length) digits += '0'.repeat(point - digits.length);
  return canonicalFrom(negative, digits.slice(0, point), digits.slice(point));
}

export class Decimal {
  private constructor(
    /** value = coefficient × 10^-scale */
    private readonly coefficient: bigint,
    private readonly scale: number,
  ) {}

  static readonly ZERO = new Decimal(0n, 0);
  static readonly ONE = new Decimal(1n, 0);

  /**
   * From decimal text ("0.03", "-20.0"; surrounding spaces ignored), a whole
   * bigint, or a safe integer. Anything else is a RangeError naming the value.
   */
  static from(value: string | bigint | number | Decimal): Decimal {
    if (value instanceof Decimal) return value;
    if (typeof value === 'bigint') return new Decimal(value, 0);
    if (typeof value === 'number') {
      if (!Number.isSafeInteger(value)) {
        throw new RangeError(`Decimal.from takes whole numbers only, not ${value}: pass decimal text instead`);
      }
      return new Decimal(BigInt(value), 0);
    }
    const { negative, whole, fraction } = parse(value.trim());
    const coefficient = BigInt(`${whole}${fraction}`);
    return new Decimal(negative ? -coefficient : coefficient, fraction.length);
  }

  private aligned(other: Decimal): [bigint, bigint, number] {
    const scale = Math.max(this.scale, other.scale);
    return [
      this.coefficient * 10n ** BigInt(scale - this.scale),
      other.coefficient * 10n ** BigInt(scale - other.scale),
      scale,
    ];
  }

  plus(other: Decimal): Decimal {
    const [a, b, scale] = this.aligned(other);
    return new Decimal(a + b, scale);
  }

  minus(other: Decimal): Decimal {
    const [a, b, scale] = this.aligned(other);
    return new Decimal(a - b, scale);
  }

  times(other: Decimal): Decimal {
    return new Decimal(this.coefficient * other.coefficient, this.scale + other.scale);
  }

  /** Division by 10^power is exact: it only moves the decimal point. */
  shiftLeft(power: number): Decimal {
    return new Decimal(this.coefficient, this.scale + power);
  }

  negated(): Decimal {
    return new Decimal(-this.coefficient, this.scale);
  }

  abs(): Decimal {
    return this.coefficient < 0n ? this.negated() : this;
  }

  compare(other: Decimal): -1 | 0 | 1 {
    const [a, b] = this.aligned(other);
    return a < b ? -1 : a > b ? 1 : 0;
  }

  equals(other: Decimal): boolean {
    return this.compare(other) === 0;
  }

  lessThan(other: Decimal): boolean {
    return this.compare(other) < 0;
  }

  greaterThan(other: Decimal): boolean {
    return this.compare(other) > 0;
  }

  isZero(): boolean {
    return this.coefficient === 0n;
  }

  isNegative(): boolean {
    return this.coefficient < 0n;
  }

  /** Rounded half away from zero to `places` decimals (for display and cents). */
  round(places: number): Decimal {
    if (this.scale <= places) return this;
    const divisor = 10n ** BigInt(this.scale - places);
    const negative = this.coefficient < 0n;
    const magnitude = negative ? -this.coefficient : this.coefficient;
    let quotient = magnitude / divisor;
    if ((magnitude % divisor) * 2n >= divisor) quotient += 1n;
    return new Decimal(negative ? -quotient : quotient, places);
  }

  /**
   * Rounded half away from zero to `digits` significant digits:
   * 0.18000000000000002 → 0.18 and 0.08333333333333334 → 0.08333333333 at 10.
   */
  roundSignificant(digits: number): Decimal {
    if (!Number.isSafeInteger(digits) || digits < 1) throw new RangeError(`not a number of significant digits: ${digits}`);
    const negative = this.coefficient < 0n;
    const magnitude = negative ? -this.coefficient : this.coefficient;
    const drop = magnitude.toString().length - digits;
    if (drop <= 0) return this;
    const divisor = 10n ** BigInt(drop);
    let quotient = magnitude / divisor;
    if ((magnitude % divisor) * 2n >= divisor) quotient += 1n;
    const rounded = quotient * divisor;
    return new Decimal(negative ? -rounded : rounded, this.scale);
  }

  /** How many significant digits the shortest text has: 0.0200 → 1, 1.05 → 3, 0 → 0. */
  significantDigits(): number {
    const text = this.toString();
    let digits = 0;
    let leading = true;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code < 48 || code > 57) continue;
      if (leading && code === 48) continue;
      leading = false;
      digits++;
    }
    return digits;
  }

  /** Fixed number of decimals, as money is written: "71.60". */
  toFixed(places: number): string {
    const rounded = this.round(places);
    const padded = new Decimal(rounded.coefficient * 10n ** BigInt(places - rounded.scale), places);
    return padded.format();
  }

  /** Shortest exact text, canonical as canonicalDecimal writes it: "0.081", "24.3", "28.5". */
  toString(): string {
    const { negative, whole, fraction } = this.parts();
    return canonicalFrom(negative, whole, fraction);
  }

  /** For ratios and scores shown to people; never for money arithmetic. */
  toNumber(): number {
    return Number(this.toString());
  }

  /** The digits either side of the point, every one of the scale kept. */
  private parts(): DecimalParts {
    const negative = this.coefficient < 0n;
    const digits = (negative ? -this.coefficient : this.coefficient).toString().padStart(this.scale + 1, '0');
    return { negative, whole: digits.slice(0, digits.length - this.scale), fraction: digits.slice(digits.length - this.scale) };
  }

  /** The text with every digit of the scale: "71.60"; never "-0.00". */
  private format(): string {
    const { negative, whole, fraction } = this.parts();
    const text = fraction ? `${whole}.${fraction}` : whole;
    return negative && /[1-9]/.test(text) ? `-${text}` : text;
  }
}
