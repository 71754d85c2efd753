// The only file that listens: config → database → migrate → seed if empty → serve.
import { createServer } from 'node:http';
import { createLogger } from 'graphql-yoga';
import { createApp } from './app.js';
import { isCatalogEmpty, seedDataset } from './catalog/seed.js';
import { loadConfig } from './config.js';
import { type Db, openDatabase } from './db/client.js';
import { migrateToLatest } from './db/migrate.js';

async function prepareDatabase(): Promise<{ db: Db; config: ReturnType<typeof loadConfig> }> {
  const config = loadConfig();
  const where = config.database.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.database.dataDir}`;
  console.log(`[modelgraph] database: ${where}`);
  const db = await openDatabase(config.database);
  await migrateToLatest(db);
  if (await isCatalogEmpty(db)) {
    const { written, durationMs } = await seedDataset(db, config.dataset);
    console.log(
      `[modelgraph] seeded dataset "${config.dataset}": ${written.models.added} models, ${written.providers.added} providers, ${written.offerings.added} routes in ${(durationMs / 1000).toFixed(1)} s`,
    );
  }
  return { db, config };
}

const { db, config } = await prepareDatabase().catch((error: unknown) => {
  // A start-up failure is a configuration or database problem: say it plainly.
  console.error(`[modelgraph] cannot start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

const server = createServer(createApp({ db, logger: createLogger(config.logLevel) }));
server.listen(config.port, config.host, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  console.log(`[modelgraph] GraphQL and GraphiQL at http://${host}:${port}/graphql`);
});
server.on('error', (error) => {
  console.error(`[modelgraph] cannot listen on ${config.host}:${config.port}: ${error.message}`);
  process.exit(1);
});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`[modelgraph] ${signal}: closing`);
  server.close();
  server.closeAllConnections();
  await db.destroy();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
