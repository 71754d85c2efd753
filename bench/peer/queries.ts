// Q1 and Q2 (bench/queries.ts) as PostGraphile's schema spells them, and the
// V5 gate: PostGraphile's answer must hold the same data as Modelgraph's.
import { isDeepStrictEqual } from 'node:util';
import { canonicalDecimal } from '../../src/resolvers/decimal.js';
import type { BenchQuery } from '../queries.js';

/** Routes by id, as Modelgraph lists them; `currentPrice` is the computed column bench/peer/server.mjs creates. */
const PEER_QUERIES: Record<string, string> = {
  Q1: /* GraphQL */ `
    query Q1($slug: String!) {
      modelBySlug(slug: $slug) {
        slug
        name
        offeringsByModelId(orderBy: PRIMARY_KEY_ASC) {
          nodes { providerByProviderId { slug name } status currentPrice { inputPerMtok outputPerMtok } }
        }
      }
    }
  `,
  Q2: /* GraphQL */ `
    query Q2 {
      allModels(first: 20, orderBy: [NAME_ASC, PRIMARY_KEY_ASC]) {
        edges {
          node {
            slug
            name
            offeringsByModelId(orderBy: PRIMARY_KEY_ASC) {
              nodes { providerByProviderId { slug name } currentPrice { inputPerMtok outputPerMtok } }
            }
            scoresByModelId(orderBy: PRIMARY_KEY_ASC) { nodes { benchmarkByBenchmarkId { slug } value } }
          }
        }
      }
    }
  `,
};

/** The PostGraphile request for a bench query: the same variables (Q1's slug). */
export function peerBody(query: BenchQuery): BenchQuery['body'] {
  return { query: PEER_QUERIES[query.id]!, variables: query.body.variables };
}

/** What both answers must agree on, model by model in order. */
interface Summary {
  slug: string;
  name: string;
  routes: { provider: string; status?: string; input: string | null; output: string | null }[];
  scores?: { benchmark: string; value: number }[];
}

const decimal = (text: string | null | undefined) => (text == null ? null : canonicalDecimal(text));

function modelgraphSummary(id: string, json: any): Summary[] {
  const models: any[] = id === 'Q1' ? [json.data.model].filter(Boolean) : json.data.models.edges.map((e: any) => e.node);
  return models.map((m) => ({
    slug: m.slug,
    name: m.name,
    routes: m.offerings.map((o: any) => ({
      provider: o.provider.slug,
      ...(o.status === undefined ? {} : { status: o.status }),
      input: decimal(o.price?.inputPerMTok),
      output: decimal(o.price?.outputPerMTok),
    })),
    ...(m.scores ? { scores: m.scores.map((s: any) => ({ benchmark: s.benchmark.slug, value: s.value })) } : {}),
  }));
}

function peerSummary(id: string, json: any): Summary[] {
  const models: any[] = id === 'Q1' ? [json.data.modelBySlug].filter(Boolean) : json.data.allModels.edges.map((e: any) => e.node);
  return models.map((m) => ({
    slug: m.slug,
    name: m.name,
    routes: m.offeringsByModelId.nodes.map((o: any) => ({
      provider: o.providerByProviderId.slug,
      // PostgreSQL's text ("active"); Modelgraph's enum names it ACTIVE.
      ...(o.status === undefined ? {} : { status: o.status.toUpperCase() }),
      input: decimal(o.currentPrice?.inputPerMtok),
      output: decimal(o.currentPrice?.outputPerMtok),
    })),
    // A numeric is a string in PostGraphile, a Float in Modelgraph.
    ...(m.scoresByModelId ? { scores: m.scoresByModelId.nodes.map((s: any) => ({ benchmark: s.benchmarkByBenchmarkId.slug, value: Number(s.value) })) } : {}),
  }));
}

/**
 * Null when PostGraphile's answer holds the same data as Modelgraph's: the
 * same models in the same order, each with the same routes (provider, status,
 * price in force, in order) and the same scores (benchmark, value, in order);
 * else what differs first.
 */
export function sameDataAsModelgraph(id: string, answer: unknown, expected: unknown): string | null {
  const ours = modelgraphSummary(id, expected);
  const theirs = peerSummary(id, answer);
  if (!isDeepStrictEqual(theirs.map((m) => m.slug), ours.map((m) => m.slug))) return 'not the same models in the same order';
  for (const [i, model] of ours.entries()) {
    const peer = theirs[i]!;
    if (peer.routes.length !== model.routes.length) return `${model.slug}: ${peer.routes.length} routes, not ${model.routes.length}`;
    if ((peer.scores?.length ?? 0) !== (model.scores?.length ?? 0)) return `${model.slug}: ${peer.scores?.length} scores, not ${model.scores?.length}`;
    if (!isDeepStrictEqual(peer, model)) return `${model.slug}: not the same routes, prices or scores`;
  }
  return null;
}
