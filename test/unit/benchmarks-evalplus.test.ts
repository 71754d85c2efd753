import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readEvalPlus } from '../../src/catalog/sources/benchmarks/evalplus.js';

const file = new URL('../fixtures/benchmarks/evalplus/results.json', import.meta.url).pathname;
const FIELDS: Record<string, string> = { 'humaneval-plus': 'humaneval+', 'mbpp-plus': 'mbpp+', humaneval: 'humaneval' };

/** The number text the fixture writes for one model's pass@1 field. */
function textOf(fixture: string, model: string, field: string): string {
  const entry = fixture.slice(fixture.indexOf(`"${model}": {`));
  return new RegExp(`"${field.replace('+', '\\+')}": ([^,\\n]+)`).exec(entry)![1]!;
}

describe('readEvalPlus', () => {
  it('imports HumanEval+, MBPP+ and HumanEval in one independent edition', async () => {
    const bundle = await readEvalPlus(file);
    expect(bundle.editions).toEqual([expect.objectContaining({ slug: 'evalplus', independent: true, publishedOn: '2024-12-26', licence: 'Apache-2.0 (evalplus.github.io repository)' })]);
    expect(bundle.benchmarks.map((b) => [b.slug, b.category, b.scaleMin, b.scaleMax])).toEqual([
      ['humaneval-plus', 'coding', '0', '100'],
      ['mbpp-plus', 'coding', '0', '100'],
      ['humaneval', 'coding', '0', '100'],
    ]);
    expect(bundle.sources[0]).toMatchObject({ url: 'https://github.com/evalplus/evalplus.github.io/blob/87418456d3a8c2bc6265f24ff91d2dd0e7993f4b/results.json', retrievedAt: '2024-12-26' });
  });

  it('keeps each value digit for digit, and the display name as the model key', async () => {
    const fixture = await readFile(file, 'utf8');
    const bundle = await readEvalPlus(file);
    expect(bundle.scores).toHaveLength(14);
    for (const s of bundle.scores) expect(s.value).toBe(textOf(fixture, s.model, FIELDS[s.benchmark]!));
    // JSON.parse would have made this 73.
    expect(bundle.scores.find((s) => s.model === 'DeepSeek-V3 (Nov 2024)' && s.benchmark === 'mbpp-plus')?.value).toBe('73.0');
    expect(new Set(bundle.scores.map((s) => s.model))).toContain('GPT 4o (Aug 2024)');
  });

  it('skips a run that was not made (null), naming the entry', async () => {
    const bundle = await readEvalPlus(file);
    expect(bundle.scores.filter((s) => s.model === 'Code-13B').map((s) => s.benchmark)).toEqual(['humaneval-plus', 'humaneval']);
    expect(bundle.warnings).toEqual(['evalplus results.json: "Code-13B" has no mbpp+ pass@1; skipped']);
  });

  it('fails on a malformed file, naming it', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'evalplus-'));
    const broken = path.join(dir, 'results.json');
    await writeFile(broken, (await readFile(file, 'utf8')).replace('"humaneval+": 77.4,', '"humaneval+": 77.4'));
    await expect(readEvalPlus(broken)).rejects.toThrow(`${broken}: not valid JSON`);
    await writeFile(broken, '{"GPT 4o (Aug 2024)": {"link": "x"}}');
    await expect(readEvalPlus(broken)).rejects.toThrow(`${broken}: entry "GPT 4o (Aug 2024)" has no "pass@1" object`);
  });
});
