import { upsertProvider } from '../../catalog/curation/providers.js';
import { builder } from '../builder.js';
import { ProviderStatus } from '../provider.js';
import { ProviderRef } from '../refs.js';
import { slugRule, textRule, urlRule, versionRule } from './rules.js';
import { orLeave, write } from './write.js';

const UpsertProviderInput = builder.inputType('UpsertProviderInput', {
  description: 'A provider to create, or to update if it is still at `expectedVersion`.',
  fields: (t) => ({
    slug: t.string({ required: true, description: 'Its slug, e.g. "groq".', validate: slugRule }),
    name: t.string({ required: true, description: 'Display name.', validate: textRule }),
    website: t.string({ description: 'Its site, http or https.', validate: urlRule }),
    status: t.field({ type: ProviderStatus, description: 'Whether it still serves traffic.' }),
    expectedVersion: t.int({
      description: 'The `version` an update is based on: required when the provider exists, left out to create it. A stale one is refused with CONFLICT.',
      validate: versionRule,
    }),
  }),
});

builder.mutationFields((t) => ({
  upsertProvider: t.field({
    type: ProviderRef,
    description: 'Creates a provider, or updates it at `expectedVersion`. Needs catalog:write.',
    authScopes: { catalogWrite: true },
    args: { input: t.arg({ type: UpsertProviderInput, required: true }) },
    resolve: (_root, { input }, ctx) => write(ctx, (trx) => upsertProvider(trx, { ...input, status: orLeave(input.status) })),
  }),
}));
