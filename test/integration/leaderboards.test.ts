import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { runImport } from '../../src/catalog/import.js';
import type { SourceBundle } from '../../src/catalog/records.js';
import { leaderboardFormat } from '../../src/catalog/sources/benchmarks/leaderboards.js';
import { Decimal } from '../../src/resolvers/decimal.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

/**
 * Each leaderboard format, imported from its fixture (real entries in the
 * format as published) through `npm run import`'s pipeline, then read back
 * through the API: every score that lands on a model reads exactly as the
 * importer read it from the file (the importers' unit tests hold that reading
 * to the file's text, digit for digit).
 */
const fixture = (name: string) => new URL(`../fixtures/benchmarks/${name}`, import.meta.url).pathname;
const FIXTURES: [format: string, path: string, date?: string][] = [
  ['lmarena', fixture('lmarena/leaderboard-text-style-control.json'), '2025-12-17'],
  ['aider', fixture('aider/polyglot_leaderboard.yml')],
  ['livebench', fixture('livebench')],
  ['bfcl-v3', fixture('bfcl-v3')],
  ['bfcl-v4', fixture('bfcl-v4')],
  ['evalplus', fixture('evalplus/results.json')],
  ['open-llm', fixture('open-llm-leaderboard-v2/huggingface_v2.csv')],
  ['llm-stats', fixture('llm-stats/data')],
  ['models-dev-benchmarks', fixture('models-dev')],
];

let t: TestDatabase;
let graphql: (query: string, variables?: Record<string, unknown>) => Promise<any>;
beforeAll(async () => {
  t = await createTestDatabase();
  const app = createApp({ db: t.db, logger: { debug() {}, info() {}, warn() {}, error() {} } });
  graphql = async (query, variables) =>
    (await (await app.fetch('http://modelgraph.test/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) })).json()) as any;
}, 60_000);
afterAll(() => t.destroy());

describe.each(FIXTURES)('%s', (format, path, date) => {
  it('imports the fixture and serves each placed score exactly, with its edition and provenance', async () => {
    const reader = leaderboardFormat(format)!;
    const bundle: SourceBundle = await reader.read(path, date);
    const report = await runImport(t.db, { importer: 'leaderboard', format: reader, path, date });
    const unplaced = new Set(report.unplacedScores.map((u) => `${u.edition}\u0000${u.model}`));
    const placed = bundle.scores.filter((s) => !unplaced.has(`${s.edition}\u0000${s.model}`));
    expect(placed.length, 'the fixture has rows for catalog models').toBeGreaterThan(0);
    expect(report.written.scores.added + report.written.scores.unchanged).toBeGreaterThan(0);

    const editions = new Map(bundle.editions.map((e) => [e.slug, e]));
    for (const score of placed.slice(0, 25)) {
      const { data, errors } = await graphql(
        `query ($benchmark: String!, $edition: String!) {
          benchmark(slug: $benchmark) { scores(edition: $edition, first: 100) {
            valueDecimal variant sourceModelKey ciLow ciHigh selfReported edition { slug independent } source { name }
          } }
        }`,
        { benchmark: score.benchmark, edition: score.edition },
      );
      expect(errors).toBeUndefined();
      const served = data.benchmark.scores.filter((s: any) => s.sourceModelKey === score.model && Decimal.from(s.valueDecimal).equals(Decimal.from(score.value)));
      expect(served.length, `${score.model} on ${score.benchmark} (${score.edition}) = ${score.value}`).toBeGreaterThan(0);
      expect(served[0].edition).toEqual({ slug: score.edition, independent: editions.get(score.edition)!.independent });
      expect(served[0].source.name).toEqual(expect.any(String));
      if (score.ciLow !== null) expect(served[0].ciLow).toBe(Number(score.ciLow));
    }
  }, 60_000);
});
