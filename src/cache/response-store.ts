/**
 * Where the response cache keeps what it answered, and the catalog version
 * those answers were computed at. An entry is served only while the version
 * it was stored under is still the current one, so advancing the version
 * (after a write to the catalog commits) makes every older entry unreachable
 * at once, on every instance sharing the store.
 */

export interface CachedResponse {
  /** The catalog version the response was computed at. */
  version: number;
  etag: string;
  contentType: string;
  body: string;
  /** The operation's name ("anonymous" when it has none), for the log line of a request answered from the store. */
  operation?: string;
}

export interface Lookup {
  /** The entry under the key, if it was stored at the current version. */
  entry?: CachedResponse;
  /** The current catalog version; null when the store does not know it (nothing is cached then). */
  version: number | null;
}

export interface ResponseStore {
  get(key: string): Promise<Lookup> | Lookup;
  set(key: string, entry: CachedResponse, ttlMs: number): Promise<void> | void;
  /** Moves the current version forward to `version` (never back): older entries stop being served. */
  advanceVersion(version: number): Promise<void> | void;
  close(): Promise<void> | void;
}

/** One process's store: a bounded map, oldest entry evicted first. */
export class MemoryResponseStore implements ResponseStore {
  private version: number | null = null;
  private readonly entries = new Map<string, { entry: CachedResponse; expires: number }>();

  constructor(private readonly maxEntries: number) {}

  get(key: string): Lookup {
    const found = this.entries.get(key);
    if (!found || found.entry.version !== this.version) return { version: this.version };
    if (found.expires <= Date.now()) {
      this.entries.delete(key);
      return { version: this.version };
    }
    return { entry: found.entry, version: this.version };
  }

  set(key: string, entry: CachedResponse, ttlMs: number): void {
    if (entry.version !== this.version) return;
    this.entries.delete(key);
    this.entries.set(key, { entry, expires: Date.now() + ttlMs });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  advanceVersion(version: number): void {
    if (this.version !== null && version <= this.version) return;
    this.version = version;
    // Entries of older versions can never be served again.
    this.entries.clear();
  }

  close(): void {
    this.entries.clear();
  }
}
