import { sql, type Transaction } from 'kysely';
import type { Db } from '../db/client.js';
import type { Database } from '../db/database.js';
import { Decimal } from '../resolvers/decimal.js';
import type { Dataset } from './dataset.js';
import { mergeModels } from './merge.js';
import type { Merge } from './resolve.js';

/**
 * Writes a validated dataset in one transaction, comparing it with what the
 * database holds so that only real changes are written and counted:
 * importing the same data twice changes nothing. Prices are history: a
 * changed price is a new row from its own date (or from this import), never
 * an update. A route this importer listed before and lists no more is
 * retired, never deleted. Any failure rolls the whole import back.
 */

export interface Counts {
  added: number;
  changed: number;
  unchanged: number;
}

export interface ApplyReport {
  sources: Counts;
  creators: Counts;
  models: Counts & { merged: number };
  aliases: Counts;
  providers: Counts;
  offerings: Counts & { retired: number };
  prices: Counts;
  benchmarks: Counts;
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

type Trx = Transaction<Database>;
type Row = Record<string, unknown>;

const counts = (): Counts => ({ added: 0, changed: 0, unchanged: 0 });
const CHUNK = 500;

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
      scores: counts(),
    };
    const steps = 8;
    progress('sources', 0, steps);
    const sourceIds = await syncSources(trx, dataset, report.sources);
    const source = (key: string) => sourceIds.get(key)!;

    progress('creators', 1, steps);
    const creatorIds = await syncBySlug(
      trx,
      'creators',
      dataset.creators.map((c) => ({ slug: c.slug, name: c.name, website: c.website, source_id: source(c.source) })),
      report.creators,
    );

    progress('models', 2, steps);
    const modelIds = await syncBySlug(
      trx,
      'models',
      dataset.models.map((m) => ({
        slug: m.slug,
        name: m.name,
        family: m.family,
        creator_id: creatorIds.get(m.creator)!,
        release_date: m.releaseDate,
        context_window: m.contextWindow,
        max_output_tokens: m.maxOutputTokens,
        total_parameters: m.totalParameters,
        active_parameters: m.activeParameters,
        architecture: m.architecture,
        license: m.license,
        open_weights: m.openWeights,
        ...cutoffColumns(m.knowledgeCutoff),
        input_modalities: m.inputModalities,
        output_modalities: m.outputModalities,
        vision: m.capabilities.vision,
        multimodal: m.capabilities.multimodal,
        reasoning: m.capabilities.reasoning,
        function_calling: m.capabilities.functionCalling,
        tool_use: m.capabilities.toolUse,
        structured_outputs: m.capabilities.structuredOutputs,
        code_execution: m.capabilities.codeExecution,
        decision_fit: m.decisionFit,
        status: m.status,
        deprecation_date: m.deprecationDate,
        last_reviewed: m.lastReviewed,
        source_id: source(m.source),
      })),
      report.models,
      true,
    );
    const existingModels = await inChunks(dataset.existingModels, (slugs) => trx.selectFrom('models').select(['id', 'slug']).where('slug', 'in', slugs).execute());
    for (const row of existingModels) modelIds.set(row.slug, row.id);
    report.models.merged = await mergeModels(trx, options.merges ?? [], modelIds);

    await syncAliases(trx, dataset, modelIds, sourceIds, report.aliases);

    progress('providers', 3, steps);
    const providerIds = await syncBySlug(
      trx,
      'providers',
      dataset.providers.map((p) => ({ slug: p.slug, name: p.name, website: p.website, status: p.status, source_id: source(p.source) })),
      report.providers,
    );

    progress('routes', 4, steps);
    const offeringIds = await syncOfferings(trx, dataset, { modelIds, providerIds, sourceIds }, options.importer, report.offerings);

    progress('prices', 5, steps);
    await syncPrices(trx, dataset, offeringIds, sourceIds, options.now, report.prices);

    progress('benchmarks', 6, steps);
    const benchmarkIds = await syncBySlug(
      trx,
      'benchmarks',
      dataset.benchmarks.map((b) => ({
        slug: b.slug,
        name: b.name,
        category: b.category,
        description: b.description,
        url: b.url,
        scale_min: b.scaleMin,
        scale_max: b.scaleMax,
        higher_is_better: b.higherIsBetter,
        source_id: source(b.source),
      })),
      report.benchmarks,
    );

    progress('scores', 7, steps);
    await syncScores(trx, dataset, { modelIds, benchmarkIds, sourceIds }, report.scores);
    progress('done', steps, steps);
    return report;
  });
}

/** Equal as the database would store them: decimals by value, arrays and dates by content. */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || a === undefined || b === undefined) return (a ?? null) === (b ?? null);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i]));
  if (a instanceof Date || b instanceof Date) return new Date(a as string).getTime() === new Date(b as string).getTime();
  if (typeof a === 'string' && typeof b === 'string' && /^-?\d+(\.\d+)?$/.test(a) && /^-?\d+(\.\d+)?$/.test(b)) {
    return Decimal.from(a).equals(Decimal.from(b));
  }
  return false;
}

function changedColumns(existing: Row, wanted: Row): Row {
  return Object.fromEntries(Object.entries(wanted).filter(([column, value]) => !same(existing[column], value)));
}

async function insertChunks<T extends keyof Database>(trx: Trx, table: T, rows: Row[], returning: string[]): Promise<Row[]> {
  const inserted: Row[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    const result = await trx
      .insertInto(table)
      .values(rows.slice(i, i + CHUNK) as never)
      .returning(returning as never)
      .execute();
    inserted.push(...(result as Row[]));
  }
  return inserted;
}

async function syncSources(trx: Trx, dataset: Dataset, report: Counts): Promise<Map<string, number>> {
  const existing = await trx.selectFrom('sources').selectAll().execute();
  const ids = new Map<string, number>();
  for (const s of dataset.sources) {
    const found = existing.find((e) => e.name === s.name && e.url === s.url);
    if (!found) {
      const [row] = await insertChunks(trx, 'sources', [{ name: s.name, url: s.url, retrieved_at: s.retrievedAt }], ['id']);
      ids.set(s.key, row!.id as number);
      report.added++;
    } else {
      ids.set(s.key, found.id);
      if (s.retrievedAt !== null && !same(found.retrieved_at, s.retrievedAt)) {
        await trx.updateTable('sources').set({ retrieved_at: s.retrievedAt }).where('id', '=', found.id).execute();
        report.changed++;
      } else report.unchanged++;
    }
  }
  return ids;
}

type SlugTable = 'creators' | 'models' | 'providers' | 'benchmarks';

/** Inserts new slugs in bulk and updates only the columns that changed; returns slug → id. */
async function syncBySlug(trx: Trx, table: SlugTable, rows: (Row & { slug: string })[], report: Counts, touch = false) {
  const ids = new Map<string, number>();
  if (rows.length === 0) return ids;
  const existing = new Map<string, Row>();
  for (let i = 0; i < rows.length; i += CHUNK) {
    const found = await trx
      .selectFrom(table as SlugTable)
      .selectAll()
      .where('slug', 'in', rows.slice(i, i + CHUNK).map((r) => r.slug))
      .execute();
    for (const row of found) existing.set(row.slug, row as Row);
  }
  const fresh: Row[] = [];
  for (const row of rows) {
    const current = existing.get(row.slug);
    if (!current) {
      fresh.push(row);
      continue;
    }
    ids.set(row.slug, current.id as number);
    const changes = changedColumns(current, row);
    if (Object.keys(changes).length === 0) {
      report.unchanged++;
      continue;
    }
    await trx
      .updateTable(table as SlugTable)
      .set({ ...changes, ...(touch ? { updated_at: sql`now()` } : {}) } as never)
      .where('id', '=', current.id as number)
      .execute();
    report.changed++;
  }
  for (const row of await insertChunks(trx, table, fresh, ['id', 'slug'])) ids.set(row.slug as string, row.id as number);
  report.added += fresh.length;
  return ids;
}

/** Every alias the dataset states, on the model it names now: an alias that named another model moves. */
async function syncAliases(trx: Trx, dataset: Dataset, modelIds: Map<string, number>, sourceIds: Map<string, number>, report: Counts) {
  const wanted = new Map<string, { model_id: number; alias: string; source_id: number }>();
  for (const a of dataset.aliases) {
    const alias = a.alias.trim().toLowerCase();
    wanted.set(alias, { model_id: modelIds.get(a.model)!, alias, source_id: sourceIds.get(a.source)! });
  }
  const found = await inChunks([...wanted.keys()], (aliases) => trx.selectFrom('model_aliases').selectAll().where('alias', 'in', aliases).execute());
  const existing = new Map(found.map((row) => [row.alias, row]));
  const fresh = [];
  for (const row of wanted.values()) {
    const current = existing.get(row.alias);
    if (!current) fresh.push(row);
    else if (current.model_id !== row.model_id) {
      await trx.updateTable('model_aliases').set({ model_id: row.model_id, source_id: row.source_id }).where('id', '=', current.id).execute();
      report.changed++;
    } else report.unchanged++;
  }
  for (let i = 0; i < fresh.length; i += CHUNK) await trx.insertInto('model_aliases').values(fresh.slice(i, i + CHUNK)).execute();
  report.added += fresh.length;
}

/** Reads in chunks: a statement takes a bounded number of parameters. */
async function inChunks<T>(values: string[], read: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const rows: T[] = [];
  for (let i = 0; i < values.length; i += CHUNK) rows.push(...(await read(values.slice(i, i + CHUNK))));
  return rows;
}

/** A route is one provider's id for one model; with no id, one route per provider and model. */
function routeKey(providerId: number, providerModelId: string | null, modelId: number): string {
  return providerModelId === null ? `${providerId}\u0000model:${modelId}` : `${providerId}\u0000${providerModelId}`;
}

async function syncOfferings(
  trx: Trx,
  dataset: Dataset,
  ids: { modelIds: Map<string, number>; providerIds: Map<string, number>; sourceIds: Map<string, number> },
  importer: string,
  report: Counts & { retired: number },
): Promise<Map<number, number>> {
  const existing = new Map<string, Row>();
  const providerIds = [...new Set(ids.providerIds.values())];
  if (providerIds.length > 0) {
    const rows = await trx.selectFrom('offerings').selectAll().where('provider_id', 'in', providerIds).execute();
    for (const row of rows) existing.set(routeKey(row.provider_id, row.provider_model_id, row.model_id), row as Row);
  }
  const byIndex = new Map<number, number>();
  const fresh: { index: number; row: Row }[] = [];
  const listed = new Set<number>();
  for (const [index, o] of dataset.offerings.entries()) {
    const row = {
      model_id: ids.modelIds.get(o.model)!,
      provider_id: ids.providerIds.get(o.provider)!,
      provider_model_id: o.providerModelId,
      quantization: o.quantization,
      variants: o.variants,
      context_window: o.contextWindow,
      max_output_tokens: o.maxOutputTokens,
      status: o.status,
      source_id: ids.sourceIds.get(o.source)!,
      listed_by: importer,
    };
    const current = existing.get(routeKey(row.provider_id, row.provider_model_id, row.model_id));
    if (!current) {
      fresh.push({ index, row });
      continue;
    }
    byIndex.set(index, current.id as number);
    listed.add(current.id as number);
    const changes = changedColumns(current, row);
    if (Object.keys(changes).length === 0) report.unchanged++;
    else {
      await trx.updateTable('offerings').set({ ...changes, updated_at: sql`now()` } as never).where('id', '=', current.id as number).execute();
      report.changed++;
    }
  }
  const inserted = await insertChunks(trx, 'offerings', fresh.map((f) => f.row), ['id']);
  inserted.forEach((row, i) => byIndex.set(fresh[i]!.index, row.id as number));
  report.added += fresh.length;

  // Routes this importer listed before and lists no more.
  const gone = [...existing.values()]
    .filter((row) => row.listed_by === importer && row.status !== 'retired' && !listed.has(row.id as number))
    .map((row) => row.id as number);
  for (let i = 0; i < gone.length; i += CHUNK) {
    await trx.updateTable('offerings').set({ status: 'retired', updated_at: sql`now()` }).where('id', 'in', gone.slice(i, i + CHUNK)).execute();
  }
  report.retired += gone.length;
  return byIndex;
}

const PRICE_COLUMNS = ['input_per_mtok', 'output_per_mtok', 'cache_read_per_mtok', 'cache_write_per_mtok'] as const;

async function syncPrices(
  trx: Trx,
  dataset: Dataset,
  offeringIds: Map<number, number>,
  sourceIds: Map<string, number>,
  now: Date,
  report: Counts,
) {
  const ids = [...new Set(offeringIds.values())];
  const history = new Map<number, Row[]>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await trx
      .selectFrom('prices')
      .selectAll()
      .where('offering_id', 'in', ids.slice(i, i + CHUNK))
      .orderBy('effective_from')
      .execute();
    for (const row of rows) {
      if (!history.has(row.offering_id)) history.set(row.offering_id, []);
      history.get(row.offering_id)!.push(row as Row);
    }
  }
  const fresh: Row[] = [];
  for (const [index, o] of dataset.offerings.entries()) {
    const offeringId = offeringIds.get(index)!;
    const rows = history.get(offeringId) ?? [];
    for (const p of o.prices) {
      const values = {
        input_per_mtok: p.inputPerMTok,
        output_per_mtok: p.outputPerMTok,
        cache_read_per_mtok: p.cacheReadPerMTok,
        cache_write_per_mtok: p.cacheWritePerMTok,
      };
      let effectiveFrom: Date;
      if (p.effectiveFrom !== null) {
        effectiveFrom = new Date(p.effectiveFrom.length === 10 ? `${p.effectiveFrom}T00:00:00Z` : p.effectiveFrom);
        // A dated price is recorded once; the history is never rewritten.
        if (rows.some((r) => same(r.effective_from, effectiveFrom))) {
          report.unchanged++;
          continue;
        }
      } else {
        const inForce = [...rows].reverse().find((r) => (r.effective_from as Date).getTime() <= now.getTime());
        if (inForce && PRICE_COLUMNS.every((c) => same(inForce[c], values[c]))) {
          report.unchanged++;
          continue;
        }
        effectiveFrom = now;
      }
      const row = { offering_id: offeringId, effective_from: effectiveFrom, currency: p.currency, ...values, source_id: sourceIds.get(p.source)! };
      rows.push(row);
      rows.sort((a, b) => (a.effective_from as Date).getTime() - (b.effective_from as Date).getTime());
      fresh.push(row);
      report[inForceBefore(rows, row) ? 'changed' : 'added']++;
    }
    history.set(offeringId, rows);
  }
  await insertChunks(trx, 'prices', fresh, ['id']);
}

/** Whether the route had a price before this one: then the new row is a change, else a first price. */
function inForceBefore(rows: Row[], row: Row): boolean {
  return rows.some((r) => r !== row && (r.effective_from as Date).getTime() < (row.effective_from as Date).getTime());
}

async function syncScores(
  trx: Trx,
  dataset: Dataset,
  ids: { modelIds: Map<string, number>; benchmarkIds: Map<string, number>; sourceIds: Map<string, number> },
  report: Counts,
) {
  if (dataset.scores.length === 0) return;
  const modelIds = [...new Set(dataset.scores.map((s) => ids.modelIds.get(s.model)!))];
  const existing = new Map<string, Row>();
  for (let i = 0; i < modelIds.length; i += CHUNK) {
    const rows = await trx.selectFrom('scores').selectAll().where('model_id', 'in', modelIds.slice(i, i + CHUNK)).execute();
    for (const row of rows) existing.set(`${row.model_id}/${row.benchmark_id}/${row.source_id}/${row.setting}`, row as Row);
  }
  const fresh: Row[] = [];
  const seen = new Set<string>();
  for (const s of dataset.scores) {
    const row = {
      model_id: ids.modelIds.get(s.model)!,
      benchmark_id: ids.benchmarkIds.get(s.benchmark)!,
      value: s.value,
      setting: s.setting,
      source_id: ids.sourceIds.get(s.source)!,
      measured_on: s.measuredOn,
      self_reported: s.selfReported,
    };
    const key = `${row.model_id}/${row.benchmark_id}/${row.source_id}/${row.setting}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const current = existing.get(key);
    if (!current) {
      fresh.push(row);
      continue;
    }
    const changes = changedColumns(current, row);
    if (Object.keys(changes).length === 0) report.unchanged++;
    else {
      await trx.updateTable('scores').set(changes as never).where('id', '=', current.id as number).execute();
      report.changed++;
    }
  }
  await insertChunks(trx, 'scores', fresh, ['id']);
  report.added += fresh.length;
}

/** '2023-12' → first day of the month, with 'month' precision. */
function cutoffColumns(cutoff: string | null) {
  if (cutoff === null) return { knowledge_cutoff: null, knowledge_cutoff_precision: null };
  const parts = cutoff.split('-');
  const precision = (['year', 'month', 'day'] as const)[parts.length - 1]!;
  const [year, month = '01', day = '01'] = parts;
  return { knowledge_cutoff: `${year}-${month}-${day}`, knowledge_cutoff_precision: precision };
}
