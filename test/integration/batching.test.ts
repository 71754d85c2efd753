import { afterAll, beforeAll, expect, it } from 'vitest';
import { applyDataset } from '../../src/catalog/apply.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { syntheticDataset } from '../support/synthetic.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ seed: null });
  await applyDataset(t.db, syntheticDataset(60), { importer: 'test', now: new Date() });
});
afterAll(() => t.destroy());

const QUERY = /* GraphQL */ `
  query ($first: Int!) {
    models(first: $first) {
      edges {
        node {
          slug
          offerings { providerModelId provider { name } price { inputPerMTok outputPerMTok } }
          scores { value benchmark { name } }
        }
      }
    }
  }
`;

async function statementsFor(first: number) {
  t.resetStatements();
  const { data, errors } = await t.graphql(QUERY, { first });
  expect(errors).toBeUndefined();
  const models = data!.models.edges.map((e: any) => e.node);
  expect(models).toHaveLength(first);
  // The relations really were resolved, not skipped.
  expect(models.every((m: any) => m.offerings.length === 3 && m.scores.length === 2)).toBe(true);
  expect(models[0].offerings[0].price).not.toBeNull();
  expect(models[0].scores[0].benchmark.name).toMatch(/^Bench/);
  return [...t.statements];
}

it('runs the same small number of SQL statements for 5 models as for 50', async () => {
  const five = await statementsFor(5);
  const fifty = await statementsFor(50);
  expect(fifty.length).toBe(five.length);
  // The page, the routes with their providers and prices, the scores with their benchmarks.
  expect(fifty).toHaveLength(3);
  // Not ordered or filtered by price: the cheapest prices are not read.
  expect(fifty[0]).not.toMatch(/cheapest/);
});

const ENTITIES = /* GraphQL */ `
  query ($representations: [_Any!]!) {
    _entities(representations: $representations) {
      __typename
      ... on Model { slug offerings { providerModelId price { inputPerMTok } } }
      ... on Provider { slug }
      ... on Benchmark { slug }
    }
  }
`;

/** Every synthetic model, provider and benchmark with its global id. */
async function entityKeys() {
  const { data } = await t.graphql(`{
    models(first: 100) { nodes { id slug } }
    providers(first: 100) { nodes { id slug } }
    benchmarks(first: 100) { nodes { id slug } }
  }`);
  return { Model: data!.models.nodes, Provider: data!.providers.nodes, Benchmark: data!.benchmarks.nodes } as Record<string, { id: string; slug: string }[]>;
}

/** Representations a gateway would send, `count` in all: entities of every type, taken in turn by id and by slug. */
function representations(keys: Record<string, { id: string; slug: string }[]>, count: number) {
  const byTypeAndKey = Object.entries(keys).flatMap(([__typename, rows]) => [
    rows.map(({ id, slug }) => ({ __typename, id, expected: slug })),
    rows.map(({ slug }) => ({ __typename, slug, expected: slug })),
  ]);
  return Array.from({ length: count }, (_, i) => {
    const group = byTypeAndKey[i % byTypeAndKey.length]!;
    return group[Math.floor(i / byTypeAndKey.length) % group.length]!;
  });
}

async function entityStatementsFor(count: number) {
  const sample = representations(await entityKeys(), count);
  t.resetStatements();
  const { data, errors } = await t.graphql(ENTITIES, { representations: sample.map(({ expected: _, ...r }) => r) });
  expect(errors).toBeUndefined();
  // Each representation resolved, in order, to its own entity, relations included.
  expect(data!._entities.map((e: any) => [e.__typename, e.slug])).toEqual(sample.map((r) => [r.__typename, r.expected]));
  const models = data!._entities.filter((e: any) => e.__typename === 'Model');
  expect(models.every((m: any) => m.offerings.length === 3 && m.offerings[0].price !== null)).toBe(true);
  return [...t.statements];
}

it('resolves 100 _entities representations, by id and by slug, in the same few SQL statements as 6', async () => {
  const six = await entityStatementsFor(6);
  const hundred = await entityStatementsFor(100);
  // By id and by slug for each of the three types, then the models' offerings and their prices.
  expect(hundred.length).toBeLessThanOrEqual(8);
  expect(hundred.length).toBe(six.length);
});
