/**
 * Exact decimal arithmetic for money, token counts and scores: a BigInt
 * coefficient and a power-of-ten scale, so 0.1 + 0.2 is 0.3 and 848M tokens
 * at $0.03 per million is $25.44, to the digit. Only what the comparison
 * needs: add, subtract, multiply, compare, round for display.
 */
export class Decimal {
  private constructor(
    /** value = coefficient × 10^-scale */
    private readonly coefficient: bigint,
    private readonly scale: number,
  ) {}

  static readonly ZERO = new Decimal(0n, 0);
  static readonly ONE = new Decimal(1n, 0);

  /** From a decimal string ("0.03", "-20.0"), a whole bigint, or a safe integer. */
  static from(value: string | bigint | number | Decimal): Decimal {
    if (value instanceof Decimal) return value;
    if (typeof value === 'bigint') return new Decimal(value, 0);
    if (typeof value === 'number') {
      if (!Number.isSafeInteger(value)) {
        throw new RangeError(`Decimal.from takes whole numbers only, not ${value}: pass decimal text instead`);
      }
      return new Decimal(BigInt(value), 0);
    }
    const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value.trim());
    if (!match) throw new RangeError(`not a decimal number: ${JSON.stringify(value)}`);
    const [, sign, whole, fraction = ''] = match;
    const coefficient = BigInt(`${whole}${fraction}`);
    return new Decimal(sign === '-' ? -coefficient : coefficient, fraction.length);
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

  /** Fixed number of decimals, as money is written: "71.60". */
  toFixed(places: number): string {
    const rounded = this.round(places);
    const padded = new Decimal(rounded.coefficient * 10n ** BigInt(places - rounded.scale), places);
    return padded.format();
  }

  /** Shortest exact text: "0.081", "24.3", "28.5". */
  toString(): string {
    let { coefficient, scale } = this;
    while (scale > 0 && coefficient % 10n === 0n) {
      coefficient /= 10n;
      scale -= 1;
    }
    return new Decimal(coefficient, scale).format();
  }

  /** For ratios and scores shown to people; never for money arithmetic. */
  toNumber(): number {
    return Number(this.toString());
  }

  private format(): string {
    const negative = this.coefficient < 0n;
    const digits = (negative ? -this.coefficient : this.coefficient).toString().padStart(this.scale + 1, '0');
    const whole = digits.slice(0, digits.length - this.scale);
    const fraction = digits.slice(digits.length - this.scale);
    const text = fraction ? `${whole}.${fraction}` : whole;
    return negative && /[1-9]/.test(text) ? `-${text}` : text;
  }
}
