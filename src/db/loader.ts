import DataLoader from 'dataloader';

/**
 * A DataLoader that also answers, without a promise, what it already holds.
 * A field resolved to a value completes in the same turn, while one resolved
 * to a promise costs the executor a turn of the microtask queue and the
 * objects to await it: a comparison page resolves some 600 fields to rows its
 * loaders were primed with (every model, benchmark, provider and source it
 * names), and answering those at once is a measurable part of its time.
 */
export class Loader<K, V> extends DataLoader<K, V> {
  /** DataLoader's own cache (key → promise), so that `prime` can tell whether it already had the key. */
  private readonly promises: Map<K, Promise<V>>;
  private readonly values = new Map<K, V>();

  constructor(batch: DataLoader.BatchLoadFn<K, V>) {
    const promises = new Map<K, Promise<V>>();
    super(batch, { cacheMap: promises });
    this.promises = promises;
  }

  /** The value when it is known (primed, or loaded before), else `load(key)`. */
  get(key: K): V | Promise<V> {
    if (this.values.has(key)) return this.values.get(key)!;
    return this.load(key).then((value) => {
      // DataLoader keeps the first value it has for a key; so does this.
      if (!this.values.has(key) && this.promises.has(key)) this.values.set(key, value);
      return value;
    });
  }

  /**
   * `get` for a key that names a row which exists (a foreign key, an id the
   * request read): typed without the null a missing row would give.
   */
  existing(key: K): NonNullable<V> | Promise<NonNullable<V>> {
    return this.get(key) as NonNullable<V> | Promise<NonNullable<V>>;
  }

  override prime(key: K, value: V | PromiseLike<V> | Error): this {
    // As DataLoader's prime: a key it already has keeps its value.
    if (!this.promises.has(key) && !(value instanceof Error) && !isPromiseLike(value)) this.values.set(key, value);
    return super.prime(key, value);
  }

  override clear(key: K): this {
    this.values.delete(key);
    return super.clear(key);
  }

  override clearAll(): this {
    this.values.clear();
    return super.clearAll();
  }
}

function isPromiseLike<V>(value: V | PromiseLike<V>): value is PromiseLike<V> {
  return typeof (value as PromiseLike<V> | null)?.then === 'function';
}
