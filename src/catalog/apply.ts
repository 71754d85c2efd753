import type { Db } from '../db/client.js';
import type { Dataset } from './dataset.js';
import { mergeModels } from './merge.js';
import type { Merge } from './resolve.js';
import { syncAliases } from './write/aliases.js';
import { type Counts, counts, inChunks } from './write/common.js';
import { syncOfferings } from './write/offerings.js';
import { syncPrices } from './write/prices.js';
import { syncScores } from './write/scores.js';
import { syncBenchmarks, syncCreators, syncEditions, syncModels, syncProviders } from './write/slugged.js';
import { syncSources } from './write/sources.js';
import { bumpCatalogVersion } from './version.js';

/**
 * Writes a validated dataset in one transaction, comparing it with what the
 * database holds so that only real changes are written and counted:
 * importing the same data twice changes nothing. Prices are history: a
 * changed price is a new row from its own date (or from this import), never
 * an update. A route this importer listed before and lists no more is
 * retired, never deleted. Any failure rolls the whole import back, and so
 * does aborting `signal` before the commit.
 *
 * Each table's writer is in write/: sources, slugged (creators, models,
 * providers, benchmarks), aliases, offerings (routes and retirement),
 * prices (history) and scores; merge.ts merges models the rules found to be one.
 */

export type { Counts };

export interface ApplyReport {
  sources: Counts;
  creators: Counts;
  models: Counts & { merged: number };
  aliases: Counts;
  providers: Counts;
  offerings: Counts & { retired: number };
  prices: Counts;
  benchmarks: Counts;
  editions: Counts;
  scores: Counts;
}

export interface ApplyOptions {
  /** Who lists these routes ("catalog", "models-dev", "seed-page"): the scope of retirement. */
  importer: string;
  /** The import's instant: undated prices take effect from it. */
  now: Date;
  /** Models the database holds that are one model with another (resolve.ts): merged first, losing nothing. */
  merges?: Merge[];
  onProgress?: (step: string, done: number, total: number) => void;
  /**
   * Aborted before the transaction commits, the import rolls back and throws
   * the signal's reason: it is checked as the transaction begins, between
   * steps and last just before the commit (a step is not cut midway).
   */
  signal?: AbortSignal;
  /**
   * 'writing' as the transaction begins; 'committing' once the last check has
   * passed: from then on the commit follows and the signal no longer stops it.
   */
  onPhase?: (phase: 'writing' | 'committing') => void;
}

export async function applyDataset(db: Db, dataset: Dataset, options: ApplyOptions): Promise<ApplyReport> {
  const progress = options.onProgress ?? (() => {});
  const signal = options.signal;
  /**
   * Between steps: gives the event loop a turn first, so that a signal's
   * handler runs (PGlite's queries resolve without one, so a whole
   * transaction could otherwise run before it), then stops if aborted.
   */
  const checkpoint = async () => {
    if (!signal) return;
    await new Promise((resolve) => setImmediate(resolve));
    signal.throwIfAborted();
  };
  await checkpoint();
  return db.transaction().execute(async (trx) => {
    options.onPhase?.('writing');
    const report: ApplyReport = {
      sources: counts(),
      creators: counts(),
      models: { ...counts(), merged: 0 },
      aliases: counts(),
      providers: counts(),
      offerings: { ...counts(), retired: 0 },
      prices: counts(),
      benchmarks: counts(),
      editions: counts(),
      scores: counts(),
    };
    const steps = 8;
    await checkpoint();
    progress('sources', 0, steps);
    const sourceIds = await syncSources(trx, dataset.sources, report.sources);
    const source = (key: string) => sourceIds.get(key)!;

    await checkpoint();
    progress('creators', 1, steps);
    const creatorIds = await syncCreators(trx, dataset.creators, source, report.creators);

    await checkpoint();
    progress('models', 2, steps);
    const modelIds = await syncModels(trx, dataset.models, creatorIds, source, report.models);
    const existingModels = await inChunks(dataset.existingModels, (slugs) =>
      trx.selectFrom('models').select(['id', 'slug']).where('slug', 'in', slugs).execute(),
    );
    for (const row of existingModels) modelIds.set(row.slug, row.id);
    report.models.merged = await mergeModels(trx, options.merges ?? [], modelIds);

    await syncAliases(trx, dataset.aliases, modelIds, sourceIds, report.aliases);

    await checkpoint();
    progress('providers', 3, steps);
    const providerIds = await syncProviders(trx, dataset.providers, source, report.providers);

    await checkpoint();
    progress('routes', 4, steps);
    const offeringIds = await syncOfferings(trx, dataset.offerings, { modelIds, providerIds, sourceIds }, options.importer, report.offerings);

    await checkpoint();
    progress('prices', 5, steps);
    await syncPrices(trx, dataset.offerings, offeringIds, sourceIds, options.now, report.prices);

    await checkpoint();
    progress('benchmarks', 6, steps);
    const benchmarkIds = await syncBenchmarks(trx, dataset.benchmarks, source, report.benchmarks);

    await checkpoint();
    progress('scores', 7, steps);
    const editionIds = await syncEditions(trx, dataset.editions, source, report.editions);
    await syncScores(trx, dataset.scores, { modelIds, benchmarkIds, editionIds, sourceIds }, report.scores);
    // Caches key on the catalog version: a write that changed anything bumps it
    // in this transaction, so it becomes visible together with the rows.
    if (catalogChanged(report)) await bumpCatalogVersion(trx);
    // The last check: past it nothing aborts, and returning commits.
    await checkpoint();
    progress('done', steps, steps);
    options.onPhase?.('committing');
    return report;
  });
}

/** True when the import added, changed, retired or merged anything. */
export function catalogChanged(report: ApplyReport): boolean {
  return Object.values(report).some((c: Counts & { retired?: number; merged?: number }) => c.added + c.changed + (c.retired ?? 0) + (c.merged ?? 0) > 0);
}
