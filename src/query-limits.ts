import { costLimitPlugin } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { GraphQLError, type ValidationContext } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * Bounds on what one request may ask for, checked while the operation is
 * validated, so nothing runs. The whole seed page
 * (examples/comparison-page.graphql) is depth 6 and costs about 700 by
 * graphql-armor's measure. GraphiQL's introspection query is exempt.
 */
export const QUERY_LIMITS = { depth: 10, aliases: 20, tokens: 4000, cost: 5000 } as const;

/**
 * graphql-armor throws its rejection ("Syntax Error: …", no code) out of
 * validation; instead it is reported like any other invalid operation. (The
 * token limit acts while parsing, where it must throw: yoga answers that as
 * a parse failure.)
 */
const reject = {
  propagateOnRejection: false,
  onReject: [
    (context: ValidationContext | null, error: GraphQLError) =>
      context?.reportError(
        new GraphQLError(error.message.replace(/^Syntax Error: /, ''), {
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
        }),
      ),
  ],
};

export function queryLimitPlugins(): Plugin[] {
  return [
    maxDepthPlugin({ n: QUERY_LIMITS.depth, ...reject }),
    maxAliasesPlugin({ n: QUERY_LIMITS.aliases, ...reject }),
    maxTokensPlugin({ n: QUERY_LIMITS.tokens }),
    costLimitPlugin({ maxCost: QUERY_LIMITS.cost, ...reject }),
  ];
}
