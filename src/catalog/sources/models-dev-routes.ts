import type { ProviderRecord, RouteRecord } from '../records.js';
import type { NormalisedEntry } from './models-dev-entry.js';

/** A route from one normalised models.dev entry, or null (with a warning) when it is not a language model. */
export function routeFromEntry(
  provider: ProviderRecord,
  providerModelId: string,
  entry: NormalisedEntry,
  baseModel: string | null,
  source: string,
  warnings: string[],
  where: string,
): RouteRecord | null {
  warnings.push(...entry.warnings);
  if (entry.notALanguageModel) {
    warnings.push(`${where}: ${entry.notALanguageModel}, skipped`);
    return null;
  }
  return {
    provider,
    providerModelId,
    baseModel,
    facts: entry.facts,
    contextWindow: entry.contextWindow,
    maxOutputTokens: entry.maxOutputTokens,
    deprecated: entry.deprecated,
    prices: entry.price ? [entry.price] : [],
    source,
  };
}
