import { CAPABILITY_KEYS, type CapabilityKey } from '../../domain/capabilities.js';
import type { Decimal } from '../decimal.js';
import type { ModelCost } from './costs.js';
import type { ModelFacts, ProviderFact } from './facts.js';

/** Providers where a model can be bought today, in the model's route order, each once. */
export function purchasableProviders(model: ModelFacts): ProviderFact[] {
  const seen = new Map<number, ProviderFact>();
  for (const route of model.routes) if (route.purchasable) seen.set(route.provider.id, route.provider);
  return [...seen.values()];
}

/** Providers that sell every compared model: where an A/B test can start. Sorted by name. */
export function providerOverlap(models: ModelFacts[]): ProviderFact[] {
  const [first, ...rest] = models.map(purchasableProviders);
  if (!first) return [];
  return first
    .filter((p) => rest.every((providers) => providers.some((q) => q.id === p.id)))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export interface Switch {
  fromModelId: number;
  toModelId: number;
  /** Providers selling both, in the order of the target model's routes. */
  sharedProviders: ProviderFact[];
  /** Target minus origin, per 1M tokens: negative means the target is cheaper. */
  inputPriceDelta: Decimal | null;
  outputPriceDelta: Decimal | null;
  capabilitiesLost: CapabilityKey[];
  capabilitiesGained: CapabilityKey[];
  /** Target minus origin context window, in tokens. */
  contextChange: number | null;
}

function delta(to: Decimal | undefined, from: Decimal | undefined): Decimal | null {
  return to === undefined || from === undefined ? null : to.minus(from);
}

/** Switching friction for every ordered pair of compared models. */
export function switches(models: ModelFacts[], costs: ModelCost[]): Switch[] {
  const costOf = new Map(costs.map((c) => [c.modelId, c]));
  const result: Switch[] = [];
  for (const from of models) {
    for (const to of models) {
      if (from.id === to.id) continue;
      const fromProviders = new Set(purchasableProviders(from).map((p) => p.id));
      const fromCost = costOf.get(from.id);
      const toCost = costOf.get(to.id);
      result.push({
        fromModelId: from.id,
        toModelId: to.id,
        sharedProviders: purchasableProviders(to).filter((p) => fromProviders.has(p.id)),
        inputPriceDelta: delta(toCost?.cheapestInput?.perMTok, fromCost?.cheapestInput?.perMTok),
        outputPriceDelta: delta(toCost?.cheapestOutput?.perMTok, fromCost?.cheapestOutput?.perMTok),
        capabilitiesLost: CAPABILITY_KEYS.filter((c) => from.capabilities[c] === true && to.capabilities[c] === false),
        capabilitiesGained: CAPABILITY_KEYS.filter((c) => from.capabilities[c] === false && to.capabilities[c] === true),
        contextChange:
          from.contextWindow === null || to.contextWindow === null ? null : to.contextWindow - from.contextWindow,
      });
    }
  }
  return result;
}
