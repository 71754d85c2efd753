import { DEFAULT_INPUT_SHARE, DEFAULT_TRAFFIC, DEFAULT_WEIGHTS, type Traffic, type VerdictWeights } from '../resolvers/comparison/facts.js';
import { Decimal } from '../resolvers/decimal.js';
import { USE_CASE_DEFINITIONS, USE_CASES } from '../domain/use-cases.js';
import { builder } from './builder.js';
import { slugEnumValues } from './enum-values.js';
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

export const BlendInput = builder.inputType('BlendInput', {
  description: 'The input/output mix of the blended price.',
  fields: (t) => ({
    inputShare: t.field({
      type: 'Decimal',
      required: true,
      description: 'Share of input tokens, from 0 to 1 (0.7 means 70% input, 30% output).',
      validate: {
        refine: [
          (value: string) => !Decimal.from(value).isNegative() && !Decimal.from(value).greaterThan(Decimal.ONE),
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

export const VerdictWeightsInput = builder.inputType('VerdictWeightsInput', {
  description: `How much each signal counts in the verdict; relative, any scale. Omitted weights keep their defaults (quality ${DEFAULT_WEIGHTS.quality}, cost ${DEFAULT_WEIGHTS.cost}, availability ${DEFAULT_WEIGHTS.availability}, context ${DEFAULT_WEIGHTS.context}).`,
  fields: (t) => ({
    quality: t.float({ description: 'Comparable shared benchmark results, weighted by the use case.', validate: { min: 0 } }),
    cost: t.float({ description: 'Monthly cost at the traffic.', validate: { min: 0 } }),
    availability: t.float({ description: 'Providers the model can be bought from today.', validate: { min: 0 } }),
    context: t.float({ description: 'Context window.', validate: { min: 0 } }),
  }),
  validate: [
    (weights) => Object.values(weights).some((w) => w == null || w > 0),
    { message: 'at least one weight must be above 0' },
  ],
});

export function trafficFrom(input: { inputTokensPerMonth: string; outputTokensPerMonth: string } | null | undefined): Traffic {
  return input
    ? { inputTokens: BigInt(input.inputTokensPerMonth), outputTokens: BigInt(input.outputTokensPerMonth) }
    : DEFAULT_TRAFFIC;
}

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
