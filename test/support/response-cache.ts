import { randomBytes } from 'node:crypto';
import type { CacheConfig } from '../../src/config.js';

/** A response cache's configuration for a test: in memory unless `redisUrl` is given. */
export function testCacheConfig(overrides: Partial<CacheConfig> = {}): CacheConfig {
  return { ttlSeconds: 60, maxEntries: 100, cdnMaxAgeSeconds: 30, redisKeyPrefix: 'unused:', ...overrides };
}

/** Shared through the machine's Redis under a random prefix of its own: that Redis is shared, and is never flushed. */
export function sharedRedisCacheConfig(redisUrl: string): CacheConfig {
  return testCacheConfig({ redisUrl, redisKeyPrefix: `modelgraph-test-${randomBytes(6).toString('hex')}:` });
}
