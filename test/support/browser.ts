import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import type { App } from '../../src/app.js';

/** Debian's Chromium (`apt-get install -y chromium`; .ci/run installs it). Playwright never downloads a browser here. */
export const CHROMIUM = '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Where screenshots go: git-ignored, kept by CI as artefacts. */
export const SCREENSHOTS = path.resolve(import.meta.dirname, '../../artifacts/screenshots');

/**
 * Whether the browser tests run: without Chromium a developer's run skips
 * them, saying so; in CI (CI=true) a missing Chromium fails the run instead.
 */
export function browserTestsRun(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI === 'true') throw new Error(`${CHROMIUM} is missing: CI must run the browser tests (.ci/run installs Debian's chromium).`);
  console.warn(`[browser tests] skipped: ${CHROMIUM} is missing (apt-get install -y chromium).`);
  return false;
}

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  /** Every URL the page requested, in order. */
  requests: string[];
  close(): Promise<void>;
}

/** Chromium with a fresh profile, recording every request the page makes. */
export async function openBrowser(): Promise<BrowserSession> {
  const profile = await mkdtemp(path.join(tmpdir(), 'modelgraph-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: FLAGS });
  const page = context.pages()[0] ?? (await context.newPage());
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  await mkdir(SCREENSHOTS, { recursive: true });
  return {
    context,
    page,
    requests,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** The app behind node:http on a free port of 127.0.0.1. */
export async function listen(app: App): Promise<{ origin: string; close(): Promise<void> }> {
  const server: Server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The requests that left 127.0.0.1 (blob: and data: URLs stay in the page). */
export function requestsLeaving(requests: string[], origin: string): string[] {
  return requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('blob:') && !url.startsWith('data:'));
}
