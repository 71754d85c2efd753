// `npm run data:benchmarks -- <benchmarks dir>`: reads each leaderboard's
// upstream files as published (one folder per source, each with its
// SOURCE.md) through the project's importers, keeps the rows that land on a
// model of the default catalog, and writes data/benchmarks/<leaderboard>.json
// with every score's source, edition, date and licence. The catalog import
// reads these snapshots, never the network. Rows for models the catalog does
// not hold are counted in data/benchmarks/SOURCE.md (import the upstream file
// with `npm run import -- <format> <file>` to see them all).
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ProviderRegistry } from '../src/catalog/providers.js';
import type { SourceBundle } from '../src/catalog/records.js';
import { resolveBundles } from '../src/catalog/resolve.js';
import { leaderboardFormat, SHIPPED_LEADERBOARDS } from '../src/catalog/sources/benchmarks/leaderboards.js';
import type { LeaderboardSnapshot } from '../src/catalog/sources/benchmarks/shipped.js';
import { readCurated } from '../src/catalog/sources/curated.js';
import { readGenaiPrices } from '../src/catalog/sources/genai-prices.js';
import { readShippedLabs } from '../src/catalog/sources/models-dev-labs.js';
import { readTokenlens } from '../src/catalog/sources/tokenlens.js';

const [root] = process.argv.slice(2);
if (!root) {
  console.error('usage: npm run data:benchmarks -- <directory with one folder per leaderboard>');
  process.exit(2);
}
const target = new URL('../data/benchmarks/', import.meta.url).pathname;

// The default catalog's own sources: a row is kept when it lands on one of their models.
const providers = await ProviderRegistry.load();
const catalog: SourceBundle[] = [await readCurated(), await readShippedLabs(), readGenaiPrices(providers), readTokenlens(providers)];

const summary: string[] = [];
for (const leaderboard of SHIPPED_LEADERBOARDS) {
  const bundle = await leaderboardFormat(leaderboard.format)!.read(leaderboard.path(root), leaderboard.date);
  const { unplacedScores } = resolveBundles('snapshot', [...catalog, bundle]);
  const unplaced = new Set(unplacedScores.map((u) => `${u.edition}\u0000${u.model}`));
  const scores = bundle.scores.filter((s) => !unplaced.has(`${s.edition}\u0000${s.model}`));
  const used = { editions: new Set(scores.map((s) => s.edition)), benchmarks: new Set(scores.map((s) => s.benchmark)), sources: new Set(scores.map((s) => s.source)) };
  const snapshot: LeaderboardSnapshot = {
    sources: bundle.sources.filter((s) => used.sources.has(s.key) || bundle.editions.some((e) => used.editions.has(e.slug) && e.source === s.key)),
    editions: bundle.editions.filter((e) => used.editions.has(e.slug)),
    benchmarks: bundle.benchmarks.filter((b) => used.benchmarks.has(b.slug)),
    scores,
  };
  await writeFile(path.join(target, `${leaderboard.name}.json`), `${JSON.stringify(snapshot, null, 1)}\n`);
  const line = `| ${leaderboard.name} | ${snapshot.editions.map((e) => e.name).join('; ')} | ${scores.length} | ${bundle.scores.length - scores.length} | ${snapshot.editions.map((e) => e.licence ?? 'not stated').filter((l, i, all) => all.indexOf(l) === i).join('; ')} |`;
  summary.push(line);
  console.log(`${leaderboard.name}: ${scores.length} scores kept, ${bundle.scores.length - scores.length} for models the catalog does not hold`);
}

await writeFile(
  path.join(target, 'SOURCE.md'),
  `# Leaderboard snapshots

Built by \`npm run data:benchmarks -- <dir>\` (scripts/build-benchmark-snapshot.ts) from the
leaderboards' upstream files as published, one folder per source with its SOURCE.md (repository,
commit, date, licence). Each JSON file holds the sources, editions, benchmarks and scores an
importer in src/catalog/sources/benchmarks/ read, restricted to rows that land on a model of the
default catalog. Every score names its source, edition (with its date and licence) and the
source's own key for the model.

| snapshot | editions | scores kept | rows for models not in the catalog | licence |
|---|---|---|---|---|
${summary.join('\n')}
`,
);
