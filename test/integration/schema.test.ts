import { readFile } from 'node:fs/promises';
import { getNamedType, isInputObjectType, isIntrospectionType, isObjectType, isInterfaceType, isEnumType } from 'graphql';
import { expect, it } from 'vitest';
import { schema } from '../../src/schema/index.js';
import { printSchemaSdl } from '../../src/schema/sdl.js';

it('schema.graphql is the schema the code defines (run `npm run schema` when this fails)', async () => {
  const committed = await readFile(new URL('../../schema.graphql', import.meta.url), 'utf8');
  expect(printSchemaSdl()).toBe(committed);
});

/** Types the federation spec and the Relay plugin define; they are not ours to describe. */
const FOREIGN = new Set(['_Any', '_Entity', '_Service', 'link__Import', 'link__Purpose', 'FieldSet', 'Query']);

it('describes every type and field of its own', () => {
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || type.name.startsWith('__') || FOREIGN.has(type.name)) continue;
    if (getNamedType(type) !== type) continue;
    if (!type.description && !['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!field.description) missing.push(`${type.name}.${field.name}`);
      }
    }
    if (isEnumType(type)) {
      for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
    }
  }
  for (const field of Object.values(schema.getQueryType()!.getFields())) {
    if (!field.description && !field.name.startsWith('_')) missing.push(`Query.${field.name}`);
  }
  expect(missing).toEqual([]);
});
