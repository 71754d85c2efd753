import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execute } from '../../examples/client.js';
import { ComparisonPageDocument } from '../../examples/typed/graphql.js';
import { type App, createApp } from '../../src/app.js';
import { loadPersistedOperations, sha256Hex } from '../../src/persisted-operations.js';
import { createTestApp, type TestApp } from '../support/app.js';

const MANIFEST = path.resolve(import.meta.dirname, '../../examples/typed/persisted-documents.json');
const SEED_PAGE = {
  models: ['llama-3.2-1b-instruct', 'llama-3.1-8b-instruct'],
  traffic: { inputTokensPerMonth: '848000000', outputTokensPerMonth: '230800000' },
};
const QUERY = '{ model(slug: "llama-3.1-8b-instruct") { name } }';
const HASH = sha256Hex(QUERY);

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.destroy());

async function post(app: App, body: unknown) {
  const response = await app.fetch('http://modelgraph.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] } };
}
const codes = (result: { body: { errors?: { extensions?: { code?: string } }[] } }) => result.body.errors?.map((e) => e.extensions?.code);
const apq = (sha256Hash: string) => ({ persistedQuery: { version: 1, sha256Hash } });

describe('without PERSISTED_OPERATIONS: any operation, and automatic persisted queries', () => {
  it('a hash the server has not seen asks for the query; sent once with it, the hash alone runs it, for every client', async () => {
    const app = createApp({ db: t.db });
    expect(codes(await post(app, { extensions: apq(HASH) }))).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    expect((await post(app, { query: QUERY, extensions: apq(HASH) })).body).toEqual({ data: { model: { name: 'Llama 3.1 8B Instruct' } } });
    expect((await post(app, { extensions: apq(HASH) })).body).toEqual({ data: { model: { name: 'Llama 3.1 8B Instruct' } } });
    // By GraphQL over HTTP's documentId too, in a POST or a GET.
    expect((await post(app, { documentId: `sha256:${HASH}` })).body.data).toEqual({ model: { name: 'Llama 3.1 8B Instruct' } });
    const get = await app.fetch(`http://modelgraph.test/graphql?documentId=sha256:${HASH}`, { headers: { accept: 'application/json' } });
    expect(await get.json()).toEqual({ data: { model: { name: 'Llama 3.1 8B Instruct' } } });
  });

  it('refuses a query whose hash is not its SHA-256, and remembers nothing', async () => {
    const app = createApp({ db: t.db });
    const wrong = sha256Hex('something else');
    const result = await post(app, { query: QUERY, extensions: apq(wrong) });
    expect(result.status).toBe(400);
    expect(codes(result)).toEqual(['PERSISTED_QUERY_HASH_MISMATCH']);
    expect(codes(await post(app, { extensions: apq(wrong) }))).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
  });

  it('a request with neither query nor id is refused as before', async () => {
    const result = await post(t.app, { variables: {} });
    expect(codes(result)).toEqual(['BAD_REQUEST']);
    expect(result.body.errors?.[0]?.message).toBe('Must provide query string.');
  });
});

describe('with PERSISTED_OPERATIONS (the manifest npm run codegen writes): only its operations run', () => {
  let app: App;
  beforeAll(async () => {
    app = createApp({ db: t.db, persistedOperations: await loadPersistedOperations(MANIFEST) });
  });

  it('runs a listed operation from the typed client, by documentId', async () => {
    const fetchThroughApp = async (url: string, init: RequestInit) => app.fetch(url, init);
    const result = await execute('http://modelgraph.test/graphql', ComparisonPageDocument, SEED_PAGE, fetchThroughApp);
    expect(result.errors).toBeUndefined();
    expect(result.data!.comparison.costs.map((c) => c.monthlyCost)).toEqual(['71.6', '28.5']);
  });

  it('takes the id with or without sha256:, or as the APQ extension', async () => {
    const id = (ComparisonPageDocument as unknown as { __meta__: { hash: string } }).__meta__.hash.replace('sha256:', '');
    for (const body of [{ documentId: id }, { extensions: apq(id) }]) {
      const result = await post(app, { ...body, variables: SEED_PAGE });
      expect(result.body.data?.comparison.lowerCost.name).toBe('Llama 3.1 8B Instruct');
    }
  });

  it('refuses any document, even a listed one sent as text, with PERSISTED_QUERY_ONLY; an unknown id is not found', async () => {
    const manifest = await loadPersistedOperations(MANIFEST);
    const [listedText] = [...manifest.values()];
    for (const body of [{ query: QUERY }, { query: listedText, variables: SEED_PAGE }, { variables: {} }]) {
      const result = await post(app, body);
      expect(result.status).toBe(400);
      expect(codes(result)).toEqual(['PERSISTED_QUERY_ONLY']);
      expect(result.body.data).toBeUndefined();
    }
    expect(codes(await post(app, { documentId: `sha256:${HASH}` }))).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
  });

  it('does not serve GraphiQL, which could not run its own queries', async () => {
    const response = await app.fetch('http://modelgraph.test/graphql', { headers: { accept: 'text/html' } });
    expect(response.status).not.toBe(200);
    expect(response.headers.get('content-type') ?? '').not.toContain('text/html');
  });
});

describe('the manifest', () => {
  it('must map each operation’s SHA-256 to its text, or the server does not start', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'modelgraph-manifest-'));
    const edited = path.join(dir, 'edited.json');
    await writeFile(edited, JSON.stringify({ [`sha256:${HASH}`]: `${QUERY} ` }));
    await expect(loadPersistedOperations(edited)).rejects.toThrow(/is not the SHA-256 of its document/);
    const notAnObject = path.join(dir, 'list.json');
    await writeFile(notAnObject, '[]');
    await expect(loadPersistedOperations(notAnObject)).rejects.toThrow(/must be a JSON object/);
    await expect(loadPersistedOperations(path.join(dir, 'missing.json'))).rejects.toThrow(/cannot read/);
    const plain = path.join(dir, 'plain.json');
    await writeFile(plain, JSON.stringify({ [HASH]: QUERY }));
    expect([...(await loadPersistedOperations(plain)).keys()]).toEqual([HASH]);
  });
});
