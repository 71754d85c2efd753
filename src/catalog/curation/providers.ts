import type { Selectable } from 'kysely';
import type { Database } from '../../db/database.js';
import type { ProviderStatus } from '../../domain/status.js';
import { conflict } from '../../schema/errors.js';
import type { Trx } from '../write/common.js';
import { nextVersion } from '../write/slugged.js';
import { staleVersion } from './models.js';
import type { Written } from './write.js';

type ProviderRow = Selectable<Database['providers']>;

export interface ProviderInput {
  slug: string;
  name: string;
  website?: string | null;
  status?: ProviderStatus;
  /** Required to update a provider that exists (its current version); left out to create one. */
  expectedVersion?: number | null;
}

/**
 * Creates the provider, or updates it if it exists and is still at
 * `expectedVersion`. Updating one that exists without naming its version is
 * refused as a conflict too: an upsert must never overwrite unseen changes.
 */
export async function upsertProvider(trx: Trx, input: ProviderInput): Promise<Written<ProviderRow>> {
  const values = { name: input.name, ...(input.website !== undefined ? { website: input.website } : {}), ...(input.status ? { status: input.status } : {}) };
  const current = await trx.selectFrom('providers').selectAll().where('slug', '=', input.slug).forUpdate().executeTakeFirst();
  if (!current) {
    if (input.expectedVersion != null) {
      throw conflict(`No provider "${input.slug}" exists at version ${input.expectedVersion}: leave expectedVersion out to create it`, ['input', 'expectedVersion']);
    }
    const created = await trx.insertInto('providers').values({ ...values, slug: input.slug }).returningAll().executeTakeFirstOrThrow();
    return { result: created, changes: [{ action: 'upsertProvider', entityType: 'provider', entityId: created.id, before: null, after: created }] };
  }
  if (input.expectedVersion == null) throw staleVersion('provider', input.slug, current.version, 0);
  const updated = await trx
    .updateTable('providers')
    .set({ ...values, version: nextVersion })
    .where('id', '=', current.id)
    .where('version', '=', input.expectedVersion)
    .returningAll()
    .executeTakeFirst();
  if (!updated) throw staleVersion('provider', input.slug, current.version, input.expectedVersion);
  return { result: updated, changes: [{ action: 'upsertProvider', entityType: 'provider', entityId: current.id, before: current, after: updated }] };
}
