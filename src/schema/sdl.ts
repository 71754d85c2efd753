import { printSubgraphSchema } from '@apollo/subgraph';
import { schema } from './index.js';

/** The subgraph SDL committed as schema.graphql: what a gateway composes. */
export function printSchemaSdl(): string {
  return `${printSubgraphSchema(schema)}\n`;
}
