import { useGraphQlJit } from '@envelop/graphql-jit';
import { type ExecutionArgs, getOperationAST, getVariableValues, GraphQLError, type Source } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';

/**
 * GRAPHQL_JIT=on: operations run as functions graphql-jit compiled from them
 * (once per parsed document, which yoga caches) rather than interpreted by
 * graphql-js at every request. The client must not be able to tell, so two
 * things graphql-jit does its own way are undone here:
 *
 * - variables: graphql-jit coerces them with its own messages and yoga then
 *   answers 200 instead of 400; an operation whose variables graphql-js
 *   refuses runs on graphql-js, which answers as without the JIT;
 * - errors: graphql-jit's carry `locations` but no source or nodes, so every
 *   later rewrite of an error (masking, codes) would drop them; they become
 *   graphql-js errors again, with `errors` first in the result as graphql-js
 *   writes it.
 */
export function jitExecutionPlugins() {
  return [useGraphQlJit({}, { enableIf: variablesCoerce }), useGraphQLJsErrors()];
}

function useGraphQLJsErrors(): Plugin {
  return {
    onExecute({ args }) {
      const source = args.document.loc?.source;
      return {
        onExecuteDone({ result, setResult }) {
          if (isAsyncIterable(result) || !result.errors?.length || !source) return;
          const { errors, data, extensions } = result;
          setResult({ errors: errors.map((e) => (isJitError(e) ? asGraphQLJsError(e, source) : e)), data, ...(extensions ? { extensions } : {}) });
        },
      };
    },
  };
}

function variablesCoerce({ schema, document, operationName, variableValues }: ExecutionArgs): boolean {
  const definitions = getOperationAST(document, operationName)?.variableDefinitions ?? [];
  if (definitions.length === 0) return true;
  return !getVariableValues(schema, definitions, variableValues ?? {}).errors;
}

/** graphql-jit's errors are of its own class, derived from GraphQLError. */
function isJitError(error: GraphQLError): boolean {
  return Object.getPrototypeOf(error) !== GraphQLError.prototype;
}

function asGraphQLJsError(error: GraphQLError, source: Source): GraphQLError {
  return new GraphQLError(error.message, {
    source,
    positions: error.locations?.map((location) => offsetOf(source.body, location)),
    path: error.path,
    originalError: error.originalError,
    extensions: error.extensions,
  });
}

/** The character offset of a line and column (both from 1) in a document, line breaks counted as graphql-js counts them. */
function offsetOf(body: string, { line, column }: { line: number; column: number }): number {
  const lineBreak = /\r\n|[\n\r]/g;
  let start = 0;
  for (let current = 1; current < line; current++) {
    const found = lineBreak.exec(body);
    if (!found) break;
    start = found.index + found[0].length;
  }
  return start + column - 1;
}
