import type { Dialect, Driver } from 'kysely';
import type { Db } from './client.js';

/**
 * Connections a database instance hands out right now: in use (a query or
 * a transaction holds one) and waiting (asked for one, none free yet). On
 * PostgreSQL these are the pool's; PGlite runs one statement at a time, so
 * at most one is in use and the rest wait. Read by /metrics.
 */
export interface ConnectionStats {
  inUse: number;
  waiting: number;
}

const statsByDb = new WeakMap<Db, ConnectionStats>();

/** The counts of a Db opened by src/db/client.ts; undefined for one built elsewhere. */
export function connectionStats(db: Db): ConnectionStats | undefined {
  return statsByDb.get(db);
}

export function registerConnectionStats(db: Db, stats: ConnectionStats): Db {
  statsByDb.set(db, stats);
  return db;
}

/** The driver, counting the connections it hands out into `stats`. */
export function countingConnections(driver: Driver, stats: ConnectionStats): Driver {
  const acquire = driver.acquireConnection.bind(driver);
  const release = driver.releaseConnection.bind(driver);
  driver.acquireConnection = async () => {
    stats.waiting++;
    try {
      const connection = await acquire();
      stats.inUse++;
      return connection;
    } finally {
      stats.waiting--;
    }
  };
  driver.releaseConnection = async (connection) => {
    stats.inUse--;
    return release(connection);
  };
  return driver;
}

/** `dialect`, with every driver it creates passed through `wrap`. */
export function wrappingDriver(dialect: Dialect, wrap: (driver: Driver) => Driver): Dialect {
  return {
    createAdapter: () => dialect.createAdapter(),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createIntrospector: (db) => dialect.createIntrospector(db),
    createDriver: () => wrap(dialect.createDriver()),
  };
}
