import { createHash } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { Plugin } from 'graphql-yoga';
import type { HeaderCarrier } from './http/headers.js';
import { noteErrorCode } from './observability/request-scope.js';

/**
 * Requests per client, a token bucket each, in this process (behind several
 * instances the limit is per instance). `perMinute` tokens a minute refill a
 * bucket of `burst`; a request takes one, and one that finds none answers
 * HTTP 429, RATE_LIMITED, with Retry-After.
 */
export interface RateLimitOptions {
  /** Sustained requests a minute per client; 0 turns the limit off. */
  perMinute: number;
  /** Requests a client may send at once before the sustained rate applies. */
  burst: number;
  /** `ip`: per client address; `token`: per bearer token (hashed) when one is sent, else per address. */
  key: 'ip' | 'token';
  /** Loopback clients (127.0.0.0/8, ::1) are not limited: local use and tests. */
  exemptLoopback: boolean;
  /** Proxies in front whose X-Forwarded-For entries are trusted: 0 reads only the socket's address. */
  trustProxy: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { perMinute: 300, burst: 60, key: 'ip', exemptLoopback: true, trustProxy: 0 };

/** Probes and scrapes are never limited. */
const EXEMPT_PATHS = new Set(['/health', '/ready', '/metrics']);

/** Clients tracked at most; past it, buckets that have refilled are dropped first, then the oldest. */
export const TRACKED_CLIENTS_LIMIT = 10_000;

export type Take = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Token buckets by key. Pure apart from the clock it is given. */
export class TokenBuckets {
  readonly #buckets = new Map<string, { tokens: number; at: number }>();
  readonly #perMs: number;

  constructor(
    private readonly perMinute: number,
    private readonly burst: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.#perMs = perMinute / 60_000;
  }

  take(key: string): Take {
    const now = this.now();
    let bucket = this.#buckets.get(key);
    if (bucket) {
      bucket.tokens = Math.min(this.burst, bucket.tokens + (now - bucket.at) * this.#perMs);
      bucket.at = now;
    } else {
      this.#makeRoom(now);
      bucket = { tokens: this.burst, at: now };
      this.#buckets.set(key, bucket);
    }
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / this.#perMs / 1000)) };
  }

  get size(): number {
    return this.#buckets.size;
  }

  #makeRoom(now: number) {
    if (this.#buckets.size < TRACKED_CLIENTS_LIMIT) return;
    for (const [key, bucket] of this.#buckets) {
      if (bucket.tokens + (now - bucket.at) * this.#perMs >= this.burst) this.#buckets.delete(key);
    }
    while (this.#buckets.size >= TRACKED_CLIENTS_LIMIT) this.#buckets.delete(this.#buckets.keys().next().value!);
  }
}

/** The server context of a request: node's http server passes `{ req }`; tests pass the same shape to app.fetch. */
export interface ClientServerContext {
  req?: { socket?: { remoteAddress?: string } };
}

/**
 * The client's address: the socket's, or with `trustProxy` = n, the entry n
 * hops back in X-Forwarded-For (each trusted proxy appends the address it
 * saw; entries further left were written by the client and may be forged).
 * Undefined when unknown (an in-process call with no socket).
 */
export function clientAddress(request: HeaderCarrier, serverContext: ClientServerContext, trustProxy: number): string | undefined {
  const socket = serverContext.req?.socket?.remoteAddress;
  if (socket === undefined) return undefined;
  const forwarded = (request.headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => isIPv4(entry) || isIPv6(entry));
  const chain = [socket, ...forwarded.reverse()];
  return unmapped(chain[Math.min(trustProxy, chain.length - 1)]!);
}

/** "::ffff:10.0.0.1" (an IPv4 client on a dual-stack socket) is 10.0.0.1. */
function unmapped(address: string): string {
  return address.startsWith('::ffff:') && isIPv4(address.slice(7)) ? address.slice(7) : address;
}

export function isLoopback(address: string): boolean {
  return address === '::1' || (isIPv4(address) && address.startsWith('127.'));
}

/** The bucket a request draws from, or undefined when it is not limited. */
export function rateLimitKey(request: HeaderCarrier, address: string | undefined, options: RateLimitOptions): string | undefined {
  if (address === undefined || (options.exemptLoopback && isLoopback(address))) return undefined;
  const bearer = options.key === 'token' ? /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '')?.[1] : undefined;
  // A token is never kept: only its hash, as a key.
  return bearer ? `token:${createHash('sha256').update(bearer).digest('hex').slice(0, 32)}` : `ip:${address}`;
}

/**
 * The limit one server applies, whichever way a request reaches it: the app
 * (useRateLimit) and the fast lane in front of it (src/http/fast-lane.ts)
 * draw from the same buckets, so a client has one bucket.
 */
export class RateLimiter {
  readonly #buckets: TokenBuckets;

  constructor(private readonly options: RateLimitOptions) {
    this.#buckets = new TokenBuckets(options.perMinute, options.burst);
  }

  /** Takes the request's token; a refusal takes none. Probes, scrapes and clients not limited always pass. */
  take(request: HeaderCarrier, serverContext: ClientServerContext, path: string): Take {
    if (EXEMPT_PATHS.has(path)) return { allowed: true };
    const key = rateLimitKey(request, clientAddress(request, serverContext, this.options.trustProxy), this.options);
    return key === undefined ? { allowed: true } : this.#buckets.take(key);
  }
}

/** The limiter for `options`; undefined when it is off (RATE_LIMIT_PER_MINUTE=0). */
export function rateLimiter(options: RateLimitOptions): RateLimiter | undefined {
  return options.perMinute === 0 ? undefined : new RateLimiter(options);
}

/** The rate limit as a yoga plugin: answers 429 before anything is parsed. */
export function useRateLimit(limiter: RateLimiter): Plugin<object, ClientServerContext> {
  return {
    onRequest({ request, url, serverContext, endResponse, fetchAPI }) {
      const take = limiter.take(request, serverContext, url.pathname);
      if (take.allowed) return;
      noteErrorCode(request, 'RATE_LIMITED');
      const body = {
        errors: [{ message: `Too many requests: try again in ${take.retryAfterSeconds} s.`, extensions: { code: 'RATE_LIMITED' } }],
      };
      endResponse(
        new fetchAPI.Response(JSON.stringify(body), {
          status: 429,
          headers: { 'content-type': 'application/json; charset=utf-8', 'retry-after': String(take.retryAfterSeconds) },
        }),
      );
    },
  };
}
