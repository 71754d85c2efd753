import type { Db } from '../db/client.js';
import { type ApplyReport, applyDataset } from './apply.js';
import { type Dataset, parseDataset } from './dataset.js';
import { loadDataset } from './datasets.js';
import { recordChanges } from './curation/audit.js';
import { catalogFingerprint } from './fingerprint.js';
import { ProviderRegistry } from './providers.js';
import type { SourceBundle } from './records.js';
import { type KnownCatalog, type Merge, type Pointer, resolveBundles, type UnplacedScore, type UnresolvedRoute } from './resolve.js';
import { readCurated } from './sources/curated.js';
import { readGenaiPrices } from './sources/genai-prices.js';
import { readModelsDevDirectory } from './sources/models-dev-directory.js';
import type { LeaderboardFormat } from './sources/benchmarks/leaderboards.js';
import { readShippedLeaderboards } from './sources/benchmarks/shipped.js';
import { readShippedLabs } from './sources/models-dev-labs.js';
import { readTokenlens } from './sources/tokenlens.js';

/**
 * The one import pipeline every source feeds: parse → normalise → resolve
 * identity → validate → write (one transaction). It reports what changed.
 */

export type ImportRequest =
  | { importer: 'catalog' }
  | { importer: 'seed-page' }
  | { importer: 'models-dev'; directory: string }
  /** One leaderboard file as published (src/catalog/sources/benchmarks/leaderboards.ts names the formats). */
  | { importer: 'leaderboard'; format: LeaderboardFormat; path: string; date?: string };

export interface ImportReport {
  importer: string;
  written: ApplyReport;
  unresolved: UnresolvedRoute[];
  /** Leaderboard rows whose model the catalog does not hold, with the closest slugs: never merged by guess. */
  unplacedScores: UnplacedScore[];
  resolvedBy: Record<string, number>;
  /** Models the database held twice, now one (resolve.ts). */
  merges: Merge[];
  /** Undated ids with several snapshots, kept as models of their own. */
  pointers: Pointer[];
  /** Models no source names: named from their slug until curated. */
  namedFromId: string[];
  warnings: string[];
  durationMs: number;
  /** What the catalog was built from (fingerprint.ts): the server refreshes a catalog built from anything else. */
  fingerprint?: string;
}

export type Progress = (step: string, done: number, total: number) => void;

/** Where an import is: reading its sources, writing (one transaction), committing it, committed. */
export type ImportPhase = 'reading' | 'writing' | 'committing' | 'committed';

export interface ImportControl {
  /**
   * Aborted before the write commits, the import stops, throws the signal's
   * reason and writes nothing (a transaction under way rolls back). Once the
   * phase is 'committing', it no longer stops the import.
   */
  signal?: AbortSignal;
  /** Called as the import enters each phase. */
  onPhase?: (phase: ImportPhase) => void;
}

export async function runImport(
  db: Db,
  request: ImportRequest,
  onProgress: Progress = () => {},
  { signal, onPhase = () => {} }: ImportControl = {},
): Promise<ImportReport> {
  const started = new Date();
  signal?.throwIfAborted();
  onPhase('reading');
  const { dataset, unresolved, unplacedScores, resolvedBy, merges, pointers, namedFromId, warnings } = await buildDataset(db, request, onProgress);
  const importer = request.importer === 'leaderboard' ? request.format.name : request.importer;
  const written = await applyDataset(db, dataset, { importer, now: started, merges, onProgress, signal, onPhase });
  // Committed: what follows (the record in catalog_imports) no longer changes the catalog.
  onPhase('committed');
  const report: ImportReport = {
    importer,
    written,
    unresolved,
    unplacedScores,
    resolvedBy,
    merges,
    pointers,
    namedFromId,
    warnings,
    durationMs: Date.now() - started.getTime(),
    ...(request.importer === 'catalog' ? { fingerprint: await catalogFingerprint() } : {}),
  };
  // The import log, and the audit trail's one entry for the whole import (src/catalog/curation/audit.ts).
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('catalog_imports')
      .values({ importer, started_at: started, finished_at: new Date(), report: JSON.stringify(report) })
      .execute();
    await recordChanges(trx, `import:${importer}`, [{ action: 'import', entityType: 'import', entityId: null, before: null, after: report }]);
  });
  return report;
}

/** The models and aliases the database holds: every import resolves against them. */
async function knownCatalog(db: Db): Promise<KnownCatalog> {
  const models = await db
    .selectFrom('models')
    .innerJoin('creators', 'creators.id', 'models.creator_id')
    .select(['models.slug', 'creators.slug as creator'])
    .execute();
  const aliases = await db
    .selectFrom('model_aliases')
    .innerJoin('models', 'models.id', 'model_aliases.model_id')
    .select(['model_aliases.alias', 'models.slug'])
    .execute();
  const routes = await db
    .selectFrom('offerings')
    .innerJoin('providers', 'providers.id', 'offerings.provider_id')
    .innerJoin('models', 'models.id', 'offerings.model_id')
    .where('offerings.provider_model_id', 'is not', null)
    .select(['providers.slug as provider', 'offerings.provider_model_id as providerModelId', 'models.slug'])
    .execute();
  return { models, aliases, routes: routes.map((r) => ({ ...r, providerModelId: r.providerModelId! })) };
}

async function buildDataset(db: Db, request: ImportRequest, onProgress: Progress) {
  if (request.importer === 'seed-page') {
    const dataset = await loadDataset('seed-page');
    return { dataset, unresolved: [], unplacedScores: [], resolvedBy: {}, merges: [], pointers: [], namedFromId: [], warnings: [] };
  }
  const providers = await ProviderRegistry.load();
  const bundles: SourceBundle[] = [await readCurated(), await readShippedLabs()];
  if (request.importer === 'catalog') {
    onProgress('reading packages', 0, 2);
    bundles.push(readGenaiPrices(providers));
    onProgress('reading packages', 1, 2);
    bundles.push(readTokenlens(providers));
    bundles.push(...(await readShippedLeaderboards()));
  } else if (request.importer === 'leaderboard') {
    bundles.push(await request.format.read(request.path, request.date));
  } else {
    bundles.push(await readModelsDevDirectory(request.directory, providers, (done, total) => onProgress('reading files', done, total)));
  }
  const name = request.importer === 'leaderboard' ? request.format.name : request.importer;
  const resolved = resolveBundles(name, bundles, await knownCatalog(db));
  // The same validation as a shipped dataset: a broken reference aborts before any write.
  const dataset: Dataset = parseDataset(resolved.dataset, `${name} import`);
  const { unresolved, unplacedScores, merges, pointers, namedFromId, warnings } = resolved;
  return { dataset, unresolved, unplacedScores, resolvedBy: resolved.rules, merges, pointers, namedFromId, warnings };
}
