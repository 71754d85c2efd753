import type { BenchmarkCategory } from '../domain/benchmarks.js';
import type { PriceComponent } from '../domain/pricing.js';
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

/**
 * The date of a price the source states, without a date of its own, as the
 * price before its first dated change (genai-prices' undated first entry,
 * followed by entries with a start date): it has been in force since before
 * any date the source knows. It is the Unix epoch, 1970-01-01T00:00:00Z,
 * rather than '-infinity': effective_from is a timestamptz read as a JS Date
 * and served as a DateTime, and neither can hold an infinity. `asOf` before
 * the first change finds this price; `Price.effectiveFrom` reads 1970-01-01.
 */
export const PRICE_BEFORE_FIRST_CHANGE = '1970-01-01';

export interface PriceRecord {
  /**
   * The source's own date for the price; PRICE_BEFORE_FIRST_CHANGE for the
   * price before the source's first dated change; null when the source gives
   * no date at all, meaning "in force as of this import".
   */
  effectiveFrom: string | null;
  inputPerMTok: string | null;
  outputPerMTok: string | null;
  cacheReadPerMTok: string | null;
  cacheWritePerMTok: string | null;
  /** Components beyond the base price (tiers, time windows, service tiers, fees); absent when the source has none. */
  components?: PriceComponentRecord[];
}

/** A price component as a source states it: src/domain/pricing.ts's PriceComponent, with the threshold as a number. */
export type PriceComponentRecord = Omit<PriceComponent, 'tierThreshold'> & { tierThreshold: number | null };

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

/**
 * One score as its source publishes it. `model` is any id or name the
 * source uses for the model ("claude-3-5-sonnet-20241022", "Claude 3.5
 * Sonnet (Oct '24)"): the resolver finds the catalog's model by the identity
 * rules, and reports the rows it cannot place.
 */
export interface ScoreRecord {
  model: string;
  benchmark: string;
  /** The edition's slug; every importer names one (a model card is an edition too). */
  edition: string;
  /** Exactly as published, as a decimal string. */
  value: string;
  setting: string;
  /** Reasoning effort or thinking budget of the run ("high", "thinking-32k"); '' when none. */
  variant: string;
  ciLow: string | null;
  ciHigh: string | null;
  measuredOn: string | null;
  /** True when the model's own lab reported it; null when the source does not say. */
  selfReported: boolean | null;
  source: string;
}

export interface BenchmarkRecord {
  slug: string;
  name: string;
  category: BenchmarkCategory | null;
  url: string | null;
  /** Null bounds for an open scale (an Arena rating). */
  scaleMin: string | null;
  scaleMax: string | null;
  higherIsBetter: boolean;
  source: string;
}

/** One leaderboard at one version or release ("LMArena text, style control, 2025-12-11", "BFCL v3"). */
export interface EditionRecord {
  slug: string;
  name: string;
  leaderboard: string;
  version: string | null;
  publishedOn: string | null;
  /** False for labs' own reports (model cards and collections of them). */
  independent: boolean;
  /** The licence or attribution the data comes with. */
  licence: string | null;
  url: string | null;
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
  editions: EditionRecord[];
  scores: ScoreRecord[];
  /** Entries skipped with a reason (bad units, not a language model). */
  warnings: string[];
}

export function emptyBundle(): SourceBundle {
  return { sources: [], models: [], creators: [], aliases: [], routes: [], benchmarks: [], editions: [], scores: [], warnings: [] };
}
