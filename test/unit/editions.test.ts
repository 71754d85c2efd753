import { describe, expect, it } from 'vitest';
import { benchmarkWeight, USE_CASE_DEFINITIONS, USE_CASES } from '../../src/domain/use-cases.js';
import { BENCHMARK_CATEGORIES } from '../../src/domain/benchmarks.js';
import { compareModels } from '../../src/resolvers/comparison/compare.js';
import { bestScore, chooseEdition, compareEditions, editionLabel, intervalsOverlap } from '../../src/resolvers/comparison/editions.js';
import { type BenchmarkFact, DEFAULT_WEIGHTS, type EditionFact, type ModelFacts } from '../../src/resolvers/comparison/facts.js';
import { Decimal } from '../../src/resolvers/decimal.js';
import { BFCL, MMLU_PRO, score, seedPageModels } from '../support/seed-facts.js';

const options = (useCase: (typeof USE_CASES)[number] = 'general') => ({
  traffic: { inputTokens: 848_000_000n, outputTokens: 230_800_000n },
  inputShare: Decimal.from('0.7'),
  weights: DEFAULT_WEIGHTS,
  useCase,
});

const edition = (id: number, slug: string, name: string, publishedOn: string | null, independent: boolean): EditionFact => ({
  id,
  slug,
  name,
  leaderboard: name.split(' ')[0]!,
  version: null,
  publishedOn,
  independent,
  sourceId: 10 + id,
});

const ARENA_OLD = edition(1, 'lmarena-text-2025-06-01', 'LMArena text', '2025-06-01', true);
const ARENA = edition(2, 'lmarena-text-style-control-2025-12-11', 'LMArena text, style control', '2025-12-11', true);
const CARD = edition(3, 'card-meta-llama', 'Model card: Meta Llama', '2026-01-01', false);
const UNDATED = edition(4, 'aaa-undated', 'Undated board', null, true);

const ARENA_TEXT: BenchmarkFact = { id: 30, slug: 'lmarena-text', name: 'LMArena text', higherIsBetter: true, category: 'human-preference' };
const LIVECODEBENCH: BenchmarkFact = { id: 31, slug: 'livecodebench', name: 'LiveCodeBench', higherIsBetter: true, category: 'coding' };

/** The seed page's two models, with only the scores given. */
function models(scores: [ModelFacts['scores'], ModelFacts['scores']]): [ModelFacts, ModelFacts] {
  const [m1, m8] = seedPageModels();
  m1.scores = scores[0];
  m8.scores = scores[1];
  return [m1, m8];
}

describe('the edition rule', () => {
  it('writes an edition as its name and date, once', () => {
    expect(editionLabel({ name: 'LMArena text, style control', publishedOn: '2025-12-11' })).toBe('LMArena text, style control, 2025-12-11');
    expect(editionLabel({ name: 'LiveBench 2025-04-25', publishedOn: '2025-04-25' })).toBe('LiveBench 2025-04-25');
    expect(editionLabel({ name: 'BFCL v3', publishedOn: null })).toBe('BFCL v3');
  });

  it('prefers independent over self-reported, then the newest (an unknown date is the oldest), then the slug', () => {
    const sorted = [CARD, UNDATED, ARENA_OLD, ARENA].sort(compareEditions).map((e) => e.slug);
    expect(sorted).toEqual(['lmarena-text-style-control-2025-12-11', 'lmarena-text-2025-06-01', 'aaa-undated', 'card-meta-llama']);
    const twin = { ...ARENA, id: 9, slug: 'a-twin' };
    expect([ARENA, twin].sort(compareEditions)[0]!.slug).toBe('a-twin');
  });

  it('chooses an edition that covers every model, even an older one, over a preferable one that does not', () => {
    const a = [score(1, ARENA_TEXT, '1300', { edition: ARENA }), score(2, ARENA_TEXT, '1290', { edition: ARENA_OLD })];
    const b = [score(3, ARENA_TEXT, '1250', { edition: ARENA_OLD }), score(4, ARENA_TEXT, '1400', { edition: CARD })];
    expect(chooseEdition([a, b])!.group.edition!.slug).toBe(ARENA_OLD.slug);
    expect(chooseEdition([[a[0]!], [b[1]!]])).toBeNull();
  });

  it('prefers an independent edition to a newer self-reported one', () => {
    const a = [score(1, MMLU_PRO, '40', { edition: CARD }), score(2, MMLU_PRO, '38', { edition: UNDATED })];
    const b = [score(3, MMLU_PRO, '45', { edition: CARD }), score(4, MMLU_PRO, '36', { edition: UNDATED })];
    const choice = chooseEdition([a, b])!;
    expect(choice.group.edition!.slug).toBe('aaa-undated');
    expect(choice.group.independent).toBe(true);
  });

  it('groups edition-less scores by source: self-reported unless every score says otherwise', () => {
    const independent = [score(1, BFCL, '20', { sourceId: 5, selfReported: false })];
    const unknown = [score(2, BFCL, '30', { sourceId: 6 })];
    const both = [score(3, BFCL, '25', { sourceId: 5, selfReported: false }), score(4, BFCL, '35', { sourceId: 6 })];
    expect(chooseEdition([[...independent, ...unknown], both])!.group).toMatchObject({ key: 'source:5', independent: true, edition: null });
    expect(chooseEdition([unknown, both])!.group).toMatchObject({ key: 'source:6', independent: false });
  });

  it('takes a model’s best run in the edition; on equal values the default variant', () => {
    const runs = [
      score(1, ARENA_TEXT, '1300', { edition: ARENA, variant: 'low' }),
      score(2, ARENA_TEXT, '1350', { edition: ARENA, variant: 'thinking' }),
      score(3, ARENA_TEXT, '1350', { edition: ARENA, variant: 'high' }),
    ];
    expect(bestScore(runs, true).variant).toBe('high');
    expect(bestScore([...runs, score(4, ARENA_TEXT, '1350', { edition: ARENA })], true).id).toBe(4);
    expect(bestScore(runs, false).variant).toBe('low');
  });

  it('reads overlapping 95% intervals as overlapping only when both scores have one', () => {
    const r = (value: string, low: string | null, high: string | null) => ({
      value: Decimal.from(value),
      ciLow: low === null ? null : Decimal.from(low),
      ciHigh: high === null ? null : Decimal.from(high),
    });
    expect(intervalsOverlap(r('1350', '1342', '1358'), r('1340', '1333', '1347'))).toBe(true);
    expect(intervalsOverlap(r('1350', '1348', '1352'), r('1340', '1333', '1347'))).toBe(false);
    expect(intervalsOverlap(r('1350', '1347', '1352'), r('1340', '1333', '1347'))).toBe(true);
    expect(intervalsOverlap(r('1350', null, null), r('1349', '1300', '1400'))).toBe(false);
  });
});

describe('benchmarks compared in one edition', () => {
  it('says the edition, and the variant of a best run', () => {
    const c = compareModels(
      models([
        [score(1, ARENA_TEXT, '1320', { edition: ARENA, ciLow: '1315', ciHigh: '1325' }), score(2, ARENA_TEXT, '1500', { edition: CARD })],
        [
          score(3, ARENA_TEXT, '1350', { edition: ARENA, variant: 'thinking', ciLow: '1344', ciHigh: '1356' }),
          score(4, ARENA_TEXT, '1330', { edition: ARENA, ciLow: '1325', ciHigh: '1335' }),
          score(5, ARENA_TEXT, '1200', { edition: CARD }),
        ],
      ]),
      options(),
    );
    const arena = c.benchmarks[0]!;
    expect(arena.group.edition!.slug).toBe(ARENA.slug);
    expect(arena.independent).toBe(true);
    expect(arena.leaderModelId).toBe(2);
    expect(arena.scores.map((s) => [s.value.toString(), s.variant, s.runs])).toEqual([
      ['1320', '', 1],
      ['1350', 'thinking', 2],
    ]);
    expect(arena.sentence).toBe(
      'LMArena text: Llama 3.1 8B Instruct leads with 1350.0 (thinking) against 1320.0 for Llama 3.2 1B Instruct, a 30.0-point gap, on LMArena text, style control, 2025-12-11.',
    );
  });

  it('calls two ratings whose 95% intervals overlap a tie, whatever their points', () => {
    const c = compareModels(
      models([
        [score(1, ARENA_TEXT, '1350', { edition: ARENA, ciLow: '1342', ciHigh: '1358' })],
        [score(2, ARENA_TEXT, '1345', { edition: ARENA, ciLow: '1339', ciHigh: '1351' })],
      ]),
      options(),
    );
    const arena = c.benchmarks[0]!;
    expect(arena.leaderModelId).toBeNull();
    expect(arena.runnerUpModelId).toBeNull();
    expect(arena.tiedWithinIntervals).toBe(true);
    expect(arena.gap.toString()).toBe('5');
    expect(arena.sentence).toBe(
      'LMArena text: Llama 3.2 1B Instruct (1350.0, 95% interval 1342.0–1358.0) and Llama 3.1 8B Instruct (1345.0, 95% interval 1339.0–1351.0) are tied within their 95% intervals, on LMArena text, style control, 2025-12-11.',
    );
    expect(c.largestGap).toBeNull();
    // Level on the only quality benchmark: both count as best.
    expect(c.verdict.scores.map((s) => s.scores.quality)).toEqual([1, 1]);
  });

  it('marks a self-reported edition as such', () => {
    const c = compareModels(models([[score(1, MMLU_PRO, '40', { edition: CARD })], [score(2, MMLU_PRO, '45', { edition: CARD })]]), options());
    expect(c.benchmarks[0]!.independent).toBe(false);
    expect(c.benchmarks[0]!.sentence).toMatch(/on Model card: Meta Llama, 2026-01-01 \(self-reported\)\.$/);
  });

  it('never compares across editions: no leader, no gap, said plainly, and no weight in the verdict', () => {
    const c = compareModels(models([[score(1, ARENA_TEXT, '1350', { edition: ARENA })], [score(2, ARENA_TEXT, '1200', { edition: ARENA_OLD })]]), options());
    expect(c.benchmarks).toEqual([]);
    expect(c.uncomparedBenchmarks[0]!.sentence).toBe(
      'LMArena text: not compared, since no single edition scores every model (1350.0 for Llama 3.2 1B Instruct on LMArena text, style control, 2025-12-11; 1200.0 for Llama 3.1 8B Instruct on LMArena text, 2025-06-01).',
    );
    expect(c.verdict.quality).toEqual([]);
    expect(c.verdict.reasons).toContain('Not compared, as no single edition scores every model: LMArena text.');
  });
});

describe('use cases and an honest verdict', () => {
  it('defines a weight for every use case and category, GENERAL weighing everything alike', () => {
    for (const useCase of USE_CASES) {
      expect(USE_CASE_DEFINITIONS[useCase].label.length).toBeGreaterThan(0);
      for (const category of BENCHMARK_CATEGORIES) {
        const weight = benchmarkWeight(useCase, category);
        expect(weight).toBeGreaterThanOrEqual(0);
        expect(weight).toBeLessThanOrEqual(1);
      }
      expect(BENCHMARK_CATEGORIES.some((c) => benchmarkWeight(useCase, c) === 1)).toBe(true);
    }
    expect(BENCHMARK_CATEGORIES.every((c) => benchmarkWeight('general', c) === 1)).toBe(true);
    expect(benchmarkWeight('general', null)).toBe(1);
    expect(benchmarkWeight('coding', null)).toBe(0);
  });

  it('with no benchmark for the use case, says quality was not compared, picks on the other signals and calls nobody dominated', () => {
    // The seed page's benchmarks have no category: nothing speaks to coding.
    const c = compareModels(seedPageModels(), options('coding'));
    expect(c.verdict.unknown).toEqual(['quality']);
    expect(c.verdict.quality).toEqual([]);
    expect(c.verdict.dominatedModelIds).toEqual([]);
    expect(c.verdict.recommendedModelId).toBe(2);
    expect(c.verdict.reasons).toContain(
      'Quality was not compared: no benchmark weighed for coding scores every compared model in one edition. The verdict rests on cost, availability, and context only, and no model is called dominated.',
    );
    expect(c.verdict.headline).toBe(
      'Llama 3.1 8B Instruct is the better choice: it is ahead or level on every signal compared. Quality was not compared.',
    );
    // The same page for general use weighs both benchmarks and finds the 1B dominated.
    const general = compareModels(seedPageModels(), options('general'));
    expect(general.verdict.dominatedModelIds).toEqual([1]);
    expect(general.verdict.reasons).toContain(
      'Quality for general use rests on MMLU PRO and BFCL as reported by LLM Reference comparison page: Llama 3.2 1B Instruct vs Llama 3.1 8B Instruct (not independently verified).',
    );
  });

  it('weighs the benchmarks of the use case: the coding leader for CODING, the arena leader for CHAT', () => {
    const facts = () =>
      models([
        [score(1, LIVECODEBENCH, '60', { edition: UNDATED }), score(2, ARENA_TEXT, '1250', { edition: ARENA })],
        [score(3, LIVECODEBENCH, '40', { edition: UNDATED }), score(4, ARENA_TEXT, '1400', { edition: ARENA })],
      ]);
    const equalElsewhere = { ...options(), weights: { quality: 1, cost: 0, availability: 0, context: 0 } };
    const coding = compareModels(facts(), { ...equalElsewhere, useCase: 'coding' });
    expect(coding.verdict.quality.map((q) => [q.comparison.benchmark.name, q.weight])).toEqual([['LiveCodeBench', 1]]);
    expect(coding.verdict.recommendedModelId).toBe(1);
    expect(coding.verdict.reasons).toContain(
      'Llama 3.2 1B Instruct leads 1 of 1 shared benchmarks weighed for coding; the widest gap is 20.0 points on LiveCodeBench.',
    );
    expect(coding.verdict.reasons).toContain('Quality for coding rests on LiveCodeBench on Undated board.');
    const chat = compareModels(facts(), { ...equalElsewhere, useCase: 'chat' });
    expect(chat.verdict.quality.map((q) => q.comparison.benchmark.name)).toEqual(['LMArena text']);
    expect(chat.verdict.recommendedModelId).toBe(2);
    expect(chat.verdict.reasons).toContain('Quality for chat rests on LMArena text on LMArena text, style control, 2025-12-11.');
    const agentic = compareModels(facts(), { ...equalElsewhere, useCase: 'agentic' });
    expect(agentic.verdict.quality.map((q) => [q.comparison.benchmark.name, q.weight])).toEqual([['LiveCodeBench', 0.25]]);
    expect(agentic.verdict.reasons).toContain('Quality for agentic work rests on LiveCodeBench on Undated board (weight 0.25).');
  });

  it('calls nobody dominated while any signal is unknown', () => {
    const [m1, m8] = seedPageModels();
    m1.contextWindow = null;
    const c = compareModels([m1, m8], options());
    expect(c.verdict.unknown).toEqual(['context']);
    expect(c.verdict.dominatedModelIds).toEqual([]);
    expect(c.verdict.recommendedModelId).toBe(2);
  });
});
