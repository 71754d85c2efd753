// The only file that listens: config → database → migrate → seed if empty → serve.
import { createServer } from 'node:http';
import { createServedApp } from './app.js';
import { openResponseCache } from './cache/open.js';
import { catalogFingerprint, lastCatalogFingerprint } from './catalog/fingerprint.js';
import { readCatalogVersion } from './catalog/version.js';
import { runImport } from './catalog/import.js';
import { isCatalogEmpty, seedDataset, withCatalogLock } from './catalog/seed.js';
import { loadConfig, type ReadReplica } from './config.js';
import { type Db, openDatabase, openReadReplica } from './db/client.js';
import { migrateToLatest } from './db/migrate.js';
import { loadPersistedOperations } from './persisted-operations.js';
import { createLog } from './observability/logger.js';
import { drainOnSignals, exitOnSignalsDuringStart, shutdownTimeoutMs } from './shutdown.js';

// Read before the database is opened, so a bad value stops the start at once.
const shutdownTimeout = (() => {
  try {
    return shutdownTimeoutMs();
  } catch (error) {
    console.error(`[modelgraph] cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
})();
// Until the server listens, a signal stops the start at once (src/shutdown.ts).
const stopExitingOnSignals = exitOnSignalsDuringStart();

async function prepareDatabase(): Promise<{ db: Db; replica: Db | undefined; config: ReturnType<typeof loadConfig> }> {
  const config = loadConfig();
  const readReplica = config.database.kind === 'postgres' ? config.database.readReplica : undefined;
  const where = config.database.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.database.dataDir}`;
  console.log(`[modelgraph] database: ${where}${readReplica ? '; reads from the replica at DATABASE_READ_URL' : ''}`);
  // PGlite: takes the data directory's lock, or refuses naming its holder (src/db/data-dir-lock.ts).
  const db = await openDatabase(config.database);
  // Under the catalog's advisory lock, on one connection with no statement timeout:
  // two instances starting together on one empty database seed it once.
  await withCatalogLock(db, async (session) => {
    await migrateToLatest(session);
    if (await isCatalogEmpty(session)) {
      const { written, durationMs } = await seedDataset(session, config.dataset);
      console.log(
        `[modelgraph] seeded dataset "${config.dataset}": ${written.models.added} models, ${written.providers.added} providers, ${written.offerings.added} routes in ${(durationMs / 1000).toFixed(1)} s`,
      );
    } else if (config.dataset === 'default' && (await lastCatalogFingerprint(session)) !== (await catalogFingerprint())) {
      await refreshCatalog(session);
    }
  });
  return { db, replica: readReplica && (await openCheckedReplica(readReplica)), config };
}

/**
 * The replica's instance, once it has answered with a catalog (migrated: the
 * primary's schema has reached it). One that cannot be read stops the start,
 * as the primary does, rather than a server whose every query fails.
 */
async function openCheckedReplica(readReplica: ReadReplica): Promise<Db> {
  const replica = openReadReplica(readReplica);
  try {
    await readCatalogVersion(replica);
    return replica;
  } catch (error) {
    await replica.destroy();
    throw new Error(`the read replica (DATABASE_READ_URL) cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * The catalog was built by an earlier version (other curated facts or
 * identity rules): import it again, in place. Nothing is deleted; models the
 * new rules know to be one are merged with their routes, prices and scores.
 * A failure leaves the catalog as it was and the server serves it.
 */
async function refreshCatalog(db: Db) {
  try {
    const { written, merges, durationMs } = await runImport(db, { importer: 'catalog' });
    console.log(
      `[modelgraph] refreshed the catalog built by an earlier version: ${written.models.added} models added, ${merges.length} merged, ${written.offerings.added} routes added in ${(durationMs / 1000).toFixed(1)} s`,
    );
  } catch (error) {
    console.warn(`[modelgraph] could not refresh the catalog, serving it as it is: ${error instanceof Error ? error.message : String(error)}`);
  }
}

const { db, replica, config } = await prepareDatabase().catch((error: unknown) => {
  // A start-up failure is a configuration or database problem: say it plainly.
  console.error(`[modelgraph] cannot start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

// On by default (RESPONSE_CACHE=off turns it off); a Redis that does not answer stops the start.
const cache = config.cache
  ? await openResponseCache(config.cache, db, config.database.kind === 'postgres' ? config.database.url : undefined).catch((error: unknown) => {
      console.error(`[modelgraph] cannot start the response cache: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    })
  : undefined;
if (cache) console.log(`[modelgraph] response cache: ${config.cache?.redisUrl ? 'Redis (REDIS_URL)' : 'in memory'}`);

// PERSISTED_OPERATIONS: only the manifest's operations run; a manifest that cannot be read stops the start.
const persistedOperations = config.persistedOperations
  ? await loadPersistedOperations(config.persistedOperations).catch((error: unknown) => {
      console.error(`[modelgraph] cannot start: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    })
  : undefined;
if (persistedOperations) {
  console.log(`[modelgraph] persisted operations only: ${persistedOperations.size} from ${config.persistedOperations}`);
}

// Requests are logged as JSON lines on stdout (src/observability/); the lines about starting and stopping stay plain text.
// Response-cache hits are answered in front of the app (src/http/fast-lane.ts).
const { listener } = createServedApp({
  db,
  replica,
  log: createLog(config.logLevel),
  metricsEndpoint: config.metrics,
  processMetrics: true,
  rateLimit: config.rateLimit,
  isDraining: () => drain.draining,
  corsOrigins: config.corsOrigins,
  cache,
  persistedOperations,
  graphqlJit: config.graphqlJit,
});
const server = createServer(listener);
server.listen(config.port, config.host, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  // The pid, so that whoever started the server (npm, a supervisor, a test) can find it.
  console.log(`[modelgraph] GraphQL and GraphiQL at http://${host}:${port}/graphql (pid ${process.pid})`);
});
server.on('error', (error) => {
  console.error(`[modelgraph] cannot listen on ${config.host}:${config.port}: ${error.message}`);
  process.exit(1);
});

// Shutdown (src/shutdown.ts): on SIGTERM or SIGINT, refuse new connections,
// let the requests in flight finish within SHUTDOWN_TIMEOUT_MS, close the
// database, exit 0 (1 when requests had to be cut).
stopExitingOnSignals();
const drain = drainOnSignals(server, {
  timeoutMs: shutdownTimeout,
  closeDatabase: async () => {
    await cache?.close();
    await Promise.all([db.destroy(), replica?.destroy()]);
  },
});
