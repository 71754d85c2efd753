/**
 * Which errors mean "the database is unavailable" (down, hung, restarting,
 * overloaded, closed) rather than "this request went wrong". The API answers
 * the first kind with SERVICE_UNAVAILABLE (src/app.ts), which a client may
 * retry, and the second with "Unexpected error.". Pure: no I/O, no imports.
 */

/** Socket errors: nothing listens, the host is unreachable, the connection broke. */
const SOCKET_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);

/** PostgreSQL SQLSTATEs outside class 08 (connection exception) that mean the same. */
const UNAVAILABLE_SQLSTATES = new Set([
  '57P01', // admin_shutdown: the server is stopping, or pg_terminate_backend
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: starting up, recovering
  '57P05', // idle_session_timeout
  '57014', // query_canceled: statement_timeout, or pg_cancel_backend
  '55P03', // lock_not_available: lock_timeout
  '25P03', // idle_in_transaction_session_timeout
  '53300', // too_many_connections
]);

/** Messages of errors pg, pg-pool, Kysely and PGlite raise without a code. */
const UNAVAILABLE_MESSAGES = [
  /Connection terminated/i, // pg: "… unexpectedly", "… due to connection timeout"
  /timeout exceeded when trying to connect/i, // pg-pool: connectionTimeoutMillis
  /Query read timeout/i, // pg: query_timeout, the client-side guard against a hung server
  /connection error and is not queryable/i, // pg: a client whose socket died
  /Client was closed and is not queryable/i,
  /Cannot use a pool after calling end on the pool/i, // shutting down
  /driver has already been destroyed/i, // Kysely, after db.destroy()
  /PGlite is clos(ed|ing)/i, // PGlite, closed or closing
  /PGLite not initialized/i, // kysely-pglite-dialect, after close
];

/**
 * True when `error`, or anything it wraps (`originalError` of a GraphQLError,
 * `cause`, the `errors` of an AggregateError), says the database cannot be
 * reached or did not answer in time.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  return visit(error, 0);
}

function visit(error: unknown, depth: number): boolean {
  if (depth > 8 || error === null || typeof error !== 'object') return false;
  const e = error as { code?: unknown; message?: unknown; name?: unknown; originalError?: unknown; cause?: unknown; errors?: unknown };
  if (typeof e.code === 'string') {
    if (SOCKET_ERROR_CODES.has(e.code) || UNAVAILABLE_SQLSTATES.has(e.code)) return true;
    // Class 08: connection exception (08000, 08001, 08003, 08004, 08006, 08P01…).
    if (/^08[0-9A-Z]{3}$/.test(e.code)) return true;
  }
  if (typeof e.message === 'string') {
    if (UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(e.message as string))) return true;
    // PGlite's WebAssembly instance aborted: nothing more can run on it.
    if (e.name === 'RuntimeError' && /^Aborted\b/.test(e.message)) return true;
  }
  if (visit(e.originalError, depth + 1) || visit(e.cause, depth + 1)) return true;
  return Array.isArray(e.errors) && e.errors.some((inner) => visit(inner, depth + 1));
}
