import { GraphQLError, Kind, type ValueNode } from 'graphql';

/**
 * Parsing and printing of the custom scalars. Kept apart from builder.ts so
 * the rules can be read and tested alone.
 */

const DECIMAL = /^-?\d+(\.\d+)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function invalid(scalar: string, value: unknown): GraphQLError {
  return new GraphQLError(`${scalar} cannot represent ${JSON.stringify(value)}`, {
    extensions: { code: 'BAD_USER_INPUT' },
  });
}

/** '0.0200' → '0.02', '20.0' → '20', '-0' → '0': one spelling for one number. */
export function canonicalDecimal(value: string): string {
  let [whole = '0', fraction = ''] = value.split('.');
  fraction = fraction.replace(/0+$/, '');
  const negative = whole.startsWith('-');
  whole = whole.replace(/^-/, '').replace(/^0+(?=\d)/, '');
  const text = fraction ? `${whole}.${fraction}` : whole;
  return negative && /[1-9]/.test(text) ? `-${text}` : text;
}

export const decimalScalar = {
  description:
    'An exact decimal number, written as a string ("0.02") so no precision is lost. Prices are USD per million tokens.',
  serialize: (value: unknown): string => {
    if (typeof value === 'string' && DECIMAL.test(value)) return canonicalDecimal(value);
    throw invalid('Decimal', value);
  },
  parseValue: (value: unknown): string => {
    // Numbers are accepted for convenience; their decimal text is kept as written.
    const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
    if (typeof text === 'string' && DECIMAL.test(text)) return canonicalDecimal(text);
    throw invalid('Decimal', value);
  },
  parseLiteral: (node: ValueNode): string => {
    if (node.kind === Kind.STRING || node.kind === Kind.INT || node.kind === Kind.FLOAT) {
      if (DECIMAL.test(node.value)) return canonicalDecimal(node.value);
    }
    throw invalid('Decimal', 'value' in node ? node.value : node.kind);
  },
};

function isCalendarDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

export const dateScalar = {
  description: 'A calendar date, YYYY-MM-DD (no time, no time zone).',
  serialize: (value: unknown): string => {
    if (typeof value === 'string' && isCalendarDate(value)) return value;
    throw invalid('Date', value);
  },
  parseValue: (value: unknown): string => {
    if (typeof value === 'string' && isCalendarDate(value)) return value;
    throw invalid('Date', value);
  },
  parseLiteral: (node: ValueNode): string => {
    if (node.kind === Kind.STRING && isCalendarDate(node.value)) return node.value;
    throw invalid('Date', 'value' in node ? node.value : node.kind);
  },
};

const DATE_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;

function parseDateTime(value: unknown): Date {
  if (typeof value === 'string' && DATE_TIME.test(value)) {
    const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
    if (!Number.isNaN(date.getTime())) return date;
  }
  throw invalid('DateTime', value);
}

export const dateTimeScalar = {
  description: 'An instant, ISO 8601 with a time zone ("2026-05-16T00:00:00Z"); a bare date means midnight UTC.',
  serialize: (value: unknown): string => {
    if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
    return parseDateTime(value).toISOString();
  },
  parseValue: parseDateTime,
  parseLiteral: (node: ValueNode): Date => {
    if (node.kind === Kind.STRING) return parseDateTime(node.value);
    throw invalid('DateTime', 'value' in node ? node.value : node.kind);
  },
};

/**
 * Token counts can pass 2^31 (a month of traffic easily does), which GraphQL's
 * Int cannot hold. Input may be a JSON number or a string of digits; whether
 * it is a whole, non-negative count is checked by the field's validation, so
 * the error names the argument. Output is a string of digits.
 */
export const tokenCountScalar = {
  description: 'A whole number of tokens, which may exceed 2^31: a JSON number or a string of digits ("848000000").',
  serialize: (value: unknown): string => {
    if (typeof value === 'bigint' && value >= 0n) return value.toString();
    throw invalid('TokenCount', String(value));
  },
  parseValue: (value: unknown): string => {
    if (typeof value === 'number' || typeof value === 'string') return String(value);
    throw invalid('TokenCount', value);
  },
  parseLiteral: (node: ValueNode): string => {
    if (node.kind === Kind.INT || node.kind === Kind.FLOAT || node.kind === Kind.STRING) return node.value;
    throw invalid('TokenCount', 'value' in node ? node.value : node.kind);
  },
};

/** The largest count accepted: a quadrillion tokens a month is beyond any real workload. */
export const MAX_TOKEN_COUNT = 10n ** 15n;

export function isTokenCount(value: string): boolean {
  return /^\d{1,16}$/.test(value) && BigInt(value) <= MAX_TOKEN_COUNT;
}
