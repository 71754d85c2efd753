/**
 * Lifecycle statuses, defined once: the table types, the dataset's
 * validation and the GraphQL enums derive from these tuples (in this order).
 * Pure: imports nothing.
 */

/** Where a model is in its life. */
export const MODEL_STATUSES = ['active', 'deprecated', 'retired'] as const;
export type ModelStatus = (typeof MODEL_STATUSES)[number];

/** Where a route (offering) is in its life: the same list as a model's. */
export const OFFERING_STATUSES = MODEL_STATUSES;
export type OfferingStatus = (typeof OFFERING_STATUSES)[number];

/** Whether a provider still serves traffic; a provider is never "retired". */
export const PROVIDER_STATUSES = ['active', 'deprecated'] as const;
export type ProviderStatus = (typeof PROVIDER_STATUSES)[number];
