import type { Db } from './db/client.js';
import { createLoaders, type Loaders } from './db/loaders.js';

/** What every resolver sees: the database and this request's own loaders. */
export interface Context {
  db: Db;
  loaders: Loaders;
}

export function createContext(db: Db): Context {
  return { db, loaders: createLoaders(db) };
}
