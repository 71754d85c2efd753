/**
 * What benchmarks measure, defined once: the dataset's validation, the
 * GraphQL enum and the verdict's use-case weights derive from this list.
 * Pure: imports nothing.
 */
export const BENCHMARK_CATEGORIES = [
  'coding',
  'reasoning',
  'math',
  'tool-use',
  'instruction-following',
  'human-preference',
  'knowledge',
  'long-context',
  'agentic',
  'multilingual',
] as const;
export type BenchmarkCategory = (typeof BENCHMARK_CATEGORIES)[number];

export function isBenchmarkCategory(value: string): value is BenchmarkCategory {
  return (BENCHMARK_CATEGORIES as readonly string[]).includes(value);
}
