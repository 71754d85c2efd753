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
  expect(fifty.length).toBeLessThanOrEqual(6);
  expect(fifty.length).toBe(five.length);
});
