import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { KNOWN_BENCHMARKS } from '../../src/catalog/sources/benchmarks/known.js';
import { readOpenLlmLeaderboard } from '../../src/catalog/sources/benchmarks/open-llm-leaderboard.js';

const file = new URL('../fixtures/benchmarks/open-llm-leaderboard-v2/huggingface_v2.csv', import.meta.url).pathname;

const NORMALISED: Record<string, string> = {
  'open-llm-average': 'model_average_score',
  'open-llm-ifeval': 'evaluations_ifeval_normalized_score',
  'open-llm-bbh': 'evaluations_bbh_normalized_score',
  'open-llm-math-lvl-5': 'evaluations_math_normalized_score',
  'open-llm-gpqa': 'evaluations_gpqa_normalized_score',
  'open-llm-musr': 'evaluations_musr_normalized_score',
  'open-llm-mmlu-pro': 'evaluations_mmlu_pro_normalized_score',
};
const RAW: Record<string, string> = {
  ifeval: 'evaluations_ifeval_value',
  'big-bench-hard': 'evaluations_bbh_value',
  gpqa: 'evaluations_gpqa_value',
  'mmlu-pro': 'evaluations_mmlu_pro_value',
};

describe('readOpenLlmLeaderboard', () => {
  it('is one independent edition: the average, the six normalised scores, and four catalog benchmarks', async () => {
    const bundle = await readOpenLlmLeaderboard(file);
    expect(bundle.editions).toEqual([expect.objectContaining({ slug: 'open-llm-leaderboard-v2', version: 'v2', independent: true, publishedOn: '2025-03-21' })]);
    expect(bundle.benchmarks.map((b) => [b.slug, b.category])).toEqual([
      ['open-llm-average', 'reasoning'],
      ['open-llm-ifeval', 'instruction-following'],
      ['open-llm-bbh', 'reasoning'],
      ['open-llm-math-lvl-5', 'math'],
      ['open-llm-gpqa', 'reasoning'],
      ['open-llm-musr', 'reasoning'],
      ['open-llm-mmlu-pro', 'knowledge'],
      ['ifeval', 'instruction-following'],
      ['big-bench-hard', 'reasoning'],
      ['gpqa', 'reasoning'],
      ['mmlu-pro', 'knowledge'],
    ]);
    // The catalog's own definitions, so the slugs mean the same benchmark everywhere.
    for (const slug of Object.keys(RAW)) {
      expect(bundle.benchmarks.find((b) => b.slug === slug)).toEqual({ ...KNOWN_BENCHMARKS.get(slug), source: bundle.sources[0]!.key });
    }
  });

  it('keeps the file’s digits: normalised scores as written, raw fractions with the point moved two places', async () => {
    const rows = parse(await readFile(file, 'utf8'), { columns: true }) as Record<string, string>[];
    const bundle = await readOpenLlmLeaderboard(file);
    const qwen = rows.find((r) => r.model_name === 'Qwen/Qwen2.5-72B-Instruct')!;
    const of = (benchmark: string) => bundle.scores.find((s) => s.model === 'Qwen/Qwen2.5-72B-Instruct' && s.benchmark === benchmark)!.value;
    for (const [benchmark, column] of Object.entries(NORMALISED)) expect(of(benchmark)).toBe(qwen[column]);
    // As written upstream: GPQA 0.375 → 37.5, MMLU-Pro 0.562583111702128 → 56.2583111702128.
    expect([qwen.evaluations_gpqa_value, of('gpqa')]).toEqual(['0.375', '37.5']);
    expect([qwen.evaluations_mmlu_pro_value, of('mmlu-pro')]).toEqual(['0.562583111702128', '56.2583111702128']);
    for (const s of bundle.scores.filter((x) => RAW[x.benchmark])) {
      const row = rows.find((r) => r.model_name === s.model && s.setting.startsWith(r.model_precision!) && r.model_has_chat_template === (s.setting.endsWith('chat template') ? 'TRUE' : 'FALSE'))!;
      const raw = row[RAW[s.benchmark]!]!;
      // Same digits, the point two places to the right: 0.375 → 37.5, 0.0143504531722054 → 1.43504531722054.
      const digits = (text: string) => text.replace('.', '').replace(/^0+(?=\d)/, '').replace(/(?<=\d)0+$/, '');
      expect(digits(s.value)).toBe(digits(raw));
      expect(Number(s.value)).toBeCloseTo(Number(raw) * 100, 10);
    }
  });

  it('tells a repo’s runs apart by precision and chat template, and dates them by submission', async () => {
    const bundle = await readOpenLlmLeaderboard(file);
    const lion = bundle.scores.filter((s) => s.model === 'Columbia-NLP/LION-Gemma-2b-dpo-v1.0' && s.benchmark === 'open-llm-average');
    expect(lion.map((s) => [s.setting, s.measuredOn])).toEqual([
      ['float16, chat template', '2024-07-04'],
      ['bfloat16, chat template', '2024-07-04'],
    ]);
    expect(bundle.scores.find((s) => s.model === 'DeepMount00/Llama-3.1-8b-Ita')).toMatchObject({ setting: 'bfloat16', measuredOn: null });
  });

  it('skips the rows the leaderboard flagged, naming them', async () => {
    const bundle = await readOpenLlmLeaderboard(file);
    expect(bundle.scores.some((s) => s.model === 'newsbang/Homer-v0.5-Qwen2.5-7B')).toBe(false);
    expect(bundle.warnings).toEqual(['huggingface_v2.csv: line 5 ("newsbang/Homer-v0.5-Qwen2.5-7B"): flagged by the leaderboard; skipped']);
    expect(bundle.scores).toHaveLength(5 * 11);
  });

  it('fails on a malformed file, naming it', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'open-llm-'));
    const broken = path.join(dir, 'huggingface_v2.csv');
    const text = await readFile(file, 'utf8');
    await writeFile(broken, text.replace('model_average_score', 'average'));
    await expect(readOpenLlmLeaderboard(broken)).rejects.toThrow(`${broken}: missing column "model_average_score"`);
    await writeFile(broken, text.replace(',0.375,', ',0.37x,'));
    await expect(readOpenLlmLeaderboard(broken)).rejects.toThrow(`${broken}: line 2 ("Qwen/Qwen2.5-72B-Instruct"), evaluations_gpqa_value`);
  });
});
