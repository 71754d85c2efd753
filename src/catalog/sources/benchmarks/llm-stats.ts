import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { BenchmarkCategory } from '../../../domain/benchmarks.js';
import { emptyBundle, type SourceBundle } from '../../records.js';
import { benchmarkSlug, DECIMAL, dropConflictingScores, numberText, parseJsonKeepingNumbers, readText, shiftPoint } from './common.js';
import { knownBenchmark } from './known.js';

/**
 * LLM-Stats' open data (github.com/JonathanChavezTamales/llm-leaderboard,
 * data/): the scores labs report in their model cards and posts, collected
 * with a link to where each was reported. Not a leaderboard that measures
 * anything: one edition, `llm-stats`, not independent; each score keeps
 * `is_self_reported` as published.
 *
 * - Benchmarks: an LLM-Stats benchmark id becomes the catalog's slug when
 *   it is the same benchmark (gpqa, mmlu-pro, humaneval, arc-c →
 *   arc-challenge, bbh → big-bench-hard, …: known.ts), else a slug of its
 *   own from the id, with the catalog category its LLM-Stats categories say.
 *   LLM-Stats' "gpqa" mixes what labs call GPQA and GPQA Diamond; it is
 *   kept as `gpqa`, as LLM-Stats files it.
 * - Values: LLM-Stats stores scores as fractions (0.772 for 77.2 %). They are
 *   written in percent on a 0–100 scale, as the catalog scores the same
 *   benchmarks, by moving the decimal point two places (a string operation:
 *   digits are never recomputed). MT-Bench and MM-MT-Bench (0–10 judge
 *   scores stored /10) move one place onto 0–10; CFEval is a rating,
 *   published as such, on an open scale. A few benchmarks cannot be read
 *   back exactly or mix directions (SKIPPED below): skipped with a warning.
 * - Provenance: ScoreRecord has no URL field, and a link is too long to be a
 *   setting, so each distinct link is a SourceRecord ("LLM-Stats, citing
 *   openai.com") and the score's source; the edition's source is the
 *   LLM-Stats repository. The placeholder link https://example.com/… cites
 *   nothing: those scores keep the repository as their source.
 * - `setting` is the entry's `analysis_method` as published ("0-shot CoT";
 *   '' for null, "-" and "N/A");
 *   it also tells apart a model's two runs of one benchmark (with and
 *   without tools). Two entries alike in everything but their value are
 *   skipped with a warning (dropConflictingScores).
 */

const REPOSITORY = 'https://github.com/JonathanChavezTamales/llm-leaderboard';
/** The commit this reader was written against, and the date of its newest entry. */
const SNAPSHOT = { commit: '24a9ccf7402306f0c3e237213538e4537d64ecc2', date: '2025-10-15' };

/** LLM-Stats ids that name a benchmark the catalog (or another importer) already has under another slug. */
const SAME_AS: Record<string, string> = {
  'arc-c': 'arc-challenge',
  'ai2-reasoning-challenge-(arc)': 'arc-challenge',
  bbh: 'big-bench-hard',
  'mmlu-(cot)': 'mmlu-cot',
  hle: 'humanitys-last-exam',
  hmmt25: 'hmmt-2025',
  // Labs quote LiveBench's global average and BFCL v3's overall accuracy.
  livebench: 'livebench-average',
  'bfcl-v3': 'bfcl-overall',
};

type Scale = { places: number; min: string | null; max: string | null };
const PERCENT: Scale = { places: 2, min: '0', max: '100' };
const SCALES: Record<string, Scale> = {
  'mt-bench': { places: 1, min: '0', max: '10' },
  'mm-mt-bench': { places: 1, min: '0', max: '10' },
  cfeval: { places: 0, min: null, max: null },
};
const SKIPPED: Record<string, string> = {
  codeforces: 'an Elo rating divided by 3000 and rounded: the rating cannot be read back exactly',
  fleurs: 'word error rates (lower is better) and accuracies mixed in one benchmark',
  'common-voice-15': 'a word error rate (lower is better)',
  nmos: 'a mean opinion score stored as a fraction of a scale it does not state',
  factscore: 'a hallucination rate (lower is better) filed under a benchmark defined as precision',
  'longfact-concepts': 'a hallucination rate (lower is better) filed under a factuality benchmark',
  'longfact-objects': 'a hallucination rate (lower is better) filed under a factuality benchmark',
};

interface Definition {
  name: string;
  categories: string[];
  modality: string;
  multilingual: boolean;
  url: string | null;
}

const PERCEPTION = ['vision', 'multimodal', 'audio', 'video', 'image-to-text', 'text-to-image', 'speech-to-text', 'text-to-speech', 'text-to-video', 'video-to-text'];

/** LLM-Stats' categories, first listed first, as the catalog's ("language" is multilingual for a multilingual benchmark). */
const BY_CATEGORY: Record<string, (d: Definition) => BenchmarkCategory> = {
  reasoning: () => 'reasoning',
  math: () => 'math',
  long_context: () => 'long-context',
  general: () => 'knowledge',
  factuality: () => 'knowledge',
  language: (d) => (d.multilingual ? 'multilingual' : 'knowledge'),
};

/**
 * The catalog's category for an LLM-Stats benchmark; null when none fits
 * (images, audio, safety, medicine). LLM-Stats' own tags are loose
 * (MultiPL-E is "general, language"), so what the id says comes first.
 */
function categoryOf(id: string, d: Definition): BenchmarkCategory | null {
  const has = (...names: string[]) => names.some((n) => d.categories.includes(n));
  if (d.modality !== 'text' || has(...PERCEPTION)) return null;
  if (/tau|bfcl|nexus|api-bank|acebench|complexfuncbench|gorilla/.test(id)) return 'tool-use';
  if (/(^|-)if(-|$)|ifeval|instruction|collie/.test(id)) return 'instruction-following';
  if (/arena-hard|alpacaeval|wild-bench|mt-bench/.test(id)) return 'human-preference';
  if (/code|humaneval|mbpp|multipl-e|swe-|cruxeval|crux-o|bird-sql|spider|repobench|repoqa/.test(id) || has('code', 'coding', 'frontend_development')) return 'coding';
  if (has('agents', 'search')) return 'agentic';
  const first = d.categories.find((c) => BY_CATEGORY[c]);
  return first ? BY_CATEGORY[first]!(d) : null;
}

/** What LLM-Stats writes for "no method stated". */
const PLACEHOLDERS = new Set(['-', 'N/A']);

const isUrl = (text: unknown): text is string => typeof text === 'string' && /^https?:\/\/[^\s]+$/.test(text);

async function readDefinitions(directory: string): Promise<Map<string, Definition>> {
  const folder = path.join(directory, 'benchmarks');
  const files = (await readdir(folder).catch(() => null))?.filter((f) => f.endsWith('.json')).sort();
  if (!files) throw new Error(`${directory}: not an LLM-Stats data directory (no benchmarks/ folder)`);
  const definitions = new Map<string, Definition>();
  for (const name of files) {
    const file = path.join(folder, name);
    let json: Record<string, unknown>;
    try {
      json = JSON.parse(await readText(file)) as Record<string, unknown>;
    } catch (error) {
      throw new Error(`${file}: not valid JSON: ${(error as Error).message}`);
    }
    if (typeof json?.benchmark_id !== 'string' || typeof json.name !== 'string' || !Array.isArray(json.categories)) {
      throw new Error(`${file}: expected a benchmark with benchmark_id, name and categories`);
    }
    definitions.set(json.benchmark_id, {
      name: json.name,
      categories: json.categories.filter((c): c is string => typeof c === 'string'),
      modality: typeof json.modality === 'string' ? json.modality : 'text',
      multilingual: json.multilingual === true,
      url: isUrl(json.paper_link) ? json.paper_link : isUrl(json.implementation_link) ? json.implementation_link : null,
    });
  }
  return definitions;
}

/** organizations/<org>/models/<model>/benchmarks.json, in a stable order. */
async function scoreFiles(directory: string): Promise<string[]> {
  const organizations = path.join(directory, 'organizations');
  const list = async (dir: string) => (await readdir(dir, { withFileTypes: true }).catch(() => [])).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const files: string[] = [];
  for (const org of await list(organizations)) {
    for (const model of await list(path.join(organizations, org, 'models'))) {
      const file = path.join(organizations, org, 'models', model, 'benchmarks.json');
      if ((await readdir(path.dirname(file))).includes('benchmarks.json')) files.push(file);
    }
  }
  if (files.length === 0) throw new Error(`${directory}: no organizations/<org>/models/<model>/benchmarks.json`);
  return files;
}

export interface LlmStatsOptions {
  commit?: string;
  /** The date of the data (its newest entry). */
  date?: string;
}

/** Reads an LLM-Stats `data/` directory. */
export async function readLlmStats(directory: string, options: LlmStatsOptions = {}): Promise<SourceBundle> {
  const commit = options.commit ?? SNAPSHOT.commit;
  const date = options.date ?? SNAPSHOT.date;
  const definitions = await readDefinitions(directory);
  const bundle = emptyBundle();
  const repository = `llm-stats@${commit.slice(0, 7)}`;
  const edition = 'llm-stats';
  bundle.sources.push({ key: repository, name: 'LLM-Stats open data (llm-stats.com)', url: `${REPOSITORY}/tree/${commit}/data`, retrievedAt: date });
  bundle.editions.push({
    slug: edition,
    name: 'LLM-Stats: labs’ reported scores',
    leaderboard: 'LLM-Stats',
    version: null,
    publishedOn: date,
    independent: false,
    licence: 'CC BY 4.0 (LLM-Stats)',
    url: 'https://llm-stats.com/',
    source: repository,
  });
  const cited = new Map<string, string>();
  const sourceFor = (link: unknown): string => {
    if (!isUrl(link) || new URL(link).hostname === 'example.com') return repository;
    if (!cited.has(link)) {
      const key = `llm-stats:${link}`;
      bundle.sources.push({ key, name: `LLM-Stats (CC BY 4.0), citing ${new URL(link).hostname.replace(/^www\./, '')}`, url: link, retrievedAt: date });
      cited.set(link, key);
    }
    return cited.get(link)!;
  };
  const benchmarks = new Map<string, SourceBundle['benchmarks'][number]>();
  const skippedBenchmarks = new Map<string, string[]>();

  for (const file of await scoreFiles(directory)) {
    const where = path.relative(directory, file);
    const entries = parseJsonKeepingNumbers(await readText(file), file);
    if (!Array.isArray(entries)) throw new Error(`${file}: expected a list of scores`);
    entries.forEach((value, index) => {
      const e = value as Record<string, unknown>;
      if (typeof e !== 'object' || e === null) throw new Error(`${file}: entry ${index + 1} is not an object`);
      const id = e.benchmark_id;
      const model = e.model_id;
      const label = `${where}: entry ${index + 1} (${String(model)}, ${String(id)})`;
      if (typeof model !== 'string' || model === '' || typeof id !== 'string' || id === '') {
        bundle.warnings.push(`${label}: no model or benchmark; skipped`);
        return;
      }
      if (SKIPPED[id]) {
        skippedBenchmarks.set(id, [...(skippedBenchmarks.get(id) ?? []), model]);
        return;
      }
      const definition = definitions.get(id);
      if (!definition) {
        bundle.warnings.push(`${label}: benchmark "${id}" is not defined in benchmarks/; skipped`);
        return;
      }
      const text = numberText(e.score);
      if (!text) {
        bundle.warnings.push(`${label}: no score; skipped`);
        return;
      }
      const scale = SCALES[id] ?? PERCENT;
      // A fraction is at most 1; anything else is not the number this scale assumes.
      if (!DECIMAL.test(text) || (scale.max !== null && Number(text) > 1)) {
        bundle.warnings.push(`${label}: score ${text} is not a fraction from 0 to 1; skipped`);
        return;
      }
      const slug = SAME_AS[id] ?? benchmarkSlug(id);
      if (!benchmarks.has(slug)) {
        benchmarks.set(
          slug,
          knownBenchmark(slug, repository) ?? {
            slug,
            name: definition.name,
            category: categoryOf(id, definition),
            url: definition.url,
            scaleMin: scale.min,
            scaleMax: scale.max,
            higherIsBetter: true,
            source: repository,
          },
        );
      }
      bundle.scores.push({
        model,
        benchmark: slug,
        edition,
        value: shiftPoint(text, scale.places),
        setting: typeof e.analysis_method === 'string' && !PLACEHOLDERS.has(e.analysis_method.trim()) ? e.analysis_method.trim() : '',
        variant: '',
        ciLow: null,
        ciHigh: null,
        measuredOn: null,
        selfReported: typeof e.is_self_reported === 'boolean' ? e.is_self_reported : null,
        source: sourceFor(e.self_reported_source_link),
      });
    });
  }
  for (const [id, models] of skippedBenchmarks) bundle.warnings.push(`llm-stats: "${id}" scores of ${models.join(', ')} skipped: ${SKIPPED[id]}`);
  bundle.benchmarks.push(...benchmarks.values());
  dropConflictingScores(bundle, (s) => `llm-stats: "${s.model}" ${s.benchmark} (${s.setting || 'no method'})`);
  return bundle;
}
