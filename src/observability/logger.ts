import { inspect } from 'node:util';
import { GraphQLError } from 'graphql';
import type { YogaLogger } from 'graphql-yoga';
import { type DestinationStream, type Level, type Logger, pino } from 'pino';

export type { Logger } from 'pino';

/**
 * The server's structured log: one JSON object a line (pino) with an ISO
 * time, on stdout unless `destination` is given. Written synchronously, so
 * the lines keep their order with the plain-text lines about starting and
 * stopping (src/server.ts, src/shutdown.ts) and none is lost at exit; a
 * line a request costs microseconds. The request lines (src/observability/telemetry.ts) never carry
 * headers or variables; the redaction below is a second guard should a later
 * log call pass a request's headers or variables whole.
 */
export function createLog(level: Level | 'silent', destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'modelgraph' },
      timestamp: pino.stdTimeFunctions.isoTime,
      serializers: { err: pino.stdSerializers.err, cause: pino.stdSerializers.err },
      redact: {
        paths: ['authorization', 'headers.authorization', 'headers.cookie', 'variables', '*.authorization', '*.variables'],
        censor: '[redacted]',
      },
    },
    destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

/**
 * yoga's logger writing into `log`: an error yoga reports (an unexpected
 * one, masked for the client) is logged with its stack, and the error it
 * wraps (a database error, say) as `cause`.
 */
export function yogaLogger(log: Logger): YogaLogger {
  const at =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (...args: unknown[]) => {
      const error = args.find((arg): arg is Error => arg instanceof Error);
      const text = args
        .filter((arg) => arg !== error)
        .map((arg) => (typeof arg === 'string' ? arg : inspect(arg, { depth: 3 })))
        .join(' ');
      if (!error) return log[level](text);
      const cause = error instanceof GraphQLError ? error.originalError : error.cause;
      log[level]({ err: error, ...(cause ? { cause } : {}), ...(error instanceof GraphQLError && error.path ? { path: error.path } : {}) }, text || error.message);
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** A log that writes nothing: an app given no log still runs its request telemetry (metrics). */
export const silentLog: Logger = createLog('silent');
