import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { sql } from 'kysely';
import { createYoga, maskError, useReadinessCheck } from 'graphql-yoga';
import { createContext } from './context.js';
import type { Db } from './db/client.js';
import { schema } from './schema/index.js';

export interface AppOptions {
  db: Db;
  /** Log unexpected (masked) errors server-side; tests pass a spy or nothing. */
  logError?: (error: unknown) => void;
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
export function createApp({ db, logError = console.error }: AppOptions) {
  return createYoga({
    schema,
    context: () => createContext(db),
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    graphiql: { title: 'Modelgraph', defaultQuery: EXAMPLE_QUERY },
    renderGraphiQL,
    landingPage: false,
    // Anything that is not a GraphQLError the API raised on purpose reaches
    // the client as "Unexpected error." and is logged here, stack and all.
    // Never in "development" mode either: no stack or database message leaves.
    maskedErrors: {
      maskError: (error, message) => {
        const masked = maskError(error, message, false);
        if (masked !== error) logError(error);
        return masked;
      },
    },
    plugins: [
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
