import type { Db } from './db/client.js';
import { createLoaders, type Loaders } from './db/loaders.js';

/** What every resolver sees: the database, this request's own loaders, and the cache's invalidation. */
export interface Context {
  db: Db;
  loaders: Loaders;
  /**
   * Call after a write that bumped the catalog version commits: the response
   * cache then serves nothing older, on every instance (src/cache/catalog-changes.ts).
   */
  catalogChanged: () => Promise<void>;
}

const nothingCached = async () => {};

export function createContext(db: Db, catalogChanged: () => Promise<void> = nothingCached): Context {
  return { db, loaders: createLoaders(db), catalogChanged };
}
