import { builder } from './builder.js';
import { EditionRef, SourceRef } from './refs.js';

EditionRef.implement({
  description:
    'One leaderboard at one version or release ("LMArena text, style control, 2025-12-11", "BFCL v3", a lab’s model card). Scores compare only inside one edition.',
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'Stable identifier, e.g. "lmarena-text-style-control-2025-12-11".' }),
    name: t.exposeString('name', { description: 'Display name, e.g. "LMArena text, style control".' }),
    leaderboard: t.exposeString('leaderboard', { description: 'The leaderboard or publisher it is an edition of, e.g. "LMArena".' }),
    version: t.exposeString('version', { nullable: true, description: 'The leaderboard’s own version label, when it has one ("v3").' }),
    publishedOn: t.expose('published_on', { type: 'Date', nullable: true, description: 'When this edition was published; null when unknown.' }),
    independent: t.exposeBoolean('independent', {
      description: 'True when run by a party other than the models’ makers; false for labs’ own reports (model cards).',
    }),
    licence: t.exposeString('licence', { nullable: true, description: 'The licence the results are published under, when stated.' }),
    url: t.exposeString('url', { nullable: true, description: 'Where to read it.' }),
    source: t.field({
      type: SourceRef,
      nullable: true,
      description: 'Where the catalog read it.',
      resolve: (edition, _args, { loaders }) => (edition.source_id === null ? null : loaders.sourcesById.get(edition.source_id)),
    }),
  }),
});

export { EditionRef };
