import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLiveBench } from '../../src/catalog/sources/benchmarks/livebench.js';

const fixtures = new URL('../fixtures/benchmarks/livebench/', import.meta.url).pathname;

const score = (bundle: Awaited<ReturnType<typeof readLiveBench>>, edition: string, model: string, benchmark: string) =>
  bundle.scores.find((s) => s.edition === edition && s.model === model && s.benchmark === benchmark)?.value;

/** A copy of the fixture with one file rewritten, for the failure cases. */
async function alteredCopy(file: string, change: (text: string) => string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'livebench-'));
  for (const name of ['categories_2025_04_25.json', 'table_2025_04_25.csv']) {
    await copyFile(path.join(fixtures, name), path.join(dir, name));
  }
  await writeFile(path.join(dir, file), change(await readFile(path.join(fixtures, file), 'utf8')));
  return dir;
}

describe('readLiveBench', () => {
  it('makes one independent edition per release, with its date and licence', async () => {
    const bundle = await readLiveBench(fixtures);
    expect(bundle.editions.map((e) => [e.slug, e.name, e.version, e.publishedOn, e.independent])).toEqual([
      ['livebench-2024-11-25', 'LiveBench 2024-11-25', '2024-11-25', '2024-11-25', true],
      ['livebench-2025-04-25', 'LiveBench 2025-04-25', '2025-04-25', '2025-04-25', true],
      ['livebench-2026-01-08', 'LiveBench 2026-01-08', '2026-01-08', '2026-01-08', true],
    ]);
    expect(bundle.editions.every((e) => e.licence?.includes('Apache-2.0'))).toBe(true);
    expect(bundle.sources).toEqual([
      expect.objectContaining({ url: 'https://github.com/LiveBench/livebench.github.io/tree/4bf96c8d9dc9b06c17d82dc76a54429975c2b2c2/public', retrievedAt: '2026-07-01' }),
    ]);
  });

  it('defines the global average and one benchmark per site category, in the catalog categories', async () => {
    const bundle = await readLiveBench(fixtures);
    expect(Object.fromEntries(bundle.benchmarks.map((b) => [b.slug, b.category]))).toEqual({
      'livebench-average': 'reasoning',
      'livebench-reasoning': 'reasoning',
      'livebench-coding': 'coding',
      'livebench-mathematics': 'math',
      'livebench-data-analysis': 'reasoning',
      'livebench-language': 'reasoning',
      'livebench-instruction-following': 'instruction-following',
      'livebench-agentic-coding': 'agentic',
    });
    expect(bundle.benchmarks.every((b) => b.scaleMin === '0' && b.scaleMax === '100' && b.higherIsBetter)).toBe(true);
  });

  it('averages as the site does, exactly: amazon.nova-lite-v1:0 on 2025-04-25 by hand', async () => {
    const bundle = await readLiveBench(fixtures);
    const e = 'livebench-2025-04-25';
    const m = 'amazon.nova-lite-v1:0';
    // Reasoning: web_of_lies_v3 40.0, zebra_puzzle 26.0, spatial 30.0 → 96.0 / 3
    expect(score(bundle, e, m, 'livebench-reasoning')).toBe('32.00');
    // Coding: code_generation 42.254, code_completion 47.826 → 90.080 / 2
    expect(score(bundle, e, m, 'livebench-coding')).toBe('45.04');
    // Mathematics: 50.0 + 29.167 + 24.681 = 103.848; / 3 = 34.616
    expect(score(bundle, e, m, 'livebench-mathematics')).toBe('34.62');
    // Data Analysis: 21.692 + 60.784 = 82.476; / 2 = 41.238
    expect(score(bundle, e, m, 'livebench-data-analysis')).toBe('41.24');
    // Language: 19.0 + 19.859 + 44.0 = 82.859; / 3 = 27.61966…
    expect(score(bundle, e, m, 'livebench-language')).toBe('27.62');
    // IF: 57.1 + 53.617 + 49.683 + 56.117 = 216.517; / 4 = 54.12925
    expect(score(bundle, e, m, 'livebench-instruction-following')).toBe('54.13');
    // Global: the mean of the unrounded category means,
    // (32 + 45.04 + 34.616 + 41.238 + 82.859/3 + 54.12925) / 6 = 234.642916… / 6 = 39.10715…
    expect(score(bundle, e, m, 'livebench-average')).toBe('39.11');
  });

  it('rounds an exact half up, where the site’s double shows one hundredth less', async () => {
    const bundle = await readLiveBench(fixtures);
    // gpt-5.1-codex Coding: (71.831 + 71.739) / 2 = 71.785 exactly; (71.831 + 71.739) / 2 in binary is 71.78499…
    expect(score(bundle, 'livebench-2026-01-08', 'gpt-5.1-codex', 'livebench-coding')).toBe('71.79');
  });

  it('averages a category over the tasks a row has, and says so', async () => {
    const bundle = await readLiveBench(fixtures);
    // phi-3-small-8k-instruct has no connections score: Language = (plot_unscrambling 15.888 + typos 10.0) / 2.
    expect(score(bundle, 'livebench-2024-11-25', 'phi-3-small-8k-instruct', 'livebench-language')).toBe('12.94');
    expect(bundle.warnings).toContainEqual(expect.stringMatching(/table_2024_11_25\.csv: line 4 \("phi-3-small-8k-instruct"\): Language averaged over 2 of 3 tasks/));
  });

  it('keeps model keys exactly as published', async () => {
    const bundle = await readLiveBench(fixtures);
    const models = new Set(bundle.scores.filter((s) => s.edition === 'livebench-2025-04-25').map((s) => s.model));
    expect(models).toEqual(new Set(['amazon.nova-lite-v1:0', 'claude-3-7-sonnet-20250219-thinking-64k', 'grok-3-beta', 'o3-2025-04-16-high']));
    expect(bundle.scores.every((s) => s.variant === '' && s.setting === '' && s.selfReported === false)).toBe(true);
  });

  it('skips a row whose cells do not line up with the header, naming it', async () => {
    const bundle = await readLiveBench(fixtures);
    expect(bundle.scores.some((s) => s.model === 'nemotron-3-super-120b-a12b')).toBe(false);
    expect(bundle.warnings).toContainEqual('table_2026_01_08.csv: line 4 ("nemotron-3-super-120b-a12b") has 21 cells for 24 columns; skipped');
  });

  it('does not import the global average the site hard-codes for grok-3', async () => {
    const dir = await alteredCopy('table_2025_04_25.csv', (text) => text.replace('\ngrok-3-beta,', '\ngrok-3,'));
    const bundle = await readLiveBench(dir);
    expect(score(bundle, 'livebench-2025-04-25', 'grok-3', 'livebench-average')).toBeUndefined();
    expect(score(bundle, 'livebench-2025-04-25', 'grok-3', 'livebench-coding')).toBe('73.58');
    expect(bundle.warnings).toContainEqual(expect.stringContaining('("grok-3"): the site shows a hard-coded global average'));
  });

  it('fails on a malformed file, naming it', async () => {
    const badValue = await alteredCopy('table_2025_04_25.csv', (text) => text.replace(',50.0,47.826,', ',fifty,47.826,'));
    await expect(readLiveBench(badValue)).rejects.toThrow(`${path.join(badValue, 'table_2025_04_25.csv')}: line 2 ("amazon.nova-lite-v1:0"), column AMPS_Hard`);
    const badJson = await alteredCopy('categories_2025_04_25.json', (text) => text.slice(0, -3));
    await expect(readLiveBench(badJson)).rejects.toThrow(`${path.join(badJson, 'categories_2025_04_25.json')}: not valid JSON`);
    const badCsv = await alteredCopy('table_2025_04_25.csv', (text) => text.replace('amazon.nova-lite-v1:0', '"amazon.nova-lite-v1:0'));
    await expect(readLiveBench(badCsv)).rejects.toThrow(`${path.join(badCsv, 'table_2025_04_25.csv')}: not valid CSV`);
  });
});
