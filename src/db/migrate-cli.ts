// `npm run migrate`: apply pending migrations to the configured database and exit.
import { loadConfig } from '../config.js';
import { openDatabase } from './client.js';
import { migrateToLatest } from './migrate.js';

// A database another process holds (a PGlite directory a server has open) is a message, not a stack trace.
const db = await openDatabase(loadConfig().database).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
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
