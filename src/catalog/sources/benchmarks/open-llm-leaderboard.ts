import type { BenchmarkCategory } from '../../../domain/benchmarks.js';
import { emptyBundle, type SourceBundle } from '../../records.js';
import { DECIMAL, dropConflictingScores, parseCsvText, raggedWarnings, readText, requireColumns, shiftPoint } from './common.js';
import { knownBenchmark } from './known.js';

/**
 * Hugging Face's Open LLM Leaderboard v2 in its final state (retired March
 * 2025), from the CSV mirror github.com/fboulnois/llm-leaderboard-csv
 * (csv/huggingface_v2.csv): one row per model repo, precision and chat
 * template, each of six benchmarks as a raw value (0–1) and a
 * baseline-normalised score (0–100), and their average.
 *
 * What each column becomes:
 * - `model_average_score` → `open-llm-average`, the leaderboard's headline.
 * - The six normalised scores (what the leaderboard shows, and what the
 *   average averages) → `open-llm-<benchmark>`. Normalising subtracts the
 *   random-guess baseline, so they are not the benchmarks' own accuracies
 *   and get slugs of their own.
 * - The raw values of IFEval, BBH, GPQA and MMLU-Pro are those benchmarks'
 *   own accuracies, so they are scores of the catalog's `ifeval`,
 *   `big-bench-hard`, `gpqa` and `mmlu-pro` in this edition: written in
 *   percent by moving the decimal point two places (0.466589095744681 →
 *   46.6589095744681, a string operation, digit for digit). MATH Lvl 5 is a
 *   subset of MATH and MuSR is not in the catalog: only their normalised
 *   scores are imported.
 * - The model key is the Hugging Face repo id (`model_name`); the run's
 *   precision and chat template are its setting ("bfloat16, chat
 *   template"), since one repo can be listed once per precision.
 *   `measuredOn` is the submission date.
 * - Rows the leaderboard flagged (contamination, misreporting) are hidden
 *   there by default: skipped with a warning.
 */

const MIRROR = 'https://github.com/fboulnois/llm-leaderboard-csv';
/** The mirror's commit (tag v1.3.0) and the date of its last data update. */
const SNAPSHOT = { commit: 'b2d67d9157535832a3adb35773f3a7c49425059a', date: '2025-03-21' };
const LEADERBOARD = 'https://huggingface.co/spaces/open-llm-leaderboard/open_llm_leaderboard';

const BENCHMARKS: { key: string; slug: string; name: string; category: BenchmarkCategory; raw: string | null }[] = [
  { key: 'ifeval', slug: 'open-llm-ifeval', name: 'IFEval (Open LLM Leaderboard, normalised)', category: 'instruction-following', raw: 'ifeval' },
  { key: 'bbh', slug: 'open-llm-bbh', name: 'BBH (Open LLM Leaderboard, normalised)', category: 'reasoning', raw: 'big-bench-hard' },
  { key: 'math', slug: 'open-llm-math-lvl-5', name: 'MATH Lvl 5 (Open LLM Leaderboard, normalised)', category: 'math', raw: null },
  { key: 'gpqa', slug: 'open-llm-gpqa', name: 'GPQA (Open LLM Leaderboard, normalised)', category: 'reasoning', raw: 'gpqa' },
  { key: 'musr', slug: 'open-llm-musr', name: 'MuSR (Open LLM Leaderboard, normalised)', category: 'reasoning', raw: null },
  { key: 'mmlu_pro', slug: 'open-llm-mmlu-pro', name: 'MMLU-Pro (Open LLM Leaderboard, normalised)', category: 'knowledge', raw: 'mmlu-pro' },
];

export interface OpenLlmLeaderboardOptions {
  commit?: string;
  /** The date of the CSV's data. */
  date?: string;
}

export async function readOpenLlmLeaderboard(file: string, options: OpenLlmLeaderboardOptions = {}): Promise<SourceBundle> {
  const commit = options.commit ?? SNAPSHOT.commit;
  const date = options.date ?? SNAPSHOT.date;
  const csv = parseCsvText(await readText(file), file);
  const value = (b: { key: string }) => `evaluations_${b.key}_value`;
  const normalised = (b: { key: string }) => `evaluations_${b.key}_normalized_score`;
  requireColumns(csv, ['model_name', 'model_precision', 'model_has_chat_template', 'model_average_score', 'features_is_flagged', 'metadata_submission_date', ...BENCHMARKS.flatMap((b) => [value(b), normalised(b)])], file);

  const bundle = emptyBundle();
  const source = `open-llm-leaderboard@${commit.slice(0, 7)}`;
  const edition = 'open-llm-leaderboard-v2';
  bundle.sources.push({ key: source, name: 'Open LLM Leaderboard v2 (CSV mirror, fboulnois/llm-leaderboard-csv)', url: `${MIRROR}/blob/${commit}/csv/huggingface_v2.csv`, retrievedAt: date });
  bundle.editions.push({
    slug: edition,
    name: 'Open LLM Leaderboard v2',
    leaderboard: 'Open LLM Leaderboard',
    version: 'v2',
    publishedOn: date,
    independent: true,
    licence: "Hugging Face Open LLM Leaderboard data (no data licence stated); the CSV mirror's repository is MPL-2.0",
    url: LEADERBOARD,
    source,
  });
  const percent = (slug: string, name: string, category: BenchmarkCategory) => ({ slug, name, category, url: LEADERBOARD, scaleMin: '0', scaleMax: '100', higherIsBetter: true, source });
  bundle.benchmarks.push(percent('open-llm-average', 'Open LLM Leaderboard v2 average', 'reasoning'));
  for (const b of BENCHMARKS) bundle.benchmarks.push(percent(b.slug, b.name, b.category));
  for (const b of BENCHMARKS) if (b.raw) bundle.benchmarks.push(knownBenchmark(b.raw, source)!);

  bundle.warnings.push(...raggedWarnings(csv, 'huggingface_v2.csv'));
  for (const { line, cells: row } of csv.rows) {
    const model = row.model_name ?? '';
    const where = `huggingface_v2.csv: line ${line}${model ? ` ("${model}")` : ''}`;
    if (!model) {
      bundle.warnings.push(`${where}: no model; skipped`);
      continue;
    }
    if (row.features_is_flagged === 'TRUE') {
      bundle.warnings.push(`${where}: flagged by the leaderboard; skipped`);
      continue;
    }
    const submitted = row.metadata_submission_date ?? '';
    const setting = `${row.model_precision}${row.model_has_chat_template === 'TRUE' ? ', chat template' : ''}`;
    const score = (benchmark: string, column: string, transform: (text: string) => string = (t) => t, max = '100') => {
      const text = row[column] ?? '';
      if (text === '' || text === 'N/A') {
        bundle.warnings.push(`${where}: ${column} is ${text || 'empty'}; skipped`);
        return;
      }
      if (!DECIMAL.test(text) || Number(text) > Number(max)) throw new Error(`${file}: line ${line} ("${model}"), ${column}: "${text}" is not a score from 0 to ${max}`);
      bundle.scores.push({
        model,
        benchmark,
        edition,
        value: transform(text),
        setting,
        variant: '',
        ciLow: null,
        ciHigh: null,
        measuredOn: /^\d{4}-\d{2}-\d{2}$/.test(submitted) ? submitted : null,
        selfReported: false,
        source,
      });
    };
    score('open-llm-average', 'model_average_score');
    for (const b of BENCHMARKS) score(b.slug, normalised(b));
    for (const b of BENCHMARKS) if (b.raw) score(b.raw, value(b), (t) => shiftPoint(t, 2), '1');
  }
  dropConflictingScores(bundle, (s) => `open-llm-leaderboard: "${s.model}" (${s.setting}) ${s.benchmark}`);
  return bundle;
}
