import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLlmStats } from '../../src/catalog/sources/benchmarks/llm-stats.js';

const data = new URL('../fixtures/benchmarks/llm-stats/data/', import.meta.url).pathname;
const modelFile = (org: string, model: string) => path.join(data, 'organizations', org, 'models', model, 'benchmarks.json');

/** Each entry of a fixture file with its score exactly as the file writes it. */
async function entries(org: string, model: string) {
  const text = await readFile(modelFile(org, model), 'utf8');
  const texts = [...text.matchAll(/"score": ([^,\n]+),/g)].map((m) => m[1]!);
  return (JSON.parse(text) as { benchmark_id: string; analysis_method: string | null }[]).map((e, i) => ({ ...e, scoreText: texts[i]! }));
}

describe('readLlmStats', () => {
  it('is one edition of labs’ own numbers: not independent, CC BY 4.0', async () => {
    const bundle = await readLlmStats(data);
    expect(bundle.editions).toEqual([
      expect.objectContaining({ slug: 'llm-stats', leaderboard: 'LLM-Stats', independent: false, licence: 'CC BY 4.0 (LLM-Stats)', publishedOn: '2025-10-15' }),
    ]);
    expect(bundle.scores.every((s) => s.edition === 'llm-stats')).toBe(true);
    expect(bundle.scores.find((s) => s.model === 'gpt-oss-120b' && s.benchmark === 'mmlu')?.selfReported).toBe(true);
    // Gemini 1.0 Pro's numbers were not filed as the lab's own.
    expect(bundle.scores.find((s) => s.model === 'gemini-1.0-pro' && s.benchmark === 'gpqa')?.selfReported).toBe(false);
  });

  it('files scores under the catalog’s slug when it is the same benchmark', async () => {
    const bundle = await readLlmStats(data);
    const slugs = new Set(bundle.scores.map((s) => s.benchmark));
    for (const slug of ['gpqa', 'mmlu', 'mmlu-pro', 'mmlu-redux', 'math', 'gsm8k', 'humaneval', 'ifeval', 'mbpp', 'livecodebench', 'simpleqa', 'humaneval-plus', 'mbpp-plus']) {
      expect(slugs).toContain(slug);
    }
    // LLM-Stats ids that are another slug here.
    expect(bundle.scores.find((s) => s.model === 'qwen-2.5-72b-instruct' && s.benchmark === 'livebench-average')?.value).toBe('52.3');
    expect(bundle.scores.filter((s) => s.model === 'gpt-oss-120b' && s.benchmark === 'humanitys-last-exam').map((s) => [s.setting, s.value])).toEqual([
      ['Accuracy (with tools)', '19'],
      ['Accuracy (without tools)', '14.9'],
    ]);
    const category = (slug: string) => bundle.benchmarks.find((b) => b.slug === slug)?.category;
    // By id first (MultiPL-E is tagged "general, language"), then LLM-Stats' first listed category.
    expect([category('tau-bench-retail'), category('multipl-e'), category('big-bench'), category('wmt23'), category('docvqa'), category('healthbench')]).toEqual([
      'tool-use',
      'coding',
      'reasoning',
      'multilingual',
      null,
      null,
    ]);
  });

  it('writes fractions in percent by moving the point, keeping every digit', async () => {
    const bundle = await readLlmStats(data);
    const files = [
      ['google', 'gemini-1.0-pro'],
      ['mistral', 'mistral-small-3.2-24b-instruct-2506'],
      ['openai', 'gpt-oss-120b'],
      ['qwen', 'qwen-2.5-72b-instruct'],
    ] as const;
    const digits = (text: string) => text.replace('.', '').replace(/^0+(?=\d)/, '').replace(/(?<=\d)0+$/, '');
    const checked = new Set<unknown>();
    for (const [org, model] of files) {
      for (const e of await entries(org, model)) {
        const setting = e.analysis_method && !['-', 'N/A'].includes(e.analysis_method) ? e.analysis_method : '';
        const factor = e.benchmark_id === 'mt-bench' ? 10 : 100;
        // The score this entry became, if any: same model and method, same digits, the point moved.
        const match = bundle.scores.find(
          (s) => s.model === model && s.setting === setting && digits(s.value) === digits(e.scoreText) && Math.abs(Number(s.value) - Number(e.scoreText) * factor) < 1e-9,
        );
        if (match) checked.add(match);
      }
    }
    expect(checked.size).toBe(bundle.scores.length);
    const value = (model: string, benchmark: string) => bundle.scores.find((s) => s.model === model && s.benchmark === benchmark)?.value;
    expect(value('gpt-oss-120b', 'mmlu')).toBe('90'); // "score": 0.9
    expect(value('mistral-small-3.2-24b-instruct-2506', 'mmlu-pro')).toBe('69.06'); // 0.6906
    expect(bundle.benchmarks.find((b) => b.slug === 'mmlu-pro')).toMatchObject({ scaleMin: '0', scaleMax: '100', category: 'knowledge' });
  });

  it('reads MT-Bench on its 0–10 scale', async () => {
    const bundle = await readLlmStats(data);
    expect(bundle.scores.find((s) => s.model === 'qwen-2.5-72b-instruct' && s.benchmark === 'mt-bench')?.value).toBe('9.35');
    expect(bundle.benchmarks.find((b) => b.slug === 'mt-bench')).toMatchObject({ scaleMin: '0', scaleMax: '10', category: 'human-preference' });
  });

  it('skips what cannot be read back exactly, and two different values for one run, with warnings', async () => {
    const bundle = await readLlmStats(data);
    expect(bundle.scores.some((s) => s.benchmark === 'codeforces' || s.benchmark === 'fleurs')).toBe(false);
    expect(bundle.scores.some((s) => s.model === 'mistral-small-3.2-24b-instruct-2506' && s.benchmark === 'gpqa')).toBe(false);
    expect(bundle.warnings).toEqual([
      'llm-stats: "fleurs" scores of gemini-1.0-pro skipped: word error rates (lower is better) and accuracies mixed in one benchmark',
      'llm-stats: "codeforces" scores of gpt-oss-120b, gpt-oss-120b skipped: an Elo rating divided by 3000 and rounded: the rating cannot be read back exactly',
      'llm-stats: "mistral-small-3.2-24b-instruct-2506" gpqa (5-shot CoT): stated 2 times with different values (44.22, 46.13); skipped',
    ]);
  });

  it('keeps each score’s link as its source, except the placeholder', async () => {
    const bundle = await readLlmStats(data);
    const sourceOf = (model: string, benchmark: string) => bundle.sources.find((s) => s.key === bundle.scores.find((x) => x.model === model && x.benchmark === benchmark)?.source);
    expect(sourceOf('gpt-oss-120b', 'mmlu')).toEqual({
      key: 'llm-stats:https://openai.com/index/introducing-gpt-oss/',
      name: 'LLM-Stats (CC BY 4.0), citing openai.com',
      url: 'https://openai.com/index/introducing-gpt-oss/',
      retrievedAt: '2025-10-15',
    });
    expect(sourceOf('gemini-1.0-pro', 'mmlu')).toMatchObject({
      key: 'llm-stats@24a9ccf',
      url: 'https://github.com/JonathanChavezTamales/llm-leaderboard/tree/24a9ccf7402306f0c3e237213538e4537d64ecc2/data',
    });
  });

  it('fails on a malformed file, naming it', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'llm-stats-'));
    await cp(data, dir, { recursive: true });
    const broken = path.join(dir, 'organizations', 'openai', 'models', 'gpt-oss-120b', 'benchmarks.json');
    await writeFile(broken, (await readFile(broken, 'utf8')).replace('"score": 0.9,', '"score": 0.9'));
    await expect(readLlmStats(dir)).rejects.toThrow(`${broken}: not valid JSON`);
    await expect(readLlmStats(path.join(dir, 'organizations'))).rejects.toThrow('not an LLM-Stats data directory');
  });
});
