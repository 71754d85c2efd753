import type { BenchmarkCategory } from '../../../domain/benchmarks.js';
import type { BenchmarkRecord } from '../../records.js';

/**
 * Benchmarks more than one source scores. A benchmark is one slug whoever
 * reports it; who measured it, and how, is the edition. So MMLU-Pro in the
 * Open LLM Leaderboard and in a lab's card are the same `mmlu-pro`, and an
 * importer that meets a benchmark listed here uses this definition, so two
 * sources never define one slug differently.
 *
 * The first block repeats data/curated/benchmark-definitions.csv (a unit
 * test keeps them equal): the catalog's definition wins at import anyway
 * (resolve.ts keeps the first, and curated comes first). The second block
 * is benchmarks the catalog did not define yet that several importers here
 * name.
 */

export type BenchmarkDefinition = Omit<BenchmarkRecord, 'source'>;

const percent = (slug: string, name: string, category: BenchmarkCategory, url: string | null): BenchmarkDefinition => ({
  slug,
  name,
  category,
  url,
  scaleMin: '0',
  scaleMax: '100',
  higherIsBetter: true,
});

const DEFINITIONS: BenchmarkDefinition[] = [
  // data/curated/benchmark-definitions.csv
  percent('mmlu', 'MMLU', 'knowledge', 'https://arxiv.org/abs/2009.03300'),
  percent('mmlu-cot', 'MMLU (CoT)', 'knowledge', 'https://arxiv.org/abs/2009.03300'),
  percent('mmlu-pro', 'MMLU-Pro', 'knowledge', 'https://arxiv.org/abs/2406.01574'),
  percent('mmlu-redux', 'MMLU-Redux', 'knowledge', 'https://arxiv.org/abs/2406.04127'),
  percent('ifeval', 'IFEval', 'instruction-following', 'https://arxiv.org/abs/2311.07911'),
  percent('arc-challenge', 'ARC-Challenge', 'reasoning', 'https://arxiv.org/abs/1803.05457'),
  percent('gpqa', 'GPQA', 'reasoning', 'https://arxiv.org/abs/2311.12022'),
  percent('gpqa-diamond', 'GPQA Diamond', 'reasoning', 'https://arxiv.org/abs/2311.12022'),
  percent('humaneval', 'HumanEval', 'coding', 'https://arxiv.org/abs/2107.03374'),
  percent('humaneval-mul', 'HumanEval-Mul', 'coding', null),
  percent('gsm8k', 'GSM8K', 'math', 'https://arxiv.org/abs/2110.14168'),
  percent('math', 'MATH', 'math', 'https://arxiv.org/abs/2103.03874'),
  percent('math-500', 'MATH-500', 'math', 'https://arxiv.org/abs/2305.20050'),
  percent('aime-2024', 'AIME 2024', 'math', null),
  percent('bfcl', 'BFCL', 'tool-use', 'https://github.com/ShishirPatil/gorilla/tree/main/berkeley-function-call-leaderboard'),
  percent('bfcl-v2', 'BFCL v2', 'tool-use', 'https://github.com/ShishirPatil/gorilla/tree/main/berkeley-function-call-leaderboard'),
  percent('nexus', 'Nexus', 'tool-use', 'https://github.com/nexusflowai/NexusRaven-V2'),
  percent('livecodebench', 'LiveCodeBench', 'coding', 'https://livecodebench.github.io/'),
  percent('mbpp', 'MBPP', 'coding', 'https://arxiv.org/abs/2108.07732'),
  percent('mgsm', 'MGSM', 'multilingual', 'https://arxiv.org/abs/2210.03057'),
  percent('big-bench-hard', 'BIG-Bench Hard', 'reasoning', 'https://arxiv.org/abs/2210.09261'),
  percent('simpleqa', 'SimpleQA', 'knowledge', 'https://arxiv.org/abs/2411.04368'),
  percent('drop', 'DROP', 'reasoning', 'https://arxiv.org/abs/1903.00161'),

  // Named by several importers here.
  percent('humaneval-plus', 'HumanEval+', 'coding', 'https://arxiv.org/abs/2305.01210'),
  percent('mbpp-plus', 'MBPP+', 'coding', 'https://arxiv.org/abs/2305.01210'),
  percent('livebench-average', 'LiveBench (global average)', 'reasoning', 'https://livebench.ai/'),
  percent('bfcl-overall', 'BFCL overall accuracy', 'tool-use', 'https://gorilla.cs.berkeley.edu/leaderboard.html'),
  // As aider.ts (Aider's own leaderboard) defines it.
  percent('aider-polyglot', 'Aider polyglot', 'coding', 'https://aider.chat/docs/leaderboards/'),
  percent('swe-bench-verified', 'SWE-bench Verified', 'coding', 'https://www.swebench.com/'),
  percent('swe-bench-multilingual', 'SWE-bench Multilingual', 'coding', 'https://www.swebench.com/multilingual.html'),
  percent('swe-bench-pro', 'SWE-Bench Pro', 'coding', 'https://labs.scale.com/leaderboard/swe_bench_pro_public'),
  percent('scicode', 'SciCode', 'coding', 'https://scicode-bench.github.io/'),
  percent('humanitys-last-exam', 'Humanity’s Last Exam', 'reasoning', 'https://lastexam.ai/'),
  percent('aime-2025', 'AIME 2025', 'math', null),
  percent('terminal-bench', 'Terminal-Bench', 'agentic', 'https://www.tbench.ai/'),
];

export const KNOWN_BENCHMARKS: ReadonlyMap<string, BenchmarkDefinition> = new Map(DEFINITIONS.map((d) => [d.slug, d]));

export function knownBenchmark(slug: string, source: string): BenchmarkRecord | null {
  const definition = KNOWN_BENCHMARKS.get(slug);
  return definition ? { ...definition, source } : null;
}
