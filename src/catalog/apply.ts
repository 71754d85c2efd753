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

/**
 * Writes a validated dataset in one transaction, comparing it with what the
 * database holds so that only real changes are written and counted:
 * importing the same data twice changes nothing. Prices are history: a
 * changed price is a new row from its own date (or from this import), never
 * an update. A route this importer listed before and lists no more is
 * retired, never deleted. Any failure rolls the whole import back.
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
}

export async function applyDataset(db: Db, dataset: Dataset, options: ApplyOptions): Promise<ApplyReport> {
  const progress = options.onProgress ?? (() => {});
  return db.transaction().execute(async (trx) => {
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
    progress('sources', 0, steps);
    const sourceIds = await syncSources(trx, dataset.sources, report.sources);
    const source = (key: string) => sourceIds.get(key)!;

    progress('creators', 1, steps);
    const creatorIds = await syncCreators(trx, dataset.creators, source, report.creators);

    progress('models', 2, steps);
    const modelIds = await syncModels(trx, dataset.models, creatorIds, source, report.models);
    const existingModels = await inChunks(dataset.existingModels, (slugs) =>
      trx.selectFrom('models').select(['id', 'slug']).where('slug', 'in', slugs).execute(),
    );
    for (const row of existingModels) modelIds.set(row.slug, row.id);
    report.models.merged = await mergeModels(trx, options.merges ?? [], modelIds);

    await syncAliases(trx, dataset.aliases, modelIds, sourceIds, report.aliases);

    progress('providers', 3, steps);
    const providerIds = await syncProviders(trx, dataset.providers, source, report.providers);

    progress('routes', 4, steps);
    const offeringIds = await syncOfferings(trx, dataset.offerings, { modelIds, providerIds, sourceIds }, options.importer, report.offerings);

    progress('prices', 5, steps);
    await syncPrices(trx, dataset.offerings, offeringIds, sourceIds, options.now, report.prices);

    progress('benchmarks', 6, steps);
    const benchmarkIds = await syncBenchmarks(trx, dataset.benchmarks, source, report.benchmarks);

    progress('scores', 7, steps);
    const editionIds = await syncEditions(trx, dataset.editions, source, report.editions);
    await syncScores(trx, dataset.scores, { modelIds, benchmarkIds, editionIds, sourceIds }, report.scores);
    progress('done', steps, steps);
    return report;
  });
}
