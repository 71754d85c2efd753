import type { CacheConfig } from '../config.js';
import type { Db } from '../db/client.js';
import { CatalogChanges } from './catalog-changes.js';
import { RedisResponseStore } from './redis-response-store.js';
import type { ResponseCacheOptions } from './response-cache.js';
import { MemoryResponseStore, type ResponseStore } from './response-store.js';

export interface ResponseCache {
  /** For createApp: the store and its lifetimes. */
  options: ResponseCacheOptions;
  /** What the write path calls after commit (see CatalogChanges). */
  changes: CatalogChanges;
  close(): Promise<void>;
}

/**
 * The response cache a server runs with: in memory, or in Redis with
 * REDIS_URL (shared by every instance); on PostgreSQL, listening for the
 * catalog version bumps other processes commit. Starts at the committed
 * catalog version.
 */
export async function openResponseCache(config: CacheConfig, db: Db, databaseUrl?: string): Promise<ResponseCache> {
  let store: ResponseStore;
  if (config.redisUrl) {
    const redis = new RedisResponseStore(config.redisUrl, config.redisKeyPrefix);
    await redis.ready();
    store = redis;
  } else {
    store = new MemoryResponseStore(config.maxEntries);
  }
  const changes = new CatalogChanges(db, store);
  if (databaseUrl) await changes.listen(databaseUrl);
  else await changes.catalogChanged();
  return {
    options: { store, ttlMs: config.ttlSeconds * 1000, cdnMaxAgeSeconds: config.cdnMaxAgeSeconds },
    changes,
    close: async () => {
      await changes.close();
      await store.close();
    },
  };
}
