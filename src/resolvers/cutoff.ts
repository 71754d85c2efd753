/**
 * A knowledge cutoff is stored as the first day of its period with a
 * precision; it is shown at that precision, never with an invented day.
 */
export function formatCutoff(
  date: string | null,
  precision: 'year' | 'month' | 'day' | null,
): string | null {
  if (date === null || precision === null) return null;
  if (precision === 'year') return date.slice(0, 4);
  if (precision === 'month') return date.slice(0, 7);
  return date;
}
