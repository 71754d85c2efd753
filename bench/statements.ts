import { createApp } from '../src/app.js';
import { openResponseCache } from '../src/cache/open.js';
import { openPostgres } from '../src/db/client.js';
import type { BenchQuery } from './queries.js';

export interface Statements {
  uncached: number;
  cached: number;
}

/**
 * SQL statements per request, counted in process on the benchmark's database
 * through Kysely's log: each query once to warm (the catalog profiles of
 * `related` are read once per catalog version), then once more; and with the
 * response cache, a repeated request.
 */
export async function countStatements(databaseUrl: string, queries: BenchQuery[]): Promise<Map<string, Statements>> {
  const statements: string[] = [];
  const db = openPostgres(databaseUrl, { log: (event) => void (event.level === 'query' && statements.push(event.query.sql)) });
  const cache = await openResponseCache({ ttlSeconds: 60, maxEntries: 100, cdnMaxAgeSeconds: 0, redisKeyPrefix: 'unused:' }, db);
  const silent = { debug() {}, info() {}, warn() {}, error() {} };
  const plain = createApp({ db, logger: silent });
  const cached = createApp({ db, logger: silent, cache });
  const counts = new Map<string, Statements>();
  const send = async (app: typeof plain, query: BenchQuery) => {
    const response = await app.fetch('http://bench/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(query.body) });
    await response.text();
  };
  try {
    for (const query of queries) {
      await send(plain, query);
      statements.length = 0;
      await send(plain, query);
      const uncached = statements.length;
      await send(cached, query);
      statements.length = 0;
      await send(cached, query);
      counts.set(query.id, { uncached, cached: statements.length });
    }
  } finally {
    await cache.close();
    await db.destroy();
  }
  return counts;
}
