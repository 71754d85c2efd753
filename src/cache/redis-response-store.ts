import { Redis } from 'ioredis';
import type { CachedResponse, Lookup, ResponseStore } from './response-store.js';

/**
 * The store shared by every instance through Redis: the version under
 * `<prefix>catalog-version`, each response under `<prefix>response:<key>`.
 * One MGET reads both, so an instance never serves an entry older than the
 * version another instance (or an import) has just advanced.
 */
export class RedisResponseStore implements ResponseStore {
  private readonly redis: Redis;
  private readonly versionKey: string;

  constructor(
    url: string,
    private readonly prefix: string,
  ) {
    // Fail fast rather than queue commands while Redis is away: a failed read is a miss.
    this.redis = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: false });
    this.redis.on('error', (error: Error) => console.warn(`[cache] Redis: ${error.message}`));
    this.versionKey = `${prefix}catalog-version`;
  }

  /** Resolves once connected (or rejects), so a start with a wrong REDIS_URL fails plainly. */
  async ready(): Promise<void> {
    if (this.redis.status === 'ready') return;
    await new Promise<void>((resolve, reject) => {
      this.redis.once('ready', resolve);
      this.redis.once('end', () => reject(new Error('Redis connection closed')));
    });
  }

  async get(key: string): Promise<Lookup> {
    try {
      const [version, stored] = await this.redis.mget(this.versionKey, this.responseKey(key));
      const current = version == null ? null : Number(version);
      if (stored == null || current === null) return { version: current };
      const entry = JSON.parse(stored) as CachedResponse;
      return entry.version === current ? { entry, version: current } : { version: current };
    } catch {
      return { version: null };
    }
  }

  async set(key: string, entry: CachedResponse, ttlMs: number): Promise<void> {
    await this.redis.set(this.responseKey(key), JSON.stringify(entry), 'PX', ttlMs).catch(() => {});
  }

  async advanceVersion(version: number): Promise<void> {
    // Only forward: two writers racing must not move the version back.
    await this.redis.eval(
      `local v = tonumber(redis.call('get', KEYS[1]) or '-1')
       if v < tonumber(ARGV[1]) then redis.call('set', KEYS[1], ARGV[1]) end`,
      1,
      this.versionKey,
      String(version),
    );
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }

  private responseKey(key: string): string {
    return `${this.prefix}response:${key}`;
  }
}
