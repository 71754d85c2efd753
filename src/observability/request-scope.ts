import { performance } from 'node:perf_hooks';
import type { StatementCounter } from '../db/statement-count.js';
import { requestId } from './request-id.js';

/**
 * What one HTTP request gathers on its way through the app, for its log line
 * and its metrics (src/observability/telemetry.ts): its id, when it started,
 * the GraphQL operation, the SQL statements it ran and the error codes it
 * answered. Kept per Request object, so the plugins that fill it in share
 * nothing else.
 */
export interface RequestScope extends StatementCounter {
  readonly id: string;
  readonly startedAt: number;
  /** The operation's name, "anonymous" for an unnamed one; undefined when no operation was read. */
  operation?: string;
  /** True once the operation ran (its SQL statements count). */
  executed: boolean;
  errorCodes: string[];
}

const scopes = new WeakMap<Request, RequestScope>();

/** The request's scope, begun at the first call (the first plugin to see the request). */
export function requestScope(request: Request): RequestScope {
  let scope = scopes.get(request);
  if (!scope) {
    scope = { id: requestId(request.headers), startedAt: performance.now(), executed: false, statements: 0, errorCodes: [] };
    scopes.set(request, scope);
  }
  return scope;
}

/** Records an error code answered without a GraphQL result (a rate-limited request, say). */
export function noteErrorCode(request: Request, code: string): void {
  requestScope(request).errorCodes.push(code);
}
