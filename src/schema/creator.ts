import { builder } from './builder.js';
import { parseGlobalIntId } from './pagination.js';
import { CreatorRef } from './refs.js';

builder.node(CreatorRef, {
  description: 'The lab or company that made a model.',
  id: { resolve: (creator) => creator.id, parse: parseGlobalIntId },
  loadMany: (ids, context) => Promise.all(ids.map((id) => context.loaders.creatorsById.get(id))),
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'Stable identifier, e.g. "meta".' }),
    name: t.exposeString('name', { description: 'Display name, e.g. "Meta".' }),
    website: t.exposeString('website', { nullable: true, description: 'The creator’s site.' }),
  }),
});
