import { Counter, type Registry } from 'prom-client';

/**
 * Where a response cache reports its lookups, for /metrics:
 * `modelgraph_response_cache_lookups_total{result="hit"|"miss"}`. The
 * response cache (src/cache/response-cache.ts) calls `hit()` when it answers a
 * request from its store and `miss()` when the request has to be executed
 * (`metrics.responseCache` of the app's Metrics, src/observability/metrics.ts).
 */
export interface ResponseCacheMetrics {
  hit(): void;
  miss(): void;
}

export function responseCacheMetrics(registry: Registry): ResponseCacheMetrics {
  const lookups = new Counter({
    name: 'modelgraph_response_cache_lookups_total',
    help: 'Response cache lookups, by result (hit or miss).',
    labelNames: ['result'] as const,
    registers: [registry],
  });
  // Both series exist from the start, so a rate over them is defined before the first hit.
  lookups.inc({ result: 'hit' }, 0);
  lookups.inc({ result: 'miss' }, 0);
  return { hit: () => lookups.inc({ result: 'hit' }), miss: () => lookups.inc({ result: 'miss' }) };
}
