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
  lines.push('', '## Gaps and their causes', '');
  lines.push(
    `- **Cache warm against the wire floor.** A hit costs ${cpu('V4/Q3-five')} µs of server CPU on Q3-five against V0's ${cpu('V0/Q3-five')} µs (Q1: ${cpu('V4/Q1')} against ${cpu('V0/Q1')}). The lookup itself is a hash and a map read; the rest is graphql-yoga's request pipeline, which the cache sits inside (the body parsed into params, @whatwg-node's fetch-API Request and Response objects, every plugin's hooks). A CPU profile (\`node --cpu-prof\`, 8 connections on Q3-five) showed 17% of a hit's CPU re-encoding the stored 65 KB string to UTF-8 on every send; the memory store now sends bytes encoded once. Closing the rest means answering in node:http before yoga (read the body, look up, write the bytes): not done.`,
  );
  lines.push(
    `- **Uncached comparison against the baseline.** The baseline answers its own, older comparison page (fewer fields, another catalog), so the ratio compares different work; per request V2 spends ${cpu('V2/Q3-five')} µs of CPU on the five-model page, the baseline ${cpu('B/Q3-five')} µs on its page. Profile of V2 on Q3-five: about a fifth garbage collection, then pg row parsing, graphql-js executing a 65 KB result, and the comparison math (compareModels, costs with exact decimals). \`related\` no longer reads the whole catalog per request (its profiles are read once per catalog version and price span: ${m.statements.get('Q3-five')?.uncached ?? '—'} statements per request). Not done: per-model facts (cheapest prices, provider counts) precomputed at import.`,
  );
  lines.push(
    `- **graphql-jit (V3).** Compiling each operation once instead of graphql-js walking it at every request: on Q3-five V3 answers ${r(ratio(m, 'V3', 'V2', 'Q3-five'))} V2's requests at ${cpu('V3/Q3-five')} µs of CPU each against ${cpu('V2/Q3-five')}; on Q2 ${r(ratio(m, 'V3', 'V2', 'Q2'))} (${cpu('V3/Q2')} against ${cpu('V2/Q2')} µs). It executes only: parsing and validation are cached either way, and the resolvers, DataLoader batches and SQL are the same. GRAPHQL_JIT stays off by default.`,
  );
  lines.push(
    `- **Against the database floor and the peer (Q1, Q2).** V1 sends one statement that PostgreSQL turns into the whole answer and spends ${cpu('V1/Q2')} µs of its own CPU per Q2 request (Q1: ${cpu('V1/Q1')}); Modelgraph uncached sends ${m.statements.get('Q2')?.uncached ?? '—'} statements (the page of models, then one per DataLoader batch) and spends ${cpu('V2/Q2')} µs (Q1: ${cpu('V2/Q1')}) in its process, spread over yoga's pipeline, Kysely building each statement, pg parsing rows, graphql-js executing and garbage collection (a CPU profile of V2 on Q2 shows no single hotspot; garbage collection, the largest, is about a tenth); PostGraphile (V5) spends ${cpu('V5/Q2')} µs (Q1: ${cpu('V5/Q1')}). PostgreSQL's own CPU, unpinned, is not in these figures. V1's text is PostgreSQL's \`json\` output, with a space around each colon: a few hundred bytes more than Modelgraph's for the same JSON.`,
  );
  lines.push('- **Noise.** The load average above counts other engineers\' test suites on the same two cores; the spreads show it. CPU µs per request is the steadier figure.');
  lines.push('');
  writeFileSync(file, lines.join('\n'));
}
