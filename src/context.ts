import { bearerToken, findTokenHolder, type TokenHolder } from './auth/tokens.js';
import type { Db } from './db/client.js';
import { createLoaders, type Loaders } from './db/loaders.js';
import { type Generation, Generations } from './facts/generation.js';

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
  /**
   * The catalog generation a date falls in (src/facts/generation.ts): what
   * the app's requests share of the catalog at its version and prices. Read
   * once per request and date.
   */
  generationAt(asOf: Date): Promise<Generation>;
}

export function createContext(db: Db, request?: Request, afterCatalogCommit: AfterCatalogCommit = () => {},
  generations = new Generations(),
): Context {
  const token = bearerToken(request?.headers.get('authorization') ?? null);
  let lookup: Promise<TokenHolder | null> | undefined;
  let found: TokenHolder | null = null;
  const holder = () =>
    (lookup ??= (token ? findTokenHolder(db, token) : Promise.resolve(null)).then((h) => {
      found = h;
      return h;
    }));
  const read = new Map<number, Promise<Generation>>();
  return {
    db,
    loaders: createLoaders(db),
    viewer: { holder, known: () => found },
    afterCatalogCommit,
    generationAt: (asOf) => {
      let generation = read.get(asOf.getTime());
      if (!generation) read.set(asOf.getTime(), (generation = generations.at(db, asOf)));
      return generation;
    },
  };
}
