import { resolveOffsetConnection } from '@pothos/plugin-relay';
import type { ProviderRow } from '../db/database.js';
import { countRows, listByName } from '../db/queries/lists.js';
import { PROVIDER_STATUSES } from '../domain/status.js';
import { builder } from './builder.js';
import { entityByIdAndSlug } from './entities.js';
import { referenceRule } from './input-rules.js';
import { statusEnumValues } from './enum-values.js';
import { connectionArgsSchema, parseGlobalIntId, withTotalCount } from './pagination.js';
import { OfferingRef, ProviderRef } from './refs.js';

export const ProviderStatus = builder.enumType('ProviderStatus', {
  description: 'Whether a provider still serves traffic.',
  values: statusEnumValues(PROVIDER_STATUSES, {
    active: 'Serving.',
    deprecated: 'Shut down or shutting down: shown, never recommended.',
  }),
});

builder.node(ProviderRef, {
  description: 'A company that serves models through an API.',
  id: { resolve: (provider) => provider.id, parse: parseGlobalIntId },
  loadMany: (ids, context) => Promise.all(ids.map((id) => context.loaders.providersById.get(id))),
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'Stable identifier, e.g. "openrouter".' }),
    version: t.exposeInt('version', { description: 'Raised by every change to the provider: pass it as `expectedVersion` to update it (a stale one is refused with CONFLICT).' }),
    name: t.exposeString('name', { description: 'Display name, e.g. "OpenRouter".' }),
    website: t.exposeString('website', { nullable: true, description: 'The provider’s site.' }),
    status: t.expose('status', { type: ProviderStatus, description: 'Whether the provider still serves traffic.' }),
    offerings: t.field({
      type: [OfferingRef],
      description: 'Every tracked route on this provider.',
      resolve: (provider, _args, { loaders }) => loaders.offeringsByProviderId.get(provider.id),
    }),
  }),
});

entityByIdAndSlug(ProviderRef, (loaders) => ({ byId: loaders.providersById, bySlug: loaders.providersBySlug }));

builder.queryFields((t) => ({
  provider: t.field({
    type: ProviderRef,
    nullable: true,
    description: 'One provider by slug, or null when there is none.',
    args: { slug: t.arg.string({ required: true, description: 'The provider’s slug, e.g. "openrouter".', validate: referenceRule }) },
    resolve: (_root, { slug }, { loaders }) => loaders.providersBySlug.get(slug),
  }),
  providers: t.connection({
    type: ProviderRef,
    description: 'Providers in name order; pages of 1 to 100 (20 by default).',
    validate: { schema: connectionArgsSchema },
    resolve: (_root, args, { reads }) =>
      withTotalCount(
        resolveOffsetConnection({ args, defaultSize: 20, maxSize: 100 }, (page) =>
          listByName(reads, 'providers', page) as Promise<ProviderRow[]>,
        ),
        () => countRows(reads, 'providers'),
      ),
  }),
}));
