import type { ObjectRef } from '@pothos/core';
import type DataLoader from 'dataloader';
import type { Loaders } from '../db/loaders.js';
import { builder } from './builder.js';
import { decodeNodeId } from './input-rules.js';
import { parseGlobalIntId } from './pagination.js';

/**
 * Federation keys of `Model`, `Provider` and `Benchmark`: the Relay global
 * `id` (what clients and caches hold) and the `slug` (what people and other
 * teams' data hold). A gateway may resolve an entity by either, so a subgraph
 * that knows only one of them can still extend it.
 */
const ENTITY_KEYS = [builder.selection<{ id: string }>('id'), builder.selection<{ slug: string }>('slug')];

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
type EntityLoaders<Row> = { byId: DataLoader<number, Row | null>; bySlug: DataLoader<string, Row | null> };

/**
 * Makes an object type an entity keyed by `id` and by `slug`, resolved through
 * the request's loaders: `_entities` with 100 representations runs one
 * statement per type and key, not one per representation. The representations
 * were checked first (`representationProblem`), so an `id` here is a global id
 * of this type.
 */
export function entityByIdAndSlug<Row>(ref: ObjectRef<Types, Row>, loadersOf: (loaders: Loaders) => EntityLoaders<Row>) {
  builder.asEntity(ref, {
    key: ENTITY_KEYS,
    resolveReference: (reference, { loaders }) => {
      const { byId, bySlug } = loadersOf(loaders);
      return 'id' in reference ? byId.load(parseGlobalIntId(decodeNodeId(reference.id).id)) : bySlug.load(reference.slug);
    },
  });
}
