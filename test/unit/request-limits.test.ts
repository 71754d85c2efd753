import fc from 'fast-check';
import { parse, print } from 'graphql';
import { describe, expect, it } from 'vitest';
import { bracketNesting, DEFAULT_MAX_BODY_BYTES, inlinePageSizes, maxBodyBytes } from '../../src/query-limits.js';
import { clientMessage, shortenQuoted } from '../../src/schema/errors.js';
import { decodeNodeId, hasForbiddenCharacter, INVALID_NODE_ID, textProblem } from '../../src/schema/input-rules.js';
import { isOffsetCursor } from '../../src/schema/pagination.js';

const b64 = (text: string) => Buffer.from(text).toString('base64');

describe('MAX_BODY_BYTES', () => {
  it('is 100,000 bytes unless set', () => {
    expect(DEFAULT_MAX_BODY_BYTES).toBe(100_000);
    expect(maxBodyBytes({})).toBe(100_000);
    expect(maxBodyBytes({ MAX_BODY_BYTES: '' })).toBe(100_000);
    expect(maxBodyBytes({ MAX_BODY_BYTES: '1048576' })).toBe(1_048_576);
  });

  it.each(['abc', '-1', '1.5', '999', '1e6', ' 5000'])('refuses %j, naming the variable', (value) => {
    expect(() => maxBodyBytes({ MAX_BODY_BYTES: value })).toThrow(/MAX_BODY_BYTES/);
  });
});

describe('bracket nesting', () => {
  it.each([
    ['{ a }', 1],
    ['{ a(b: [[1]]) { c } }', 4],
    ['{ a(b: "{{{{[[[[") }', 2],
    ['{ a(b: """ {{{{ \\""" [[[ """) }', 2],
    ['# {{{{{{\n{ a }', 1],
    ['{ a(b: "\\"{{{") }', 2],
  ])('%s nests %i deep', (text, depth) => {
    expect(bracketNesting(text)).toBe(depth);
  });

  it('reads 100,000 brackets in linear time', () => {
    const started = performance.now();
    expect(bracketNesting('['.repeat(100_000))).toBe(100_000);
    expect(bracketNesting('"'.repeat(100_000))).toBe(0);
    expect(performance.now() - started).toBeLessThan(100);
  });
});

describe('page sizes passed as variables', () => {
  const inlined = (query: string, variables: Record<string, unknown>) => {
    const document = inlinePageSizes(parse(query), variables);
    return document && print(document).replace(/\s+/g, ' ');
  };

  it('are written into the operation, so the cost rule multiplies by them', () => {
    expect(inlined('query ($n: Int) { models(first: $n) { totalCount } }', { n: 30 })).toContain('models(first: 30)');
    expect(inlined('query ($n: Int = 40) { models(last: $n, before: "x") { totalCount } }', {})).toContain('models(last: 40');
  });

  it('count at most the page size, and leave a value that is not an Int to coercion', () => {
    expect(inlined('query ($n: Int) { models(first: $n) { totalCount } }', { n: 5000 })).toContain('models(first: 100)');
    expect(inlined('query ($n: Int) { models(first: $n) { totalCount } }', { n: 2 ** 31 })).toContain('models(first: $n)');
    expect(inlined('query ($n: Int) { models(first: $n) { totalCount } }', { n: 'ten' })).toContain('models(first: $n)');
  });

  it('leave an operation with no such variable alone', () => {
    expect(inlinePageSizes(parse('{ models(first: 5) { totalCount } }'), {})).toBeNull();
  });
});

describe('reference text', () => {
  it.each(['a\u0000b', '\u0007', 'x\u001f', '\u007f', '\u0085', 'a\ud800', '\udc00b', 'a\ud800\ud800'])('refuses %j', (text) => {
    expect(hasForbiddenCharacter(text)).toBe(true);
  });

  it.each(['llama-3.1-8b-instruct', 'meta-llama/Llama-3.1-8B-Instruct', 'é', '😀', 'a b', '@cf/meta/x:v1'])('accepts %j', (text) => {
    expect(hasForbiddenCharacter(text)).toBe(false);
  });

  it('is at most 200 characters', () => {
    expect(textProblem('x'.repeat(200))).toBeNull();
    expect(textProblem('x'.repeat(201))).toMatch(/at most 200 characters/);
  });
});

describe('node ids', () => {
  it('decode to a node type and key, or to a reason', () => {
    expect(decodeNodeId(b64('Model:12'))).toEqual({ typename: 'Model', id: '12' });
    for (const id of ['zzz', b64('Price:1'), b64('Foo:1'), b64('Model'), 'x'.repeat(300), 'TW9k\u0000ZWw6MQ==']) {
      expect(decodeNodeId(id).typename).toBe(INVALID_NODE_ID);
    }
  });
});

describe('cursors', () => {
  it('are those the API hands out', () => {
    expect(isOffsetCursor(b64('OffsetConnection:0'))).toBe(true);
    expect(isOffsetCursor(b64('OffsetConnection:999999999'))).toBe(true);
    for (const cursor of ['zzz', b64('OffsetConnection:abc'), b64('OffsetConnection:1234567890'), b64('OffsetConnection:-1'), b64('Model:1'), '']) {
      expect(isOffsetCursor(cursor)).toBe(false);
    }
  });
});

describe('error messages', () => {
  it('cut a quoted value to 100 characters, with "…"', () => {
    expect(shortenQuoted(`Unknown model "${'x'.repeat(150)}".`)).toBe(`Unknown model "${'x'.repeat(100)}…".`);
    expect(shortenQuoted('Cannot query field "a" on type "Query".')).toBe('Cannot query field "a" on type "Query".');
    expect(shortenQuoted(`got "${'\\"'.repeat(80)}" and "${'y'.repeat(101)}`)).toBe(`got "${'\\"'.repeat(50)}…" and "${'y'.repeat(100)}…`);
  });

  it('never repeat more than 100 characters of a quoted value, in linear time', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('"', '\\', 'a', ' '), maxLength: 400 }), (message) => {
        const runs = shortenQuoted(message).split('"');
        // Every quoted part (odd pieces) is at most 100 characters and an ellipsis.
        runs.forEach((run, i) => i % 2 === 1 && expect(run.replace(/\\./g, 'e').length).toBeLessThanOrEqual(101));
      }),
    );
    const started = performance.now();
    shortenQuoted(`"${'"a'.repeat(50_000)}`);
    shortenQuoted('\\'.repeat(100_000));
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('drop suggestions in production and stay under 1,000 characters', () => {
    const message = 'Cannot query field "modle" on type "Query". Did you mean "model" or "models"?';
    expect(clientMessage(message, { hideSuggestions: true })).toBe('Cannot query field "modle" on type "Query".');
    expect(clientMessage(message, { hideSuggestions: false })).toBe(message);
    expect(clientMessage('x'.repeat(5000), { hideSuggestions: false })).toHaveLength(1001);
  });
});
