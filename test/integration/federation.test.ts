import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';

/** What a platform team does with this subgraph: compose it with another that extends its entities. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.destroy());

const REVIEWS = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key"])
  type Model @key(fields: "slug") {
    slug: String!
    reviewCount: Int!
  }
  type Provider @key(fields: "id") {
    id: ID!
    accountManager: String
  }
  type Query {
    mostReviewed: [Model!]!
  }
`;

it('serves its subgraph SDL, keyed by id and by slug, which composes with a subgraph extending Model by slug and Provider by id', async () => {
  const { data } = await t.graphql('{ _service { sdl } }');
  const sdl = data!._service.sdl as string;
  for (const entity of ['Model', 'Provider', 'Benchmark']) {
    expect(sdl).toMatch(new RegExp(`type ${entity} implements Node\\s+@key\\(fields: "id"\\)\\s+@key\\(fields: "slug"\\)`));
  }
  const result = composeServices([
    { name: 'modelgraph', typeDefs: parse(sdl), url: 'http://127.0.0.1:4000/graphql' },
    { name: 'reviews', typeDefs: parse(REVIEWS), url: 'http://127.0.0.1:4001/graphql' },
  ]);
  expect(result.errors ?? []).toEqual([]);
  expect(result.supergraphSdl).toMatch(/reviewCount: Int!.*@join__field\(graph: REVIEWS\)/);
  expect(result.supergraphSdl).toMatch(/accountManager: String.*@join__field\(graph: REVIEWS\)/);
  expect(result.supergraphSdl).toMatch(/comparison\(/);
});
