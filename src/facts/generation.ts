import type { Db } from '../db/client.js';
import { catalogVersionAndPriceSpan } from '../db/queries/comparison.js';

/**
 * A generation of the catalog: what holds while its version stays the same
 * (every import and curation write bumps it, in its own transaction) and the
 * same price rows are in force (from the latest price change on or before a
 * date until the next one). Whatever is derived from the catalog for such a
 * span — a model's facts, the catalog's profiles, a model's neighbours — is
 * computed once per generation and shared by the app's requests, instead of
 * being read and computed again on every request.
 *
 * Entries are filled lazily, by the first request that needs them; what one
 * holds was read at or after the generation's version, and a request only
 * uses a generation whose version it read itself, so no request sees facts
 * older than the catalog it started on.
 */
export class Generation {
  /** What each part of the app keeps here, under its own key; see `memo`. */
  private readonly entries = new Map<string, Promise<unknown>>();

  constructor(
    readonly version: number,
    /** The prices read are the ones in force from `from` (inclusive) until `until` (exclusive), in ms. */
    readonly from: number,
    readonly until: number,
  ) {}

  /**
   * The value under `key`, computed by `compute` the first time. Concurrent
   * callers share one computation; a failed one is forgotten, so the next
   * request tries again. The value is shared: callers must not change it.
   */
  memo<T>(key: string, compute: () => Promise<T>): Promise<T> {
    let entry = this.entries.get(key) as Promise<T> | undefined;
    if (!entry) {
      // Some keys come from the request (a blend): a bound keeps many different ones from growing it without end.
      if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
      const computing = compute();
      entry = computing;
      this.entries.set(key, computing);
      computing.catch(() => {
        if (this.entries.get(key) === computing) this.entries.delete(key);
      });
    }
    return entry;
  }
}

/** Entries a generation holds at most, oldest dropped first: every model's facts and neighbours at a few blends. */
const MAX_ENTRIES = 10_000;

/** Generations an app keeps at once: now's, and a few others for requests priced at another date. */
const KEPT = 4;

/**
 * An app's generations (createApp holds one; tests may make their own). All
 * are of one catalog version: a new version drops the others.
 */
export class Generations {
  private readonly kept: Generation[] = [];

  /**
   * The generation `asOf` falls in, after reading the current version and
   * price span (one statement).
   */
  async at(db: Db, asOf: Date): Promise<Generation> {
    const read = await catalogVersionAndPriceSpan(db, asOf);
    const from = read.from?.getTime() ?? -Infinity;
    const until = read.until?.getTime() ?? Infinity;
    const found = this.kept.find((g) => g.version === read.version && g.from === from && g.until === until);
    if (found) return found;
    const generation = new Generation(read.version, from, until);
    // Another request may have read a newer version meanwhile: never let an older one evict it.
    const newest = Math.max(read.version, ...this.kept.map((g) => g.version));
    if (read.version < newest) return generation;
    const sameVersion = this.kept.filter((g) => g.version === read.version);
    this.kept.splice(0, this.kept.length, generation, ...sameVersion.slice(0, KEPT - 1));
    return generation;
  }
}
