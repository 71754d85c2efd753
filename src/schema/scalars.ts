import { GraphQLError, Kind, type ValueNode } from 'graphql';
import { INPUT_LIMITS } from '../query-limits.js';
import { canonicalDecimal, isDecimalText, quoted } from '../resolvers/decimal.js';

/**
 * Parsing and printing of the custom scalars. Kept apart from builder.ts so
 * the rules can be read and tested alone.
 */

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function invalid(scalar: string, value: unknown, node?: ValueNode): GraphQLError {
  // A long value is named by its start and length, not echoed back whole.
  const json = typeof value === 'string' ? '' : (JSON.stringify(value) ?? String(value));
  const shown = typeof value === 'string' ? quoted(value, 100) : json.length <= 100 ? json : quoted(json, 100);
  return new GraphQLError(`${scalar} cannot represent ${shown}`, {
    ...(node ? { nodes: node } : {}),
    extensions: { code: 'BAD_USER_INPUT' },
  });
}

/** Whether a Decimal's, Date's or DateTime's text fits in 40 characters (INPUT_LIMITS.number); a longer date is refused before any regex reads it. */
const fits = (text: string) => text.length <= INPUT_LIMITS.number;

/**
 * Decimal text as an argument: canonical when it fits in 40 characters;
 * longer decimal text is handed on as written (found in time linear in its
 * length), and the argument's rule (decimalRule, src/schema/input-rules.ts)
 * refuses it with BAD_USER_INPUT naming the argument.
 */
function parseDecimalText(text: string): string {
  return fits(text) ? canonicalDecimal(text) : text;
}

/**
 * '0.0200' → '0.02', '20.0' → '20', '-0' → '0': one spelling for one number.
 * The one implementation is src/resolvers/decimal.ts (linear in the length of
 * the text); the scalar checks the text first, so it never throws here.
 */
export { canonicalDecimal };

export const decimalScalar = {
  description:
    'An exact decimal number, written as a string ("0.02") so no precision is lost. Prices are USD per million tokens.',
  serialize: (value: unknown): string => {
    if (typeof value === 'string' && isDecimalText(value)) return canonicalDecimal(value);
    throw invalid('Decimal', value);
  },
  parseValue: (value: unknown): string => {
    // Numbers are accepted for convenience; their decimal text is kept as written.
    const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
    if (typeof text === 'string' && isDecimalText(text)) return parseDecimalText(text);
    throw invalid('Decimal', value);
  },
  parseLiteral: (node: ValueNode): string => {
    if (node.kind === Kind.STRING || node.kind === Kind.INT || node.kind === Kind.FLOAT) {
      if (isDecimalText(node.value)) return parseDecimalText(node.value);
    }
    throw invalid('Decimal', 'value' in node ? node.value : node.kind, node);
  },
};

function isCalendarDate(value: string): boolean {
  if (!fits(value) || !DATE.test(value)) return false;
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
    throw invalid('Date', 'value' in node ? node.value : node.kind, node);
  },
};

const DATE_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;

function parseDateTime(value: unknown, node?: ValueNode): Date {
  if (typeof value === 'string' && fits(value) && DATE_TIME.test(value)) {
    const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
    if (!Number.isNaN(date.getTime())) return date;
  }
  throw invalid('DateTime', value, node);
}

export const dateTimeScalar = {
  description: 'An instant, ISO 8601 with a time zone ("2026-05-16T00:00:00Z"); a bare date means midnight UTC.',
  serialize: (value: unknown): string => {
    if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
    return parseDateTime(value).toISOString();
  },
  parseValue: (value: unknown): Date => parseDateTime(value),
  parseLiteral: (node: ValueNode): Date => {
    if (node.kind === Kind.STRING) return parseDateTime(node.value, node);
    throw invalid('DateTime', 'value' in node ? node.value : node.kind, node);
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
    throw invalid('TokenCount', 'value' in node ? node.value : node.kind, node);
  },
};

/** The largest count accepted: a quadrillion tokens a month is beyond any real workload. */
export const MAX_TOKEN_COUNT = 10n ** 15n;

export function isTokenCount(value: string): boolean {
  return /^\d{1,16}$/.test(value) && BigInt(value) <= MAX_TOKEN_COUNT;
}

/**
 * Output only: what an audit entry held before and after a write, as stored
 * (src/catalog/curation/audit.ts). No argument takes it.
 */
export const jsonScalar = {
  description: 'A JSON value (output only): an audit entry\'s before and after.',
  serialize: (value: unknown): unknown => value,
  parseValue: (value: unknown): never => {
    throw invalid('JSON', value);
  },
  parseLiteral: (node: ValueNode): never => {
    throw invalid('JSON', 'value' in node ? node.value : node.kind, node);
  },
};
