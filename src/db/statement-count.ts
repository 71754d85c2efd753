import type { KyselyPlugin } from 'kysely';
import type { Db } from './client.js';

/** Where a request's statements are counted (src/observability/request-scope.ts holds one per request). */
export interface StatementCounter {
  statements: number;
}

/**
 * `db` seen through a counter: every statement run through the returned
 * instance, its loaders and its transactions adds one, whether it succeeds or
 * fails. A Kysely plugin rather than the driver, so it counts the same on
 * pg and PGlite; `withPlugin` shares the pool, so a per-request copy is cheap.
 */
export function countingStatements(db: Db, counter: StatementCounter): Db {
  return db.withPlugin(statementCounter(counter));
}

function statementCounter(counter: StatementCounter): KyselyPlugin {
  return {
    transformQuery({ node }) {
      counter.statements++;
      return node;
    },
    transformResult: async ({ result }) => result,
  };
}
