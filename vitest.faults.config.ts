import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

// `npm run test:pg-faults`: tests that stop a whole PostgreSQL server
// (test/faults/), never run with the others, one file at a time.
export default defineConfig({
  ...base,
  test: { ...base.test, include: ['test/faults/**/*.test.ts'], exclude: [], globalSetup: [], maxWorkers: 1 },
});
