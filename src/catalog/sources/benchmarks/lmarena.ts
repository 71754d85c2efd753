import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { BenchmarkCategory } from '../../../domain/benchmarks.js';
import { emptyBundle, type SourceBundle } from '../../records.js';

/**
 * LMArena's text leaderboard as its own export publishes it
 * (github.com/lmarena/arena-catalog, data/leaderboard-text*.json:
 * {category: {model_key: {rating, rating_q975, rating_q025}}}).
 *
 * - One edition per file: the style-controlled and the raw ratings are two
 *   fits of the same votes, never comparable with each other. Each score's
 *   `setting` repeats the edition's version ("style control" / "no style
 *   control") so a score read on its own still says which fit it is.
 * - Model keys are kept exactly as published ("…-thinking-32k", "gpt-5-high"):
 *   the resolver splits run suffixes into a variant itself.
 * - Ratings are an open (Bradley-Terry) scale: no bounds, higher is better.
 */

const REPOSITORY = 'https://github.com/lmarena/arena-catalog';
const LEADERBOARD_URL = 'https://lmarena.ai/leaderboard/text';

/**
 * The categories imported: the overall board and the task slices the
 * catalog's categories can use. Languages, industries and ablations
 * ("no_tie", "no_short") are slices of the same votes by who asked, not
 * separate abilities, so they are left out.
 */
const CATEGORIES: Record<string, { slug: string; name: string; category: BenchmarkCategory }> = {
  full: { slug: 'lmarena-text', name: 'LMArena text (overall)', category: 'human-preference' },
  coding: { slug: 'lmarena-text-coding', name: 'LMArena text: coding', category: 'coding' },
  math: { slug: 'lmarena-text-math', name: 'LMArena text: math', category: 'math' },
  if: { slug: 'lmarena-text-instruction-following', name: 'LMArena text: instruction following', category: 'instruction-following' },
  hard_6: { slug: 'lmarena-text-hard-prompts', name: 'LMArena text: hard prompts', category: 'reasoning' },
  long_user: { slug: 'lmarena-text-long-queries', name: 'LMArena text: longer queries', category: 'long-context' },
  multiturn: { slug: 'lmarena-text-multi-turn', name: 'LMArena text: multi-turn', category: 'human-preference' },
  creative_writing: { slug: 'lmarena-text-creative-writing', name: 'LMArena text: creative writing', category: 'human-preference' },
};

const FIELDS = ['rating', 'rating_q025', 'rating_q975'] as const;
const DECIMAL = /^-?\d+(\.\d+)?$/;
/** Marks a number's source text once it has been turned into a string (no JSON key or value holds NUL). */
const NUMBER = '\u0000';

/**
 * JSON.parse turns 1487.2345 into a double, and printing it back is only
 * right when the writer printed the shortest round-trip form too. Rather
 * than rely on that, every number token is re-quoted before parsing, so
 * each value arrives as the exact text of the file. Strings are matched
 * first, so digits inside a key are never touched.
 */
function parseKeepingNumberText(text: string): unknown {
  const quoted = text.replace(/"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g, (token) =>
    token.startsWith('"') ? token : `"\\u0000${token}"`,
  );
  return JSON.parse(quoted);
}

type Entry = Record<(typeof FIELDS)[number], string>;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readEntry(value: unknown, where: string): Entry {
  if (!isObject(value)) throw new Error(`${where}: expected {rating, rating_q975, rating_q025}`);
  const entry = {} as Entry;
  for (const field of FIELDS) {
    const raw = value[field];
    if (typeof raw !== 'string' || !raw.startsWith(NUMBER)) throw new Error(`${where}: ${field} is missing or not a number`);
    const digits = raw.slice(NUMBER.length);
    // An exponent ("1.5e3") would have to be rewritten to fit a decimal column; refuse it rather than guess.
    if (!DECIMAL.test(digits)) throw new Error(`${where}: ${field} "${digits}" is not a plain decimal`);
    entry[field] = digits;
  }
  return entry;
}

export interface LmarenaOptions {
  /** True for leaderboard-text-style-control.json, false for leaderboard-text.json. */
  styleControl: boolean;
  /** The date of the ratings (the export's "Update leaderboard scores with MM/DD data"), ISO. */
  publishedOn: string;
  /** The arena-catalog commit the file was taken from; without it the URL points at main. */
  commit?: string;
}

export async function readLmarena(file: string, options: LmarenaOptions): Promise<SourceBundle> {
  const base = path.basename(file);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.publishedOn)) throw new Error(`${base}: publishedOn "${options.publishedOn}" is not an ISO date`);
  const text = await readFile(file, 'utf8');
  let data: unknown;
  try {
    data = parseKeepingNumberText(text);
  } catch {
    // Re-parse the original so the message's position points into the file, not the re-quoted copy.
    try {
      JSON.parse(text);
    } catch (error) {
      throw new Error(`${file}: not valid JSON: ${(error as Error).message}`);
    }
    throw new Error(`${file}: not valid JSON`);
  }
  if (!isObject(data)) throw new Error(`${file}: expected an object of categories`);

  const bundle = emptyBundle();
  const version = options.styleControl ? 'style control' : 'no style control';
  const slug = `lmarena-text${options.styleControl ? '-style-control' : ''}-${options.publishedOn}`;
  const source = `lmarena:${base}@${options.commit ?? options.publishedOn}`;
  bundle.sources.push({
    key: source,
    name: `LMArena arena-catalog (${base})`,
    url: `${REPOSITORY}/blob/${options.commit ?? 'main'}/data/${base}`,
    retrievedAt: options.publishedOn,
  });
  bundle.editions.push({
    slug,
    name: `LMArena text, ${version}, ${options.publishedOn}`,
    leaderboard: 'LMArena text',
    version,
    publishedOn: options.publishedOn,
    independent: true,
    licence: "No licence file; LMArena's data, attributed to LMArena (lmarena.ai)",
    url: REPOSITORY,
    source,
  });

  for (const [key, benchmark] of Object.entries(CATEGORIES)) {
    const models = data[key];
    if (models === undefined) {
      bundle.warnings.push(`${base}: category "${key}" is absent; ${benchmark.slug} not imported`);
      continue;
    }
    if (!isObject(models)) throw new Error(`${file}: category "${key}" is not an object of models`);
    bundle.benchmarks.push({ ...benchmark, url: LEADERBOARD_URL, scaleMin: null, scaleMax: null, higherIsBetter: true, source });
    for (const [model, value] of Object.entries(models)) {
      const entry = readEntry(value, `${file}: ${key}.${model}`);
      bundle.scores.push({
        model,
        benchmark: benchmark.slug,
        edition: slug,
        value: entry.rating,
        setting: version,
        variant: '',
        ciLow: entry.rating_q025,
        ciHigh: entry.rating_q975,
        measuredOn: options.publishedOn,
        selfReported: false,
        source,
      });
    }
  }
  if (bundle.benchmarks.length === 0) throw new Error(`${file}: none of the categories ${Object.keys(CATEGORIES).join(', ')} is present`);
  return bundle;
}
