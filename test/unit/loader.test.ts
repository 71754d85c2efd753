import { describe, expect, it } from 'vitest';
import { Loader } from '../../src/db/loader.js';

const rowsLoader = (calls: number[][]) =>
  new Loader<number, string | null>(async (ids) => {
    calls.push([...ids]);
    return ids.map((id) => (id > 0 ? `row ${id}` : null));
  });

describe('a loader that answers what it holds at once', () => {
  it('answers a primed key with the value itself, not a promise, and runs no batch', () => {
    const calls: number[][] = [];
    const loader = rowsLoader(calls);
    loader.prime(1, 'primed 1');
    expect(loader.get(1)).toBe('primed 1');
    expect(calls).toEqual([]);
  });

  it('loads an unknown key in one batch, then answers it at once', async () => {
    const calls: number[][] = [];
    const loader = rowsLoader(calls);
    const pending = [loader.get(2), loader.get(3)];
    expect(pending.every((p) => p instanceof Promise)).toBe(true);
    expect(await Promise.all(pending)).toEqual(['row 2', 'row 3']);
    expect(loader.get(2)).toBe('row 2');
    expect(calls).toEqual([[2, 3]]);
  });

  it('keeps the first value of a key, as DataLoader does: priming a loaded key changes nothing', async () => {
    const loader = rowsLoader([]);
    await loader.get(4);
    loader.prime(4, 'other');
    expect(loader.get(4)).toBe('row 4');
    expect(await loader.load(4)).toBe('row 4');
  });

  it('forgets a cleared key, and takes a new value for it', () => {
    const loader = rowsLoader([]);
    loader.prime(5, 'old');
    loader.clear(5).prime(5, 'new');
    expect(loader.get(5)).toBe('new');
    loader.clearAll();
    expect(loader.get(5)).toBeInstanceOf(Promise);
  });
});
