import { expect, it } from 'vitest';
import { modelsDevPrice } from '../../src/catalog/sources/models-dev-price.js';

it('reads context tiers, service modes and reasoning prices as components, and names what it leaves out', () => {
  const warnings: string[] = [];
  const price = modelsDevPrice(
    { input: 5, output: 25, cache_read: 0.5, reasoning: 30, tiers: [{ tier: { type: 'context', size: 200_000 }, input: 10, output: 37.5 }, { tier: { type: 'other' } }] },
    { modes: { fast: { cost: { input: 30, output: 150 } }, turbo: { cost: { input: 1 } } } },
    'providers/x/models/m.toml',
    warnings,
  );
  expect(price).toMatchObject({ inputPerMTok: '5', outputPerMTok: '25', cacheReadPerMTok: '0.5', cacheWritePerMTok: null });
  expect(price!.components).toEqual([
    expect.objectContaining({ unit: 'reasoning', price: '30', tierThreshold: null, serviceTier: 'standard' }),
    expect.objectContaining({ unit: 'input', price: '10', tierThreshold: 200_000, tierInclusive: false, tierScope: 'whole-request' }),
    expect.objectContaining({ unit: 'output', price: '37.5', tierThreshold: 200_000 }),
    expect.objectContaining({ unit: 'input', price: '30', serviceTier: 'fast' }),
    expect.objectContaining({ unit: 'output', price: '150', serviceTier: 'fast' }),
  ]);
  expect(warnings).toEqual([
    'providers/x/models/m.toml cost.tiers[1]: not a context tier with a size, left out',
    'providers/x/models/m.toml experimental.modes.turbo: not a service tier the cost model knows, left out',
  ]);
});

it('has no price when neither input nor output is known: unknown is never zero', () => {
  expect(modelsDevPrice({ cache_read: 1 }, undefined, 'm', [])).toBeNull();
  expect(modelsDevPrice(undefined, undefined, 'm', [])).toBeNull();
});
