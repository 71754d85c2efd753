import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SHUTDOWN_TIMEOUT_MS, type Drain, drainOnSignals, shutdownTimeoutMs } from '../../src/shutdown.js';

describe('SHUTDOWN_TIMEOUT_MS', () => {
  it('defaults to 10 s, takes whole milliseconds, and names itself when invalid', () => {
    expect(DEFAULT_SHUTDOWN_TIMEOUT_MS).toBe(10_000);
    expect(shutdownTimeoutMs({})).toBe(10_000);
    expect(shutdownTimeoutMs({ SHUTDOWN_TIMEOUT_MS: '' })).toBe(10_000);
    expect(shutdownTimeoutMs({ SHUTDOWN_TIMEOUT_MS: '2500' })).toBe(2500);
    expect(shutdownTimeoutMs({ SHUTDOWN_TIMEOUT_MS: '0' })).toBe(0);
    for (const bad of ['-1', '1.5', '10s', 'soon', '99999999999999999999']) {
      expect(() => shutdownTimeoutMs({ SHUTDOWN_TIMEOUT_MS: bad })).toThrow(/SHUTDOWN_TIMEOUT_MS: expected a whole number of milliseconds/);
    }
  });
});

/**
 * The drain on an in-process server whose handler answers when the test
 * says so (the requests in flight), with the signal, the database and the
 * exit replaced by spies.
 */
function harness(timeoutMs: number, closeDatabase: () => Promise<void> = async () => {}) {
  const pending: Array<() => void> = [];
  let received = 0;
  const server = http.createServer((request, response) => {
    received += 1;
    if (request.url === '/ready') {
      response.statusCode = drain.draining ? 503 : 200;
      response.end();
      return;
    }
    pending.push(() => response.end('done'));
  });
  const events: string[] = [];
  let exited: (code: number) => void;
  const exit = new Promise<number>((resolve) => (exited = resolve));
  const drain: Drain = drainOnSignals(server, {
    timeoutMs,
    closeDatabase: async () => {
      events.push('database closing');
      await closeDatabase();
    },
    log: (line) => events.push(line),
    exit: (code) => exited(code),
    signals: [],
  });
  return {
    server,
    drain,
    events,
    exit,
    release: () => pending.splice(0).forEach((answer) => answer()),
    received: () => received,
    listen: () => new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port))),
  };
}

function get(port: number, path: string, agent: http.Agent | false = false) {
  return new Promise<{ status: number; body: string; connection?: string }>((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path, agent }, (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, body, connection: res.headers.connection }));
      })
      .on('error', reject);
  });
}

const until = async (condition: () => boolean) => {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
};

let servers: http.Server[] = [];
afterEach(() => {
  for (const server of servers) server.closeAllConnections();
  servers = [];
});

describe('the drain', () => {
  it('lets the requests in flight finish, refuses new connections, then closes the database and exits 0', async () => {
    const h = harness(5_000);
    servers.push(h.server);
    const port = await h.listen();
    const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 1 });
    expect((await get(port, '/ready', keepAlive)).status).toBe(200);
    const inFlight = [get(port, '/a'), get(port, '/b')];
    await until(() => h.received() === 3);

    h.drain.start('SIGTERM');
    expect(h.drain.draining).toBe(true);
    expect(h.events).toEqual([expect.stringMatching(/^SIGTERM: draining — \/ready answers 503, new connections will be refused; 2 requests in flight, given up to 5000 ms$/)]);
    // The listening socket closes after a poll of the event loop that accepts nothing.
    await until(() => h.events.length === 2);
    expect(h.events[1]).toMatch(/^stopped listening after \d+ ms; 2 requests in flight$/);
    await expect(get(port, '/c')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    // The connection kept alive from before still answers, 503 for /ready, and is closed after.
    expect(await get(port, '/ready', keepAlive)).toMatchObject({ status: 503, connection: 'close' });
    h.drain.start('SIGINT');
    expect(h.events.at(-1)).toMatch(/^SIGINT during the drain: still draining \(2 requests in flight, at most \d+ ms left\)/);
    expect(h.events).not.toContain('database closing');

    h.release();
    expect(await Promise.all(inFlight)).toEqual([
      { status: 200, body: 'done', connection: 'close' },
      { status: 200, body: 'done', connection: 'close' },
    ]);
    expect(await h.exit).toBe(0);
    expect(h.events.slice(-4)).toEqual([
      expect.stringMatching(/^requests in flight finished after \d+ ms; closing the idle connections$/),
      'database closing',
      'database closed',
      expect.stringMatching(/^stopped after \d+ ms \(exit 0\)$/),
    ]);
  });

  it('with nothing in flight, stops at once', async () => {
    const h = harness(5_000);
    servers.push(h.server);
    await h.listen();
    h.drain.start('SIGTERM');
    expect(await h.exit).toBe(0);
    expect(h.events[0]).toMatch(/0 requests in flight/);
  });

  it('past the bound, cuts what is left, says how many, closes the database and exits 1', async () => {
    const h = harness(50);
    servers.push(h.server);
    const port = await h.listen();
    const inFlight = [get(port, '/a'), get(port, '/b')].map((p) => p.then(() => 'answered', (error: NodeJS.ErrnoException) => error.code));
    await until(() => h.received() === 2);
    const started = Date.now();
    h.drain.start('SIGTERM');
    expect(await h.exit).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    expect(await Promise.all(inFlight)).toEqual(['ECONNRESET', 'ECONNRESET']);
    expect(h.events.slice(1)).toEqual([
      expect.stringMatching(/^stopped listening after \d+ ms; 2 requests in flight$/),
      'shutdown bound of 50 ms passed: cutting 2 requests still in flight',
      'database closing',
      'database closed',
      expect.stringMatching(/^stopped after \d+ ms: 2 requests cut \(exit 1\)$/),
    ]);
  });

  it('exits 1 when the database does not close', async () => {
    const h = harness(5_000, async () => {
      throw new Error('connection lost');
    });
    servers.push(h.server);
    await h.listen();
    h.drain.start('SIGTERM');
    expect(await h.exit).toBe(1);
    expect(h.events).toContain('closing the database failed: connection lost');
  });
});
