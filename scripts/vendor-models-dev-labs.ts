// `npm run data:models-dev -- <models.dev checkout> [date]`: copies the lab
// files (models/<lab>/<model>.toml: each lab's own name, family, release date
// and specs for its models) and the licence into data/models-dev/, and writes
// SOURCE.md. The default catalog reads this copy, never the network, so every
// install builds the same catalog; rerun it to refresh the snapshot.
import { cp, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

const [checkout, date = new Date().toISOString().slice(0, 10)] = process.argv.slice(2);
if (!checkout) {
  console.error('usage: npm run data:models-dev -- <models.dev checkout> [YYYY-MM-DD]');
  process.exit(2);
}
const target = new URL('../data/models-dev/', import.meta.url).pathname;
await rm(target, { recursive: true, force: true });
await mkdir(target, { recursive: true });
await cp(path.join(checkout, 'models'), path.join(target, 'models'), { recursive: true });
await cp(path.join(checkout, 'LICENSE'), path.join(target, 'LICENSE'));
const files = (await readdir(path.join(target, 'models'), { recursive: true })).filter((f) => f.endsWith('.toml'));
await writeFile(
  path.join(target, 'SOURCE.md'),
  `# models.dev lab files

- What: \`models/<lab>/<model>.toml\` from the models.dev repository (${files.length} files), unchanged.
  Each is the lab's own definition of one model: its name as the lab writes it, family,
  release date, knowledge cutoff, limits and modalities.
- Repository: https://github.com/sst/models.dev (directory \`models/\`)
- Copied: ${date}, by \`npm run data:models-dev -- <checkout> ${date}\`
- Licence: MIT (LICENSE beside this file, copyright models.dev)
- Used for: model names and creators before any provider's listing (src/catalog/sources/models-dev-labs.ts).
`,
);
console.log(`data/models-dev: ${files.length} lab files`);
