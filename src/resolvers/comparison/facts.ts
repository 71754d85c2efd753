import type { CapabilityValues } from '../../domain/capabilities.js';
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
  /** USD per 1M tokens in force at the comparison's date; null when unknown. */
  input: Decimal | null;
  output: Decimal | null;
  priceSourceId: number | null;
}

export interface BenchmarkFact {
  id: number;
  slug: string;
  name: string;
  higherIsBetter: boolean;
}

export interface ScoreFact {
  id: number;
  benchmark: BenchmarkFact;
  value: Decimal;
  setting: string | null;
  sourceId: number;
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
