import type { Db } from '../db/client.js';
import { type ApplyReport, applyDataset } from './apply.js';
import { type Dataset, parseDataset } from './dataset.js';
import { loadDataset } from './datasets.js';
import { ProviderRegistry } from './providers.js';
import type { SourceBundle } from './records.js';
import { resolveBundles, type UnresolvedRoute } from './resolve.js';
import { readCurated } from './sources/curated.js';
import { readGenaiPrices } from './sources/genai-prices.js';
import { readModelsDevDirectory } from './sources/models-dev-directory.js';
import { readTokenlens } from './sources/tokenlens.js';

/**
 * The one import pipeline every source feeds: parse → normalise → resolve
 * identity → validate → write (one transaction). It reports what changed.
 */

export type ImportRequest =
  | { importer: 'catalog' }
  | { importer: 'seed-page' }
  | { importer: 'models-dev'; directory: string };

export interface ImportReport {
  importer: string;
  written: ApplyReport;
  unresolved: UnresolvedRoute[];
  resolvedBy: Record<string, number>;
  warnings: string[];
  durationMs: number;
}

export type Progress = (step: string, done: number, total: number) => void;

export async function runImport(db: Db, request: ImportRequest, onProgress: Progress = () => {}): Promise<ImportReport> {
  const started = new Date();
  const { dataset, unresolved, resolvedBy, warnings } = await buildDataset(request, onProgress);
  const written = await applyDataset(db, dataset, { importer: request.importer, now: started, onProgress });
  const report: ImportReport = {
    importer: request.importer,
    written,
    unresolved,
    resolvedBy,
    warnings,
    durationMs: Date.now() - started.getTime(),
  };
  await db
    .insertInto('catalog_imports')
    .values({ importer: request.importer, started_at: started, finished_at: new Date(), report: JSON.stringify(report) })
    .execute();
  return report;
}

async function buildDataset(request: ImportRequest, onProgress: Progress) {
  if (request.importer === 'seed-page') {
    return { dataset: await loadDataset('seed-page'), unresolved: [], resolvedBy: {}, warnings: [] };
  }
  const providers = await ProviderRegistry.load();
  const bundles: SourceBundle[] = [await readCurated()];
  if (request.importer === 'catalog') {
    onProgress('reading packages', 0, 2);
    bundles.push(readGenaiPrices(providers));
    onProgress('reading packages', 1, 2);
    bundles.push(readTokenlens(providers));
  } else {
    bundles.push(await readModelsDevDirectory(request.directory, providers, (done, total) => onProgress('reading files', done, total)));
  }
  const resolved = resolveBundles(request.importer, bundles);
  // The same validation as a shipped dataset: a broken reference aborts before any write.
  const dataset: Dataset = parseDataset(resolved.dataset, `${request.importer} import`);
  return { dataset, unresolved: resolved.unresolved, resolvedBy: resolved.rules, warnings: resolved.warnings };
}
