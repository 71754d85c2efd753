import { expect, it } from 'vitest';
import { cacheKey, normaliseDocument } from '../../src/cache/response-cache.js';

it('collapses insignificant characters outside strings, and only there', () => {
  expect(normaliseDocument('{\n  model(slug: "a  b") {\n    name,\n    slug }\n}\n')).toBe('{ model(slug: "a  b") { name slug } }');
  expect(normaliseDocument('{ a(s: """x\n  \\""" y""") }')).toBe('{ a(s: """x\n  \\""" y""") }');
  expect(normaliseDocument('{ a(s: "\\" , ") b }')).toBe('{ a(s: "\\" , ") b }');
});

it('keeps a text with a comment, or an unterminated string, as it is', () => {
  // Collapsed, "{ a # c\n b }" would read as "{ a # c b }", another (broken) operation.
  expect(normaliseDocument('{ a # c\n b }')).toBe('{ a # c\n b }');
  expect(normaliseDocument('{ a(s: "x\n) }')).toBe('{ a(s: "x\n) }');
});

it('keys on the variables whatever their order, and on the Accept header', () => {
  const q = 'query ($a: Int, $b: Int) { x }';
  expect(cacheKey(q, null, { a: 1, b: 2 }, null, 'application/json')).toBe(cacheKey(q, null, { b: 2, a: 1 }, null, 'application/json'));
  expect(cacheKey(q, null, { a: 1, b: 2 }, null, 'application/json')).not.toBe(cacheKey(q, null, { a: 1, b: 3 }, null, 'application/json'));
  expect(cacheKey(q, null, null, null, 'application/json')).not.toBe(cacheKey(q, null, null, null, 'application/graphql-response+json'));
});
