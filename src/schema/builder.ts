import SchemaBuilder from '@pothos/core';
import DirectivePlugin from '@pothos/plugin-directives';
import FederationPlugin from '@pothos/plugin-federation';
import RelayPlugin from '@pothos/plugin-relay';
import ZodPlugin from '@pothos/plugin-zod';
import type { Context } from '../context.js';
import { badUserInput } from './errors.js';
import { dateScalar, dateTimeScalar, decimalScalar } from './scalars.js';

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
  };
  // Every connection can report its total, counted only when the field is selected.
  Connection: { totalCount: () => Promise<number> };
}>({
  defaultFieldNullability: false,
  // Federation after the plugins that wrap resolvers, as its docs ask.
  plugins: [ZodPlugin, RelayPlugin, DirectivePlugin, FederationPlugin],
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    nodesOnConnection: true,
  },
  zod: {
    validationError: (error) => badUserInput(error),
  },
});

builder.scalarType('Decimal', decimalScalar);
builder.scalarType('Date', dateScalar);
builder.scalarType('DateTime', dateTimeScalar);
