import type { SourceBundle } from '../records.js';
import { readModelsDevLabs } from './models-dev-directory.js';

const directory = new URL('../../../data/models-dev/', import.meta.url).pathname;

export const MODELS_DEV_LABS_SOURCE = {
  key: 'models-dev-labs',
  name: 'models.dev lab files (data/models-dev, MIT)',
  url: 'https://github.com/sst/models.dev/tree/dev/models',
  retrievedAt: '2026-11-27',
};

/** The labs' own model definitions the default catalog ships (data/models-dev/SOURCE.md): names and creators first. */
export function readShippedLabs(): Promise<SourceBundle> {
  return readModelsDevLabs(directory, MODELS_DEV_LABS_SOURCE);
}
