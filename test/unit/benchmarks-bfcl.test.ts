import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { readBfcl, splitBfclName } from '../../src/catalog/sources/benchmarks/bfcl.js';

const fixture = (version: 'v3' | 'v4') => new URL(`../fixtures/benchmarks/bfcl-${version}/`, import.meta.url).pathname;

async function fixtureRows(version: 'v3' | 'v4'): Promise<Record<string, string>[]> {
  return parse(await readFile(path.join(fixture(version), 'data_overall.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
}

async function alteredCopy(version: 'v3' | 'v4', change: (text: string) => string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bfcl-'));
  await writeFile(path.join(dir, 'data_overall.csv'), change(await readFile(path.join(fixture(version), 'data_overall.csv'), 'utf8')));
  return dir;
}

const COLUMNS: Record<string, string> = {
  'bfcl-overall': 'Overall Acc',
  'bfcl-non-live': 'Non-Live AST Acc',
  'bfcl-live': 'Live Acc',
  'bfcl-multi-turn': 'Multi Turn Acc',
  'bfcl-web-search': 'Web Search Acc',
  'bfcl-memory': 'Memory Acc',
};

describe('readBfcl', () => {
  it('keeps V3 and V4 in editions of their own', async () => {
    const v3 = await readBfcl(fixture('v3'), { version: 'v3' });
    const v4 = await readBfcl(fixture('v4'), { version: 'v4' });
    expect(v3.editions).toEqual([expect.objectContaining({ slug: 'bfcl-v3', version: 'V3', publishedOn: '2025-06-14', independent: true, licence: 'Apache-2.0 (gorilla repository)' })]);
    expect(v4.editions).toEqual([expect.objectContaining({ slug: 'bfcl-v4', version: 'V4', publishedOn: '2025-12-16', independent: true })]);
    expect(v3.scores.every((s) => s.edition === 'bfcl-v3')).toBe(true);
    expect(v4.scores.every((s) => s.edition === 'bfcl-v4')).toBe(true);
    expect(v3.sources[0]).toMatchObject({ url: 'https://github.com/ShishirPatil/gorilla/blob/a53acce60a5e4064ef4b3ca5b1c30826fe719065/data_overall.csv', retrievedAt: '2025-06-14' });
  });

  it('defines the overall and category accuracies as tool-use (V4 adds web search and memory)', async () => {
    const v3 = await readBfcl(fixture('v3'), { version: 'v3' });
    const v4 = await readBfcl(fixture('v4'), { version: 'v4' });
    expect(v3.benchmarks.map((b) => [b.slug, b.category])).toEqual([
      ['bfcl-overall', 'tool-use'],
      ['bfcl-non-live', 'tool-use'],
      ['bfcl-live', 'tool-use'],
      ['bfcl-multi-turn', 'tool-use'],
    ]);
    expect(v4.benchmarks.map((b) => b.slug)).toEqual(['bfcl-overall', 'bfcl-non-live', 'bfcl-live', 'bfcl-multi-turn', 'bfcl-web-search', 'bfcl-memory']);
    expect(v4.benchmarks.every((b) => b.scaleMin === '0' && b.scaleMax === '100' && b.higherIsBetter)).toBe(true);
  });

  it('writes every value as the file does, without its percent sign', async () => {
    for (const version of ['v3', 'v4'] as const) {
      const bundle = await readBfcl(fixture(version), { version });
      const rows = await fixtureRows(version);
      expect(bundle.scores).toHaveLength(rows.length * (version === 'v3' ? 4 : 6));
      for (const s of bundle.scores) {
        const row = rows.find((r) => {
          const split = splitBfclName(r.Model!);
          return split.model === s.model && split.setting === s.setting && split.variant === s.variant;
        })!;
        expect(`${s.value}%`).toBe(row[COLUMNS[s.benchmark]!]);
      }
    }
    const v3 = await readBfcl(fixture('v3'), { version: 'v3' });
    expect(v3.scores.find((s) => s.model === 'xLAM-2-70b-fc-r' && s.benchmark === 'bfcl-overall')?.value).toBe('78.45');
  });

  it('moves the calling mode from the name to the setting', async () => {
    const v3 = await readBfcl(fixture('v3'), { version: 'v3' });
    const v4 = await readBfcl(fixture('v4'), { version: 'v4' });
    const modes = (b: typeof v3) => [...new Set(b.scores.map((s) => `${s.model} | ${s.setting} | ${s.variant}`))];
    expect(modes(v3)).toEqual(['xLAM-2-70b-fc-r | FC | ', 'GPT-4o-2024-11-20 | prompt | ', 'BitAgent-8B |  | ', 'Claude-3.5-Sonnet-20241022 | FC | ']);
    expect(modes(v4)).toEqual([
      'Claude-Opus-4-5-20251101 | FC | ',
      'GLM-4.6 | FC | thinking',
      'DeepSeek-V3.2-Exp | prompt | thinking',
      'GPT-4.1-2025-04-14 | prompt | ',
      'Mistral-Medium-2505 |  | ',
    ]);
  });

  it('skips a value that is N/A, naming the row', async () => {
    const dir = await alteredCopy('v3', (text) => text.replace('49,56.88%,', '49,N/A,'));
    const bundle = await readBfcl(dir, { version: 'v3' });
    expect(bundle.scores.some((s) => s.model === 'Claude-3.5-Sonnet-20241022' && s.benchmark === 'bfcl-overall')).toBe(false);
    expect(bundle.scores.some((s) => s.model === 'Claude-3.5-Sonnet-20241022' && s.benchmark === 'bfcl-live')).toBe(true);
    expect(bundle.warnings).toEqual(['bfcl v3 data_overall.csv: line 5 ("Claude-3.5-Sonnet-20241022 (FC)"): Overall Acc is N/A; skipped']);
  });

  it('refuses a V4 file read as V3, and a malformed file, naming the file', async () => {
    const v4file = path.join(fixture('v4'), 'data_overall.csv');
    await expect(readBfcl(fixture('v4'), { version: 'v3' })).rejects.toThrow(`${v4file}: has V4 columns`);
    await expect(readBfcl(fixture('v3'), { version: 'v4' })).rejects.toThrow(`${path.join(fixture('v3'), 'data_overall.csv')}: missing columns "Web Search Acc", "Memory Acc"`);
    const quote = await alteredCopy('v3', (text) => text.replace('xLAM-2-70b-fc-r (FC)', '"xLAM-2-70b-fc-r (FC)'));
    await expect(readBfcl(quote, { version: 'v3' })).rejects.toThrow(`${path.join(quote, 'data_overall.csv')}: not valid CSV`);
    const value = await alteredCopy('v3', (text) => text.replace('78.45%', '78.45%x'));
    await expect(readBfcl(value, { version: 'v3' })).rejects.toThrow(`${path.join(value, 'data_overall.csv')}: line 2 ("xLAM-2-70b-fc-r (FC)"), Overall Acc: "78.45%x" is not a percentage`);
  });
});
