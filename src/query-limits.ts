import { costLimitPlugin, costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesPlugin } from '@escape.tech/graphql-armor-max-directives';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import {
  type ArgumentNode,
  type DocumentNode,
  GraphQLError,
  Kind,
  type ValidationContext,
  type ValueNode,
  validate,
  visit,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * Bounds on what one request may ask for, checked while the operation is
 * validated, so nothing runs. The whole seed page
 * (examples/comparison-page.graphql) is depth 6 and costs about 700 by
 * graphql-armor's measure. GraphiQL's introspection query is exempt.
 *
 * Aliases count `__typename` too (graphql-armor exempts it by default, which
 * let 1,000 `__typename` aliases through). `first`/`last` multiply the cost
 * whether written in the operation or passed as variables: the cost is
 * measured again, with the variables' values, before the operation runs.
 */
export const QUERY_LIMITS = { depth: 10, aliases: 20, directives: 20, tokens: 4000, cost: 5000, nesting: 50 } as const;

/**
 * How deeply brackets ({ [ () nest in an operation's text, strings and
 * comments aside: one pass, before the parser (which recurses once per level
 * and overflows the stack past about 2,000) sees it.
 */
export function bracketNesting(text: string): number {
  let depth = 0;
  let deepest = 0;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '#') {
      while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
    } else if (c === '"') {
      if (text.startsWith('"""', i)) {
        // A block string ends at the first """ not escaped as \""".
        let end = text.indexOf('"""', i + 3);
        while (end !== -1 && text[end - 1] === '\\') end = text.indexOf('"""', end + 3);
        i = end === -1 ? text.length : end + 2;
      } else {
        i++;
        while (i < text.length && text[i] !== '"' && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
      }
    } else if (c === '{' || c === '[' || c === '(') {
      depth++;
      if (depth > deepest) deepest = depth;
    } else if (c === '}' || c === ']' || c === ')') {
      depth--;
    }
    i++;
  }
  return deepest;
}

/** Refuses an operation nested deeper than QUERY_LIMITS.nesting before it is parsed, as a parse failure. */
function useNestingLimit(): Plugin {
  return {
    onParse({ params }) {
      const source = params.source;
      const text = typeof source === 'string' ? source : source.body;
      const nesting = bracketNesting(text);
      if (nesting > QUERY_LIMITS.nesting) {
        throw new GraphQLError(`Syntax Error: Nesting limit of ${QUERY_LIMITS.nesting} exceeded, found ${nesting}.`, {
          extensions: { code: 'GRAPHQL_PARSE_FAILED', http: { spec: true, status: 400 } },
        });
      }
    },
  };
}

/**
 * Bounds on argument values, checked by each field's validation (so the error
 * is BAD_USER_INPUT and names the argument) in time linear in the value's
 * length, before anything reaches the database:
 *
 * - `text`: any String or ID argument (slugs, aliases, provider model ids,
 *   edition slugs, node ids, cursors), in characters; a control character
 *   (U+0000–U+001F, U+007F–U+009F) or a lone surrogate is refused too;
 * - `number`: the text of a Decimal or DateTime argument, in characters
 *   (a TokenCount is at most 16 digits: 10^15);
 * - `ids`: ids in `nodes(ids:)` and representations in `_entities`;
 * - `weight`: each verdict weight, from 0 to this;
 * - `pageSize`: `first` and `last`, from 1 to this (src/schema/pagination.ts).
 *
 * Comparisons take 2 to 10 models (src/schema/comparison.ts).
 */
export const INPUT_LIMITS = { text: 200, number: 40, ids: 100, weight: 100, pageSize: 100 } as const;

/** The largest request body read, in bytes, unless MAX_BODY_BYTES says otherwise: a larger one answers 413. */
export const DEFAULT_MAX_BODY_BYTES = 100_000;

/**
 * MAX_BODY_BYTES from the environment (a whole number of bytes, at least
 * 1,000), or 100,000. A bad value stops the start with a message naming it.
 */
export function maxBodyBytes(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.MAX_BODY_BYTES;
  if (raw === undefined || raw === '') return DEFAULT_MAX_BODY_BYTES;
  if (!/^\d{1,12}$/.test(raw) || Number(raw) < 1000) {
    throw new Error(`Invalid environment: MAX_BODY_BYTES must be a whole number of bytes, at least 1000 (got ${JSON.stringify(raw.slice(0, 20))})`);
  }
  return Number(raw);
}

const validationFailed = (message: string) =>
  new GraphQLError(message.replace(/^Syntax Error: /, ''), { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });

/**
 * graphql-armor throws its rejection ("Syntax Error: …", no code) out of
 * validation; instead it is reported like any other invalid operation. (The
 * token limit acts while parsing, where it must throw: yoga answers that as
 * a parse failure.)
 */
const reject = {
  propagateOnRejection: false,
  onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(validationFailed(error.message))],
};

const costOptions = { maxCost: QUERY_LIMITS.cost, ...reject };

const isPageSize = (node: ArgumentNode) => node.name.value === 'first' || node.name.value === 'last';

const INT_MAX = 2 ** 31 - 1;

/**
 * The operation with every `first`/`last` given by a variable replaced by the
 * variable's value (or its default), so the cost rule multiplies by it as it
 * does for a literal. Null when no `first`/`last` is a variable. A value above
 * the page size counts as the page size: the field refuses it anyway, naming
 * the argument, and that is the better answer; a value that is not an Int is
 * left to the variable's coercion, which refuses it.
 */
export function inlinePageSizes(document: DocumentNode, variables: Record<string, unknown> | null | undefined): DocumentNode | null {
  const defaults = new Map<string, ValueNode>();
  let found = false;
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const v of definition.variableDefinitions ?? []) if (v.defaultValue) defaults.set(v.variable.name.value, v.defaultValue);
  }
  const inlined = visit(document, {
    Argument(node) {
      if (!isPageSize(node) || node.value.kind !== Kind.VARIABLE) return undefined;
      found = true;
      const name = node.value.name.value;
      const value = variables?.[name];
      if (typeof value === 'number' && Number.isInteger(value) && Math.abs(value) <= INT_MAX) {
        return { ...node, value: { kind: Kind.INT, value: String(Math.min(value, INPUT_LIMITS.pageSize)) } };
      }
      const fallback = value === undefined ? defaults.get(name) : undefined;
      return fallback ? { ...node, value: fallback } : undefined;
    },
  });
  return found ? inlined : null;
}

/** The cost limit once more at execution, with `first`/`last` variables' values in place. */
function useVariablePageSizeCost(): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const inlined = inlinePageSizes(args.document, args.variableValues as Record<string, unknown> | undefined);
      if (!inlined) return;
      const errors = validate(args.schema, inlined, [costLimitRule(costOptions)]);
      if (errors.length > 0) {
        setResultAndStopExecution({
          errors: errors.map(
            (e) => new GraphQLError(e.message, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { spec: true, status: 400 } } }),
          ),
        });
      }
    },
  };
}

export function queryLimitPlugins(): Plugin[] {
  return [
    maxDepthPlugin({ n: QUERY_LIMITS.depth, ...reject }),
    maxAliasesPlugin({ n: QUERY_LIMITS.aliases, allowList: [], ...reject }),
    maxDirectivesPlugin({ n: QUERY_LIMITS.directives, ...reject }),
    useNestingLimit(),
    maxTokensPlugin({ n: QUERY_LIMITS.tokens }),
    costLimitPlugin(costOptions),
    useVariablePageSizeCost(),
  ];
}
