// `npm run schema`: writes schema.graphql, the subgraph SDL the code defines.
// `npm run schema -- --check` fails instead when the committed file differs.
import { readFile, writeFile } from 'node:fs/promises';
import { printSchemaSdl } from './sdl.js';

const file = new URL('../../schema.graphql', import.meta.url);
const printed = printSchemaSdl();

if (process.argv.includes('--check')) {
  const current = await readFile(file, 'utf8').catch(() => '');
  if (current !== printed) {
    console.error('schema.graphql is out of date: run `npm run schema` and commit it.');
    process.exitCode = 1;
  }
} else {
  await writeFile(file, printed);
  console.log('Wrote schema.graphql');
}
