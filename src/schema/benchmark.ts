import { resolveOffsetConnection } from '@pothos/plugin-relay';
import type { ScoreRow } from '../db/database.js';
import { countBenchmarks, listBenchmarks } from '../db/queries/benchmarks.js';
import { BENCHMARK_CATEGORIES, type BenchmarkCategory as Category, isBenchmarkCategory } from '../domain/benchmarks.js';
import { compareEditions } from '../resolvers/comparison/editions.js';
import type { Context } from '../context.js';
import { quoted } from '../resolvers/decimal.js';
import { builder } from './builder.js';
import { entityByIdAndSlug } from './entities.js';
import { slugEnumValues } from './enum-values.js';
import { userInputError } from './errors.js';
import { referenceRule } from './input-rules.js';
import { connectionArgsSchema, MAX_PAGE_SIZE, parseGlobalIntId, withTotalCount } from './pagination.js';
import { BenchmarkRef, EditionRef, ModelRef, ScoreRef, SourceRef } from './refs.js';

export const DEFAULT_SCORES_PAGE = 20;

export const BenchmarkCategory = builder.enumType('BenchmarkCategory', {
  description: 'What a benchmark measures.',
  values: slugEnumValues(BENCHMARK_CATEGORIES, {
    coding: 'Writing, editing or repairing code.',
    reasoning: 'Multi-step reasoning and hard questions.',
    math: 'Mathematical problem solving.',
    'tool-use': 'Calling functions and tools correctly.',
    'instruction-following': 'Following explicit instructions and formats.',
    'human-preference': 'Which answers people prefer (arena ratings).',
    knowledge: 'Knowledge across subjects.',
    'long-context': 'Using long inputs.',
    agentic: 'Completing multi-step tasks as an agent.',
    multilingual: 'Working in languages other than English.',
  }),
});

/** The edition an `edition` argument names; BAD_USER_INPUT when no edition has that slug. */
export async function editionArgument({ loaders }: Context, slug: string, argumentPath: string[]) {
  const edition = await loaders.editionsBySlug.get(slug);
  if (!edition) throw userInputError(`Unknown edition ${quoted(slug, 100)}: no benchmark edition has this slug.`, argumentPath);
  return edition;
}

/** Whether a score is an independent result: its edition is independent, or (no edition) the score says it is not self-reported. */
export async function isIndependent(score: ScoreRow, { loaders }: Context): Promise<boolean> {
  if (score.edition_id === null) return score.self_reported === false;
  return (await loaders.editionsById.get(score.edition_id))?.independent ?? false;
}

builder.node(BenchmarkRef, {
  description: 'A benchmark models are scored on.',
  id: { resolve: (benchmark) => benchmark.id, parse: parseGlobalIntId },
  loadMany: (ids, context) => Promise.all(ids.map((id) => context.loaders.benchmarksById.get(id))),
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'Stable identifier, e.g. "mmlu-pro".' }),
    name: t.exposeString('name', { description: 'Display name, e.g. "MMLU PRO".' }),
    category: t.field({
      type: BenchmarkCategory,
      nullable: true,
      description: 'What it measures; null when uncategorised. The comparison’s `useCase` weighs benchmarks by it.',
      resolve: (b) => (b.category !== null && isBenchmarkCategory(b.category) ? b.category : null),
    }),
    description: t.exposeString('description', { nullable: true, description: 'What it measures.' }),
    url: t.exposeString('url', { nullable: true, description: 'The benchmark’s home page or paper.' }),
    scaleMin: t.float({ nullable: true, description: 'Lowest possible score; null for an open scale (an Arena rating).', resolve: (b) => (b.scale_min === null ? null : Number(b.scale_min)) }),
    scaleMax: t.float({ nullable: true, description: 'Highest possible score; null for an open scale (an Arena rating).', resolve: (b) => (b.scale_max === null ? null : Number(b.scale_max)) }),
    higherIsBetter: t.exposeBoolean('higher_is_better', { description: 'Whether a higher score is better.' }),
    editions: t.field({
      type: [EditionRef],
      description:
        'The editions this benchmark has scores in, in the order a comparison prefers them: independent first, then newest, then by slug.',
      resolve: async (benchmark, _args, { loaders }) =>
        [...(await loaders.editionsByBenchmarkId.get(benchmark.id))].sort((a, b) =>
          compareEditions({ ...a, publishedOn: a.published_on }, { ...b, publishedOn: b.published_on }),
        ),
    }),
    scores: t.field({
      type: [ScoreRef],
      description: `The leaderboard: scores best first (lowest first where lower is better), ties by model name; at most \`first\` (1 to ${MAX_PAGE_SIZE}, ${DEFAULT_SCORES_PAGE} by default). Scores of different editions do not compare: pass \`edition\` for one leaderboard.`,
      args: {
        edition: t.arg.string({ description: 'Only this edition’s scores (its slug, see `editions`).', validate: referenceRule }),
        first: t.arg.int({
          description: `How many scores, 1 to ${MAX_PAGE_SIZE} (${DEFAULT_SCORES_PAGE} by default).`,
          validate: { int: true, min: 1, max: MAX_PAGE_SIZE },
        }),
      },
      resolve: async (benchmark, args, context) => {
        let scores = await context.loaders.scoresByBenchmarkId.get(benchmark.id);
        if (args.edition != null) {
          const edition = await editionArgument(context, args.edition, ['edition']);
          scores = scores.filter((s) => s.edition_id === edition.id);
        }
        return scores.slice(0, args.first ?? DEFAULT_SCORES_PAGE);
      },
    }),
  }),
});

entityByIdAndSlug(BenchmarkRef, (loaders) => ({ byId: loaders.benchmarksById, bySlug: loaders.benchmarksBySlug }));

ScoreRef.implement({
  description: 'One model’s result on one benchmark, as one source reports it, in one edition of the benchmark when known.',
  fields: (t) => ({
    model: t.field({
      type: ModelRef,
      description: 'The model scored.',
      resolve: (score, _args, { loaders }) => loaders.modelsById.existing(score.model_id),
    }),
    benchmark: t.field({
      type: BenchmarkRef,
      description: 'The benchmark.',
      resolve: (score, _args, { loaders }) => loaders.benchmarksById.existing(score.benchmark_id),
    }),
    edition: t.field({
      type: EditionRef,
      nullable: true,
      description: 'The leaderboard edition the score belongs to; null for scores recorded before editions (they compare within their source).',
      resolve: (score, _args, { loaders }) => (score.edition_id === null ? null : loaders.editionsById.get(score.edition_id)),
    }),
    value: t.float({ description: 'The score, on the benchmark’s scale (as a float; `valueDecimal` is exact).', resolve: (score) => Number(score.value) }),
    valueDecimal: t.field({ type: 'Decimal', description: 'The score exactly as stored, e.g. "44.30".', resolve: (score) => score.value }),
    ciLow: t.float({ nullable: true, description: 'Lower bound of the 95% interval, when the source gives one.', resolve: (s) => (s.ci_low === null ? null : Number(s.ci_low)) }),
    ciHigh: t.float({ nullable: true, description: 'Upper bound of the 95% interval, when the source gives one.', resolve: (s) => (s.ci_high === null ? null : Number(s.ci_high)) }),
    setting: t.string({
      nullable: true,
      description: 'How it was run, e.g. "5-shot CoT"; null when the source does not say.',
      resolve: (score) => score.setting || null,
    }),
    variant: t.string({
      nullable: true,
      description: 'The run’s reasoning effort or thinking budget, e.g. "high", "thinking-32k"; null for the default run.',
      resolve: (score) => score.variant || null,
    }),
    sourceModelKey: t.exposeString('source_model_key', {
      nullable: true,
      description: 'The model as the source names it, e.g. "Claude 3.5 Sonnet (Oct \'24)".',
    }),
    measuredOn: t.expose('measured_on', { type: 'Date', nullable: true, description: 'When it was measured.' }),
    selfReported: t.boolean({
      nullable: true,
      description:
        'True when the model’s own creator reported it (the score says so, or its edition is not independent); false for an independent result; null when neither the score nor an edition says.',
      resolve: async (score, _args, { loaders }) => {
        if (score.self_reported !== null) return score.self_reported;
        if (score.edition_id === null) return null;
        const edition = await loaders.editionsById.get(score.edition_id);
        return edition ? !edition.independent : null;
      },
    }),
    source: t.field({
      type: SourceRef,
      description: 'Where the score was published.',
      resolve: (score, _args, { loaders }) => loaders.sourcesById.existing(score.source_id),
    }),
  }),
});

builder.queryFields((t) => ({
  benchmark: t.field({
    type: BenchmarkRef,
    nullable: true,
    description: 'One benchmark by slug, or null when there is none.',
    args: { slug: t.arg.string({ required: true, description: 'The benchmark’s slug, e.g. "mmlu-pro".', validate: referenceRule }) },
    resolve: (_root, { slug }, { loaders }) => loaders.benchmarksBySlug.get(slug),
  }),
  benchmarks: t.connection({
    type: BenchmarkRef,
    description: 'Benchmarks in name order, optionally of one category; pages of 1 to 100 (20 by default).',
    args: { category: t.arg({ type: BenchmarkCategory, description: 'Only benchmarks of this category.' }) },
    validate: { schema: connectionArgsSchema },
    resolve: (_root, args, { reads }) => {
      const filter = { category: args.category as Category | null | undefined };
      return withTotalCount(
        resolveOffsetConnection({ args, defaultSize: 20, maxSize: 100 }, (page) => listBenchmarks(reads, filter, page)),
        () => countBenchmarks(reads, filter),
      );
    },
  }),
}));
