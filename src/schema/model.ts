import { resolveOffsetConnection } from '@pothos/plugin-relay';
import type { ModelRow } from '../db/database.js';
import { countModels, findModels } from '../db/queries/models.js';
import { CAPABILITIES } from '../domain/capabilities.js';
import { MODEL_STATUSES } from '../domain/status.js';
import { formatCutoff } from '../resolvers/cutoff.js';
import { editionArgument, isIndependent } from './benchmark.js';
import { builder } from './builder.js';
import { entityByIdAndSlug } from './entities.js';
import { capabilityEnumValues, statusEnumValues } from './enum-values.js';
import { ambiguousModel } from './errors.js';
import { decimalRule, referenceRule } from './input-rules.js';
import { connectionArgsSchema, OrderDirection, parseGlobalIntId, withTotalCount } from './pagination.js';
import { CreatorRef, ModelRef, OfferingRef, ScoreRef, SourceRef } from './refs.js';

export const Capability = builder.enumType('Capability', {
  description: 'A capability a model can have.',
  values: capabilityEnumValues,
});

const ModelCapabilities = builder.objectRef<ModelRow>('ModelCapabilities').implement({
  description: 'What a model can do. Null means the catalog does not know, which is not the same as false.',
  fields: (t) =>
    Object.fromEntries(
      CAPABILITIES.map((c) => [c.key, t.exposeBoolean(c.column, { nullable: true, description: c.description })]),
    ),
});

export const ModelStatus = builder.enumType('ModelStatus', {
  description: 'Where a model is in its life.',
  values: statusEnumValues(MODEL_STATUSES, {
    active: 'Offered and maintained.',
    deprecated: 'Still served, scheduled for removal.',
    retired: 'No longer served.',
  }),
});

builder.node(ModelRef, {
  description: 'A large language model, as its creator released it.',
  id: { resolve: (model) => model.id, parse: parseGlobalIntId },
  loadMany: (ids, context) => Promise.all(ids.map((id) => context.loaders.modelsById.get(id))),
  fields: (t) => ({
    version: t.exposeInt('version', { description: 'Raised by every change to the model: pass it as `expectedVersion` to update it (a stale one is refused with CONFLICT).' }),
    slug: t.exposeString('slug', { description: 'Stable identifier, e.g. "llama-3.1-8b-instruct".' }),
    aliases: t.stringList({
      description:
        'Every other id this model is known by: dated snapshots, former slugs, Hugging Face repos and each provider\'s own model id. Any of them finds the model in `model(slug:)`, `comparison` and `costEstimate`.',
      resolve: async (model, _args, { loaders }) => (await loaders.aliasesByModelId.get(model.id)).filter((id) => id.toLowerCase() !== model.slug),
    }),
    name: t.exposeString('name', { description: 'Display name, e.g. "Llama 3.1 8B Instruct".' }),
    family: t.exposeString('family', { nullable: true, description: 'The model family, e.g. "Llama 3.1".' }),
    creator: t.field({
      type: CreatorRef,
      description: 'The lab that made the model.',
      resolve: (model, _args, { loaders }) => loaders.creatorsById.existing(model.creator_id),
    }),
    releaseDate: t.expose('release_date', { type: 'Date', nullable: true, description: 'First public release.' }),
    contextWindow: t.exposeInt('context_window', {
      nullable: true,
      description: 'Context window in tokens, as the creator states it.',
    }),
    maxOutputTokens: t.exposeInt('max_output_tokens', { nullable: true, description: 'Longest output in tokens.' }),
    totalParameters: t.exposeFloat('total_parameters', {
      nullable: true,
      description: 'Total parameter count (1.23e9 for 1.23B).',
    }),
    activeParameters: t.exposeFloat('active_parameters', {
      nullable: true,
      description: 'Parameters active per token, for mixture-of-experts models.',
    }),
    architecture: t.exposeString('architecture', { nullable: true, description: 'e.g. "decoder only".' }),
    license: t.exposeString('license', { nullable: true, description: 'Licence label, e.g. "Open Source".' }),
    openWeights: t.exposeBoolean('open_weights', { nullable: true, description: 'Whether the weights are published.' }),
    knowledgeCutoff: t.string({
      nullable: true,
      description: 'Training data cutoff at the precision known: "2023", "2023-12" or "2023-12-31".',
      resolve: (model) => formatCutoff(model.knowledge_cutoff, model.knowledge_cutoff_precision),
    }),
    inputModalities: t.exposeStringList('input_modalities', { description: 'e.g. ["text", "image"].' }),
    outputModalities: t.exposeStringList('output_modalities', { description: 'e.g. ["text"].' }),
    capabilities: t.field({
      type: ModelCapabilities,
      description: 'What the model can do.',
      resolve: (model) => model,
    }),
    decisionFit: t.exposeStringList('decision_fit', {
      description: 'Workloads the catalog recommends the model for, e.g. ["rag", "long-context"].',
    }),
    status: t.expose('status', { type: ModelStatus, description: 'Lifecycle status.' }),
    deprecationDate: t.expose('deprecation_date', {
      type: 'Date',
      nullable: true,
      description: 'When the model is or was deprecated.',
    }),
    successor: t.field({
      type: ModelRef,
      nullable: true,
      description: 'The model its creator recommends instead.',
      resolve: (model, _args, { loaders }) =>
        model.successor_id === null ? null : loaders.modelsById.get(model.successor_id),
    }),
    lastReviewed: t.expose('last_reviewed', {
      type: 'Date',
      nullable: true,
      description: 'When the catalog entry was last checked against its source.',
    }),
    offerings: t.field({
      type: [OfferingRef],
      description: 'Every tracked route serving this model, priced or not, deprecated included.',
      resolve: (model, _args, { loaders }) => loaders.offeringsByModelId.get(model.id),
    }),
    scores: t.field({
      type: [ScoreRef],
      description: 'Benchmark scores, each with its source and edition; a benchmark may have several (editions, settings, variants).',
      args: {
        independentOnly: t.arg.boolean({
          description: 'Only independent results: scores in an independent edition, or without an edition and marked not self-reported.',
        }),
        edition: t.arg.string({ description: 'Only the scores of this edition (its slug).', validate: referenceRule }),
      },
      resolve: async (model, args, context) => {
        let scores = await context.loaders.scoresByModelId.get(model.id);
        if (args.edition != null) {
          const edition = await editionArgument(context, args.edition, ['edition']);
          scores = scores.filter((s) => s.edition_id === edition.id);
        }
        if (args.independentOnly) {
          const independent = await Promise.all(scores.map((s) => isIndependent(s, context)));
          scores = scores.filter((_s, i) => independent[i]);
        }
        return scores;
      },
    }),
    source: t.field({
      type: SourceRef,
      nullable: true,
      description: 'Where the model facts come from.',
      resolve: (model, _args, { loaders }) => (model.source_id === null ? null : loaders.sourcesById.get(model.source_id)),
    }),
  }),
});

entityByIdAndSlug(ModelRef, (loaders) => ({ byId: loaders.modelsById, bySlug: loaders.modelsBySlug }));

const ModelFilter = builder.inputType('ModelFilter', {
  description: 'Narrows a model list; every condition given must hold.',
  fields: (t) => ({
    creator: t.string({ description: 'Creator slug, e.g. "meta".', validate: referenceRule }),
    provider: t.string({ description: 'Only models with a route on this provider (slug).', validate: referenceRule }),
    capabilities: t.field({
      type: [Capability],
      description: `Only models known to have every one of these capabilities (at most ${CAPABILITIES.length}).`,
      validate: { maxLength: [CAPABILITIES.length, { message: `at most ${CAPABILITIES.length} capabilities` }] },
    }),
    openWeights: t.boolean({ description: 'Only models whose weights are (or are not) published.' }),
    minContextWindow: t.int({ description: 'Only models with at least this many tokens of context.', validate: { min: 1 } }),
    maxInputPerMTok: t.field({
      type: 'Decimal',
      description:
        'Only models whose cheapest input price (USD per 1M tokens) on a purchasable route (active route, active provider, not a free tier) is at most this. Unknown prices never pass.',
      validate: decimalRule,
    }),
    maxOutputPerMTok: t.field({
      type: 'Decimal',
      description:
        'Only models whose cheapest output price (USD per 1M tokens) on a purchasable route (active route, active provider, not a free tier) is at most this. Unknown prices never pass.',
      validate: decimalRule,
    }),
  }),
});

const ModelOrderField = builder.enumType('ModelOrderField', {
  description: 'What a model list can be sorted by. Unknown values sort last.',
  values: {
    NAME: { value: 'name', description: 'Display name.' },
    RELEASE_DATE: { value: 'releaseDate', description: 'First public release.' },
    CONTEXT_WINDOW: { value: 'contextWindow', description: 'Context window in tokens.' },
    CHEAPEST_INPUT_PRICE: { value: 'cheapestInput', description: 'Cheapest input price in force now on a purchasable route.' },
    CHEAPEST_OUTPUT_PRICE: { value: 'cheapestOutput', description: 'Cheapest output price in force now on a purchasable route.' },
  } as const,
});

const ModelOrder = builder.inputType('ModelOrder', {
  description: 'Sort order of a model list.',
  fields: (t) => ({
    field: t.field({ type: ModelOrderField, required: true, description: 'What to sort by.' }),
    direction: t.field({ type: OrderDirection, defaultValue: 'asc', description: 'Ascending by default.' }),
  }),
});

builder.queryFields((t) => ({
  model: t.field({
    type: ModelRef,
    nullable: true,
    description:
      'One model by any id it is known by: its slug, an alias (a dated snapshot, a former slug) or a provider\'s model id ("claude-sonnet-4-20250514", "anthropic/claude-sonnet-4", "meta-llama/Llama-3.1-8B-Instruct"). Null when no model has that id; BAD_USER_INPUT when two models share it.',
    args: {
      slug: t.arg.string({ required: true, description: 'A slug, alias or provider model id (case is ignored); at most 200 characters.', validate: referenceRule }),
    },
    resolve: async (_root, { slug }, { loaders }) => {
      const candidates = await loaders.modelsByReference.get(slug);
      if (candidates.length > 1) throw ambiguousModel(slug, candidates.map((m) => m.slug), ['slug']);
      return candidates[0] ?? null;
    },
  }),
  models: t.connection({
    type: ModelRef,
    description: 'Models, filtered and ordered; pages of 1 to 100 (20 by default).',
    args: {
      filter: t.arg({ type: ModelFilter }),
      orderBy: t.arg({ type: ModelOrder }),
    },
    validate: { schema: connectionArgsSchema },
    resolve: (_root, args, { reads }) => {
      const asOf = new Date();
      const filter = {
        ...args.filter,
        capabilities: args.filter?.capabilities,
      };
      const order = { field: args.orderBy?.field ?? 'name', direction: args.orderBy?.direction ?? 'asc' } as const;
      return withTotalCount(
        resolveOffsetConnection({ args, defaultSize: 20, maxSize: 100 }, ({ limit, offset }) =>
          findModels(reads, { filter, order, limit, offset, asOf }),
        ),
        () => countModels(reads, filter, asOf),
      );
    },
  }),
}));

