import { describe, expect, it } from 'vitest';
import { DatasetError, parseDataset } from '../../src/catalog/dataset.js';
import { loadDataset } from '../../src/catalog/datasets.js';

const minimal = () => ({
  name: 'test',
  sources: [{ key: 's', name: 'a source' }],
  creators: [{ slug: 'meta', name: 'Meta', source: 's' }],
  models: [{ slug: 'm-1', name: 'M 1', creator: 'meta', source: 's' }],
  providers: [{ slug: 'p', name: 'P', source: 's' }],
  offerings: [{ model: 'm-1', provider: 'p', source: 's', prices: [{ effectiveFrom: '2026-01-01', inputPerMTok: '0.1', source: 's' }] }],
});

describe('parseDataset', () => {
  it('fills unknown facts with null, not zero or false', () => {
    const dataset = parseDataset(minimal(), 'test');
    expect(dataset.models[0]).toMatchObject({ contextWindow: null, openWeights: null, capabilities: { vision: null } });
    expect(dataset.offerings[0]!.prices[0]).toMatchObject({ inputPerMTok: '0.1', outputPerMTok: null, currency: 'USD' });
  });

  it('names the entry and field of a malformed value', () => {
    const input = minimal();
    (input.offerings[0]!.prices[0] as any).inputPerMTok = 0.1;
    expect(() => parseDataset(input, 'data/x.json')).toThrow(/^data\/x\.json: offerings\[0\]\.prices\[0\]\.inputPerMTok: /);
  });

  it('refuses negative prices', () => {
    const input = minimal();
    input.offerings[0]!.prices[0]!.inputPerMTok = '-0.1';
    expect(() => parseDataset(input, 'x')).toThrow(/inputPerMTok/);
  });

  it('names a reference that does not resolve', () => {
    const input = minimal();
    input.offerings[0]!.provider = 'nowhere';
    expect(() => parseDataset(input, 'x')).toThrow(DatasetError);
    expect(() => parseDataset(input, 'x')).toThrow('offerings[0].provider: unknown provider "nowhere"');
  });

  it('refuses duplicate slugs', () => {
    const input = minimal();
    input.models.push({ ...input.models[0]! });
    expect(() => parseDataset(input, 'x')).toThrow('models[1].slug: duplicate "m-1"');
  });
});

describe('the seed-page dataset', () => {
  it('states exactly the page’s routes: 5 for the 1B model, 6 named for the 8B', async () => {
    const dataset = await loadDataset('seed-page');
    const routes = (slug: string) => dataset.offerings.filter((o) => o.model === slug).map((o) => o.provider);
    expect(routes('llama-3.2-1b-instruct')).toEqual(['openrouter', 'fireworks-ai', 'nvidia-nim', 'bitdeer-ai', 'aws-bedrock']);
    expect(routes('llama-3.1-8b-instruct')).toEqual(['octoai', 'together-ai', 'fireworks-ai', 'nvidia-nim', 'groqcloud', 'openrouter']);
    // Only the cheapest (OpenRouter) prices are on the page; every other route's price is unknown.
    const priced = dataset.offerings.filter((o) => o.prices.length > 0);
    expect(priced.map((o) => [o.model, o.provider, o.prices[0]!.inputPerMTok, o.prices[0]!.outputPerMTok])).toEqual([
      ['llama-3.2-1b-instruct', 'openrouter', '0.03', '0.2'],
      ['llama-3.1-8b-instruct', 'openrouter', '0.02', '0.05'],
    ]);
  });

  it('carries a source on every fact', async () => {
    const dataset = await loadDataset('seed-page');
    const keys = new Set(dataset.sources.map((s) => s.key));
    const facts = [
      ...dataset.creators,
      ...dataset.models,
      ...dataset.providers,
      ...dataset.offerings,
      ...dataset.offerings.flatMap((o) => o.prices),
      ...dataset.benchmarks,
      ...dataset.scores,
    ];
    expect(facts).toHaveLength(30);
    expect(facts.every((fact) => keys.has(fact.source))).toBe(true);
  });
});
