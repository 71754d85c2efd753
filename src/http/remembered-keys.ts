/**
 * Response-cache keys the fast lane computed before, by the text they were
 * computed from (a POST body, a GET query string) and the Accept header.
 * Clients send the same bytes for the same operation again and again;
 * parsing them and hashing their parameters once more was a fifth of a cache
 * hit's CPU. The key is a pure function of that text and header (the
 * Authorization header, the other input, is checked before), so a
 * remembered key is the key. Bounded by the characters held; the oldest is
 * forgotten first.
 */
export class RememberedKeys {
  readonly #keys = new Map<string, string | undefined>();
  #chars = 0;

  constructor(private readonly maxChars: number) {}

  /** The key of `text` sent with `accept`: remembered, or computed by `compute` (undefined: not one the cache answers). */
  keyOf(accept: string | null, text: string, compute: () => string | undefined): string | undefined {
    // Length-prefixed: no Accept header and text can make another's entry.
    const entry = `${accept?.length ?? -1}:${accept ?? ''}${text}`;
    if (this.#keys.has(entry)) return this.#keys.get(entry);
    const key = compute();
    if (entry.length > this.maxChars) return key;
    this.#keys.set(entry, key);
    this.#chars += entry.length;
    for (const oldest of this.#keys.keys()) {
      if (this.#chars <= this.maxChars) break;
      this.#keys.delete(oldest);
      this.#chars -= oldest.length;
    }
    return key;
  }

  get size(): number {
    return this.#keys.size;
  }
}
