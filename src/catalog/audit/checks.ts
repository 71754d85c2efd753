/**
 * The catalog audit's checks: pure functions over plain rows (no database),
 * each returning findings a person would distrust in the catalog. A finding
 * names its check and a deterministic subject, so a person can acknowledge
 * it (data/curated/audit-acknowledged.csv) once it is decided.
 *
 *   duplicates      two or more models that look like one model
 *   names           model names that look like ids
 *   creators        models with no creator, a host as creator, or a closed family credited to another lab
 *   unresolved      ids the last import of each importer could not resolve
 *   price-outliers  routes priced far from the median of their model's routes
 */
import { ORG_CREATORS, parseModelId } from '../identity.js';

export const CHECKS = ['duplicates', 'names', 'creators', 'unresolved', 'price-outliers'] as const;
export type CheckName = (typeof CHECKS)[number];

export const CHECK_TITLES: Record<CheckName, string> = {
  duplicates: 'Suspected duplicate models',
  names: 'Names that look like ids',
  creators: 'Missing or doubtful creators',
  unresolved: 'Unresolved ids of the last imports',
  'price-outliers': 'Route prices far from their model’s median',
};

export interface Finding {
  check: CheckName;
  /**
   * What the finding is about, as a deterministic string: sorted slugs joined
   * by " = " (duplicates), the slug (names, creators), "provider/providerModelId"
   * (unresolved), "slug@provider/providerModelId" (price-outliers).
   */
  subject: string;
  /** Why, in a sentence. */
  reason: string;
}

export interface AuditModel {
  slug: string;
  name: string;
  family: string | null;
  /** The creator's slug; null when the model has none. */
  creator: string | null;
}

export interface AuditRoute {
  model: string;
  provider: string;
  providerModelId: string | null;
  status: string;
  providerStatus: string;
  variants: string[];
  /** The price in force, USD per million tokens, as an exact decimal string; null when unknown. */
  inputPerMTok: string | null;
  outputPerMTok: string | null;
}

export interface AuditUnresolved {
  provider: string;
  providerModelId: string;
  reason: string;
}

export interface AuditImport {
  importer: string;
  finishedAt: Date;
  unresolved: AuditUnresolved[];
}

export interface AuditInput {
  models: AuditModel[];
  routes: AuditRoute[];
  /** The last import of each importer. */
  imports: AuditImport[];
  /** Creator slugs that are labs (never hosts), whatever provider shares their name. */
  labs: readonly string[];
  /** Names of hosts (providers serving others' models): a creator matching one is a host. */
  hosts: readonly string[];
}

export interface Acknowledgement {
  check: CheckName;
  subject: string;
  reason: string;
  source: string;
}

export interface AuditedFinding extends Finding {
  /** The row that acknowledges the finding; null when it is open. */
  acknowledged: Acknowledgement | null;
}

export interface AuditResult {
  findings: AuditedFinding[];
  /** Acknowledgements that match no finding (fixed since, or a subject that changed). */
  unusedAcknowledgements: Acknowledgement[];
  /** Open (unacknowledged) findings per check. */
  open: Record<CheckName, number>;
  acknowledgedCount: Record<CheckName, number>;
  /** True when some finding is open: the audit fails. */
  failed: boolean;
}

// ---------------------------------------------------------------------------
// Duplicates

/** Remarks that mark a snapshot or a listing of a model, not another model: "(latest)", "(free)", "(2024-08-06)", "(24.02)", "(older v0613)". */
const NOISE_REMARK =
  /^(?:latest|preview|free|beta|new|exp|experimental|legacy|deprecated|stable|snapshot|older(?:\s.*)?|\d{4}-\d{2}-\d{2}|\d{8}|\d{2}\.\d{2})$/i;

/**
 * Lower case, a trailing remark such as " (latest)" (and a trailing word
 * "latest") dropped, "+" read as "plus", punctuation and spaces removed.
 */
export function normaliseName(name: string): string {
  let text = name.toLowerCase().trim();
  for (let previous = ''; previous !== text; ) {
    previous = text;
    const remark = /\s*[([{]([^()[\]{}]*)[)\]}]\s*$/.exec(text);
    if (remark && NOISE_REMARK.test(remark[1]!.trim())) text = text.slice(0, remark.index);
    text = text.replace(/[\s_-]+latest$/, '').trim();
  }
  return text.replace(/\+/g, 'plus').replace(/[^\p{L}\p{N}]+/gu, '');
}

const DATE = String.raw`(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])|(?:19|20)\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])`;
/** A trailing snapshot date (YYYYMMDD or YYYY-MM-DD), with the "-2" a clashing slug was given after it. */
const TRAILING_DATE = new RegExp(`[-_.@](?:${DATE})(?:-\\d)?$`);

/**
 * An id reduced so that ids of one model meet: vendor and host prefixes, a
 * trailing snapshot date, "-latest" and a "-0" pin dropped, read by
 * parseModelId (so "3-5" and "3.5" agree), "N.0" read as N, and the tokens
 * sorted ("claude-4-sonnet" ≈ "claude-sonnet-4").
 */
export function normaliseIdKey(id: string, options: { creator?: string | null; hosts?: readonly string[] } = {}): string {
  let raw = id.trim().toLowerCase();
  for (let previous = ''; previous !== raw; ) {
    previous = raw;
    raw = raw.replace(TRAILING_DATE, '').replace(/[-_]latest$/, '').replace(/(\d)-0$/, '$1');
  }
  let tokens = parseModelId(raw).key.split('-').filter(Boolean);
  tokens = tokens.map((t) => t.replace(/^(\d+)\.0$/, '$1'));
  const prefixes = new Set<string>(options.hosts?.map(compact) ?? []);
  if (options.creator) {
    prefixes.add(compact(options.creator));
    for (const [org, creator] of Object.entries(ORG_CREATORS)) if (creator === options.creator) prefixes.add(compact(org));
  }
  // "cohere-command-r" ≈ "command-r". A family word is not a prefix ("qwen-7b" is
  // not "7b"), and what is left must still say something ("xai-grok" stays).
  const first = tokens[0] ?? '';
  if (tokens.length > 2 && prefixes.has(compact(first)) && !FAMILY_WORDS.has(first)) tokens = tokens.slice(1);
  return [...tokens].sort().join('-');
}

/** First words of model families, never dropped as a vendor prefix. */
const FAMILY_WORDS = new Set([
  'claude', 'gpt', 'o', 'chatgpt', 'gemini', 'gemma', 'llama', 'grok', 'mistral', 'mixtral', 'codestral', 'ministral', 'pixtral',
  'magistral', 'devstral', 'qwen', 'qwq', 'deepseek', 'minimax', 'kimi', 'glm', 'phi', 'command', 'nova', 'granite', 'sonar',
  'jamba', 'nemotron',
]);

const compact = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Words that do not tell models of one family apart. */
const FAMILY_NOISE = new Set(['latest', 'preview', 'exp']);

/**
 * Family + version: the family as the catalog states it, with what the id
 * says beyond it (version number, size, variant words), in any order.
 * Null when the model states no family.
 */
export function familyVersionKey(model: AuditModel, hosts: readonly string[] = []): string | null {
  if (!model.family) return null;
  const familyTokens = new Set(parseModelId(model.family.replace(/\s+/g, '-')).key.split('-'));
  const rest = normaliseIdKey(model.slug, { creator: model.creator, hosts })
    .split('-')
    .filter((t) => !familyTokens.has(t) && !FAMILY_NOISE.has(t));
  return `${compact(model.family)}|${rest.join('-')}`;
}

/**
 * Models that look like one model: the same normalised name, the same
 * normalised id key, or the same family and version. Models linked by any
 * signal form one finding, whose subject is their sorted slugs joined by " = ".
 */
export function findDuplicateModels(models: readonly AuditModel[], hosts: readonly string[] = []): Finding[] {
  const signals: { label: string; key: (m: AuditModel) => string | null }[] = [
    { label: 'same name', key: (m) => normaliseName(m.name) || null },
    { label: 'same id key', key: (m) => normaliseIdKey(m.slug, { creator: m.creator, hosts }) || null },
    { label: 'same family and version', key: (m) => familyVersionKey(m, hosts) },
  ];
  const parent = new Map<string, string>();
  const root = (slug: string): string => {
    let r = slug;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(slug, r);
    return r;
  };
  const unique = [...new Map(models.map((m) => [m.slug, m])).values()];
  for (const m of unique) parent.set(m.slug, m.slug);

  /** Each signal's groups of two or more, with the key they share. */
  const evidence: { label: string; key: string; slugs: string[] }[] = [];
  for (const signal of signals) {
    const groups = new Map<string, string[]>();
    for (const m of unique) {
      const key = signal.key(m);
      if (key) groups.set(key, [...(groups.get(key) ?? []), m.slug]);
    }
    for (const [key, slugs] of groups) {
      if (slugs.length < 2) continue;
      slugs.sort();
      evidence.push({ label: signal.label, key, slugs });
      for (const slug of slugs.slice(1)) parent.set(root(slug), root(slugs[0]!));
    }
  }

  const clusters = new Map<string, string[]>();
  for (const m of unique) clusters.set(root(m.slug), [...(clusters.get(root(m.slug)) ?? []), m.slug]);
  const byName = new Map(unique.map((m) => [m.slug, m.name]));
  const findings: Finding[] = [];
  for (const slugs of clusters.values()) {
    if (slugs.length < 2) continue;
    slugs.sort();
    const reasons = evidence
      .filter((e) => slugs.includes(e.slugs[0]!))
      .map((e) => {
        const shown = e.label === 'same name' ? `"${byName.get(e.slugs[0]!)}"` : `"${e.key}"`;
        return `${e.label} ${shown}${e.slugs.length === slugs.length ? '' : ` (${e.slugs.join(', ')})`}`;
      });
    findings.push({ check: 'duplicates', subject: slugs.join(' = '), reason: reasons.join('; ') });
  }
  return findings.sort(bySubject);
}

// ---------------------------------------------------------------------------
// Names

/** Words that are acronyms in a real name; "Gpt" or "Tts" betrays a slug capitalised by a machine. */
const ACRONYMS = new Set(['gpt', 'tts', 'glm', 'vl', 'ai', 'oss', 'llm', 'api', 'moe', 'hd', 'xl', 'r1', 'qwq', 'stt', 'ocr', 'it']);

function titleCase(slug: string): string {
  return slug.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
}

/** Why a model's name looks like an id, or null when it reads as a name. */
export function idLikeName(model: Pick<AuditModel, 'slug' | 'name'>): string | null {
  const name = model.name.trim();
  if (/\S\/\S/.test(name)) return 'contains "/" (a path-style id)';
  if (name.startsWith('@')) return 'starts with "@" (a route id)';
  if (!/\s/.test(name) && name === name.toLowerCase() && /[a-z]/.test(name) && /[-_:]/.test(name)) {
    return 'all lower case with hyphens and no spaces (an id)';
  }
  // A one-word slug ("o1") is a name as much as an id.
  if (!model.slug.includes('-')) return null;
  const spaced = model.slug.replace(/-/g, ' ');
  if (name === spaced && name === name.toLowerCase()) return `is its slug "${model.slug}" with spaces for hyphens`;
  if (name === titleCase(model.slug)) {
    const words = name.split(' ');
    const tells =
      words.some((w) => ACRONYMS.has(w.toLowerCase()) && w !== w.toUpperCase()) ||
      words.some((w) => /^\d+(\.\d+)?[bkm]$/.test(w)) ||
      words.some((w) => /^\d{6,}$/.test(w)) ||
      words.some((w, i) => i > 0 && /^\d+$/.test(w) && /^\d+$/.test(words[i - 1]!));
    if (tells) return `is its slug "${model.slug}" title-cased`;
  }
  return null;
}

export function findIdLikeNames(models: readonly AuditModel[]): Finding[] {
  return models
    .flatMap((m): Finding[] => {
      const why = idLikeName(m);
      return why ? [{ check: 'names', subject: m.slug, reason: `name "${m.name}" ${why}` }] : [];
    })
    .sort(bySubject);
}

// ---------------------------------------------------------------------------
// Creators

/** A model family's first word → its lab. */
export const FAMILY_LABS: Record<string, string> = {
  claude: 'anthropic',
  gpt: 'openai', chatgpt: 'openai', o1: 'openai', o3: 'openai', o4: 'openai',
  gemini: 'google', gemma: 'google',
  llama: 'meta',
  grok: 'xai',
  mistral: 'mistral', mixtral: 'mistral', codestral: 'mistral', ministral: 'mistral', pixtral: 'mistral',
  magistral: 'mistral', devstral: 'mistral',
  qwen: 'alibaba', qwq: 'alibaba',
  deepseek: 'deepseek',
};

/**
 * Hosts and gateways that serve other labs' models. Used with the providers
 * data/catalog/providers.csv lists without a first-party creator.
 */
export const KNOWN_HOSTS: readonly string[] = [
  'openrouter', 'together', 'togetherai', 'togethercomputer', 'fireworks', 'fireworksai', 'groq', 'deepinfra', 'chutes',
  'chutesai', 'novita', 'novitaai', 'huggingface', 'vercel', 'requesty', 'fastrouter', 'cloudflare', 'azure', 'bedrock',
  'awsbedrock', 'aws', 'vertex', 'googlevertex', 'github', 'githubmodels', 'githubcopilot', 'nebius', 'hyperbolic',
  'sambanova', 'baseten', 'featherless', 'venice', 'lmstudio', 'modal', 'avian', 'ovhcloud', 'parasail', 'replicate',
  'anyscale', 'lambda', 'nscale', 'publicai', 'inference', 'synthetic', 'submodel', 'opencode', 'wandb', 'modelscope',
  'deepseekapi', 'doubleword', 'quicksilverpro', 'nvidianim',
];

/**
 * Families whose weights only their lab has (API-only models): a model of
 * one credited to anyone else is a host taken for the creator. Open-weight
 * families are left out: NVIDIA's Nemotron on Llama is NVIDIA's model.
 */
const CLOSED_FAMILIES = new Set(['claude', 'gpt', 'chatgpt', 'o1', 'o3', 'o4', 'gemini', 'grok']);

/** The family a model's id starts with and its lab ("claude-…" → anthropic), or null. */
export function familyOf(slug: string): { word: string; lab: string } | null {
  const first = slug.toLowerCase().split(/[-_.\s]/)[0] ?? '';
  if (FAMILY_LABS[first]) return { word: first, lab: FAMILY_LABS[first]! };
  const letters = /^([a-z]+)\d/.exec(first)?.[1]; // "qwen2.5", "llama3"
  if (letters && FAMILY_LABS[letters]) return { word: letters, lab: FAMILY_LABS[letters]! };
  return null;
}

/** True when a creator is a host (a provider serving others' models) rather than a lab. */
export function isHost(creator: string, labs: readonly string[], hosts: readonly string[]): boolean {
  if (labs.includes(creator)) return false;
  const c = compact(creator);
  return hosts.some((h) => {
    const host = compact(h);
    return host !== '' && (c === host || (host.length >= 5 && c.startsWith(host)));
  });
}

export function findCreatorProblems(
  models: readonly AuditModel[],
  { labs, hosts }: Pick<AuditInput, 'labs' | 'hosts'>,
): Finding[] {
  const findings: Finding[] = [];
  for (const m of models) {
    const reasons: string[] = [];
    if (!m.creator) reasons.push('has no creator');
    else if (isHost(m.creator, labs, hosts)) reasons.push(`creator "${m.creator}" is a host, not a lab`);
    const family = familyOf(m.slug);
    // "gpt-jt" is Together's; "gpt-4o" is OpenAI's.
    const closed = family && CLOSED_FAMILIES.has(family.word) && (family.word !== 'gpt' || /^gpt-\d/.test(m.slug));
    if (family && closed && m.creator && m.creator !== family.lab) {
      reasons.push(`id names ${family.word}, a family of ${family.lab}, but the creator is "${m.creator}"`);
    }
    if (reasons.length > 0) findings.push({ check: 'creators', subject: m.slug, reason: reasons.join('; ') });
  }
  return findings.sort(bySubject);
}

// ---------------------------------------------------------------------------
// Unresolved ids

/** Every id the last import of each importer left unresolved; one finding per provider/id. */
export function findUnresolvedIds(imports: readonly AuditImport[]): Finding[] {
  const ids = new Map<string, { reasons: Set<string>; importers: Set<string> }>();
  for (const run of imports) {
    for (const u of run.unresolved) {
      const subject = `${u.provider}/${u.providerModelId}`;
      const entry = ids.get(subject) ?? { reasons: new Set(), importers: new Set() };
      entry.reasons.add(u.reason);
      entry.importers.add(run.importer);
      ids.set(subject, entry);
    }
  }
  return [...ids]
    .map(([subject, e]): Finding => ({
      check: 'unresolved',
      subject,
      reason: `${[...e.reasons].sort().join('; ')} (import "${[...e.importers].sort().join('", "')}")`,
    }))
    .sort((a, b) => compare(a.subject, b.subject));
}

// ---------------------------------------------------------------------------
// Price outliers

export const OUTLIER_FACTOR = 20;

/** A route a user can buy: active, on an active provider, not a free tier. */
export function isPurchasable(route: AuditRoute): boolean {
  return route.status === 'active' && route.providerStatus === 'active' && !route.variants.includes('free');
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function routeSubject(route: Pick<AuditRoute, 'model' | 'provider' | 'providerModelId'>): string {
  return `${route.model}@${route.provider}${route.providerModelId === null ? '' : `/${route.providerModelId}`}`;
}

/**
 * Purchasable routes whose input or output price in force is more than
 * `factor` times the median of their model's purchasable routes, or less
 * than 1/`factor` of it. A model with a zero median is not judged.
 */
export function findPriceOutliers(routes: readonly AuditRoute[], factor = OUTLIER_FACTOR): Finding[] {
  const byModel = new Map<string, AuditRoute[]>();
  for (const r of routes) if (isPurchasable(r)) byModel.set(r.model, [...(byModel.get(r.model) ?? []), r]);
  const findings: Finding[] = [];
  for (const modelRoutes of byModel.values()) {
    const sides = (['input', 'output'] as const).map((side) => {
      const price = (r: AuditRoute) => (side === 'input' ? r.inputPerMTok : r.outputPerMTok);
      const values = modelRoutes.map(price).filter((p): p is string => p !== null).map(Number);
      return { side, price, values, median: median(values) };
    });
    for (const route of modelRoutes) {
      const reasons: string[] = [];
      for (const { side, price, values, median: m } of sides) {
        const text = price(route);
        if (text === null || m === null || m === 0 || values.length < 2) continue;
        const value = Number(text);
        const where = `the median ${formatNumber(m)} of ${values.length} routes`;
        if (value > m * factor) reasons.push(`${side} ${text} is ${formatNumber(value / m)}× ${where}`);
        else if (value < m / factor) reasons.push(`${side} ${text} is ${value === 0 ? 'zero against' : `1/${formatNumber(m / value)} of`} ${where}`);
      }
      if (reasons.length > 0) findings.push({ check: 'price-outliers', subject: routeSubject(route), reason: `${reasons.join('; ')} (USD per 1M tokens)` });
    }
  }
  return findings.sort(bySubject);
}

function formatNumber(n: number): string {
  return n >= 100 ? n.toFixed(0) : String(Number(n.toPrecision(3)));
}

// ---------------------------------------------------------------------------
// The audit

export function runChecks(input: AuditInput): Finding[] {
  return [
    ...findDuplicateModels(input.models, input.hosts),
    ...findIdLikeNames(input.models),
    ...findCreatorProblems(input.models, input),
    ...findUnresolvedIds(input.imports),
    ...findPriceOutliers(input.routes),
  ];
}

const ackKey = (check: string, subject: string) => `${check}\u0000${subject}`;

/** Marks the findings a person acknowledged (same check and subject); the audit fails on any other. */
export function acknowledge(findings: readonly Finding[], acknowledgements: readonly Acknowledgement[]): AuditResult {
  const acks = new Map<string, Acknowledgement>();
  for (const a of acknowledgements) if (!acks.has(ackKey(a.check, a.subject))) acks.set(ackKey(a.check, a.subject), a);
  const used = new Set<string>();
  const zero = () => Object.fromEntries(CHECKS.map((c) => [c, 0])) as Record<CheckName, number>;
  const open = zero();
  const acknowledgedCount = zero();
  const audited = findings.map((f): AuditedFinding => {
    const key = ackKey(f.check, f.subject);
    const ack = acks.get(key) ?? null;
    if (ack) {
      used.add(key);
      acknowledgedCount[f.check]++;
    } else open[f.check]++;
    return { ...f, acknowledged: ack };
  });
  return {
    findings: audited,
    unusedAcknowledgements: [...acks].filter(([key]) => !used.has(key)).map(([, a]) => a),
    open,
    acknowledgedCount,
    failed: Object.values(open).some((n) => n > 0),
  };
}

export function audit(input: AuditInput, acknowledgements: readonly Acknowledgement[] = []): AuditResult {
  return acknowledge(runChecks(input), acknowledgements);
}

/** Code-point order, so reports do not depend on the machine's locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function bySubject(a: Finding, b: Finding): number {
  return compare(a.subject, b.subject);
}
