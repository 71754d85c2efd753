import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
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

/**
 * What every resolver sees: the databases, this request's own loaders, its
 * caller and the after-commit hook. Resolvers read through `reads` and
 * `loaders`, never `db`: which database that is depends on the operation.
 */
export interface Context {
  /**
   * The primary: curation writes, token checks, and anything that must see
   * its own write. Never the replica.
   */
  db: Db;
  /**
   * Where this operation reads: the replica (DATABASE_READ_URL) for a query;
   * the primary for a mutation (useMutationsReadThePrimary), so the payload a
   * mutation answers shows its own write whatever the replica's lag. The
   * primary for both without a replica.
   */
  reads: Db;
  /** This request's loaders, over `reads`. */
  loaders: Loaders;
  viewer: Viewer;
  afterCatalogCommit: AfterCatalogCommit;
  /**
   * The catalog generation a date falls in, as `reads` sees it
   * (src/facts/generation.ts): what the app's requests share of the catalog
   * at its version and prices. Read once per request and date.
   */
  generationAt(asOf: Date): Promise<Generation>;
}

/** The request's databases: the primary, and a read replica if there is one. */
export interface Databases {
  primary: Db;
  replica?: Db;
}

export function createContext(
  { primary, replica = primary }: Databases,
  request?: Request,
  afterCatalogCommit: AfterCatalogCommit = () => {},
  generations = new Generations(),
): Context {
  const token = bearerToken(request?.headers.get('authorization') ?? null);
  let lookup: Promise<TokenHolder | null> | undefined;
  let found: TokenHolder | null = null;
  // On the primary: a token created a moment ago works at once, replica lag or not.
  const holder = () =>
    (lookup ??= (token ? findTokenHolder(primary, token) : Promise.resolve(null)).then((h) => {
      found = h;
      return h;
    }));
  const generationsRead = new Map<number, Promise<Generation>>();
  const context: Context = {
    db: primary,
    reads: replica,
    loaders: createLoaders(replica),
    viewer: { holder, known: () => found },
    afterCatalogCommit,
    // Through `context.reads`: a mutation switches it to the primary before it runs.
    generationAt: (asOf) => {
      let generation = generationsRead.get(asOf.getTime());
      if (!generation) generationsRead.set(asOf.getTime(), (generation = generations.at(context.reads, asOf)));
      return generation;
    },
  };
  return context;
}

/**
 * Any operation but a query (a mutation) reads on the primary: the fields of
 * the payload it answers (the written model's aliases, creator, routes…) are
 * resolved through `reads` and the loaders, which on a lagging replica would
 * not show the write just made. Runs before execution, once the operation is
 * known; a query keeps the replica.
 */
export function useMutationsReadThePrimary(): Plugin<Context> {
  return {
    onExecute({ args, context, extendContext }) {
      if (context.reads === context.db) return;
      if (getOperationAST(args.document, args.operationName)?.operation === 'query') return;
      extendContext({ reads: context.db, loaders: createLoaders(context.db) });
    },
  };
}
