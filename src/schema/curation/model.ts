import { createModel, type ModelFields, updateModel } from '../../catalog/curation/models.js';
import { mergeModels } from '../../catalog/curation/merge.js';
import { CAPABILITIES, type CapabilityValues } from '../../domain/capabilities.js';
import { builder } from '../builder.js';
import { ModelStatus } from '../model.js';
import { ModelRef } from '../refs.js';
import {
  cutoffRule,
  dateRule,
  parameterCountRule,
  positiveIntRule,
  slugListRule,
  slugRule,
  textListRule,
  textRule,
  versionRule,
} from './rules.js';
import { orLeave, write } from './write.js';

type BuilderTypes = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

/** Curation of models: create, update (at an expected version), merge two rows that are one model. */

const ModelCapabilitiesInput = builder.inputType('ModelCapabilitiesInput', {
  description: 'Capabilities to set; one left out is left as it is, null makes it unknown (which is not false).',
  fields: (t) => Object.fromEntries(CAPABILITIES.map((c) => [c.key, t.boolean({ description: c.description })])),
});

/** The fields create and update share; in an update a field left out (or null, where the model needs a value) is left as it is. */
const modelFields = (t: PothosSchemaTypes.InputFieldBuilder<BuilderTypes, 'InputObject'>) => ({
  family: t.string({ description: 'The family, e.g. "Llama 3.1".', validate: textRule }),
  releaseDate: t.field({ type: 'Date', description: 'First public release.', validate: dateRule }),
  contextWindow: t.int({ description: 'Context window in tokens.', validate: positiveIntRule }),
  maxOutputTokens: t.int({ description: 'Longest output in tokens.', validate: positiveIntRule }),
  totalParameters: t.float({ description: 'Total parameter count (whole, e.g. 8030000000).', validate: parameterCountRule }),
  activeParameters: t.float({ description: 'Parameters active per token (mixture of experts).', validate: parameterCountRule }),
  architecture: t.string({ description: 'e.g. "decoder only".', validate: textRule }),
  license: t.string({ description: 'Licence label.', validate: textRule }),
  openWeights: t.boolean({ description: 'Whether the weights are published.' }),
  knowledgeCutoff: t.string({ description: 'Training data cutoff: "2023", "2023-12" or "2023-12-31".', validate: cutoffRule }),
  inputModalities: t.stringList({ description: 'e.g. ["text", "image"].', validate: textListRule }),
  outputModalities: t.stringList({ description: 'e.g. ["text"].', validate: textListRule }),
  capabilities: t.field({ type: ModelCapabilitiesInput, description: 'Capabilities to set.' }),
  decisionFit: t.stringList({ description: 'Decision-fit tags (slugs): "coding", "rag", "long-context", …', validate: slugListRule }),
  status: t.field({ type: ModelStatus, description: 'Lifecycle status.' }),
  deprecationDate: t.field({ type: 'Date', description: 'When it is or was deprecated.', validate: dateRule }),
  successor: t.string({ description: 'The slug of the model that replaces it.', validate: slugRule }),
  lastReviewed: t.field({ type: 'Date', description: 'When a curator last checked it.', validate: dateRule }),
});

const CreateModelInput = builder.inputType('CreateModelInput', {
  description: 'A new model.',
  fields: (t) => ({
    slug: t.string({ required: true, description: 'Its slug: lower case, e.g. "llama-3.1-8b-instruct".', validate: slugRule }),
    name: t.string({ required: true, description: 'Display name.', validate: textRule }),
    creator: t.string({ required: true, description: 'The slug of the lab that made it.', validate: slugRule }),
    aliases: t.stringList({ description: 'Other ids it is known by (stored in lower case).', validate: textListRule }),
    ...modelFields(t),
  }),
});

const UpdateModelInput = builder.inputType('UpdateModelInput', {
  description: 'Changes to a model, made only if it is still at `expectedVersion`.',
  fields: (t) => ({
    slug: t.string({ required: true, description: 'The model to change.', validate: slugRule }),
    expectedVersion: t.int({ required: true, description: 'The `version` the change is based on; a stale one is refused with CONFLICT.', validate: versionRule }),
    name: t.string({ description: 'Display name.', validate: textRule }),
    creator: t.string({ description: 'The slug of the lab that made it.', validate: slugRule }),
    addAliases: t.stringList({ description: 'Other ids to add (an id of another model is refused: merge them instead).', validate: textListRule }),
    ...modelFields(t),
  }),
});

type ModelFieldArgs = { [K in keyof ModelFields]?: ModelFields[K] | null } & { capabilities?: Partial<Record<string, boolean | null>> | null };

/** GraphQL's input as the write's fields: null in a column that needs a value leaves it. */
function fieldsOf(input: ModelFieldArgs): ModelFields {
  return {
    ...input,
    name: orLeave(input.name),
    creator: orLeave(input.creator),
    inputModalities: orLeave(input.inputModalities),
    outputModalities: orLeave(input.outputModalities),
    decisionFit: orLeave(input.decisionFit),
    status: orLeave(input.status),
    capabilities: (input.capabilities ?? undefined) as Partial<CapabilityValues> | undefined,
  };
}

builder.mutationFields((t) => ({
  createModel: t.field({
    type: ModelRef,
    description: 'Adds a model. Needs a token with catalog:write.',
    authScopes: { catalogWrite: true },
    args: { input: t.arg({ type: CreateModelInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      write(ctx, (trx) => createModel(trx, { ...fieldsOf(input), slug: input.slug, name: input.name, creator: input.creator, aliases: orLeave(input.aliases) })),
  }),
  updateModel: t.field({
    type: ModelRef,
    description: 'Changes a model if it is still at `expectedVersion` (else CONFLICT: read it again). Needs catalog:write.',
    authScopes: { catalogWrite: true },
    args: { input: t.arg({ type: UpdateModelInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      write(ctx, (trx) =>
        updateModel(trx, { ...fieldsOf(input), slug: input.slug, expectedVersion: input.expectedVersion, addAliases: orLeave(input.addAliases) }),
      ),
  }),
  mergeModels: t.field({
    type: ModelRef,
    description:
      'Merges `from` into `into`, two rows that are one model: its routes (with their price history), scores and aliases move, nothing is lost, and its slug becomes an alias of `into`, so it keeps resolving. Needs catalog:write.',
    authScopes: { catalogWrite: true },
    args: {
      into: t.arg.string({ required: true, description: 'The slug of the model that stays.', validate: slugRule }),
      from: t.arg.string({ required: true, description: 'The slug of the model merged into it (its row goes).', validate: slugRule }),
    },
    resolve: (_root, { into, from }, ctx) => write(ctx, (trx) => mergeModels(trx, into, from)),
  }),
}));
