import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, createApp } from '../../src/app.js';
import { createTestApp, type TestApp } from '../support/app.js';

/** What a browser page on another origin may read (CORS_ORIGINS), and what GET may do. */
let t: TestApp;
let restricted: App;
const APP = 'https://app.example.com';
const DEV = 'http://localhost:5173';
const OTHER = 'https://elsewhere.example.org';
const QUERY = '{ model(slug: "llama-3.1-8b-instruct") { name } }';

beforeAll(async () => {
  t = await createTestApp();
  const ignore = () => {};
  restricted = createApp({ db: t.db, corsOrigins: [APP, DEV], logger: { debug: ignore, info: ignore, warn: ignore, error: ignore } });
});
afterAll(() => t.destroy());

async function post(app: App, origin: string) {
  const response = await app.fetch('http://modelgraph.test/graphql', {
    method: 'POST',
    headers: { origin, 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query: QUERY }),
  });
  expect(await response.json()).toEqual({ data: { model: { name: 'Llama 3.1 8B Instruct' } } });
  return response.headers;
}

async function preflight(app: App, origin: string) {
  const response = await app.fetch('http://modelgraph.test/graphql', {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
  });
  expect(response.status).toBe(204);
  return response.headers;
}

describe('by default (CORS_ORIGINS unset)', () => {
  it('lets a page on any origin read the API, without credentials', async () => {
    const headers = await post(t.app, OTHER);
    expect(headers.get('access-control-allow-origin')).toBe(OTHER);
    expect(headers.get('vary')).toMatch(/Origin/);
    expect(headers.get('access-control-allow-credentials')).toBeNull();
  });
});

describe('with CORS_ORIGINS listing two origins', () => {
  it('lets a listed origin read the API', async () => {
    for (const origin of [APP, DEV]) {
      const headers = await post(restricted, origin);
      expect(headers.get('access-control-allow-origin')).toBe(origin);
      expect(headers.get('vary')).toMatch(/Origin/);
      expect(headers.get('access-control-allow-credentials')).toBeNull();
    }
  });

  it('answers an origin not listed with no CORS header, so its browser refuses the response', async () => {
    const headers = await post(restricted, OTHER);
    expect([...headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual([]);
  });

  it('answers a listed origin’s preflight with the methods and headers it may use, cached 10 minutes', async () => {
    const headers = await preflight(restricted, APP);
    expect(headers.get('access-control-allow-origin')).toBe(APP);
    expect(headers.get('access-control-allow-methods')).toBe('GET, POST');
    expect(headers.get('access-control-allow-headers')).toBe('content-type');
    expect(headers.get('access-control-max-age')).toBe('600');
  });

  it('answers another origin’s preflight with no CORS header', async () => {
    const headers = await preflight(restricted, OTHER);
    expect([...headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual([]);
  });
});

it('refuses a mutation over GET (405, Allow: POST), whatever the origin', async () => {
  const query = encodeURIComponent('mutation { __typename }');
  const response = await t.app.fetch(`http://modelgraph.test/graphql?query=${query}`, { headers: { accept: 'application/json', origin: APP } });
  expect(response.status).toBe(405);
  expect(response.headers.get('allow')).toBe('POST');
  const body = (await response.json()) as { data?: unknown; errors: { message: string; extensions: { code: string } }[] };
  expect(body.data).toBeUndefined();
  expect(body.errors[0]).toMatchObject({ message: 'Can only perform a mutation operation from a POST request.', extensions: { code: 'BAD_REQUEST' } });
});
