import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { emptyBundle, type SourceBundle } from '../../records.js';

/**
 * Aider's LLM leaderboards as the aider repository publishes them
 * (aider/website/_data/*.yml): a YAML list, one entry per benchmark run of
 * one model with one aider configuration.
 *
 * - polyglot_leaderboard.yml (225 Exercism exercises in six languages) and
 *   the legacy edit_leaderboard.yml (133 Python exercises) are different
 *   test sets: two benchmarks, two editions, never mixed.
 * - The score is `pass_rate_2` (% of cases solved within two tries), as
 *   written: the file is read with YAML's failsafe schema, where every
 *   scalar is a string, so "35.6" stays "35.6" digit for digit.
 * - `total_cost` (USD for the whole run, at the time of the run) is a price
 *   of the run, not a measure of the model: not imported.
 * - Every run is kept, as the leaderboard lists every run. A run is told
 *   apart by its variant (reasoning effort / thinking budget) and its
 *   setting, "edit format: diff; aider 0.84.1.dev" (plus "; 224 of 225
 *   cases" when some cases did not run); `measuredOn` is the run's date.
 *   Two runs still identical on all of these are told apart by their date
 *   ("; run 2025-06-25"), then by their directory name.
 * - Model pairs (architect mode: a planner plus an editor model) measure no
 *   single model: skipped with a warning naming the run.
 */

interface Board {
  benchmark: string;
  name: string;
  leaderboard: string;
  version: string;
  cases: number;
  url: string;
}

const BOARDS: Record<string, Board> = {
  'polyglot_leaderboard.yml': {
    benchmark: 'aider-polyglot',
    name: 'Aider polyglot',
    leaderboard: 'Aider polyglot',
    version: '225 Exercism exercises',
    cases: 225,
    url: 'https://aider.chat/docs/leaderboards/',
  },
  'edit_leaderboard.yml': {
    benchmark: 'aider-code-editing',
    name: 'Aider code editing',
    leaderboard: 'Aider code editing',
    version: '133 Python Exercism exercises',
    cases: 133,
    url: 'https://aider.chat/docs/leaderboards/edit.html',
  },
};

/** litellm's provider routing prefix ("openrouter/x-ai/grok-4"): where the run was sent, not what ran. */
const PROVIDER_PREFIXES = new Set([
  'openrouter', 'openai', 'anthropic', 'gemini', 'vertex_ai', 'deepseek', 'xai', 'mistral', 'fireworks_ai', 'together_ai',
  'groq', 'nvidia_nim', 'ollama', 'ollama_chat', 'bedrock', 'azure', 'cohere', 'cohere_chat', 'deepinfra', 'hyperbolic',
]);

/**
 * Ids whose model moved over time, so the command alone does not say which
 * version ran: aider's own short aliases ("sonnet" was Claude 3.5 and later
 * 3.7), "-latest" pointers, and DeepSeek's API names (deepseek-chat ran V2.5,
 * V3, V3-0324 and V3.2 in turn). For these the row's display name, which
 * pins the version ("DeepSeek V3 (0324)"), names the model instead.
 */
const AIDER_ALIASES = new Set(['sonnet', 'haiku', 'opus', '4', '4o', '4-turbo', '35turbo', '35-turbo', '3', 'deepseek', 'r1', 'flash']);
const MOVING_IDS = new Set(['deepseek-chat', 'deepseek-reasoner', 'deepseek-coder']);
const isPointer = (id: string) => AIDER_ALIASES.has(id) || MOVING_IDS.has(id) || id.endsWith('-latest');

/**
 * The run's reasoning effort, where the row states it: `reasoning_effort`,
 * else `--reasoning-effort` in the command, else the display name, the only
 * place some runs say it ("o4-mini (high)", "o3-mini (medium)").
 */
const EFFORTS = /\((?:[^)]*[\s,])?(minimal|low|medium|high)(?:[\s,][^)]*)?\)\s*$/i;
/** A display name's trailing note about the run, not the model: "(32k thinking)", "(high)", "(udiff)". */
const RUN_NOTE = /\s*\([^)]*\b(?:think|thinking|minimal|low|medium|high|whole|diff|udiff|diff-fenced)\b[^)]*\)\s*$/i;

/** The argument of --model, without litellm's provider prefix or glhf's "hf:"; null when the command names none. */
function commandModel(command: string): string | null {
  const words = command.replace(/\s#.*$/, '').trim().split(/\s+/);
  const at = words.findIndex((w) => w === '--model' || w.startsWith('--model='));
  if (at < 0) return null;
  let id = words[at]!.startsWith('--model=') ? words[at]!.slice('--model='.length) : words[at + 1];
  if (!id) return null;
  const [first, ...rest] = id.split('/');
  if (rest.length > 0 && PROVIDER_PREFIXES.has(first!)) id = rest.join('/');
  return id.replace(/^hf:/, '');
}

function flag(command: string, name: string): string | null {
  const match = new RegExp(`(?:^|\\s)--${name}(?:=|\\s+)(\\S+)`).exec(command);
  return match ? match[1]! : null;
}

/** "32000", "32768" or "32k" → "thinking-32k"; 0 (thinking switched off) → "no-thinking". */
function thinkingVariant(budget: string): string {
  const k = /^(\d+)k$/i.exec(budget);
  if (k) return `thinking-${k[1]}k`;
  const n = Number(budget);
  if (!Number.isInteger(n) || n < 0) throw new Error(`thinking budget "${budget}" is not a token count`);
  if (n === 0) return 'no-thinking';
  if (n % 1024 === 0) return `thinking-${n / 1024}k`;
  if (n % 1000 === 0) return `thinking-${n / 1000}k`;
  return `thinking-${n}`;
}

type Row = Record<string, unknown>;
const text = (row: Row, field: string) => (typeof row[field] === 'string' && row[field] !== '' ? (row[field] as string) : null);

export async function readAider(file: string, options: { commit?: string } = {}): Promise<SourceBundle> {
  const base = path.basename(file);
  const board = BOARDS[base];
  if (!board) throw new Error(`${file}: not an aider leaderboard file (expected ${Object.keys(BOARDS).join(' or ')})`);
  let rows: unknown;
  try {
    // Failsafe: every scalar is a string, numbers keep their text, dates stay ISO strings.
    rows = parse(await readFile(file, 'utf8'), { schema: 'failsafe' });
  } catch (error) {
    throw new Error(`${file}: not valid YAML: ${(error as Error).message}`);
  }
  if (!Array.isArray(rows)) throw new Error(`${file}: expected a list of runs`);

  const bundle = emptyBundle();
  const source = `aider:${base}@${options.commit ?? 'main'}`;
  const runs: { row: Row; model: string; variant: string; setting: string; date: string }[] = [];

  rows.forEach((value, index) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${file}: entry ${index + 1} is not a mapping`);
    const row = value as Row;
    const where = `${file}: run "${text(row, 'dirname') ?? `#${index + 1}`}"`;
    const required = (field: string): string => {
      const found = text(row, field);
      if (found === null) throw new Error(`${where}: ${field} is missing`);
      return found;
    };
    const display = required('model');
    const command = text(row, 'command') ?? '';
    if (text(row, 'editor_model') || /\s--(?:architect|editor-model)\b/.test(` ${command}`) || display.includes(' + ')) {
      bundle.warnings.push(`${base}: run "${text(row, 'dirname') ?? `#${index + 1}`}" (${display}) is a model pair (architect mode); skipped`);
      return;
    }
    const passRate = required('pass_rate_2');
    if (!/^\d+(\.\d+)?$/.test(passRate) || Number(passRate) > 100) throw new Error(`${where}: pass_rate_2 "${passRate}" is not a percentage`);
    const date = required('date');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`${where}: date "${date}" is not an ISO date`);

    const id = commandModel(command);
    const model = id && !isPointer(id) ? id : display.replace(RUN_NOTE, '');
    const effort = text(row, 'reasoning_effort') ?? flag(command, 'reasoning-effort') ?? EFFORTS.exec(display)?.[1]?.toLowerCase() ?? null;
    // A thinking budget only where the row or its command sets one: a display name's "(no think)" is the model's default.
    const budget = text(row, 'thinking_tokens') ?? flag(command, 'thinking-tokens');
    let thinking: string | null = null;
    try {
      thinking = budget === null ? null : thinkingVariant(budget);
    } catch (error) {
      throw new Error(`${where}: thinking_tokens: ${(error as Error).message}`);
    }
    const variant = [effort, thinking].filter(Boolean).join('-');

    const cases = text(row, 'test_cases');
    const partial = cases && Number(cases) < board.cases ? `; ${cases} of ${board.cases} cases` : '';
    const setting = `edit format: ${text(row, 'edit_format') ?? 'unknown'}; aider ${text(row, 'versions') ?? 'unknown'}${partial}`;
    runs.push({ row, model, variant, setting, date });
  });

  // Runs alike in model, variant and setting stay distinct by date, then by directory.
  const key = (r: (typeof runs)[number]) => `${r.model}\u0000${r.variant}\u0000${r.setting}`;
  const count = (keys: string[]) => keys.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map<string, number>());
  const alike = count(runs.map(key));
  for (const r of runs) if (alike.get(key(r))! > 1) r.setting += `; run ${r.date}`;
  const stillAlike = count(runs.map(key));
  for (const r of runs) if (stillAlike.get(key(r))! > 1) r.setting += ` (${text(r.row, 'dirname')})`;

  const edition = board.benchmark;
  const latest = runs.map((r) => r.date).sort().at(-1) ?? null;
  bundle.sources.push({
    key: source,
    name: `Aider leaderboard (${base})`,
    url: `https://github.com/Aider-AI/aider/blob/${options.commit ?? 'main'}/aider/website/_data/${base}`,
    // The file does not say when it was fetched; the edition carries the date of its latest run.
    retrievedAt: null,
  });
  bundle.editions.push({
    slug: edition,
    name: `${board.leaderboard}, ${board.version}`,
    leaderboard: board.leaderboard,
    version: board.version,
    publishedOn: latest,
    independent: true,
    licence: 'Apache-2.0',
    url: board.url,
    source,
  });
  bundle.benchmarks.push({ slug: board.benchmark, name: board.name, category: 'coding', url: board.url, scaleMin: '0', scaleMax: '100', higherIsBetter: true, source });
  for (const r of runs) {
    bundle.scores.push({
      model: r.model,
      benchmark: board.benchmark,
      edition,
      value: text(r.row, 'pass_rate_2')!,
      setting: r.setting,
      variant: r.variant,
      ciLow: null,
      ciHigh: null,
      measuredOn: r.date,
      selfReported: false,
      source,
    });
  }
  return bundle;
}
