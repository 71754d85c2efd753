import { z } from 'zod';
import { BENCHMARK_CATEGORIES } from '../domain/benchmarks.js';
import { PRICE_UNITS, SERVICE_TIERS, TIER_SCOPES } from '../domain/pricing.js';
import { CAPABILITIES, type CapabilityKey } from '../domain/capabilities.js';
import { MODEL_STATUSES, OFFERING_STATUSES, PROVIDER_STATUSES } from '../domain/status.js';

/**
 * The normalised form every catalog source is turned into before it touches
 * the database. Each fact names its source by key; `parseDataset` checks that
 * every reference resolves, so a bad file is rejected before anything is written.
 */

const slug = z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, 'must be a lower-case slug (a-z, 0-9, ".", "-")');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');
/** A non-negative decimal written as a string, so no float ever touches it. */
const decimal = z.string().regex(/^\d+(\.\d+)?$/, 'must be a non-negative decimal string such as "0.03"');
const sourceKey = z.string().min(1);

const source = z.object({
  key: sourceKey,
  name: z.string().min(1),
  url: z.string().url().nullable().default(null),
  retrievedAt: isoDate.nullable().default(null),
});

const creator = z.object({
  slug,
  name: z.string().min(1),
  website: z.string().url().nullable().default(null),
  source: sourceKey,
});

/** Unknown unless stated: an unknown capability is never false. */
const capabilityFlag = () => z.boolean().nullable().default(null);
const capabilities = z.object(
  Object.fromEntries(CAPABILITIES.map((c) => [c.key, capabilityFlag()])) as Record<CapabilityKey, ReturnType<typeof capabilityFlag>>,
);

const model = z.object({
  slug,
  name: z.string().min(1),
  family: z.string().min(1).nullable().default(null),
  creator: slug,
  releaseDate: isoDate.nullable().default(null),
  contextWindow: z.number().int().positive().nullable().default(null),
  maxOutputTokens: z.number().int().positive().nullable().default(null),
  totalParameters: z.number().int().positive().nullable().default(null),
  activeParameters: z.number().int().positive().nullable().default(null),
  architecture: z.string().min(1).nullable().default(null),
  license: z.string().min(1).nullable().default(null),
  openWeights: z.boolean().nullable().default(null),
  /** 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD': the precision is kept. */
  knowledgeCutoff: z
    .string()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD')
    .nullable()
    .default(null),
  inputModalities: z.array(z.string().min(1)).default([]),
  outputModalities: z.array(z.string().min(1)).default([]),
  capabilities: capabilities.default(capabilities.parse({})),
  decisionFit: z.array(slug).default([]),
  status: z.enum(MODEL_STATUSES).default('active'),
  deprecationDate: isoDate.nullable().default(null),
  lastReviewed: isoDate.nullable().default(null),
  source: sourceKey,
});

/** Another id of a model (a dated snapshot, a provider's id, a merged model's old slug). */
const alias = z.object({
  alias: z.string().min(1).max(200),
  model: slug,
  source: sourceKey,
});

const provider = z.object({
  slug,
  name: z.string().min(1),
  website: z.string().url().nullable().default(null),
  status: z.enum(PROVIDER_STATUSES).default('active'),
  source: sourceKey,
});

/** A price component beyond the base price (src/domain/pricing.ts): a context tier, a time window, a service tier, a fee. */
const priceComponent = z.object({
  unit: z.enum(PRICE_UNITS),
  price: decimal,
  tierThreshold: z.number().int().positive().nullable().default(null),
  tierInclusive: z.boolean().default(false),
  tierScope: z.enum(TIER_SCOPES).default('whole-request'),
  windowStart: z.number().int().min(0).max(1439).nullable().default(null),
  windowEnd: z.number().int().min(0).max(1440).nullable().default(null),
  serviceTier: z.enum(SERVICE_TIERS).default('standard'),
});

const price = z.object({
  /** When the price took effect; null means "in force from this import on". */
  effectiveFrom: z.string().datetime({ offset: true }).or(isoDate).nullable().default(null),
  currency: z.string().regex(/^[A-Z]{3}$/).default('USD'),
  inputPerMTok: decimal.nullable().default(null),
  outputPerMTok: decimal.nullable().default(null),
  cacheReadPerMTok: decimal.nullable().default(null),
  cacheWritePerMTok: decimal.nullable().default(null),
  components: z.array(priceComponent).default([]),
  source: sourceKey,
});

const offering = z.object({
  model: slug,
  provider: slug,
  providerModelId: z.string().min(1).nullable().default(null),
  quantization: z.string().min(1).nullable().default(null),
  /** Speed and tier tags of the route ("turbo", "free"). */
  variants: z.array(z.string().min(1)).default([]),
  contextWindow: z.number().int().positive().nullable().default(null),
  maxOutputTokens: z.number().int().positive().nullable().default(null),
  status: z.enum(OFFERING_STATUSES).default('active'),
  prices: z.array(price).default([]),
  source: sourceKey,
});

const benchmark = z.object({
  slug,
  name: z.string().min(1),
  category: z.enum(BENCHMARK_CATEGORIES).nullable().default(null),
  description: z.string().min(1).nullable().default(null),
  url: z.string().url().nullable().default(null),
  /** Null bounds for an open scale (an Arena rating). */
  scaleMin: decimal.nullable().default('0'),
  scaleMax: decimal.nullable().default('100'),
  higherIsBetter: z.boolean().default(true),
  source: sourceKey,
});

/** One leaderboard at one version or release: scores are comparable only inside one. */
const edition = z.object({
  slug,
  name: z.string().min(1),
  leaderboard: z.string().min(1),
  version: z.string().min(1).nullable().default(null),
  publishedOn: isoDate.nullable().default(null),
  /** False for labs' own reports. */
  independent: z.boolean(),
  licence: z.string().min(1).nullable().default(null),
  url: z.string().url().nullable().default(null),
  source: sourceKey,
});

const signedDecimal = z.string().regex(/^-?\d+(\.\d+)?$/, 'must be a decimal string such as "44.3"');

const score = z.object({
  model: slug,
  benchmark: slug,
  /** Null only for scores of datasets written before editions (the seed page). */
  edition: slug.nullable().default(null),
  value: signedDecimal,
  setting: z.string().default(''),
  /** Reasoning effort or thinking budget of the run ("high", "thinking-32k"); '' when none. */
  variant: z.string().default(''),
  ciLow: signedDecimal.nullable().default(null),
  ciHigh: signedDecimal.nullable().default(null),
  /** The model as the source names it. */
  sourceModelKey: z.string().min(1).nullable().default(null),
  measuredOn: isoDate.nullable().default(null),
  selfReported: z.boolean().nullable().default(null),
  source: sourceKey,
});

const datasetSchema = z.object({
  name: z.string().min(1),
  description: z.string().default(''),
  sources: z.array(source).min(1),
  creators: z.array(creator).default([]),
  models: z.array(model).default([]),
  /** Models the database already holds that this dataset refers to without redefining them. */
  existingModels: z.array(slug).default([]),
  aliases: z.array(alias).default([]),
  providers: z.array(provider).default([]),
  offerings: z.array(offering).default([]),
  benchmarks: z.array(benchmark).default([]),
  editions: z.array(edition).default([]),
  scores: z.array(score).default([]),
});

export type Dataset = z.infer<typeof datasetSchema>;
export type DatasetModel = Dataset['models'][number];
export type DatasetOffering = Dataset['offerings'][number];

export class DatasetError extends Error {
  override name = 'DatasetError';
}

/**
 * Validates a dataset and every reference inside it. The error names the
 * dataset, the entry and the field, so a broken file can be fixed at once.
 */
export function parseDataset(input: unknown, origin: string): Dataset {
  const parsed = datasetSchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`);
    throw new DatasetError(`${origin}: ${problems.join('; ')}`);
  }
  const dataset = parsed.data;
  const problems = [
    ...duplicates(dataset.sources.map((s) => s.key), 'sources', 'key'),
    ...duplicates(dataset.creators.map((c) => c.slug), 'creators', 'slug'),
    ...duplicates(dataset.models.map((m) => m.slug), 'models', 'slug'),
    ...duplicates(dataset.aliases.map((a) => a.alias.trim().toLowerCase()), 'aliases', 'alias'),
    ...duplicates(dataset.providers.map((p) => p.slug), 'providers', 'slug'),
    ...duplicates(dataset.benchmarks.map((b) => b.slug), 'benchmarks', 'slug'),
    ...duplicates(dataset.editions.map((e) => e.slug), 'editions', 'slug'),
  ];
  const known = {
    source: new Set(dataset.sources.map((s) => s.key)),
    creator: new Set(dataset.creators.map((c) => c.slug)),
    model: new Set([...dataset.models.map((m) => m.slug), ...dataset.existingModels]),
    provider: new Set(dataset.providers.map((p) => p.slug)),
    benchmark: new Set(dataset.benchmarks.map((b) => b.slug)),
    edition: new Set(dataset.editions.map((e) => e.slug)),
  };
  const check = (kind: keyof typeof known, value: string, path: string) => {
    if (!known[kind].has(value)) problems.push(`${path}: unknown ${kind} "${value}"`);
  };
  dataset.creators.forEach((c, i) => check('source', c.source, `creators[${i}].source`));
  dataset.providers.forEach((p, i) => check('source', p.source, `providers[${i}].source`));
  dataset.benchmarks.forEach((b, i) => check('source', b.source, `benchmarks[${i}].source`));
  dataset.models.forEach((m, i) => {
    check('creator', m.creator, `models[${i}].creator`);
    check('source', m.source, `models[${i}].source`);
  });
  dataset.aliases.forEach((a, i) => {
    check('model', a.model, `aliases[${i}].model`);
    check('source', a.source, `aliases[${i}].source`);
  });
  dataset.offerings.forEach((o, i) => {
    check('model', o.model, `offerings[${i}].model`);
    check('provider', o.provider, `offerings[${i}].provider`);
    check('source', o.source, `offerings[${i}].source`);
    o.prices.forEach((p, j) => check('source', p.source, `offerings[${i}].prices[${j}].source`));
  });
  dataset.editions.forEach((e, i) => check('source', e.source, `editions[${i}].source`));
  dataset.scores.forEach((s, i) => {
    check('model', s.model, `scores[${i}].model`);
    check('benchmark', s.benchmark, `scores[${i}].benchmark`);
    if (s.edition !== null) check('edition', s.edition, `scores[${i}].edition`);
    check('source', s.source, `scores[${i}].source`);
  });
  if (problems.length > 0) throw new DatasetError(`${origin}: ${problems.join('; ')}`);
  return dataset;
}

function duplicates(values: string[], collection: string, field: string): string[] {
  const seen = new Set<string>();
  const problems: string[] = [];
  values.forEach((value, i) => {
    if (seen.has(value)) problems.push(`${collection}[${i}].${field}: duplicate "${value}"`);
    seen.add(value);
  });
  return problems;
}

function formatPath(path: PropertyKey[]): string {
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`))
    .join('');
}
