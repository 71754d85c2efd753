import type { Insertable, Selectable, Updateable } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../../db/database.js';
import { CAPABILITY_BY_KEY, type CapabilityValues } from '../../domain/capabilities.js';
import type { ModelStatus } from '../../domain/status.js';
import { conflict, userInputError } from '../../schema/errors.js';
import type { Trx } from '../write/common.js';
import { cutoffColumns, nextVersion } from '../write/slugged.js';
import type { Written } from './write.js';

type ModelRow = Selectable<Database['models']>;

/** What a curator may set on a model; in an update, a field left out is left as it is and null clears it. */
export interface ModelFields {
  name?: string;
  creator?: string;
  family?: string | null;
  releaseDate?: string | null;
  contextWindow?: number | null;
  maxOutputTokens?: number | null;
  totalParameters?: number | null;
  activeParameters?: number | null;
  architecture?: string | null;
  license?: string | null;
  openWeights?: boolean | null;
  knowledgeCutoff?: string | null;
  inputModalities?: string[];
  outputModalities?: string[];
  capabilities?: Partial<CapabilityValues>;
  decisionFit?: string[];
  status?: ModelStatus;
  deprecationDate?: string | null;
  successor?: string | null;
  lastReviewed?: string | null;
}

const at = (field: string) => ['input', field];

/** The columns `fields` set; slugs of the creator and successor looked up (an unknown one is the caller's error). */
async function modelColumns(trx: Trx, fields: ModelFields): Promise<Updateable<Database['models']>> {
  const columns: Updateable<Database['models']> = {};
  const set = <K extends keyof Updateable<Database['models']>>(column: K, value: Updateable<Database['models']>[K] | undefined) => {
    if (value !== undefined) columns[column] = value;
  };
  set('name', fields.name);
  set('family', fields.family);
  set('release_date', fields.releaseDate);
  set('context_window', fields.contextWindow);
  set('max_output_tokens', fields.maxOutputTokens);
  set('total_parameters', fields.totalParameters);
  set('active_parameters', fields.activeParameters);
  set('architecture', fields.architecture);
  set('license', fields.license);
  set('open_weights', fields.openWeights);
  set('input_modalities', fields.inputModalities);
  set('output_modalities', fields.outputModalities);
  set('decision_fit', fields.decisionFit);
  set('status', fields.status);
  set('deprecation_date', fields.deprecationDate);
  set('last_reviewed', fields.lastReviewed);
  if (fields.knowledgeCutoff !== undefined) Object.assign(columns, cutoffColumns(fields.knowledgeCutoff));
  for (const [key, value] of Object.entries(fields.capabilities ?? {})) {
    if (value !== undefined) columns[CAPABILITY_BY_KEY[key as keyof CapabilityValues].column] = value;
  }
  if (fields.creator !== undefined) {
    const creator = await trx.selectFrom('creators').select('id').where('slug', '=', fields.creator).executeTakeFirst();
    if (!creator) throw userInputError(`Invalid argument "input.creator": no creator "${fields.creator}"`, at('creator'));
    columns.creator_id = creator.id;
  }
  if (fields.successor !== undefined) {
    if (fields.successor === null) columns.successor_id = null;
    else {
      const successor = await trx.selectFrom('models').select('id').where('slug', '=', fields.successor).executeTakeFirst();
      if (!successor) throw userInputError(`Invalid argument "input.successor": no model "${fields.successor}"`, at('successor'));
      columns.successor_id = successor.id;
    }
  }
  return columns;
}

/** A model by its slug, locked for this transaction; null when there is none. */
export function modelBySlug(trx: Trx, slug: string) {
  return trx.selectFrom('models').selectAll().where('slug', '=', slug).forUpdate().executeTakeFirst();
}

/**
 * Adds aliases to a model. An alias is another name of this model only: one
 * that is another model's slug or alias is refused (moving it is a merge,
 * mergeModels), one the model already has is kept.
 */
async function addAliases(trx: Trx, model: ModelRow, aliases: string[], field: string): Promise<void> {
  const wanted = [...new Set(aliases.map((a) => a.trim().toLowerCase()))].filter((a) => a !== model.slug);
  if (wanted.length === 0) return;
  const taken = await trx
    .selectFrom('model_aliases')
    .select(['alias', 'model_id'])
    .where('alias', 'in', wanted)
    .where('model_id', '<>', model.id)
    .unionAll(trx.selectFrom('models').select(['slug as alias', 'id as model_id']).where('slug', 'in', wanted))
    .executeTakeFirst();
  if (taken) {
    const index = wanted.indexOf(taken.alias);
    throw userInputError(`Invalid argument "input.${field}.${index}": "${taken.alias}" already names another model (merge them with mergeModels)`, ['input', field, index]);
  }
  // Aliases are stored normalised (lower case, trimmed), as the import stores them (write/aliases.ts).
  await trx
    .insertInto('model_aliases')
    .values(wanted.map((alias) => ({ model_id: model.id, alias, source_id: model.source_id })))
    .onConflict((oc) => oc.column('alias').doNothing())
    .execute();
}

async function aliasesOf(trx: Trx, modelId: number): Promise<string[]> {
  const rows = await trx.selectFrom('model_aliases').select('alias').where('model_id', '=', modelId).orderBy('alias').execute();
  return rows.map((r) => r.alias);
}

/** A model as the audit trail keeps it: its row and its aliases. */
async function snapshot(trx: Trx, id: number) {
  const row = await trx.selectFrom('models').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  return { row, aliases: await aliasesOf(trx, id) };
}

export async function createModel(trx: Trx, input: ModelFields & { slug: string; name: string; creator: string; aliases?: string[] }): Promise<Written<ModelRow>> {
  const taken = await trx
    .selectFrom('models')
    .select('slug')
    .where('slug', '=', input.slug)
    .unionAll(trx.selectFrom('model_aliases').select('alias as slug').where('alias', '=', input.slug))
    .executeTakeFirst();
  if (taken) throw conflict(`A model named "${input.slug}" already exists (as a slug or an alias): update it instead`, at('slug'));
  const columns = await modelColumns(trx, input);
  const inserted = await trx
    .insertInto('models')
    .values({ ...columns, slug: input.slug } as Insertable<Database['models']>)
    .returningAll()
    .executeTakeFirstOrThrow();
  await addAliases(trx, inserted, input.aliases ?? [], 'aliases');
  const after = await snapshot(trx, inserted.id);
  return { result: after.row, changes: [{ action: 'createModel', entityType: 'model', entityId: inserted.id, before: null, after }] };
}

/**
 * Updates the fields given, if the model is still at `expectedVersion`: the
 * check and the write are one statement, so of two curators who read one
 * version, the second is refused (CONFLICT) rather than overwriting the first.
 */
export async function updateModel(
  trx: Trx,
  input: ModelFields & { slug: string; expectedVersion: number; addAliases?: string[] },
): Promise<Written<ModelRow>> {
  const current = await modelBySlug(trx, input.slug);
  if (!current) throw userInputError(`Invalid argument "input.slug": no model "${input.slug}"`, at('slug'));
  const before = await snapshot(trx, current.id);
  const columns = await modelColumns(trx, input);
  const updated = await trx
    .updateTable('models')
    .set({ ...columns, updated_at: sql`now()`, version: nextVersion })
    .where('id', '=', current.id)
    .where('version', '=', input.expectedVersion)
    .returningAll()
    .executeTakeFirst();
  if (!updated) throw staleVersion('model', input.slug, current.version, input.expectedVersion);
  await addAliases(trx, updated, input.addAliases ?? [], 'addAliases');
  const after = await snapshot(trx, current.id);
  return { result: after.row, changes: [{ action: 'updateModel', entityType: 'model', entityId: current.id, before, after }] };
}

export function staleVersion(what: string, name: string, current: number, expected: number) {
  return conflict(
    `The ${what} "${name}" is at version ${current}, not ${expected}: it changed since it was read. Read it again and retry.`,
    at('expectedVersion'),
  );
}
