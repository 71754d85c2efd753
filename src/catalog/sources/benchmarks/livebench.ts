import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { BenchmarkCategory } from '../../../domain/benchmarks.js';
import { Decimal } from '../../../resolvers/decimal.js';
import { toSlug } from '../../providers.js';
import { emptyBundle, type SourceBundle } from '../../records.js';
import { DECIMAL, dropConflictingScores, parseCsvText, raggedWarnings, readText } from './common.js';
import { knownBenchmark } from './known.js';

/**
 * LiveBench as its website publishes it (github.com/LiveBench/livebench.github.io,
 * public/table_<release>.csv and categories_<release>.json): per release,
 * one row per model with one 0–100 column per task, and the tasks of each
 * category. Each release is its own question set, so its own edition.
 *
 * The tables hold no averages: the site computes them (src/Table/Averaging.js)
 * and so does this reader, the same way but in exact decimals:
 * - a category's average is the mean of its task columns the row has a
 *   number for (an empty cell is left out, not counted as 0), shown with
 *   toFixed(2);
 * - the global average is the mean of the unrounded category averages,
 *   shown with toFixed(2). A row with a category that has no number at all
 *   gets none (the site's sum of a '-' with numbers is not a number).
 * Both are rounded half up from the exact mean. The site rounds the binary
 * double instead, which can land a hair under a half and show one
 * hundredth less; the exact rounding is the one a reader can check by hand.
 *
 * A row with more or fewer cells than the header (one in 2026-01-08) is
 * skipped with a warning: the site reads its numbers in order, under tasks
 * they may not belong to.
 *
 * Averaging.js replaces the global average of `grok-3` (58) and
 * `grok-3-thinking` (72) with hard-coded numbers no table holds. Those
 * numbers are not a measurement in the published data and a computed one
 * would disagree with the site, so for those two keys the global average is
 * not imported (with a warning); their category averages are.
 */

const REPOSITORY = 'https://github.com/LiveBench/livebench.github.io';
/** The snapshot this reader was written against (commit date). */
const SNAPSHOT = { commit: '4bf96c8d9dc9b06c17d82dc76a54429975c2b2c2', date: '2026-07-01' };
const LICENCE =
  'Apache-2.0 (the LiveBench benchmark, LiveBench/LiveBench; its DATASHEET: "distributed under the Apache License 2.0"). The website repository has no licence file.';
const HARD_CODED_GLOBAL = new Set(['grok-3', 'grok-3-thinking']);

/** The site's categories, as the catalog's categories. */
const CATEGORIES: Record<string, { slug: string; name: string; category: BenchmarkCategory }> = {
  Reasoning: { slug: 'livebench-reasoning', name: 'LiveBench: reasoning', category: 'reasoning' },
  Coding: { slug: 'livebench-coding', name: 'LiveBench: coding', category: 'coding' },
  'Agentic Coding': { slug: 'livebench-agentic-coding', name: 'LiveBench: agentic coding', category: 'agentic' },
  Mathematics: { slug: 'livebench-mathematics', name: 'LiveBench: mathematics', category: 'math' },
  // Table joins and reformatting: reasoning over data, the closest of the catalog's categories.
  'Data Analysis': { slug: 'livebench-data-analysis', name: 'LiveBench: data analysis', category: 'reasoning' },
  // Connections, plot unscrambling, typo fixing: word puzzles rather than knowledge.
  Language: { slug: 'livebench-language', name: 'LiveBench: language', category: 'reasoning' },
  IF: { slug: 'livebench-instruction-following', name: 'LiveBench: instruction following', category: 'instruction-following' },
};

export interface LiveBenchOptions {
  /** The website repository's commit the files come from. */
  commit?: string;
  /** When the tables were read as they are (the commit's date). */
  retrievedAt?: string;
}

/** `sum / divisor`, rounded half up, with exactly `places` decimals (what toFixed shows). */
function divideRounded(sum: Decimal, divisor: bigint, places: number): string {
  const [whole, fraction = ''] = sum.toString().split('.') as [string, string?];
  const numerator = BigInt(`${whole}${fraction}`) * 10n ** BigInt(places);
  const denominator = divisor * 10n ** BigInt(fraction.length);
  // Values are never negative (checked on reading), so half up is floor(x + 1/2).
  const rounded = (2n * numerator + denominator) / (2n * denominator);
  return Decimal.from(rounded).shiftLeft(places).toFixed(places);
}

function parseCategories(text: string, file: string): Record<string, string[]> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: not valid JSON: ${(error as Error).message}`);
  }
  const valid =
    typeof json === 'object' && json !== null && !Array.isArray(json) &&
    Object.values(json).every((tasks) => Array.isArray(tasks) && tasks.length > 0 && tasks.every((t) => typeof t === 'string'));
  if (!valid) throw new Error(`${file}: expected {"<category>": ["<task column>", …]}`);
  return json as Record<string, string[]>;
}

/** Reads every release in a directory holding the site's table_<release>.csv and categories_<release>.json. */
export async function readLiveBench(directory: string, options: LiveBenchOptions = {}): Promise<SourceBundle> {
  const commit = options.commit ?? SNAPSHOT.commit;
  const bundle = emptyBundle();
  const source = `livebench@${commit.slice(0, 7)}`;
  bundle.sources.push({ key: source, name: 'LiveBench leaderboard (livebench.ai site data)', url: `${REPOSITORY}/tree/${commit}/public`, retrievedAt: options.retrievedAt ?? SNAPSHOT.date });

  const releases = (await readdir(directory).catch((error: Error) => {
    throw new Error(`${directory}: cannot be read: ${error.message}`);
  }))
    .map((f) => /^table_(\d{4})_(\d{2})_(\d{2})\.csv$/.exec(f))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ date: `${m[1]}-${m[2]}-${m[3]}`, suffix: `${m[1]}_${m[2]}_${m[3]}` }))
    .sort((a, b) => a.date.localeCompare(b.date));
  if (releases.length === 0) throw new Error(`${directory}: no LiveBench table_<YYYY_MM_DD>.csv file`);

  const benchmarks = new Map<string, SourceBundle['benchmarks'][number]>();
  benchmarks.set('livebench-average', knownBenchmark('livebench-average', source)!);

  for (const release of releases) {
    const tableFile = path.join(directory, `table_${release.suffix}.csv`);
    const categoriesFile = path.join(directory, `categories_${release.suffix}.json`);
    const table = `table_${release.suffix}.csv`;
    const categories = parseCategories(await readText(categoriesFile), categoriesFile);
    const csv = parseCsvText(await readText(tableFile), tableFile);
    const { header } = csv;
    if (!header.includes('model')) throw new Error(`${tableFile}: missing column "model"`);
    // A row with too few cells cannot say which task each number belongs to (the site reads them in order).
    bundle.warnings.push(...raggedWarnings(csv, table));
    for (const [name, tasks] of Object.entries(categories)) {
      const absent = tasks.filter((t) => !header.includes(t));
      // The site reads an absent column as empty; so does this reader, but it says so.
      if (absent.length > 0) bundle.warnings.push(`${table}: category ${name} names task${absent.length > 1 ? 's' : ''} ${absent.join(', ')} the table has no column for`);
    }

    const edition = `livebench-${release.date}`;
    bundle.editions.push({
      slug: edition,
      name: `LiveBench ${release.date}`,
      leaderboard: 'LiveBench',
      version: release.date,
      publishedOn: release.date,
      independent: true,
      licence: LICENCE,
      url: `${REPOSITORY}/blob/${commit}/public/${table}`,
      source,
    });
    const kinds = Object.keys(categories).map((name) => {
      const known = CATEGORIES[name];
      if (!known) bundle.warnings.push(`${table}: category "${name}" is new to this reader; imported without a catalog category`);
      const kind = known ?? { slug: `livebench-${toSlug(name)}`, name: `LiveBench: ${name}`, category: null };
      if (!benchmarks.has(kind.slug)) {
        benchmarks.set(kind.slug, { slug: kind.slug, name: kind.name, category: kind.category, url: 'https://livebench.ai/', scaleMin: '0', scaleMax: '100', higherIsBetter: true, source });
      }
      return { name, slug: kind.slug, tasks: categories[name]! };
    });
    const score = (model: string, benchmark: string, value: string) =>
      bundle.scores.push({ model, benchmark, edition, value, setting: '', variant: '', ciLow: null, ciHigh: null, measuredOn: null, selfReported: false, source });

    for (const { line, cells: row } of csv.rows) {
      const model = row.model ?? '';
      const where = `${table}: line ${line}${model ? ` ("${model}")` : ''}`;
      if (!model) {
        bundle.warnings.push(`${where}: no model; skipped`);
        continue;
      }
      const cell = (task: string): Decimal | null => {
        const text = row[task] ?? '';
        if (text === '') return null;
        if (!DECIMAL.test(text) || Number(text) > 100) throw new Error(`${tableFile}: line ${line} ("${model}"), column ${task}: "${text}" is not a score from 0 to 100`);
        return Decimal.from(text);
      };
      const averages = kinds.map((kind) => {
        const values = kind.tasks.map(cell).filter((v): v is Decimal => v !== null);
        return { ...kind, values, sum: values.reduce((a, b) => a.plus(b), Decimal.ZERO) };
      });
      if (averages.every((a) => a.values.length === 0)) {
        bundle.warnings.push(`${where}: no task scored; skipped`);
        continue;
      }
      for (const a of averages) {
        if (a.values.length === 0) {
          bundle.warnings.push(`${where}: no ${a.name} task scored; no ${a.name} or global average`);
          continue;
        }
        if (a.values.length < a.tasks.length) bundle.warnings.push(`${where}: ${a.name} averaged over ${a.values.length} of ${a.tasks.length} tasks, as the site does`);
        score(model, a.slug, divideRounded(a.sum, BigInt(a.values.length), 2));
      }
      if (HARD_CODED_GLOBAL.has(model)) {
        bundle.warnings.push(`${where}: the site shows a hard-coded global average for this model, not one computed from the table; global average not imported`);
        continue;
      }
      if (averages.some((a) => a.values.length === 0)) continue;
      // Mean of the category means, over one common denominator: Σ sum_c·(L/n_c) / (L·C).
      const common = averages.reduce((l, a) => l * BigInt(a.values.length), 1n);
      const numerator = averages.reduce((total, a) => total.plus(a.sum.times(Decimal.from(common / BigInt(a.values.length)))), Decimal.ZERO);
      score(model, 'livebench-average', divideRounded(numerator, common * BigInt(averages.length), 2));
    }
  }
  bundle.benchmarks.push(...benchmarks.values());
  dropConflictingScores(bundle, (s) => `${s.edition}: "${s.model}" ${s.benchmark}`);
  return bundle;
}
