import { afterAll, beforeAll, expect, it } from 'vitest';
import { type App, createApp } from '../../src/app.js';
import { createToken } from '../../src/auth/tokens.js';
import { openResponseCache } from '../../src/cache/open.js';
import { runImport } from '../../src/catalog/import.js';
import { readCatalogVersion } from '../../src/catalog/version.js';
import { createTestApp, postGraphQL, type TestApp } from '../support/app.js';
import { sharedRedisCacheConfig, testCacheConfig } from '../support/response-cache.js';

/**
 * Fresh reads: two app instances on one database (as two servers behind a
 * load balancer). A write through one is read at once through both, whatever
 * either served before; an import shows in the audit trail as one change.
 */

let t: TestApp;
let other: App;
let token: string;
const silent = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

beforeAll(async () => {
  t = await createTestApp({ seed: null });
  other = createApp({ db: t.db, logger: silent });
  token = (await createToken(t.db, 'curator', ['catalog:write'])).token;
});
afterAll(() => t.destroy());

const READ = '{ model(slug: "llama-3.1-8b-instruct") { name contextWindow version offerings { id provider { slug } price { inputPerMTok } } } }';
/** The same facts through a comparison, whose per-model facts each app keeps per catalog version (src/facts/). */
const COMPARE = `{ comparison(models: ["llama-3.1-8b-instruct", "llama-3.2-1b-instruct"]) {
  models { name contextWindow offerings { provider { slug } price { inputPerMTok } } }
  costs { cheapestInput { perMTok offering { provider { slug } } } }
} }`;

it('an import is one entry in the audit trail, with its report', async () => {
  const version = await readCatalogVersion(t.db);
  const report = await runImport(t.db, { importer: 'seed-page' });
  expect(await readCatalogVersion(t.db)).toBe(version + 1);
  const { data } = await t.graphql('{ changes(first: 5) { totalCount edges { node { actor action entityType entityId after } } } }');
  expect(data!.changes.totalCount).toBe(1);
  const entry = data!.changes.edges[0].node;
  expect(entry).toMatchObject({ actor: 'import:seed-page', action: 'import', entityType: 'import', entityId: null });
  expect(entry.after.written).toEqual(JSON.parse(JSON.stringify(report.written)));
  expect(entry.after.written.models.added).toBe(2);
});

/**
 * Updates the model's name and context window through `writer` and prices its
 * Groq route at `price` (no route of the model is cheaper: its cheapest then),
 * after every reader has answered (and, with a cache, stored) the read; then
 * every reader serves the new values at once.
 */
async function writeThenReadEverywhere(writer: App, readers: App[], tag: string, contextWindow: number, price: string) {
  const before = await Promise.all(readers.map((app) => postGraphQL(app, READ)));
  for (const answer of before) expect(answer).toEqual(before[0]);
  const comparedBefore = await Promise.all(readers.map((app) => postGraphQL(app, COMPARE)));
  for (const answer of comparedBefore) expect(answer).toEqual(comparedBefore[0]);
  expect(comparedBefore[0]!.data!.comparison.costs[0].cheapestInput.perMTok).not.toBe(price);
  const version = before[0]!.data!.model.version as number;

  const written = await postGraphQL(
    writer,
    'mutation ($input: UpdateModelInput!) { updateModel(input: $input) { version } }',
    { input: { slug: 'llama-3.1-8b-instruct', expectedVersion: version, name: `Llama 3.1 8B (${tag})`, contextWindow } },
    token,
  );
  expect(written.errors, JSON.stringify(written.errors)).toBeUndefined();
  const offering = before[0]!.data!.model.offerings.find((o: { provider: { slug: string } }) => o.provider.slug === 'groqcloud').id;
  const priced = await postGraphQL(
    writer,
    'mutation ($offering: ID!, $source: SourceInput!, $price: Decimal!) { recordPrice(offering: $offering, inputPerMTok: $price, source: $source) { id } }',
    { offering, source: { name: 'Groq pricing page' }, price },
    token,
  );
  expect(priced.errors, JSON.stringify(priced.errors)).toBeUndefined();

  for (const app of readers) {
    const { data } = await postGraphQL(app, READ);
    expect(data!.model).toMatchObject({ name: `Llama 3.1 8B (${tag})`, contextWindow, version: version + 1 });
    expect(data!.model.offerings.find((o: { provider: { slug: string } }) => o.provider.slug === 'groqcloud').price.inputPerMTok).toBe(price);
    const compared = (await postGraphQL(app, COMPARE)).data!.comparison;
    expect(compared.models[0]).toMatchObject({ name: `Llama 3.1 8B (${tag})`, contextWindow });
    expect(compared.models[0].offerings.find((o: { provider: { slug: string } }) => o.provider.slug === 'groqcloud').price.inputPerMTok).toBe(price);
    expect(compared.costs[0].cheapestInput).toEqual({ perMTok: price, offering: { provider: { slug: 'groqcloud' } } });
  }
}

const listenUrl = () => (t.backend === 'postgres' ? process.env.DATABASE_URL : undefined);

it('a write through one instance is read at once through both (no cache)', async () => {
  await writeThenReadEverywhere(other, [t.app, other], 'curated', 120000, '0.01');
});

it('a write is read at once through the response cache (in memory), which had stored the old answer', async () => {
  const cache = await openResponseCache(testCacheConfig(), t.db, listenUrl());
  try {
    const cached = createApp({ db: t.db, logger: silent, cache });
    await writeThenReadEverywhere(cached, [cached], 'cached in memory', 110000, '0.02');
  } finally {
    await cache.close();
  }
});

const redisUrl = process.env.TEST_REDIS_URL;
if (!redisUrl) console.warn('[curation-fresh-reads.test] TEST_REDIS_URL is unset: the two instances sharing Redis are skipped.');

it.runIf(redisUrl)('a write through one instance is read at once through the other, their caches shared through Redis', async () => {
  const config = sharedRedisCacheConfig(redisUrl!);
  const caches = [await openResponseCache(config, t.db, listenUrl()), await openResponseCache(config, t.db, listenUrl())];
  try {
    const [one, two] = caches.map((cache) => createApp({ db: t.db, logger: silent, cache }));
    await writeThenReadEverywhere(one!, [one!, two!], 'shared through Redis', 100000, '0.005');
  } finally {
    for (const cache of caches) await cache.close();
  }
});

it('a write whose after-commit hook fails still answers that it landed, and the failure is logged', async () => {
  const logged: unknown[][] = [];
  const failing = createApp({
    db: t.db,
    logger: { ...silent, error: (...args: unknown[]) => void logged.push(args) },
    afterCatalogCommit: () => {
      throw new Error('the cache is gone');
    },
  });
  const { data } = await postGraphQL(failing, READ);
  const written = await postGraphQL(
    failing,
    'mutation ($input: UpdateModelInput!) { updateModel(input: $input) { version } }',
    { input: { slug: 'llama-3.1-8b-instruct', expectedVersion: data!.model.version, name: 'Llama 3.1 8B (hook failed)' } },
    token,
  );
  expect(written.errors).toBeUndefined();
  expect(written.data!.updateModel.version).toBe(data!.model.version + 1);
  expect((await postGraphQL(failing, READ)).data!.model.name).toBe('Llama 3.1 8B (hook failed)');
  expect(logged.flat().some((entry) => entry instanceof Error && entry.message === 'the cache is gone')).toBe(true);
});
