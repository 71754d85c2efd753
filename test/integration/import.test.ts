import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../../src/catalog/import.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

const FIXTURE = new URL('../fixtures/models-dev/', import.meta.url).pathname;
let t: TestDatabase;
let dir: string;

beforeAll(async () => {
  t = await createTestDatabase();
  dir = await mkdtemp(path.join(tmpdir(), 'modelgraph-models-dev-'));
  await cp(FIXTURE, dir, { recursive: true });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await t.destroy();
});

const importDir = () => runImport(t.db, { importer: 'models-dev', directory: dir });

async function routesOf(slug: string) {
  return t.db
    .selectFrom('offerings')
    .innerJoin('models', 'models.id', 'offerings.model_id')
    .innerJoin('providers', 'providers.id', 'offerings.provider_id')
    .select(['providers.slug as provider', 'offerings.provider_model_id', 'offerings.quantization', 'offerings.variants', 'offerings.status', 'offerings.id'])
    .where('models.slug', '=', slug)
    .orderBy('providers.slug')
    .orderBy('offerings.provider_model_id')
    .execute();
}

async function snapshot() {
  const tables = ['models', 'providers', 'offerings', 'prices', 'scores', 'model_aliases', 'creators'] as const;
  const counts: Record<string, number> = {};
  for (const table of tables) {
    counts[table] = Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  }
  return counts;
}

describe('models.dev import', () => {
  it('resolves every id of Llama 3.1 8B Instruct to one model, tags as route attributes', async () => {
    const report = await importDir();
    expect(await routesOf('llama-3.1-8b-instruct')).toEqual([
      expect.objectContaining({ provider: 'aws-bedrock', provider_model_id: 'meta.llama3-1-8b-instruct-v1:0', quantization: null }),
      expect.objectContaining({ provider: 'cloudflare-workers-ai', provider_model_id: '@cf/meta/llama-3.1-8b-instruct' }),
      expect.objectContaining({ provider: 'cloudflare-workers-ai', provider_model_id: '@cf/meta/llama-3.1-8b-instruct-fp8', quantization: 'fp8' }),
      expect.objectContaining({ provider: 'fireworks-ai', provider_model_id: 'accounts/fireworks/models/llama-v3p1-8b-instruct' }),
      expect.objectContaining({ provider: 'groq', provider_model_id: 'llama-3.1-8b-instant', variants: ['instant'] }),
      expect.objectContaining({ provider: 'together-ai', provider_model_id: 'meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo', variants: ['turbo'] }),
    ]);
    const models = await t.db.selectFrom('models').select('slug').where('slug', 'like', '%llama-3.1-8b%').execute();
    expect(models.map((m) => m.slug)).toEqual(['llama-3.1-8b-instruct']);
    // A provider listing that links its lab model (base_model) is that model.
    expect((await routesOf('gpt-4o')).map((r) => r.provider)).toEqual(['azure', 'openai']);
    expect(report.resolvedBy['base-model']).toBe(2);
    expect(report.written.offerings.added).toBe(9);
  });

  it('skips what is not a language model, and refuses a price 1000× off, naming the entry', async () => {
    const report = await importDir();
    expect(report.warnings).toContainEqual(expect.stringMatching(/providers\/groq\/models\/whisper-large-v3\.toml: takes audio, not text, skipped/));
    expect(report.warnings).toContainEqual(
      expect.stringMatching(/providers\/togetherai\/models\/meta-llama\/Llama-3\.2-1B-Instruct\.toml cost\.input: price 0\.00000006 USD per 1M tokens .* unit mistake/),
    );
    const [llama32] = await routesOf('llama-3.2-1b-instruct');
    const price = await t.db.selectFrom('prices').selectAll().where('offering_id', '=', llama32!.id).executeTakeFirstOrThrow();
    expect(price.input_per_mtok).toBeNull();
    expect(price.output_per_mtok).toBe('0.06');
  });

  it('a second import of the same data changes nothing', async () => {
    const before = await snapshot();
    const report = await importDir();
    for (const counts of Object.values(report.written)) {
      expect(counts.added + counts.changed + ((counts as { retired?: number }).retired ?? 0)).toBe(0);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('a changed price appends history; the old price stays', async () => {
    const file = path.join(dir, 'providers/groq/models/llama-3.1-8b-instant.toml');
    await writeFile(file, (await readFile(file, 'utf8')).replace('input = 0.05', 'input = 0.04'));
    const report = await importDir();
    expect(report.written.prices).toMatchObject({ added: 0, changed: 1 });
    const groq = (await routesOf('llama-3.1-8b-instruct')).find((r) => r.provider === 'groq')!;
    const history = await t.db.selectFrom('prices').select(['input_per_mtok', 'effective_from']).where('offering_id', '=', groq.id).orderBy('effective_from').execute();
    expect(history.map((p) => p.input_per_mtok)).toEqual(['0.05', '0.04']);
  });

  it('a route that disappeared is retired, not deleted', async () => {
    await rm(path.join(dir, 'providers/togetherai/models/meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo.toml'));
    const report = await importDir();
    expect(report.written.offerings.retired).toBe(1);
    const together = (await routesOf('llama-3.1-8b-instruct')).find((r) => r.provider === 'together-ai')!;
    expect(together.status).toBe('retired');
  });

  it('a malformed file aborts the import, naming the file, and writes nothing', async () => {
    const before = await snapshot();
    const file = path.join(dir, 'providers/groq/models/llama-3.1-8b-instant.toml');
    const good = await readFile(file, 'utf8');
    await writeFile(file, good.replace('input = 0.04', 'input = 0.03').replace('[limit]', '[limit'));
    await expect(importDir()).rejects.toThrow(/^providers\/groq\/models\/llama-3\.1-8b-instant\.toml: /);
    await writeFile(file, good);
    expect(await snapshot()).toEqual(before);
  });

  it('an entry with a bad field aborts the import, naming the file and field, and writes nothing', async () => {
    const before = await snapshot();
    await writeFile(path.join(dir, 'providers/azure/models/gpt-4o-mini.toml'), 'base_model = "openai/gpt-4o-mini"\n');
    await expect(importDir()).rejects.toThrow('providers/azure/models/gpt-4o-mini.toml: base_model "openai/gpt-4o-mini" has no models/openai/gpt-4o-mini.toml');
    await rm(path.join(dir, 'providers/azure/models/gpt-4o-mini.toml'));
    expect(await snapshot()).toEqual(before);
  });

  it('a failure while writing rolls the whole import back', async () => {
    const before = await snapshot();
    // The database refuses the last write of an import that changed models, routes and prices.
    await sql`create function refuse_price() returns trigger language plpgsql as $$
      begin raise exception 'refused for the test'; end $$`.execute(t.db);
    await sql`create trigger refuse_price before insert on prices for each row execute function refuse_price()`.execute(t.db);
    await writeFile(path.join(dir, 'providers/groq/models/llama-3.3-70b-versatile.toml'), '[cost]\ninput = 0.59\noutput = 0.79\n');
    const llama = path.join(dir, 'providers/groq/models/llama-3.1-8b-instant.toml');
    await writeFile(llama, (await readFile(llama, 'utf8')).replace('input = 0.04', 'input = 0.01'));
    try {
      await expect(importDir()).rejects.toThrow(/refused for the test/);
    } finally {
      await sql`drop trigger refuse_price on prices`.execute(t.db);
      await sql`drop function refuse_price()`.execute(t.db);
    }
    expect(await snapshot()).toEqual(before);
    expect(await routesOf('llama-3.3-70b-instruct')).toEqual([]);
  });
});
