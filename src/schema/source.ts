import { SourceRef } from './refs.js';

SourceRef.implement({
  description: 'Where a fact came from: a document or page, and when it was read.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'What the source is, e.g. a model card or a pricing page.' }),
    url: t.exposeString('url', { nullable: true, description: 'Where to read it, when it has an address.' }),
    retrievedAt: t.expose('retrieved_at', {
      type: 'Date',
      nullable: true,
      description: 'When the source was read (or last reviewed).',
    }),
  }),
});
