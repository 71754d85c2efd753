import { expect, it } from 'vitest';
import { formatCutoff } from '../../src/resolvers/cutoff.js';

it('shows a knowledge cutoff at the precision it is known, never with an invented day', () => {
  expect(formatCutoff('2023-12-01', 'month')).toBe('2023-12');
  expect(formatCutoff('2023-01-01', 'year')).toBe('2023');
  expect(formatCutoff('2023-12-31', 'day')).toBe('2023-12-31');
  expect(formatCutoff(null, null)).toBeNull();
});
