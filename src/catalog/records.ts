import type { DatasetModel } from './dataset.js';

/**
 * What each source adapter produces before identity is resolved: facts as
 * the source states them, each with the source's key. The resolver
 * (resolve.ts) turns bundles into one Dataset.
 */

export interface SourceRecord {
  key: string;
  name: string;
  url: string | null;
  retrievedAt: string | null;
}

/** Model facts a source states; absent means the source does not say. */
export type ModelFacts = Partial<Omit<DatasetModel, 'slug' | 'creator' | 'source' | 'capabilities'>> & {
  capabilities?: Partial<DatasetModel['capabilities']>;
};

/** A model a source defines as such (a lab's own catalogue, curated data). */
export interface ModelDefinition {
  slug: string;
  creator: { slug: string; name?: string | null };
  facts: ModelFacts;
  aliases: string[];
  source: string;
  /** Only names and credits a model that routes or scores refer to; creates none by itself. */
  namesOnly?: boolean;
}

export interface ProviderRecord {
  slug: string;
  name: string;
  website: string | null;
  /** The creator whose own API this is ("openai" for OpenAI): its routes define models. */
  firstPartyCreator: string | null;
}

export interface PriceRecord {
  /** The source's own date for the price; null means "in force as of this import". */
  effectiveFrom: string | null;
  inputPerMTok: string | null;
  outputPerMTok: string | null;
  cacheReadPerMTok: string | null;
  cacheWritePerMTok: string | null;
}

/** One provider's listing of one model. */
export interface RouteRecord {
  provider: ProviderRecord;
  providerModelId: string;
  /** A model the source links the route to explicitly (models.dev base_model), if any. */
  baseModel: string | null;
  facts: ModelFacts;
  contextWindow: number | null;
  maxOutputTokens: number | null;
  deprecated: boolean;
  prices: PriceRecord[];
  source: string;
}

export interface ScoreRecord {
  model: string;
  benchmark: string;
  value: string;
  setting: string;
  source: string;
}

export interface BenchmarkRecord {
  slug: string;
  name: string;
  category: string | null;
  url: string | null;
  scaleMin: string;
  scaleMax: string;
  higherIsBetter: boolean;
  source: string;
}

/** A lab as it names itself: its display name and website, with the source. */
export interface CreatorRecord {
  slug: string;
  name: string;
  website: string | null;
  source: string;
}

/** Another id of a model, as a source states it (a lab's docs, a provider's listing). */
export interface AliasRecord {
  alias: string;
  model: string;
  source: string;
}

export interface SourceBundle {
  sources: SourceRecord[];
  models: ModelDefinition[];
  creators: CreatorRecord[];
  aliases: AliasRecord[];
  routes: RouteRecord[];
  benchmarks: BenchmarkRecord[];
  scores: ScoreRecord[];
  /** Entries skipped with a reason (bad units, not a language model). */
  warnings: string[];
}

export function emptyBundle(): SourceBundle {
  return { sources: [], models: [], creators: [], aliases: [], routes: [], benchmarks: [], scores: [], warnings: [] };
}
