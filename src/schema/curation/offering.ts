import { createOffering, retireOffering } from '../../catalog/curation/offerings.js';
import { recordPrice } from '../../catalog/curation/prices.js';
import { builder } from '../builder.js';
import { asOfRule } from '../input-rules.js';
import { PriceComponentUnitEnum, ServiceTierEnum, TierScopeEnum } from '../pricing.js';
import { OfferingRef } from '../refs.js';
import { isTokenCount, MAX_TOKEN_COUNT } from '../scalars.js';
import {
  decodeId,
  listRule,
  nodeIdOf,
  positiveIntRule,
  priceRule,
  slugRule,
  textListRule,
  textRule,
  urlRule,
  versionRule,
  windowEndRule,
  windowStartRule,
  dateRule,
} from './rules.js';
import { orLeave, write } from './write.js';

/** Curation of routes: create and retire one, and append prices to its history. */

const offeringIdRule = nodeIdOf(['Offering']);

const CreateOfferingInput = builder.inputType('CreateOfferingInput', {
  description: 'A new route: a model served by a provider.',
  fields: (t) => ({
    model: t.string({ required: true, description: 'The model\'s slug.', validate: slugRule }),
    provider: t.string({ required: true, description: 'The provider\'s slug.', validate: slugRule }),
    providerModelId: t.string({ description: 'The id to send to the provider\'s API.', validate: textRule }),
    quantization: t.string({ description: 'e.g. "fp8".', validate: textRule }),
    variants: t.stringList({ description: 'Speed and tier tags, e.g. ["turbo"].', validate: textListRule }),
    contextWindow: t.int({ description: 'Context the route allows, in tokens.', validate: positiveIntRule }),
    maxOutputTokens: t.int({ description: 'Longest output on the route.', validate: positiveIntRule }),
  }),
});

export const SourceInput = builder.inputType('SourceInput', {
  description: 'Where a fact comes from: found by name and URL, or added.',
  fields: (t) => ({
    name: t.string({ required: true, description: 'e.g. "Groq pricing page".', validate: textRule }),
    url: t.string({ description: 'http or https.', validate: urlRule }),
    retrievedAt: t.field({ type: 'Date', description: 'When it was read.', validate: dateRule }),
  }),
});

const tokenThresholdRule = {
  refine: [(v: string) => isTokenCount(v) && v !== '0', { message: `must be a whole number of tokens from 1 to ${MAX_TOKEN_COUNT}` }] as [
    (value: string) => boolean,
    { message: string },
  ],
};

const PriceComponentInput = builder.inputType('PriceComponentInput', {
  description: 'A component of a price beyond its base: a context tier, a time window, a service tier, a fee.',
  fields: (t) => ({
    unit: t.field({ type: PriceComponentUnitEnum, required: true, description: 'What it prices.' }),
    price: t.field({ type: 'Decimal', required: true, description: 'USD per 1M tokens (per request for REQUEST); not negative.', validate: priceRule }),
    tierThreshold: t.field({ type: 'TokenCount', description: 'Applies to requests whose input passes this many tokens.', validate: tokenThresholdRule }),
    tierInclusive: t.boolean({ description: 'Whether a request of exactly the threshold is inside the tier (false by default).' }),
    tierScope: t.field({ type: TierScopeEnum, description: 'What crossing the tier reprices (WHOLE_REQUEST by default).' }),
    windowStart: t.int({ description: 'A UTC time window\'s start, minutes after midnight (0–1439); with windowEnd.', validate: windowStartRule }),
    windowEnd: t.int({ description: 'Its end (0–1440), exclusive; before the start it wraps past midnight.', validate: windowEndRule }),
    serviceTier: t.field({ type: ServiceTierEnum, description: 'STANDARD by default.' }),
  }),
  validate: [(c) => (c.windowStart == null) === (c.windowEnd == null), { message: 'windowStart and windowEnd come together', path: ['windowEnd'] }],
});

builder.mutationFields((t) => ({
  createOffering: t.field({
    type: OfferingRef,
    description: 'Adds a route. Needs catalog:write.',
    authScopes: { catalogWrite: true },
    args: { input: t.arg({ type: CreateOfferingInput, required: true }) },
    resolve: (_root, { input }, ctx) => write(ctx, (trx) => createOffering(trx, { ...input, variants: orLeave(input.variants) })),
  }),
  retireOffering: t.field({
    type: OfferingRef,
    description: 'Retires a route (kept, with its price history) if it is still at `expectedVersion`. Needs catalog:write.',
    authScopes: { catalogWrite: true },
    args: {
      offering: t.arg.id({ required: true, description: 'The route\'s id.', validate: offeringIdRule }),
      expectedVersion: t.arg.int({ required: true, description: 'The `version` it is based on; a stale one is refused with CONFLICT.', validate: versionRule }),
    },
    resolve: (_root, { offering, expectedVersion }, ctx) => write(ctx, (trx) => retireOffering(trx, decodeId(String(offering)).key, expectedVersion)),
  }),
  recordPrice: t.field({
    type: OfferingRef,
    description:
      'Appends a price, with all its components, to a route\'s history from `effectiveFrom` (now when left out; a future instant takes effect then). Past prices are never edited: an instant the route already has a price at is refused (CONFLICT). Needs catalog:write.',
    authScopes: { catalogWrite: true },
    args: {
      offering: t.arg.id({ required: true, description: 'The route\'s id.', validate: offeringIdRule }),
      effectiveFrom: t.arg({ type: 'DateTime', description: 'When the price takes effect; now by default.', validate: asOfRule }),
      inputPerMTok: t.arg({ type: 'Decimal', description: 'USD per 1M input tokens; left out when unknown (never zero).', validate: priceRule }),
      outputPerMTok: t.arg({ type: 'Decimal', description: 'USD per 1M output tokens.', validate: priceRule }),
      cacheReadPerMTok: t.arg({ type: 'Decimal', description: 'USD per 1M cached input tokens read.', validate: priceRule }),
      cacheWritePerMTok: t.arg({ type: 'Decimal', description: 'USD per 1M tokens written to a 5-minute cache.', validate: priceRule }),
      components: t.arg({ type: [PriceComponentInput], description: 'Components beyond the base price.', validate: listRule }),
      source: t.arg({ type: SourceInput, required: true, description: 'Where the price comes from.' }),
    },
    resolve: async (_root, args, ctx) => {
      const offeringId = decodeId(String(args.offering)).key;
      await write(ctx, (trx) =>
        recordPrice(trx, offeringId, {
          effectiveFrom: args.effectiveFrom ?? null,
          inputPerMTok: args.inputPerMTok ?? null,
          outputPerMTok: args.outputPerMTok ?? null,
          cacheReadPerMTok: args.cacheReadPerMTok ?? null,
          cacheWritePerMTok: args.cacheWritePerMTok ?? null,
          components: (args.components ?? []).map((c) => ({
            unit: c.unit,
            price: c.price,
            tierThreshold: c.tierThreshold == null ? null : Number(c.tierThreshold),
            tierInclusive: c.tierInclusive ?? false,
            tierScope: c.tierScope ?? 'whole-request',
            windowStart: c.windowStart ?? null,
            windowEnd: c.windowEnd ?? null,
            serviceTier: c.serviceTier ?? 'standard',
          })),
          source: args.source,
        }),
      );
      return (await ctx.loaders.offeringsById.get(offeringId))!;
    },
  }),
}));
