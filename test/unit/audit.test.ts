import { describe, expect, it } from 'vitest';
import {
  type AuditInput,
  type AuditModel,
  type AuditRoute,
  acknowledge,
  audit,
  findCreatorProblems,
  findDuplicateModels,
  findIdLikeNames,
  findPriceOutliers,
  findUnresolvedIds,
  idLikeName,
  isHost,
  median,
  normaliseIdKey,
  normaliseName,
} from '../../src/catalog/audit/checks.js';

const model = (slug: string, name: string, creator: string | null = 'acme', family: string | null = null): AuditModel => ({
  slug,
  name,
  creator,
  family,
});

const route = (model: string, provider: string, input: string | null, output: string | null, extra: Partial<AuditRoute> = {}): AuditRoute => ({
  model,
  provider,
  providerModelId: `${provider}/${model}`,
  status: 'active',
  providerStatus: 'active',
  variants: [],
  inputPerMTok: input,
  outputPerMTok: output,
  ...extra,
});

const LABS = ['anthropic', 'openai', 'google', 'meta', 'mistral', 'alibaba', 'deepseek', 'xai'];
const HOSTS = ['openrouter', 'together', 'together-ai', 'groq', 'fireworks-ai'];

describe('normalisation', () => {
  it.each([
    ['GPT-4o (latest)', 'gpt4o'],
    ['GPT-4o', 'gpt4o'],
    ['gpt 4o', 'gpt4o'],
    ['GPT-4o Latest', 'gpt4o'],
    ['GPT-4o (2024-08-06)', 'gpt4o'],
    ['Mistral Small (24.02)', 'mistralsmall'],
    ['Command R+', 'commandrplus'],
    // A remark that names another model stays.
    ['Phi-3 mini (128k)', 'phi3mini128k'],
  ])('name %s → %s', (name, key) => expect(normaliseName(name)).toBe(key));

  it('ids of one model meet: snapshot dates, -latest, a -0 pin, prefixes and word order', () => {
    const key = normaliseIdKey('claude-sonnet-4');
    expect(normaliseIdKey('claude-4-sonnet')).toBe(key);
    expect(normaliseIdKey('claude-sonnet-4-20250514')).toBe(key);
    expect(normaliseIdKey('claude-sonnet-4@20250514')).toBe(key);
    expect(normaliseIdKey('claude-sonnet-4-2025-05-14')).toBe(key);
    expect(normaliseIdKey('claude-sonnet-4-latest')).toBe(key);
    expect(normaliseIdKey('claude-sonnet-4-0')).toBe(key);
    expect(normaliseIdKey('anthropic/claude-sonnet-4')).toBe(key);
    expect(normaliseIdKey('claude-sonnet-4-20250514-2')).toBe(key);
    expect(normaliseIdKey('cohere-command-r-plus', { creator: 'cohere' })).toBe(normaliseIdKey('command-r-plus'));
    expect(normaliseIdKey('openrouter-llama-3-8b', { hosts: HOSTS })).toBe(normaliseIdKey('llama-3-8b'));
  });

  it('ids of different models stay apart', () => {
    expect(normaliseIdKey('claude-sonnet-4-5')).not.toBe(normaliseIdKey('claude-sonnet-4'));
    expect(normaliseIdKey('claude-opus-4')).not.toBe(normaliseIdKey('claude-sonnet-4'));
    expect(normaliseIdKey('gpt-4o-mini')).not.toBe(normaliseIdKey('gpt-4o'));
    // A family word is not a vendor prefix: "qwen-7b-instruct" is not "mistral-7b-instruct".
    expect(normaliseIdKey('qwen-7b-instruct', { creator: 'alibaba' })).not.toBe(normaliseIdKey('mistral-7b-instruct', { creator: 'mistral' }));
  });
});

describe('duplicates', () => {
  it('finds models with the same normalised name, naming the sorted slugs and why', () => {
    const findings = findDuplicateModels([
      model('mistral-medium-3', 'Mistral Medium 3'),
      model('mistral-medium-2505', 'Mistral Medium 3'),
      model('mistral-large', 'Mistral Large'),
    ]);
    expect(findings).toEqual([
      { check: 'duplicates', subject: 'mistral-medium-2505 = mistral-medium-3', reason: 'same name "Mistral Medium 3"' },
    ]);
  });

  it('finds ids that differ only by snapshot date, -latest or word order, and links them into one finding', () => {
    const findings = findDuplicateModels([
      model('claude-sonnet-4', 'Claude Sonnet 4'),
      model('claude-4-sonnet-20250522', 'Claude 4 Sonnet (May 2025)'),
      model('claude-sonnet-4-latest', 'Claude Sonnet 4 (latest)'),
      model('claude-opus-4', 'Claude Opus 4'),
    ]);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.subject).toBe('claude-4-sonnet-20250522 = claude-sonnet-4 = claude-sonnet-4-latest');
    expect(findings[0]!.reason).toMatch(/same id key "4-claude-sonnet"/);
    expect(findings[0]!.reason).toMatch(/same name "Claude Sonnet 4" \(claude-sonnet-4, claude-sonnet-4-latest\)/);
  });

  it('finds models of one stated family with the same version and size', () => {
    const findings = findDuplicateModels([
      model('llama-3.1-8b-instruct', 'Llama 3.1 8B Instruct', 'meta', 'Llama 3.1'),
      model('llama-3.1-8b-chat', 'Llama 3.1 8B Chat', 'meta', 'Llama 3.1'),
      model('llama-3.1-8b-preview-instruct', 'Llama 3.1 Eight', 'meta', 'Llama 3.1'),
    ]);
    expect(findings).toEqual([
      {
        check: 'duplicates',
        subject: 'llama-3.1-8b-instruct = llama-3.1-8b-preview-instruct',
        reason: 'same family and version "llama31|8b-instruct"',
      },
    ]);
  });

  it('finds nothing among different models', () => {
    expect(
      findDuplicateModels([
        model('gpt-4o', 'GPT-4o', 'openai'),
        model('gpt-4o-mini', 'GPT-4o mini', 'openai'),
        model('claude-sonnet-4', 'Claude Sonnet 4', 'anthropic'),
        model('claude-sonnet-4-5', 'Claude Sonnet 4.5', 'anthropic'),
        model('phi-3-mini-4k-instruct', 'Phi-3 mini (4k)', 'microsoft'),
        model('phi-3-mini-128k-instruct', 'Phi-3 mini (128k)', 'microsoft'),
        model('llama-3.1-8b', 'Llama 3.1 8B', 'meta', 'Llama 3.1'),
        model('llama-3.1-8b-instruct', 'Llama 3.1 8B Instruct', 'meta', 'Llama 3.1'),
      ]),
    ).toEqual([]);
  });
});

describe('names that look like ids', () => {
  it.each([
    ['deepseek-math-7b-instruct', '@cf/deepseek-ai/deepseek-math-7b-instruct', /contains "\/"/],
    ['llama-3.1-8b-instruct', 'meta-llama/Llama-3.1-8B-Instruct', /contains "\/"/],
    ['x', '@x', /starts with "@"/],
    ['gpt-oss-120b', 'gpt-oss-120b', /all lower case with hyphens/],
    ['claude-sonnet-4-5-20250929', 'Claude Sonnet 4 5 20250929', /title-cased/],
    ['gpt-4o', 'gpt 4o', /with spaces for hyphens/],
    ['gpt-4o-mini-tts', 'Gpt 4o Mini Tts', /title-cased/],
    ['llama-2-70b-chat', 'Llama 2 70b Chat', /title-cased/],
  ])('%s named "%s"', (slug, name, why) => {
    expect(idLikeName({ slug, name })).toMatch(why);
  });

  it.each([
    ['llama-3.1-8b-instruct', 'Llama 3.1 8B Instruct'],
    ['claude-opus-4', 'Claude Opus 4'],
    ['mistral-large', 'Mistral Large'],
    ['o1', 'o1'],
    ['gpt-4o', 'GPT-4o'],
    ['claude-2', 'Claude 2.0 / 2.1'],
  ])('%s named "%s" reads as a name', (slug, name) => {
    expect(idLikeName({ slug, name })).toBeNull();
  });

  it('reports each such model by slug', () => {
    expect(findIdLikeNames([model('gpt-4o', 'gpt 4o'), model('gpt-4o-mini', 'GPT-4o mini')])).toEqual([
      { check: 'names', subject: 'gpt-4o', reason: 'name "gpt 4o" is its slug "gpt-4o" with spaces for hyphens' },
    ]);
  });
});

describe('creators', () => {
  const options = { labs: LABS, hosts: HOSTS };

  it('flags a missing creator, a host as creator, and a closed family credited to another lab', () => {
    const findings = findCreatorProblems(
      [
        model('mystery-1', 'Mystery 1', null),
        model('redpajama-7b', 'RedPajama 7B', 'togethercomputer'),
        model('claude-3-5-haiku', 'Claude Haiku 3.5', 'google'),
        model('gpt-4o', 'GPT-4o', 'openrouter'),
        // An open-weight family fine-tuned by another lab is that lab's model (NVIDIA's Nemotron on Llama).
        model('llama-3.1-nemotron-70b-instruct', 'Llama 3.1 Nemotron 70B Instruct', 'nvidia'),
        model('o3-mini', 'o3-mini', 'xai'),
      ],
      options,
    );
    expect(findings).toEqual([
      { check: 'creators', subject: 'claude-3-5-haiku', reason: 'id names claude, a family of anthropic, but the creator is "google"' },
      {
        check: 'creators',
        subject: 'gpt-4o',
        reason: 'creator "openrouter" is a host, not a lab; id names gpt, a family of openai, but the creator is "openrouter"',
      },
      { check: 'creators', subject: 'mystery-1', reason: 'has no creator' },
      { check: 'creators', subject: 'o3-mini', reason: 'id names o3, a family of openai, but the creator is "xai"' },
      { check: 'creators', subject: 'redpajama-7b', reason: 'creator "togethercomputer" is a host, not a lab' },
    ]);
  });

  it('accepts labs, including labs that also host', () => {
    expect(
      findCreatorProblems(
        [
          model('claude-sonnet-4', 'Claude Sonnet 4', 'anthropic'),
          model('llama-3.1-8b-instruct', 'Llama 3.1 8B Instruct', 'meta'),
          model('o1', 'o1', 'openai'),
          model('command-r', 'Command R', 'cohere'),
          model('gemma-3-27b-it', 'Gemma 3 27B', 'google'),
        ],
        { labs: LABS, hosts: [...HOSTS, 'google-vertex'] },
      ),
    ).toEqual([]);
    expect(isHost('google', LABS, ['google-vertex', 'google'])).toBe(false);
    expect(isHost('groq', LABS, HOSTS)).toBe(true);
  });
});

describe('unresolved ids', () => {
  it('lists the unresolved ids of each importer’s last import, one finding per provider/id', () => {
    const findings = findUnresolvedIds([
      {
        importer: 'catalog',
        finishedAt: new Date('2026-01-02'),
        unresolved: [
          { provider: 'openrouter', providerModelId: 'spotlight', reason: 'no known model matches' },
          { provider: 'cloudflare-workers-ai', providerModelId: 'bart-large-cnn', reason: 'no known model matches' },
        ],
      },
      {
        importer: 'models-dev',
        finishedAt: new Date('2026-01-03'),
        unresolved: [{ provider: 'openrouter', providerModelId: 'spotlight', reason: 'no known model matches' }],
      },
    ]);
    expect(findings).toEqual([
      { check: 'unresolved', subject: 'cloudflare-workers-ai/bart-large-cnn', reason: 'no known model matches (import "catalog")' },
      { check: 'unresolved', subject: 'openrouter/spotlight', reason: 'no known model matches (import "catalog", "models-dev")' },
    ]);
  });

  it('finds nothing when every id resolved', () => {
    expect(findUnresolvedIds([{ importer: 'catalog', finishedAt: new Date(), unresolved: [] }])).toEqual([]);
    expect(findUnresolvedIds([])).toEqual([]);
  });
});

describe('price outliers', () => {
  it('median', () => {
    expect(median([])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
  });

  it('flags a route priced more than 20× or less than 1/20 of its model’s median', () => {
    const findings = findPriceOutliers([
      route('m', 'a', '0.25', '0.20'),
      route('m', 'b', '0.25', '0.20'),
      route('m', 'c', '0.25', '0.20'),
      route('m', 'd', '6', '0.20'), // 24× the input median
      route('m', 'e', '0.25', '0.005'), // 1/40 of the output median
      route('m', 'f', '5', '0.20'), // exactly 20×: not more
    ]);
    expect(findings.map((f) => f.subject)).toEqual(['m@d/d/m', 'm@e/e/m']);
    expect(findings[0]!.reason).toMatch(/^input 6 is 24× the median 0\.25 of 6 routes/);
    expect(findings[1]!.reason).toMatch(/^output 0\.005 is 1\/40 of the median 0\.2 of 6 routes/);
  });

  it('judges only purchasable routes: not a free tier, not inactive, not on an inactive provider', () => {
    const findings = findPriceOutliers([
      route('m', 'a', '1', '1'),
      route('m', 'b', '1', '1'),
      route('m', 'c', '0', '0', { variants: ['free'] }),
      route('m', 'd', '100', '100', { status: 'deprecated' }),
      route('m', 'e', '100', '100', { providerStatus: 'deprecated' }),
      route('n', 'a', '100', null),
    ]);
    expect(findings).toEqual([]);
  });

  it('names the route by slug@provider/providerModelId', () => {
    const findings = findPriceOutliers([
      route('m', 'a', '1', '1', { providerModelId: 'org/m-1' }),
      route('m', 'b', '1', '1'),
      route('m', 'c', '0', '1', { providerModelId: null }),
    ]);
    expect(findings).toEqual([{ check: 'price-outliers', subject: 'm@c', reason: 'input 0 is zero against the median 1 of 3 routes (USD per 1M tokens)' }]);
  });
});

describe('acknowledgements', () => {
  const input: AuditInput = {
    models: [model('gpt-4o', 'GPT-4o', 'openai'), model('gpt-4o-2024-05-13', 'GPT-4o', 'openai')],
    routes: [],
    imports: [{ importer: 'catalog', finishedAt: new Date(), unresolved: [{ provider: 'p', providerModelId: 'x', reason: 'no match' }] }],
    labs: LABS,
    hosts: HOSTS,
  };

  it('fails on open findings', () => {
    const result = audit(input);
    expect(result.failed).toBe(true);
    expect(result.open).toMatchObject({ duplicates: 1, unresolved: 1, names: 0 });
  });

  it('a finding whose check and subject match an acknowledged row does not fail the audit', () => {
    const ack = { check: 'duplicates' as const, subject: 'gpt-4o = gpt-4o-2024-05-13', reason: 'the pinned snapshot', source: 'platform.openai.com' };
    const partly = audit(input, [ack]);
    expect(partly.findings.find((f) => f.check === 'duplicates')!.acknowledged).toEqual(ack);
    expect(partly.acknowledgedCount.duplicates).toBe(1);
    expect(partly.failed).toBe(true); // the unresolved id is still open

    const all = audit(input, [ack, { check: 'unresolved', subject: 'p/x', reason: 'not a language model', source: '' }]);
    expect(all.failed).toBe(false);
    expect(all.unusedAcknowledgements).toEqual([]);
  });

  it('matches check and subject exactly, and lists acknowledgements that match nothing', () => {
    const result = acknowledge(
      [{ check: 'names', subject: 'gpt-4o', reason: 'name "gpt 4o"' }],
      [
        { check: 'duplicates', subject: 'gpt-4o', reason: 'wrong check', source: '' },
        { check: 'names', subject: 'GPT-4o', reason: 'wrong subject', source: '' },
      ],
    );
    expect(result.failed).toBe(true);
    expect(result.findings[0]!.acknowledged).toBeNull();
    expect(result.unusedAcknowledgements.map((a) => a.reason)).toEqual(['wrong check', 'wrong subject']);
  });

  it('passes a clean catalog', () => {
    const clean = audit({ ...input, models: [model('gpt-4o', 'GPT-4o', 'openai')], imports: [] });
    expect(clean.findings).toEqual([]);
    expect(clean.failed).toBe(false);
  });
});
