import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAider } from '../../src/catalog/sources/benchmarks/aider.js';

const fixtures = new URL('../fixtures/benchmarks/aider/', import.meta.url);
const polyglotFile = new URL('polyglot_leaderboard.yml', fixtures).pathname;
const editFile = new URL('edit_leaderboard.yml', fixtures).pathname;
const COMMIT = '5dc9490bb35f9729ef2c95d00a19ccd30c26339c';

/** Each run's dirname and pass_rate_2 as the file writes them, read as text, in file order. */
async function runsAsWritten(file: string): Promise<{ dirname: string; passRate: string }[]> {
  const text = await readFile(file, 'utf8');
  return text
    .split(/^(?=- dirname: )/m)
    .filter((block) => block.startsWith('- dirname: '))
    .map((block) => ({ dirname: /^- dirname: (\S+)/.exec(block)![1]!, passRate: /^ {2}pass_rate_2: (\S+)$/m.exec(block)![1]! }));
}

const PAIRS = ['2025-01-23-19-14-48--r1-architect-sonnet', '2025-06-27-23-53-57--o3-mini-high-diff-arch'];

describe('readAider (polyglot)', () => {
  it('keeps every pass_rate_2 digit for digit as the file writes it', async () => {
    const bundle = await readAider(polyglotFile, { commit: COMMIT });
    const kept = (await runsAsWritten(polyglotFile)).filter((r) => !PAIRS.includes(r.dirname));
    expect(bundle.scores.map((s) => s.value)).toEqual(kept.map((r) => r.passRate));
    // "8.0" and "3.6" would not survive a number round trip as "8.0".
    expect(bundle.scores.map((s) => s.value)).toContain('8.0');
  });

  it('skips model pairs with a warning naming the run', async () => {
    const bundle = await readAider(polyglotFile);
    expect(bundle.warnings).toHaveLength(2);
    PAIRS.forEach((dirname, i) => expect(bundle.warnings[i]).toContain(`"${dirname}"`));
    expect(bundle.warnings[1]).toContain('o3 (high) + gpt-4.1');
    expect(bundle.scores).toHaveLength(11);
  });

  it('names each model by its command, or by its display name when the command does not pin a version', async () => {
    const bundle = await readAider(polyglotFile);
    expect(bundle.scores.map((s) => [s.model, s.variant, s.measuredOn])).toEqual([
      ['gpt-4o-mini-2024-07-18', '', '2024-12-21'],
      ['Qwen/Qwen2.5-Coder-32B-Instruct', '', '2024-12-22'], // openai/… prefix and "# via hyperbolic" dropped
      ['o3-mini', 'high', '2025-01-31'], // --reasoning-effort in the command only
      ['claude-3-7-sonnet-20250219', '', '2025-02-24'], // "--model sonnet" is an alias; "(no thinking)" is the run, not the model
      ['DeepSeek V3 (0324)', '', '2025-03-24'], // deepseek-chat ran several versions
      ['o4-mini', 'high', '2025-04-16'], // effort only in the display name
      ['claude-sonnet-4-20250514', 'thinking-32k', '2025-05-24'], // thinking_tokens: 32000
      ['gemini-2.5-flash-preview-05-20', 'no-thinking', '2025-05-26'], // thinking_tokens: 0
      ['gemini-2.5-pro-preview-06-05', 'thinking-32k', '2025-06-06'], // 32768, and --thinking-tokens 32k
      ['x-ai/grok-4', 'high', '2025-07-11'], // openrouter/ dropped, the org kept
      ['DeepSeek-V3.2-Exp (Reasoner)', '', '2025-10-03'],
    ]);
  });

  it('records the run configuration as the setting, and nothing else of the run', async () => {
    const bundle = await readAider(polyglotFile);
    expect(bundle.scores[0]).toEqual({
      model: 'gpt-4o-mini-2024-07-18',
      benchmark: 'aider-polyglot',
      edition: 'aider-polyglot',
      value: '3.6',
      setting: 'edit format: whole; aider 0.69.2.dev',
      variant: '',
      ciLow: null,
      ciHigh: null,
      measuredOn: '2024-12-21',
      selfReported: false,
      source: bundle.sources[0]!.key,
    });
    expect(bundle.scores[2]!.setting).toBe('edit format: diff; aider 0.72.4.dev; 224 of 225 cases');
    expect(bundle.scores[8]!.setting).toBe('edit format: diff-fenced; aider 0.84.1.dev');
  });

  it('states one edition dated by its latest run, its benchmark and its source', async () => {
    const bundle = await readAider(polyglotFile, { commit: COMMIT });
    const source = bundle.sources[0]!;
    expect(source).toMatchObject({
      name: 'Aider leaderboard (polyglot_leaderboard.yml)',
      url: `https://github.com/Aider-AI/aider/blob/${COMMIT}/aider/website/_data/polyglot_leaderboard.yml`,
      retrievedAt: null,
    });
    expect(bundle.editions).toEqual([
      {
        slug: 'aider-polyglot',
        name: 'Aider polyglot, 225 Exercism exercises',
        leaderboard: 'Aider polyglot',
        version: '225 Exercism exercises',
        publishedOn: '2025-10-03',
        independent: true,
        licence: 'Apache-2.0',
        url: 'https://aider.chat/docs/leaderboards/',
        source: source.key,
      },
    ]);
    expect(bundle.benchmarks).toEqual([
      { slug: 'aider-polyglot', name: 'Aider polyglot', category: 'coding', url: 'https://aider.chat/docs/leaderboards/', scaleMin: '0', scaleMax: '100', higherIsBetter: true, source: source.key },
    ]);
  });
});

describe('readAider (legacy code editing)', () => {
  it('is a different benchmark and edition, and reads models with no --model from the display name', async () => {
    const bundle = await readAider(editFile, { commit: COMMIT });
    expect(bundle.benchmarks.map((b) => [b.slug, b.category])).toEqual([['aider-code-editing', 'coding']]);
    expect(bundle.editions[0]).toMatchObject({ slug: 'aider-code-editing', version: '133 Python Exercism exercises', publishedOn: '2024-12-21' });
    expect(bundle.scores.map((s) => [s.model, s.value, s.setting])).toEqual([
      ['gpt-4-turbo-2024-04-09', '63.9', 'edit format: udiff; aider 0.30.2-dev'], // "aider --gpt-4-turbo", display "(udiff)" dropped
      ['gpt-4o-2024-05-13', '72.9', 'edit format: diff; aider 0.34.1-dev'], // bare "aider"
      ['gpt-4-turbo-2024-04-09', '57.6', 'edit format: diff; aider 0.28.1-dev; 33 of 133 cases'],
      ['Reflection-70B', '42.1', 'edit format: whole; aider 0.55.1.dev'],
      ['claude-3-5-sonnet-20241022', '84.2', 'edit format: diff; aider 0.59.2.dev'],
      ['o1-mini', '27.1', 'edit format: whole; aider 0.69.2.dev'],
    ]);
    expect(bundle.scores.map((s) => s.value)).toEqual((await runsAsWritten(editFile)).map((r) => r.passRate));
    expect(bundle.warnings).toEqual([]);
  });
});

describe('readAider: runs alike and malformed files', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'aider-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const write = async (sub: string, text: string, name = 'polyglot_leaderboard.yml') => {
    await mkdir(path.join(dir, sub), { recursive: true });
    const file = path.join(dir, sub, name);
    await writeFile(file, text);
    return file;
  };
  const firstRun = async () => (await readFile(polyglotFile, 'utf8')).split(/^(?=- dirname: )/m)[0]!;

  it('keeps every run, telling alike runs apart by date, then by directory', async () => {
    const run = await firstRun();
    const again = run.replace('2024-12-21-18-41-18--polyglot-gpt-4o-mini', '2024-12-22-09-00-00--again').replace('date: 2024-12-21', 'date: 2024-12-22');
    const sameDay = run.replace('2024-12-21-18-41-18--polyglot-gpt-4o-mini', '2024-12-21-20-00-00--same-day');
    const bundle = await readAider(await write('alike', `${run}\n${again}\n${sameDay}`));
    expect(bundle.scores.map((s) => s.setting)).toEqual([
      'edit format: whole; aider 0.69.2.dev; run 2024-12-21 (2024-12-21-18-41-18--polyglot-gpt-4o-mini)',
      'edit format: whole; aider 0.69.2.dev; run 2024-12-22',
      'edit format: whole; aider 0.69.2.dev; run 2024-12-21 (2024-12-21-20-00-00--same-day)',
    ]);
  });

  it('names the file when the YAML does not parse', async () => {
    const file = await write('broken', '- dirname: x\n  command: [aider\n');
    await expect(readAider(file)).rejects.toThrow(file);
  });

  it('names the file, run and field of a run without a score', async () => {
    const file = await write('missing', (await firstRun()).replace(/^ {2}pass_rate_2: .*\n/m, ''));
    await expect(readAider(file)).rejects.toThrow(`${file}: run "2024-12-21-18-41-18--polyglot-gpt-4o-mini": pass_rate_2 is missing`);
  });

  it('refuses a score that is not a percentage', async () => {
    const file = await write('bad', (await firstRun()).replace('pass_rate_2: 3.6', 'pass_rate_2: n/a'));
    await expect(readAider(file)).rejects.toThrow(/pass_rate_2 "n\/a" is not a percentage/);
  });

  it('refuses a file that is not one of the two leaderboards', async () => {
    const file = await write('other', await firstRun(), 'blame.yml');
    await expect(readAider(file)).rejects.toThrow(file);
  });
});
