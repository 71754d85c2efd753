import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { loadPersistedOperations } from '../../src/persisted-operations.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { type BrowserSession, browserTestsRun, listen, openBrowser, requestsLeaving, SCREENSHOTS } from '../support/browser.js';

const SEED_PAIR = '/compare/llama-3.2-1b-instruct/llama-3.1-8b-instruct';
const SEED_TRAFFIC = '?inputTokensPerMonth=848000000&outputTokensPerMonth=230800000';
const MANIFEST = path.resolve(import.meta.dirname, '../../examples/typed/persisted-documents.json');

describe.runIf(browserTestsRun())('in Chromium', () => {
  let t: TestApp;
  let server: Awaited<ReturnType<typeof listen>>;
  let browser: BrowserSession;

  beforeAll(async () => {
    t = await createTestApp();
    server = await listen(t.app);
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await t?.destroy();
  });

  it('GraphiQL loads with nothing fetched beyond 127.0.0.1, and runs its default query, the seed comparison', async () => {
    const { page, requests } = browser;
    requests.length = 0;
    await page.goto(`${server.origin}/graphql`);
    const run = page.getByRole('button', { name: /execute query/i });
    await run.waitFor({ timeout: 20_000 });
    await run.click();
    const result = page.locator('.graphiql-response');
    await expect.poll(() => result.innerText(), { timeout: 20_000 }).toContain('"comparison"');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'graphiql.png') });
    // The default tab's variables went with it: the seed pair, not an error about $models.
    // (Monaco writes its spaces as no-break spaces: \s matches both.)
    expect(await result.innerText()).toMatch(/"summary":\s"Llama\s3\.2\s1B\sInstruct\s\(2024\)\sand/);
    expect(await result.innerText()).not.toContain('"errors"');
    expect(requests.filter((url) => url === `${server.origin}/graphql`).length).toBeGreaterThan(1);
    expect(requestsLeaving(requests, server.origin)).toEqual([]);
  });

  it('the comparison page shows the seed pair’s monthly costs, and recomputes when the workload is edited', async () => {
    const { page, requests } = browser;
    requests.length = 0;
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${server.origin}${SEED_PAIR}${SEED_TRAFFIC}`);
    const costs = page.getByRole('region', { name: 'Monthly cost' });
    await expect.poll(() => costs.textContent(), { timeout: 15_000 }).toContain('$71.60');
    expect(await costs.textContent()).toContain('$28.50');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Llama 3.2 1B Instruct vs Llama 3.1 8B Instruct');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'comparison.png'), fullPage: true });
    // The seed page has no knowledge cutoff for Llama 3.1 8B: unknown, not 0 or blank.
    const cutoff = page.getByRole('region', { name: 'Specifications' }).getByRole('row', { name: /Knowledge cutoff/ });
    expect((await cutoff.getByRole('cell').allTextContents()).map((t) => t.trim())).toEqual(['2023-12', 'unknown']);

    // Twice the input: 1,696M × $0.03 + 230.8M × $0.2 = $97.04; × $0.02 + × $0.05 = $45.46.
    await page.getByLabel('Input tokens a month').fill('1696000000');
    await page.getByRole('button', { name: 'Recompute' }).click();
    await expect.poll(() => costs.textContent(), { timeout: 15_000 }).toContain('$97.04');
    expect(await costs.textContent()).toContain('$45.46');
    expect(new URL(page.url()).searchParams.get('inputTokensPerMonth')).toBe('1696000000');

    // A workload (per request, with cache) from the form, kept in the address too.
    await page.getByLabel('Workload (per request, with cache)').check();
    await page.getByLabel('Requests a month').fill('100000');
    await page.getByLabel('Input tokens per request').fill('8000');
    await page.getByLabel('Output tokens per request').fill('600');
    await page.getByRole('button', { name: 'Recompute' }).click();
    await expect.poll(() => costs.textContent(), { timeout: 15_000 }).toContain('800,000,000 input');
    expect(new URL(page.url()).searchParams.get('requestsPerMonth')).toBe('100000');

    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'comparison-phone.png'), fullPage: true });
    expect(requestsLeaving(requests, server.origin)).toEqual([]);
  });

  it('a model the catalog does not know shows the API’s message', async () => {
    const { page } = browser;
    await page.goto(`${server.origin}/compare/no-such-model/llama-3.1-8b-instruct`);
    await expect.poll(() => page.getByRole('alert').textContent(), { timeout: 15_000 }).toContain('Unknown model "no-such-model"');
  });

  it('the page works on a server that runs only the generated manifest’s operations', async () => {
    const allowListed = await listen(createApp({ db: t.db, persistedOperations: await loadPersistedOperations(MANIFEST) }));
    try {
      const { page } = browser;
      await page.goto(`${allowListed.origin}${SEED_PAIR}${SEED_TRAFFIC}`);
      const costs = page.getByRole('region', { name: 'Monthly cost' });
      await expect.poll(() => costs.textContent(), { timeout: 15_000 }).toContain('$71.60');
      expect(await costs.textContent()).toContain('$28.50');
    } finally {
      await allowListed.close();
    }
  });
});
