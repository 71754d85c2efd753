import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyDataset } from '../../src/catalog/apply.js';
import { parseDataset } from '../../src/catalog/dataset.js';
import { createTestApp, type TestApp } from '../support/app.js';

/**
 * Benchmark editions through the API: a comparison compares scores only
 * inside one edition that covers every model (independent first, then the
 * newest), says a tie inside the 95% intervals, weighs benchmarks by use
 * case, and says when quality was not compared; leaderboards and scores
 * carry their edition.
 */

const ARENA_OLD = 'lmarena-text-2025-06-01';
const ARENA = 'lmarena-text-style-control-2025-12-11';

const score = (model: string, benchmark: string, value: string, source: string, extra: Record<string, unknown> = {}) => ({
  model,
  benchmark,
  value,
  source,
  ...extra,
});

function dataset() {
  const models = ['alpha-1', 'beta-1', 'gamma-1', 'delta-1'];
  const prices: Record<string, [string, string]> = { 'alpha-1': ['0.1', '0.2'], 'beta-1': ['0.2', '0.4'], 'gamma-1': ['0.15', '0.3'], 'delta-1': ['0.1', '0.2'] };
  return parseDataset(
    {
      name: 'editions',
      sources: [
        { key: 'lab', name: 'Lab catalog' },
        { key: 'lmarena', name: 'LMArena leaderboard', url: 'https://lmarena.ai/leaderboard' },
        { key: 'lcb', name: 'LiveCodeBench leaderboard' },
        { key: 'cards', name: 'Model cards' },
        { key: 'gorilla', name: 'Gorilla BFCL table' },
        { key: 'page', name: 'A comparison page' },
      ],
      creators: [{ slug: 'lab', name: 'Lab', source: 'lab' }],
      models: models.map((slug) => ({
        slug,
        name: `${slug[0]!.toUpperCase()}${slug.slice(1, -2)} 1`,
        creator: 'lab',
        contextWindow: 128000,
        source: 'lab',
      })),
      providers: [
        { slug: 'p-one', name: 'Provider One', source: 'lab' },
        { slug: 'p-two', name: 'Provider Two', source: 'lab' },
      ],
      offerings: models.flatMap((model) =>
        ['p-one', 'p-two'].map((provider) => ({
          model,
          provider,
          source: 'lab',
          prices: [{ effectiveFrom: '2025-01-01', inputPerMTok: prices[model]![0], outputPerMTok: prices[model]![1], source: 'lab' }],
        })),
      ),
      benchmarks: [
        { slug: 'lmarena-text', name: 'LMArena text', category: 'human-preference', scaleMin: null, scaleMax: null, source: 'lmarena' },
        { slug: 'livecodebench', name: 'LiveCodeBench', category: 'coding', source: 'lcb' },
        { slug: 'mmlu-pro', name: 'MMLU-Pro', category: 'knowledge', source: 'cards' },
        { slug: 'bfcl', name: 'BFCL', category: 'tool-use', source: 'gorilla' },
      ],
      editions: [
        { slug: ARENA_OLD, name: 'LMArena text', leaderboard: 'LMArena', publishedOn: '2025-06-01', independent: true, licence: 'CC-BY-4.0', url: 'https://lmarena.ai/leaderboard', source: 'lmarena' },
        { slug: ARENA, name: 'LMArena text, style control', leaderboard: 'LMArena', publishedOn: '2025-12-11', independent: true, licence: 'CC-BY-4.0', source: 'lmarena' },
        { slug: 'livecodebench-v6', name: 'LiveCodeBench v6', leaderboard: 'LiveCodeBench', version: 'v6', publishedOn: '2025-05-01', independent: true, source: 'lcb' },
        { slug: 'card-alpha', name: 'Model card: Alpha 1', leaderboard: 'Lab', publishedOn: '2026-01-01', independent: false, source: 'cards' },
        { slug: 'card-beta', name: 'Model card: Beta 1', leaderboard: 'Lab', publishedOn: '2026-01-01', independent: false, source: 'cards' },
      ],
      scores: [
        // The older arena board: everyone, two at 1250 (listed by name, gamma recorded first).
        score('alpha-1', 'lmarena-text', '1300', 'lmarena', { edition: ARENA_OLD, ciLow: '1295', ciHigh: '1305' }),
        score('gamma-1', 'lmarena-text', '1250', 'lmarena', { edition: ARENA_OLD }),
        score('beta-1', 'lmarena-text', '1250', 'lmarena', { edition: ARENA_OLD, ciLow: '1245', ciHigh: '1255' }),
        score('delta-1', 'lmarena-text', '1290', 'lmarena', { edition: ARENA_OLD }),
        // The newer board (no delta): alpha twice, its thinking run the better.
        score('alpha-1', 'lmarena-text', '1350.50', 'lmarena', { edition: ARENA, variant: 'thinking', ciLow: '1344.5', ciHigh: '1356.5', sourceModelKey: 'alpha-1-thinking' }),
        score('alpha-1', 'lmarena-text', '1330', 'lmarena', { edition: ARENA, ciLow: '1325', ciHigh: '1335', sourceModelKey: 'alpha-1' }),
        score('beta-1', 'lmarena-text', '1320', 'lmarena', { edition: ARENA, ciLow: '1316', ciHigh: '1324' }),
        score('gamma-1', 'lmarena-text', '1348', 'lmarena', { edition: ARENA, ciLow: '1342', ciHigh: '1354' }),
        // A lab's own, newer and higher: never preferred to an independent board.
        score('alpha-1', 'lmarena-text', '1500', 'cards', { edition: 'card-alpha' }),
        score('beta-1', 'lmarena-text', '1510', 'cards', { edition: 'card-alpha' }),
        score('alpha-1', 'livecodebench', '60', 'lcb', { edition: 'livecodebench-v6', sourceModelKey: 'Alpha-1 (2025)' }),
        score('beta-1', 'livecodebench', '40', 'lcb', { edition: 'livecodebench-v6' }),
        score('gamma-1', 'livecodebench', '55', 'lcb', { edition: 'livecodebench-v6' }),
        score('delta-1', 'livecodebench', '70', 'lcb', { edition: 'livecodebench-v6' }),
        // Each lab's card scores only its own model: no edition covers both.
        score('alpha-1', 'mmlu-pro', '70', 'cards', { edition: 'card-alpha' }),
        score('beta-1', 'mmlu-pro', '75', 'cards', { edition: 'card-beta' }),
        // Edition-less scores: one marked independent, one that does not say.
        score('alpha-1', 'bfcl', '30', 'gorilla', { selfReported: false }),
        score('beta-1', 'bfcl', '35', 'page'),
      ],
    },
    'editions test dataset',
  );
}

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ seed: null });
  await applyDataset(t.db, dataset(), { importer: 'test', now: new Date('2026-01-15') });
});
afterAll(() => t.destroy());

const COMPARISON = /* GraphQL */ `
  query ($models: [String!]!, $useCase: UseCase, $weights: VerdictWeightsInput) {
    comparison(models: $models, useCase: $useCase, weights: $weights) {
      useCase
      benchmarks {
        benchmark { slug category }
        edition { slug name publishedOn independent leaderboard licence source { name } }
        independent
        leader { slug }
        runnerUp { slug }
        gap
        tiedWithinIntervals
        scores { model { slug } value valueDecimal variant ciLow ciHigh runs edition { slug } }
        source { name }
        sentence
      }
      uncomparedBenchmarks { benchmark { slug } scores { model { slug } value edition { slug } independent } sentence }
      verdict {
        useCase
        recommended { slug }
        headline
        reasons
        dominated { slug }
        weighedSignals
        unknownSignals
        scores { model { slug } quality }
        qualityBenchmarks { comparison { benchmark { slug } edition { slug } } weight }
      }
    }
  }
`;

async function compare(models: string[], variables: Record<string, unknown> = {}) {
  const { data, errors } = await t.graphql(COMPARISON, { models, ...variables });
  expect(errors).toBeUndefined();
  return data!.comparison;
}

const bench = (c: any, slug: string) => c.benchmarks.find((b: any) => b.benchmark.slug === slug);

describe('a comparison compares inside one edition', () => {
  it('chooses the newest independent edition that covers every model, over a newer self-reported one, and says so', async () => {
    const c = await compare(['alpha-1', 'beta-1']);
    const arena = bench(c, 'lmarena-text');
    expect(arena.edition).toEqual({
      slug: ARENA,
      name: 'LMArena text, style control',
      publishedOn: '2025-12-11',
      independent: true,
      leaderboard: 'LMArena',
      licence: 'CC-BY-4.0',
      source: { name: 'LMArena leaderboard' },
    });
    expect(arena.independent).toBe(true);
    expect(arena.benchmark.category).toBe('HUMAN_PREFERENCE');
    expect(arena.leader.slug).toBe('alpha-1');
    expect(arena.gap).toBe(30.5);
    // Alpha's best run in the edition, and which run it was.
    expect(arena.scores[0]).toEqual({
      model: { slug: 'alpha-1' },
      value: 1350.5,
      valueDecimal: '1350.5',
      variant: 'thinking',
      ciLow: 1344.5,
      ciHigh: 1356.5,
      runs: 2,
      edition: { slug: ARENA },
    });
    expect(arena.sentence).toBe(
      'LMArena text: Alpha 1 leads with 1350.5 (thinking) against 1320.0 for Beta 1, a 30.5-point gap, on LMArena text, style control, 2025-12-11.',
    );
  });

  it('falls back to an older edition when the newer one misses a model', async () => {
    const c = await compare(['alpha-1', 'delta-1']);
    const arena = bench(c, 'lmarena-text');
    expect(arena.edition.slug).toBe(ARENA_OLD);
    expect(arena.scores.map((s: any) => s.value)).toEqual([1300, 1290]);
    expect(arena.sentence).toMatch(/, on LMArena text, 2025-06-01\.$/);
  });

  it('never names a leader across editions: the labs’ own cards are listed as not compared', async () => {
    const c = await compare(['alpha-1', 'beta-1']);
    expect(bench(c, 'mmlu-pro')).toBeUndefined();
    const mmlu = c.uncomparedBenchmarks.find((u: any) => u.benchmark.slug === 'mmlu-pro');
    expect(mmlu.scores).toEqual([
      { model: { slug: 'alpha-1' }, value: 70, edition: { slug: 'card-alpha' }, independent: false },
      { model: { slug: 'beta-1' }, value: 75, edition: { slug: 'card-beta' }, independent: false },
    ]);
    expect(mmlu.sentence).toBe(
      'MMLU-Pro: not compared, since no single edition scores every model (70.0 for Alpha 1 on Model card: Alpha 1, 2026-01-01 (self-reported); 75.0 for Beta 1 on Model card: Beta 1, 2026-01-01 (self-reported)).',
    );
    // Edition-less scores from two sources do not compare either.
    expect(c.uncomparedBenchmarks.map((u: any) => u.benchmark.slug)).toEqual(['bfcl', 'mmlu-pro']);
    expect(c.verdict.qualityBenchmarks.map((q: any) => q.comparison.benchmark.slug)).not.toContain('mmlu-pro');
    expect(c.verdict.reasons).toContain('Not compared, as no single edition scores every model: BFCL and MMLU-Pro.');
  });

  it('calls ratings whose 95% intervals overlap a tie, said as a tie', async () => {
    const c = await compare(['alpha-1', 'gamma-1']);
    const arena = bench(c, 'lmarena-text');
    expect(arena.edition.slug).toBe(ARENA);
    expect(arena.leader).toBeNull();
    expect(arena.runnerUp).toBeNull();
    expect(arena.tiedWithinIntervals).toBe(true);
    expect(arena.gap).toBe(2.5);
    expect(arena.sentence).toBe(
      'LMArena text: Alpha 1 (1350.5 (thinking), 95% interval 1344.5–1356.5) and Gamma 1 (1348.0, 95% interval 1342.0–1354.0) are tied within their 95% intervals, on LMArena text, style control, 2025-12-11.',
    );
    expect(c.verdict.scores.map((s: any) => s.quality)).toEqual([1, expect.any(Number)]);
  });
});

describe('an honest verdict', () => {
  it('names the benchmarks and editions the quality signal used, and finds the model behind on every signal dominated', async () => {
    const c = await compare(['alpha-1', 'beta-1']);
    expect(c.useCase).toBe('GENERAL');
    expect(c.verdict.useCase).toBe('GENERAL');
    expect(c.verdict.qualityBenchmarks).toEqual([
      { comparison: { benchmark: { slug: 'lmarena-text' }, edition: { slug: ARENA } }, weight: 1 },
      { comparison: { benchmark: { slug: 'livecodebench' }, edition: { slug: 'livecodebench-v6' } }, weight: 1 },
    ]);
    expect(c.verdict.reasons).toContain(
      'Quality for general use rests on LMArena text on LMArena text, style control, 2025-12-11; LiveCodeBench on LiveCodeBench v6, 2025-05-01.',
    );
    expect(c.verdict.recommended.slug).toBe('alpha-1');
    expect(c.verdict.dominated.map((m: any) => m.slug)).toEqual(['beta-1']);
  });

  it('with no comparable benchmark for the use case, says quality was not compared, picks on the other signals only, and calls nobody dominated', async () => {
    const c = await compare(['alpha-1', 'beta-1'], { useCase: 'LONG_CONTEXT' });
    expect(c.verdict.useCase).toBe('LONG_CONTEXT');
    expect(c.verdict.qualityBenchmarks).toEqual([]);
    expect(c.verdict.unknownSignals).toEqual(['quality']);
    expect(c.verdict.weighedSignals).not.toContain('quality');
    expect(c.verdict.scores.map((s: any) => s.quality)).toEqual([null, null]);
    expect(c.verdict.dominated).toEqual([]);
    // Alpha is still the pick, on cost: and the verdict says what it did not weigh.
    expect(c.verdict.recommended.slug).toBe('alpha-1');
    expect(c.verdict.headline).toMatch(/ Quality was not compared\.$/);
    expect(c.verdict.reasons).toContain(
      'Quality was not compared: no benchmark weighed for long context scores every compared model in one edition. The verdict rests on cost, availability, and context only, and no model is called dominated.',
    );
    expect(c.verdict.reasons.join(' ')).not.toMatch(/never the pick|leads \d+ of/);
  });

  it('weighs the benchmarks of the use case: the coding leader for CODING, the arena leader for CHAT', async () => {
    const qualityOnly = { quality: 1, cost: 0, availability: 0, context: 0 };
    const coding = await compare(['alpha-1', 'delta-1'], { useCase: 'CODING', weights: qualityOnly });
    expect(coding.verdict.qualityBenchmarks.map((q: any) => [q.comparison.benchmark.slug, q.weight])).toEqual([['livecodebench', 1]]);
    expect(coding.verdict.recommended.slug).toBe('delta-1');
    expect(coding.verdict.reasons).toContain('Quality for coding rests on LiveCodeBench on LiveCodeBench v6, 2025-05-01.');
    const chat = await compare(['alpha-1', 'delta-1'], { useCase: 'CHAT', weights: qualityOnly });
    expect(chat.verdict.qualityBenchmarks.map((q: any) => [q.comparison.benchmark.slug, q.comparison.edition.slug])).toEqual([['lmarena-text', ARENA_OLD]]);
    expect(chat.verdict.recommended.slug).toBe('alpha-1');
    const agentic = await compare(['alpha-1', 'delta-1'], { useCase: 'AGENTIC', weights: qualityOnly });
    expect(agentic.verdict.qualityBenchmarks.map((q: any) => [q.comparison.benchmark.slug, q.weight])).toEqual([['livecodebench', 0.25]]);
  });

  it('refuses an unknown use case before anything runs', async () => {
    t.resetStatements();
    const { errors } = await t.graphql('{ comparison(models: ["alpha-1", "beta-1"], useCase: SPORTS) { useCase } }');
    expect(errors?.[0]?.message).toMatch(/SPORTS/);
    expect(t.statements).toEqual([]);
  });

  it('stays within its statement bound with editions', async () => {
    t.resetStatements();
    await compare(['alpha-1', 'beta-1', 'gamma-1', 'delta-1']);
    expect(t.statements.length).toBeLessThanOrEqual(8);
  });
});

describe('leaderboards and scores in the API', () => {
  it('lists a benchmark’s editions, preferred first, and its leaderboard per edition, best first, ties by model name', async () => {
    const { data, errors } = await t.graphql(`{
      benchmark(slug: "lmarena-text") {
        category scaleMin scaleMax
        editions { slug name leaderboard version publishedOn independent licence url source { name } }
        old: scores(edition: "${ARENA_OLD}") { model { slug } value }
        top: scores(first: 2) { model { slug } value edition { slug } selfReported }
      }
    }`);
    expect(errors).toBeUndefined();
    const b = data!.benchmark;
    expect([b.category, b.scaleMin, b.scaleMax]).toEqual(['HUMAN_PREFERENCE', null, null]);
    expect(b.editions.map((e: any) => e.slug)).toEqual([ARENA, ARENA_OLD, 'card-alpha']);
    expect(b.editions[1]).toEqual({
      slug: ARENA_OLD,
      name: 'LMArena text',
      leaderboard: 'LMArena',
      version: null,
      publishedOn: '2025-06-01',
      independent: true,
      licence: 'CC-BY-4.0',
      url: 'https://lmarena.ai/leaderboard',
      source: { name: 'LMArena leaderboard' },
    });
    expect(b.old.map((s: any) => [s.model.slug, s.value])).toEqual([
      ['alpha-1', 1300],
      ['delta-1', 1290],
      ['beta-1', 1250],
      ['gamma-1', 1250],
    ]);
    expect(b.top).toEqual([
      { model: { slug: 'beta-1' }, value: 1510, edition: { slug: 'card-alpha' }, selfReported: true },
      { model: { slug: 'alpha-1' }, value: 1500, edition: { slug: 'card-alpha' }, selfReported: true },
    ]);
  });

  it('bounds `first` and refuses an unknown edition, naming the argument', async () => {
    for (const first of [0, 101]) {
      const { errors } = await t.graphql(`{ benchmark(slug: "lmarena-text") { scores(first: ${first}) { value } } }`);
      expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentPath: ['first'] });
    }
    const { data } = await t.graphql(`{ benchmark(slug: "lmarena-text") { scores(first: 100) { value } } }`);
    expect(data!.benchmark.scores).toHaveLength(10);
    const unknown = await t.graphql(`{ benchmark(slug: "lmarena-text") { scores(edition: "nope") { value } } }`);
    expect(unknown.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argumentPath: ['edition'] } });
    expect(unknown.errors?.[0]?.message).toMatch(/Unknown edition "nope"/);
  });

  it('gives every score its edition, variant, interval, source key, independence and exact value', async () => {
    const { data, errors } = await t.graphql(`{
      model(slug: "alpha-1") {
        all: scores { benchmark { slug } edition { slug } }
        independent: scores(independentOnly: true) { benchmark { slug } edition { slug } selfReported }
        arena: scores(edition: "${ARENA}") { value valueDecimal variant ciLow ciHigh sourceModelKey selfReported setting }
      }
    }`);
    expect(errors).toBeUndefined();
    const m = data!.model;
    expect(m.all).toHaveLength(7);
    expect(m.independent.map((s: any) => [s.benchmark.slug, s.edition?.slug ?? null, s.selfReported])).toEqual([
      ['lmarena-text', ARENA_OLD, false],
      ['lmarena-text', ARENA, false],
      ['lmarena-text', ARENA, false],
      ['livecodebench', 'livecodebench-v6', false],
      ['bfcl', null, false],
    ]);
    expect(m.arena).toEqual([
      { value: 1350.5, valueDecimal: '1350.5', variant: 'thinking', ciLow: 1344.5, ciHigh: 1356.5, sourceModelKey: 'alpha-1-thinking', selfReported: false, setting: null },
      { value: 1330, valueDecimal: '1330', variant: null, ciLow: 1325, ciHigh: 1335, sourceModelKey: 'alpha-1', selfReported: false, setting: null },
    ]);
    const beta = await t.graphql(`{ model(slug: "beta-1") { scores(independentOnly: true) { benchmark { slug } } page: scores { benchmark { slug } selfReported } } }`);
    // Beta's BFCL score has no edition and does not say who ran it: not independent, and its selfReported unknown.
    expect(beta.data!.model.scores.map((s: any) => s.benchmark.slug)).toEqual(['lmarena-text', 'lmarena-text', 'livecodebench']);
    expect(beta.data!.model.page.find((s: any) => s.benchmark.slug === 'bfcl').selfReported).toBeNull();
  });

  it('filters benchmarks by category', async () => {
    const { data, errors } = await t.graphql(`{
      coding: benchmarks(category: CODING) { totalCount edges { node { slug category } } }
      all: benchmarks { totalCount }
    }`);
    expect(errors).toBeUndefined();
    expect(data!.coding).toEqual({ totalCount: 1, edges: [{ node: { slug: 'livecodebench', category: 'CODING' } }] });
    expect(data!.all.totalCount).toBe(4);
  });

  it('resolves leaderboards and filtered scores in the same few statements for 2 items as for all', async () => {
    const statementsFor = async (query: string) => {
      t.resetStatements();
      const { errors } = await t.graphql(query);
      expect(errors).toBeUndefined();
      return t.statements.length;
    };
    const leaderboards = (first: number) =>
      `{ benchmarks(first: ${first}) { edges { node { category editions { slug source { name } } scores(first: 3) { valueDecimal selfReported edition { slug } model { name } } } } } }`;
    const scores = (first: number) => `{ models(first: ${first}) { edges { node { scores(independentOnly: true) { edition { name } } } } } }`;
    // The list, editions by benchmark, scores by benchmark, then sources, models and editions by id.
    const boards = await statementsFor(leaderboards(4));
    expect(boards).toBe(await statementsFor(leaderboards(2)));
    expect(boards).toBeLessThanOrEqual(6);
    // The list, scores by model, editions by id.
    const filtered = await statementsFor(scores(4));
    expect(filtered).toBe(await statementsFor(scores(2)));
    expect(filtered).toBeLessThanOrEqual(3);
  });
});
