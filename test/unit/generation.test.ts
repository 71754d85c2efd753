import { describe, expect, it } from 'vitest';
import { Generation } from '../../src/facts/generation.js';

describe('a catalog generation’s memo', () => {
  it('computes each key once, for concurrent callers too', async () => {
    const generation = new Generation(1, 0, Infinity);
    let runs = 0;
    const compute = async () => ++runs;
    const [a, b] = await Promise.all([generation.memo('k', compute), generation.memo('k', compute)]);
    expect([a, b, await generation.memo('k', compute), runs]).toEqual([1, 1, 1, 1]);
  });

  it('forgets a failed computation, so the next caller tries again', async () => {
    const generation = new Generation(1, 0, Infinity);
    await expect(generation.memo('k', () => Promise.reject(new Error('database down')))).rejects.toThrow('database down');
    expect(await generation.memo('k', async () => 'read')).toBe('read');
  });

  it('holds a bounded number of entries, dropping the oldest', async () => {
    const generation = new Generation(1, 0, Infinity);
    for (let i = 0; i <= 10_000; i++) await generation.memo(`blend:${i}`, async () => i);
    let recomputed = false;
    await generation.memo('blend:0', async () => (recomputed = true));
    expect(recomputed).toBe(true);
    expect(await generation.memo('blend:10000', async () => -1)).toBe(10_000);
  });
});
