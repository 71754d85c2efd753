// Graceful shutdown of the HTTP server: on SIGTERM or SIGINT, drain the
// requests in flight within a bound, then close the database and exit.
import type { Server, ServerResponse } from 'node:http';
import { Server as NetServer } from 'node:net';
import { constants } from 'node:os';

/** How long requests in flight may take to finish after a signal (`SHUTDOWN_TIMEOUT_MS`). */
export const DEFAULT_SHUTDOWN_TIMEOUT_MS = 10_000;
/** How long closing the database may take once the requests are done or cut. */
export const DATABASE_CLOSE_TIMEOUT_MS = 5_000;

/**
 * `SHUTDOWN_TIMEOUT_MS`: a whole number of milliseconds, 0 or more (0: cut
 * whatever is in flight at once). Unset or empty: the default. Anything else
 * throws a message naming the variable, so the server refuses to start.
 */
export function shutdownTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.SHUTDOWN_TIMEOUT_MS;
  if (raw === undefined || raw.trim() === '') return DEFAULT_SHUTDOWN_TIMEOUT_MS;
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(Number(raw))) {
    throw new Error(`Invalid environment: SHUTDOWN_TIMEOUT_MS: expected a whole number of milliseconds (0 or more), got "${raw}"`);
  }
  return Number(raw);
}

/**
 * Before the server listens (migrating, seeding) nothing is served and there
 * is nothing to drain: a signal stops the start at once, with the signal's
 * status (130 for SIGINT, 143 for SIGTERM). A seed or refresh under way is
 * not committed, so the database is as it was. Returns the function that
 * removes these handlers, to call as the drain takes over.
 */
export function exitOnSignalsDuringStart(
  log: (line: string) => void = (line) => console.log(`[modelgraph] ${line}`),
  exit: (code: number) => void = (code) => process.exit(code),
): () => void {
  const signals = ['SIGTERM', 'SIGINT'] as const;
  const handler = (signal: NodeJS.Signals) => {
    log(`${signal} during start-up: stopping (nothing is served yet; a seed under way is not committed)`);
    exit(128 + constants.signals[signal]);
  };
  for (const signal of signals) process.on(signal, handler);
  return () => {
    for (const signal of signals) process.off(signal, handler);
  };
}

export interface DrainOptions {
  /** Bound on the drain, in milliseconds. */
  timeoutMs: number;
  /** Closes the database (the pg pool or PGlite): `db.destroy()`. */
  closeDatabase: () => Promise<void>;
  log?: (line: string) => void;
  exit?: (code: number) => void;
  signals?: NodeJS.Signals[];
}

export interface Drain {
  /** True from the first signal on: /ready answers 503. */
  readonly draining: boolean;
  /** Starts the drain as a signal would (the signal handlers call this). */
  start(reason: string): void;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
/**
 * Resolves once the event loop has polled for I/O at least once more: two
 * hops, since an immediate scheduled while polling runs before the next poll.
 */
const afterPoll = () => new Promise<void>((resolve) => setImmediate(() => setImmediate(resolve)));

/**
 * Tracks the server's requests in flight and, on the first SIGTERM or SIGINT:
 *
 * 1. marks the server as draining (/ready answers 503, every response says
 *    `Connection: close`) and stops listening: new connections are refused;
 * 2. waits for the requests in flight to finish, up to `timeoutMs`;
 * 3. closes the connections left (idle keep-alive ones), then the database;
 * 4. exits 0 — or, past the bound, cuts what is left and exits 1 saying how
 *    many requests were cut.
 *
 * Stopping listening waits for a poll of the event loop that accepts no
 * connection. Node accepts one queued connection per turn, and a busy server
 * (PGlite answers a whole request within one turn) can have several queued
 * when the signal comes: their clients sent their requests before it, and
 * closing the listening socket at once would reset them unanswered.
 *
 * A second signal during the drain is logged and changes nothing: the drain
 * goes on, still bounded (a terminal's Ctrl-C under npm delivers SIGINT twice,
 * the terminal's and npm's, and must not cut requests). SIGKILL stops the
 * process at once.
 */
export function drainOnSignals(server: Server, options: DrainOptions): Drain {
  const log = options.log ?? ((line: string) => console.log(`[modelgraph] ${line}`));
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const inFlight = new Set<ServerResponse>();
  let draining = false;
  let listening = true;
  let finished = false;
  let startedAt = 0;
  /** Connections accepted, in all and before the signal. */
  let accepted = 0;
  let acceptedBeforeSignal = 0;
  let bound: NodeJS.Timeout | undefined;

  server.on('connection', () => void (accepted += 1));
  // Before the application's listener, so a response started during the
  // drain carries `Connection: close` before anything is written.
  server.prependListener('request', (_request, response: ServerResponse) => {
    inFlight.add(response);
    if (draining) response.setHeader('connection', 'close');
    response.once('close', () => {
      inFlight.delete(response);
      void finishIfDrained();
    });
  });

  async function stopListening() {
    let seen = accepted;
    do {
      seen = accepted;
      await afterPoll();
    } while (accepted !== seen && !finished);
    if (finished) return;
    // net.Server's close, not http.Server's: the latter also destroys idle
    // keep-alive connections at once, and with them any request that has
    // arrived on one but is not yet read. They stay open during the drain
    // (a request on one is served, with `Connection: close`) and are closed
    // once the requests in flight are done.
    NetServer.prototype.close.call(server);
    listening = false;
    const queued = accepted - acceptedBeforeSignal;
    log(
      `stopped listening after ${Date.now() - startedAt} ms${queued > 0 ? ` (${plural(queued, 'queued connection')} accepted first)` : ''}; ${plural(inFlight.size, 'request')} in flight`,
    );
    await finishIfDrained();
  }

  async function finishIfDrained() {
    if (!draining || listening || finished || inFlight.size > 0) return;
    // Two more polls first: a request the system has already received on a
    // connection just accepted (or kept alive) is read in them, and is then
    // in flight rather than cut with its connection.
    await afterPoll();
    await afterPoll();
    if (inFlight.size > 0 || finished) return;
    clearTimeout(bound);
    await finish(0);
  }

  async function closeDatabase(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), DATABASE_CLOSE_TIMEOUT_MS);
    });
    try {
      const outcome = await Promise.race([options.closeDatabase().then(() => 'closed' as const), timedOut]);
      if (outcome === 'timeout') {
        log(`the database did not close within ${DATABASE_CLOSE_TIMEOUT_MS} ms; exiting without it`);
        return false;
      }
      log('database closed');
      return true;
    } catch (error) {
      log(`closing the database failed: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  async function finish(cut: number) {
    if (finished) return;
    finished = true;
    if (cut > 0) {
      log(`shutdown bound of ${options.timeoutMs} ms passed: cutting ${plural(cut, 'request')} still in flight`);
    } else {
      log(`requests in flight finished after ${Date.now() - startedAt} ms; closing the idle connections`);
    }
    if (listening) NetServer.prototype.close.call(server);
    listening = false;
    server.closeAllConnections();
    const closed = await closeDatabase();
    const code = cut > 0 || !closed ? 1 : 0;
    log(cut > 0 ? `stopped after ${Date.now() - startedAt} ms: ${plural(cut, 'request')} cut (exit 1)` : `stopped after ${Date.now() - startedAt} ms (exit ${code})`);
    exit(code);
  }

  function start(reason: string) {
    if (draining) {
      const left = Math.max(0, options.timeoutMs - (Date.now() - startedAt));
      log(`${reason} during the drain: still draining (${plural(inFlight.size, 'request')} in flight, at most ${left} ms left); SIGKILL stops at once`);
      return;
    }
    draining = true;
    startedAt = Date.now();
    acceptedBeforeSignal = accepted;
    log(`${reason}: draining — /ready answers 503, new connections will be refused; ${plural(inFlight.size, 'request')} in flight, given up to ${options.timeoutMs} ms`);
    for (const response of inFlight) if (!response.headersSent) response.setHeader('connection', 'close');
    bound = setTimeout(() => void finish(inFlight.size), options.timeoutMs);
    void stopListening();
  }

  for (const signal of options.signals ?? (['SIGTERM', 'SIGINT'] as NodeJS.Signals[])) {
    process.on(signal, () => start(signal));
  }
  return {
    get draining() {
      return draining;
    },
    start,
  };
}
