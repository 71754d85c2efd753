import { gunzipSync, brotliDecompressSync } from 'node:zlib';
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

const page = (headers: Record<string, string>, path = '/graphql') =>
  t.app.fetch(`http://modelgraph.test${path}`, { headers: { accept: 'text/html', ...headers } });

it('sends GraphiQL compressed, as the browser accepts, with an ETag; a current copy gets 304 and no body', async () => {
  const plain = await page({ 'accept-encoding': 'identity' });
  const html = Buffer.from(await plain.arrayBuffer());
  expect(plain.headers.get('content-encoding')).toBeNull();
  expect(plain.headers.get('cache-control')).toBe('no-cache');
  expect(plain.headers.get('vary')).toBe('Accept, Accept-Encoding');
  const etag = plain.headers.get('etag')!;
  expect(etag).toMatch(/^"[\w-]{43}"$/);

  const gzipped = await page({ 'accept-encoding': 'gzip, deflate' });
  expect(gzipped.headers.get('content-encoding')).toBe('gzip');
  const gzipBytes = Buffer.from(await gzipped.arrayBuffer());
  expect(gunzipSync(gzipBytes).equals(html)).toBe(true);
  expect(gzipBytes.length).toBeLessThan(html.length / 3);

  const brotli = await page({ 'accept-encoding': 'gzip, deflate, br' });
  expect(brotli.headers.get('content-encoding')).toBe('br');
  expect(brotliDecompressSync(Buffer.from(await brotli.arrayBuffer())).equals(html)).toBe(true);
  // br;q=0 refuses brotli.
  expect((await page({ 'accept-encoding': 'br;q=0, gzip' })).headers.get('content-encoding')).toBe('gzip');

  for (const ifNoneMatch of [etag, `W/${etag}`, `"other", ${etag}`]) {
    const cached = await page({ 'accept-encoding': 'gzip', 'if-none-match': ifNoneMatch });
    expect(cached.status).toBe(304);
    expect(cached.headers.get('etag')).toBe(etag);
    expect(await cached.text()).toBe('');
  }
  expect((await page({ 'if-none-match': '"other"' })).status).toBe(200);
});

it('opens GraphiQL on the seed comparison with its variables, and a cost estimate for a workload in a second tab', async () => {
  const html = await (await page({})).text();
  const options = JSON.parse(html.match(/renderYogaGraphiQL\(\s*window\.document\.querySelector\('#root'\),\s*(\{.*\}),\s*\);/s)![1]!);
  const [comparison, costEstimate] = options.defaultTabs;
  expect(comparison.query).toContain('query ComparisonPage(');
  expect(JSON.parse(comparison.variables)).toEqual({
    models: ['llama-3.2-1b-instruct', 'llama-3.1-8b-instruct'],
    traffic: { inputTokensPerMonth: '848000000', outputTokensPerMonth: '230800000' },
  });
  expect(options.variables).toBe(comparison.variables);
  expect(costEstimate.query).toContain('query CostEstimate(');
  expect(Object.keys(JSON.parse(costEstimate.variables).workload)).toContain('requestsPerMonth');

  // Both run as they stand on the seed page.
  for (const tab of [comparison, costEstimate]) {
    const result = await t.graphql(tab.query, JSON.parse(tab.variables));
    expect(result.errors).toBeUndefined();
  }
  const result = await t.graphql(comparison.query, JSON.parse(comparison.variables));
  expect(result.data!.comparison.costs.map((c: { monthlyCost: string }) => c.monthlyCost)).toEqual(['71.6', '28.5']);
});

it('serves the comparison page for 2 to 10 models, and its modules, with ETags', async () => {
  const html = await page({}, '/compare/llama-3.2-1b-instruct/llama-3.1-8b-instruct');
  expect(html.status).toBe(200);
  expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
  const body = await html.text();
  // Everything it loads comes from this server (the empty favicon is a data: URL, so the browser asks for none).
  const loaded = [...body.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
  expect(loaded.filter((url) => !url.startsWith('/') && url !== 'data:,')).toEqual([]);
  for (const url of loaded.filter((u) => u.startsWith('/assets/'))) {
    expect((await t.app.fetch(`http://modelgraph.test${url}`)).status, url).toBe(200);
  }
  const script = await t.app.fetch('http://modelgraph.test/assets/compare/main.js');
  expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  expect(script.headers.get('etag')).toBeTruthy();
  expect((await page({}, `/compare/${Array(10).fill('a').join('/')}`)).status).toBe(200);
  expect((await page({}, '/compare/only-one')).status).toBe(404);
  expect((await page({}, `/compare/${Array(11).fill('a').join('/')}`)).status).toBe(404);
  expect((await t.app.fetch('http://modelgraph.test/assets/compare/nope.js')).status).toBe(404);
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
