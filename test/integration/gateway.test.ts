import { once } from 'node:events';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloGateway, IntrospectAndCompose } from '@apollo/gateway';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { useApolloFederation } from '@envelop/apollo-federation';
import { parse, type ExecutionResult } from 'graphql';
import { createYoga } from 'graphql-yoga';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';

/**
 * Modelgraph behind a real gateway, as a platform team runs it: Modelgraph and
 * a second subgraph (a team's notes, defined here) listen on loopback ports,
 * Apollo Gateway composes them by introspection (IntrospectAndCompose) and
 * plans every query across both. The notes subgraph knows models by slug
 * only and providers by id only, so both of Modelgraph's keys are used.
 */
const M1 = 'llama-3.2-1b-instruct';
const M8 = 'llama-3.1-8b-instruct';
const OPENROUTER = 'openrouter';

const NOTES_SDL = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key"])
  type Model @key(fields: "slug") {
    slug: String!
    internalNotes: String
  }
  type Provider @key(fields: "id") {
    id: ID!
    accountManager: String
  }
  type Query {
    "Models the team has notes on, most recent first."
    flaggedModels: [Model!]!
    "Providers the team has a contract with."
    contractedProviders: [Provider!]!
  }
`;

/** The notes subgraph: what another team would run next to Modelgraph. */
function notesSubgraph(openRouterId: string) {
  const notes = new Map([
    [M8, 'Approved for production traffic.'],
    [M1, 'Only for the on-device prototype.'],
  ]);
  const managers = new Map([[openRouterId, 'Dana']]);
  const schema = buildSubgraphSchema({
    typeDefs: parse(NOTES_SDL),
    resolvers: {
      Query: {
        flaggedModels: () => [{ slug: M8 }, { slug: M1 }],
        contractedProviders: () => [{ id: openRouterId }],
      },
      Model: {
        __resolveReference: (model: { slug: string }) => model,
        internalNotes: (model: { slug: string }) => notes.get(model.slug) ?? null,
      },
      Provider: {
        __resolveReference: (provider: { id: string }) => provider,
        accountManager: (provider: { id: string }) => managers.get(provider.id) ?? null,
      },
    } as never,
  });
  return createYoga({ schema, graphqlEndpoint: '/graphql', logging: false });
}

async function listen(handler: RequestListener): Promise<{ server: Server; url: string }> {
  const server = createServer(handler);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql` };
}

let t: TestApp;
let servers: Server[] = [];
let gateway: ApolloGateway;
let gatewayApp: ReturnType<typeof createYoga>;

beforeAll(async () => {
  t = await createTestApp();
  const { data } = await t.graphql(`{ provider(slug: "${OPENROUTER}") { id } }`);
  const modelgraph = await listen(t.app);
  const notes = await listen(notesSubgraph(data!.provider.id));
  servers = [modelgraph.server, notes.server];
  gateway = new ApolloGateway({
    supergraphSdl: new IntrospectAndCompose({
      subgraphs: [
        { name: 'modelgraph', url: modelgraph.url },
        { name: 'notes', url: notes.url },
      ],
    }),
    logger: { debug() {}, info() {}, warn() {}, error: console.error },
  });
  await gateway.load();
  // The gateway served by yoga: yoga parses and validates against the
  // supergraph's API schema, the gateway plans and executes. Each subgraph
  // masks its own unexpected errors, so the gateway relays theirs as they are.
  gatewayApp = createYoga({ plugins: [useApolloFederation({ gateway })], maskedErrors: false, logging: false });
});

afterAll(async () => {
  await gateway?.stop();
  for (const server of servers) {
    server.closeAllConnections();
    server.close();
  }
  await t?.destroy();
});

async function throughGateway(query: string, variables?: Record<string, unknown>): Promise<ExecutionResult<any>> {
  const response = await gatewayApp.fetch('http://gateway.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as ExecutionResult<any>;
}

describe('behind Apollo Gateway, with a second subgraph extending Model by slug and Provider by id', () => {
  it('composes one supergraph holding both subgraphs’ fields', async () => {
    const { data, errors } = await throughGateway(`{
      modelType: __type(name: "Model") { fields { name } }
      providerType: __type(name: "Provider") { fields { name } }
    }`);
    expect(errors).toBeUndefined();
    const names = (type: any) => type.fields.map((f: any) => f.name);
    expect(names(data!.modelType)).toEqual(expect.arrayContaining(['slug', 'name', 'offerings', 'internalNotes']));
    expect(names(data!.providerType)).toEqual(expect.arrayContaining(['id', 'slug', 'name', 'accountManager']));
  });

  it('Modelgraph fields lead to the notes subgraph’s: a model’s notes (by slug), its routes’ account managers (by id)', async () => {
    const { data, errors } = await throughGateway(`{
      model(slug: "${M8}") {
        name
        internalNotes
        offerings { provider { slug accountManager } }
      }
    }`);
    expect(errors).toBeUndefined();
    expect(data!.model.name).toBe('Llama 3.1 8B Instruct');
    expect(data!.model.internalNotes).toBe('Approved for production traffic.');
    const managers = data!.model.offerings.map((o: any) => [o.provider.slug, o.provider.accountManager]);
    expect(managers).toContainEqual([OPENROUTER, 'Dana']);
    // Providers the notes subgraph has no entry for are null there, not errors.
    expect(managers.filter(([slug]: [string]) => slug !== OPENROUTER).every(([, manager]: [string, unknown]) => manager === null)).toBe(true);
    expect(managers.length).toBeGreaterThan(1);
  });

  it('the notes subgraph’s root fields lead to Modelgraph’s: models found by slug, providers by id', async () => {
    const { data, errors } = await throughGateway(`{
      flaggedModels { slug internalNotes name contextWindow creator { name } }
      contractedProviders { accountManager name slug }
    }`);
    expect(errors).toBeUndefined();
    expect(data!.flaggedModels).toEqual([
      { slug: M8, internalNotes: 'Approved for production traffic.', name: 'Llama 3.1 8B Instruct', contextWindow: expect.any(Number), creator: { name: 'Meta' } },
      { slug: M1, internalNotes: 'Only for the on-device prototype.', name: 'Llama 3.2 1B Instruct', contextWindow: expect.any(Number), creator: { name: 'Meta' } },
    ]);
    expect(data!.contractedProviders).toEqual([{ accountManager: 'Dana', name: 'OpenRouter', slug: OPENROUTER }]);
  });

  it('a comparison whose models carry the notes subgraph’s field, with the seed page’s numbers', async () => {
    const { data, errors } = await throughGateway(
      `query ($models: [String!]!, $traffic: TrafficInput) {
        comparison(models: $models, traffic: $traffic) {
          models { slug internalNotes }
          costs { model { slug internalNotes } monthlyCost route { provider { slug accountManager } } }
          lowerCost { slug internalNotes }
        }
      }`,
      { models: [M1, M8], traffic: { inputTokensPerMonth: '848000000', outputTokensPerMonth: '230800000' } },
    );
    expect(errors).toBeUndefined();
    const comparison = data!.comparison;
    expect(comparison.models).toEqual([
      { slug: M1, internalNotes: 'Only for the on-device prototype.' },
      { slug: M8, internalNotes: 'Approved for production traffic.' },
    ]);
    expect(comparison.costs.map((c: any) => [c.model.slug, c.model.internalNotes, c.monthlyCost, c.route.provider.accountManager])).toEqual([
      [M1, 'Only for the on-device prototype.', '71.6', 'Dana'],
      [M8, 'Approved for production traffic.', '28.5', 'Dana'],
    ]);
    expect(comparison.lowerCost).toEqual({ slug: M8, internalNotes: 'Approved for production traffic.' });
  });

  it('a subgraph error reaches the client as a GraphQL error with its code, not a gateway crash', async () => {
    const { data, errors } = await throughGateway(`{ comparison(models: ["${M1}"]) { models { internalNotes } } }`);
    expect(data?.comparison ?? null).toBeNull();
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0]?.message).toMatch(/models/);
  });
});
