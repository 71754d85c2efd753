import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * `npm run codegen`: the operations in examples/ against schema.graphql →
 * TypeScript types (typed document nodes) and the persisted-operations
 * manifest in examples/typed/. `npm run codegen:check` fails when they are
 * out of date.
 */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['examples/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'examples/typed/': {
      preset: 'client',
      presetConfig: {
        // The manifest a server runs with PERSISTED_OPERATIONS; each document carries its hash.
        persistedDocuments: { hashAlgorithm: 'sha256' },
        fragmentMasking: false,
      },
      config: {
        // The API's scalars as they travel in JSON: big counts and money are strings, exact.
        scalars: {
          Decimal: 'string',
          TokenCount: 'string',
          DateTime: 'string',
          Date: 'string',
        },
        useTypeImports: true,
        enumsAsTypes: true,
        emitLegacyCommonJSImports: false,
      },
    },
  },
};

export default config;
