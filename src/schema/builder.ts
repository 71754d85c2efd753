import SchemaBuilder from '@pothos/core';
import DirectivePlugin from '@pothos/plugin-directives';
import FederationPlugin from '@pothos/plugin-federation';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import ZodPlugin from '@pothos/plugin-zod';
import type { Context } from '../context.js';
import { badUserInput, notAuthorized } from './errors.js';
import { decodeNodeId, nodeIdRule, nodeIdsRule } from './input-rules.js';
import { dateScalar, dateTimeScalar, decimalScalar, jsonScalar, tokenCountScalar } from './scalars.js';

/**
 * The one schema builder: plugins and scalars only. Types live in one file
 * per domain (model.ts, offering.ts, …); index.ts imports them and builds.
 */
export const builder = new SchemaBuilder<{
  Context: Context;
  // Fields are non-null unless declared nullable: unknown facts are the nullable ones.
  DefaultFieldNullability: false;
  Scalars: {
    Decimal: { Input: string; Output: string };
    Date: { Input: string; Output: string };
    DateTime: { Input: Date; Output: Date };
    TokenCount: { Input: string; Output: bigint };
    JSON: { Input: never; Output: unknown };
  };
  // What a token may do (src/auth/tokens.ts): writes need catalog:write.
  AuthScopes: { catalogWrite: boolean; tokensAdmin: boolean };
  // Every connection can report its total, counted only when the field is selected.
  Connection: { totalCount: () => Promise<number> };
}>({
  defaultFieldNullability: false,
  // Scope auth first: it wraps the others, so a caller is authorised before
  // its input is validated and an anonymous caller learns nothing from its
  // input's errors. Federation after the plugins that wrap resolvers, as its docs ask.
  plugins: [ScopeAuthPlugin, ZodPlugin, RelayPlugin, DirectivePlugin, FederationPlugin],
  scopeAuth: {
    authScopes: async ({ viewer }) => {
      const scopes = (await viewer.holder())?.scopes ?? [];
      return { catalogWrite: scopes.includes('catalog:write'), tokensAdmin: scopes.includes('tokens:admin') };
    },
    // Runs after authScopes has looked the token up. No token, or one that is
    // unknown or revoked: UNAUTHENTICATED; a live token without the scope: FORBIDDEN.
    unauthorizedError: (_parent, { viewer }) => notAuthorized(viewer.known()),
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    nodesOnConnection: { description: 'The results on this page, without cursors.' },
    // Descriptions for the types and fields the Relay plugin generates.
    idFieldOptions: { description: 'Globally unique id, for node(id:) and client caches.' },
    nodeTypeOptions: { description: 'An object with a globally unique id.' },
    // Ids are checked (length, characters, form, type) before anything loads;
    // a bad one answers BAD_USER_INPUT naming the argument (input-rules.ts).
    decodeGlobalID: decodeNodeId,
    nodeQueryOptions: {
      description: 'Any object by its global id, or null.',
      args: { id: { validate: nodeIdRule } },
    },
    nodesQueryOptions: {
      description: 'Objects by their global ids (at most 100), in the order given (null where not found).',
      args: { ids: { validate: nodeIdsRule } },
    },
    defaultConnectionTypeOptions: { description: 'A page of results (a Relay connection).' },
    defaultEdgeTypeOptions: { description: 'One result on a page, with its cursor.' },
    edgesFieldOptions: { description: 'The results on this page, each with its cursor.' },
    nodeFieldOptions: { description: 'The result.' },
    cursorFieldOptions: { description: 'Pass as `after` to continue after this result.' },
    pageInfoFieldOptions: { description: 'Where this page sits in the whole list.' },
    pageInfoTypeOptions: { description: 'Whether there are pages before and after, and their cursors.' },
    hasNextPageFieldOptions: { description: 'Whether more results follow.' },
    hasPreviousPageFieldOptions: { description: 'Whether results come before.' },
    startCursorFieldOptions: { description: 'Cursor of the first result on the page.' },
    endCursorFieldOptions: { description: 'Cursor of the last result on the page.' },
  },
  zod: {
    validationError: (error) => badUserInput(error),
  },
});

builder.scalarType('Decimal', decimalScalar);
builder.scalarType('Date', dateScalar);
builder.scalarType('DateTime', dateTimeScalar);
builder.scalarType('TokenCount', tokenCountScalar);
builder.scalarType('JSON', jsonScalar);
