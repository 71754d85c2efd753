import type { Dataset, DatasetModel } from './dataset.js';
import { ModelIndex, parseModelId, type ResolutionRule } from './identity.js';
import { toSlug } from './providers.js';
import type { ModelDefinition, ModelFacts, RouteRecord, SourceBundle } from './records.js';

/** Display names of creators the identity rules know; others are named from their id. */
const CREATOR_NAMES: Record<string, string> = {
  meta: 'Meta', openai: 'OpenAI', anthropic: 'Anthropic', google: 'Google', mistral: 'Mistral AI', alibaba: 'Alibaba (Qwen)',
  deepseek: 'DeepSeek', microsoft: 'Microsoft', nvidia: 'NVIDIA', xai: 'xAI', cohere: 'Cohere', amazon: 'Amazon',
  ai21: 'AI21 Labs', moonshotai: 'Moonshot AI', zhipuai: 'Zhipu AI', minimax: 'MiniMax', ibm: 'IBM', perplexity: 'Perplexity',
  arcee: 'Arcee AI',
};

export interface UnresolvedRoute {
  provider: string;
  providerModelId: string;
  reason: string;
}

export interface Resolved {
  dataset: Dataset;
  unresolved: UnresolvedRoute[];
  /** How many routes each rule resolved (plus "defined" for routes that created their model). */
  rules: Record<ResolutionRule | 'base-model' | 'new-model', number>;
  warnings: string[];
}

type ModelDraft = {
  slug: string;
  creator: string;
  facts: ModelFacts;
  aliases: Set<string>;
  source: string;
  /** Release dates provider listings give; the model's is the earliest (listings come later). */
  listedReleaseDates: string[];
};

/**
 * Turns source bundles into one Dataset: every route assigned to exactly one
 * model, by explicit link (base_model), alias or key (identity.ts), or — for
 * a provider's own models, or ids naming their creator — as a new model.
 * Earlier bundles win where facts conflict, so pass the most trusted first.
 */
export function resolveBundles(name: string, bundles: SourceBundle[]): Resolved {
  const index = new ModelIndex();
  const models = new Map<string, ModelDraft>();
  const rules: Resolved['rules'] = { alias: 0, key: 0, 'without-route-tags': 0, 'instruct-suffix': 0, 'base-model': 0, 'new-model': 0 };
  const unresolved: UnresolvedRoute[] = [];
  const warnings = bundles.flatMap((b) => b.warnings);

  const define = (definition: ModelDefinition) => {
    const existing = models.get(definition.slug) ?? models.get(index.resolve(definition.slug)?.slug ?? '');
    if (existing) {
      mergeFacts(existing.facts, definition.facts);
      definition.aliases.forEach((a) => existing.aliases.add(a));
      return existing;
    }
    const draft: ModelDraft = {
      slug: definition.slug,
      creator: definition.creator.slug,
      facts: structuredClone(definition.facts),
      aliases: new Set(definition.aliases),
      source: definition.source,
      listedReleaseDates: [],
    };
    models.set(draft.slug, draft);
    index.addModel(draft.slug);
    return draft;
  };

  for (const bundle of bundles) for (const definition of bundle.models) define(definition);
  for (const draft of models.values()) for (const alias of draft.aliases) index.addAlias(alias, draft.slug);

  // A provider's own listing names its models best; then ids that carry an
  // organisation (Hugging Face style); bare aggregator ids last.
  const routes = bundles.flatMap((b) => b.routes);
  const rank = (r: RouteRecord) => (r.provider.firstPartyCreator ? 0 : r.providerModelId.includes('/') ? 1 : 2);
  const ordered = routes.map((route, i) => ({ route, i })).sort((a, b) => rank(a.route) - rank(b.route) || a.i - b.i);

  const offerings = new Map<string, Dataset['offerings'][number]>();
  for (const { route } of ordered) {
    const parsed = parseModelId(route.providerModelId);
    let slug: string | null = null;
    if (route.baseModel && models.has(route.baseModel)) {
      slug = route.baseModel;
      rules['base-model']++;
    } else {
      const resolution = index.resolve(route.providerModelId);
      if (resolution) {
        slug = resolution.slug;
        rules[resolution.rule]++;
      } else {
        const creator = route.provider.firstPartyCreator ?? parsed.creator;
        if (!creator) {
          unresolved.push({
            provider: route.provider.slug,
            providerModelId: route.providerModelId,
            reason: 'no known model matches and the id names no creator',
          });
          continue;
        }
        slug = define({
          slug: uniqueSlug(models, modelSlugFrom(parsed.lastSegment)),
          creator: { slug: toSlug(creator) },
          facts: {},
          aliases: [],
          source: route.source,
        }).slug;
        rules['new-model']++;
      }
    }
    const model = models.get(slug)!;
    const { releaseDate, ...listed } = route.facts;
    if (releaseDate) model.listedReleaseDates.push(releaseDate);
    mergeFacts(model.facts, { ...listed, contextWindow: route.contextWindow ?? undefined, maxOutputTokens: route.maxOutputTokens ?? undefined });

    const key = `${route.provider.slug}\u0000${route.providerModelId}`;
    const existing = offerings.get(key);
    if (existing) {
      if (existing.prices.length === 0) existing.prices = route.prices.map((p) => ({ ...p, currency: 'USD', source: route.source }));
      continue;
    }
    offerings.set(key, {
      model: slug,
      provider: route.provider.slug,
      providerModelId: route.providerModelId,
      quantization: parsed.quantization,
      variants: resolutionVariants(parsed.variants, route),
      contextWindow: route.contextWindow,
      maxOutputTokens: route.maxOutputTokens,
      status: route.deprecated ? 'deprecated' : 'active',
      prices: route.prices.map((p) => ({ ...p, currency: 'USD', source: route.source })),
      source: route.source,
    });
  }

  const providers = new Map(routes.map((r) => [r.provider.slug, r.provider]));
  const usedSources = new Set<string>();
  const dataset: Dataset = {
    name,
    description: `Resolved from ${bundles.flatMap((b) => b.sources.map((s) => s.name)).join('; ')}`,
    sources: [],
    creators: [...creatorSources(models)]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([slug, source]) => ({ slug, name: CREATOR_NAMES[slug] ?? titleCase(slug), website: null, source })),
    models: [...models.values()].map((m) => toDatasetModel(m)),
    providers: [...providers.values()].map((p) => ({
      slug: p.slug,
      name: p.name,
      website: p.website && /^https?:\/\//.test(p.website) ? p.website : null,
      status: 'active' as const,
      source: routes.find((r) => r.provider.slug === p.slug)!.source,
    })),
    offerings: [...offerings.values()],
    benchmarks: bundles.flatMap((b) => b.benchmarks).map((b) => ({ ...b, description: null })),
    scores: bundles.flatMap((b) => b.scores).map((s) => ({ ...s, measuredOn: null, selfReported: true })),
  };
  for (const s of [...dataset.creators, ...dataset.models, ...dataset.providers, ...dataset.offerings, ...dataset.benchmarks, ...dataset.scores]) {
    usedSources.add(s.source);
  }
  for (const o of dataset.offerings) for (const p of o.prices) usedSources.add(p.source);
  dataset.sources = dedupe(bundles.flatMap((b) => b.sources), (s) => s.key).filter((s) => usedSources.has(s.key));
  return { dataset, unresolved, rules, warnings };
}

/** Each creator with the source of the first model that named it: the creator is known on that source's word. */
function creatorSources(models: Map<string, ModelDraft>): Map<string, string> {
  const sources = new Map<string, string>();
  for (const model of models.values()) if (!sources.has(model.creator)) sources.set(model.creator, model.source);
  return sources;
}

/** Fills what `target` does not know from `source`; known facts are never overwritten. */
function mergeFacts(target: ModelFacts, source: ModelFacts): void {
  for (const [field, value] of Object.entries(source) as [keyof ModelFacts, unknown][]) {
    if (value === undefined || value === null) continue;
    if (field === 'capabilities') {
      const caps = (target.capabilities ??= {});
      for (const [cap, known] of Object.entries(value as object)) {
        if (known !== null && known !== undefined && (caps as Record<string, unknown>)[cap] == null) {
          (caps as Record<string, unknown>)[cap] = known;
        }
      }
    } else if (target[field] === undefined || target[field] === null) {
      (target as Record<string, unknown>)[field] = value;
    }
  }
}

function toDatasetModel(m: ModelDraft): DatasetModel {
  const f = m.facts;
  return {
    slug: m.slug,
    name: f.name ?? titleCase(m.slug),
    family: f.family ?? null,
    creator: m.creator,
    releaseDate: f.releaseDate ?? [...m.listedReleaseDates].sort()[0] ?? null,
    contextWindow: f.contextWindow ?? null,
    maxOutputTokens: f.maxOutputTokens ?? null,
    totalParameters: f.totalParameters ?? null,
    activeParameters: f.activeParameters ?? null,
    architecture: f.architecture ?? null,
    license: f.license ?? null,
    openWeights: f.openWeights ?? null,
    knowledgeCutoff: f.knowledgeCutoff ?? null,
    inputModalities: f.inputModalities ?? [],
    outputModalities: f.outputModalities ?? [],
    capabilities: {
      vision: f.capabilities?.vision ?? null,
      multimodal: f.capabilities?.multimodal ?? null,
      reasoning: f.capabilities?.reasoning ?? null,
      functionCalling: f.capabilities?.functionCalling ?? null,
      toolUse: f.capabilities?.toolUse ?? null,
      structuredOutputs: f.capabilities?.structuredOutputs ?? null,
      codeExecution: f.capabilities?.codeExecution ?? null,
    },
    decisionFit: f.decisionFit ?? [],
    status: f.status ?? 'active',
    deprecationDate: f.deprecationDate ?? null,
    lastReviewed: f.lastReviewed ?? null,
    aliases: [...m.aliases],
    source: m.source,
  };
}

/** A route priced at zero is a free tier (rate-limited), not a list price. */
function resolutionVariants(variants: string[], route: RouteRecord): string[] {
  const free = route.prices.some((p) => p.effectiveFrom === null && p.inputPerMTok === '0' && p.outputPerMTok === '0');
  return [...new Set([...variants, ...(free ? ['free'] : [])])];
}

/** A readable slug from the id as written: "Qwen2.5-72B-Instruct-Turbo" → "qwen2.5-72b-instruct". */
function modelSlugFrom(lastSegment: string): string {
  const parsed = parseModelId(lastSegment);
  const drop = new Set([...parsed.variants, 'hf', ...(parsed.quantization ? [parsed.quantization] : [])]);
  const kept = lastSegment.split(/[-_]/).filter((part) => !drop.has(part.toLowerCase()));
  const slug = toSlug(kept.join('-').replace(/^meta-(?=llama)/i, ''));
  return slug || toSlug(lastSegment);
}

function uniqueSlug(models: Map<string, ModelDraft>, slug: string): string {
  if (!models.has(slug)) return slug;
  for (let n = 2; ; n++) if (!models.has(`${slug}-${n}`)) return `${slug}-${n}`;
}

function titleCase(slug: string): string {
  return slug.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
}

function dedupe<T>(items: T[], key: (item: T) => string): T[] {
  return [...new Map(items.map((i) => [key(i), i])).values()];
}
