import { describe, expect, it } from 'vitest';
import { clientAddress, DEFAULT_RATE_LIMIT, isLoopback, rateLimitKey, TokenBuckets, TRACKED_CLIENTS_LIMIT } from '../../src/rate-limit.js';

describe('TokenBuckets', () => {
  it('lets a burst through, then one request per refill interval, and says when to retry', () => {
    let now = 0;
    const buckets = new TokenBuckets(60, 3, () => now); // one token a second, three at once
    expect([1, 2, 3].map(() => buckets.take('a').allowed)).toEqual([true, true, true]);
    expect(buckets.take('a')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    // Another client has its own bucket.
    expect(buckets.take('b').allowed).toBe(true);
    now = 999;
    expect(buckets.take('a').allowed).toBe(false);
    now = 1000;
    expect(buckets.take('a').allowed).toBe(true);
    expect(buckets.take('a').allowed).toBe(false);
    // A long pause refills to the burst, no more.
    now = 60_000;
    expect([1, 2, 3, 4].map(() => buckets.take('a').allowed)).toEqual([true, true, true, false]);
  });

  it('rounds Retry-After up to whole seconds', () => {
    let now = 0;
    const buckets = new TokenBuckets(6, 1, () => now); // one token every 10 s
    buckets.take('a');
    expect(buckets.take('a')).toEqual({ allowed: false, retryAfterSeconds: 10 });
    now = 2500;
    expect(buckets.take('a')).toEqual({ allowed: false, retryAfterSeconds: 8 });
  });

  it('tracks a bounded number of clients, dropping refilled buckets first', () => {
    let now = 0;
    const buckets = new TokenBuckets(60, 2, () => now);
    buckets.take('busy');
    buckets.take('busy');
    for (let i = 0; i < TRACKED_CLIENTS_LIMIT + 10; i++) buckets.take(`client-${i}`);
    expect(buckets.size).toBeLessThanOrEqual(TRACKED_CLIENTS_LIMIT);
    now = 5000; // every bucket has refilled: the next newcomer sweeps them all out
    buckets.take('newcomer');
    expect(buckets.size).toBeLessThan(10);
  });
});

const request = (headers: Record<string, string> = {}) => new Request('http://modelgraph.test/graphql', { headers });
const socket = (remoteAddress?: string) => ({ req: { socket: { remoteAddress } } });

describe('clientAddress', () => {
  it("is the socket's address unless proxies are trusted; unknown without a socket", () => {
    expect(clientAddress(request({ 'x-forwarded-for': '198.51.100.1' }), socket('203.0.113.9'), 0)).toBe('203.0.113.9');
    expect(clientAddress(request(), {}, 0)).toBeUndefined();
    expect(clientAddress(request(), socket('::ffff:203.0.113.9'), 0)).toBe('203.0.113.9');
  });

  it('with n trusted proxies, is the entry n hops back in X-Forwarded-For, never one the client wrote further left', () => {
    const forwarded = request({ 'x-forwarded-for': '6.6.6.6, 198.51.100.1, 10.0.0.2' });
    expect(clientAddress(forwarded, socket('127.0.0.1'), 1)).toBe('10.0.0.2');
    expect(clientAddress(forwarded, socket('127.0.0.1'), 2)).toBe('198.51.100.1');
    // Fewer entries than trusted hops: the furthest one there is.
    expect(clientAddress(request({ 'x-forwarded-for': '198.51.100.1' }), socket('127.0.0.1'), 3)).toBe('198.51.100.1');
    // No header: the socket.
    expect(clientAddress(request(), socket('127.0.0.1'), 1)).toBe('127.0.0.1');
    // Garbage entries are not addresses.
    expect(clientAddress(request({ 'x-forwarded-for': 'evil, <script>' }), socket('127.0.0.1'), 1)).toBe('127.0.0.1');
  });
});

describe('rateLimitKey', () => {
  it('exempts loopback and unknown clients by default, not otherwise', () => {
    expect(isLoopback('127.0.0.1') && isLoopback('127.3.2.1') && isLoopback('::1')).toBe(true);
    expect(isLoopback('10.0.0.1') || isLoopback('::2')).toBe(false);
    expect(rateLimitKey(request(), '127.0.0.1', DEFAULT_RATE_LIMIT)).toBeUndefined();
    expect(rateLimitKey(request(), undefined, DEFAULT_RATE_LIMIT)).toBeUndefined();
    expect(rateLimitKey(request(), '127.0.0.1', { ...DEFAULT_RATE_LIMIT, exemptLoopback: false })).toBe('ip:127.0.0.1');
  });

  it('keys by address; by the hashed bearer token only when asked to (a token nobody checks would be a way around the limit)', () => {
    const withToken = request({ authorization: 'Bearer sk-secret' });
    expect(rateLimitKey(withToken, '203.0.113.9', DEFAULT_RATE_LIMIT)).toBe('ip:203.0.113.9');
    const key = rateLimitKey(withToken, '203.0.113.9', { ...DEFAULT_RATE_LIMIT, key: 'token' })!;
    expect(key).toMatch(/^token:[0-9a-f]{32}$/);
    expect(key).not.toContain('sk-secret');
    expect(rateLimitKey(request(), '203.0.113.9', { ...DEFAULT_RATE_LIMIT, key: 'token' })).toBe('ip:203.0.113.9');
  });
});
