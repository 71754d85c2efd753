import type { Plugin } from 'graphql-yoga';
import type { Metrics } from './metrics.js';

export const METRICS_ENDPOINT = '/metrics';

/**
 * GET /metrics: the registry in Prometheus' text format, never cached by
 * anything (`Cache-Control: no-store`). It answers before any GraphQL
 * processing, so no response cache or rate limit sees it.
 */
export function useMetricsEndpoint(metrics: Metrics): Plugin {
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (url.pathname !== METRICS_ENDPOINT || (request.method !== 'GET' && request.method !== 'HEAD')) return;
      const body = await metrics.registry.metrics();
      endResponse(
        new fetchAPI.Response(request.method === 'HEAD' ? null : body, {
          status: 200,
          headers: { 'content-type': metrics.registry.contentType, 'cache-control': 'no-store' },
        }),
      );
    },
  };
}
