import { performance } from 'node:perf_hooks';
import { getOperationAST, GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from './logger.js';
import type { Metrics } from './metrics.js';
import { REQUEST_ID_HEADER } from './request-id.js';
import { type RequestScope, requestScope } from './request-scope.js';

/** Probes and scrapes log at debug: at info they would drown the requests. */
const QUIET_PATHS = new Set(['/health', '/ready', '/metrics']);

/**
 * Each request's id, log line and metrics. Goes first among the plugins: it
 * starts the request's scope (src/observability/request-scope.ts) before any
 * other plugin can answer, and, as every response passes through it, returns
 * the id in `x-request-id`, writes one log line and records the metrics:
 *
 *   {"level":30,"time":"…","service":"modelgraph","requestId":"…","method":"POST","path":"/graphql",
 *    "status":200,"operation":"ComparisonPage","durationMs":41.2,"sqlStatements":9,"errorCodes":[],"msg":"request"}
 *
 * Never a header (the Authorization token), never the variables or the query.
 * The error codes are read by `useResultTelemetry`, which goes last.
 */
export function useRequestTelemetry(telemetry: RequestTelemetry): Plugin {
  return {
    onRequest({ request }) {
      requestScope(request);
    },
    // The operation's name as soon as the document is parsed, so an operation refused by validation has it too.
    onParse({ context }) {
      return ({ result }) => {
        const { request, params } = context as { request?: Request; params?: { operationName?: string } };
        if (!request || !result || result instanceof Error) return;
        requestScope(request).operation = getOperationAST(result, params?.operationName)?.name?.value ?? 'anonymous';
      };
    },
    onExecute({ args }) {
      const request = (args.contextValue as { request?: Request }).request;
      if (request) requestScope(request).executed = true;
    },
    onResponse({ request, response }) {
      const scope = requestScope(request);
      response.headers.set(REQUEST_ID_HEADER, scope.id);
      recordAnswer(telemetry, {
        requestId: scope.id,
        method: request.method,
        path: new URL(request.url, 'http://localhost').pathname,
        status: response.status,
        operation: scope.operation,
        durationMs: performance.now() - scope.startedAt,
        statements: scope.executed ? scope.statements : undefined,
        errorCodes: scope.errorCodes,
      });
    },
  };
}

/** Where a request's line and metrics go: the app's log and metrics. */
export interface RequestTelemetry {
  log: Logger;
  metrics: Metrics;
}

/** One answered request, as its log line and metrics tell it. */
export interface AnsweredRequest {
  requestId: string;
  method: string;
  path: string;
  status: number;
  /** The operation's name, "anonymous" for an unnamed one; undefined when no operation was read. */
  operation: string | undefined;
  durationMs: number;
  /** SQL statements the operation ran; undefined when none ran. */
  statements: number | undefined;
  errorCodes: readonly string[];
}

/**
 * Records an answered request: its metrics and its log line. The app's
 * requests are recorded by useRequestTelemetry; the fast lane
 * (src/http/fast-lane.ts) records those it answers itself here too.
 */
export function recordAnswer({ log, metrics }: RequestTelemetry, answered: AnsweredRequest): void {
  metrics.recordRequest({
    path: answered.path,
    operation: answered.operation,
    status: answered.status,
    durationSeconds: answered.durationMs / 1000,
    statements: answered.statements,
    errorCodes: answered.errorCodes,
  });
  log[QUIET_PATHS.has(answered.path) ? 'debug' : 'info'](
    {
      requestId: answered.requestId,
      method: answered.method,
      path: answered.path,
      status: answered.status,
      operation: answered.operation ?? null,
      durationMs: Math.round(answered.durationMs * 10) / 10,
      sqlStatements: answered.statements ?? null,
      errorCodes: answered.errorCodes,
    },
    'request',
  );
}

/**
 * Reads the error codes of the result the client gets. Goes last among the
 * plugins, after src/schema/errors.ts has given every error its code.
 */
export function useResultTelemetry(): Plugin {
  return {
    onResultProcess({ request, result }) {
      const scope: RequestScope = requestScope(request);
      for (const one of Array.isArray(result) ? result : [result]) {
        const errors = (one as { errors?: readonly unknown[] }).errors ?? [];
        for (const error of errors) scope.errorCodes.push(codeOf(error));
      }
    },
  };
}

function codeOf(error: unknown): string {
  const code = error instanceof GraphQLError ? error.extensions?.code : undefined;
  return typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR';
}
