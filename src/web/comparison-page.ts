import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Plugin } from 'graphql-yoga';
import { assetResponse, compressAsset, type StaticAsset } from './asset.js';
import { EXAMPLES_DIR } from './examples.js';

/** The page's files: plain HTML, CSS and JavaScript modules, no build step. */
const PAGE_DIR = path.resolve(import.meta.dirname, '../../web/compare');
/** The persisted-operations manifest `npm run codegen` writes: the page sends its operation by id. */
const MANIFEST = path.join(EXAMPLES_DIR, 'typed/persisted-documents.json');

const ASSET_PREFIX = '/assets/compare/';
/** /compare/<slug-or-alias>/<slug-or-alias>[/…]: 2 to 10 models, as the comparison takes. */
const PAGE_PATH = /^\/compare(?:\/[^/]+){2,10}\/?$/;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

async function loadAssets(): Promise<Map<string, StaticAsset>> {
  const files = (await readdir(PAGE_DIR)).map((name) => ({ name, file: path.join(PAGE_DIR, name) }));
  files.push({ name: 'persisted-documents.json', file: MANIFEST });
  const assets = await Promise.all(
    files.map(async ({ name, file }) => {
      const type = CONTENT_TYPES[path.extname(name)] ?? 'application/octet-stream';
      return [name, await compressAsset(await readFile(file), type)] as const;
    }),
  );
  return new Map(assets);
}

// Read and compressed once per process, at the first app's start.
let assets: Promise<Map<string, StaticAsset>> | undefined;

/**
 * The comparison page: /compare/<model>/<model>… answers index.html, which
 * loads its modules from /assets/compare/ and asks /graphql for the rest.
 */
export function useComparisonPage(): Plugin {
  assets ??= loadAssets();
  const ready = assets;
  return {
    async onRequest({ request, url, fetchAPI, endResponse }) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return;
      const name = PAGE_PATH.test(url.pathname)
        ? 'index.html'
        : url.pathname.startsWith(ASSET_PREFIX)
          ? url.pathname.slice(ASSET_PREFIX.length)
          : null;
      if (name === null) return;
      const asset = (await ready).get(name);
      if (asset) endResponse(assetResponse(asset, request, fetchAPI.Response));
    },
  };
}
