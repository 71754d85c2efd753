import { OFFERING_STATUSES } from '../domain/status.js';
import { builder } from './builder.js';
import { statusEnumValues } from './enum-values.js';
import { parseGlobalIntId } from './pagination.js';
import { ModelRef, OfferingRef, PriceRef, ProviderRef, SourceRef } from './refs.js';

const OfferingStatus = builder.enumType('OfferingStatus', {
  description: 'Whether a route can be used.',
  values: statusEnumValues(OFFERING_STATUSES, {
    active: 'Serving.',
    deprecated: 'Still listed, scheduled for removal; never chosen as cheapest.',
    retired: 'Gone from the provider; kept for history.',
  }),
});

builder.node(OfferingRef, {
  description: 'A route: one model served by one provider under the provider’s own id, with its prices.',
  id: { resolve: (offering) => offering.id, parse: parseGlobalIntId },
  loadMany: (ids, context) => Promise.all(ids.map((id) => context.loaders.offeringsById.get(id))),
  fields: (t) => ({
    version: t.exposeInt('version', { description: 'Raised by every change to the route: pass it as `expectedVersion` to update it (a stale one is refused with CONFLICT).' }),
    provider: t.field({
      type: ProviderRef,
      description: 'Who serves the route.',
      resolve: (offering, _args, { loaders }) => loaders.providersById.existing(offering.provider_id),
    }),
    model: t.field({
      type: ModelRef,
      description: 'The model served.',
      resolve: (offering, _args, { loaders }) => loaders.modelsById.existing(offering.model_id),
    }),
    providerModelId: t.exposeString('provider_model_id', {
      nullable: true,
      description: 'The id to send to this provider’s API, e.g. "meta-llama/llama-3.1-8b-instruct"; null when not known.',
    }),
    quantization: t.exposeString('quantization', { nullable: true, description: 'e.g. "fp8", when the provider says.' }),
    variants: t.exposeStringList('variants', {
      description: 'Speed and tier tags of the route, e.g. ["turbo"] or ["free"] (a rate-limited free tier, never chosen as cheapest).',
    }),
    contextWindow: t.exposeInt('context_window', {
      nullable: true,
      description: 'Context the provider allows on this route, which may be less than the model’s.',
    }),
    maxOutputTokens: t.exposeInt('max_output_tokens', { nullable: true, description: 'Longest output on this route.' }),
    status: t.expose('status', { type: OfferingStatus, description: 'Whether the route can be used.' }),
    price: t.field({
      type: PriceRef,
      nullable: true,
      description: 'The price in force now; null when the price is not known (which is not free).',
      resolve: (offering, _args, { loaders }) => loaders.currentPriceByOfferingId.get(offering.id),
    }),
    priceHistory: t.field({
      type: [PriceRef],
      description: 'Every price this route has had, newest first, including any announced for the future.',
      resolve: (offering, _args, { loaders }) => loaders.pricesByOfferingId.get(offering.id),
    }),
    source: t.field({
      type: SourceRef,
      nullable: true,
      description: 'Where the route is listed.',
      resolve: (offering, _args, { loaders }) =>
        offering.source_id === null ? null : loaders.sourcesById.get(offering.source_id),
    }),
  }),
});

PriceRef.implement({
  description: 'What a route costs from a date on, in USD per million tokens. Null is unknown, never zero.',
  fields: (t) => ({
    inputPerMTok: t.expose('input_per_mtok', { type: 'Decimal', nullable: true, description: 'Per 1M input tokens.' }),
    outputPerMTok: t.expose('output_per_mtok', { type: 'Decimal', nullable: true, description: 'Per 1M output tokens.' }),
    cacheReadPerMTok: t.expose('cache_read_per_mtok', {
      type: 'Decimal',
      nullable: true,
      description: 'Per 1M input tokens read from the prompt cache.',
    }),
    cacheWritePerMTok: t.expose('cache_write_per_mtok', {
      type: 'Decimal',
      nullable: true,
      description: 'Per 1M input tokens written to the prompt cache.',
    }),
    currency: t.exposeString('currency', { description: 'ISO 4217 code; always "USD" today.' }),
    effectiveFrom: t.expose('effective_from', {
      type: 'DateTime',
      description:
        'When this price took effect. 1970-01-01T00:00:00Z for a price the source gives no date for but says preceded its first dated change: in force since before any date the source knows.',
    }),
    source: t.field({
      type: SourceRef,
      nullable: true,
      description: 'Where the price was read.',
      resolve: (price, _args, { loaders }) => (price.source_id === null ? null : loaders.sourcesById.get(price.source_id)),
    }),
  }),
});
