import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.destroy());

it('serves GraphiQL at /graphql with every asset inline, so it renders with no internet', async () => {
  const response = await t.app.fetch('http://modelgraph.test/graphql', { headers: { accept: 'text/html' } });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/text\/html/);
  const html = await response.text();
  expect(html).toContain('<title>Modelgraph</title>');
  // No script or stylesheet is fetched from another host.
  const external = [...html.matchAll(/<(?:script|link)\b[^>]*(?:src|href)=["'](https?:)?\/\/[^"']+/g)].map((m) => m[0]);
  expect(external).toEqual([]);
  expect(html.length).toBeGreaterThan(100_000);
});

it('answers GET queries too, for cacheable links', async () => {
  const query = encodeURIComponent('{ model(slug: "llama-3.2-1b-instruct") { name } }');
  const response = await t.app.fetch(`http://modelgraph.test/graphql?query=${query}`, { headers: { accept: 'application/json' } });
  expect(await response.json()).toEqual({ data: { model: { name: 'Llama 3.2 1B Instruct' } } });
});

it('reports health and readiness', async () => {
  expect((await t.app.fetch('http://modelgraph.test/health')).status).toBe(200);
  expect((await t.app.fetch('http://modelgraph.test/ready')).status).toBe(200);
});
