import { capabilityValues } from '../domain/capabilities.js';
import type { Dataset, DatasetModel } from './dataset.js';
import { closestSlugs, ModelIndex, parseModelId, type ResolutionRule, splitScoreVariant, undatedSegment } from './identity.js';
import { toSlug } from './providers.js';
import type { ModelDefinition, ModelFacts, RouteRecord, SourceBundle } from './records.js';


export interface UnresolvedRoute {
  provider: string;
  providerModelId: string;
  reason: string;
}

/** What the database already holds: resolution starts from it, so import order never changes a slug. */
export interface KnownCatalog {
  models: { slug: string; creator: string }[];
  aliases: { alias: string; slug: string }[];
  /** Each route's model as the database holds it: a model all of whose routes now resolve to one other model is that model. */
  routes: { provider: string; providerModelId: string; slug: string }[];
}

export const EMPTY_CATALOG: KnownCatalog = { models: [], aliases: [], routes: [] };

/** A model the database holds that is the same model as another: its routes, prices, scores and aliases move there. */
export interface Merge {
  from: string;
  into: string;
  reason: string;
}

/** An undated id with several snapshots (gpt-4o), or a "-latest" of no one version: its own model, whose target moves. */
export interface Pointer {
  slug: string;
  snapshots: string[];
}

/** A leaderboard row whose model the catalog does not hold (or the rules cannot place), with what it looks like. */
export interface UnplacedScore {
  edition: string;
  model: string;
  candidates: string[];
}

export interface Resolved {
  dataset: Dataset;
  unresolved: UnresolvedRoute[];
  unplacedScores: UnplacedScore[];
  /** How many routes each rule resolved (plus "defined" for routes that created their model). */
  rules: Record<ResolutionRule | 'base-model' | 'new-model', number>;
  merges: Merge[];
  pointers: Pointer[];
  /** Models no source names: their name is the slug title-cased. */
  namedFromId: string[];
  warnings: string[];
}

/** Where a name came from, best first: curated, a lab's own file, the lab's own API listing, any listing. */
enum NameRank {
  Curated,
  Lab,
  FirstParty,
  Listing,
}

type ModelDraft = {
  slug: string;
  creator: string;
  facts: ModelFacts;
  /** Names sources give, with their rank and whether the id they named reduces to this model's own key. */
  names: { name: string; rank: NameRank; exact: boolean }[];
  aliases: Map<string, string>;
  source: string;
  /** Release dates provider listings give; the model's is the earliest (listings come later). */
  listedReleaseDates: string[];
};

const normalise = (id: string) => id.trim().toLowerCase();

/** How many unplaced leaderboard rows get their closest catalog slugs in the report. */
const CANDIDATES_FOR = 300;

/**
 * Turns source bundles into one Dataset: every route assigned to exactly one
 * model, by explicit link (base_model), alias or key (identity.ts), or — for
 * a provider's own models, or ids naming their creator — as a new model.
 * The database's models and aliases are resolved against first, so their
 * slugs stay; two of them that the rules now know to be one model are
 * reported as a merge. Earlier bundles win where facts conflict, so pass the
 * most trusted first.
 */
export function resolveBundles(name: string, bundles: SourceBundle[], known: KnownCatalog = EMPTY_CATALOG): Resolved {
  const definitions = bundles.flatMap((b, i) => b.models.map((definition) => ({ definition, rank: i === 0 ? NameRank.Curated : NameRank.Lab })));
  const routes = bundles.flatMap((b) => b.routes);
  const creators = new Map(bundles.flatMap((b) => b.creators).map((c) => [c.slug, c]));
  const rules: Resolved['rules'] = { alias: 0, key: 0, 'without-route-tags': 0, 'instruct-suffix': 0, 'base-model': 0, 'new-model': 0 };
  const unresolved: UnresolvedRoute[] = [];
  const warnings = bundles.flatMap((b) => b.warnings);

  // Aliases a source states outright decide identity.
  const stated = new Map<string, { model: string; source: string }>();
  for (const { definition } of definitions) for (const alias of definition.aliases) stated.set(normalise(alias), { model: definition.slug, source: definition.source });
  for (const b of bundles) for (const a of b.aliases) stated.set(normalise(a.alias), { model: a.model, source: a.source });
  const ids = [
    ...definitions.map(({ definition }) => definition.slug),
    ...routes.map((r) => r.providerModelId),
    ...known.models.map((m) => m.slug),
    ...known.aliases.map((a) => a.alias),
    ...stated.keys(),
  ];
  // A stated alias that names which snapshot an undated id is ("gpt-4o" is gpt-4o-2024-08-06) decides that
  // undated id: the only-snapshot rule no longer joins its other snapshots to it.
  const decided = [...stated].flatMap(([alias, { model }]) => {
    const parsed = parseModelId(alias);
    return parsed.snapshot && parsed.undatedKey === parseModelId(model).undatedKey ? [parsed.undatedKey] : [];
  });
  const index = new ModelIndex(ids, [...pricedApart(routes), ...decided]);
  for (const [alias, { model }] of stated) index.addAlias(alias, model);

  const merges: Merge[] = [];
  const mergedInto = new Map<string, string>();
  const follow = (slug: string): string => {
    for (let hops = 0; mergedInto.has(slug) && hops < 10; hops++) slug = mergedInto.get(slug)!;
    return slug;
  };
  const existing = new Map<string, string>();
  for (const a of known.aliases) if (!index.aliasTarget(a.alias)) index.addAlias(a.alias, a.slug);
  const knownSlugs = new Set(known.models.map((m) => m.slug));
  const preference = (slug: string) => slugPreference(slug, knownSlugs);
  for (const m of [...known.models].sort((a, b) => preference(a.slug) - preference(b.slug) || a.slug.length - b.slug.length || a.slug.localeCompare(b.slug))) {
    const target = index.aliasTarget(m.slug);
    const into = target && target !== m.slug ? target : index.addModel(m.slug) ? null : index.resolve(m.slug)!.slug;
    if (into) {
      mergedInto.set(m.slug, into);
      merges.push({ from: m.slug, into, reason: target ? `"${m.slug}" is an alias of "${into}"` : `"${m.slug}" and "${into}" are one model by the identity rules` });
    } else existing.set(m.slug, m.creator);
  }

  const statedModels = new Set([...stated.values()].map((s) => follow(s.model)));
  const drafts = new Map<string, ModelDraft>();
  // Definitions that only name a model (a curated name and creator): they apply when a route or score
  // names the model, and create none on their own, so an import of a few routes is not padded with empty models.
  const naming = new Map<string, { definition: ModelDefinition; rank: NameRank }>();
  const draftFor = (slug: string, creator: string, source: string): ModelDraft => {
    const found = drafts.get(slug);
    if (found) return found;
    const named = naming.get(slug);
    const draft: ModelDraft = {
      slug,
      creator: named?.definition.creator.slug ?? creator,
      facts: {},
      names: [],
      aliases: new Map(),
      source: named?.definition.source ?? source,
      listedReleaseDates: [],
    };
    drafts.set(slug, draft);
    index.addModel(slug);
    if (named) applyDefinition(draft, named.definition, named.rank);
    return draft;
  };
  const applyDefinition = (draft: ModelDraft, definition: ModelDefinition, rank: NameRank) => {
    if (definition.slug !== draft.slug) draft.aliases.set(normalise(definition.slug), definition.source);
    const { name: definedName, ...facts } = definition.facts;
    addName(draft, definition.slug, definedName, rank);
    mergeFacts(draft.facts, facts);
    for (const alias of definition.aliases) draft.aliases.set(normalise(alias), definition.source);
  };
  /** The model an id names: one already drafted or in the database, else null. */
  const modelFor = (id: string): { slug: string; rule: ResolutionRule } | null => {
    const resolution = index.resolve(id);
    if (!resolution) return null;
    const slug = follow(resolution.slug);
    return drafts.has(slug) || existing.has(slug) || statedModels.has(slug) ? { slug, rule: resolution.rule } : null;
  };
  const addName = (draft: ModelDraft, id: string, name: string | undefined, rank: NameRank) => {
    // A listing that gives its id as the name ("@cf/deepseek-ai/deepseek-math-7b-instruct") names nothing.
    if (name && !name.includes('/') && !name.startsWith('@')) draft.names.push({ name, rank, exact: parseModelId(id).key === parseModelId(draft.slug).key });
  };

  for (const { definition, rank } of definitions) {
    const target = modelFor(definition.slug);
    if (definition.namesOnly && !target) {
      naming.set(definition.slug, { definition, rank });
      statedModels.add(definition.slug);
      index.addModel(definition.slug);
      continue;
    }
    const slug = target?.slug ?? uniqueSlug(drafts, preferredSlug(definition.slug, index));
    applyDefinition(draftFor(slug, definition.creator.slug, definition.source), definition, rank);
  }

  // A provider's own listing names its models best; then ids that carry an
  // organisation (Hugging Face style); bare aggregator ids last.
  const rank = (r: RouteRecord) => (r.provider.firstPartyCreator ? 0 : r.providerModelId.includes('/') ? 1 : 2);
  const ordered = routes.map((route, i) => ({ route, i })).sort((a, b) => rank(a.route) - rank(b.route) || a.i - b.i);

  const offerings = new Map<string, Dataset['offerings'][number]>();
  for (const { route } of ordered) {
    const parsed = parseModelId(route.providerModelId);
    const linked = route.baseModel ? modelFor(route.baseModel) : null;
    const target = linked ? { slug: linked.slug, rule: 'base-model' as const } : modelFor(route.providerModelId);
    // The lab that made the weights, as the id names it; the host only when the id names none (its own models).
    const creator = parsed.creator ?? route.provider.firstPartyCreator;
    let draft: ModelDraft;
    if (target) {
      draft = draftFor(target.slug, existing.get(target.slug) ?? toSlug(creator ?? 'unknown'), route.source);
      rules[target.rule]++;
    } else if (creator) {
      draft = draftFor(uniqueSlug(drafts, preferredSlug(parsed.lastSegment, index)), toSlug(creator), route.source);
      rules['new-model']++;
    } else {
      unresolved.push({ provider: route.provider.slug, providerModelId: route.providerModelId, reason: 'no known model matches and the id names no creator' });
      continue;
    }
    const { releaseDate, name: listedName, ...listed } = route.facts;
    addName(draft, route.providerModelId, listedName, route.provider.firstPartyCreator === draft.creator ? NameRank.FirstParty : NameRank.Listing);
    if (releaseDate) draft.listedReleaseDates.push(releaseDate);
    mergeFacts(draft.facts, { ...listed, contextWindow: route.contextWindow ?? undefined, maxOutputTokens: route.maxOutputTokens ?? undefined });

    const key = `${route.provider.slug}\u0000${route.providerModelId}`;
    const existingOffering = offerings.get(key);
    if (existingOffering) {
      if (existingOffering.prices.length === 0) existingOffering.prices = route.prices.map((p) => ({ ...p, components: p.components ?? [], currency: 'USD', source: route.source }));
      continue;
    }
    offerings.set(key, {
      model: draft.slug,
      provider: route.provider.slug,
      providerModelId: route.providerModelId,
      quantization: parsed.quantization,
      variants: resolutionVariants(parsed.variants, route),
      contextWindow: route.contextWindow,
      maxOutputTokens: route.maxOutputTokens,
      status: route.deprecated ? 'deprecated' : 'active',
      prices: route.prices.map((p) => ({ ...p, components: p.components ?? [], currency: 'USD', source: route.source })),
      source: route.source,
    });
  }

  // Scores land on the model their key names; a run setting the key carries ("-high", "(32k thinking)")
  // is kept as the score's variant when the whole key names no model.
  const scores: Dataset['scores'] = [];
  const unplacedScores: UnplacedScore[] = [];
  for (const s of bundles.flatMap((b) => b.scores)) {
    const split = splitScoreVariant(s.model);
    const whole = modelFor(s.model);
    const target = whole ? { slug: whole.slug, variant: s.variant } : split && modelFor(split.model) ? { slug: modelFor(split.model)!.slug, variant: s.variant || split.variant } : null;
    if (!target || (!drafts.has(target.slug) && !existing.has(target.slug) && !naming.has(target.slug))) {
      // Candidates are for a person to check, and cost a pass over the catalog: the first rows of each import get them.
      const candidates = unplacedScores.length < CANDIDATES_FOR ? closestSlugs(s.model, new Set([...drafts.keys(), ...existing.keys()])) : [];
      unplacedScores.push({ edition: s.edition, model: s.model, candidates });
      continue;
    }
    if (naming.has(target.slug)) draftFor(target.slug, naming.get(target.slug)!.definition.creator.slug, s.source);
    scores.push({ ...s, model: target.slug, variant: target.variant, sourceModelKey: s.model });
  }

  // A database model no rule names (an earlier import's "-2") whose routes all belong to one model now is that model.
  const routesNow = new Map([...offerings.values()].map((o) => [`${o.provider}\u0000${o.providerModelId}`, o.model]));
  const routesBefore = new Map<string, Set<string>>();
  for (const r of known.routes) {
    const now = routesNow.get(`${r.provider}\u0000${r.providerModelId}`);
    if (!routesBefore.has(r.slug)) routesBefore.set(r.slug, new Set());
    routesBefore.get(r.slug)!.add(now ?? '');
  }
  for (const [slug, targets] of routesBefore) {
    const [into] = targets;
    if (targets.size !== 1 || !into || into === slug || drafts.has(slug) || mergedInto.has(slug) || !existing.has(slug)) continue;
    mergedInto.set(slug, into);
    existing.delete(slug);
    merges.push({ from: slug, into, reason: `every route of "${slug}" is a route of "${into}"` });
  }

  // Stated aliases whose model exists, and the slugs of merged models: they keep resolving.
  const aliases = new Map<string, { model: string; source: string }>();
  for (const draft of drafts.values()) for (const [alias, source] of draft.aliases) aliases.set(alias, { model: draft.slug, source });
  for (const [alias, { model, source }] of stated) {
    const slug = follow(model);
    if (drafts.has(slug) || existing.has(slug)) aliases.set(alias, { model: slug, source });
    else warnings.push(`alias "${alias}" names "${model}", which no source defines: not recorded`);
  }
  for (const merge of merges) {
    const into = follow(merge.into);
    if (!drafts.has(into) && !existing.has(into)) warnings.push(`cannot merge "${merge.from}" into "${merge.into}": no source defines it`);
  }

  const providers = new Map(routes.map((r) => [r.provider.slug, r.provider]));
  const namedFromId: string[] = [];
  const datasetModels = datedWhereNamesClash(
    [...drafts.values()].map((m) => {
      const model = toDatasetModel(m);
      if (m.names.length === 0) namedFromId.push(m.slug);
      return model;
    }),
  );
  const usedSources = new Set<string>();
  const dataset: Dataset = {
    name,
    description: `Resolved from ${bundles.flatMap((b) => b.sources.map((s) => s.name)).join('; ')}`,
    sources: [],
    creators: [...creatorSources(drafts)]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([slug, source]) => {
        const known = creators.get(slug);
        return known ? { slug, name: known.name, website: known.website, source: known.source } : { slug, name: titleCase(slug), website: null, source };
      }),
    models: datasetModels,
    existingModels: [...existing.keys()].filter((slug) => !drafts.has(slug)),
    aliases: [...aliases]
      .filter(([alias, { model }]) => alias !== model)
      .map(([alias, { model, source }]) => ({ alias, model, source })),
    providers: [...providers.values()].map((p) => ({
      slug: p.slug,
      name: p.name,
      website: p.website && /^https?:\/\//.test(p.website) ? p.website : null,
      status: 'active' as const,
      source: routes.find((r) => r.provider.slug === p.slug)!.source,
    })),
    offerings: [...offerings.values()],
    // A benchmark several sources score (MMLU-Pro in a model card and on a leaderboard) is defined by the first.
    benchmarks: dedupe(bundles.flatMap((b) => b.benchmarks), (b) => b.slug).map((b) => ({ ...b, description: null })),
    editions: dedupe(bundles.flatMap((b) => b.editions), (e) => e.slug),
    scores,
  };
  for (const s of [...dataset.creators, ...dataset.models, ...dataset.aliases, ...dataset.providers, ...dataset.offerings, ...dataset.benchmarks, ...dataset.editions, ...dataset.scores]) {
    usedSources.add(s.source);
  }
  for (const o of dataset.offerings) for (const p of o.prices) usedSources.add(p.source);
  dataset.sources = dedupe(bundles.flatMap((b) => b.sources), (s) => s.key).filter((s) => usedSources.has(s.key));
  const pointers = [...drafts.values()]
    .map((d) => ({ slug: d.slug, snapshots: index.snapshotsOf(parseModelId(d.slug).undatedKey) }))
    // An undated id with several snapshots, or a "-latest" no rule could pin to one version.
    .filter((p) => (p.snapshots.length > 1 && parseModelId(p.slug).snapshot === null && !decided.includes(parseModelId(p.slug).undatedKey)) || parseModelId(p.slug).pointer);
  return { dataset, unresolved, unplacedScores, rules, merges: merges.filter((m) => drafts.has(follow(m.into)) || existing.has(follow(m.into))).map((m) => ({ ...m, into: follow(m.into) })), pointers, namedFromId, warnings };
}

/**
 * A snapshot kept apart from its pointer often carries the pointer's name
 * ("Claude Sonnet 3.5" for claude-3-5-sonnet-20240620): it is named with its
 * date, so a list never shows two models by one name.
 */
function datedWhereNamesClash<T extends { slug: string; name: string }>(models: T[]): T[] {
  const byName = new Map<string, number>();
  for (const m of models) byName.set(m.name, (byName.get(m.name) ?? 0) + 1);
  return models.map((m) => {
    const { snapshot } = parseModelId(m.slug);
    if (!snapshot || snapshot.startsWith('v') || byName.get(m.name) === 1) return m;
    return { ...m, name: `${m.name} (${snapshot.slice(0, 4)}-${snapshot.slice(4, 6)}-${snapshot.slice(6)})` };
  });
}

/**
 * When two database models turn out to be one, the slug kept is the one that
 * reads as the lab's undated name: not a "-2" left by an earlier import, not
 * reordered, not dated or pinned.
 */
function slugPreference(slug: string, known: Set<string>): number {
  // "claude-sonnet-4-20250514-2" is an artefact; "claude-opus-4-1" (after claude-opus-4) is a version.
  const artefact = /^(.+)-\d+$/.exec(slug);
  if (artefact && known.has(artefact[1]!) && !/-\d{1,2}$/.test(artefact[1]!)) return 3;
  const parsed = parseModelId(slug);
  if (parsed.reordered) return 2;
  return parsed.snapshot || parsed.pointer || undatedSegment(slug) !== slug ? 1 : 0;
}

/**
 * Undated keys a provider lists at a different price under its undated id
 * than under a snapshot ("gpt-4o" and "gpt-4o-2024-05-13" on OpenAI):
 * differently priced snapshots are different models, whatever the number of
 * snapshots. Regional listings of one snapshot (Bedrock's "global." and
 * "regional.") are one group and never count.
 */
function pricedApart(routes: RouteRecord[]): string[] {
  const groups = new Map<string, Map<string, Set<string>>>();
  for (const route of routes) {
    const parsed = parseModelId(route.providerModelId);
    if (route.deprecated || parsed.variants.length > 0) continue;
    // Today's price: the latest dated change, else the undated one (which holds until the first change).
    const dated = route.prices.filter((p) => p.effectiveFrom !== null).sort((a, b) => a.effectiveFrom!.localeCompare(b.effectiveFrom!));
    const price = dated.at(-1) ?? route.prices[0];
    if (!price) continue;
    const key = `${route.provider.slug}\u0000${parsed.undatedKey}`;
    if (!groups.has(key)) groups.set(key, new Map());
    const group = groups.get(key)!;
    const snapshot = parsed.snapshot ?? 'undated';
    if (!group.has(snapshot)) group.set(snapshot, new Set());
    group.get(snapshot)!.add(`${Number(price.inputPerMTok)}/${Number(price.outputPerMTok)}`);
  }
  const apart = (group: Map<string, Set<string>>) => {
    const sets = [...group.values()];
    return sets.some((a, i) => sets.slice(i + 1).some((b) => ![...a].some((price) => b.has(price))));
  };
  return [...groups].filter(([, group]) => apart(group)).map(([key]) => key.split('\u0000')[1]!);
}

/** Each creator with the source of its first model by slug: the creator is known on that source's word. */
function creatorSources(models: Map<string, ModelDraft>): Map<string, string> {
  const sources = new Map<string, string>();
  // By slug, so the source chosen never depends on the order models were met in.
  const bySlug = [...models.values()].sort((a, b) => a.slug.localeCompare(b.slug));
  for (const model of bySlug) if (!sources.has(model.creator)) sources.set(model.creator, model.source);
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

function toDatasetModel(m: ModelDraft): Omit<DatasetModel, 'aliases'> {
  const f = m.facts;
  return {
    slug: m.slug,
    name: bestName(m.names) ?? titleCase(m.slug),
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
    capabilities: capabilityValues(f.capabilities),
    decisionFit: f.decisionFit ?? [],
    status: f.status ?? 'active',
    deprecationDate: f.deprecationDate ?? null,
    lastReviewed: f.lastReviewed ?? null,
    source: m.source,
  };
}

/**
 * The name a source gives for the model's own id (not for a mode or a dated
 * alias: "Grok 4.20", not "Grok 4.20 (Non-Reasoning)"), then the best-ranked
 * source, then one written as a name ("GPT-4o") over one written as an id
 * ("gpt 4o"); a "(latest)" tag names the pointer, not the model.
 */
function bestName(names: ModelDraft['names']): string | null {
  const written = (name: string) => (/^[A-Z]/.test(name) ? 2 : 0) + (/[A-Z]/.test(name) ? 1 : 0);
  const best = [...names].sort((a, b) => Number(b.exact) - Number(a.exact) || a.rank - b.rank || written(b.name) - written(a.name))[0];
  return best ? best.name.replace(/\s*\((?:latest)\)\s*$/i, '').trim() : null;
}

/** A readable slug for a new model: the undated id when its snapshot and undated ids are one model. */
function preferredSlug(id: string, index: ModelIndex): string {
  const parsed = parseModelId(id);
  const canonical = index.canonicalKey(parsed);
  return modelSlugFrom(canonical === parsed.undatedKey ? undatedSegment(parsed.lastSegment) : parsed.lastSegment);
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

function uniqueSlug(models: Map<string, unknown>, slug: string): string {
  if (!models.has(slug)) return slug;
  for (let n = 2; ; n++) if (!models.has(`${slug}-${n}`)) return `${slug}-${n}`;
}

function titleCase(slug: string): string {
  return slug.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
}

/** One item per key, the first: sources come most trusted first. */
function dedupe<T>(items: T[], key: (item: T) => string): T[] {
  const kept = new Map<string, T>();
  for (const item of items) if (!kept.has(key(item))) kept.set(key(item), item);
  return [...kept.values()];
}
