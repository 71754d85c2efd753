import { createHash, hash } from 'node:crypto';
import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { HeaderCarrier } from '../http/headers.js';
import type { ResponseCacheMetrics } from '../observability/cache-metrics.js';
import { requestScope } from '../observability/request-scope.js';
import type { CachedResponse, ResponseStore } from './response-store.js';

export interface ResponseCacheOptions {
  store: ResponseStore;
  /** How long an entry may be served while the catalog version stays the same. */
  ttlMs: number;
  /** `s-maxage` a CDN may keep a response without asking again; 0: it revalidates every time (ETag). */
  cdnMaxAgeSeconds: number;
  /** Counts lookups for /metrics (hit: answered from the store; miss: executed). */
  metrics?: ResponseCacheMetrics;
  /**
   * With a read replica: the catalog version the replica has replayed. A
   * miss is stored only if, before it runs, the replica has the version its
   * lookup saw; from a replica still behind it (a write committed on the
   * primary a moment ago), the answer could predate that write and would be
   * served as current until the next version or the TTL. Such an answer is
   * sent, not stored.
   */
  readsVersion?: () => Promise<number>;
}

/** What a request is looked up and stored under, and the version its lookup saw. */
interface Pending {
  key: string;
  version: number;
  /** Set before execution: the operation is a query (never a mutation), read from a database that has `version`. */
  storable?: boolean;
}

/** The GraphQL parameters of a request, as yoga reads them from a POST body or a GET query string. */
export interface RequestParams {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
  extensions?: unknown;
}

/**
 * The rule for what the response cache may answer, in two parts: the
 * request's headers (`answersFromCache`: an anonymous one, no Authorization
 * header), then its parameters (`cacheableKey`: an operation text). The
 * plugin below and the fast lane in front of the app (src/http/fast-lane.ts)
 * both ask here; the fast lane asks the first before it reads a body.
 */
export function answersFromCache(request: HeaderCarrier): boolean {
  return request.headers.get('authorization') === null;
}

/** The request's key when the response cache may answer it; undefined when it may not. */
export function cacheableKey(params: RequestParams, request: HeaderCarrier): string | undefined {
  if (!answersFromCache(request) || typeof params.query !== 'string') return undefined;
  return cacheKey(params.query, params.operationName, params.variables, params.extensions, request.headers.get('accept'));
}

/**
 * The response cache: an anonymous read whose operation, variables and
 * Accept header were already answered at the current catalog version is
 * answered from the store before anything is parsed, validated or executed,
 * with the bytes sent the first time. Only queries answered 200 without
 * errors are stored. Every cacheable answer carries an ETag; a request whose
 * If-None-Match matches gets 304 with no body.
 */
export function useResponseCache({ store, ttlMs, cdnMaxAgeSeconds, metrics, readsVersion }: ResponseCacheOptions): Plugin {
  const pending = new WeakMap<Request, Pending>();
  const hits = new WeakMap<Request, CachedResponse>();

  return {
    async onParams({ request, params, setResult }) {
      const key = cacheableKey(params, request);
      if (key === undefined) return;
      const { entry, version } = await store.get(key);
      if (entry) {
        metrics?.hit();
        hits.set(request, entry);
        requestScope(request).operation = entry.operation;
        // Skips parsing, validation and execution; onResultProcess sends the stored bytes.
        setResult({ data: null });
      } else if (version !== null) {
        metrics?.miss();
        pending.set(request, { key, version });
      }
    },
    async onExecute({ args }) {
      const request = (args.contextValue as { request?: Request }).request;
      const waiting = request && pending.get(request);
      if (!waiting) return;
      waiting.storable = getOperationAST(args.document, args.operationName)?.operation === 'query';
      // Before execution: a replica replays commits in order, so every statement
      // run after this read sees at least the version it saw. A replica that does
      // not answer stores nothing (and the execution reports its own error).
      if (waiting.storable && readsVersion) waiting.storable = (await readsVersion().catch(() => -Infinity)) >= waiting.version;
    },
    onResultProcess({ request, result, setResultProcessor }) {
      const entry = hits.get(request);
      if (entry) {
        setResultProcessor((_result, fetchAPI) => answer(fetchAPI, storedAnswer(entry, request, cdnMaxAgeSeconds)), entry.contentType);
        return;
      }
      const waiting = pending.get(request);
      // Errors (bad input, a database fault) are never stored.
      if (waiting && (Array.isArray(result) || Symbol.asyncIterator in result || result.errors?.length)) pending.delete(request);
    },
    async onResponse({ request, response, setResponse, fetchAPI }) {
      if (hits.has(request)) {
        // CORS (yoga's, before this plugin) has set `Vary: Origin` over the stored answer's Vary: both hold.
        response.headers.set('vary', varyOf(response.headers.get('vary')));
        return;
      }
      const waiting = pending.get(request);
      if (!waiting?.storable || response.status !== 200) return;
      const body = await response.text();
      const entry: CachedResponse = {
        version: waiting.version,
        etag: `"${waiting.version}-${createHash('sha1').update(body).digest('base64url')}"`,
        contentType: response.headers.get('content-type') ?? 'application/json; charset=utf-8',
        body,
        operation: requestScope(request).operation,
      };
      await store.set(waiting.key, entry, ttlMs);
      // The headers other plugins set (CORS) stay.
      setResponse(answer(fetchAPI, storedAnswer(entry, request, cdnMaxAgeSeconds, Object.fromEntries(response.headers))));
    },
  };
}

/**
 * The body's UTF-8 bytes, encoded once per stored entry: encoding a 65 KB
 * comparison on every hit was most of a hit's CPU (the memory store returns
 * the same entry object each time; Redis gives a new one, encoded again).
 */
const encoded = new WeakMap<CachedResponse, Uint8Array<ArrayBuffer>>();
const utf8 = new TextEncoder();
function bytesOf(entry: CachedResponse): Uint8Array<ArrayBuffer> {
  let bytes = encoded.get(entry);
  if (!bytes) encoded.set(entry, (bytes = utf8.encode(entry.body)));
  return bytes;
}

/** A response answered from the store, whichever lane sends it: status, headers (names in lower case) and body. */
export interface StoredAnswer {
  status: 200 | 304;
  headers: Record<string, string>;
  body: Uint8Array<ArrayBuffer> | null;
}

/**
 * What a request gets for a stored entry: the entry's bytes with its ETag,
 * Cache-Control and Vary, or 304 and no body when If-None-Match names the
 * ETag. `base` are the headers the response already has (CORS); its Vary is
 * kept next to the cache's own.
 */
export function storedAnswer(entry: CachedResponse, request: HeaderCarrier, cdnMaxAgeSeconds: number, base: Record<string, string> = {}): StoredAnswer {
  const headers: Record<string, string> = {};
  for (const name in base) headers[name.toLowerCase()] = base[name]!;
  delete headers['content-length'];
  headers.etag = entry.etag;
  headers['cache-control'] = `public, max-age=0, s-maxage=${cdnMaxAgeSeconds}`;
  headers.vary = varyOf(headers.vary);
  if (request.headers.get('if-none-match') === entry.etag) {
    delete headers['content-type'];
    return { status: 304, headers, body: null };
  }
  headers['content-type'] = entry.contentType;
  return { status: 200, headers, body: bytesOf(entry) };
}

/**
 * A cacheable answer depends on the Accept header (the media type) and on
 * Authorization (with one, nothing is cached); any other Vary a response
 * has (CORS's Origin) is kept after them.
 */
function varyOf(existing: string | null | undefined): string {
  const names = ['Accept', 'Authorization'];
  for (const name of existing?.split(',') ?? []) {
    const trimmed = name.trim();
    if (trimmed !== '' && !names.some((known) => known.toLowerCase() === trimmed.toLowerCase())) names.push(trimmed);
  }
  return names.join(', ');
}

function answer(fetchAPI: { Response: typeof Response }, { status, headers, body }: StoredAnswer): Response {
  return new fetchAPI.Response(body, { status, headers });
}

/**
 * The key: the operation text normalised (see below), the operation name,
 * the variables with their keys sorted, the extensions (a persisted query's
 * hash) and the Accept header, which picks the response's media type.
 */
export function cacheKey(query: string, operationName: unknown, variables: unknown, extensions: unknown, accept: string | null): string {
  // The operation text goes in after a NUL, which JSON never contains
  // unescaped, rather than into the JSON: escaping a few kilobytes of text
  // was half the key's cost, paid by every cache hit.
  const rest = JSON.stringify([operationName ?? null, sorted(variables ?? null), sorted(extensions ?? null), accept ?? '']);
  return hash('sha256', `${rest}\u0000${normaliseDocument(query)}`, 'base64url');
}

/**
 * Runs of insignificant characters (white space, line breaks, commas) outside
 * string literals become one space, so the same operation formatted another
 * way is the same request. A text with a comment, or one that does not scan,
 * is kept as it is: a comment ends at a line break, and collapsing it could
 * make a broken operation look like a valid one.
 */
export function normaliseDocument(query: string): string {
  let out = '';
  let i = 0;
  while (i < query.length) {
    const c = query[i]!;
    if (c === '"') {
      const end = stringEnd(query, i);
      if (end < 0) return query;
      out += query.slice(i, end);
      i = end;
    } else if (c === '#') {
      return query;
    } else if (c === ' ' || c === ',' || c === '\n' || c === '\r' || c === '\t' || c === '\ufeff') {
      while (i < query.length && ' ,\n\r\t\ufeff'.includes(query[i]!)) i++;
      out += ' ';
    } else {
      out += c;
      i++;
    }
  }
  return out.trim();
}

/** Where the string literal (or block string) starting at `start` ends, past its closing quote; -1 if it does not. */
function stringEnd(query: string, start: number): number {
  if (query.startsWith('"""', start)) {
    for (let i = start + 3; i < query.length; i++) {
      if (query[i] === '\\' && query.startsWith('"""', i + 1)) i += 3;
      else if (query.startsWith('"""', i)) return i + 3;
    }
    return -1;
  }
  for (let i = start + 1; i < query.length; i++) {
    if (query[i] === '\\') i++;
    else if (query[i] === '"') return i + 1;
    else if (query[i] === '\n' || query[i] === '\r') return -1;
  }
  return -1;
}
function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((k) => [k, sorted((value as Record<string, unknown>)[k])]),
  );
}
