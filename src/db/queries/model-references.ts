import { sql } from 'kysely';
import type { Db } from '../client.js';
import type { ModelRow } from '../database.js';

/**
 * The models each reference names, for any id a user may know: the slug,
 * an alias (a dated snapshot, a merged model's old slug, a Hugging Face
 * repo) or a provider's own model id, case-insensitively. A slug or alias
 * names one model; a provider id two models share is returned with both, so
 * the caller can say it is ambiguous. One statement per batch.
 */
export async function modelsByReference(db: Db, references: readonly string[]): Promise<ModelRow[][]> {
  const keys = [...new Set(references.map(normaliseReference))];
  const rows = await db
    .selectFrom('models')
    .innerJoin(
      (eb) =>
        eb
          .selectFrom('models')
          .select([sql<string>`models.slug`.as('reference'), 'models.id as model_id', sql<number>`0`.as('rank')])
          .where('models.slug', 'in', keys)
          .unionAll(
            eb.selectFrom('model_aliases').select(['model_aliases.alias as reference', 'model_aliases.model_id', sql<number>`1`.as('rank')]).where('model_aliases.alias', 'in', keys),
          )
          .unionAll(
            eb
              .selectFrom('offerings')
              .select([sql<string>`lower(offerings.provider_model_id)`.as('reference'), 'offerings.model_id', sql<number>`2`.as('rank')])
              .where(sql<string>`lower(offerings.provider_model_id)`, 'in', keys),
          )
          .as('found'),
      (join) => join.onRef('found.model_id', '=', 'models.id'),
    )
    .selectAll('models')
    .select(['found.reference', 'found.rank'])
    .orderBy('found.rank')
    .orderBy('models.slug')
    .execute();
  const byReference = new Map<string, { rank: number; models: Map<number, ModelRow> }>();
  for (const { reference, rank, ...model } of rows) {
    const found = byReference.get(reference);
    // The best kind of match wins: a slug over an alias over a provider id.
    if (found && found.rank < rank) continue;
    if (!found) byReference.set(reference, { rank, models: new Map([[model.id, model]]) });
    else found.models.set(model.id, model);
  }
  return references.map((reference) => [...(byReference.get(normaliseReference(reference))?.models.values() ?? [])]);
}

export function normaliseReference(reference: string): string {
  return reference.trim().toLowerCase();
}
