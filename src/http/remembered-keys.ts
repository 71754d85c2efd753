import { hash } from 'node:crypto';

/**
 * Response-cache keys the fast lane computed before, by the SHA-256 of the
 * text they were computed from (a POST body, a GET query string) and the
 * Accept header. Clients send the same bytes for the same operation again
 * and again; hashing them is a quarter of what parsing them and computing
 * the key costs. The key is a pure function of that text and header (the
 * Authorization header, the other input, is checked before), so a
 * remembered key is the key. At most `maxEntries`, the oldest forgotten first.
 */
export class RememberedKeys {
  readonly #keys = new Map<string, string | undefined>();

  constructor(private readonly maxEntries: number) {}

  /** The key of `text` sent with `accept`: remembered, or computed by `compute` (undefined: not one the cache answers). */
  keyOf(accept: string | null, text: Buffer | string, compute: () => string | undefined): string | undefined {
    // The digest has a fixed length: no text and Accept header can make another's entry.
    const entry = accept === null ? hash('sha256', text, 'base64url') : `${hash('sha256', text, 'base64url')}:${accept}`;
    if (this.#keys.has(entry)) return this.#keys.get(entry);
    const key = compute();
    this.#keys.set(entry, key);
    if (this.#keys.size > this.maxEntries) this.#keys.delete(this.#keys.keys().next().value!);
    return key;
  }

  get size(): number {
    return this.#keys.size;
  }
}
