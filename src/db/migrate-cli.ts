// `npm run migrate`: apply pending migrations to the configured database and exit.
import { loadConfig } from '../config.js';
import { openDatabase } from './client.js';
import { migrateToLatest } from './migrate.js';

const config = loadConfig();
const db = await openDatabase(config.database);
try {
  const { results = [] } = await migrateToLatest(db);
  const applied = results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
  console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.destroy();
}
