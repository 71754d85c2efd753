import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readModelsDevBenchmarks } from '../../src/catalog/sources/benchmarks/models-dev-benchmarks.js';

const fixture = new URL('../fixtures/benchmarks/models-dev/', import.meta.url).pathname;
const LAB_FILES: Record<string, string> = {
  'qwen3-235b-a22b': 'alibaba/qwen3-235b-a22b.toml',
  'claude-opus-4-7': 'anthropic/claude-opus-4-7.toml',
  'gpt-5.5': 'openai/gpt-5.5.toml',
  'ornith-1.0-9b': 'deepreinforce/ornith-1.0-9b.toml',
  'glm-4.7': 'zhipuai/glm-4.7.toml',
};

describe('readModelsDevBenchmarks', () => {
  it('skips copies of leaderboards imported from their own files, naming the entry', async () => {
    const bundle = await readModelsDevBenchmarks(fixture);
    expect(bundle.warnings).toEqual(['alibaba/qwen3-235b-a22b.toml: benchmark 1 (Aider Polyglot): a copy of the Aider leaderboard, imported from its own file; skipped']);
    expect(bundle.scores.some((s) => s.benchmark.startsWith('aider'))).toBe(false);
  });

  it('makes one independent edition per leaderboard and one self-reported edition per lab page', async () => {
    const bundle = await readModelsDevBenchmarks(fixture);
    const editions = Object.fromEntries(bundle.editions.map((e) => [e.slug, e.independent]));
    expect(editions).toMatchObject({
      'scale-swe-bench-pro-public': true,
      'scale-sweatlas-refactoring': true,
      'scale-sweatlas-qna': true,
      'artificial-analysis-agents-coding-agents': true,
    });
    const post = bundle.editions.find((e) => e.url === 'https://www.anthropic.com/news/claude-opus-4-8')!;
    expect(post).toMatchObject({ independent: false, leaderboard: 'Labs’ model cards', publishedOn: '2026-05-28' });
    // Anthropic's post reports Claude's scores (its own) and GPT-5.5's (a competitor's).
    const onPost = bundle.scores.filter((s) => s.edition === post.slug);
    expect(new Set(onPost.filter((s) => s.model === 'claude-opus-4-7').map((s) => s.selfReported))).toEqual(new Set([true]));
    expect(new Set(onPost.filter((s) => s.model === 'gpt-5.5').map((s) => s.selfReported))).toEqual(new Set([false]));
    // A lab's own Hugging Face card.
    expect(new Set(bundle.scores.filter((s) => s.model === 'ornith-1.0-9b').map((s) => s.selfReported))).toEqual(new Set([true]));
    expect(bundle.scores.filter((s) => editions[s.edition]).every((s) => s.selfReported === false)).toBe(true);
  });

  it('keeps each score as the TOML file writes it', async () => {
    const bundle = await readModelsDevBenchmarks(fixture);
    expect(bundle.scores).toHaveLength(2 + 15 + 17 + 7 + 2 - 1);
    for (const s of bundle.scores) {
      const text = await readFile(path.join(fixture, 'models', LAB_FILES[s.model]!), 'utf8');
      expect(text.split('\n')).toContain(`score = ${s.value}`);
    }
    expect(bundle.scores.find((s) => s.model === 'ornith-1.0-9b' && s.benchmark === 'swe-bench-multilingual')?.value).toBe('52');
  });

  it('puts the version in the benchmark, effort in the variant and harness, dataset in the setting', async () => {
    const bundle = await readModelsDevBenchmarks(fixture);
    const runs = (model: string, benchmark: string) => bundle.scores.filter((s) => s.model === model && s.benchmark === benchmark).map((s) => [s.edition, s.setting, s.variant, s.value]);
    // "Terminal-Bench" version 2.1 and "Terminal-Bench 2.1" are one benchmark; "Terminal Bench 2.0" another.
    expect(runs('claude-opus-4-7', 'terminal-bench-2.1')).toEqual([
      [expect.stringMatching(/^report-anthropic\.com-news-claude-opus-4-8-[0-9a-f]{8}$/), 'Terminus-2', '', '66.1'],
      ['artificial-analysis-agents-coding-agents', 'Claude Code', 'max', '73.8'],
      ['artificial-analysis-agents-coding-agents', 'Cursor CLI', 'medium', '70.6'],
      ['artificial-analysis-agents-coding-agents', 'Claude Code', 'medium', '71.4'],
    ]);
    expect(runs('ornith-1.0-9b', 'terminal-bench-2.1').map((r) => [r[1], r[2]])).toEqual([
      ['Terminus-2', ''],
      ['Claude Code', ''],
    ]);
    expect(runs('glm-4.7', 'terminal-bench-2.0')).toHaveLength(1);
    expect(runs('claude-opus-4-7', 'swe-bench-pro').map((r) => r[1])).toEqual(['', 'Claude Code; hard-aa set', 'Cursor CLI; hard-aa set', 'Claude Code; hard-aa set']);
    expect(runs('qwen3-235b-a22b', 'swe-bench-pro')).toEqual([['scale-swe-bench-pro-public', 'public set', '', '21.41']]);
  });

  it('uses the shared definition of a benchmark other sources score too', async () => {
    const bundle = await readModelsDevBenchmarks(fixture);
    const category = (slug: string) => bundle.benchmarks.find((b) => b.slug === slug)?.category;
    expect(bundle.benchmarks.find((b) => b.slug === 'swe-bench-verified')).toMatchObject({ name: 'SWE-bench Verified', category: 'coding', scaleMax: '100' });
    expect([category('terminal-bench-2.1'), category('artificial-analysis-coding-agent-index'), category('nl2repo'), category('swe-atlas-refactoring')]).toEqual([
      'agentic',
      'agentic',
      'coding',
      'coding',
    ]);
  });

  it('fails on a malformed file, naming it', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'models-dev-'));
    await cp(fixture, dir, { recursive: true });
    const broken = path.join(dir, 'models', 'zhipuai', 'glm-4.7.toml');
    await writeFile(broken, (await readFile(broken, 'utf8')).replace('score = 73.8', 'score = = 73.8'));
    await expect(readModelsDevBenchmarks(dir)).rejects.toThrow(`${broken}: not valid TOML`);
  });
});
