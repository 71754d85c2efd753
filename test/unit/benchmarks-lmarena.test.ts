import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLmarena } from '../../src/catalog/sources/benchmarks/lmarena.js';

const fixtures = new URL('../fixtures/benchmarks/lmarena/', import.meta.url);
const styleFile = new URL('leaderboard-text-style-control.json', fixtures).pathname;
const plainFile = new URL('leaderboard-text.json', fixtures).pathname;
const COMMIT = 'c9558b60647217fafa878cb7ee14f8f43c355594';

/** The fixture's numbers as text, read line by line without JSON.parse: category → model → field → digits. */
async function numbersAsWritten(file: string): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  let category = '';
  let model = '';
  for (const line of (await readFile(file, 'utf8')).split('\n')) {
    const key = /^( +)"([^"]+)": (\{|(-?[\d.]+),?)$/.exec(line);
    if (!key) continue;
    const [, indent, name, , number] = key;
    if (indent!.length === 4) category = name!;
    else if (indent!.length === 8) model = name!;
    else found.set(`${category}/${model}/${name}`, number!);
  }
  return found;
}

describe('readLmarena (style control)', () => {
  it('keeps every rating and bound digit for digit as the file writes it', async () => {
    const bundle = await readLmarena(styleFile, { styleControl: true, publishedOn: '2025-12-11', commit: COMMIT });
    const written = await numbersAsWritten(styleFile);
    const category = (slug: string) =>
      ({ 'lmarena-text': 'full', 'lmarena-text-coding': 'coding', 'lmarena-text-math': 'math', 'lmarena-text-instruction-following': 'if',
        'lmarena-text-hard-prompts': 'hard_6', 'lmarena-text-long-queries': 'long_user', 'lmarena-text-multi-turn': 'multiturn',
        'lmarena-text-creative-writing': 'creative_writing' })[slug]!;
    // 6 models in full, 5 in each of the 7 other imported categories; "chinese" is not imported.
    expect(bundle.scores).toHaveLength(6 + 7 * 5);
    for (const s of bundle.scores) {
      const at = `${category(s.benchmark)}/${s.model}`;
      expect(s.value).toBe(written.get(`${at}/rating`));
      expect(s.ciLow).toBe(written.get(`${at}/rating_q025`));
      expect(s.ciHigh).toBe(written.get(`${at}/rating_q975`));
    }
    // One entry checked by hand against the upstream file.
    expect(bundle.scores.find((s) => s.benchmark === 'lmarena-text-coding' && s.model === 'claude-opus-4-5-20251101-thinking-32k')).toMatchObject({
      value: '1538.2049212548282',
      ciLow: '1524.4694481939966',
      ciHigh: '1551.9403943156597',
    });
  });

  it('states one edition, its source and the eight benchmarks on an open scale', async () => {
    const bundle = await readLmarena(styleFile, { styleControl: true, publishedOn: '2025-12-11', commit: COMMIT });
    const source = bundle.sources[0]!;
    expect(bundle.sources).toEqual([
      {
        key: source.key,
        name: 'LMArena arena-catalog (leaderboard-text-style-control.json)',
        url: `https://github.com/lmarena/arena-catalog/blob/${COMMIT}/data/leaderboard-text-style-control.json`,
        retrievedAt: '2025-12-11',
      },
    ]);
    expect(bundle.editions).toEqual([
      {
        slug: 'lmarena-text-style-control-2025-12-11',
        name: 'LMArena text, style control, 2025-12-11',
        leaderboard: 'LMArena text',
        version: 'style control',
        publishedOn: '2025-12-11',
        independent: true,
        licence: "No licence file; LMArena's data, attributed to LMArena (lmarena.ai)",
        url: 'https://github.com/lmarena/arena-catalog',
        source: source.key,
      },
    ]);
    expect(bundle.benchmarks.map((b) => [b.slug, b.category])).toEqual([
      ['lmarena-text', 'human-preference'],
      ['lmarena-text-coding', 'coding'],
      ['lmarena-text-math', 'math'],
      ['lmarena-text-instruction-following', 'instruction-following'],
      ['lmarena-text-hard-prompts', 'reasoning'],
      ['lmarena-text-long-queries', 'long-context'],
      ['lmarena-text-multi-turn', 'human-preference'],
      ['lmarena-text-creative-writing', 'human-preference'],
    ]);
    expect(bundle.benchmarks[0]!.name).toBe('LMArena text (overall)');
    expect(bundle.benchmarks[1]!.name).toBe('LMArena text: coding');
    for (const b of bundle.benchmarks) expect(b).toMatchObject({ scaleMin: null, scaleMax: null, higherIsBetter: true, source: source.key });
    expect(bundle.warnings).toEqual([]);
  });

  it('keeps model keys exactly as published and marks every score alike', async () => {
    const bundle = await readLmarena(styleFile, { styleControl: true, publishedOn: '2025-12-11' });
    const full = bundle.scores.filter((s) => s.benchmark === 'lmarena-text').map((s) => s.model);
    expect(full).toEqual([
      'gemini-3-pro',
      'gemini-3-flash',
      'claude-opus-4-5-20251101-thinking-32k',
      'gpt-5-high',
      'deepseek-r1-0528',
      'claude-3-5-sonnet-20241022',
    ]);
    for (const s of bundle.scores) {
      expect(s).toMatchObject({
        edition: 'lmarena-text-style-control-2025-12-11',
        setting: 'style control',
        variant: '',
        selfReported: false,
        measuredOn: '2025-12-11',
        source: bundle.sources[0]!.key,
      });
    }
    // Without a commit the source points at the branch.
    expect(bundle.sources[0]!.url).toBe('https://github.com/lmarena/arena-catalog/blob/main/data/leaderboard-text-style-control.json');
  });
});

describe('readLmarena (no style control)', () => {
  it('is an edition of its own and warns about the categories the file lacks', async () => {
    const bundle = await readLmarena(plainFile, { styleControl: false, publishedOn: '2025-12-11', commit: COMMIT });
    expect(bundle.editions[0]).toMatchObject({ slug: 'lmarena-text-2025-12-11', name: 'LMArena text, no style control, 2025-12-11', version: 'no style control' });
    expect(bundle.sources[0]!.name).toBe('LMArena arena-catalog (leaderboard-text.json)');
    expect(bundle.benchmarks.map((b) => b.slug)).toEqual(['lmarena-text', 'lmarena-text-coding']);
    expect(bundle.scores).toHaveLength(6);
    expect(new Set(bundle.scores.map((s) => s.setting))).toEqual(new Set(['no style control']));
    const written = await numbersAsWritten(plainFile);
    for (const s of bundle.scores) expect(s.value).toBe(written.get(`${s.benchmark === 'lmarena-text' ? 'full' : 'coding'}/${s.model}/rating`));
    // 14 significant digits upstream: kept as written, not padded or rounded.
    expect(bundle.scores.find((s) => s.benchmark === 'lmarena-text-coding' && s.model === 'gemini-3-pro')?.ciLow).toBe('1475.29730512301');
    expect(bundle.warnings).toHaveLength(6);
    expect(bundle.warnings[0]).toContain('"math"');
  });
});

describe('readLmarena on a malformed file', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'lmarena-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const write = async (name: string, text: string) => {
    const file = path.join(dir, name);
    await writeFile(file, text);
    return file;
  };
  const options = { styleControl: true, publishedOn: '2025-12-11' };

  it('names the file when the JSON does not parse', async () => {
    const text = await readFile(styleFile, 'utf8');
    const file = await write('truncated.json', text.slice(0, 500));
    await expect(readLmarena(file, options)).rejects.toThrow(file);
  });

  it('names the file, category, model and field of an entry that is not a number', async () => {
    const file = await write('string.json', '{"full": {"gpt-5-high": {"rating": "1440.1", "rating_q975": 1445.2, "rating_q025": 1435.0}}}');
    await expect(readLmarena(file, options)).rejects.toThrow(`${file}: full.gpt-5-high: rating is missing or not a number`);
  });

  it('refuses an exponent rather than rewrite it', async () => {
    const file = await write('exponent.json', '{"full": {"gpt-5-high": {"rating": 1.4401e3, "rating_q975": 1445.2, "rating_q025": 1435.0}}}');
    await expect(readLmarena(file, options)).rejects.toThrow(/full\.gpt-5-high: rating "1\.4401e3" is not a plain decimal/);
  });

  it('refuses a file with none of the categories', async () => {
    const file = await write('other.json', '{"chinese": {}}');
    await expect(readLmarena(file, options)).rejects.toThrow(file);
  });
});
