import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openPGlite } from '../../src/db/client.js';
import { startServer } from '../support/server-process.js';

/**
 * `npm start` end to end: the real server process on the embedded database,
 * on a free port of 127.0.0.1, in a data directory of its own. DATABASE_URL is
 * removed so this always tests the zero-set-up path.
 */
let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'modelgraph-server-'));
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

const QUERY = `{
  models { totalCount }
  providers { totalCount }
  model(slug: "llama-3.1-8b-instruct") {
    name
    offerings { status provider { slug status } price { inputPerMTok outputPerMTok } }
    scores { value setting benchmark { slug } source { name url } }
  }
}`;

const post = async (url: string, query: string) =>
  (await (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) })).json()) as any;

it('migrates, seeds the real catalog once, serves it, and keeps it across restarts', async () => {
  const first = await startServer(dataDir);
  let totals: unknown;
  try {
    expect(first.output()).toMatch(/seeded dataset "default": \d+ models/);
    const { data, errors } = await post(first.url, QUERY);
    expect(errors).toBeUndefined();
    expect(data.models.totalCount).toBeGreaterThanOrEqual(300);
    expect(data.providers.totalCount).toBeGreaterThanOrEqual(30);
    const llama = data.model;
    expect(llama.name).toBe('Llama 3.1 8B Instruct');
    const activePriced = llama.offerings.filter(
      (o: any) => o.status === 'ACTIVE' && o.provider.status === 'ACTIVE' && o.price?.inputPerMTok != null,
    );
    expect(activePriced.length).toBeGreaterThanOrEqual(8);
    const mmluPro = llama.scores.find((s: any) => s.benchmark.slug === 'mmlu-pro');
    expect(mmluPro).toMatchObject({ value: 48.3, setting: expect.stringMatching(/5-shot/), source: { name: expect.any(String) } });
    totals = [data.models.totalCount, data.providers.totalCount];
    expect((await fetch(first.url.replace('/graphql', '/ready'))).status).toBe(200);
  } finally {
    expect(await first.stop()).toBe(0);
  }

  const second = await startServer(dataDir);
  try {
    // The data directory persisted and was built by this version: nothing to migrate, seed or refresh.
    expect(second.output()).not.toMatch(/seeded|refreshed/);
    const { data } = await post(second.url, '{ models { totalCount } providers { totalCount } }');
    expect([data.models.totalCount, data.providers.totalCount]).toEqual(totals);
  } finally {
    expect(await second.stop()).toBe(0);
  }
}, 120_000);

it('refreshes, in place, a catalog an earlier version built', async () => {
  // What an earlier version leaves: its own fingerprint on the last import, and Claude Sonnet 4 split in two.
  const db = await openPGlite({ dataDir });
  try {
    await sql`update catalog_imports set report = jsonb_set(report, '{fingerprint}', '"earlier"')`.execute(db);
    const sonnet = await db.selectFrom('models').selectAll().where('slug', '=', 'claude-sonnet-4').executeTakeFirstOrThrow();
    const { id: _id, created_at: _c, updated_at: _u, ...columns } = sonnet;
    const split = await db.insertInto('models').values({ ...columns, slug: 'claude-sonnet-4-20250514-2' }).returning('id').executeTakeFirstOrThrow();
    await db.updateTable('offerings').set({ model_id: split.id }).where('model_id', '=', sonnet.id).where('provider_model_id', 'like', '%20250514%').execute();
  } finally {
    await db.destroy();
  }
  const server = await startServer(dataDir);
  try {
    expect(server.output()).toMatch(/refreshed the catalog built by an earlier version: .* [1-9]\d* merged/);
    const { data } = await post(server.url, '{ model(slug: "claude-sonnet-4-20250514-2") { slug offerings { id } } }');
    expect(data.model.slug).toBe('claude-sonnet-4');
    expect(data.model.offerings.length).toBeGreaterThanOrEqual(10);
  } finally {
    expect(await server.stop()).toBe(0);
  }
}, 120_000);
