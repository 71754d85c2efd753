// `npm run token -- create --scope catalog:write [--scope tokens:admin] --name <name>`:
// creates an API token and prints it alone on the last line (shown once: only
// its hash is kept). `npm run token -- revoke <name-or-id>` ends one;
// `npm run token -- list` lists them. Like the import, it opens the configured
// database (DATABASE_URL, or PGlite in DATA_DIR, whose single-owner lock it respects).
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/client.js';
import { migrateToLatest } from '../db/migrate.js';
import { createToken, isTokenScope, listTokens, revokeToken, TOKEN_SCOPES, type TokenScope } from './tokens.js';

const USAGE = [
  `usage: npm run token -- create --name <name> --scope <${TOKEN_SCOPES.join(' | ')}> [--scope …]`,
  '       npm run token -- revoke <name-or-id>',
  '       npm run token -- list',
].join('\n');

const { positionals, values } = parseArgs({
  args: process.argv.slice(2),
  allowPositionals: true,
  options: { name: { type: 'string' }, scope: { type: 'string', multiple: true } },
  strict: false,
});
const [command, target] = positionals;

/** What to do, read from the arguments before the database is opened: a mistake costs no start-up. */
function request(): { command: 'create'; name: string; scopes: TokenScope[] } | { command: 'revoke'; target: string } | { command: 'list' } {
  if (command === 'create' && typeof values.name === 'string' && Array.isArray(values.scope)) {
    const scopes = values.scope.map(String);
    const unknown = scopes.filter((s) => !isTokenScope(s));
    if (unknown.length > 0) throw new Error(`unknown scope ${unknown.join(', ')}: use ${TOKEN_SCOPES.join(' or ')}`);
    return { command, name: values.name, scopes: scopes.filter(isTokenScope) };
  }
  if (command === 'revoke' && target) return { command, target };
  if (command === 'list') return { command };
  throw new Error(USAGE);
}

let asked: ReturnType<typeof request>;
try {
  asked = request();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}

// A database another process holds (a PGlite directory a server has open) is a message, not a stack trace.
const db = await openDatabase(loadConfig().database).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
try {
  await migrateToLatest(db);
  if (asked.command === 'create') {
    const { id, token } = await createToken(db, asked.name, asked.scopes);
    console.log(`Created token ${id} "${asked.name}" (${asked.scopes.join(', ')}). It is shown once; send it as "Authorization: Bearer <token>":`);
    console.log(token);
  } else if (asked.command === 'revoke') {
    if (!(await revokeToken(db, asked.target))) throw new Error(`no live token named or numbered "${asked.target}"`);
    console.log(`Revoked "${asked.target}".`);
  } else {
    for (const t of await listTokens(db)) {
      console.log(`${String(t.id).padStart(4)}  ${t.name.padEnd(24)} ${t.scopes.join(',').padEnd(28)} ${t.revoked_at ? `revoked ${t.revoked_at.toISOString()}` : 'live'}`);
    }
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
} finally {
  await db.destroy();
}
