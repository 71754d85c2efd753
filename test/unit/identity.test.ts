import { describe, expect, it } from 'vitest';
import { closestSlugs, ModelIndex, parseModelId, splitScoreVariant, undatedSegment } from '../../src/catalog/identity.js';

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
    ['claude-3-5-sonnet-20241022', 'claude-sonnet-3.5-20241022', 'anthropic'],
    ['anthropic/claude-3.5-sonnet-20241022', 'claude-sonnet-3.5-20241022', 'anthropic'],
    ['claude-4-sonnet', 'claude-sonnet-4', 'anthropic'],
    ['claude-sonnet-4-0', 'claude-sonnet-4', 'anthropic'],
    ['us.anthropic.claude-sonnet-4-20250514-v1:0', 'claude-sonnet-4-20250514', 'anthropic'],
    ['claude-sonnet-4@20250514', 'claude-sonnet-4-20250514', 'anthropic'],
    ['claude-4-1-opus', 'claude-opus-4.1', 'anthropic'],
    ['google/gemini-flash-1.5-8b', 'gemini-1.5-flash-8b', 'google'],
    ['deepseek/deepseek-chat-v3-0324', 'deepseek-3-0324', 'deepseek'],
    ['cerebras-llama-4-maverick-17b-128e-instruct', 'llama-4-maverick-17b-128e-instruct', 'meta'],
    ['groq-llama-4-maverick-17b-128e-instruct', 'llama-4-maverick-17b-128e-instruct', 'meta'],
    ['gpt-4o-2024-05-13', 'gpt-4o-20240513', 'openai'],
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

describe('snapshots and pointers', () => {
  it('reads dated, versioned and "-latest" ids against their undated key', () => {
    expect(parseModelId('claude-sonnet-4-20250514')).toMatchObject({ undatedKey: 'claude-sonnet-4', snapshot: '20250514', pointer: false });
    expect(parseModelId('gpt-4o-2024-08-06')).toMatchObject({ undatedKey: 'gpt-4o', snapshot: '20240806' });
    expect(parseModelId('gemini-2.0-flash-001')).toMatchObject({ undatedKey: 'gemini-2.0-flash', snapshot: 'v001' });
    expect(parseModelId('claude-3-5-haiku-latest')).toMatchObject({ undatedKey: 'claude-haiku-3.5', pointer: true });
    // Four-digit suffixes name versions as often as snapshots: never read as dates.
    expect(parseModelId('deepseek-v3-0324')).toMatchObject({ undatedKey: 'deepseek-3-0324', snapshot: null });
  });

  it('joins an undated id to its only snapshot, and keeps several snapshots apart', () => {
    const ids = ['claude-sonnet-4', 'claude-sonnet-4-20250514', 'gpt-4o', 'gpt-4o-2024-05-13', 'gpt-4o-2024-08-06'];
    const index = new ModelIndex(ids);
    index.addModel('claude-sonnet-4');
    index.addModel('gpt-4o');
    for (const id of ['claude-sonnet-4-20250514', 'anthropic/claude-sonnet-4', 'claude-4-sonnet', 'claude-sonnet-4-0', 'claude-sonnet-4-latest']) {
      expect(index.resolve(id)?.slug, id).toBe('claude-sonnet-4');
    }
    expect(index.resolve('gpt-4o-2024-05-13')).toBeNull();
    expect(index.resolve('openai/gpt-4o')?.slug).toBe('gpt-4o');
    expect(index.snapshotsOf('gpt-4o')).toEqual(['20240513', '20240806']);
  });

  it('keeps a snapshot a provider prices apart from its undated id', () => {
    const index = new ModelIndex(['o3', 'o3-2025-04-16'], ['o-3']);
    index.addModel('o3');
    expect(index.resolve('o3-2025-04-16')).toBeNull();
  });

  it('never joins different versions or sizes', () => {
    const index = new ModelIndex(['claude-opus-4', 'claude-opus-4-1', 'gemini-1.5-flash', 'gemini-1.5-flash-8b', 'deepseek-v3']);
    for (const slug of ['claude-opus-4', 'gemini-1.5-flash', 'deepseek-v3']) index.addModel(slug);
    expect(index.resolve('claude-opus-4-1')).toBeNull();
    expect(index.resolve('claude-4-1-opus')).toBeNull();
    expect(index.resolve('gemini-1.5-flash-8b')).toBeNull();
    expect(index.resolve('deepseek-v3-0324')).toBeNull();
    expect(index.resolve('deepseek-v3.1')).toBeNull();
  });

  it('names a joined model by its undated id', () => {
    expect(undatedSegment('claude-sonnet-4-20250514')).toBe('claude-sonnet-4');
    expect(undatedSegment('claude-sonnet-4-0')).toBe('claude-sonnet-4');
    expect(undatedSegment('claude-3-5-haiku-latest')).toBe('claude-3-5-haiku');
    expect(undatedSegment('claude-sonnet-latest')).toBe('claude-sonnet-latest');
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

  it('never reads a bare id as its "-instruct" model when a source lists the bare id', () => {
    const index = new ModelIndex(['gpt-3.5-turbo', 'gpt-3.5-turbo-instruct']);
    index.addModel('gpt-3.5-turbo-instruct');
    expect(index.resolve('gpt-3.5-turbo')).toBeNull();
  });

  it('reports a key that already names another model', () => {
    const clash = new ModelIndex();
    expect(clash.addModel('llama-3.1-8b-instruct')).toBe(true);
    expect(clash.addModel('meta-llama-3.1-8b-instruct')).toBe(false);
  });
});

describe('leaderboard keys', () => {
  it('splits a run setting off a key into the score variant', () => {
    expect(splitScoreVariant('gpt-5-high')).toEqual({ model: 'gpt-5', variant: 'high' });
    expect(splitScoreVariant('claude-opus-4-5-20251101-thinking-32k')).toEqual({ model: 'claude-opus-4-5-20251101', variant: 'thinking-32k' });
    expect(splitScoreVariant('o3 (high)')).toEqual({ model: 'o3', variant: 'high' });
    expect(splitScoreVariant('claude-sonnet-4-20250514 (32k thinking)')).toEqual({ model: 'claude-sonnet-4-20250514', variant: '32k-thinking' });
    expect(splitScoreVariant('gpt-4o-2024-08-06')).toBeNull();
  });

  it('offers the closest slugs for a person to check, and nothing for an id that shares no word', () => {
    expect(closestSlugs('Qwen/Qwen2.5-Coder-32B-Instruct', ['qwen2.5-32b-instruct', 'llama-3.1-8b-instruct', 'qwen2.5-coder-32b-instruct'])[0]).toBe('qwen2.5-coder-32b-instruct');
    expect(closestSlugs('CodeGen-16B', ['gpt-4o'])).toEqual([]);
  });
});
