import { expect, it } from 'vitest';
import { RememberedKeys } from '../../src/http/remembered-keys.js';

it('computes a key once per text and Accept header, and tells Accept headers apart', () => {
  const keys = new RememberedKeys(1000);
  const computed: string[] = [];
  const keyOf = (accept: string | null, text: string) =>
    keys.keyOf(accept, text, () => {
      computed.push(`${accept}|${text}`);
      return `key of ${accept}|${text}`;
    });
  expect(keyOf('application/json', '{"query":"{ a }"}')).toBe('key of application/json|{"query":"{ a }"}');
  expect(keyOf('application/json', '{"query":"{ a }"}')).toBe('key of application/json|{"query":"{ a }"}');
  // The same characters split otherwise between the header and the text are another entry.
  expect(keyOf('application/json{', '"query":"{ a }"}')).toBe('key of application/json{|"query":"{ a }"}');
  expect(keyOf(null, '{"query":"{ a }"}')).toBe('key of null|{"query":"{ a }"}');
  expect(computed).toHaveLength(3);
});

it('remembers that a text has no key too', () => {
  const keys = new RememberedKeys(1000);
  let calls = 0;
  const compute = () => {
    calls++;
    return undefined;
  };
  expect(keys.keyOf(null, 'not json', compute)).toBeUndefined();
  expect(keys.keyOf(null, 'not json', compute)).toBeUndefined();
  expect(calls).toBe(1);
});

it('holds at most its bound of characters, forgetting the oldest first, and never one text larger than the bound', () => {
  const keys = new RememberedKeys(100);
  for (let i = 0; i < 10; i++) keys.keyOf(null, `${i}`.repeat(30), () => `k${i}`);
  // Each entry is 33 characters ("-1:" and the text): three fit.
  expect(keys.size).toBe(3);
  let recomputed = false;
  keys.keyOf(null, '0'.repeat(30), () => ((recomputed = true), 'k0'));
  expect(recomputed).toBe(true);
  keys.keyOf(null, 'x'.repeat(200), () => 'large');
  expect(keys.size).toBe(3);
});
