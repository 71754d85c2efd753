import { expect, it } from 'vitest';
import { Decimal } from '../../src/resolvers/decimal.js';
import { dollars, list, perMillion, saving, tagLabel, tokenVolume, tokenWindow, windowWriter } from '../../src/resolvers/format.js';

const d = (x: string) => Decimal.from(x);

it('says savings as "% lower" and "× cheaper", never over 100%', () => {
  expect(saving(d('0.05'), d('0.2'))).toBe('75% lower (4× cheaper)');
  expect(saving(d('28.5'), d('71.6'))).toBe('60% lower (2.5× cheaper)');
  expect(saving(d('0.9'), d('1'))).toBe('10% lower');
  expect(saving(d('0.01'), d('2.3'))).toBe('over 99% lower (230× cheaper)');
  expect(saving(d('1'), d('1'))).toBe('the same');
  expect(saving(d('0'), d('1'))).toBe('free');
});

it('writes context windows, volumes, money and lists as people read them', () => {
  expect(tokenWindow(128000)).toBe('128K');
  expect(tokenWindow(131072)).toBe('128K');
  expect(tokenWindow(1_048_576)).toBe('1M');
  expect(tokenWindow(200_000)).toBe('200K');
  expect(tokenWindow(32_768)).toBe('32K');
  expect(tokenVolume(848_000_000n)).toBe('848M');
  expect(tokenVolume(230_800_000n)).toBe('230.8M');
  expect(tokenVolume(2_500_000_000n)).toBe('2.5B');
  expect(dollars(d('1204.5'))).toBe('$1,204.50');
  expect(dollars(d('71.6'))).toBe('$71.60');
  expect(perMillion(d('0.2'))).toBe('$0.2/1M tokens');
  expect(list(['A', 'B', 'C'])).toBe('A, B, and C');
  expect(list(['A', 'B'])).toBe('A and B');
  expect(tagLabel('rag')).toBe('RAG');
  expect(tagLabel('long-context')).toBe('Long context');
});

it('writes windows in full when two different ones would both read "128K"', () => {
  const write = windowWriter([128000, 131072]);
  expect([write(128000), write(131072)]).toEqual(['128,000', '131,072']);
  expect(windowWriter([128000, 200000])(128000)).toBe('128K');
});
