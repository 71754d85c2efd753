import { PothosValidationError } from '@pothos/core';
import { GraphQLError } from 'graphql';
import { isAsyncIterable, maskError, type Plugin } from 'graphql-yoga';
import type { ZodError } from 'zod';
import { quoted } from '../resolvers/decimal.js';

/**
 * Turns a failed argument validation into the error clients are promised:
 * code BAD_USER_INPUT, the path of the offending argument, and every issue.
 */
export function badUserInput(error: ZodError): GraphQLError {
  const issues = error.issues.map((issue) => ({
    path: issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part)),
    message: issue.message,
  }));
  const first = issues[0];
  const where = first && first.path.length > 0 ? ` "${first.path.join('.')}"` : '';
  return new GraphQLError(`Invalid argument${where}: ${first?.message ?? 'invalid input'}`, {
    extensions: { code: 'BAD_USER_INPUT', argumentPath: first?.path ?? [], issues },
  });
}

/** A client error raised by a resolver (an unknown slug, say), never masked. */
export function userInputError(message: string, argumentPath: (string | number)[]): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', argumentPath } });
}

/** A write refused for its caller: no live token (UNAUTHENTICATED, HTTP 401) or a token without the scope (FORBIDDEN). */
export function notAuthorized(holder: { name: string } | null): GraphQLError {
  return holder === null
    ? new GraphQLError('Authentication required: send a live API token as "Authorization: Bearer <token>".', {
        extensions: { code: 'UNAUTHENTICATED' },
      })
    : new GraphQLError(`The token "${holder.name}" may not do this: it lacks the scope this field requires.`, {
        extensions: { code: 'FORBIDDEN' },
      });
}

/** An update that named a version the row has moved past: read it again and retry. */
export function conflict(message: string, argumentPath: (string | number)[]): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'CONFLICT', argumentPath } });
}

/** An id two models claim (two providers using one id for different models): the client must pick a slug. */
export function ambiguousModel(reference: string, slugs: string[], argumentPath: (string | number)[]): GraphQLError {
  return userInputError(`${quoted(reference, 100)} names more than one model: ${slugs.map((s) => `"${s}"`).join(' and ')}. Use one of these slugs.`, argumentPath);
}

/** The most of a client's input an error message repeats: a quoted value longer than this is cut, with "…". */
export const ECHO_LIMIT = 100;
/** The longest error message sent; anything longer is cut, with "…". */
export const MESSAGE_LIMIT = 1000;

/** `text` without a lone high surrogate or an unfinished escape at its end, so a cut stays valid. */
function cleanCut(text: string): string {
  let end = text.length;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  let slashes = 0;
  while (end - slashes > 0 && text[end - slashes - 1] === '\\') slashes++;
  if (slashes % 2 === 1) end--;
  return text.slice(0, end);
}

/**
 * Every double-quoted value in a message cut to `limit` characters, with "…":
 * graphql-js repeats a variable's whole value ("Variable "$x" got invalid
 * value "…"") and other messages quote names and values. One pass, linear in
 * the message's length, whatever its quotes.
 */
export function shortenQuoted(message: string, limit = ECHO_LIMIT): string {
  let out = '';
  let i = 0;
  while (i < message.length) {
    const open = message.indexOf('"', i);
    if (open === -1) {
      out += message.slice(i);
      break;
    }
    let close = open + 1;
    while (close < message.length && message[close] !== '"') close += message[close] === '\\' ? 2 : 1;
    const inside = message.slice(open + 1, Math.min(close, message.length));
    out += message.slice(i, open + 1) + (inside.length > limit ? `${cleanCut(inside.slice(0, limit))}…` : inside);
    if (close < message.length) out += '"';
    i = close + 1;
  }
  return out;
}

/**
 * The message a client sees: quoted values cut to 100 characters, the whole
 * to 1,000, and (in production) no "Did you mean …?" suggestions, which would
 * list the schema's names to someone probing it.
 */
export function clientMessage(message: string, { hideSuggestions }: { hideSuggestions: boolean }): string {
  let text = message;
  if (hideSuggestions) {
    const suggestion = text.indexOf(' Did you mean ');
    if (suggestion !== -1 && text.endsWith('?')) text = text.slice(0, suggestion);
  }
  text = shortenQuoted(text);
  return text.length > MESSAGE_LIMIT ? `${cleanCut(text.slice(0, MESSAGE_LIMIT))}…` : text;
}

const isPothosValidationError = (error: unknown) =>
  error instanceof PothosValidationError || (error instanceof Error && error.name === 'PothosValidationError');

/**
 * yoga's maskError, and two rules before it: a Pothos validation error (an
 * argument the Relay plugin could not read, say) is the client's:
 * BAD_USER_INPUT; a GraphQLError graphql-js raised while executing (no code,
 * no cause: "Expected Iterable…") is ours: masked like any unexpected error.
 * Never in development mode: no stack or cause leaves the server.
 */
export function maskClientError(error: unknown, message: string): Error {
  if (error instanceof GraphQLError && error.extensions?.code === undefined) {
    const location = { nodes: error.nodes, source: error.source, positions: error.positions, path: error.path };
    if (isPothosValidationError(error.originalError ?? error)) {
      return new GraphQLError(error.message, { ...location, extensions: { code: 'BAD_USER_INPUT' } });
    }
    if (error.path && !error.originalError) {
      return maskError(new GraphQLError(error.message, { ...location, originalError: new Error(error.message) }), message, false);
    }
  }
  return maskError(error, message, false);
}

/** The code of an error that reached the client without one. */
function defaultCode(error: GraphQLError): string {
  // graphql-js coercing variables: "Variable "$n" got invalid value …", "… was not provided."
  if (error.message.startsWith('Variable "$')) return 'BAD_USER_INPUT';
  if (error.message.startsWith('Syntax Error')) return 'GRAPHQL_PARSE_FAILED';
  return error.path ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST';
}

/** One error as the client sees it: a code always, a short message, no internals (yoga's `originalError` detail of a bad body). */
function clientError(error: GraphQLError, options: { hideSuggestions: boolean }): GraphQLError {
  const { originalError: detail, ...extensions } = error.extensions ?? {};
  // yoga answers a body it cannot read with 400 because of that detail; the
  // detail goes (it quotes the body), the status stays.
  if (detail !== undefined && typeof extensions.http === 'object' && extensions.http !== null) {
    extensions.http = { ...extensions.http, spec: false };
  }
  let code = typeof extensions.code === 'string' ? extensions.code : defaultCode(error);
  // yoga's name for it; HTTP's (413 Payload Too Large) is the one clients look for.
  if (code === 'REQUEST_ENTITY_TOO_LARGE') code = 'PAYLOAD_TOO_LARGE';
  const masked = code === 'INTERNAL_SERVER_ERROR' && extensions.code === undefined;
  return new GraphQLError(masked ? 'Unexpected error.' : clientMessage(error.message, options), {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError ?? undefined,
    extensions: { ...extensions, code },
  });
}

function clientResult<R extends { errors?: readonly GraphQLError[] }>(result: R, options: { hideSuggestions: boolean }): R {
  if (!result.errors?.length) return result;
  return { ...result, errors: result.errors.map((e) => (e instanceof GraphQLError ? clientError(e, options) : e)) };
}

/**
 * The last word on every error a response carries, whatever raised it (a bad
 * body, parsing, validation, variables, a resolver): it has an
 * `extensions.code`, its message repeats at most 100 characters of any value
 * and nothing internal. A POST in a content type the API does not read is a
 * coded 415 rather than an empty one.
 */
export function useClientErrors(options: { hideSuggestions: boolean }): Plugin {
  return {
    onRequestParse({ request, requestParser }) {
      if (request.method === 'POST' && !requestParser) {
        throw new GraphQLError('Unsupported content type: send the operation as application/json.', {
          extensions: { code: 'UNSUPPORTED_MEDIA_TYPE', http: { status: 415 } },
        });
      }
    },
    onResultProcess({ result, setResult }) {
      if (Array.isArray(result)) setResult(result.map((r) => clientResult(r, options)));
      else if (!isAsyncIterable(result)) setResult(clientResult(result as { errors?: readonly GraphQLError[] }, options));
    },
  };
}
