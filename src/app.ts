import type { RequestListener } from 'node:http';
import { sql } from 'kysely';
import { GraphQLError } from 'graphql';
import { createGraphQLError, createLogger, createYoga, useReadinessCheck, type YogaLogger, type YogaServerInstance } from 'graphql-yoga';
import type { ResponseCache } from './cache/open.js';
import { useResponseCache } from './cache/response-cache.js';
import { readCatalogVersion } from './catalog/version.js';
import { type AfterCatalogCommit, type Context, createContext, useMutationsReadThePrimary } from './context.js';
import { Generations } from './facts/generation.js';
import { corsOptions, type CorsOrigins } from './cors.js';
import { PERSISTED_OPERATION_PARAMS, type PersistedOperations, persistedOperationPlugins } from './persisted-operations.js';
import { maxBodyBytes, queryLimitPlugins } from './query-limits.js';
import { jitExecutionPlugins } from './graphql-jit.js';
import type { Db } from './db/client.js';
import { connectionStats } from './db/connection-stats.js';
import { isDatabaseUnavailable } from './db/faults.js';
import { fastLane } from './http/fast-lane.js';
import { countingStatements } from './db/statement-count.js';
import { type Logger, silentLog, yogaLogger } from './observability/logger.js';
import { createMetrics } from './observability/metrics.js';
import { useMetricsEndpoint } from './observability/metrics-endpoint.js';
import { requestScope } from './observability/request-scope.js';
import { useRequestTelemetry, useResultTelemetry } from './observability/telemetry.js';
import { type RateLimitOptions, rateLimiter, useRateLimit } from './rate-limit.js';
import { maskClientError, useClientErrors } from './schema/errors.js';
import { schema } from './schema/index.js';
import { useComparisonPage } from './web/comparison-page.js';
import { useGraphiQLPage } from './web/graphiql.js';

export interface AppOptions {
  /** The primary: every write, and every read that must see its own write. */
  db: Db;
  /**
   * A read replica (DATABASE_READ_URL, src/db/client.ts openReadReplica):
   * the queries' resolvers and loaders read there. Omitted: they read `db`.
   */
  replica?: Db;
  /**
   * The structured log (pino, src/observability/logger.ts): one line per
   * request, and yoga's own messages unless `logger` is given. Default: no
   * request lines (src/server.ts passes the process's log).
   */
  log?: Logger;
  /** Where yoga logs unexpected errors in full, with their stack; tests pass a spy. Default: `log`, else the console. */
  logger?: YogaLogger;
  /** Serve Prometheus metrics at /metrics (default true; METRICS=off). Metrics are collected either way. */
  metricsEndpoint?: boolean;
  /** Add Node's process metrics (CPU, memory, event loop) to /metrics: the server does. */
  processMetrics?: boolean;
  /** Requests per client (src/rate-limit.ts); default: off. src/server.ts passes the configured limit. */
  rateLimit?: RateLimitOptions;
  /** True while the server drains before exiting (src/shutdown.ts): /ready answers 503 then. */
  isDraining?: () => boolean;
  /** Which other origins' pages may read the API from a browser (`CORS_ORIGINS`); any by default. */
  corsOrigins?: CorsOrigins;
  /**
   * Runs once after every curation write commits (src/catalog/curation/write.ts),
   * with the new catalog version, after the response cache has been invalidated.
   */
  afterCatalogCommit?: AfterCatalogCommit;
  /** The response cache (src/cache/open.ts); omitted: every request is executed. */
  cache?: ResponseCache;
  /**
   * PERSISTED_OPERATIONS' manifest: only these operations run, and GraphiQL
   * (which sends its own) is not served. Without it, any operation runs, and
   * automatic persisted queries remember operations by hash.
   */
  persistedOperations?: PersistedOperations;
  /**
   * GRAPHQL_JIT: execute operations compiled by graphql-jit instead of
   * interpreted by graphql-js (src/graphql-jit.ts). Same answers and errors;
   * off by default.
   */
  graphqlJit?: boolean;
}

const GRAPHQL_ENDPOINT = '/graphql';

/**
 * The HTTP application: GraphQL at /graphql (GraphiQL served inline, so it
 * works offline), the comparison page at /compare/<model>/<model>…, /health
 * (process up), /ready (database reachable, and the server not draining
 * before it exits) and /metrics (Prometheus). It never listens;
 * src/server.ts does (through `createServedApp`), and tests call `app.fetch`.
 */
export function createApp(options: AppOptions): App {
  return createServedApp(options).app;
}

/** The app, and the node:http listener that serves it. */
export interface ServedApp {
  app: App;
  /**
   * For `http.createServer`: with a response cache, its hits are answered
   * in front of the app by the fast lane (src/http/fast-lane.ts), which
   * shares the app's cache, metrics, log, rate limit and CORS rule; all
   * else, and everything when the cache is off or only persisted operations
   * run, is the app's.
   */
  listener: RequestListener;
}

export function createServedApp({
  db,
  replica,
  log,
  logger = log ? yogaLogger(log) : createLogger('info'),
  metricsEndpoint = true,
  processMetrics = false,
  rateLimit,
  isDraining = () => false,
  corsOrigins = '*',
  cache,
  afterCatalogCommit,
  persistedOperations,
  graphqlJit = false,
}: AppOptions): ServedApp {
  const databases = replica ? [db, replica] : [db];
  const metrics = createMetrics({ connections: () => ({ primary: connectionStats(db), replica: replica && connectionStats(replica) }), processMetrics });
  const telemetry = { log: log ?? silentLog, metrics };
  const limiter = rateLimit && rateLimiter(rateLimit);
  // With a replica, an answer is stored only once the replica has the version it is stored under (src/cache/response-cache.ts).
  const cacheOptions = cache && { ...cache.options, metrics: metrics.responseCache, readsVersion: replica && (() => readCatalogVersion(replica)) };
  // After a curation write commits: the response cache (every instance's, through
  // Redis where configured) drops what it held, then the caller's own hook runs.
  // The write has committed by then: a failure here (Redis gone) is logged, and
  // the client still hears that its write landed. Entries the cache could not
  // drop expire with the TTL, or at the next version another write announces.
  const afterCommit: AfterCatalogCommit = async (version) => {
    try {
      await cache?.changes.catalogChanged();
      await afterCatalogCommit?.(version);
    } catch (error) {
      logger.error(`after the catalog write that made version ${version}, invalidating caches failed:`, error);
    }
  };
  // What this app's requests share of the catalog, per version and price span (src/facts/generation.ts).
  const generations = new Generations();
  const app = createYoga({
    schema,
    // The request's own view of each database counts its SQL statements, on both, for its log line and /metrics.
    context: ({ request }) => {
      const scope = requestScope(request);
      return createContext({ primary: countingStatements(db, scope), replica: replica && countingStatements(replica, scope) }, request, afterCommit, generations);
    },
    graphqlEndpoint: GRAPHQL_ENDPOINT,
    healthCheckEndpoint: '/health',
    // Served by useGraphiQLPage instead: compressed once, with an ETag.
    graphiql: false,
    extraParamNames: PERSISTED_OPERATION_PARAMS,
    landingPage: false,
    logging: logger,
    cors: corsOptions(corsOrigins),
    // Anything that is not a GraphQLError the API raised on purpose reaches
    // the client as "Unexpected error." (yoga logs the original). Even with
    // NODE_ENV=development no stack or database message leaves the server.
    // A database that is down, hung or closed (src/db/faults.ts) answers
    // SERVICE_UNAVAILABLE with HTTP 503 instead: worth retrying.
    maskedErrors: {
      maskError: (error, message) =>
        isDatabaseUnavailable(error) ? serviceUnavailable(error) : maskClientError(error, message),
    },
    // A larger body answers 413 PAYLOAD_TOO_LARGE unread (MAX_BODY_BYTES, 100 KB by default).
    maxRequestBodySize: maxBodyBytes(),
    // No operation takes a file: a multipart body is refused (415) rather than parsed.
    multipart: false,
    plugins: [
      // First: every request gets its id, log line and metrics, whichever plugin answers it.
      useRequestTelemetry(telemetry),
      ...(metricsEndpoint ? [useMetricsEndpoint(metrics)] : []),
      ...(limiter ? [useRateLimit(limiter)] : []),
      ...(persistedOperations ? [] : [useGraphiQLPage(GRAPHQL_ENDPOINT)]),
      useComparisonPage(),
      ...persistedOperationPlugins(persistedOperations),
      // Every error a client can cause carries a code, and no message repeats
      // more than 100 characters of its input (src/schema/errors.ts).
      useClientErrors({ hideSuggestions: process.env.NODE_ENV === 'production' }),
      // Before the limits: a known answer needs no parsing, validation or execution.
      ...(cacheOptions ? [useResponseCache(cacheOptions)] : []),
      // Before execution, once the operation is known: a mutation's answer is read where it wrote.
      useMutationsReadThePrimary(),
      ...queryLimitPlugins(),
      ...(graphqlJit ? jitExecutionPlugins() : []),
      useReadinessCheck({
        endpoint: '/ready',
        // Both databases: without the primary no write or token check works, without the replica no query.
        check: async () => {
          if (isDraining()) return false;
          const answers = await Promise.all(databases.map((database) => databaseAnswers(database, READY_TIMEOUT_MS)));
          return answers.every(Boolean);
        },
      }),
      // Last: the error codes of the result as the client gets it.
      useResultTelemetry(),
    ],
  });
  // With an allow-list, a raw document the app refuses could share a key with
  // a listed operation's stored answer: there the app answers everything.
  const listener: RequestListener =
    cacheOptions && !persistedOperations
      ? fastLane(app, { endpoint: GRAPHQL_ENDPOINT, cache: cacheOptions, telemetry, rateLimiter: limiter, corsOrigins, maxBodyBytes: maxBodyBytes() })
      : app;
  return { app, listener };
}

export type App = YogaServerInstance<{}, Context>;

/** /ready gives the database this long to answer `select 1`, so a probe gets its 503 within 2 s. */
export const READY_TIMEOUT_MS = 1500;

/** True when the database answers `select 1` within `timeoutMs`; false when it fails or is slower. */
async function databaseAnswers(db: Db, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const answered = sql`select 1`.execute(db).then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([answered, late]);
  } finally {
    clearTimeout(timer);
  }
}

export const SERVICE_UNAVAILABLE_MESSAGE = 'Service unavailable: the database is not answering. Try again shortly.';

/**
 * The client's view of a database fault: no database message, the field's
 * path kept, `extensions.code` SERVICE_UNAVAILABLE, and HTTP status 503 (yoga
 * reads `extensions.http` for the status and leaves it out of the body).
 */
function serviceUnavailable(error: unknown): GraphQLError {
  const located = error instanceof GraphQLError ? error : undefined;
  return createGraphQLError(SERVICE_UNAVAILABLE_MESSAGE, {
    nodes: located?.nodes,
    source: located?.source,
    positions: located?.positions,
    path: located?.path,
    extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503 } },
  });
}
