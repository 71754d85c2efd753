import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/catalog/csv.js';
import { benchmarkSlug, numberText, parseJsonKeepingNumbers, shiftPoint } from '../../src/catalog/sources/benchmarks/common.js';
import { KNOWN_BENCHMARKS } from '../../src/catalog/sources/benchmarks/known.js';

describe('leaderboard importers, shared', () => {
  it('define the catalog’s benchmarks exactly as data/curated does', async () => {
    const file = new URL('../../data/curated/benchmark-definitions.csv', import.meta.url);
    const rows = parseCsv(await readFile(file, 'utf8'), 'benchmark-definitions.csv');
    for (const row of rows) {
      const known = KNOWN_BENCHMARKS.get(row.slug!);
      if (!known) continue;
      expect(known).toEqual({
        slug: row.slug,
        name: row.name,
        category: row.category,
        url: row.url || null,
        scaleMin: row.scale_min,
        scaleMax: row.scale_max,
        higherIsBetter: row.higher_is_better === 'true',
      });
    }
    expect(rows.filter((r) => KNOWN_BENCHMARKS.has(r.slug!))).toHaveLength(23);
  });

  it('move a decimal point as text', () => {
    expect(shiftPoint('0.772', 2)).toBe('77.2');
    expect(shiftPoint('0.770', 2)).toBe('77.0');
    expect(shiftPoint('0.9', 2)).toBe('90');
    expect(shiftPoint('1', 2)).toBe('100');
    expect(shiftPoint('0.0143504531722054', 2)).toBe('1.43504531722054');
    expect(shiftPoint('0.935', 1)).toBe('9.35');
    expect(shiftPoint('2071', 0)).toBe('2071');
    expect(() => shiftPoint('1e-3', 2)).toThrow(RangeError);
  });

  it('read JSON numbers as the text the file wrote', () => {
    const json = parseJsonKeepingNumbers('{"a 1.0": [82.0, 0.1, null, -3e2], "b": "7.50"}', 'x.json') as Record<string, unknown[] | string>;
    expect((json['a 1.0'] as unknown[]).map(numberText)).toEqual(['82.0', '0.1', null, '-3e2']);
    expect(json.b).toBe('7.50');
    expect(() => parseJsonKeepingNumbers('{"a": 1,}', 'x.json')).toThrow('x.json: not valid JSON');
  });

  it('give one slug to one benchmark however a source spells it', () => {
    expect(benchmarkSlug('Humanity’s Last Exam')).toBe(benchmarkSlug("humanity's-last-exam"));
    expect(benchmarkSlug('SWE Bench Pro')).toBe(benchmarkSlug('SWE-Bench Pro'));
    expect(benchmarkSlug('HumanEval+')).toBe('humaneval-plus');
    expect(benchmarkSlug('τ3 Banking')).toBe('tau3-banking');
    expect(benchmarkSlug('graphwalks-bfs-<128k')).toBe('graphwalks-bfs-lt-128k');
    expect(benchmarkSlug('translation-en→set1-comet22')).toBe('translation-en-to-set1-comet22');
    expect(benchmarkSlug('videomme-w-o-sub.')).toBe('videomme-w-o-sub');
  });
});
