import path from 'node:path';
import { expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

it('defaults to PGlite in .modelgraph/, port 4000, the real catalog, the response cache in memory', () => {
  expect(loadConfig({}, '/srv/app')).toEqual({
    database: { kind: 'pglite', dataDir: path.resolve('/srv/app', '.modelgraph') },
    cache: { ttlSeconds: 300, maxEntries: 1000, cdnMaxAgeSeconds: 0, redisUrl: undefined, redisKeyPrefix: 'modelgraph:' },
    graphqlJit: false,
    port: 4000,
    host: '127.0.0.1',
    dataset: 'default',
    logLevel: 'info',
    corsOrigins: '*',
    persistedOperations: null,
    metrics: true,
    rateLimit: { perMinute: 300, burst: 60, key: 'ip', exemptLoopback: true, trustProxy: 0 },
  });
});

it('turns the response cache off with RESPONSE_CACHE=off, and shares it through Redis with REDIS_URL', () => {
  expect(loadConfig({ RESPONSE_CACHE: 'off' }).cache).toBeNull();
  expect(loadConfig({ REDIS_URL: 'redis://cache:6379', REDIS_KEY_PREFIX: 'mg:', RESPONSE_CACHE_TTL_SECONDS: '30' }).cache).toMatchObject({
    redisUrl: 'redis://cache:6379',
    redisKeyPrefix: 'mg:',
    ttlSeconds: 30,
  });
  expect(() => loadConfig({ RESPONSE_CACHE: 'maybe' })).toThrow(/RESPONSE_CACHE/);
});

it('executes with graphql-jit only when GRAPHQL_JIT=on', () => {
  expect(loadConfig({ GRAPHQL_JIT: 'on' }).graphqlJit).toBe(true);
  expect(loadConfig({ GRAPHQL_JIT: 'off' }).graphqlJit).toBe(false);
  expect(() => loadConfig({ GRAPHQL_JIT: 'yes' })).toThrow(/GRAPHQL_JIT/);
});

it('reads PERSISTED_OPERATIONS as a path from the working directory', () => {
  expect(loadConfig({ PERSISTED_OPERATIONS: 'examples/typed/persisted-documents.json' }, '/srv/app').persistedOperations).toBe(
    path.resolve('/srv/app', 'examples/typed/persisted-documents.json'),
  );
});

it('reads metrics, the rate limit and the trusted proxies', () => {
  const config = loadConfig({
    METRICS: 'off',
    RATE_LIMIT_PER_MINUTE: '0',
    RATE_LIMIT_BURST: '5',
    RATE_LIMIT_KEY: 'token',
    RATE_LIMIT_LOOPBACK: 'limit',
    TRUST_PROXY: '1',
  });
  expect(config.metrics).toBe(false);
  expect(config.rateLimit).toEqual({ perMinute: 0, burst: 5, key: 'token', exemptLoopback: false, trustProxy: 1 });
  expect(() => loadConfig({ METRICS: 'yes' })).toThrow(/METRICS/);
  expect(() => loadConfig({ RATE_LIMIT_BURST: '0' })).toThrow(/RATE_LIMIT_BURST/);
  expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/);
});

it('uses PostgreSQL when DATABASE_URL is set and honours overrides', () => {
  const config = loadConfig({ DATABASE_URL: 'postgres://localhost/x', PORT: '8080', DATA_DIR: 'ignored' }, '/srv');
  expect(config.database).toEqual({
    kind: 'postgres',
    url: 'postgres://localhost/x',
    limits: { poolSize: 10, connectTimeoutMs: 2000, statementTimeoutMs: 5000, idleInTransactionTimeoutMs: 10000 },
  });
  expect(config.port).toBe(8080);
  expect(loadConfig({ DATA_DIR: '/var/lib/mg' }).database).toEqual({ kind: 'pglite', dataDir: '/var/lib/mg' });
});

it('treats an empty variable as unset', () => {
  expect(loadConfig({ DATABASE_URL: '', PORT: '' }, '/srv').database.kind).toBe('pglite');
});

it('names the variable that is wrong', () => {
  expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
  expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
  expect(() => loadConfig({ MODELGRAPH_DATASET: 'nope' })).toThrow(/MODELGRAPH_DATASET/);
});

it('reads the pool size and the database timeouts; 0 turns a timeout off', () => {
  const config = loadConfig({
    DATABASE_URL: 'postgres://localhost/x',
    DATABASE_POOL_SIZE: '4',
    DATABASE_CONNECT_TIMEOUT_MS: '750',
    DATABASE_STATEMENT_TIMEOUT_MS: '0',
    DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: '30000',
  });
  expect(config.database).toMatchObject({
    limits: { poolSize: 4, connectTimeoutMs: 750, statementTimeoutMs: 0, idleInTransactionTimeoutMs: 30000 },
  });
  expect(() => loadConfig({ DATABASE_POOL_SIZE: '0' })).toThrow(/DATABASE_POOL_SIZE/);
  expect(() => loadConfig({ DATABASE_STATEMENT_TIMEOUT_MS: '-1' })).toThrow(/DATABASE_STATEMENT_TIMEOUT_MS/);
  expect(() => loadConfig({ DATABASE_CONNECT_TIMEOUT_MS: '2s' })).toThrow(/DATABASE_CONNECT_TIMEOUT_MS/);
});

it('sends reads to DATABASE_READ_URL with the primary\'s timeouts, its pool DATABASE_READ_POOL_SIZE or else DATABASE_POOL_SIZE', () => {
  const primary = { DATABASE_URL: 'postgres://primary/x', DATABASE_POOL_SIZE: '6', DATABASE_STATEMENT_TIMEOUT_MS: '3000' };
  expect(loadConfig({ ...primary, DATABASE_READ_URL: 'postgres://replica/x' }).database).toEqual({
    kind: 'postgres',
    url: 'postgres://primary/x',
    limits: { poolSize: 6, connectTimeoutMs: 2000, statementTimeoutMs: 3000, idleInTransactionTimeoutMs: 10000 },
    readReplica: { url: 'postgres://replica/x', limits: { poolSize: 6, connectTimeoutMs: 2000, statementTimeoutMs: 3000, idleInTransactionTimeoutMs: 10000 } },
  });
  expect(loadConfig({ ...primary, DATABASE_READ_URL: 'postgres://replica/x', DATABASE_READ_POOL_SIZE: '20' }).database).toMatchObject({
    limits: { poolSize: 6 },
    readReplica: { limits: { poolSize: 20, statementTimeoutMs: 3000 } },
  });
  expect(loadConfig(primary).database).not.toHaveProperty('readReplica');
  expect(() => loadConfig({ ...primary, DATABASE_READ_URL: 'replica' })).toThrow(/DATABASE_READ_URL/);
  expect(() => loadConfig({ ...primary, DATABASE_READ_URL: 'postgres://replica/x', DATABASE_READ_POOL_SIZE: '0' })).toThrow(/DATABASE_READ_POOL_SIZE/);
});

it('refuses DATABASE_READ_URL on PGlite (no DATABASE_URL), saying why and what to do', () => {
  for (const env of [{ DATABASE_READ_URL: 'postgres://replica/x' }, { DATABASE_READ_URL: 'postgres://replica/x', DATA_DIR: '/var/lib/mg' }]) {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(
      'DATABASE_READ_URL needs DATABASE_URL: it sends reads to a replica of a PostgreSQL primary, and without DATABASE_URL the database is the embedded PGlite, which has no replicas. Set DATABASE_URL to the primary, or unset DATABASE_READ_URL.',
    );
  }
});

it('reads CORS_ORIGINS: any origin by default, or the origins listed; anything else is refused, naming it', () => {
  expect(loadConfig({ CORS_ORIGINS: '*' }).corsOrigins).toBe('*');
  expect(loadConfig({ CORS_ORIGINS: 'https://app.example.com, http://localhost:5173,https://app.example.com' }).corsOrigins).toEqual([
    'https://app.example.com',
    'http://localhost:5173',
  ]);
  expect(() => loadConfig({ CORS_ORIGINS: 'https://app.example.com/' })).toThrow(/CORS_ORIGINS: "https:\/\/app.example.com\/" is not an origin/);
  expect(() => loadConfig({ CORS_ORIGINS: 'app.example.com' })).toThrow(/CORS_ORIGINS/);
  expect(() => loadConfig({ CORS_ORIGINS: 'https://a.example.com,*' })).toThrow(/CORS_ORIGINS: "\*" is not an origin/);
  expect(() => loadConfig({ CORS_ORIGINS: ' , ' })).toThrow(/CORS_ORIGINS: lists no origin/);
});
