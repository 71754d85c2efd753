import { afterAll, beforeAll, expect, it } from 'vitest';
import { type App, createApp } from '../../src/app.js';
import { createToken } from '../../src/auth/tokens.js';
import { runImport } from '../../src/catalog/import.js';
import { readCatalogVersion } from '../../src/catalog/version.js';
import { createTestApp, postGraphQL, type TestApp } from '../support/app.js';

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

const READ = '{ model(slug: "llama-3.1-8b-instruct") { name contextWindow version offerings { provider { slug } price { inputPerMTok } } } }';

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

it('a write through one instance is read at once through both', async () => {
  // Both instances have answered the read before the write (anything they might keep is warm).
  const [first, second] = await Promise.all([postGraphQL(t.app, READ), postGraphQL(other, READ)]);
  expect(first).toEqual(second);
  expect(first.data!.model.contextWindow).toBe(128000);

  const written = await postGraphQL(
    other,
    'mutation ($input: UpdateModelInput!) { updateModel(input: $input) { version } }',
    { input: { slug: 'llama-3.1-8b-instruct', expectedVersion: first.data!.model.version, name: 'Llama 3.1 8B (curated)', contextWindow: 120000 } },
    token,
  );
  expect(written.errors).toBeUndefined();
  const offering = (await postGraphQL(t.app, '{ model(slug: "llama-3.1-8b-instruct") { offerings { id provider { slug } } } }')).data!.model.offerings.find(
    (o: { provider: { slug: string } }) => o.provider.slug === 'groqcloud',
  ).id;
  const priced = await postGraphQL(
    t.app,
    'mutation ($offering: ID!, $source: SourceInput!) { recordPrice(offering: $offering, inputPerMTok: "0.01", source: $source) { id } }',
    { offering, source: { name: 'Groq pricing page' } },
    token,
  );
  expect(priced.errors).toBeUndefined();

  for (const app of [t.app, other]) {
    const { data } = await postGraphQL(app, READ);
    expect(data!.model).toMatchObject({ name: 'Llama 3.1 8B (curated)', contextWindow: 120000, version: first.data!.model.version + 1 });
    expect(data!.model.offerings.find((o: { provider: { slug: string } }) => o.provider.slug === 'groqcloud').price.inputPerMTok).toBe('0.01');
  }
});
