import { writeFileSync } from 'node:fs';
import type { Sample } from './measure.js';
import type { BenchQuery } from './queries.js';
import type { Statements } from './statements.js';

export interface Variant {
  id: string;
  title: string;
  pid: number;
  url: (query: BenchQuery) => string;
  body: (query: BenchQuery) => BenchQuery['body'];
  /**
   * 'expected': the response must equal the expected JSON; 'no-errors': 200
   * without errors (another version's answers); a function: null when the
   * response holds the same data as the expected JSON (another server's
   * schema), else what differs.
   */
  gate: 'expected' | 'no-errors' | ((queryId: string, response: unknown, expected: unknown) => string | null);
  /** Why a query is not measured on this variant; null or absent: it is. */
  notMeasured?: (query: BenchQuery) => string | null;
}

export interface Measured {
  date: Date;
  durationSeconds: number;
  machine: { cpu: string; cores: number; memoryGb: number; loadBefore: number[]; loadAfter: number[]; pinned: boolean };
  versions: { node: string; postgres: string; baselineCommit: string | null; head: string };
  settings: { seconds: number; rounds: number; connections: number };
  /** A run of part of the variants or queries, or at other settings (BENCH_VARIANTS, BENCH_QUERIES, BENCH_ROUNDS, BENCH_SECONDS); null: the whole run. */
  filter: { variants: string[] | null; queries: string[] | null } | null;
  variants: Variant[];
  queries: BenchQuery[];
  /** `<variant>/<query>` → one sample per round; null: the round was void. */
  samples: Map<string, (Sample | null)[]>;
  /** `<variant>/<query>` → why it was not measured. */
  refused: Map<string, string>;
  statements: Map<string, Statements>;
  bytes: Map<string, number>;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Same-round ratios of a figure of `a` to `b`: median and spread (min–max). */
export function ratio(m: Measured, a: string, b: string, query: string): { median: number; min: number; max: number; n: number } | null {
  const as = m.samples.get(`${a}/${query}`) ?? [];
  const bs = m.samples.get(`${b}/${query}`) ?? [];
  const ratios = as.flatMap((x, i) => (x && bs[i] ? [x.reqPerSec / bs[i]!.reqPerSec] : []));
  const mid = median(ratios);
  return mid === null ? null : { median: mid, min: Math.min(...ratios), max: Math.max(...ratios), n: ratios.length };
}

function stat(m: Measured, key: string, pick: (s: Sample) => number | null): number | null {
  return median((m.samples.get(key) ?? []).flatMap((s) => (s && pick(s) !== null ? [pick(s)!] : [])));
}

const f = (x: number | null, digits = 0) => (x === null ? '—' : x.toFixed(digits));
const r = (x: ReturnType<typeof ratio>) => (x ? `${x.median.toFixed(2)}× (${x.min.toFixed(2)}–${x.max.toFixed(2)}, n=${x.n})` : '—');

export function writeResults(file: string, m: Measured) {
  const lines: string[] = [];
  lines.push('# Benchmark results', '');
  lines.push(`Written by \`npm run bench\` (bench/run.ts) on ${m.date.toISOString()}, in ${m.durationSeconds.toFixed(0)} s. Do not edit: run it again.`, '');
  if (m.filter) {
    const only = [m.filter.variants && `variants ${m.filter.variants.join(', ')}`, m.filter.queries && `queries ${m.filter.queries.join(', ')}`].filter(Boolean).join('; ');
    lines.push(`**A partial run** (${only || 'all variants and queries'}; ${m.settings.rounds} rounds of ${m.settings.seconds} s): for development, not the results of record (bench/RESULTS.md).`, '');
  }
  lines.push('## Machine and versions', '');
  lines.push(`- ${m.machine.cores} × ${m.machine.cpu}, ${m.machine.memoryGb.toFixed(0)} GB; load average ${m.machine.loadBefore.map((x) => x.toFixed(1)).join(' ')} before, ${m.machine.loadAfter.map((x) => x.toFixed(1)).join(' ')} after (a shared machine: other work ran meanwhile, so only same-run ratios mean much).`);
  lines.push(`- Servers ${m.machine.pinned ? 'pinned to core 0 and the load generator (autocannon) to core 1 with taskset' : 'not pinned (no taskset or one core)'}; loopback.`);
  lines.push(`- Node ${m.versions.node}, PostgreSQL ${m.versions.postgres}; Modelgraph at ${m.versions.head.slice(0, 7)}${m.versions.baselineCommit ? `, baseline ${m.versions.baselineCommit.slice(0, 7)}` : ''}.`);
  lines.push(`- ${m.settings.rounds} rounds; each round measures every variant × query once, in a shuffled order, for ${m.settings.seconds} s at ${m.settings.connections} connections, after a 1 s warm-up of each. A round whose gate fails (non-200, errors, or not the expected JSON) or that saw a non-2xx answer, or none at all, is void.`, '');
  lines.push('## Variants', '');
  for (const v of m.variants) lines.push(`- **${v.id}**: ${v.title}`);
  lines.push('', '## Queries', '');
  for (const q of m.queries) {
    const s = m.statements.get(q.id);
    lines.push(`- **${q.id}**: ${q.title}; ${m.bytes.get(q.id)} response bytes; SQL statements per request: ${s?.uncached ?? '—'} uncached, ${s?.cached ?? '—'} from the cache.`);
  }
  const ran = new Set(m.variants.map((v) => v.id));
  const versus = (v: Variant, other: string, q: BenchQuery) => (v.id === other || !ran.has(other) ? '' : r(ratio(m, v.id, other, q.id)));
  lines.push('', '## Figures (medians over the rounds)', '');
  lines.push('"vs X": this variant\'s requests per second over X\'s, round by round (median, then the spread). V2 is Modelgraph uncached.', '');
  lines.push('| query | variant | req/s | p50 ms | p99 ms | server CPU µs/request | rounds | vs V0 | vs V2 | vs baseline |');
  lines.push('| --- | --- | ---: | ---: | ---: | ---: | ---: | --- | --- | --- |');
  for (const q of m.queries) {
    for (const v of m.variants) {
      const key = `${v.id}/${q.id}`;
      const refused = m.refused.get(key);
      if (refused) {
        lines.push(`| ${q.id} | ${v.id} | not measured: ${refused.replace(/\|/g, '/').slice(0, 120)} | | | | | | | |`);
        continue;
      }
      const valid = (m.samples.get(key) ?? []).filter((s) => s !== null).length;
      lines.push(
        `| ${q.id} | ${v.id} | ${f(stat(m, key, (s) => s.reqPerSec))} | ${f(stat(m, key, (s) => s.p50))} | ${f(stat(m, key, (s) => s.p99))} | ${f(stat(m, key, (s) => s.cpuMicrosPerRequest))} | ${valid}/${m.settings.rounds} | ${versus(v, 'V0', q)} | ${versus(v, 'V2', q)} | ${versus(v, 'B', q)} |`,
      );
    }
  }
  lines.push('', '## Targets', '');
  const target = (text: string, met: boolean | null, figure: string) => lines.push(`- ${met === null ? 'NOT MEASURED' : met ? 'MET' : 'NOT MET'}: ${text} — ${figure}`);
  const ratioTarget = (text: string, x: ReturnType<typeof ratio>, least: number) => target(text, x ? x.median >= least : null, x ? `measured ${r(x)}` : 'not measured in this run');
  for (const q of ['Q3-pair', 'Q3-five']) ratioTarget(`${q} with the cache warm (V4) ≥ 0.6× V0`, ratio(m, 'V4', 'V0', q), 0.6);
  ratioTarget('Q3 five models uncached (V2) ≥ 8× the baseline', ratio(m, 'V2', 'B', 'Q3-five'), 8);
  const p50 = stat(m, 'V2/Q3-five', (s) => s.p50);
  const p99 = stat(m, 'V2/Q3-five', (s) => s.p99);
  target('Q3 five models uncached: p99 ≤ 3× p50 at 8 connections', p50 !== null && p99 !== null ? p99 <= 3 * p50 : null, `p50 ${f(p50)} ms, p99 ${f(p99)} ms`);
  const statements = m.statements.get('Q3-five')?.uncached ?? null;
  target('Q3 five models uncached: ≤ 8 SQL statements', statements === null ? null : statements <= 8, `${statements ?? '—'} statements`);
  ratioTarget('Q2 uncached (V2) ≥ V5 (PostGraphile)', ratio(m, 'V2', 'V5', 'Q2'), 1);
  ratioTarget('Q2 uncached (V2) ≥ 0.5× V1 (database floor)', ratio(m, 'V2', 'V1', 'Q2'), 0.5);
  const cpu = (key: string) => f(stat(m, key, (s) => s.cpuMicrosPerRequest));
  const eighth = (x: number | null) => (x === null ? null : x / 8);
  lines.push('', '## Gaps and their causes', '');
  lines.push(
    `- **Cache warm against the wire floor.** Hits are answered by the fast lane (src/http/fast-lane.ts), a node:http listener in front of yoga that reads the body, hashes it into the cache key, looks it up and writes the stored bytes: ${cpu('V4/Q3-five')} µs of server CPU per Q3-five hit against V0's ${cpu('V0/Q3-five')} µs (Q1: ${cpu('V4/Q1')} against ${cpu('V0/Q1')}). What V0 does not do: the key (a SHA-256 of the body, remembered for bodies seen before), the request id, the metrics and the log line, and the rate limiter. Misses, and requests the lane does not answer (Authorization, an Origin it must answer CORS for through yoga, persisted-operation-only mode), go through yoga's pipeline as before.`,
  );
  lines.push(
    `- **Uncached comparison against the baseline.** The baseline answers its own, older comparison page (fewer fields, another catalog), so the ratio compares different work: per request V2 spends ${cpu('V2/Q3-five')} µs of CPU on the five-model page, the baseline ${cpu('B/Q3-five')} µs on its page; 8× the baseline's throughput would need about ${f(eighth(stat(m, 'B/Q3-five', (s) => s.cpuMicrosPerRequest)))} µs. A comparison now runs ${m.statements.get('Q3-five')?.uncached ?? '—'} SQL statements (the models named, and the catalog version): each model's facts, and its neighbours for \`related\`, are read once per catalog generation and shared (src/facts/). Where the rest goes, from a CPU profile of Q3-five in process (1,000 requests through \`app.fetch\` on PostgreSQL, 11.2 ms of CPU each, 2026-12-04 at load 4): graphql-js executing the page's ~600 fields into 65 KB, 19%; the comparison itself (compareModels), 17%, of which the costs with exact decimals 6%; garbage collection, 14%; yoga's pipeline, 9%; JSON.stringify, 6%; Kysely and pg for the two statements, 6%. graphql-jit (V3) takes a part of the first. Reaching the target would take executing the page without graphql-js's per-field work and cutting the comparison's allocations by more than half: not done.`,
  );
  lines.push(
    `- **graphql-jit (V3).** Compiling each operation once instead of graphql-js walking it at every request: on Q3-five V3 answers ${r(ratio(m, 'V3', 'V2', 'Q3-five'))} V2's requests at ${cpu('V3/Q3-five')} µs of CPU each against ${cpu('V2/Q3-five')}; on Q2 ${r(ratio(m, 'V3', 'V2', 'Q2'))} (${cpu('V3/Q2')} against ${cpu('V2/Q2')} µs). It executes only: parsing and validation are cached either way, and the resolvers, DataLoader batches and SQL are the same. GRAPHQL_JIT stays off by default until the whole test suite has run under it (\`TEST_GRAPHQL_JIT=on\`; so far the golden page, the comparison and the error tests have).`,
  );
  lines.push(
    `- **Against the database floor and the peer (Q1, Q2).** V1 sends one statement that PostgreSQL turns into the whole answer and spends ${cpu('V1/Q2')} µs of its own CPU per Q2 request (Q1: ${cpu('V1/Q1')}); PostGraphile (V5) spends ${cpu('V5/Q2')} µs (Q1: ${cpu('V5/Q1')}); Modelgraph uncached sends ${m.statements.get('Q2')?.uncached ?? '—'} statements for Q2 (the page of models; the routes with their providers and prices; the scores with their benchmarks) and ${m.statements.get('Q1')?.uncached ?? '—'} for Q1, and spends ${cpu('V2/Q2')} µs (Q1: ${cpu('V2/Q1')}). A CPU profile of Q1 in process (3,000 requests, 2.5 ms of CPU each) has no single hotspot: the kernel's loopback write of each statement to PostgreSQL (writev, about 0.2 ms a statement on this virtual machine), 18%; Kysely building the statements, 7%; garbage collection, 8%; pg parsing rows (timestamps alone 3%), yoga's pipeline and graphql-js for the rest. It also spends more than the baseline on Q1 and Q2: everything added since runs on every request (request ids, the log line and metrics, statement counting, rate limiting, query limits, CORS and persisted-operation hooks); which of them costs what is not measured yet. PostgreSQL's own CPU, unpinned, is not in these figures. V1's text is PostgreSQL's \`json\` output, with a space around each colon: a few hundred bytes more than Modelgraph's for the same JSON.`,
  );
  lines.push('- **Noise.** The load average above counts other engineers\' test suites on the same two cores; the spreads show it. CPU µs per request is the steadier figure.');
  lines.push('');
  writeFileSync(file, lines.join('\n'));
}
