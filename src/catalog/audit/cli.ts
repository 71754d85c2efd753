// `npm run catalog:audit [-- --json] [-- --acknowledged <file>]`: inspects the
// catalog in the configured database (DATABASE_URL, or PGlite in DATA_DIR) and
// reports what a user would distrust: suspected duplicate models, names that
// look like ids, missing or doubtful creators, ids the last imports left
// unresolved, and route prices far from their model's median.
// Exit code 0 when every finding is acknowledged (or there is none), 1 when
// some finding is open, 2 when the audit could not run.
import { loadConfig } from '../../config.js';
import { openDatabase } from '../../db/client.js';
import { migrateToLatest } from '../../db/migrate.js';
import { type AuditResult, audit, CHECK_TITLES, CHECKS } from './checks.js';
import { ACKNOWLEDGEMENTS_FILE, type AuditCatalog, loadAcknowledgements, loadAuditInput } from './load.js';

const USAGE = 'usage: npm run catalog:audit [-- --json] [-- --acknowledged <file>]';

interface Options {
  json: boolean;
  acknowledged: string | URL;
}

function parseArgs(args: string[]): Options {
  const options: Options = { json: false, acknowledged: ACKNOWLEDGEMENTS_FILE };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--json') options.json = true;
    else if (arg === '--acknowledged' && args[i + 1]) options.acknowledged = args[++i]!;
    else if (arg.startsWith('--acknowledged=')) options.acknowledged = arg.slice('--acknowledged='.length);
    else throw new UsageError(arg === '--help' || arg === '-h' ? USAGE : `unknown argument "${arg}"\n${USAGE}`);
  }
  return options;
}

class UsageError extends Error {}

function toJson(catalog: AuditCatalog, result: AuditResult) {
  return {
    failed: result.failed,
    asOf: catalog.asOf.toISOString(),
    catalog: {
      models: catalog.models.length,
      routes: catalog.routes.length,
      imports: catalog.imports.map((i) => ({ importer: i.importer, finishedAt: i.finishedAt.toISOString() })),
    },
    counts: Object.fromEntries(CHECKS.map((c) => [c, { open: result.open[c], acknowledged: result.acknowledgedCount[c] }])),
    findings: result.findings.map((f) => ({
      check: f.check,
      subject: f.subject,
      reason: f.reason,
      acknowledged: f.acknowledged ? { reason: f.acknowledged.reason, source: f.acknowledged.source } : null,
    })),
    unusedAcknowledgements: result.unusedAcknowledgements,
  };
}

function toText(catalog: AuditCatalog, result: AuditResult): string {
  const lines: string[] = [];
  const imports = catalog.imports.map((i) => `${i.importer} (${i.finishedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC)`);
  lines.push(
    `Catalog audit: ${catalog.models.length} models, ${catalog.routes.length} routes; last imports: ${imports.join(', ') || 'none'}; prices as of ${catalog.asOf.toISOString()}`,
  );
  for (const check of CHECKS) {
    const findings = result.findings.filter((f) => f.check === check);
    const open = findings.filter((f) => !f.acknowledged);
    const acknowledged = findings.filter((f) => f.acknowledged);
    lines.push('');
    lines.push(
      findings.length === 0
        ? `${CHECK_TITLES[check]} [${check}]: none`
        : `${CHECK_TITLES[check]} [${check}]: ${open.length} open${acknowledged.length ? `, ${acknowledged.length} acknowledged` : ''}`,
    );
    for (const f of open) lines.push(`  ${f.subject}`, `      ${f.reason}`);
    for (const f of acknowledged) {
      const ack = f.acknowledged!;
      lines.push(`  (acknowledged) ${f.subject}`, `      ${f.reason}`, `      acknowledged: ${ack.reason}${ack.source ? ` [${ack.source}]` : ''}`);
    }
  }
  if (result.unusedAcknowledgements.length > 0) {
    lines.push('', `Acknowledgements that match no finding (${result.unusedAcknowledgements.length}): fixed since, or the subject changed`);
    for (const a of result.unusedAcknowledgements) lines.push(`  ${a.check}: ${a.subject}`);
  }
  const open = CHECKS.reduce((n, c) => n + result.open[c], 0);
  const acknowledged = CHECKS.reduce((n, c) => n + result.acknowledgedCount[c], 0);
  const perCheck = CHECKS.map((c) => `${c} ${result.open[c]}`).join(', ');
  lines.push(
    '',
    `Summary: ${open + acknowledged} findings, ${open} open (${perCheck}), ${acknowledged} acknowledged. ${
      result.failed ? 'Audit failed.' : 'Audit passed.'
    }`,
  );
  return lines.join('\n');
}

async function main(): Promise<number> {
  let options: Options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  let db;
  try {
    db = await openDatabase(loadConfig().database);
    await migrateToLatest(db);
    const [catalog, acknowledgements] = await Promise.all([loadAuditInput(db), loadAcknowledgements(options.acknowledged)]);
    const result = audit(catalog, acknowledgements);
    console.log(options.json ? JSON.stringify(toJson(catalog, result), null, 2) : toText(catalog, result));
    return result.failed ? 1 : 0;
  } catch (error) {
    console.error(`Audit could not run: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  } finally {
    await db?.destroy();
  }
}

process.exitCode = await main();
