import { createHash } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseToml } from 'smol-toml';
import type { BenchmarkCategory } from '../../../domain/benchmarks.js';
import { toSlug } from '../../providers.js';
import { emptyBundle, type EditionRecord, type SourceBundle } from '../../records.js';
import { benchmarkSlug, DECIMAL, dropConflictingScores, readText } from './common.js';
import { knownBenchmark } from './known.js';

/**
 * The `[[benchmarks]]` tables of models.dev's lab files
 * (models/<lab>/<model>.toml: name, score, metric, source, date, and
 * sometimes harness, variant, version, dataset). models.dev copies them from
 * the page in `source`; what that page is decides the edition:
 *
 * - A leaderboard this project imports from its own upstream file (Aider,
 *   LMArena, LiveBench, BFCL, EvalPlus, the Open LLM Leaderboard, LLM-Stats):
 *   skipped with a warning, so a copy never stands beside its original.
 * - Another independent leaderboard (Scale's SWE-Bench Pro and SWE-Atlas
 *   boards, Artificial Analysis, its numbers on OpenRouter's model pages,
 *   swebench.com): one edition per leaderboard, independent.
 * - Anything else is a lab's own publication (a model card, a launch post,
 *   a paper): one edition per page, not independent, as curated model cards
 *   are. Its scores are self-reported when the page is the model's own lab's
 *   (its Hugging Face card, or its lab's site), not when a lab quotes a
 *   competitor, unknown otherwise.
 *
 * The model key is the lab file's id ("claude-opus-4-6"). The score keeps
 * the file's digits ("72.0" stays "72.0": the text is read from the TOML
 * source, and checked against the parsed number). `version` is part of the
 * benchmark ("Terminal-Bench" version 2.1 is terminal-bench-2.1); a
 * reasoning effort in `variant` is the score's variant, any other `variant`
 * (a harness name), `harness` and `dataset` make its setting. Scores are
 * 0–100: one above 100 is skipped with a warning.
 */

const UPSTREAM: { name: string; matches: (url: URL) => boolean }[] = [
  { name: 'Aider', matches: (u) => u.hostname === 'aider.chat' },
  { name: 'LMArena', matches: (u) => /(^|\.)lmarena\.ai$/.test(u.hostname) || u.hostname === 'lmsys.org' || u.hostname.endsWith('.lmsys.org') },
  { name: 'LiveBench', matches: (u) => /(^|\.)livebench\.ai$/.test(u.hostname) },
  { name: 'BFCL', matches: (u) => u.hostname === 'gorilla.cs.berkeley.edu' },
  { name: 'EvalPlus', matches: (u) => u.hostname === 'evalplus.github.io' },
  { name: 'Open LLM Leaderboard', matches: (u) => u.hostname === 'huggingface.co' && u.pathname.startsWith('/spaces/open-llm-leaderboard') },
  { name: 'LLM-Stats', matches: (u) => /(^|\.)llm-stats\.com$/.test(u.hostname) },
];

type Board = Pick<EditionRecord, 'slug' | 'name' | 'leaderboard' | 'version' | 'url'>;

/** Independent leaderboards models.dev cites, one edition each. */
function leaderboardOf(u: URL): Board | null {
  const host = u.hostname.replace(/^www\./, '');
  const scale = /^\/leaderboard\/([^/]+)/.exec(u.pathname);
  if (host === 'labs.scale.com' && scale) {
    return { slug: `scale-${toSlug(scale[1]!)}`, name: `Scale Labs leaderboard: ${scale[1]}`, leaderboard: 'Scale Labs leaderboards', version: scale[1]!, url: `https://labs.scale.com/leaderboard/${scale[1]}` };
  }
  if (host === 'artificialanalysis.ai') {
    const page = toSlug(u.pathname) || 'home';
    return { slug: `artificial-analysis-${page}`, name: `Artificial Analysis (${u.pathname.replace(/^\/|\/$/g, '')})`, leaderboard: 'Artificial Analysis', version: null, url: `https://artificialanalysis.ai${u.pathname}` };
  }
  // OpenRouter's model pages show Artificial Analysis's evaluations of each model.
  if (host === 'openrouter.ai' && /\/benchmarks\/?$/.test(u.pathname)) {
    return { slug: 'openrouter-artificial-analysis', name: 'Artificial Analysis scores on OpenRouter model pages', leaderboard: 'Artificial Analysis (via OpenRouter)', version: null, url: 'https://openrouter.ai/models' };
  }
  if (host === 'swebench.com') return { slug: 'swe-bench-leaderboard', name: 'SWE-bench leaderboard', leaderboard: 'SWE-bench', version: null, url: 'https://www.swebench.com/' };
  return null;
}

/** Labs' own sites, by the models.dev lab id: a score on one of them is its lab's report. */
const LAB_SITES: Record<string, string> = {
  'anthropic.com': 'anthropic',
  'openai.com': 'openai',
  'mistral.ai': 'mistral',
  'sakana.ai': 'sakana',
  'deepmind.google': 'google',
  'blog.google': 'google',
  'x.ai': 'xai',
  'deepseek.com': 'deepseek',
  'moonshot.ai': 'moonshotai',
  'z.ai': 'zhipuai',
  'minimax.io': 'minimax',
  'stepfun.com': 'stepfun',
  'cohere.com': 'cohere',
  'ai.meta.com': 'meta',
};

/** True when the page is the model's own lab's, false when it is another lab's, null when it cannot be told. */
function reportedByOwnLab(u: URL, lab: string, model: string): boolean | null {
  const host = u.hostname.replace(/^www\./, '');
  if (host === 'huggingface.co') {
    // A model's own card: the repository is named as the lab names the model.
    const repo = u.pathname.split('/').filter(Boolean)[1];
    return repo && repo.toLowerCase() === model.toLowerCase() ? true : null;
  }
  const site = Object.keys(LAB_SITES).find((s) => host === s || host.endsWith(`.${s}`));
  return site ? LAB_SITES[site] === lab : null;
}

const CATEGORY_BY_NAME: [RegExp, BenchmarkCategory | null][] = [
  [/charxiv|cti-realm/i, null],
  [/agent|terminal|claw/i, 'agentic'],
  [/τ|\btau/i, 'tool-use'],
  [/swe|code|coding|nl2repo/i, 'coding'],
  [/long context|mrcr/i, 'long-context'],
  [/gpqa|last exam|reasoning/i, 'reasoning'],
];
const EFFORT = /^(?:minimal|low|medium|high|xhigh|max|(?:no-)?thinking(?:-\d+k)?)$/i;

/** The `score = …` text of each [[benchmarks]] table, in order (null where the table writes none on its own line). */
function scoreTexts(text: string): (string | null)[] {
  const found: (string | null)[] = [];
  let inBenchmarks = false;
  for (const line of text.split(/\r?\n/)) {
    if (/^\s*\[/.test(line)) {
      inBenchmarks = /^\s*\[\[\s*benchmarks\s*\]\]/.test(line);
      if (inBenchmarks) found.push(null);
      continue;
    }
    const score = inBenchmarks ? /^\s*score\s*=\s*([^\s#]+)/.exec(line) : null;
    if (score) found[found.length - 1] = score[1]!.replace(/_/g, '');
  }
  return found;
}

async function tomlFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true });
  const nested = await Promise.all(
    entries.sort((a, b) => a.name.localeCompare(b.name)).map(async (e) => {
      const full = path.join(directory, e.name);
      if (e.isDirectory()) return tomlFiles(full);
      return e.name.endsWith('.toml') ? [full] : [];
    }),
  );
  return nested.flat();
}

export interface ModelsDevBenchmarksOptions {
  /** Where the lab files come from (a commit's tree when known). */
  url?: string;
  /** When they were copied; by default the newest date among the entries. */
  retrievedAt?: string;
}

/** Reads a models.dev `models/` directory, or a directory holding one (a checkout, data/models-dev). */
export async function readModelsDevBenchmarks(directory: string, options: ModelsDevBenchmarksOptions = {}): Promise<SourceBundle> {
  const nestedModels = path.join(directory, 'models');
  const root = (await stat(nestedModels).catch(() => null))?.isDirectory() ? nestedModels : directory;
  const files = await tomlFiles(root).catch((error: Error) => {
    throw new Error(`${directory}: not a models.dev models directory: ${error.message}`);
  });
  const bundle = emptyBundle();
  const base = 'models-dev-benchmarks';
  const editions = new Map<string, EditionRecord>();
  const benchmarks = new Map<string, SourceBundle['benchmarks'][number]>();
  const cited = new Map<string, SourceBundle['sources'][number]>();
  const dates: string[] = [];
  // A cited page is dated by the newest entry models.dev dated from it.
  const sourceFor = (u: URL, date: string | null) => {
    const key = `models-dev:${u.href}`;
    if (!cited.has(key)) {
      cited.set(key, { key, name: `${u.hostname.replace(/^www\./, '')} (cited by models.dev)`, url: u.href, retrievedAt: null });
      bundle.sources.push(cited.get(key)!);
    }
    const source = cited.get(key)!;
    if (date && (!source.retrievedAt || date > source.retrievedAt)) source.retrievedAt = date;
    return key;
  };

  for (const file of files) {
    const relative = path.relative(root, file).replace(/\.toml$/, '').split(path.sep);
    const [lab, ...rest] = relative;
    if (!lab || rest.length === 0) continue;
    const model = rest.join('-');
    const text = await readText(file);
    let toml: Record<string, unknown>;
    try {
      toml = parseToml(text) as Record<string, unknown>;
    } catch (error) {
      throw new Error(`${file}: not valid TOML: ${(error as Error).message}`);
    }
    if (toml.benchmarks === undefined) continue;
    if (!Array.isArray(toml.benchmarks)) throw new Error(`${file}: benchmarks must be an array of tables ([[benchmarks]])`);
    const texts = scoreTexts(text);
    const aligned = texts.length === toml.benchmarks.length;

    toml.benchmarks.forEach((value, index) => {
      const b = value as Record<string, unknown>;
      const where = `${relative.join('/')}.toml: benchmark ${index + 1}${typeof b?.name === 'string' ? ` (${b.name})` : ''}`;
      if (typeof b !== 'object' || b === null || typeof b.name !== 'string' || b.name.trim() === '' || typeof b.score !== 'number') {
        bundle.warnings.push(`${where}: no name or no score; skipped`);
        return;
      }
      let url: URL;
      try {
        url = new URL(String(b.source));
      } catch {
        bundle.warnings.push(`${where}: no source link; skipped`);
        return;
      }
      const upstream = UPSTREAM.find((u) => u.matches(url));
      if (upstream) {
        bundle.warnings.push(`${where}: a copy of the ${upstream.name} leaderboard, imported from its own file; skipped`);
        return;
      }
      const raw = aligned ? texts[index] : null;
      // The text must say the number the TOML parser read; otherwise fall back to the number.
      const score = raw && DECIMAL.test(raw) && Number(raw) === b.score ? raw : String(b.score);
      if (!DECIMAL.test(score) || b.score > 100) {
        bundle.warnings.push(`${where}: score ${score} is not on a 0–100 scale; skipped`);
        return;
      }
      const date = typeof b.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(b.date) ? b.date : null;
      if (date) dates.push(date);

      const board = leaderboardOf(url);
      const edition = board ?? {
        slug: `report-${toSlug(`${url.hostname}${url.pathname}`.replace(/^www\./, '')).slice(0, 50).replace(/[-.]+$/, '')}-${createHash('sha256').update(url.href).digest('hex').slice(0, 8)}`,
        name: `Lab report: ${url.href}`,
        leaderboard: 'Labs’ model cards',
        version: null,
        url: url.href,
      };
      const known = editions.get(edition.slug);
      if (!known) {
        editions.set(edition.slug, { ...edition, publishedOn: date, independent: board !== null, licence: 'MIT (models.dev lab files), numbers as the cited page publishes them', source: base });
      } else if (date && (!known.publishedOn || date > known.publishedOn)) known.publishedOn = date;

      const version = typeof b.version === 'string' || typeof b.version === 'number' ? String(b.version) : '';
      const named = version && !b.name.includes(version) ? `${b.name} ${version}` : b.name;
      const slug = benchmarkSlug(named);
      if (!benchmarks.has(slug)) {
        const category = CATEGORY_BY_NAME.find(([pattern]) => pattern.test(named))?.[1] ?? null;
        benchmarks.set(slug, knownBenchmark(slug, base) ?? { slug, name: named, category, url: null, scaleMin: '0', scaleMax: '100', higherIsBetter: true, source: base });
      }
      const variant = typeof b.variant === 'string' ? b.variant : '';
      const effort = EFFORT.test(variant) ? variant.toLowerCase() : '';
      const setting = [typeof b.harness === 'string' ? b.harness : '', effort ? '' : variant, typeof b.dataset === 'string' ? `${b.dataset} set` : '']
        .filter(Boolean)
        .join('; ');
      bundle.scores.push({
        model,
        benchmark: slug,
        edition: edition.slug,
        value: score,
        setting,
        variant: effort,
        ciLow: null,
        ciHigh: null,
        measuredOn: date,
        selfReported: board ? false : reportedByOwnLab(url, lab, model),
        source: sourceFor(url, date),
      });
    });
  }
  const retrievedAt = options.retrievedAt ?? dates.sort().at(-1) ?? null;
  bundle.sources.unshift({ key: base, name: 'models.dev lab files ([[benchmarks]])', url: options.url ?? 'https://github.com/sst/models.dev/tree/dev/models', retrievedAt });
  for (const s of bundle.sources) s.retrievedAt ??= retrievedAt;
  bundle.editions.push(...editions.values());
  bundle.benchmarks.push(...benchmarks.values());
  dropConflictingScores(bundle, (s) => `models.dev: "${s.model}" ${s.benchmark} (${s.edition}${s.setting ? `, ${s.setting}` : ''})`);
  return bundle;
}
