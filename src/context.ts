import { bearerToken, findTokenHolder, type TokenHolder } from './auth/tokens.js';
import type { Db } from './db/client.js';
import { createLoaders, type Loaders } from './db/loaders.js';

/** Called once after every curation write commits, with the new catalog version (src/catalog/curation/write.ts). */
export type AfterCatalogCommit = (version: number) => void | Promise<void>;

/** Who is calling. */
export interface Viewer {
  /** The live token the request carried, looked up once and only when a field asks (reads never do). */
  holder(): Promise<TokenHolder | null>;
  /** What holder() found, once it has answered (null before): for code that cannot wait, such as an error builder. */
  known(): TokenHolder | null;
}

/** What every resolver sees: the database, this request's own loaders, its caller and the after-commit hook. */
export interface Context {
  db: Db;
  loaders: Loaders;
  viewer: Viewer;
  afterCatalogCommit: AfterCatalogCommit;
}

export function createContext(db: Db, request?: Request, afterCatalogCommit: AfterCatalogCommit = () => {}): Context {
  const token = bearerToken(request?.headers.get('authorization') ?? null);
  let lookup: Promise<TokenHolder | null> | undefined;
  let found: TokenHolder | null = null;
  const holder = () =>
    (lookup ??= (token ? findTokenHolder(db, token) : Promise.resolve(null)).then((h) => {
      found = h;
      return h;
    }));
  return {
    db,
    loaders: createLoaders(db),
    viewer: { holder, known: () => found },
    afterCatalogCommit,
  };
}
