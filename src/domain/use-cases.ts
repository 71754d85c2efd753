import { BENCHMARK_CATEGORIES, type BenchmarkCategory } from './benchmarks.js';

/**
 * What a comparison is for, defined once: the GraphQL `UseCase` enum and the
 * verdict's quality signal derive from this list. Each use case weighs the
 * benchmark categories (src/domain/benchmarks.ts) that speak to it; a
 * category it does not name weighs 0, so its benchmarks never move the
 * quality signal. GENERAL weighs every benchmark alike, uncategorised ones
 * included. Pure: imports only the category list.
 */

export const USE_CASES = [
  'general',
  'coding',
  'reasoning',
  'math',
  'tool-use',
  'chat',
  'instruction-following',
  'long-context',
  'agentic',
] as const;
export type UseCase = (typeof USE_CASES)[number];

export const DEFAULT_USE_CASE: UseCase = 'general';

export interface UseCaseDefinition {
  /** As a sentence says it: "Quality for coding…". */
  label: string;
  /** One sentence for the schema. */
  description: string;
  /** Weight of each benchmark category, 0 to 1; a category not named weighs 0. */
  categories: Partial<Record<BenchmarkCategory, number>>;
  /** Weight of a benchmark with no category. */
  uncategorised: number;
}

const everyCategory = Object.fromEntries(BENCHMARK_CATEGORIES.map((c) => [c, 1])) as Record<BenchmarkCategory, number>;

export const USE_CASE_DEFINITIONS: Record<UseCase, UseCaseDefinition> = {
  general: {
    label: 'general use',
    description: 'Every shared benchmark weighs the same, uncategorised ones included.',
    categories: everyCategory,
    uncategorised: 1,
  },
  coding: {
    label: 'coding',
    description: 'Coding benchmarks; agentic coding at half weight, tool use and reasoning at a quarter.',
    categories: { coding: 1, agentic: 0.5, 'tool-use': 0.25, reasoning: 0.25 },
    uncategorised: 0,
  },
  reasoning: {
    label: 'reasoning',
    description: 'Reasoning benchmarks; math at half weight, knowledge at a quarter.',
    categories: { reasoning: 1, math: 0.5, knowledge: 0.25 },
    uncategorised: 0,
  },
  math: {
    label: 'math',
    description: 'Math benchmarks; reasoning at half weight.',
    categories: { math: 1, reasoning: 0.5 },
    uncategorised: 0,
  },
  'tool-use': {
    label: 'tool use',
    description: 'Tool-use (function-calling) benchmarks; agentic at half weight, instruction following at a quarter.',
    categories: { 'tool-use': 1, agentic: 0.5, 'instruction-following': 0.25 },
    uncategorised: 0,
  },
  chat: {
    label: 'chat',
    description: 'Human-preference ratings (arenas); instruction following at half weight, knowledge and multilingual at a quarter.',
    categories: { 'human-preference': 1, 'instruction-following': 0.5, knowledge: 0.25, multilingual: 0.25 },
    uncategorised: 0,
  },
  'instruction-following': {
    label: 'instruction following',
    description: 'Instruction-following benchmarks; human preference at a quarter.',
    categories: { 'instruction-following': 1, 'human-preference': 0.25 },
    uncategorised: 0,
  },
  'long-context': {
    label: 'long context',
    description: 'Long-context benchmarks only.',
    categories: { 'long-context': 1 },
    uncategorised: 0,
  },
  agentic: {
    label: 'agentic work',
    description: 'Agentic benchmarks; tool use at half weight, coding at a quarter.',
    categories: { agentic: 1, 'tool-use': 0.5, coding: 0.25 },
    uncategorised: 0,
  },
};

/** How much a benchmark of this category weighs in the quality signal for a use case (0: not at all). */
export function benchmarkWeight(useCase: UseCase, category: BenchmarkCategory | null): number {
  const definition = USE_CASE_DEFINITIONS[useCase];
  return category === null ? definition.uncategorised : (definition.categories[category] ?? 0);
}
