import path from 'node:path';
import { expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

it('defaults to PGlite in .modelgraph/, port 4000, the real catalog', () => {
  expect(loadConfig({}, '/srv/app')).toEqual({
    database: { kind: 'pglite', dataDir: path.resolve('/srv/app', '.modelgraph') },
    port: 4000,
    host: '127.0.0.1',
    dataset: 'default',
    logLevel: 'info',
  });
});

it('uses PostgreSQL when DATABASE_URL is set and honours overrides', () => {
  const config = loadConfig({ DATABASE_URL: 'postgres://localhost/x', PORT: '8080', DATA_DIR: 'ignored' }, '/srv');
  expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://localhost/x' });
  expect(config.port).toBe(8080);
  expect(loadConfig({ DATA_DIR: '/var/lib/mg' }).database).toEqual({ kind: 'pglite', dataDir: '/var/lib/mg' });
});

it('treats an empty variable as unset', () => {
  expect(loadConfig({ DATABASE_URL: '', PORT: '' }, '/srv').database.kind).toBe('pglite');
});

it('names the variable that is wrong', () => {
  expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
  expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
  expect(() => loadConfig({ MODELGRAPH_DATASET: 'nope' })).toThrow(/MODELGRAPH_DATASET/);
});
