import { readFileSync } from 'node:fs';

/** One measured request: a GraphQL body POSTed to /graphql. */
export interface BenchQuery {
  id: string;
  title: string;
  body: { query: string; variables?: Record<string, unknown> };
}

const TRAFFIC = { inputTokensPerMonth: '848000000', outputTokensPerMonth: '230800000' };
export const FIVE_MODELS = ['gpt-4o', 'claude-sonnet-4', 'gemini-2.5-pro', 'llama-3.3-70b-instruct', 'deepseek-v3'];
export const SEED_PAIR = ['llama-3.2-1b-instruct', 'llama-3.1-8b-instruct'];

export const Q1_QUERY = /* GraphQL */ `
  query Q1($slug: String!) {
    model(slug: $slug) {
      slug
      name
      offerings { provider { slug name } status price { inputPerMTok outputPerMTok } }
    }
  }
`;

export const Q2_QUERY = /* GraphQL */ `
  query Q2 {
    models(first: 20) {
      edges {
        node {
          slug
          name
          offerings { provider { slug name } price { inputPerMTok outputPerMTok } }
          scores { benchmark { slug } value }
        }
      }
    }
  }
`;

const Q4_QUERY = /* GraphQL */ `
  query Q4($model: String!, $workload: WorkloadInput!) {
    costEstimate(model: $model, workload: $workload) {
      cheapest { provider { name } monthlyCost breakdown { component quantity unitPrice cost } }
      routes { provider { name } monthlyCost note }
    }
  }
`;

/** The comparison page of a checkout (the baseline commit has its own, older one). */
export function comparisonPage(root: string): string {
  return readFileSync(`${root}/examples/comparison-page.graphql`, 'utf8');
}

export function benchQueries(root: string): BenchQuery[] {
  const page = comparisonPage(root);
  return [
    { id: 'Q1', title: 'one model with routes and prices', body: { query: Q1_QUERY, variables: { slug: 'llama-3.1-8b-instruct' } } },
    { id: 'Q2', title: 'models(first: 20) with routes, providers, scores', body: { query: Q2_QUERY } },
    { id: 'Q3-pair', title: 'comparison page, seed pair', body: { query: page, variables: { models: SEED_PAIR, traffic: TRAFFIC } } },
    { id: 'Q3-five', title: 'comparison page, five models', body: { query: page, variables: { models: FIVE_MODELS, traffic: TRAFFIC } } },
    {
      id: 'Q4',
      title: 'costEstimate with a workload',
      body: {
        query: Q4_QUERY,
        variables: { model: 'llama-3.1-8b-instruct', workload: { requestsPerMonth: '100000', inputTokens: '4000', cachedInputTokens: '3000', outputTokens: '500', hourUtc: 14 } },
      },
    },
  ];
}
