import path from 'node:path';
import type { SourceBundle } from '../../records.js';
import { readAider } from './aider.js';
import { readBfcl } from './bfcl.js';
import { readEvalPlus } from './evalplus.js';
import { readLiveBench } from './livebench.js';
import { readLlmStats } from './llm-stats.js';
import { readLmarena } from './lmarena.js';
import { readModelsDevBenchmarks } from './models-dev-benchmarks.js';
import { readOpenLlmLeaderboard } from './open-llm-leaderboard.js';

/**
 * Every leaderboard format the project reads, by the name of its import
 * command (`npm run import -- <name> <path> [date]`). `date` is the date of
 * the data where the file does not say it; each reader otherwise falls back
 * to the snapshot its SOURCE.md describes.
 */
export interface LeaderboardFormat {
  name: string;
  /** What the path names, for the usage line. */
  input: string;
  read(file: string, date?: string): Promise<SourceBundle>;
}

export const LEADERBOARD_FORMATS: LeaderboardFormat[] = [
  {
    name: 'lmarena',
    input: 'leaderboard-text[-style-control].json',
    read: (file, date) => {
      if (!date) throw new Error('lmarena: give the date of the ratings (YYYY-MM-DD): the file does not state it');
      return readLmarena(file, { styleControl: path.basename(file).includes('style-control'), publishedOn: date });
    },
  },
  { name: 'aider', input: 'polyglot_leaderboard.yml or edit_leaderboard.yml', read: (file) => readAider(file) },
  { name: 'livebench', input: 'directory of table_<release>.csv and categories_<release>.json', read: (dir, date) => readLiveBench(dir, { retrievedAt: date }) },
  { name: 'bfcl-v3', input: 'directory of data_*.csv', read: (dir, date) => readBfcl(dir, { version: 'v3', date }) },
  { name: 'bfcl-v4', input: 'directory of data_*.csv', read: (dir, date) => readBfcl(dir, { version: 'v4', date }) },
  { name: 'evalplus', input: 'results.json', read: (file, date) => readEvalPlus(file, { date }) },
  { name: 'open-llm', input: 'huggingface_v2.csv', read: (file, date) => readOpenLlmLeaderboard(file, { date }) },
  { name: 'llm-stats', input: 'the data/ directory', read: (dir, date) => readLlmStats(dir, { date }) },
  { name: 'models-dev-benchmarks', input: 'a models.dev models/ directory', read: (dir, date) => readModelsDevBenchmarks(dir, { retrievedAt: date }) },
];

export function leaderboardFormat(name: string): LeaderboardFormat | undefined {
  return LEADERBOARD_FORMATS.find((f) => f.name === name);
}

/**
 * The snapshot the default catalog ships (data/benchmarks/), and where each
 * part is read from: a path under the folder of upstream files given to
 * `npm run data:benchmarks`, or the project's own copy of models.dev.
 */
export const SHIPPED_LEADERBOARDS: { name: string; format: string; path: (root: string) => string; date?: string }[] = [
  { name: 'lmarena-text-style-control', format: 'lmarena', path: (root) => path.join(root, 'lmarena-arena-catalog/leaderboard-text-style-control.json'), date: '2025-12-17' },
  { name: 'lmarena-text', format: 'lmarena', path: (root) => path.join(root, 'lmarena-arena-catalog/leaderboard-text.json'), date: '2025-12-11' },
  { name: 'aider-polyglot', format: 'aider', path: (root) => path.join(root, 'aider-polyglot/polyglot_leaderboard.yml') },
  { name: 'aider-code-editing', format: 'aider', path: (root) => path.join(root, 'aider-polyglot/edit_leaderboard.yml') },
  { name: 'livebench', format: 'livebench', path: (root) => path.join(root, 'livebench') },
  { name: 'bfcl-v3', format: 'bfcl-v3', path: (root) => path.join(root, 'bfcl-v3') },
  { name: 'bfcl-v4', format: 'bfcl-v4', path: (root) => path.join(root, 'bfcl-v4') },
  { name: 'evalplus', format: 'evalplus', path: (root) => path.join(root, 'evalplus/results.json') },
  { name: 'open-llm-leaderboard-v2', format: 'open-llm', path: (root) => path.join(root, 'open-llm-leaderboard-v2/huggingface_v2.csv') },
  { name: 'llm-stats', format: 'llm-stats', path: (root) => path.join(root, 'llm-stats/data') },
  { name: 'models-dev', format: 'models-dev-benchmarks', path: () => new URL('../../../../data/models-dev/', import.meta.url).pathname },
];
