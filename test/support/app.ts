import type { ExecutionResult } from 'graphql';
import { type App, type AppOptions, createApp } from '../../src/app.js';
import { applyDataset } from '../../src/catalog/apply.js';
import { loadDataset } from '../../src/catalog/datasets.js';
import { createTestDatabase, type TestDatabase } from './database.js';

export interface TestApp extends TestDatabase {
  app: App;
  /** What the app logged at level error (unexpected errors, in full). */
  loggedErrors: unknown[];
  /** POSTs one operation to /graphql through `app.fetch` (no port), with `token` as its bearer token if given, and returns the parsed body. */
  graphql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, options?: { token?: string }): Promise<ExecutionResult<T>>;
}

/** POSTs one operation to an app's /graphql, with a bearer token if given. */
export async function postGraphQL(app: App, query: string, variables?: Record<string, unknown>, token?: string): Promise<ExecutionResult<any>> {
  const response = await app.fetch('http://modelgraph.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...(token === undefined ? {} : { authorization: `Bearer ${token}` }) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as ExecutionResult<any>;
}

/**
 * TEST_GRAPHQL_JIT=on runs every test app with graphql-jit (GRAPHQL_JIT=on),
 * so any test file can check that the JIT changes no answer; an app's own
 * `graphqlJit` option wins.
 */
const jitByDefault = process.env.TEST_GRAPHQL_JIT === 'on';

export async function createTestApp(
  options: { seed?: 'seed-page' | null; app?: Omit<AppOptions, 'db' | 'logger'> } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  if (options.seed !== null) {
    await applyDataset(database.db, await loadDataset(options.seed ?? 'seed-page'), { importer: 'seed-page', now: new Date() });
  }
  const loggedErrors: unknown[] = [];
  const ignore = () => {};
  const logger = { debug: ignore, info: ignore, warn: ignore, error: (...args: unknown[]) => loggedErrors.push(...args) };
  const app = createApp({ graphqlJit: jitByDefault, ...options.app, db: database.db, logger });
  database.resetStatements();
  return {
    ...database,
    app,
    loggedErrors,
    graphql: (query, variables, { token } = {}) => postGraphQL(app, query, variables, token),
  };
}
