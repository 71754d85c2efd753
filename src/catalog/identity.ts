/**
 * Model identity. One model arrives under many ids:
 *   meta-llama/Llama-3.1-8B-Instruct            (Hugging Face repo)
 *   meta.llama3-1-8b-instruct-v1:0              (AWS Bedrock)
 *   @cf/meta/llama-3.1-8b-instruct              (Cloudflare Workers AI)
 *   accounts/fireworks/models/llama-v3p1-8b-instruct (Fireworks)
 *   llama-3.1-8b-instant                        (Groq)
 *   Meta-Llama-3.1-8B-Instruct-Turbo            (Together)
 * Each id is reduced to a comparison key (vendor prefixes, region and
 * listing-version suffixes dropped; "v3p1" and "3-1" read as "3.1"), with
 * quantisation and speed tags split off as attributes of the route. Keys are
 * only ever matched exactly, by a few ordered rules; nothing is merged by
 * similarity, and what no rule resolves is reported.
 */

/** Quantisation tokens: never part of a model's identity. */
const QUANTISATION = new Set([
  'fp4', 'fp6', 'fp8', 'fp16', 'bf16', 'int4', 'int8', 'awq', 'gptq', 'gguf', 'mlx', 'nvfp4',
  'q4', 'q5', 'q6', 'q8', '4bit', '8bit', 'w4a16', 'w8a8', 'hf',
]);

/**
 * Speed and tier tags providers add to hosted open models. Stripped only
 * from ids that carry a parameter size ("8b"), because in first-party names
 * they mark different models (gpt-4-turbo, grok-4-fast, claude-instant).
 */
const ROUTE_TAGS = new Set(['turbo', 'instant', 'fast', 'free', 'nitro', 'reference', 'versatile', 'specdec', 'lite', 'preview']);

/** Path and dot prefixes naming a cloud's listing, not the model. */
const REGION = /^(?:us|eu|apac|ap|global|regional|us-gov|jp|au|ca)\./;
const BEDROCK_VENDOR =
  /^(meta|anthropic|amazon|mistral|cohere|ai21|deepseek|openai|qwen|writer|google|minimax|moonshotai|nvidia|zai|twelvelabs|stability)\.(.+)$/;
const NOT_AN_ORG = new Set(['models', 'accounts', 'fireworks', '@cf', 'workers-ai', 'hf', 'deployments', 'openai', 'v1']);
/** Organisations that re-upload or quantise other labs' weights: never the creator. */
const REUPLOADERS = new Set(['chutesai', 'unsloth', 'thebloke', 'lmstudio-community', 'mlx-community', 'bartowski']);

/** Organisation ids (Hugging Face orgs, route prefixes) → creator slug. */
export const ORG_CREATORS: Record<string, string> = {
  'meta-llama': 'meta', meta: 'meta', facebook: 'meta',
  mistralai: 'mistral', mistral: 'mistral',
  google: 'google', 'google-deepmind': 'google',
  qwen: 'alibaba', alibaba: 'alibaba', 'alibaba-cloud': 'alibaba',
  'deepseek-ai': 'deepseek', deepseek: 'deepseek',
  microsoft: 'microsoft',
  nvidia: 'nvidia',
  anthropic: 'anthropic',
  openai: 'openai',
  'x-ai': 'xai', xai: 'xai',
  cohere: 'cohere', cohereforai: 'cohere', coherelabs: 'cohere',
  amazon: 'amazon',
  ai21: 'ai21', ai21labs: 'ai21',
  moonshotai: 'moonshotai',
  'zai-org': 'zhipuai', thudm: 'zhipuai', zhipuai: 'zhipuai', 'z-ai': 'zhipuai', zai: 'zhipuai',
  minimaxai: 'minimax', minimax: 'minimax',
  'ibm-granite': 'ibm', ibm: 'ibm',
  codellama: 'meta', 'zero-one-ai': '01-ai', '01-ai': '01-ai', 'ai21-labs': 'ai21', 'mistral-ai': 'mistral', sarvamai: 'sarvam',
  'arcee-ai': 'arcee',
  perplexity: 'perplexity',
};

/** A model family's first token → its creator, for ids with no organisation. */
const FAMILY_CREATORS: Record<string, string> = {
  llama: 'meta', gpt: 'openai', o: 'openai', chatgpt: 'openai', claude: 'anthropic', gemini: 'google', gemma: 'google',
  mistral: 'mistral', mixtral: 'mistral', codestral: 'mistral', ministral: 'mistral', pixtral: 'mistral',
  magistral: 'mistral', devstral: 'mistral', qwen: 'alibaba', qwq: 'alibaba', deepseek: 'deepseek', grok: 'xai',
  phi: 'microsoft', command: 'cohere', nemotron: 'nvidia', glm: 'zhipuai', kimi: 'moonshotai', minimax: 'minimax',
  jamba: 'ai21', nova: 'amazon', granite: 'ibm', sonar: 'perplexity', mai: 'microsoft', cosmos: 'nvidia', bge: 'baai',
  dolphin: 'cognitivecomputations', hy: 'tencent',
};

/** Vendor names sometimes written before the family ("meta-llama-3.1-…"): dropped from the key. */
const LEADING_VENDOR = new Set(['meta', 'mistralai', 'microsoft', 'google', 'nvidia', 'ibm', 'amazon', 'cohere', 'zai']);

/** Hosts that prefix their own name to a model they serve ("cerebras-llama-4-…", "groq-llama-4-…"): dropped, never a creator. */
const HOST_PREFIX = new Set(['cerebras', 'groq']);

/** Tiers Anthropic and Google write before or after the version ("claude-4-sonnet", "gemini-flash-1.5"). */
const CLAUDE_TIERS = new Set(['sonnet', 'opus', 'haiku']);
const GEMINI_TIERS = new Set(['flash', 'pro']);

/**
 * A snapshot date at the end of a name: Anthropic's "-20250514", OpenAI's
 * "-2024-05-13", Vertex's "@20250514". Four-digit suffixes ("-0324", "-2505")
 * are not read as dates: they name distinct versions as often as snapshots
 * (DeepSeek V3 vs V3-0324), so only curated aliases join them.
 */
const SNAPSHOT = /[-_@](20\d{2})-?(0[1-9]|1[0-2])-?([0-3]\d)$/;
/** Google's stable version numbers ("gemini-2.0-flash-001"): snapshots of the undated id, as dates are. */
const VERSION_SNAPSHOT = /-(00\d)$/;

export interface ParsedModelId {
  /** The comparison key, e.g. "llama-3.1-8b-instruct". */
  key: string;
  /** The key with speed/tier tags removed (same as key when there are none or they must stay). */
  untaggedKey: string;
  /** Tags removed to get untaggedKey, plus ":free"-style suffixes. */
  variants: string[];
  quantization: string | null;
  /** Creator slug from the id's organisation or vendor prefix, if any. */
  creator: string | null;
  /** The last segment as written, lower-cased: a readable slug candidate. */
  lastSegment: string;
  /** The key without a snapshot date or "-latest": what the lab's undated id reduces to. */
  undatedKey: string;
  /** A snapshot the id ends with, if any: a date (YYYYMMDD) or a version ("v001"). */
  snapshot: string | null;
  /** True for "-latest" ids: a pointer to whichever snapshot is current. */
  pointer: boolean;
  /** True when the id writes its words in another order than the lab ("claude-4-sonnet"). */
  reordered: boolean;
  /** True when the id carries a parameter size ("8b", "8x7b"): an open model as hosts name it. */
  sized: boolean;
}

export function parseModelId(raw: string): ParsedModelId {
  let id = raw.trim().toLowerCase();
  const variants: string[] = [];
  let creator: string | null = null;

  // ":free", ":beta" (OpenRouter tiers); Bedrock's listing version "-v1:0".
  id = id.replace(/-v\d+:\d+$/, '');
  const colon = /:([a-z-]+)$/.exec(id);
  if (colon) {
    variants.push(colon[1]!);
    id = id.slice(0, colon.index);
  }
  id = id.replace(/^hf:/, '');

  const segments = id.split('/').filter(Boolean);
  let name = segments.at(-1) ?? id;
  const org = segments.length >= 2 ? segments.at(-2)! : null;
  if (org && !NOT_AN_ORG.has(org) && !REUPLOADERS.has(org)) creator = ORG_CREATORS[org] ?? org;

  name = name.replace(REGION, '');
  const bedrock = BEDROCK_VENDOR.exec(name);
  if (bedrock) {
    creator ??= ORG_CREATORS[bedrock[1]!] ?? bedrock[1]!;
    name = bedrock[2]!;
  }
  const lastSegment = name;

  const dated = SNAPSHOT.exec(name);
  const versioned = dated ? null : VERSION_SNAPSHOT.exec(name);
  const snapshot = dated ? `${dated[1]}${dated[2]}${dated[3]}` : versioned ? `v${versioned[1]}` : null;
  if (dated ?? versioned) name = name.slice(0, (dated ?? versioned)!.index);

  let tokens = tokenize(name);
  if (tokens.length > 1 && HOST_PREFIX.has(tokens[0]!)) tokens = tokens.slice(1);
  if (tokens.length > 1 && LEADING_VENDOR.has(tokens[0]!) && tokens[1] !== 'llama-guard') {
    creator ??= ORG_CREATORS[tokens[0]!] ?? tokens[0]!;
    tokens = tokens.slice(1);
  }
  const ordered = canonicalOrder(tokens);
  const reordered = ordered !== tokens;
  tokens = ordered;
  const pointer = tokens.length > 1 && tokens.at(-1) === 'latest';
  if (pointer) tokens = tokens.slice(0, -1);
  // "-0" pins the first release of a version: claude-sonnet-4-0 is claude-sonnet-4.
  const last = tokens.at(-1);
  if (tokens.length > 1 && last && /^\d+\.0$/.test(last)) tokens[tokens.length - 1] = last.slice(0, -2);

  let quantization: string | null = null;
  tokens = tokens.filter((t) => {
    if (!QUANTISATION.has(t)) return true;
    // "hf" marks Hugging Face format weights: not a quantisation, not identity.
    if (t !== 'hf') quantization ??= t;
    return false;
  });

  const undatedKey = tokens.join('-');
  const dateSuffix = snapshot ? `-${snapshot}` : pointer ? '-latest' : '';
  const key = `${undatedKey}${dateSuffix}`;
  const sized = tokens.some((t) => /^\d+(\.\d+)?b$/.test(t) || /^\d+x\d+b$/.test(t));
  const tags = sized ? tokens.filter((t) => ROUTE_TAGS.has(t)) : [];
  const untaggedKey = `${tokens.filter((t) => !tags.includes(t)).join('-')}${dateSuffix}`;
  variants.push(...tags);

  creator ??= FAMILY_CREATORS[tokens[0] ?? ''] ?? null;
  return { key, untaggedKey, variants, quantization, creator, lastSegment, undatedKey, snapshot, pointer, reordered, sized };
}

/**
 * The id as written without its snapshot date, "-latest" or "-0" pin:
 * "claude-sonnet-4-20250514" → "claude-sonnet-4". For naming a model whose
 * snapshot and undated ids are one (see ModelIndex.canonicalKey).
 */
export function undatedSegment(segment: string): string {
  const parsed = parseModelId(segment);
  // "claude-3-5-haiku-latest" is claude-3-5-haiku; "claude-sonnet-latest" names no version and keeps its "-latest".
  let undated = segment.replace(SNAPSHOT, '').replace(VERSION_SNAPSHOT, '');
  if (/\d/.test(undated.replace(/-latest$/i, ''))) undated = undated.replace(/-latest$/i, '');
  const unpinned = undated.replace(/-0$/, '');
  if (unpinned !== undated && parseModelId(unpinned).undatedKey === parsed.undatedKey) undated = unpinned;
  return undated;
}

const isVersion = (token: string | undefined) => token !== undefined && /^\d+(\.\d+)*$/.test(token);

/**
 * One word order per family, the one the lab uses today: "claude-4-sonnet"
 * and "claude-3.5-sonnet" read as claude-sonnet-4 and claude-sonnet-3.5;
 * OpenRouter's "gemini-flash-1.5" as gemini-1.5-flash; "deepseek-chat-v3.1"
 * (OpenRouter's name for the V3 line) as deepseek-v3.1.
 */
function canonicalOrder(tokens: string[]): string[] {
  const [family, second, third] = tokens;
  if (family === 'claude' && isVersion(second) && third && CLAUDE_TIERS.has(third)) {
    return [family, third, second!, ...tokens.slice(3)];
  }
  if (family === 'gemini' && second && GEMINI_TIERS.has(second) && isVersion(third)) {
    return [family, third!, second, ...tokens.slice(3)];
  }
  if (family === 'deepseek' && second === 'chat' && isVersion(third)) return [family, ...tokens.slice(2)];
  return tokens;
}

/**
 * Splits a name into key tokens: separators, letter→digit boundaries
 * ("llama3" → llama 3), "v3p1" → 3.1, and runs of short numbers ("3 1") → 3.1.
 */
function tokenize(name: string): string[] {
  const raw = name
    .split(/[-_\s]+/)
    .filter(Boolean)
    .flatMap((token) => {
      if (QUANTISATION.has(token)) return [token];
      const split = /^([a-z]+)(\d.*)$/.exec(token);
      return split ? [split[1]!, split[2]!] : [token];
    })
    .map((token) => token.replace(/^(\d+)p(\d+)$/, '$1.$2'));
  const tokens: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const token = raw[i]!;
    // "v" before a version number is just the letter v ("llama-v3p1", "v0.3").
    if (token === 'v' && /^\d/.test(raw[i + 1] ?? '')) continue;
    const previous = tokens.at(-1);
    if (previous !== undefined && /^\d{1,2}(\.\d{1,2})*$/.test(previous) && /^\d{1,2}$/.test(token)) {
      tokens[tokens.length - 1] = `${previous}.${token}`;
      continue;
    }
    tokens.push(token);
  }
  return tokens;
}

export type ResolutionRule = 'alias' | 'key' | 'without-route-tags' | 'instruct-suffix';

export interface Resolution {
  slug: string;
  rule: ResolutionRule;
  parsed: ParsedModelId;
}

/**
 * The models known so far, by key and by alias. Resolution rules, in order:
 * an alias listed for the model; the exact key; the key without route tags;
 * the key plus "-instruct" when no model has the bare key (providers drop the
 * suffix for chat-tuned open models). Anything else is unresolved.
 *
 * Keys are filed canonically: a snapshot ("claude-sonnet-4-20250514") is the
 * same model as its undated id ("claude-sonnet-4", "claude-sonnet-4-0",
 * "claude-sonnet-4-latest") when it is the only snapshot of that id any source
 * knows and no provider prices the two apart. With several snapshots
 * (gpt-4o-2024-05-13, -08-06, -11-20) each snapshot is its own model and the
 * undated id stays a model of its own: a pointer whose target moves.
 */
export class ModelIndex {
  private readonly byKey = new Map<string, string>();
  private readonly byAlias = new Map<string, string>();
  private readonly snapshots = new Map<string, Set<string>>();
  private readonly keptApart: Set<string>;

  /**
   * @param knownIds every id the import will see (slugs, aliases, provider ids), so the number of snapshots is known up front
   * @param keptApart undated keys the only-snapshot rule must not join: priced apart by a provider, or decided by a stated alias
   */
  constructor(knownIds: Iterable<string> = [], keptApart: Iterable<string> = []) {
    for (const id of knownIds) {
      const { snapshot, undatedKey } = parseModelId(id);
      if (!snapshot) continue;
      if (!this.snapshots.has(undatedKey)) this.snapshots.set(undatedKey, new Set());
      this.snapshots.get(undatedKey)!.add(snapshot);
    }
    this.keptApart = new Set(keptApart);
  }

  /** The key a model is filed under (see the class comment). */
  canonicalKey(parsed: ParsedModelId): string {
    if (parsed.pointer) return parsed.undatedKey;
    if (!parsed.snapshot) return parsed.key;
    const onlySnapshot = (this.snapshots.get(parsed.undatedKey)?.size ?? 1) <= 1 && !this.keptApart.has(parsed.undatedKey);
    return onlySnapshot ? parsed.undatedKey : parsed.key;
  }

  /** Snapshots known for an undated key, oldest first. */
  snapshotsOf(undatedKey: string): string[] {
    return [...(this.snapshots.get(undatedKey) ?? [])].sort();
  }

  /** Registers a model under the key of its slug; returns false if that key already names another model. */
  addModel(slug: string): boolean {
    const key = this.canonicalKey(parseModelId(slug));
    const existing = this.byKey.get(key);
    if (existing && existing !== slug) return false;
    this.byKey.set(key, slug);
    return true;
  }

  addAlias(alias: string, slug: string): void {
    this.byAlias.set(alias.trim().toLowerCase(), slug);
    const key = this.canonicalKey(parseModelId(alias));
    if (!this.byKey.has(key)) this.byKey.set(key, slug);
  }

  /** The model an alias names, if it is a listed alias. */
  aliasTarget(alias: string): string | undefined {
    return this.byAlias.get(alias.trim().toLowerCase());
  }

  resolve(raw: string): Resolution | null {
    const parsed = parseModelId(raw);
    const alias = this.aliasTarget(raw);
    if (alias) return { slug: alias, rule: 'alias', parsed };
    const exact = this.byKey.get(this.canonicalKey(parsed));
    if (exact) return { slug: exact, rule: 'key', parsed: { ...parsed, variants: parsed.variants.filter((v) => !parsed.key.split('-').includes(v)) } };
    const untagged = this.byKey.get(parsed.untaggedKey);
    if (untagged) return { slug: untagged, rule: 'without-route-tags', parsed };
    // Only for open models with a size in the id ("llama3.1-8b"), where hosts drop the suffix; a first-party
    // name never means its "-instruct" sibling ("gpt-3.5-turbo" is not "gpt-3.5-turbo-instruct").
    if (parsed.sized && !parsed.untaggedKey.endsWith('-instruct') && !this.byKey.has(parsed.untaggedKey)) {
      const instruct = this.byKey.get(`${parsed.untaggedKey}-instruct`);
      if (instruct) return { slug: instruct, rule: 'instruct-suffix', parsed };
    }
    return null;
  }
}

/**
 * A leaderboard key's run settings, split off so the score lands on its model
 * with the setting recorded as its variant: "gpt-5-high" → gpt-5 (high),
 * "claude-opus-4-5-20251101-thinking-32k" → … (thinking-32k), Aider's
 * "o3 (high)" and "claude-sonnet-4-20250514 (32k thinking)". Used only when
 * the whole key names no model: "kimi-k2-thinking" is a model of its own.
 */
export function splitScoreVariant(key: string): { model: string; variant: string } | null {
  const bracket = /^(.*\S)\s*\(([^)]*(?:thinking|high|medium|low|minimal|reasoning|effort)[^)]*)\)$/i.exec(key.trim());
  if (bracket) return { model: bracket[1]!, variant: bracket[2]!.trim().toLowerCase().replace(/\s+/g, '-') };
  const suffix = /^(.+?)-((?:no-)?thinking(?:-\d+k)?|(?:x)?high|medium|low|minimal|(?:non-)?reasoning)$/i.exec(key.trim());
  return suffix ? { model: suffix[1]!, variant: suffix[2]!.toLowerCase() } : null;
}

/** The catalog's slugs that look most like an id, best first: what a person checks for an unplaced row. Never used to merge. */
export function closestSlugs(id: string, slugs: Iterable<string>, count = 3): string[] {
  const tokens = (text: string) => new Set(parseModelId(text).key.split('-'));
  const wanted = tokens(id);
  const scored: { slug: string; score: number }[] = [];
  for (const slug of slugs) {
    const have = tokens(slug);
    const shared = [...wanted].filter((t) => have.has(t)).length;
    if (shared === 0) continue;
    scored.push({ slug, score: shared / (wanted.size + have.size - shared) });
  }
  return scored
    .sort((a, b) => b.score - a.score || a.slug.localeCompare(b.slug))
    .slice(0, count)
    .map((s) => s.slug);
}
