import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { parseCsv } from '../csv.js';
import { type BenchmarkCategory, isBenchmarkCategory } from '../../domain/benchmarks.js';
import { toSlug } from '../providers.js';
import { type EditionRecord, emptyBundle, type SourceBundle, type SourceRecord } from '../records.js';

const curatedDirectory = new URL('../../../data/curated/', import.meta.url);

async function table(file: string): Promise<Record<string, string>[]> {
  return parseCsv(await readFile(new URL(file, curatedDirectory), 'utf8'), `data/curated/${file}`);
}

const NAME_ONLY_COLUMNS = ['family', 'total_parameters', 'active_parameters', 'architecture', 'license', 'open_weights', 'context_window', 'decision_fit'];
function category(text: string | undefined, benchmark: string): BenchmarkCategory | null {
  if (!text) return null;
  if (!isBenchmarkCategory(text)) throw new Error(`data/curated/benchmark-definitions.csv: benchmark "${benchmark}" has unknown category "${text}"`);
  return text;
}

const number = (text: string | undefined) => (text ? Number(text) : null);
const orNull = (text: string | undefined) => (text ? text : null);

/**
 * The project's own curated facts (data/curated/*.csv), each row with the
 * model card or paper it was read from: model specs, aliases, benchmark
 * definitions and scores. Curated facts outrank every other source.
 */
export async function readCurated(): Promise<SourceBundle> {
  const bundle = emptyBundle();
  const sources = new Map<string, SourceRecord>();
  const sourceKey = (name: string, url: string | null = null, retrievedAt: string | null = null) => {
    const key = `curated:${name}${url ? ` <${url}>` : ''}`;
    if (!sources.has(key)) sources.set(key, { key, name, url, retrievedAt });
    return key;
  };

  for (const row of await table('models.csv')) {
    bundle.models.push({
      slug: row.slug!,
      creator: { slug: row.creator! },
      facts: {
        name: row.name,
        family: orNull(row.family),
        totalParameters: number(row.total_parameters),
        activeParameters: number(row.active_parameters),
        architecture: orNull(row.architecture),
        license: orNull(row.license),
        openWeights: row.open_weights ? row.open_weights === 'true' : null,
        contextWindow: number(row.context_window),
        decisionFit: row.decision_fit ? row.decision_fit.split(';').map((t) => t.trim()).filter(Boolean) : undefined,
        lastReviewed: orNull(row.retrieved),
      },
      aliases: [],
      source: sourceKey(row.source_name!, orNull(row.source_url), orNull(row.retrieved)),
      // A row with nothing but a name and a creator names a model; one with specs defines it.
      namesOnly: NAME_ONLY_COLUMNS.every((column) => !row[column]),
    });
  }
  for (const row of await table('creators.csv')) {
    bundle.creators.push({ slug: row.slug!, name: row.name!, website: orNull(row.website), source: sourceKey(row.source_name!) });
  }
  // An alias may name any model a source defines (curated, a lab file, a provider listing); one no source defines is reported at import.
  for (const row of await table('aliases.csv')) {
    bundle.aliases.push({ alias: row.alias!, model: row.model_slug!, source: sourceKey(row.source_name!) });
  }
  for (const row of await table('benchmark-definitions.csv')) {
    bundle.benchmarks.push({
      slug: row.slug!,
      name: row.name!,
      category: category(row.category, row.slug!),
      url: orNull(row.url),
      scaleMin: row.scale_min || '0',
      scaleMax: row.scale_max || '100',
      higherIsBetter: row.higher_is_better !== 'false',
      source: sourceKey(row.source_name!, orNull(row.url)),
    });
  }
  // Each model card (or paper) is an edition of its own, and self-reported: its scores are the lab's.
  const editions = new Map<string, EditionRecord>();
  for (const row of await table('benchmarks.csv')) {
    const source = sourceKey(row.source!);
    if (!editions.has(source)) {
      editions.set(source, {
        // Readable, and unique: two cards' long names may share their first words.
        slug: `card-${toSlug(row.source!).slice(0, 60).replace(/[-.]+$/, '')}-${createHash('sha256').update(row.source!).digest('hex').slice(0, 8)}`,
        name: `Model card: ${row.source}`,
        leaderboard: 'Labs’ model cards',
        version: null,
        publishedOn: null,
        independent: false,
        licence: null,
        url: null,
        source,
      });
    }
    bundle.scores.push({
      model: row.model_slug!,
      benchmark: row.benchmark_slug!,
      edition: editions.get(source)!.slug,
      value: row.score!,
      setting: row.setting ?? '',
      variant: '',
      ciLow: null,
      ciHigh: null,
      measuredOn: null,
      selfReported: true,
      source,
    });
  }
  bundle.editions.push(...editions.values());
  bundle.sources.push(...sources.values());
  return bundle;
}
