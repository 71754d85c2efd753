import { sql } from 'kysely';
import type { Db } from '../db/client.js';
import type { Dataset } from './dataset.js';

export interface UpsertCounts {
  sources: number;
  creators: number;
  models: number;
  providers: number;
  offerings: number;
  prices: number;
  benchmarks: number;
  scores: number;
}

/**
 * Writes a validated dataset in one transaction, keyed on natural keys
 * (slugs, provider route ids), so running it twice leaves one copy. Prices are
 * history: a row for an (offering, effective date) that exists is left as it is.
 */
export async function upsertDataset(db: Db, dataset: Dataset): Promise<UpsertCounts> {
  return db.transaction().execute(async (trx) => {
    const sourceIds = new Map<string, number>();
    for (const s of dataset.sources) {
      const row = await trx
        .insertInto('sources')
        .values({ name: s.name, url: s.url, retrieved_at: s.retrievedAt })
        .onConflict((oc) =>
          oc.columns(['name', 'url']).doUpdateSet({ retrieved_at: (eb) => eb.ref('excluded.retrieved_at') }),
        )
        .returning('id')
        .executeTakeFirstOrThrow();
      sourceIds.set(s.key, row.id);
    }
    const sourceId = (key: string) => sourceIds.get(key)!;

    const creatorIds = await upsertBySlug(
      trx,
      'creators',
      dataset.creators.map((c) => ({ slug: c.slug, name: c.name, website: c.website, source_id: sourceId(c.source) })),
    );

    const modelIds = await upsertBySlug(
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
        source_id: sourceId(m.source),
      })),
    );

    const aliases = dataset.models.flatMap((m) =>
      m.aliases.map((alias) => ({
        model_id: modelIds.get(m.slug)!,
        alias: alias.trim().toLowerCase(),
        source_id: sourceId(m.source),
      })),
    );
    if (aliases.length > 0) {
      await trx
        .insertInto('model_aliases')
        .values(aliases)
        .onConflict((oc) => oc.column('alias').doNothing())
        .execute();
    }

    const providerIds = await upsertBySlug(
      trx,
      'providers',
      dataset.providers.map((p) => ({
        slug: p.slug,
        name: p.name,
        website: p.website,
        status: p.status,
        source_id: sourceId(p.source),
      })),
    );

    let prices = 0;
    for (const o of dataset.offerings) {
      const values = {
        model_id: modelIds.get(o.model)!,
        provider_id: providerIds.get(o.provider)!,
        provider_model_id: o.providerModelId,
        quantization: o.quantization,
        context_window: o.contextWindow,
        max_output_tokens: o.maxOutputTokens,
        status: o.status,
        source_id: sourceId(o.source),
      };
      const { model_id, provider_id, provider_model_id, ...updates } = values;
      const offering = await trx
        .insertInto('offerings')
        .values(values)
        .onConflict((oc) =>
          (o.providerModelId === null
            ? oc.columns(['provider_id', 'model_id']).where('provider_model_id', 'is', null)
            : oc.columns(['provider_id', 'provider_model_id'])
          ).doUpdateSet({ ...updates, updated_at: sql<Date>`now()` }),
        )
        .returning('id')
        .executeTakeFirstOrThrow();
      if (o.prices.length === 0) continue;
      const inserted = await trx
        .insertInto('prices')
        .values(
          o.prices.map((p) => ({
            offering_id: offering.id,
            effective_from: p.effectiveFrom,
            currency: p.currency,
            input_per_mtok: p.inputPerMTok,
            output_per_mtok: p.outputPerMTok,
            cache_read_per_mtok: p.cacheReadPerMTok,
            cache_write_per_mtok: p.cacheWritePerMTok,
            source_id: sourceId(p.source),
          })),
        )
        .onConflict((oc) => oc.columns(['offering_id', 'effective_from']).doNothing())
        .returning('id')
        .execute();
      prices += inserted.length;
    }

    const benchmarkIds = await upsertBySlug(
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
        source_id: sourceId(b.source),
      })),
    );

    if (dataset.scores.length > 0) {
      await trx
        .insertInto('scores')
        .values(
          dataset.scores.map((s) => ({
            model_id: modelIds.get(s.model)!,
            benchmark_id: benchmarkIds.get(s.benchmark)!,
            value: s.value,
            setting: s.setting,
            source_id: sourceId(s.source),
            measured_on: s.measuredOn,
            self_reported: s.selfReported,
          })),
        )
        .onConflict((oc) =>
          oc.columns(['model_id', 'benchmark_id', 'source_id', 'setting']).doUpdateSet((eb) => ({
            value: eb.ref('excluded.value'),
            measured_on: eb.ref('excluded.measured_on'),
            self_reported: eb.ref('excluded.self_reported'),
          })),
        )
        .execute();
    }

    return {
      sources: sourceIds.size,
      creators: creatorIds.size,
      models: modelIds.size,
      providers: providerIds.size,
      offerings: dataset.offerings.length,
      prices,
      benchmarks: benchmarkIds.size,
      scores: dataset.scores.length,
    };
  });
}

type SlugTable = 'creators' | 'models' | 'providers' | 'benchmarks';

/** Inserts or updates rows by slug in one statement; returns slug → id. */
async function upsertBySlug<T extends SlugTable>(
  db: Db,
  table: T,
  rows: ({ slug: string } & Record<string, unknown>)[],
): Promise<Map<string, number>> {
  if (rows.length === 0) return new Map();
  const columns = Object.keys(rows[0]!).filter((c) => c !== 'slug');
  const result = await db
    .insertInto(table as SlugTable)
    .values(rows as never)
    .onConflict((oc) =>
      oc.column('slug').doUpdateSet(
        Object.fromEntries(columns.map((c) => [c, sql.ref(`excluded.${c}`)])) as never,
      ),
    )
    .returning(['id', 'slug'])
    .execute();
  return new Map(result.map((r) => [r.slug, r.id]));
}

/** '2023-12' → first day of the month, with 'month' precision. */
function cutoffColumns(cutoff: string | null) {
  if (cutoff === null) return { knowledge_cutoff: null, knowledge_cutoff_precision: null };
  const parts = cutoff.split('-');
  const precision = (['year', 'month', 'day'] as const)[parts.length - 1]!;
  const [year, month = '01', day = '01'] = parts;
  return { knowledge_cutoff: `${year}-${month}-${day}`, knowledge_cutoff_precision: precision };
}
