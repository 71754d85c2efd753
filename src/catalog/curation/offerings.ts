import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../../db/database.js';
import { conflict, userInputError } from '../../schema/errors.js';
import type { Trx } from '../write/common.js';
import { nextVersion } from '../write/slugged.js';
import { staleVersion } from './models.js';
import type { Written } from './write.js';

type OfferingRow = Selectable<Database['offerings']>;

/** Who lists a route a curator created: no importer retires it for not listing it (write/offerings.ts). */
export const CURATION_LISTER = 'curation';

export interface OfferingInput {
  model: string;
  provider: string;
  providerModelId?: string | null;
  quantization?: string | null;
  variants?: string[];
  contextWindow?: number | null;
  maxOutputTokens?: number | null;
}

export async function createOffering(trx: Trx, input: OfferingInput): Promise<Written<OfferingRow>> {
  const model = await trx.selectFrom('models').select('id').where('slug', '=', input.model).executeTakeFirst();
  if (!model) throw userInputError(`Invalid argument "input.model": no model "${input.model}"`, ['input', 'model']);
  const provider = await trx.selectFrom('providers').select('id').where('slug', '=', input.provider).executeTakeFirst();
  if (!provider) throw userInputError(`Invalid argument "input.provider": no provider "${input.provider}"`, ['input', 'provider']);
  const providerModelId = input.providerModelId ?? null;
  // The same route twice is refused: one provider id names one route (offerings_provider_route_unique).
  let existing = trx.selectFrom('offerings').select('id').where('provider_id', '=', provider.id);
  existing = providerModelId === null ? existing.where('provider_model_id', 'is', null).where('model_id', '=', model.id) : existing.where('provider_model_id', '=', providerModelId);
  if (await existing.executeTakeFirst()) {
    throw conflict(`"${input.provider}" already has this route${providerModelId ? ` ("${providerModelId}")` : ''}`, ['input', 'providerModelId']);
  }
  const created = await trx
    .insertInto('offerings')
    .values({
      model_id: model.id,
      provider_id: provider.id,
      provider_model_id: providerModelId,
      quantization: input.quantization ?? null,
      variants: input.variants ?? [],
      context_window: input.contextWindow ?? null,
      max_output_tokens: input.maxOutputTokens ?? null,
      listed_by: CURATION_LISTER,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { result: created, changes: [{ action: 'createOffering', entityType: 'offering', entityId: created.id, before: null, after: created }] };
}

/** The route, locked for this transaction: the writes to one route (its prices, its retirement) queue behind each other. */
export async function lockOffering(trx: Trx, id: number): Promise<OfferingRow> {
  const row = await trx.selectFrom('offerings').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw userInputError('Invalid argument "offering": no such offering', ['offering']);
  return row;
}

/** Retires a route (kept with its price history, never deleted), if it is still at `expectedVersion`. */
export async function retireOffering(trx: Trx, id: number, expectedVersion: number): Promise<Written<OfferingRow>> {
  const current = await lockOffering(trx, id);
  const updated = await trx
    .updateTable('offerings')
    .set({ status: 'retired', updated_at: sql`now()`, version: nextVersion })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();
  if (!updated) throw staleVersion('offering', String(id), current.version, expectedVersion);
  return { result: updated, changes: [{ action: 'retireOffering', entityType: 'offering', entityId: id, before: current, after: updated }] };
}
