// `npm run catalog:coverage`: for the models people compare most
// (data/catalog/most-compared.csv), how many pairs share a benchmark inside
// one independent edition. Reads the configured database (DATABASE_URL, or
// PGlite in DATA_DIR); exit 1 below the target the README states (90%).
import { readFile } from 'node:fs/promises';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/client.js';
import { migrateToLatest } from '../db/migrate.js';
import { independentBenchmarkKeys, pairCoverage } from './coverage.js';
import { parseCsv } from './csv.js';

const TARGET = 0.9;
const file = new URL('../../data/catalog/most-compared.csv', import.meta.url);
const slugs = parseCsv(await readFile(file, 'utf8'), 'data/catalog/most-compared.csv').map((row) => row.slug!);

// A database another process holds (a PGlite directory a server has open) is a message, not a stack trace.
const db = await openDatabase(loadConfig().database).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
try {
  await migrateToLatest(db);
  const coverage = pairCoverage(slugs, await independentBenchmarkKeys(db, slugs));
  const missing = coverage.models.filter((m) => !m.found).map((m) => m.slug);
  if (missing.length > 0) console.log(`Not in the catalog: ${missing.join(', ')}`);
  const share = coverage.covered / coverage.pairs;
  console.log(`${coverage.covered} of ${coverage.pairs} pairs (${(share * 100).toFixed(1)}%) share a benchmark in one independent edition.`);
  if (coverage.uncovered.length > 0) console.log(`Pairs without one:\n  ${coverage.uncovered.join('\n  ')}`);
  process.exitCode = share >= TARGET && missing.length === 0 ? 0 : 1;
} finally {
  await db.destroy();
}
