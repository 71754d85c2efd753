import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import type { GraphiQLOptions, Plugin } from 'graphql-yoga';
import { assetResponse, compressAsset, type StaticAsset } from './asset.js';
import { readExample } from './examples.js';

/**
 * GraphiQL with every asset inline (9 MB of HTML, so it works offline),
 * opening on two tabs: the seed-page comparison and a cost estimate for a
 * workload. The tabs apply until the browser has tabs of its own stored.
 */
function graphiqlHtml(): string {
  const comparison = readExample('comparison-page');
  const costEstimate = readExample('cost-estimate');
  const options: GraphiQLOptions & { variables: string } = {
    title: 'Modelgraph',
    defaultQuery: comparison.query,
    defaultTabs: [
      { query: comparison.query, variables: comparison.variables },
      { query: costEstimate.query, variables: costEstimate.variables },
    ],
    // GraphiQL 5 fills the first tab's variables from `initialVariables`
    // (yoga passes `variables` on), not from defaultTabs[0].
    variables: comparison.variables,
    defaultEditorToolsVisibility: 'variables',
  };
  return renderGraphiQL(options);
}

// Rendered and compressed once per process, on the thread pool, starting
// with the first app: every request then sends bytes ready to go.
let page: Promise<StaticAsset> | undefined;
export function graphiqlPage(): Promise<StaticAsset> {
  page ??= compressAsset(graphiqlHtml(), 'text/html; charset=utf-8');
  return page;
}

/** A browser's GET of /graphql (it accepts text/html) gets GraphiQL, compressed and with an ETag. */
export function useGraphiQLPage(endpoint: string): Plugin {
  const ready = graphiqlPage();
  return {
    async onRequest({ request, url, fetchAPI, endResponse }) {
      if (!asksForGraphiQL(request.method, url.pathname, request.headers.get('accept'), endpoint)) return;
      endResponse(assetResponse(await ready, request, fetchAPI.Response, { varyOnAccept: true }));
    },
  };
}

/** True for a browser's GET (or HEAD) of the GraphQL endpoint, which gets GraphiQL rather than an operation's result. */
export function asksForGraphiQL(method: string | undefined, path: string, accept: string | null, endpoint: string): boolean {
  return (method === 'GET' || method === 'HEAD') && path.replace(/\/$/, '') === endpoint && accept?.includes('text/html') === true;
}
