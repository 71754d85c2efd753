import { type Dataset, parseDataset } from '../../src/catalog/dataset.js';

/**
 * A made-up catalog of `count` models, for tests that need volume (batching,
 * paging). Each model has three routes (two priced) and two scores.
 */
export function syntheticDataset(count: number): Dataset {
  const providers = ['alpha', 'beta', 'gamma'];
  const models = Array.from({ length: count }, (_, i) => `synthetic-${String(i).padStart(3, '0')}`);
  return parseDataset(
    {
      name: 'synthetic',
      sources: [{ key: 'test', name: 'synthetic test data' }],
      creators: [{ slug: 'acme', name: 'Acme', source: 'test' }],
      models: models.map((slug, i) => ({ slug, name: `Synthetic ${i}`, creator: 'acme', contextWindow: 1000 * (i + 1), source: 'test' })),
      providers: providers.map((slug) => ({ slug, name: slug.toUpperCase(), source: 'test' })),
      offerings: models.flatMap((model, i) =>
        providers.map((provider, p) => ({
          model,
          provider,
          providerModelId: `${provider}/${model}`,
          source: 'test',
          prices:
            p === 2
              ? []
              : [{ effectiveFrom: '2026-01-01', inputPerMTok: `${i}.${p}`, outputPerMTok: `${i + 1}`, source: 'test' }],
        })),
      ),
      benchmarks: [
        { slug: 'bench-a', name: 'Bench A', source: 'test' },
        { slug: 'bench-b', name: 'Bench B', source: 'test' },
      ],
      scores: models.flatMap((model, i) => [
        { model, benchmark: 'bench-a', value: String(i % 100), source: 'test' },
        { model, benchmark: 'bench-b', value: String((i * 7) % 100), source: 'test' },
      ]),
    },
    'synthetic dataset',
  );
}
