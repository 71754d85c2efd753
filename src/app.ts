import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { sql } from 'kysely';
import { createLogger, createYoga, maskError, useReadinessCheck, type YogaLogger } from 'graphql-yoga';
import { createContext } from './context.js';
import { queryLimitPlugins } from './query-limits.js';
import type { Db } from './db/client.js';
import { schema } from './schema/index.js';

export interface AppOptions {
  db: Db;
  /** Where the server logs (unexpected errors in full, with their stack); tests pass a spy. */
  logger?: YogaLogger;
}

const EXAMPLE_QUERY = /* GraphQL */ `# Welcome to Modelgraph. Try:
{
  model(slug: "llama-3.1-8b-instruct") {
    name
    contextWindow
    offerings {
      provider { name }
      price { inputPerMTok outputPerMTok }
    }
  }
}
`;

/**
 * The HTTP application: GraphQL at /graphql (GraphiQL served inline, so it
 * works offline), /health (process up) and /ready (database reachable).
 * It never listens; src/server.ts does, and tests call `app.fetch`.
 */
export function createApp({ db, logger = createLogger('info') }: AppOptions) {
  return createYoga({
    schema,
    context: () => createContext(db),
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    graphiql: { title: 'Modelgraph', defaultQuery: EXAMPLE_QUERY },
    renderGraphiQL,
    landingPage: false,
    logging: logger,
    // Anything that is not a GraphQLError the API raised on purpose reaches
    // the client as "Unexpected error." (yoga logs the original). Even with
    // NODE_ENV=development no stack or database message leaves the server.
    maskedErrors: { maskError: (error, message) => maskError(error, message, false) },
    plugins: [
      ...queryLimitPlugins(),
      useReadinessCheck({
        endpoint: '/ready',
        check: async () => {
          try {
            await sql`select 1`.execute(db);
            return true;
          } catch {
            return false;
          }
        },
      }),
    ],
  });
}

export type App = ReturnType<typeof createApp>;
