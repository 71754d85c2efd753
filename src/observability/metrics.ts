import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { ConnectionStats } from '../db/connection-stats.js';
import { type ResponseCacheMetrics, responseCacheMetrics } from './cache-metrics.js';

/**
 * The app's Prometheus metrics, served at /metrics (src/observability/metrics-endpoint.ts).
 * Each app has its own registry, so several apps in one process (tests) never collide.
 *
 * - `modelgraph_http_requests_total{route,operation,status}` and
 *   `modelgraph_http_request_duration_seconds{route,operation}`
 * - `modelgraph_graphql_errors_total{code}`: each error a response carried, by `extensions.code`
 * - `modelgraph_sql_statements_per_request`: a histogram over the GraphQL operations that ran
 * - `modelgraph_db_connections_in_use{database}`, `modelgraph_db_connections_waiting{database}`:
 *   `primary`, and `replica` with DATABASE_READ_URL
 * - `modelgraph_response_cache_lookups_total{result}` (src/observability/cache-metrics.ts)
 * - with `processMetrics`, prom-client's default process and Node.js metrics
 */
export interface Metrics {
  readonly registry: Registry;
  /** Where the response cache reports hits and misses. */
  readonly responseCache: ResponseCacheMetrics;
  /** One finished HTTP request (src/observability/telemetry.ts calls it). */
  recordRequest(request: RequestRecord): void;
}

export interface RequestRecord {
  /** The request's path. Only the app's own endpoints become labels; anything else is "other". */
  path: string;
  /** The GraphQL operation's name, "anonymous", or undefined when none was read. */
  operation: string | undefined;
  status: number;
  durationSeconds: number;
  /** SQL statements the operation ran; undefined when no operation ran. */
  statements: number | undefined;
  errorCodes: readonly string[];
}

export interface MetricsOptions {
  /** Connections in use and waiting by database (`primary`, `replica`), read at each scrape (src/db/connection-stats.ts). */
  connections?: () => Record<string, ConnectionStats | undefined>;
  /** Add prom-client's default process metrics (CPU, memory, event loop lag, GC): the server does, tests do not. */
  processMetrics?: boolean;
}

const ROUTES = new Set(['/graphql', '/health', '/ready', '/metrics']);

/**
 * Operation names come from clients: a label value per name would let a
 * client create series without end. A name becomes a label only if it is a
 * GraphQL name of at most 64 characters and one of the first 100 seen; any
 * other is "other".
 */
export const OPERATION_LABEL_LIMIT = 100;
const LABELLED_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;

export function createMetrics(options: MetricsOptions = {}): Metrics {
  const registry = new Registry();
  if (options.processMetrics) collectDefaultMetrics({ register: registry });

  const requests = new Counter({
    name: 'modelgraph_http_requests_total',
    help: 'HTTP requests answered, by route, GraphQL operation and status.',
    labelNames: ['route', 'operation', 'status'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'modelgraph_http_request_duration_seconds',
    help: 'Time from a request arriving to its response being ready, by route and GraphQL operation.',
    labelNames: ['route', 'operation'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const errors = new Counter({
    name: 'modelgraph_graphql_errors_total',
    help: 'Errors answered, by extensions.code.',
    labelNames: ['code'] as const,
    registers: [registry],
  });
  const statements = new Histogram({
    name: 'modelgraph_sql_statements_per_request',
    help: 'SQL statements one GraphQL operation ran.',
    buckets: [0, 1, 2, 4, 8, 16, 32, 64, 128],
    registers: [registry],
  });
  const connectionGauge = (name: string, help: string, read: (stats: ConnectionStats) => number) =>
    new Gauge({
      name,
      help,
      labelNames: ['database'] as const,
      registers: [registry],
      collect() {
        for (const [database, stats] of Object.entries(options.connections?.() ?? {})) {
          if (stats) this.set({ database }, read(stats));
        }
      },
    });
  connectionGauge('modelgraph_db_connections_in_use', 'Database connections held by a query or a transaction now.', (s) => s.inUse);
  connectionGauge('modelgraph_db_connections_waiting', 'Queries waiting for a database connection now.', (s) => s.waiting);

  const labelled = new Set<string>();
  const operationLabel = (operation: string | undefined): string => {
    if (operation === undefined) return '';
    if (labelled.has(operation)) return operation;
    if (!LABELLED_NAME.test(operation) || labelled.size >= OPERATION_LABEL_LIMIT) return 'other';
    labelled.add(operation);
    return operation;
  };

  return {
    registry,
    responseCache: responseCacheMetrics(registry),
    recordRequest(record) {
      const route = ROUTES.has(record.path) ? record.path : 'other';
      const operation = operationLabel(record.operation);
      requests.inc({ route, operation, status: String(record.status) });
      duration.observe({ route, operation }, record.durationSeconds);
      for (const code of record.errorCodes) errors.inc({ code });
      if (record.statements !== undefined) statements.observe(record.statements);
    },
  };
}
