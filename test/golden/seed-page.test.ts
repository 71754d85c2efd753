import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';

/**
 * The seed comparison page, reproduced number for number through HTTP with
 * the example operation the README shows — and corrected where it is wrong.
 */
let t: TestApp;
let page: any;
const M1 = 'Llama 3.2 1B Instruct';
const M8 = 'Llama 3.1 8B Instruct';

beforeAll(async () => {
  t = await createTestApp();
  const query = await readFile(new URL('../../examples/comparison-page.graphql', import.meta.url), 'utf8');
  const { data, errors } = await t.graphql(query, {
    models: ['llama-3.2-1b-instruct', 'llama-3.1-8b-instruct'],
    traffic: { inputTokensPerMonth: '848000000', outputTokensPerMonth: 230800000 },
  });
  expect(errors).toBeUndefined();
  page = data!.comparison;
});
afterAll(() => t.destroy());

const costOf = (name: string) => page.costs.find((c: any) => c.model.name === name);
const benchmark = (name: string) => page.benchmarks.find((b: any) => b.benchmark.name === name);

describe('the numbers on the page', () => {
  it('monthly cost at 848M input + 230.8M output tokens: $71.60 vs $28.50, gap $43.10, 8B lower, both on OpenRouter', () => {
    expect(page.traffic).toEqual({ inputTokensPerMonth: '848000000', outputTokensPerMonth: '230800000' });
    expect(costOf(M1).monthlyCost).toBe('71.6');
    expect(costOf(M8).monthlyCost).toBe('28.5');
    expect(page.monthlyCostGap).toBe('43.1');
    expect(page.lowerCost.name).toBe(M8);
    expect(costOf(M1).route.provider.name).toBe('OpenRouter');
    expect(costOf(M8).route.provider.name).toBe('OpenRouter');
    expect(page.scorecard.find((r: any) => r.signal === 'Monthly cost').values.map((v: any) => v.text)).toEqual(['$71.60', '$28.50']);
  });

  it('blend at 70/30: 0.081 vs 0.029 per 1M, the 8B lower by about $0.05', () => {
    expect(page.inputShare).toBe('0.7');
    expect(costOf(M1).blendedPerMTok).toBe('0.081');
    expect(costOf(M8).blendedPerMTok).toBe('0.029');
    const difference = Number(costOf(M1).blendedPerMTok) - Number(costOf(M8).blendedPerMTok);
    expect(difference.toFixed(2)).toBe('0.05');
  });

  it('cheapest input $0.03 vs $0.02 and output $0.20 vs $0.05, a $0.15 output delta', () => {
    expect(costOf(M1).cheapestInput.perMTok).toBe('0.03');
    expect(costOf(M8).cheapestInput.perMTok).toBe('0.02');
    expect(costOf(M1).cheapestOutput.perMTok).toBe('0.2');
    expect(costOf(M8).cheapestOutput.perMTok).toBe('0.05');
    const to8 = page.switches.find((s: any) => s.to.name === M8);
    const to1 = page.switches.find((s: any) => s.to.name === M1);
    expect(to8.outputPriceDelta).toBe('-0.15');
    expect(to1.outputPriceDelta).toBe('0.15');
    expect(to8.notes).toContain(
      `${M8} is $0.15/1M tokens lower on cheapest tracked output pricing before cache, batch, or negotiated discounts.`,
    );
  });

  it('MMLU PRO 20.0 vs 44.3 (8B by 24.3), BFCL 10.8 vs 25.8 (15.0), largest gap MMLU PRO', () => {
    expect(benchmark('MMLU PRO').scores.map((s: any) => s.value)).toEqual([20, 44.3]);
    expect(benchmark('MMLU PRO').leader.name).toBe(M8);
    expect(benchmark('MMLU PRO').gap).toBe(24.3);
    expect(benchmark('BFCL').scores.map((s: any) => s.value)).toEqual([10.8, 25.8]);
    expect(benchmark('BFCL').gap).toBe(15);
    expect(benchmark('BFCL').sentence).toContain('a 15.0-point gap');
    expect(page.largestGap.benchmark.name).toBe('MMLU PRO');
    expect(page.benchmarks.map((b: any) => b.source.name)).toEqual([expect.stringMatching(/comparison page/), expect.stringMatching(/comparison page/)]);
  });

  it('context 128K on both is a tie, said as a tie', () => {
    expect(page.contextWindow.tie).toBe(true);
    expect(page.contextWindow.leader).toBeNull();
    expect(page.contextWindow.values.map((v: any) => v.text)).toEqual(['128K', '128K']);
    expect(page.contextWindow.sentence).toBe('Both support a 128K-token context window.');
    expect(page.faq[0].answer).toBe('Both support 128K tokens, so context does not separate them.');
    expect(page.summary).not.toMatch(/larger context/);
  });

  it('provider overlap Fireworks AI, NVIDIA NIM, OpenRouter; routes 5 vs 6', () => {
    expect(page.providerOverlap.map((p: any) => p.name)).toEqual(['Fireworks AI', 'NVIDIA NIM', 'OpenRouter']);
    expect(page.switches.find((s: any) => s.to.name === M1).sharedProviders.map((p: any) => p.name)).toEqual([
      'OpenRouter',
      'Fireworks AI',
      'NVIDIA NIM',
    ]);
    expect(costOf(M1).routeCount).toBe(5);
    expect(costOf(M8).routeCount).toBe(6);
    // One route per provider on this page: 5 providers each to buy from.
    expect(costOf(M1).providerCount).toBe(5);
    expect(costOf(M8).providerCount).toBe(5);
  });

  it('both have structured outputs, neither vision', () => {
    expect(page.sharedCapabilities).toEqual(['STRUCTURED_OUTPUTS']);
    const vision = page.capabilities.find((c: any) => c.capability === 'VISION');
    expect(vision.values.map((v: any) => v.supported)).toEqual([false, false]);
    expect(vision.shared).toBe(false);
  });

  it('states the page’s specs, review date and source', () => {
    expect(page.models.map((m: any) => [m.releaseDate, m.contextWindow, m.totalParameters, m.knowledgeCutoff])).toEqual([
      ['2024-09-25', 128000, 1.23e9, '2023-12'],
      ['2024-07-23', 128000, 8e9, null],
    ]);
    expect(page.lastReviewed).toBe('2026-05-16');
    expect(page.sources).toHaveLength(1);
    expect(page.summary).toContain('On MMLU PRO, Llama 3.1 8B Instruct leads by 24.3 points.');
    expect(page.summary).toContain('Llama 3.1 8B Instruct costs $0.02/1M input tokens versus $0.03/1M for Llama 3.2 1B Instruct.');
  });
});

describe('where the page is wrong, the API is right', () => {
  it('recommends the 8B, which leads every benchmark and costs less, and says the 1B is dominated', () => {
    expect(page.verdict.recommended.name).toBe(M8);
    expect(page.verdict.dominated.map((m: any) => m.name)).toEqual([M1]);
    expect(page.verdict.headline).not.toMatch(/1B Instruct is safer/);
    expect(page.verdict.headline).toBe(`${M8} is the better choice: it is ahead or level on every signal compared.`);
    expect(page.verdict.reasons.join(' ')).toMatch(/leads 2 of 2 shared benchmarks/);
    expect(page.faq.at(-1).answer).toBe(page.verdict.headline);
  });

  it('says "2.5× cheaper" and "60% lower", never a percentage over 100', () => {
    const text = JSON.stringify(page);
    expect(text).toContain('60% lower (2.5× cheaper)');
    expect(text).not.toMatch(/\d{3,}% (cheaper|lower)/);
  });

  it('lists every route of the 8B in the FAQ, the deprecated one marked (the page dropped OpenRouter)', () => {
    const where = page.faq.find((f: any) => f.question.startsWith('Where can I run')).answer;
    expect(where).toContain(`${M8} is available on OctoAI (deprecated), Together AI, Fireworks AI, NVIDIA NIM, GroqCloud, and OpenRouter.`);
  });

  it('counts unpriced and deprecated routes as tracked, but never as cheapest', () => {
    expect(costOf(M8).activeRouteCount).toBe(5);
    expect(costOf(M8).cheapestInput.offering.provider.name).toBe('OpenRouter');
    const octo = page.models[1].offerings.find((o: any) => o.provider.name === 'OctoAI');
    expect(octo.provider.status).toBe('DEPRECATED');
    expect(octo.price).toBeNull();
  });

  it('does not claim broader coverage for the 8B: its extra route is on a deprecated provider', () => {
    expect(page.tradeoffs[1].reasons.join(' ')).not.toMatch(/broader provider coverage/);
    // The row ranks providers to buy from (several routes on one provider count once), and says so.
    expect(page.scorecard.find((r: any) => r.signal === 'Provider routes').values.map((v: any) => [v.text, v.best])).toEqual([
      ['5 tracked', true],
      ['6 tracked, 5 providers to buy from', true],
    ]);
    expect(page.verdict.reasons).toContain('Every compared model can be bought from 5 providers: availability does not separate them.');
  });
});
