// `npm run import -- <catalog | seed-page | models-dev <directory> | <leaderboard> <path> [date]>`:
// imports into the configured database (DATABASE_URL, or PGlite in DATA_DIR)
// and prints what changed. Exit code 1 when the import fails; nothing is written then.
// On SIGTERM or SIGINT before the import commits it rolls back, says "Import
// interrupted: nothing was written" and exits 143 or 130; a signal after the
// commit lets it finish, print its report and exit 0 (interrupt.ts).
import { loadConfig } from '../config.js';
import { type Db, openDatabase } from '../db/client.js';
import { migrateToLatest } from '../db/migrate.js';
import { catalogChanged } from './apply.js';
import { type ImportPhase, type ImportReport, type ImportRequest, type Progress, runImport } from './import.js';
import { ImportInterrupted, interruptOnSignals } from './interrupt.js';
import { LEADERBOARD_FORMATS, leaderboardFormat } from './sources/benchmarks/leaderboards.js';
import { withCatalogLock } from './seed.js';

const USAGE = [
  'usage: npm run import -- catalog | seed-page | models-dev <directory>',
  ...LEADERBOARD_FORMATS.map((f) => `       npm run import -- ${f.name} <${f.input}> [date of the data, YYYY-MM-DD]`),
].join('\n');

function request(args: string[]): ImportRequest {
  const [importer, target, date] = args;
  if (importer === 'catalog' || importer === 'seed-page') return { importer };
  if (importer === 'models-dev' && target) return { importer, directory: target };
  const format = importer ? leaderboardFormat(importer) : undefined;
  if (format && target && (!date || /^\d{4}-\d{2}-\d{2}$/.test(date))) return { importer: 'leaderboard', format, path: target, date };
  throw new Error(USAGE);
}

/** A one-line bar on a terminal; nothing when output is piped or in CI. */
function progressBar(): Progress {
  if (!process.stderr.isTTY) return () => {};
  return (step, done, total) => {
    const width = 30;
    const filled = total === 0 ? width : Math.round((done / total) * width);
    process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${step.padEnd(20)}`);
    if (done >= total && step === 'done') process.stderr.write('\n');
  };
}

/** Piped or in CI, where there is no bar: one line as the import starts writing and as it commits. */
function phaseLines(phase: ImportPhase) {
  if (process.stderr.isTTY) return;
  if (phase === 'writing') console.error('Writing, in one transaction…');
  if (phase === 'committing') console.error('Committing…');
}

function print(report: ImportReport) {
  const line = (label: string, c: { added: number; changed: number; unchanged: number; retired?: number }) =>
    `  ${label.padEnd(11)} ${String(c.added).padStart(6)} added ${String(c.changed).padStart(6)} changed ${String(c.unchanged).padStart(6)} unchanged${c.retired === undefined ? '' : ` ${String(c.retired).padStart(6)} retired`}`;
  const w = report.written;
  console.log(`Imported "${report.importer}" in ${(report.durationMs / 1000).toFixed(1)} s`);
  for (const [label, c] of [
    ['models', w.models], ['creators', w.creators], ['aliases', w.aliases], ['providers', w.providers],
    ['routes', w.offerings], ['prices', w.prices], ['benchmarks', w.benchmarks], ['editions', w.editions], ['scores', w.scores], ['sources', w.sources],
  ] as const) console.log(line(label, c));
  console.log(catalogChanged(w) ? '' : '  No changes.');
  console.log(`Resolved routes by rule: ${Object.entries(report.resolvedBy).map(([rule, n]) => `${rule} ${n}`).join(', ') || 'n/a'}`);
  if (report.merges.length > 0) {
    console.log(`Merged models (${report.merges.length}): routes, prices, scores and aliases moved, the old slug kept as an alias:`);
    for (const m of report.merges) console.log(`  ${m.from} → ${m.into}: ${m.reason}`);
  }
  if (report.pointers.length > 0) {
    console.log(`Moving pointers kept as models of their own (${report.pointers.length}): ${report.pointers.map((p) => (p.snapshots.length > 1 ? `${p.slug} (${p.snapshots.length} snapshots)` : p.slug)).join(', ')}`);
  }
  if (report.namedFromId.length > 0) {
    console.log(`Named from their id, no source names them (${report.namedFromId.length}): ${report.namedFromId.slice(0, 30).join(', ')}${report.namedFromId.length > 30 ? ' …' : ''}`);
  }
  if (report.unplacedScores.length > 0) {
    console.log(`Scores of models the catalog does not hold (${report.unplacedScores.length}), not imported:`);
    for (const u of report.unplacedScores.slice(0, 30)) console.log(`  ${u.edition} "${u.model}"${u.candidates.length ? ` (closest: ${u.candidates.join(', ')})` : ''}`);
    if (report.unplacedScores.length > 30) console.log(`  … and ${report.unplacedScores.length - 30} more (all are in catalog_imports.report)`);
  }
  if (report.unresolved.length > 0) {
    console.log(`Unresolved routes (${report.unresolved.length}), not imported:`);
    for (const u of report.unresolved.slice(0, 50)) console.log(`  ${u.provider} ${u.providerModelId}: ${u.reason}`);
    if (report.unresolved.length > 50) console.log(`  … and ${report.unresolved.length - 50} more`);
  }
  if (report.warnings.length > 0) {
    console.log(`Warnings (${report.warnings.length}):`);
    for (const w of report.warnings.slice(0, 20)) console.log(`  ${w}`);
    if (report.warnings.length > 20) console.log(`  … and ${report.warnings.length - 20} more (all are in catalog_imports.report)`);
  }
}

// First, so that a signal at any point is answered (signal handling: interrupt.ts).
const interruption = interruptOnSignals();
let phase: ImportPhase | undefined;
const onPhase = (next: ImportPhase) => {
  phase = next;
  interruption.onPhase(next);
  phaseLines(next);
};

const config = loadConfig();
let db: Db | undefined;
try {
  // PGlite: the data directory's lock, or a refusal naming who holds it (a running server).
  db = await openDatabase(config.database);
  // PostgreSQL: the catalog's advisory lock, so an import never runs alongside a server's
  // seed or refresh, or another import; on its session, no statement timeout.
  await withCatalogLock(db, async (session) => {
    await migrateToLatest(session);
    print(await runImport(session, request(process.argv.slice(2)), progressBar(), { signal: interruption.signal, onPhase }));
    if (interruption.received) console.error(`${interruption.received} arrived after the import committed: it finished.`);
  });
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof ImportInterrupted) {
    console.error('\nImport interrupted: nothing was written');
    process.exitCode = interruption.exitCode(error.signal);
  } else if (phase === 'committed') {
    // The catalog committed; only what follows it (its record in catalog_imports) failed.
    console.error(`\nThe import was written, but what followed it failed: ${message}`);
    process.exitCode = 1;
  } else {
    console.error(`\nImport failed, nothing was written: ${message}`);
    process.exitCode = 1;
  }
} finally {
  await db?.destroy();
}
