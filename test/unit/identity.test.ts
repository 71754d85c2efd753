import { describe, expect, it } from 'vitest';
import { ModelIndex, parseModelId } from '../../src/catalog/identity.js';

describe('parseModelId', () => {
  it.each([
    ['meta-llama/Llama-3.1-8B-Instruct', 'llama-3.1-8b-instruct', 'meta'],
    ['meta-llama/Meta-Llama-3.1-8B-Instruct', 'llama-3.1-8b-instruct', 'meta'],
    ['meta.llama3-1-8b-instruct-v1:0', 'llama-3.1-8b-instruct', 'meta'],
    ['us.meta.llama3-1-8b-instruct-v1:0', 'llama-3.1-8b-instruct', 'meta'],
    ['@cf/meta/llama-3.1-8b-instruct', 'llama-3.1-8b-instruct', 'meta'],
    ['accounts/fireworks/models/llama-v3p1-8b-instruct', 'llama-3.1-8b-instruct', 'meta'],
    ['meta-llama-3.1-8b-instruct', 'llama-3.1-8b-instruct', 'meta'],
    ['Meta-Llama-3_1-8B-Instruct-GGUF', 'llama-3.1-8b-instruct', 'meta'],
    ['Qwen/Qwen2.5-72B-Instruct', 'qwen-2.5-72b-instruct', 'alibaba'],
    ['qwen2-5-vl-72b-instruct', 'qwen-2.5-vl-72b-instruct', 'alibaba'],
    ['mistralai/Mistral-7B-Instruct-v0.3', 'mistral-7b-instruct-0.3', 'mistral'],
    ['claude-3-5-sonnet-20241022', 'claude-3.5-sonnet-20241022', 'anthropic'],
    ['anthropic/claude-3.5-sonnet-20241022', 'claude-3.5-sonnet-20241022', 'anthropic'],
    ['deepseek-ai/DeepSeek-V3', 'deepseek-3', 'deepseek'],
    ['gpt-4o-mini', 'gpt-4o-mini', 'openai'],
    ['o3-mini', 'o-3-mini', 'openai'],
  ])('%s → key %s, creator %s', (id, key, creator) => {
    const parsed = parseModelId(id);
    expect(parsed.key).toBe(key);
    expect(parsed.creator).toBe(creator);
  });

  it('splits quantisation and speed tags off as route attributes', () => {
    expect(parseModelId('@cf/meta/llama-3.1-8b-instruct-fp8')).toMatchObject({ key: 'llama-3.1-8b-instruct', quantization: 'fp8', variants: [] });
    expect(parseModelId('@cf/meta/llama-3.1-8b-instruct-awq').quantization).toBe('awq');
    expect(parseModelId('meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo')).toMatchObject({
      key: 'llama-3.1-8b-instruct-turbo',
      untaggedKey: 'llama-3.1-8b-instruct',
      variants: ['turbo'],
    });
    expect(parseModelId('llama-3.1-8b-instant')).toMatchObject({ untaggedKey: 'llama-3.1-8b', variants: ['instant'] });
    expect(parseModelId('meta-llama/llama-3.1-8b-instruct:free')).toMatchObject({ key: 'llama-3.1-8b-instruct', variants: ['free'] });
  });

  it('keeps tags that name a different first-party model', () => {
    for (const id of ['gpt-4-turbo', 'grok-4-fast', 'claude-instant-1.2', 'gpt-3.5-turbo']) {
      const parsed = parseModelId(id);
      expect(parsed.untaggedKey).toBe(parsed.key);
      expect(parsed.variants).toEqual([]);
    }
  });
});

describe('ModelIndex', () => {
  const index = new ModelIndex();
  index.addModel('llama-3.1-8b-instruct');
  index.addModel('llama-3.1-70b-instruct');
  index.addModel('gpt-4');
  index.addModel('gpt-4-turbo');
  index.addAlias('meta-llama/Meta-Llama-3.1-8B-Instruct', 'llama-3.1-8b-instruct');

  it.each([
    ['meta-llama/Llama-3.1-8B-Instruct', 'key'],
    ['meta.llama3-1-8b-instruct-v1:0', 'key'],
    ['@cf/meta/llama-3.1-8b-instruct', 'key'],
    ['accounts/fireworks/models/llama-v3p1-8b-instruct', 'key'],
    ['llama-3.1-8b-instant', 'instruct-suffix'],
    ['Meta-Llama-3.1-8B-Instruct-Turbo', 'without-route-tags'],
    ['meta-llama/Meta-Llama-3.1-8B-Instruct', 'alias'],
  ])('resolves %s to llama-3.1-8b-instruct (%s)', (id, rule) => {
    expect(index.resolve(id)).toMatchObject({ slug: 'llama-3.1-8b-instruct', rule });
  });

  it('never merges a different size, a base model that exists, or a distinct first-party model', () => {
    expect(index.resolve('meta-llama/Llama-3.1-405B-Instruct')).toBeNull();
    expect(index.resolve('gpt-4-turbo')?.slug).toBe('gpt-4-turbo');
    expect(index.resolve('gpt-4o')).toBeNull();
    const withBase = new ModelIndex();
    withBase.addModel('llama-3.1-8b');
    withBase.addModel('llama-3.1-8b-instruct');
    expect(withBase.resolve('llama-3.1-8b-instant')).toMatchObject({ slug: 'llama-3.1-8b', rule: 'without-route-tags' });
  });

  it('reports a key that already names another model', () => {
    const clash = new ModelIndex();
    expect(clash.addModel('llama-3.1-8b-instruct')).toBe(true);
    expect(clash.addModel('meta-llama-3.1-8b-instruct')).toBe(false);
  });
});
