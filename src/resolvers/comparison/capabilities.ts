import { CAPABILITY_KEYS, type CapabilityKey } from '../../domain/capabilities.js';
import type { ModelFacts } from './facts.js';

export interface CapabilityRow {
  capability: CapabilityKey;
  /** Per compared model, in order: true, false, or null when unknown. */
  values: { modelId: number; supported: boolean | null }[];
  /** Every compared model is known to have it. */
  shared: boolean;
}

export function capabilityTable(models: ModelFacts[]): CapabilityRow[] {
  return CAPABILITY_KEYS.map((capability) => {
    const values = models.map((m) => ({ modelId: m.id, supported: m.capabilities[capability] }));
    return { capability, values, shared: values.every((v) => v.supported === true) };
  });
}

export interface ContextComparison {
  values: { modelId: number; tokens: number | null }[];
  /** The largest window; null on a tie for the largest, or when any window is unknown. */
  leaderModelId: number | null;
  /** Every compared model has the same, known window. */
  tie: boolean;
  /** Largest minus second largest, in tokens. */
  gap: number | null;
}

export function compareContext(models: ModelFacts[]): ContextComparison {
  const values = models.map((m) => ({ modelId: m.id, tokens: m.contextWindow }));
  const known = values.filter((v): v is { modelId: number; tokens: number } => v.tokens !== null);
  if (known.length < values.length) return { values, leaderModelId: null, tie: false, gap: null };
  const ranked = [...known].sort((a, b) => b.tokens - a.tokens);
  const gap = ranked[0]!.tokens - ranked[1]!.tokens;
  return {
    values,
    leaderModelId: gap === 0 ? null : ranked[0]!.modelId,
    tie: ranked[0]!.tokens === ranked[ranked.length - 1]!.tokens,
    gap,
  };
}
