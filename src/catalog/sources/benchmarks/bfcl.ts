import path from 'node:path';
import type { BenchmarkCategory } from '../../../domain/benchmarks.js';
import { emptyBundle, type SourceBundle } from '../../records.js';
import { DECIMAL, dropConflictingScores, parseCsvText, raggedWarnings, readText, requireColumns } from './common.js';
import { knownBenchmark } from './known.js';

/**
 * The Berkeley Function Calling Leaderboard as its website publishes it
 * (github.com/ShishirPatil/gorilla, branch gh-pages, data_overall.csv): one
 * row per model and calling mode, accuracies as "78.45%".
 *
 * - V3 and V4 weigh their categories differently (V4 adds web search and
 *   memory at 40 %), so each version is its own edition and one call reads
 *   one version; the header is checked against the version asked for.
 * - Benchmarks: the overall accuracy and the category accuracies the
 *   overall is made of, from the same file.
 * - The mode in the name is a setting of the run, not part of the model:
 *   "GPT-4o-2024-11-20 (FC)" is model "GPT-4o-2024-11-20", setting "FC"
 *   (the model's native function calling) or "prompt" (calls written as
 *   text). "(FC thinking)" and "(Prompt + Thinking)" also carry variant
 *   "thinking". A name with no mode keeps setting ''.
 * - "N/A" or an empty cell is no score: skipped with a warning naming the row.
 */

type Version = 'v3' | 'v4';

const REPOSITORY = 'https://github.com/ShishirPatil/gorilla';
/** The gh-pages commits the files come from, and the date of each version's data. */
const SNAPSHOTS: Record<Version, { commit: string; date: string }> = {
  v3: { commit: 'a53acce60a5e4064ef4b3ca5b1c30826fe719065', date: '2025-06-14' },
  v4: { commit: '8c24bd7cd50499b601783bd6e6b0a921017da10a', date: '2025-12-16' },
};

const COLUMNS: { column: string; slug: string; name: string; category: BenchmarkCategory; versions: Version[] }[] = [
  { column: 'Overall Acc', slug: 'bfcl-overall', name: 'BFCL overall accuracy', category: 'tool-use', versions: ['v3', 'v4'] },
  { column: 'Non-Live AST Acc', slug: 'bfcl-non-live', name: 'BFCL non-live (AST) accuracy', category: 'tool-use', versions: ['v3', 'v4'] },
  { column: 'Live Acc', slug: 'bfcl-live', name: 'BFCL live accuracy', category: 'tool-use', versions: ['v3', 'v4'] },
  { column: 'Multi Turn Acc', slug: 'bfcl-multi-turn', name: 'BFCL multi-turn accuracy', category: 'tool-use', versions: ['v3', 'v4'] },
  { column: 'Web Search Acc', slug: 'bfcl-web-search', name: 'BFCL web search accuracy', category: 'agentic', versions: ['v4'] },
  { column: 'Memory Acc', slug: 'bfcl-memory', name: 'BFCL memory accuracy', category: 'agentic', versions: ['v4'] },
];

const MODES: Record<string, { setting: string; variant: string }> = {
  FC: { setting: 'FC', variant: '' },
  Prompt: { setting: 'prompt', variant: '' },
  'FC thinking': { setting: 'FC', variant: 'thinking' },
  'Prompt + Thinking': { setting: 'prompt', variant: 'thinking' },
};

/** "Claude-3.5-Sonnet-20241022 (FC)" → the model and its mode; a name without a known mode is kept whole. */
export function splitBfclName(name: string): { model: string; setting: string; variant: string } {
  const match = /^(.*\S)\s+\(([^()]+)\)$/.exec(name);
  const mode = match ? MODES[match[2]!] : undefined;
  return mode ? { model: match![1]!, ...mode } : { model: name, setting: '', variant: '' };
}

export interface BfclOptions {
  version: Version;
  /** The gh-pages commit the file comes from. */
  commit?: string;
  /** The date of the leaderboard's data ("Last Updated"). */
  date?: string;
}

/** Reads data_overall.csv of one BFCL version from a directory of the leaderboard's CSVs. */
export async function readBfcl(directory: string, options: BfclOptions): Promise<SourceBundle> {
  const { version } = options;
  const snapshot = SNAPSHOTS[version];
  if (!snapshot) throw new Error(`BFCL version "${String(version)}" is not one this reader knows (v3 or v4)`);
  const commit = options.commit ?? snapshot.commit;
  const date = options.date ?? snapshot.date;
  const file = path.join(directory, 'data_overall.csv');
  const csv = parseCsvText(await readText(file), file);
  const columns = COLUMNS.filter((c) => c.versions.includes(version));
  requireColumns(csv, ['Model', ...columns.map((c) => c.column)], file);
  // Only V4 scores web search: a V4 file read as V3 would mix the formulas.
  if (version === 'v3' && csv.header.includes('Web Search Acc')) throw new Error(`${file}: has V4 columns (Web Search Acc) but was read as BFCL v3`);

  const bundle = emptyBundle();
  const source = `bfcl-${version}@${commit.slice(0, 7)}`;
  const edition = `bfcl-${version}`;
  const label = version.toUpperCase();
  bundle.sources.push({ key: source, name: `Berkeley Function Calling Leaderboard ${label} (gorilla gh-pages)`, url: `${REPOSITORY}/blob/${commit}/data_overall.csv`, retrievedAt: date });
  bundle.editions.push({
    slug: edition,
    name: `BFCL ${label}`,
    leaderboard: 'Berkeley Function Calling Leaderboard',
    version: label,
    publishedOn: date,
    independent: true,
    licence: 'Apache-2.0 (gorilla repository)',
    url: 'https://gorilla.cs.berkeley.edu/leaderboard.html',
    source,
  });
  for (const c of columns) {
    bundle.benchmarks.push(
      knownBenchmark(c.slug, source) ?? { slug: c.slug, name: c.name, category: c.category, url: 'https://gorilla.cs.berkeley.edu/leaderboard.html', scaleMin: '0', scaleMax: '100', higherIsBetter: true, source },
    );
  }

  bundle.warnings.push(...raggedWarnings(csv, `bfcl ${version} data_overall.csv`));
  for (const { line, cells: row } of csv.rows) {
    const name = row.Model ?? '';
    const where = `bfcl ${version} data_overall.csv: line ${line}${name ? ` ("${name}")` : ''}`;
    if (!name) {
      bundle.warnings.push(`${where}: no model; skipped`);
      continue;
    }
    const { model, setting, variant } = splitBfclName(name);
    for (const c of columns) {
      const text = row[c.column] ?? '';
      if (text === '' || text === 'N/A') {
        bundle.warnings.push(`${where}: ${c.column} is ${text === '' ? 'empty' : 'N/A'}; skipped`);
        continue;
      }
      const value = /^(.*)%$/.exec(text)?.[1];
      if (value === undefined || !DECIMAL.test(value) || Number(value) > 100) throw new Error(`${file}: line ${line} ("${name}"), ${c.column}: "${text}" is not a percentage`);
      bundle.scores.push({ model, benchmark: c.slug, edition, value, setting, variant, ciLow: null, ciHigh: null, measuredOn: null, selfReported: false, source });
    }
  }
  dropConflictingScores(bundle, (s) => `bfcl ${version}: "${s.model}" (${s.setting || 'no mode'}) ${s.benchmark}`);
  return bundle;
}
