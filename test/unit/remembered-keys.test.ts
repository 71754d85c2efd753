import { expect, it } from 'vitest';
import { RememberedKeys } from '../../src/http/remembered-keys.js';

it('computes a key once per text and Accept header, and tells Accept headers apart', () => {
  const keys = new RememberedKeys(100);
  const computed: string[] = [];
  const keyOf = (accept: string | null, text: string | Buffer) =>
    keys.keyOf(accept, text, () => {
      computed.push(`${accept}|${text}`);
      return `key of ${accept}|${text}`;
    });
  expect(keyOf('application/json', '{"query":"{ a }"}')).toBe('key of application/json|{"query":"{ a }"}');
  // The same bytes as a Buffer (a POST body) are the same text.
  expect(keyOf('application/json', Buffer.from('{"query":"{ a }"}'))).toBe('key of application/json|{"query":"{ a }"}');
  expect(keyOf('application/graphql-response+json', '{"query":"{ a }"}')).toBe('key of application/graphql-response+json|{"query":"{ a }"}');
  expect(keyOf(null, '{"query":"{ a }"}')).toBe('key of null|{"query":"{ a }"}');
  expect(keyOf('', '{"query":"{ a }"}')).toBe('key of |{"query":"{ a }"}');
  expect(keyOf('application/json', '{"query":"{ b }"}')).toBe('key of application/json|{"query":"{ b }"}');
  expect(computed).toHaveLength(5);
});

it('remembers that a text has no key too', () => {
  const keys = new RememberedKeys(100);
  let calls = 0;
  const compute = () => {
    calls++;
    return undefined;
  };
  expect(keys.keyOf(null, 'not json', compute)).toBeUndefined();
  expect(keys.keyOf(null, 'not json', compute)).toBeUndefined();
  expect(calls).toBe(1);
});

it('holds at most its bound, forgetting the oldest first', () => {
  const keys = new RememberedKeys(3);
  for (let i = 0; i < 10; i++) keys.keyOf(null, `text ${i}`, () => `k${i}`);
  expect(keys.size).toBe(3);
  let recomputed = 0;
  keys.keyOf(null, 'text 9', () => `k${++recomputed}`);
  keys.keyOf(null, 'text 0', () => `k${++recomputed}`);
  expect(recomputed).toBe(1);
});
