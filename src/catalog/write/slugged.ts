import { type Insertable, sql } from 'kysely';
import type { Database } from '../../db/database.js';
import { capabilityColumns } from '../../domain/capabilities.js';
import type { Dataset } from '../dataset.js';
import { changedColumns, chunks, type Counts, inChunks, isEmpty, type Trx } from './common.js';

/**
 * The tables keyed by slug (creators, models, providers, benchmarks, editions): new
 * slugs are inserted in bulk, known ones updated in only the columns that
 * changed. Each returns slug → id.
 */

type SourceId = (key: string) => number;

/** The three statements a slugged table needs, written against its own table so Kysely checks them. */
interface SluggedTable<Row extends { slug: string }> {
  find(slugs: string[]): Promise<(Record<keyof Row, unknown> & { id: number; slug: string })[]>;
  update(id: number, changes: Partial<Row>): Promise<unknown>;
  insert(rows: Row[]): Promise<{ id: number; slug: string }[]>;
}

async function syncBySlug<Row extends { slug: string }>(rows: Row[], report: Counts, table: SluggedTable<Row>): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  if (rows.length === 0) return ids;
  const existing = new Map((await inChunks(rows.map((r) => r.slug), table.find)).map((row) => [row.slug, row]));
  const fresh: Row[] = [];
  for (const row of rows) {
    const current = existing.get(row.slug);
    if (!current) {
      fresh.push(row);
      continue;
    }
    ids.set(row.slug, current.id);
    const changes = changedColumns(current, row);
    if (isEmpty(changes)) {
      report.unchanged++;
      continue;
    }
    await table.update(current.id, changes);
    report.changed++;
  }
  for (const chunk of chunks(fresh)) for (const row of await table.insert(chunk)) ids.set(row.slug, row.id);
  report.added += fresh.length;
  return ids;
}

export function syncCreators(trx: Trx, creators: Dataset['creators'], source: SourceId, report: Counts) {
  const rows = creators.map(
    (c): Insertable<Database['creators']> => ({ slug: c.slug, name: c.name, website: c.website, source_id: source(c.source) }),
  );
  return syncBySlug(rows, report, {
    find: (slugs) => trx.selectFrom('creators').selectAll().where('slug', 'in', slugs).execute(),
    update: (id, changes) => trx.updateTable('creators').set(changes).where('id', '=', id).execute(),
    insert: (chunk) => trx.insertInto('creators').values(chunk).returning(['id', 'slug']).execute(),
  });
}

/** An import's update moves a curated row's version on too, so a curator's update based on the row before it is refused. */
export const nextVersion = sql<number>`version + 1`;

/** Models; `creatorIds` maps the dataset's creator slugs. A changed model's `updated_at` is touched. */
export function syncModels(trx: Trx, models: Dataset['models'], creatorIds: Map<string, number>, source: SourceId, report: Counts) {
  const rows = models.map(
    (m): Insertable<Database['models']> => ({
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
      ...capabilityColumns(m.capabilities),
      decision_fit: m.decisionFit,
      status: m.status,
      deprecation_date: m.deprecationDate,
      last_reviewed: m.lastReviewed,
      source_id: source(m.source),
    }),
  );
  return syncBySlug(rows, report, {
    find: (slugs) => trx.selectFrom('models').selectAll().where('slug', 'in', slugs).execute(),
    update: (id, changes) => trx.updateTable('models').set({ ...changes, updated_at: sql`now()`, version: nextVersion }).where('id', '=', id).execute(),
    insert: (chunk) => trx.insertInto('models').values(chunk).returning(['id', 'slug']).execute(),
  });
}

export function syncProviders(trx: Trx, providers: Dataset['providers'], source: SourceId, report: Counts) {
  const rows = providers.map(
    (p): Insertable<Database['providers']> => ({
      slug: p.slug,
      name: p.name,
      website: p.website,
      status: p.status,
      source_id: source(p.source),
    }),
  );
  return syncBySlug(rows, report, {
    find: (slugs) => trx.selectFrom('providers').selectAll().where('slug', 'in', slugs).execute(),
    update: (id, changes) => trx.updateTable('providers').set({ ...changes, version: nextVersion }).where('id', '=', id).execute(),
    insert: (chunk) => trx.insertInto('providers').values(chunk).returning(['id', 'slug']).execute(),
  });
}

export function syncBenchmarks(trx: Trx, benchmarks: Dataset['benchmarks'], source: SourceId, report: Counts) {
  const rows = benchmarks.map(
    (b): Insertable<Database['benchmarks']> => ({
      slug: b.slug,
      name: b.name,
      category: b.category,
      description: b.description,
      url: b.url,
      scale_min: b.scaleMin,
      scale_max: b.scaleMax,
      higher_is_better: b.higherIsBetter,
      source_id: source(b.source),
    }),
  );
  return syncBySlug(rows, report, {
    find: (slugs) => trx.selectFrom('benchmarks').selectAll().where('slug', 'in', slugs).execute(),
    update: (id, changes) => trx.updateTable('benchmarks').set(changes).where('id', '=', id).execute(),
    insert: (chunk) => trx.insertInto('benchmarks').values(chunk).returning(['id', 'slug']).execute(),
  });
}

/** '2023-12' → first day of the month, with 'month' precision. */
export function cutoffColumns(cutoff: string | null) {
  if (cutoff === null) return { knowledge_cutoff: null, knowledge_cutoff_precision: null };
  const parts = cutoff.split('-');
  const precision = (['year', 'month', 'day'] as const)[parts.length - 1]!;
  const [year, month = '01', day = '01'] = parts;
  return { knowledge_cutoff: `${year}-${month}-${day}`, knowledge_cutoff_precision: precision };
}

/** Editions: one leaderboard at one version or release. */
export function syncEditions(trx: Trx, editions: Dataset['editions'], source: SourceId, report: Counts) {
  const rows = editions.map(
    (e): Insertable<Database['editions']> => ({
      slug: e.slug,
      name: e.name,
      leaderboard: e.leaderboard,
      version: e.version,
      published_on: e.publishedOn,
      independent: e.independent,
      licence: e.licence,
      url: e.url,
      source_id: source(e.source),
    }),
  );
  return syncBySlug(rows, report, {
    find: (slugs) => trx.selectFrom('editions').selectAll().where('slug', 'in', slugs).execute(),
    update: (id, changes) => trx.updateTable('editions').set(changes).where('id', '=', id).execute(),
    insert: (chunk) => trx.insertInto('editions').values(chunk).returning(['id', 'slug']).execute(),
  });
}
