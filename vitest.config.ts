import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Node (and so every dependency) loads graphql's CommonJS build; Vite would
    // give our own files the .mjs build, and graphql refuses to mix the two.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    include: ['test/**/*.test.ts'],
    // They stop a whole PostgreSQL server: `npm run test:pg-faults` (vitest.faults.config.ts), alone.
    exclude: [...configDefaults.exclude, 'test/faults/**'],
    // Builds the migrated PGlite template once; every test file loads a copy.
    globalSetup: ['test/support/global-setup.ts'],
    // A PGlite instance costs ~300 MB; two workers match this machine's two cores.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
