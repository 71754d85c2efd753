import { readFileSync } from 'node:fs';
import path from 'node:path';

/** examples/: the operations frontends copy, each with the variables it is shown with. */
export const EXAMPLES_DIR = path.resolve(import.meta.dirname, '../../examples');

export interface ExampleOperation {
  /** The document, as in examples/<name>.graphql. */
  query: string;
  /** examples/<name>.variables.json, as written (pretty JSON). */
  variables: string;
}

export function readExample(name: string): ExampleOperation {
  return {
    query: readFileSync(path.join(EXAMPLES_DIR, `${name}.graphql`), 'utf8'),
    variables: readFileSync(path.join(EXAMPLES_DIR, `${name}.variables.json`), 'utf8').trim(),
  };
}
