import { emptyBundle, type SourceBundle } from '../../records.js';
import { DECIMAL, dropConflictingScores, numberText, parseJsonKeepingNumbers, readText } from './common.js';
import { knownBenchmark } from './known.js';

/**
 * The EvalPlus leaderboard as its site publishes it (github.com/evalplus/evalplus.github.io,
 * results.json): {display name: {link, open-data, pass@1: {humaneval,
 * humaneval+, mbpp, mbpp+}, prompted, size}}, pass@1 in percent with greedy
 * decoding, one harness for every row.
 *
 * - Benchmarks: HumanEval+ and MBPP+ (the extended tests EvalPlus exists
 *   for), and HumanEval (the same 164 problems as the original, with their
 *   original tests: the catalog's `humaneval`). EvalPlus's base "mbpp" is its
 *   own 378-problem subset of MBPP, not the benchmark the catalog's `mbpp`
 *   scores, so it is not imported.
 * - Values keep the file's digits ("82.0" stays "82.0": numbers are read as
 *   text, not through a double).
 * - The model key is the display name exactly as published ("GPT 4o (Aug 2024)").
 * - A null pass@1 (not run) is skipped with a warning naming the entry.
 */

const REPOSITORY = 'https://github.com/evalplus/evalplus.github.io';
/** The snapshot this reader was written against: the site's commit, and the date of its data. */
const SNAPSHOT = { commit: '87418456d3a8c2bc6265f24ff91d2dd0e7993f4b', date: '2024-12-26' };

const METRICS: { field: string; slug: string }[] = [
  { field: 'humaneval+', slug: 'humaneval-plus' },
  { field: 'mbpp+', slug: 'mbpp-plus' },
  { field: 'humaneval', slug: 'humaneval' },
];

export interface EvalPlusOptions {
  commit?: string;
  /** The date of the leaderboard's data. */
  date?: string;
}

export async function readEvalPlus(file: string, options: EvalPlusOptions = {}): Promise<SourceBundle> {
  const commit = options.commit ?? SNAPSHOT.commit;
  const date = options.date ?? SNAPSHOT.date;
  const json = parseJsonKeepingNumbers(await readText(file), file);
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new Error(`${file}: expected {"<model>": {"pass@1": {…}}, …}`);

  const bundle = emptyBundle();
  const source = `evalplus@${commit.slice(0, 7)}`;
  const edition = 'evalplus';
  bundle.sources.push({ key: source, name: 'EvalPlus leaderboard (evalplus.github.io)', url: `${REPOSITORY}/blob/${commit}/results.json`, retrievedAt: date });
  bundle.editions.push({
    slug: edition,
    name: `EvalPlus leaderboard (${date})`,
    leaderboard: 'EvalPlus',
    version: null,
    publishedOn: date,
    independent: true,
    licence: 'Apache-2.0 (evalplus.github.io repository)',
    url: 'https://evalplus.github.io/leaderboard.html',
    source,
  });
  bundle.benchmarks.push(...METRICS.map((m) => knownBenchmark(m.slug, source)!));

  for (const [model, entry] of Object.entries(json as Record<string, unknown>)) {
    if (model.trim() === '') {
      bundle.warnings.push('evalplus results.json: an entry has no model name; skipped');
      continue;
    }
    const passAt1 = (entry as Record<string, unknown> | null)?.['pass@1'];
    if (typeof passAt1 !== 'object' || passAt1 === null) throw new Error(`${file}: entry "${model}" has no "pass@1" object`);
    for (const m of METRICS) {
      const value = numberText((passAt1 as Record<string, unknown>)[m.field]);
      if (value === null || (value === undefined && !(m.field in passAt1))) {
        bundle.warnings.push(`evalplus results.json: "${model}" has no ${m.field} pass@1; skipped`);
        continue;
      }
      if (value === undefined || !DECIMAL.test(value) || Number(value) > 100) throw new Error(`${file}: entry "${model}", pass@1.${m.field} is not a percentage`);
      bundle.scores.push({ model, benchmark: m.slug, edition, value, setting: 'pass@1, greedy', variant: '', ciLow: null, ciHigh: null, measuredOn: null, selfReported: false, source });
    }
  }
  dropConflictingScores(bundle, (s) => `evalplus: "${s.model}" ${s.benchmark}`);
  return bundle;
}
