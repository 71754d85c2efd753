import { resolveOffsetConnection } from '@pothos/plugin-relay';
import { type ChangeFilter, countChanges, listChanges } from '../../catalog/curation/audit.js';
import { builder } from '../builder.js';
import { connectionArgsSchema, withTotalCount } from '../pagination.js';
import { decodeId, nodeIdOf } from './rules.js';

type ChangeRow = Awaited<ReturnType<typeof listChanges>>[number];

/** The audit trail: every curation write and every import, newest first. */

const ENTITY_TYPES = { Model: 'model', Provider: 'provider', Offering: 'offering' } as const;

const ChangeRef = builder.objectRef<ChangeRow>('Change').implement({
  description: 'One write to the catalog: who, when, what, and the entity before and after. An import is one change, with its report.',
  fields: (t) => ({
    at: t.expose('at', { type: 'DateTime', description: 'When it was written.' }),
    actor: t.exposeString('actor', { description: 'Who wrote it: the API token\'s name, or "import:<importer>".' }),
    action: t.exposeString('action', { description: 'What was done: "createModel", "recordPrice", "mergeModels", "import", …' }),
    entityType: t.exposeString('entity_type', { description: '"model", "provider", "offering" or "import".' }),
    entityId: t.id({
      nullable: true,
      description: 'The global id of the entity written (for `node(id:)` and `changes(entity:)`); null for an import.',
      resolve: (change) =>
        change.entity_id === null ? null : Buffer.from(`${change.entity_type[0]!.toUpperCase()}${change.entity_type.slice(1)}:${change.entity_id}`).toString('base64'),
    }),
    before: t.field({ type: 'JSON', nullable: true, description: 'The entity before the write; null when it created it.', resolve: (change) => change.before }),
    after: t.field({ type: 'JSON', nullable: true, description: 'The entity after the write; for an import, its report.', resolve: (change) => change.after }),
  }),
});

builder.queryFields((t) => ({
  changes: t.connection({
    type: ChangeRef,
    description: 'The audit trail, newest first: every curation write and every import; with `entity`, only those of one model, provider or offering.',
    args: {
      entity: t.arg.id({ description: 'The global id of a Model, Provider or Offering.', validate: nodeIdOf(Object.keys(ENTITY_TYPES)) }),
    },
    validate: { schema: connectionArgsSchema },
    resolve: (_root, args, { reads }) => {
      let filter: ChangeFilter | null = null;
      if (args.entity != null) {
        const { typename, key } = decodeId(String(args.entity));
        filter = { entityType: ENTITY_TYPES[typename as keyof typeof ENTITY_TYPES], entityId: key };
      }
      return withTotalCount(
        resolveOffsetConnection({ args, defaultSize: 20, maxSize: 100 }, ({ offset, limit }) => listChanges(reads, filter, { offset, limit })),
        () => countChanges(reads, filter),
      );
    },
  }),
}));
