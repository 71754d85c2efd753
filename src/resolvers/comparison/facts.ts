import type { BenchmarkCategory } from '../../domain/benchmarks.js';
import type { CapabilityValues } from '../../domain/capabilities.js';
import type { PriceComponent } from '../../domain/pricing.js';
import type { OfferingStatus, ProviderStatus } from '../../domain/status.js';
import type { Decimal } from '../decimal.js';

/**
 * What the comparison math works on: plain facts, already fetched. Nothing
 * here knows about the database or GraphQL.
 */

export interface ProviderFact {
  id: number;
  slug: string;
  name: string;
  status: ProviderStatus;
}

export interface RouteFact {
  offeringId: number;
  provider: ProviderFact;
  status: OfferingStatus;
  /** Speed and tier tags; a "free" (rate-limited) tier is never a list price. */
  variants: string[];
  /**
   * Whether the route can be bought (and so be the cheapest), decided by the
   * database's one rule (src/db/queries/purchasable.ts): active route, active
   * provider, not a free tier. Never re-derived here.
   */
  purchasable: boolean;
  /** USD per 1M tokens in force at the comparison's date (the base price: standard tier, all day, any size); null when unknown. */
  input: Decimal | null;
  output: Decimal | null;
  /** Per 1M input tokens read from the prompt cache; null when not listed (cached reads are then billed as input). */
  cachedInput: Decimal | null;
  /** Per 1M input tokens written to the 5-minute prompt cache; null when not listed (billed as input). */
  cacheWrite5m: Decimal | null;
  /** The same price row's components beyond the base price (context tiers, time windows, service tiers, fees). */
  components: PriceComponent[];
  priceSourceId: number | null;
}

export interface BenchmarkFact {
  id: number;
  slug: string;
  name: string;
  higherIsBetter: boolean;
  /** What it measures; null when uncategorised. The use case weighs by it. */
  category: BenchmarkCategory | null;
}

/** One leaderboard at one version or release: scores compare only inside one. */
export interface EditionFact {
  id: number;
  slug: string;
  name: string;
  leaderboard: string;
  version: string | null;
  /** 'YYYY-MM-DD'; null when unknown (counts as the oldest). */
  publishedOn: string | null;
  /** False for labs' own reports (model cards). */
  independent: boolean;
  sourceId: number | null;
}

export interface ScoreFact {
  id: number;
  benchmark: BenchmarkFact;
  value: Decimal;
  setting: string | null;
  sourceId: number;
  /** The source's name, for sentences about scores that have no edition. */
  sourceName: string;
  /** Null for scores recorded before editions: those are grouped by source. */
  edition: EditionFact | null;
  /** Reasoning effort or thinking budget of the run ("high"); '' when none. */
  variant: string;
  /** The 95% interval, when the source gives one. */
  ciLow: Decimal | null;
  ciHigh: Decimal | null;
  /** True when the model's creator reported it; null when the source does not say. */
  selfReported: boolean | null;
}

export interface ModelFacts {
  id: number;
  slug: string;
  name: string;
  creatorName: string;
  releaseDate: string | null;
  contextWindow: number | null;
  license: string | null;
  openWeights: boolean | null;
  capabilities: CapabilityValues;
  decisionFit: string[];
  lastReviewed: string | null;
  sourceId: number | null;
  /** Every offering of the model, in catalog order. */
  routes: RouteFact[];
  scores: ScoreFact[];
}

/** Tokens a month, as many small requests with no cache (src/resolvers/cost/workload.ts, trafficWorkloads). */
export interface Traffic {
  inputTokens: bigint;
  outputTokens: bigint;
}

export interface VerdictWeights {
  quality: number;
  cost: number;
  availability: number;
  context: number;
}

export const DEFAULT_TRAFFIC: Traffic = { inputTokens: 700_000_000n, outputTokens: 300_000_000n };
export const DEFAULT_INPUT_SHARE = '0.7';
export const DEFAULT_WEIGHTS: VerdictWeights = { quality: 0.4, cost: 0.3, availability: 0.2, context: 0.1 };
