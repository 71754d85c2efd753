import type { Db } from '../db/client.js';

/**
 * How comparable the models people compare are: for every pair of a list of
 * models, whether they share a benchmark inside one independent edition (the
 * only kind of score a comparison's quality signal rests on first).
 */

export interface PairCoverage {
  models: { slug: string; found: boolean }[];
  pairs: number;
  covered: number;
  /** Pairs with no shared independent benchmark, as "a / b". */
  uncovered: string[];
}

/** Pure: the pairs of `slugs` whose sets of "benchmark@edition" keys meet. */
export function pairCoverage(slugs: string[], keysBySlug: Map<string, Set<string>>): PairCoverage {
  const uncovered: string[] = [];
  let pairs = 0;
  for (let i = 0; i < slugs.length; i++) {
    for (let j = i + 1; j < slugs.length; j++) {
      pairs++;
      const a = keysBySlug.get(slugs[i]!) ?? new Set();
      const b = keysBySlug.get(slugs[j]!) ?? new Set();
      if (![...a].some((key) => b.has(key))) uncovered.push(`${slugs[i]} / ${slugs[j]}`);
    }
  }
  return { models: slugs.map((slug) => ({ slug, found: keysBySlug.has(slug) })), pairs, covered: pairs - uncovered.length, uncovered };
}

/** Each model's independent "benchmark@edition" keys, for the given slugs. */
export async function independentBenchmarkKeys(db: Db, slugs: string[]): Promise<Map<string, Set<string>>> {
  const rows = await db
    .selectFrom('scores')
    .innerJoin('models', 'models.id', 'scores.model_id')
    .innerJoin('editions', 'editions.id', 'scores.edition_id')
    .select(['models.slug', 'scores.benchmark_id', 'scores.edition_id'])
    .where('models.slug', 'in', slugs)
    .where('editions.independent', '=', true)
    .execute();
  const found = await db.selectFrom('models').select('slug').where('slug', 'in', slugs).execute();
  const keys = new Map<string, Set<string>>(found.map((m) => [m.slug, new Set()]));
  for (const row of rows) keys.get(row.slug)?.add(`${row.benchmark_id}@${row.edition_id}`);
  return keys;
}
