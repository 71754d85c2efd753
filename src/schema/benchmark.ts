import { resolveOffsetConnection } from '@pothos/plugin-relay';
import type { BenchmarkRow } from '../db/database.js';
import { countRows, listByName } from '../db/queries/lists.js';
import { builder } from './builder.js';
import { connectionArgsSchema, parseGlobalIntId, withTotalCount } from './pagination.js';
import { BenchmarkRef, ModelRef, ScoreRef, SourceRef } from './refs.js';

builder.node(BenchmarkRef, {
  description: 'A benchmark models are scored on.',
  id: { resolve: (benchmark) => benchmark.id, parse: parseGlobalIntId },
  loadMany: (ids, context) => Promise.all(ids.map((id) => context.loaders.benchmarksById.load(id))),
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'Stable identifier, e.g. "mmlu-pro".' }),
    name: t.exposeString('name', { description: 'Display name, e.g. "MMLU PRO".' }),
    category: t.exposeString('category', { nullable: true, description: 'e.g. "knowledge", "coding", "tool use".' }),
    description: t.exposeString('description', { nullable: true, description: 'What it measures.' }),
    url: t.exposeString('url', { nullable: true, description: 'The benchmark’s home page or paper.' }),
    scaleMin: t.float({ nullable: true, description: 'Lowest possible score; null for an open scale (an Arena rating).', resolve: (b) => (b.scale_min === null ? null : Number(b.scale_min)) }),
    scaleMax: t.float({ nullable: true, description: 'Highest possible score; null for an open scale (an Arena rating).', resolve: (b) => (b.scale_max === null ? null : Number(b.scale_max)) }),
    higherIsBetter: t.exposeBoolean('higher_is_better', { description: 'Whether a higher score is better.' }),
    scores: t.field({
      type: [ScoreRef],
      description: 'Every score on this benchmark, best first.',
      resolve: (benchmark, _args, { loaders }) => loaders.scoresByBenchmarkId.load(benchmark.id),
    }),
  }),
});

builder.asEntity(BenchmarkRef, {
  key: builder.selection<{ slug: string }>('slug'),
  resolveReference: (reference, { loaders }) => loaders.benchmarksBySlug.load(reference.slug),
});

ScoreRef.implement({
  description: 'One model’s result on one benchmark, as one source reports it.',
  fields: (t) => ({
    model: t.field({
      type: ModelRef,
      description: 'The model scored.',
      resolve: async (score, _args, { loaders }) => (await loaders.modelsById.load(score.model_id))!,
    }),
    benchmark: t.field({
      type: BenchmarkRef,
      description: 'The benchmark.',
      resolve: async (score, _args, { loaders }) => (await loaders.benchmarksById.load(score.benchmark_id))!,
    }),
    value: t.float({ description: 'The score, on the benchmark’s scale.', resolve: (score) => Number(score.value) }),
    setting: t.string({
      nullable: true,
      description: 'How it was run, e.g. "5-shot CoT"; null when the source does not say.',
      resolve: (score) => score.setting || null,
    }),
    measuredOn: t.expose('measured_on', { type: 'Date', nullable: true, description: 'When it was measured.' }),
    selfReported: t.exposeBoolean('self_reported', {
      nullable: true,
      description: 'True when the model’s own creator reported it; null when the source does not say.',
    }),
    source: t.field({
      type: SourceRef,
      description: 'Where the score was published.',
      resolve: async (score, _args, { loaders }) => (await loaders.sourcesById.load(score.source_id))!,
    }),
  }),
});

builder.queryFields((t) => ({
  benchmark: t.field({
    type: BenchmarkRef,
    nullable: true,
    description: 'One benchmark by slug, or null when there is none.',
    args: { slug: t.arg.string({ required: true }) },
    resolve: (_root, { slug }, { loaders }) => loaders.benchmarksBySlug.load(slug),
  }),
  benchmarks: t.connection({
    type: BenchmarkRef,
    description: 'Benchmarks in name order; pages of 1 to 100 (20 by default).',
    validate: { schema: connectionArgsSchema },
    resolve: (_root, args, { db }) =>
      withTotalCount(
        resolveOffsetConnection({ args, defaultSize: 20, maxSize: 100 }, (page) =>
          listByName(db, 'benchmarks', page) as Promise<BenchmarkRow[]>,
        ),
        () => countRows(db, 'benchmarks'),
      ),
  }),
}));
