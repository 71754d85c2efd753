import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { USE_CASES } from '../../src/domain/use-cases.js';
import { compareBenchmarks, uncomparedBenchmarks } from '../../src/resolvers/comparison/benchmarks.js';
import { compareModels } from '../../src/resolvers/comparison/compare.js';
import { groupsOf, intervalsOverlap, type ScoreGroup } from '../../src/resolvers/comparison/editions.js';
import { DEFAULT_WEIGHTS, type ModelFacts, type ScoreFact } from '../../src/resolvers/comparison/facts.js';
import { Decimal } from '../../src/resolvers/decimal.js';
import { BENCHMARKS, EDITIONS, modelsArbitrary, scoreBody } from '../support/arbitraries.js';

/**
 * The edition rule (src/resolvers/comparison/editions.ts), property by
 * property: scores compare only inside one edition that covers every model,
 * independent editions are preferred, then the newest; a tie inside the 95%
 * intervals is a tie; and the verdict's quality rests on these alone.
 */

const options = (useCase: (typeof USE_CASES)[number] = 'general') => ({
  traffic: { inputTokens: 700_000_000n, outputTokens: 300_000_000n },
  inputShare: Decimal.from('0.7'),
  weights: DEFAULT_WEIGHTS,
  useCase,
});

let scoreSeq = 100_000;

/**
 * 2–4 models whose scores crowd a few benchmarks, in editions and sources
 * chosen from a small set, several runs (variants) each: shared editions are
 * common, and so are benchmarks no edition covers.
 */
const crowdedModels: fc.Arbitrary<ModelFacts[]> = modelsArbitrary(4).chain((models) =>
  fc
    .tuple(
      ...models.map(() =>
        fc.array(scoreBody, { minLength: 1, maxLength: 10 }),
      ),
    )
    .map((scores) =>
      models.map((m, i) => ({ ...m, scores: scores[i]!.map((s): ScoreFact => ({ ...s, id: scoreSeq++, setting: null })) })),
    ),
);

const groupKeyOf = (s: ScoreFact) => (s.edition ? `edition:${s.edition.id}` : `source:${s.sourceId}`);
const scoreById = (models: ModelFacts[], id: number) => models.flatMap((m) => m.scores).find((s) => s.id === id)!;

/** Every group (edition or edition-less source) some model has on a benchmark, with the models it covers. */
function coveringGroups(models: ModelFacts[], benchmarkId: number): ScoreGroup[] {
  const scores = models.flatMap((m) => m.scores.filter((s) => s.benchmark.id === benchmarkId));
  return [...groupsOf(scores).values()].filter((g) =>
    models.every((m) => m.scores.some((s) => s.benchmark.id === benchmarkId && groupKeyOf(s) === g.key)),
  );
}

const newer = (a: string | null, b: string | null) => a !== null && (b === null || a > b);

describe('editions: only comparable scores are compared', () => {
  it('the chosen edition covers every model, and every compared score comes from it', () => {
    fc.assert(
      fc.property(crowdedModels, (models) => {
        for (const b of compareBenchmarks(models)) {
          expect(b.scores.map((s) => s.modelId)).toEqual(models.map((m) => m.id));
          for (const compared of b.scores) {
            const score = scoreById(models, compared.scoreId);
            expect(groupKeyOf(score)).toBe(b.group.key);
            expect(score.benchmark.id).toBe(b.benchmark.id);
          }
          expect(coveringGroups(models, b.benchmark.id).map((g) => g.key)).toContain(b.group.key);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('no leader across editions: a shared benchmark no edition covers is listed as not compared, never led', () => {
    fc.assert(
      fc.property(crowdedModels, (models) => {
        const compared = new Set(compareBenchmarks(models).map((b) => b.benchmark.id));
        const uncompared = uncomparedBenchmarks(models);
        for (const u of uncompared) {
          expect(compared.has(u.benchmark.id)).toBe(false);
          expect(coveringGroups(models, u.benchmark.id)).toEqual([]);
        }
        // Every shared benchmark is one or the other.
        const shared = BENCHMARKS.filter((b) => models.every((m) => m.scores.some((s) => s.benchmark.id === b.id)));
        expect(shared.map((b) => b.id).sort()).toEqual([...compared, ...uncompared.map((u) => u.benchmark.id)].sort());
        const c = compareModels(models, options());
        for (const u of c.uncomparedBenchmarks) {
          expect(c.verdict.quality.map((q) => q.comparison.benchmark.id)).not.toContain(u.benchmark.id);
          expect(c.tradeoffs.flatMap((t) => t.reasons).join(' ')).not.toContain(`leads ${u.benchmark.name} by`);
          expect(u.sentence).toMatch(/not compared, since no single edition scores every model/);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('prefers an independent edition, then the newest, among those that cover every model', () => {
    fc.assert(
      fc.property(crowdedModels, (models) => {
        for (const b of compareBenchmarks(models)) {
          const covering = coveringGroups(models, b.benchmark.id);
          if (covering.some((g) => g.independent)) expect(b.independent).toBe(true);
          expect(b.independent).toBe(b.group.independent);
          for (const other of covering.filter((g) => g.independent === b.group.independent)) {
            expect(newer(other.publishedOn, b.group.publishedOn)).toBe(false);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a model with several runs in the edition is represented by its best one, and the choice is the same in any model order', () => {
    fc.assert(
      fc.property(
        crowdedModels.chain((models) => fc.tuple(fc.constant(models), fc.shuffledSubarray(models, { minLength: models.length, maxLength: models.length }))),
        ([models, shuffled]) => {
          const a = compareBenchmarks(models);
          const b = compareBenchmarks(shuffled);
          for (const comparison of a) {
            for (const compared of comparison.scores) {
              const runs = models
                .find((m) => m.id === compared.modelId)!
                .scores.filter((s) => s.benchmark.id === comparison.benchmark.id && groupKeyOf(s) === comparison.group.key);
              expect(compared.runs).toBe(runs.length);
              for (const run of runs) {
                if (comparison.benchmark.higherIsBetter) expect(run.value.greaterThan(compared.value)).toBe(false);
                else expect(run.value.lessThan(compared.value)).toBe(false);
              }
            }
            const twin = b.find((x) => x.benchmark.id === comparison.benchmark.id)!;
            expect(twin.group.key).toBe(comparison.group.key);
            expect(twin.leaderModelId).toBe(comparison.leaderModelId);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a tie inside the 95% intervals is a tie: no leader, and the sentence says so', () => {
    fc.assert(
      fc.property(crowdedModels, (models) => {
        const c = compareModels(models, options());
        for (const b of c.benchmarks) {
          const ranked = [...b.scores].sort((x, y) => (b.benchmark.higherIsBetter ? y.value.compare(x.value) : x.value.compare(y.value)));
          const [best, second] = ranked as [(typeof ranked)[0], (typeof ranked)[0]];
          if (intervalsOverlap(best, second) || best.value.equals(second.value)) {
            expect(b.leaderModelId).toBeNull();
            if (!best.value.equals(second.value)) {
              expect(b.tiedWithinIntervals).toBe(true);
              expect(b.sentence).toContain('tied within their 95% intervals');
            }
          } else {
            expect(b.leaderModelId).toBe(best.modelId);
            expect(b.tiedWithinIntervals).toBe(false);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('the verdict’s quality signal', () => {
  it('rests only on comparable benchmarks the use case weighs, each named in the reasons with its edition', () => {
    fc.assert(
      fc.property(crowdedModels, fc.constantFrom(...USE_CASES), (models, useCase) => {
        const c = compareModels(models, options(useCase));
        const compared = new Set(c.benchmarks.map((b) => b.benchmark.id));
        for (const q of c.verdict.quality) {
          expect(q.weight).toBeGreaterThan(0);
          expect(compared.has(q.comparison.benchmark.id)).toBe(true);
        }
        if (c.verdict.weighed.includes('quality')) {
          const basis = c.verdict.reasons.find((r) => r.startsWith('Quality for '))!;
          for (const q of c.verdict.quality) {
            expect(basis).toContain(q.comparison.benchmark.name);
            expect(basis).toContain(q.comparison.group.label);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('with quality unknown, says so, and calls no model dominated', () => {
    fc.assert(
      fc.property(crowdedModels, fc.constantFrom(...USE_CASES), (models, useCase) => {
        const { verdict } = compareModels(models, options(useCase));
        if (verdict.quality.length > 0) return;
        expect(verdict.unknown).toContain('quality');
        expect(verdict.weighed).not.toContain('quality');
        expect(verdict.dominatedModelIds).toEqual([]);
        expect(verdict.reasons.join(' ')).toContain('Quality was not compared');
        expect(verdict.headline).toContain('Quality was not compared.');
        expect(verdict.scores.every((s) => s.scores.quality === null)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('never calls a model dominated unless every signal, quality included, is known', () => {
    fc.assert(
      fc.property(crowdedModels, (models) => {
        const { verdict } = compareModels(models, options());
        if (verdict.dominatedModelIds.length > 0) expect(verdict.unknown).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('the editions of the arbitrary include every kind the rule distinguishes', () => {
    // A guard on the generator, so the properties above are not vacuous.
    expect(EDITIONS.some((e) => e.independent)).toBe(true);
    expect(EDITIONS.some((e) => !e.independent)).toBe(true);
    expect(EDITIONS.some((e) => e.publishedOn === null)).toBe(true);
    expect(new Set(EDITIONS.map((e) => e.publishedOn)).size).toBeLessThan(EDITIONS.length);
  });
});
