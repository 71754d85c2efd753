import { DEFAULT_INPUT_SHARE, DEFAULT_TRAFFIC, DEFAULT_WEIGHTS, type Traffic, type VerdictWeights } from '../resolvers/comparison/facts.js';
import { Decimal } from '../resolvers/decimal.js';
import { USE_CASE_DEFINITIONS, USE_CASES } from '../domain/use-cases.js';
import type { ServiceTier } from '../domain/pricing.js';
import type { Workload } from '../resolvers/cost/workload.js';
import { builder } from './builder.js';
import { slugEnumValues } from './enum-values.js';
import { ServiceTierEnum } from './pricing.js';
import { INPUT_LIMITS } from '../query-limits.js';
import { asOfRule } from './input-rules.js';
import { isTokenCount, MAX_TOKEN_COUNT } from './scalars.js';

/** Inputs of the comparison and cost queries, validated before any resolver runs. */

const tokenCountRule = {
  refine: [isTokenCount, { message: `must be a whole number of tokens from 0 to ${MAX_TOKEN_COUNT}` }] as [
    (value: string) => boolean,
    { message: string },
  ],
};

export const TrafficInput = builder.inputType('TrafficInput', {
  description: 'Monthly token traffic. Whole numbers; they may exceed 2^31, so pass large values as strings if your client needs to.',
  fields: (t) => ({
    inputTokensPerMonth: t.field({
      type: 'TokenCount',
      required: true,
      description: 'Input (prompt) tokens a month, e.g. 848000000.',
      validate: tokenCountRule,
    }),
    outputTokensPerMonth: t.field({
      type: 'TokenCount',
      required: true,
      description: 'Output (completion) tokens a month, e.g. 230800000.',
      validate: tokenCountRule,
    }),
  }),
});

interface WorkloadArgs {
  requestsPerMonth: string;
  inputTokens: string;
  outputTokens: string;
  cachedInputTokens?: string | null;
  cacheWriteTokens?: string | null;
  hourUtc?: number | null;
  serviceTier?: ServiceTier | null;
}

/**
 * The workload's counts (requests, input, output, cached, cache writes), or
 * null when one is not a whole count: a refinement over the whole input may
 * run on what the field rules have not rejected yet.
 */
const counts = (w: Record<string, unknown>) => {
  const all = [w.requestsPerMonth, w.inputTokens, w.outputTokens, w.cachedInputTokens ?? '0', w.cacheWriteTokens ?? '0'];
  return all.every((v) => typeof v === 'string' && isTokenCount(v)) ? (all as string[]).map(BigInt) : null;
};

export const WorkloadInput = builder.inputType('WorkloadInput', {
  description:
    'A month of requests of one shape, priced with everything a route lists: cached reads, cache writes, context tiers, time-of-day windows, service tiers and per-request fees. Whole numbers; they may exceed 2^31, so pass large values as strings if your client needs to.',
  fields: (t) => ({
    requestsPerMonth: t.field({ type: 'TokenCount', required: true, description: 'Requests a month.', validate: tokenCountRule }),
    inputTokens: t.field({ type: 'TokenCount', required: true, description: 'Input tokens per request, cached ones included.', validate: tokenCountRule }),
    outputTokens: t.field({ type: 'TokenCount', required: true, description: 'Output tokens per request, reasoning included.', validate: tokenCountRule }),
    cachedInputTokens: t.field({ type: 'TokenCount', description: 'Of inputTokens, those read from the cache; default 0.', validate: tokenCountRule }),
    cacheWriteTokens: t.field({
      type: 'TokenCount',
      description: 'Of inputTokens, those written to the cache (5-minute); default 0.',
      validate: tokenCountRule,
    }),
    hourUtc: t.int({
      description: 'Every request is sent at this UTC hour (0–23); default: spread evenly over the day.',
      validate: { int: true, min: [0, { message: 'must be an hour from 0 to 23' }], max: [23, { message: 'must be an hour from 0 to 23' }] },
    }),
    serviceTier: t.field({ type: ServiceTierEnum, description: 'The service tier to price; default STANDARD.' }),
  }),
  validate: {
    refine: [
      [
        (w) => {
          const c = counts(w);
          return c === null || c[3]! + c[4]! <= c[1]!;
        },
        { message: 'cachedInputTokens and cacheWriteTokens are part of inputTokens: together they cannot exceed it', path: ['cachedInputTokens'] },
      ],
      [
        (w) => {
          const c = counts(w);
          return c === null || (c[0]! * c[1]! <= MAX_TOKEN_COUNT && c[0]! * c[2]! <= MAX_TOKEN_COUNT);
        },
        { message: `requestsPerMonth × tokens per request must be at most ${MAX_TOKEN_COUNT} tokens a month, as for traffic`, path: ['requestsPerMonth'] },
      ],
    ],
  },
});

export const BlendInput = builder.inputType('BlendInput', {
  description: 'The input/output mix of the blended price.',
  fields: (t) => ({
    inputShare: t.field({
      type: 'Decimal',
      required: true,
      description: 'Share of input tokens, from 0 to 1 (0.7 means 70% input, 30% output); at most 40 characters.',
      validate: {
        maxLength: [INPUT_LIMITS.number, { message: `must be at most ${INPUT_LIMITS.number} characters` }],
        refine: [
          // Longer text is refused by maxLength (and may not be canonical): only text that fits is compared.
          (value: string) => value.length > INPUT_LIMITS.number || (!Decimal.from(value).isNegative() && !Decimal.from(value).greaterThan(Decimal.ONE)),
          { message: 'must be between 0 and 1' },
        ],
      },
    }),
  }),
});

export const UseCaseEnum = builder.enumType('UseCase', {
  description:
    'What the compared models are for: which benchmark categories the verdict’s quality signal weighs (the weights are in src/domain/use-cases.ts).',
  values: slugEnumValues(
    USE_CASES,
    Object.fromEntries(USE_CASES.map((u) => [u, USE_CASE_DEFINITIONS[u].description])) as Record<(typeof USE_CASES)[number], string>,
  ),
});

/** A verdict weight: a finite number from 0 to 100. */
const weightRule = {
  min: [0, { message: `must be from 0 to ${INPUT_LIMITS.weight}` }],
  max: [INPUT_LIMITS.weight, { message: `must be from 0 to ${INPUT_LIMITS.weight}` }],
} as { min: [number, { message: string }]; max: [number, { message: string }] };

export const VerdictWeightsInput = builder.inputType('VerdictWeightsInput', {
  description: `How much each signal counts in the verdict; relative, each from 0 to ${INPUT_LIMITS.weight}. Omitted weights keep their defaults (quality ${DEFAULT_WEIGHTS.quality}, cost ${DEFAULT_WEIGHTS.cost}, availability ${DEFAULT_WEIGHTS.availability}, context ${DEFAULT_WEIGHTS.context}).`,
  fields: (t) => ({
    quality: t.float({ description: 'Comparable shared benchmark results, weighted by the use case.', validate: weightRule }),
    cost: t.float({ description: 'Monthly cost at the traffic.', validate: weightRule }),
    availability: t.float({ description: 'Providers the model can be bought from today.', validate: weightRule }),
    context: t.float({ description: 'Context window.', validate: weightRule }),
  }),
  validate: [
    (weights) => Object.values(weights).some((w) => w == null || w > 0),
    { message: 'at least one weight must be above 0' },
  ],
});

/** What to price and when: the arguments comparison and costEstimate share. */
export const usageArgs = builder.args((t) => ({
  traffic: t.field({
    type: TrafficInput,
    description: 'Monthly traffic, priced as many small requests with no cache; default 700M input + 300M output tokens.',
  }),
  workload: t.field({
    type: WorkloadInput,
    description: 'A workload to price instead of traffic: request shape, cache use, hour and service tier. Give traffic or workload, not both.',
  }),
  asOf: t.field({ type: 'DateTime', description: 'Use the prices in force at this instant (1970-01-01 to 9999-12-31); default now.', validate: asOfRule }),
}));

export function trafficFrom(input: { inputTokensPerMonth: string; outputTokensPerMonth: string } | null | undefined): Traffic {
  return input
    ? { inputTokens: BigInt(input.inputTokensPerMonth), outputTokens: BigInt(input.outputTokensPerMonth) }
    : DEFAULT_TRAFFIC;
}

export function workloadFrom(input: WorkloadArgs): Workload {
  return {
    requestsPerMonth: BigInt(input.requestsPerMonth),
    inputTokens: BigInt(input.inputTokens),
    outputTokens: BigInt(input.outputTokens),
    cachedInputTokens: BigInt(input.cachedInputTokens ?? 0),
    cacheWriteTokens: BigInt(input.cacheWriteTokens ?? 0),
    hourUtc: input.hourUtc ?? null,
    serviceTier: input.serviceTier ?? 'standard',
  };
}

/** What a workload sends in a month, as traffic: requests × tokens per request. */
export function trafficOfWorkload(w: Workload): Traffic {
  return { inputTokens: w.requestsPerMonth * w.inputTokens, outputTokens: w.requestsPerMonth * w.outputTokens };
}

/** The `traffic` and `workload` arguments, at most one of them given: what the costs are computed at. */
export function usageFrom(args: {
  traffic?: { inputTokensPerMonth: string; outputTokensPerMonth: string } | null;
  workload?: WorkloadArgs | null;
}): { traffic: Traffic; workload: Workload | null } {
  if (args.workload) {
    const workload = workloadFrom(args.workload);
    return { traffic: trafficOfWorkload(workload), workload };
  }
  return { traffic: trafficFrom(args.traffic), workload: null };
}

/** The field-level rule of a query taking both: traffic or workload, not both. */
export const trafficOrWorkload: [
  (args: { traffic?: unknown; workload?: unknown }) => boolean,
  { message: string; path: string[] },
] = [
  (args) => args.traffic == null || args.workload == null,
  { message: 'give traffic or workload, not both: a workload already says how many tokens a month it sends', path: ['workload'] },
];

export function inputShareFrom(input: { inputShare: string } | null | undefined): Decimal {
  return Decimal.from(input?.inputShare ?? DEFAULT_INPUT_SHARE);
}

export function weightsFrom(input: Partial<Record<keyof VerdictWeights, number | null>> | null | undefined): VerdictWeights {
  return {
    quality: input?.quality ?? DEFAULT_WEIGHTS.quality,
    cost: input?.cost ?? DEFAULT_WEIGHTS.cost,
    availability: input?.availability ?? DEFAULT_WEIGHTS.availability,
    context: input?.context ?? DEFAULT_WEIGHTS.context,
  };
}
