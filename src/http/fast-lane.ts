import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { answersFromCache, cacheableKey, type RequestParams, type ResponseCacheOptions, storedAnswer } from '../cache/response-cache.js';
import type { CachedResponse } from '../cache/response-store.js';
import { type CorsOrigins, corsHeaders } from '../cors.js';
import { REQUEST_ID_HEADER, requestId } from '../observability/request-id.js';
import { recordAnswer, type RequestTelemetry } from '../observability/telemetry.js';
import type { RateLimiter } from '../rate-limit.js';
import { asksForGraphiQL } from '../web/graphiql.js';
import { type HeaderCarrier, nodeRequestHeaders } from './headers.js';
import { RememberedKeys } from './remembered-keys.js';

export interface FastLaneOptions {
  /** The GraphQL endpoint's path (/graphql). */
  endpoint: string;
  /** The app's response cache: the same store, lifetimes and hit counter. */
  cache: ResponseCacheOptions;
  /** The app's log and metrics. */
  telemetry: RequestTelemetry;
  /** The app's rate limit, when it has one: one bucket per client, whichever lane answers. */
  rateLimiter?: RateLimiter;
  corsOrigins: CorsOrigins;
  /** The app's body limit (MAX_BODY_BYTES): a larger body goes to the app unread, which answers 413. */
  maxBodyBytes: number;
}

/** Bodies (and, apart, query strings) whose keys are remembered: far more operations than clients send, in about a megabyte. */
const REMEMBERED_KEYS = 10_000;

/** What yoga reads from a body or a query string; a request with any other (documentId) goes to the app, which checks it. */
const PARAM_NAMES = new Set(['query', 'operationName', 'variables', 'extensions']);

/**
 * The fast lane: a node:http listener in front of the app that answers
 * response-cache hits itself, without yoga's fetch-API Request and Response
 * objects or its plugins' hooks, which cost a hit several times what sending
 * the stored bytes does. It answers only what the app would answer from the
 * same store in the same way: an anonymous GET or POST application/json of
 * the GraphQL endpoint whose parameters yoga would accept, with the app's
 * key (src/cache/response-cache.ts), its headers (ETag, Cache-Control, Vary,
 * CORS, x-request-id), its rate limit, its log line and its metrics.
 * Everything else goes to the app unchanged; a body read here is handed on
 * with the request.
 */
export function fastLane(app: RequestListener, options: FastLaneOptions): RequestListener {
  const { store, cdnMaxAgeSeconds, metrics } = options.cache;
  const cors = corsHeaders(options.corsOrigins);
  const postKeys = new RememberedKeys(REMEMBERED_KEYS);
  const getKeys = new RememberedKeys(REMEMBERED_KEYS);

  /** Looks the request up by its key; what the cache does not answer, or the store has no answer for, goes to the app. */
  function serve(req: IncomingMessage, res: ServerResponse, request: HeaderCarrier, startedAt: number, key: string | undefined, body?: Buffer) {
    if (key === undefined) return toApp(app, req, res, body);
    const lookup = store.get(key);
    if (lookup instanceof Promise) {
      lookup.then(
        (found) => orApp(() => answer(req, res, request, startedAt, found.entry, body), app, req, res, body),
        () => toApp(app, req, res, body),
      );
    } else {
      answer(req, res, request, startedAt, lookup.entry, body);
    }
  }

  /** Sends the stored answer, with what the app would add to it, and records the request as the app would. */
  function answer(req: IncomingMessage, res: ServerResponse, request: HeaderCarrier, startedAt: number, entry: CachedResponse | undefined, body?: Buffer) {
    // A refused request takes no token: the app takes it again and answers 429.
    if (!entry || (options.rateLimiter && !options.rateLimiter.take(request, { req }, options.endpoint).allowed)) {
      return toApp(app, req, res, body);
    }
    const id = requestId(request.headers);
    const { status, headers, body: bytes } = storedAnswer(entry, request, cdnMaxAgeSeconds, { ...cors(request), [REQUEST_ID_HEADER]: id });
    if (bytes) headers['content-length'] = String(bytes.byteLength);
    res.writeHead(status, headers).end(bytes ?? undefined);
    metrics?.hit();
    recordAnswer(options.telemetry, {
      requestId: id,
      method: req.method!,
      path: options.endpoint,
      status,
      operation: entry.operation,
      durationMs: performance.now() - startedAt,
      statements: undefined,
      errorCodes: [],
    });
  }

  function route(req: IncomingMessage, res: ServerResponse) {
    const startedAt = performance.now();
    const request = { headers: nodeRequestHeaders(req.headers) };
    const url = req.url ?? '';
    const queryAt = url.indexOf('?');
    const path = queryAt < 0 ? url : url.slice(0, queryAt);
    if (path !== options.endpoint || !answersFromCache(request)) return app(req, res);
    const accept = request.headers.get('accept');
    if (req.method === 'GET') {
      if (asksForGraphiQL(req.method, path, accept, options.endpoint)) return app(req, res);
      const search = queryAt < 0 ? '' : url.slice(queryAt + 1);
      const key = getKeys.keyOf(accept, search, () => keyOf(queryStringParams(search), request));
      return serve(req, res, request, startedAt, key);
    }
    if (req.method !== 'POST' || !isJson(request.headers.get('content-type')) || !readable(request, options.maxBodyBytes)) return app(req, res);
    readBody(req, res, (body) =>
      orApp(
        () => serve(req, res, request, startedAt, postKeys.keyOf(accept, body, () => keyOf(bodyParams(body.toString('utf8')), request)), body),
        app,
        req,
        res,
        body,
      ),
    );
  }

  return (req, res) => orApp(() => route(req, res), app, req, res);
}

/**
 * Runs a step of the fast lane. Should it throw (variables nested too deep
 * to key, say), the app gets the request, as it would have without the fast
 * lane; an exception here must never reach node's server.
 */
function orApp(step: () => void, app: RequestListener, req: IncomingMessage, res: ServerResponse, body?: Buffer) {
  try {
    step();
  } catch {
    if (res.headersSent) res.destroy();
    else toApp(app, req, res, body);
  }
}

/**
 * Hands a request on to the app. A body read here is set as `req.body`,
 * which @whatwg-node/server (yoga's node adapter) reads instead of the
 * request's stream, already consumed. It is handed on as a stream of one
 * chunk: a Buffer there would have its every byte listed as a key first.
 */
function toApp(app: RequestListener, req: IncomingMessage, res: ServerResponse, body: Buffer | undefined) {
  if (body) (req as IncomingMessage & { body?: unknown }).body = Readable.from([body]);
  app(req, res);
}

/** True when the fast lane reads the body: its length given, not 0, within the app's limit, and not encoded. */
function readable(request: HeaderCarrier, maxBodyBytes: number): boolean {
  const given = request.headers.get('content-length');
  if (given === null || !/^\d+$/.test(given) || request.headers.get('content-encoding') !== null) return false;
  const length = Number(given);
  return length > 0 && length <= maxBodyBytes;
}

/** yoga's test for a JSON body: the first of the content types is application/json, parameters allowed. */
function isJson(contentType: string | null): boolean {
  const first = contentType?.split(',')[0];
  return first === 'application/json' || first?.startsWith('application/json;') === true;
}

function readBody(req: IncomingMessage, res: ServerResponse, done: (body: Buffer) => void) {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => done(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
  // The client went away mid-body: there is no one to answer.
  req.on('error', () => res.destroy());
}

/** The cache key of parameters yoga would take as they are; undefined sends the request to the app. */
function keyOf(params: RequestParams | undefined, request: HeaderCarrier): string | undefined {
  return params && cacheableKey(params, request);
}

/** A POST body's parameters, when yoga would take them as they are; undefined sends the request to the app. */
function bodyParams(body: string): RequestParams | undefined {
  let params: unknown;
  try {
    params = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (!isObject(params)) return undefined;
  for (const name in params) {
    if ((params as Record<string, unknown>)[name] != null && !PARAM_NAMES.has(name)) return undefined;
  }
  return acceptable(params);
}

/** A GET's parameters as yoga reads them (variables and extensions are JSON); undefined sends the request to the app. */
function queryStringParams(queryString: string): RequestParams | undefined {
  const search = new URLSearchParams(queryString);
  for (const name of search.keys()) if (!PARAM_NAMES.has(name)) return undefined;
  try {
    const variables = search.get('variables') || undefined;
    const extensions = search.get('extensions') || undefined;
    return acceptable({
      query: search.get('query') || undefined,
      operationName: search.get('operationName') || undefined,
      variables: variables ? JSON.parse(variables) : undefined,
      extensions: extensions ? JSON.parse(extensions) : undefined,
    });
  } catch {
    return undefined;
  }
}

/** yoga refuses variables or extensions that are not objects (400): those go to the app. */
function acceptable(params: RequestParams): RequestParams | undefined {
  return (params.variables == null || isObject(params.variables)) && (params.extensions == null || isObject(params.extensions)) ? params : undefined;
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
