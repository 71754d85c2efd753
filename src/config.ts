import path from 'node:path';
import { z } from 'zod';
import { type CorsOrigins, parseCorsOrigins } from './cors.js';
import { DEFAULT_RATE_LIMIT, type RateLimitOptions } from './rate-limit.js';

/** Datasets the server can seed an empty database with: the real catalog, or the seed page alone. */
export const DATASET_NAMES = ['default', 'seed-page'] as const;
export type DatasetName = (typeof DATASET_NAMES)[number];

const environmentSchema = z.object({
  DATABASE_URL: z.string().url().optional(),
  DATABASE_READ_URL: z.string().url().optional(),
  DATABASE_READ_POOL_SIZE: z.coerce.number().int().min(1).max(1000).optional(),
  DATA_DIR: z.string().min(1).optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().min(1).default('127.0.0.1'),
  MODELGRAPH_DATASET: z.enum(DATASET_NAMES).default('default'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(1000).default(10),
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(0).default(2000),
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).default(5000),
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: z.coerce.number().int().min(0).default(10000),
  CORS_ORIGINS: z
    .string()
    .default('*')
    .transform((text, ctx) => {
      try {
        return parseCorsOrigins(text);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    }),
  RESPONSE_CACHE: z.enum(['on', 'off']).default('on'),
  RESPONSE_CACHE_TTL_SECONDS: z.coerce.number().int().min(1).default(300),
  RESPONSE_CACHE_MAX_ENTRIES: z.coerce.number().int().min(1).default(1000),
  RESPONSE_CACHE_CDN_MAX_AGE_SECONDS: z.coerce.number().int().min(0).default(0),
  REDIS_URL: z.string().url().optional(),
  REDIS_KEY_PREFIX: z.string().min(1).default('modelgraph:'),
  GRAPHQL_JIT: z.enum(['on', 'off']).default('off'),
  PERSISTED_OPERATIONS: z.string().min(1).optional(),
  METRICS: z.enum(['on', 'off']).default('on'),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(DEFAULT_RATE_LIMIT.perMinute),
  RATE_LIMIT_BURST: z.coerce.number().int().min(1).default(DEFAULT_RATE_LIMIT.burst),
  RATE_LIMIT_KEY: z.enum(['ip', 'token']).default(DEFAULT_RATE_LIMIT.key),
  RATE_LIMIT_LOOPBACK: z.enum(['exempt', 'limit']).default('exempt'),
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(DEFAULT_RATE_LIMIT.trustProxy),
});

/**
 * How the PostgreSQL pool behaves when the database is slow, hung or gone
 * (src/db/client.ts applies them; PGlite, in process, has no pool). 0 turns a
 * timeout off.
 */
export interface DatabaseLimits {
  /** Connections the pool keeps at most. */
  poolSize: number;
  /** How long to wait for a connection, new or from a full pool. */
  connectTimeoutMs: number;
  /**
   * PostgreSQL's statement_timeout. The client also gives up on a query
   * 1 s after it (the database may be hung and never cancel it itself).
   */
  statementTimeoutMs: number;
  /** PostgreSQL's idle_in_transaction_session_timeout. */
  idleInTransactionTimeoutMs: number;
}

export const DEFAULT_DATABASE_LIMITS: DatabaseLimits = {
  poolSize: 10,
  connectTimeoutMs: 2000,
  statementTimeoutMs: 5000,
  idleInTransactionTimeoutMs: 10000,
};

/**
 * A PostgreSQL replica the GraphQL reads go to (DATABASE_READ_URL): its own
 * pool, with the primary's timeouts and DATABASE_READ_POOL_SIZE connections
 * (by default as many as the primary's).
 */
export interface ReadReplica {
  url: string;
  limits: DatabaseLimits;
}

export type Database =
  | { kind: 'postgres'; url: string; limits: DatabaseLimits; readReplica?: ReadReplica }
  | { kind: 'pglite'; dataDir: string };

/** The response cache (src/cache/): null when RESPONSE_CACHE=off. */
export interface CacheConfig {
  ttlSeconds: number;
  /** In memory only (Redis evicts by its own policy). */
  maxEntries: number;
  /** `s-maxage` of cacheable responses, for a CDN in front. */
  cdnMaxAgeSeconds: number;
  /** Shared by every instance when set. */
  redisUrl?: string;
  redisKeyPrefix: string;
}

export interface Config {
  database: Database;
  cache: CacheConfig | null;
  /** Execute operations compiled by graphql-jit rather than interpreted by graphql-js (GRAPHQL_JIT=on|off). */
  graphqlJit: boolean;
  port: number;
  host: string;
  dataset: DatasetName;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** Which other origins' pages may read the API from a browser (src/cors.ts). */
  corsOrigins: CorsOrigins;
  /** A persisted-operations manifest: when set, only its operations run (src/persisted-operations.ts). */
  persistedOperations: string | null;
  /** Serve Prometheus metrics at /metrics (METRICS=on|off). */
  metrics: boolean;
  rateLimit: RateLimitOptions;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Reads the environment once, at start-up. An invalid value stops the process
 * with a message naming the variable, rather than surfacing later as a
 * confusing runtime failure.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const parsed = environmentSchema.safeParse(
    // An empty variable (FOO= in a .env file) means "not set", not "set to ''".
    Object.fromEntries(Object.entries(env).filter(([, value]) => value !== '')),
  );
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
      .join('; ');
    throw new ConfigError(`Invalid environment: ${problems}`);
  }
  const e = parsed.data;
  if (e.DATABASE_READ_URL && !e.DATABASE_URL) {
    throw new ConfigError(
      'DATABASE_READ_URL needs DATABASE_URL: it sends reads to a replica of a PostgreSQL primary, and without DATABASE_URL the database is the embedded PGlite, which has no replicas. Set DATABASE_URL to the primary, or unset DATABASE_READ_URL.',
    );
  }
  const limits: DatabaseLimits = {
    poolSize: e.DATABASE_POOL_SIZE,
    connectTimeoutMs: e.DATABASE_CONNECT_TIMEOUT_MS,
    statementTimeoutMs: e.DATABASE_STATEMENT_TIMEOUT_MS,
    idleInTransactionTimeoutMs: e.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
  };
  return {
    database: e.DATABASE_URL
      ? {
          kind: 'postgres',
          url: e.DATABASE_URL,
          limits,
          ...(e.DATABASE_READ_URL && {
            readReplica: { url: e.DATABASE_READ_URL, limits: { ...limits, poolSize: e.DATABASE_READ_POOL_SIZE ?? e.DATABASE_POOL_SIZE } },
          }),
        }
      : { kind: 'pglite', dataDir: path.resolve(cwd, e.DATA_DIR ?? '.modelgraph') },
    cache:
      e.RESPONSE_CACHE === 'off'
        ? null
        : {
            ttlSeconds: e.RESPONSE_CACHE_TTL_SECONDS,
            maxEntries: e.RESPONSE_CACHE_MAX_ENTRIES,
            cdnMaxAgeSeconds: e.RESPONSE_CACHE_CDN_MAX_AGE_SECONDS,
            redisUrl: e.REDIS_URL,
            redisKeyPrefix: e.REDIS_KEY_PREFIX,
          },
    graphqlJit: e.GRAPHQL_JIT === 'on',
    port: e.PORT,
    host: e.HOST,
    dataset: e.MODELGRAPH_DATASET,
    logLevel: e.LOG_LEVEL,
    corsOrigins: e.CORS_ORIGINS,
    persistedOperations: e.PERSISTED_OPERATIONS ? path.resolve(cwd, e.PERSISTED_OPERATIONS) : null,
    metrics: e.METRICS === 'on',
    rateLimit: {
      perMinute: e.RATE_LIMIT_PER_MINUTE,
      burst: e.RATE_LIMIT_BURST,
      key: e.RATE_LIMIT_KEY,
      exemptLoopback: e.RATE_LIMIT_LOOPBACK === 'exempt',
      trustProxy: e.TRUST_PROXY,
    },
  };
}
