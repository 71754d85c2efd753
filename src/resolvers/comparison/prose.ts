import { benchmarkWeight, USE_CASE_DEFINITIONS } from '../../domain/use-cases.js';
import { capabilityLabel, countOf, dollars, list, perMillion, perMillionShort, points, saving, tokenVolume } from '../format.js';
import type { BenchmarkComparison, ComparedScore, UncomparedBenchmark } from './benchmarks.js';
import type { ComparisonCore } from './core.js';
import { type ModelCost, missingText, usageNoun } from './costs.js';
import { level, type ScoreGroup } from './editions.js';
import type { Switch } from './providers.js';
import type { Tradeoff } from './tradeoffs.js';
import { sentences } from './sentences.js';
import type { Dimension } from './verdict.js';

/** Sentences about the comparison as a whole: summary, benchmarks, switches, verdict. */

/**
 * What the costs are computed at: "848M input and 230.8M output tokens a
 * month", or a workload: "1K requests a month of 250K input (200K read from
 * the cache) and 1K output tokens, batch tier, at 14:00 UTC".
 */
export function trafficText(core: ComparisonCore): string {
  if (!('workload' in core.usage)) {
    return `${tokenVolume(core.traffic.inputTokens)} input and ${tokenVolume(core.traffic.outputTokens)} output tokens a month`;
  }
  const w = core.usage.workload;
  const cache = [
    w.cachedInputTokens > 0n ? `${tokenVolume(w.cachedInputTokens)} read from the cache` : null,
    w.cacheWriteTokens > 0n ? `${tokenVolume(w.cacheWriteTokens)} written to it` : null,
  ].filter((part) => part !== null);
  const requests = `${tokenVolume(w.requestsPerMonth)} ${w.requestsPerMonth === 1n ? 'request' : 'requests'} a month`;
  const input = `${tokenVolume(w.inputTokens)} input${cache.length > 0 ? ` (${cache.join(', ')})` : ''}`;
  const tier = w.serviceTier === 'standard' ? '' : `, ${w.serviceTier} tier`;
  const hour = w.hourUtc === null ? '' : `, at ${String(w.hourUtc).padStart(2, '0')}:00 UTC`;
  return `${requests} of ${input} and ${tokenVolume(w.outputTokens)} output tokens${tier}${hour}`;
}

/**
 * Why a model's cost is unknown, or null when it is known: no priced route at
 * all, or which prices its purchasable routes lack for this usage.
 */
export function costNote(core: ComparisonCore, cost: ModelCost): string | null {
  if (cost.monthlyCost !== null) return null;
  const name = core.model(cost.modelId).name;
  const lacking = cost.pricedRoutes.filter((r) => r.purchasable && r.missing.length > 0 && (r.route.input !== null || r.route.output !== null));
  if (lacking.length === 0) return sentences.noPricedRoute(name);
  return sentences.noRouteForUsage(name, usageNoun(core.usage), lacking.map((r) => `${r.route.provider.name}: ${missingText(r.missing)}`).join('; '));
}

function year(date: string | null): string {
  return date ? ` (${date.slice(0, 4)})` : '';
}

export function summary(core: ComparisonCore): string {
  const parts: string[] = [];
  const creators = [...new Set(core.models.map((m) => m.creatorName))];
  parts.push(sentences.intro(list(core.models.map((m) => `${m.name}${year(m.releaseDate)}`)), list(creators)));
  parts.push(...contextSentence(core));
  if (core.largestGap) {
    const gap = core.largestGap;
    parts.push(sentences.benchmarkLead(gap.benchmark.name, core.model(gap.leaderModelId!).name, points(gap.gap)));
  }
  const priced = core.costs
    .filter((c) => c.cheapestInput !== null)
    .sort((a, b) => a.cheapestInput!.perMTok.compare(b.cheapestInput!.perMTok));
  if (priced.length >= 2) {
    const [lowest, next] = priced as [(typeof priced)[0], (typeof priced)[0]];
    parts.push(
      lowest.cheapestInput!.perMTok.equals(next.cheapestInput!.perMTok)
        ? sentences.inputPriceTie(perMillion(lowest.cheapestInput!.perMTok))
        : sentences.inputPriceLead(
            core.model(lowest.modelId).name,
            perMillionShort(lowest.cheapestInput!.perMTok),
            core.model(next.modelId).name,
            perMillionShort(next.cheapestInput!.perMTok),
          ),
    );
  }
  parts.push(sentences.coverage());
  return parts.join(' ');
}

function contextSentence(core: ComparisonCore): string[] {
  const { context } = core;
  if (context.tie) return [sentences.contextTie(core.models.length, core.window(context.values[0]!.tokens!))];
  if (context.leaderModelId === null) return [];
  const leader = context.values.find((v) => v.modelId === context.leaderModelId)!;
  const others = context.values
    .filter((v) => v.modelId !== leader.modelId)
    .map((v) => `${core.window(v.tokens!)} for ${core.model(v.modelId).name}`);
  return [sentences.contextLeader(core.model(leader.modelId).name, core.window(leader.tokens!), list(others))];
}


export function contextText(core: ComparisonCore): string {
  return contextSentence(core)[0] ?? sentences.faqContextUnknown(list(unknownContextNames(core)));
}

function unknownContextNames(core: ComparisonCore): string[] {
  return core.context.values.filter((v) => v.tokens === null).map((v) => core.model(v.modelId).name);
}

/** Where compared scores come from: "on LMArena text, style control, 2025-12-11", or their source. */
export function wherePhrase(group: ScoreGroup): string {
  return group.edition ? sentences.onEdition(group.label, group.independent) : sentences.perSource(group.label, group.independent);
}

/** A score as said: "1350.0", or "1350.0 (thinking)" for a variant run. */
function scoreText(score: ComparedScore): string {
  return score.variant ? `${points(score.value)} (${score.variant})` : points(score.value);
}

export function benchmarkSentence(core: ComparisonCore, comparison: BenchmarkComparison): string {
  const name = comparison.benchmark.name;
  const where = wherePhrase(comparison.group);
  const higher = comparison.benchmark.higherIsBetter;
  const best = [...comparison.scores].sort((a, b) => (higher ? b.value.compare(a.value) : a.value.compare(b.value)))[0]!;
  if (comparison.tiedWithinIntervals) {
    const tied = comparison.scores.filter((s) => level(s, best));
    const interval = (s: ComparedScore) =>
      s.ciLow && s.ciHigh
        ? sentences.scoreWithInterval(core.model(s.modelId).name, scoreText(s), points(s.ciLow), points(s.ciHigh))
        : `${core.model(s.modelId).name} (${scoreText(s)})`;
    const others = comparison.scores.filter((s) => !tied.includes(s)).map((s) => `${scoreText(s)} for ${core.model(s.modelId).name}`);
    return sentences.benchmarkIntervalTie(name, list(tied.map(interval)), others.length > 0 ? list(others) : null, where);
  }
  if (comparison.leaderModelId === null) return sentences.benchmarkTie(name, scoreText(best), where);
  const leader = comparison.scores.find((s) => s.modelId === comparison.leaderModelId)!;
  const others = comparison.scores
    .filter((s) => s.modelId !== leader.modelId)
    .map((s) => `${scoreText(s)} for ${core.model(s.modelId).name}`);
  return sentences.benchmarkLeader(name, core.model(leader.modelId).name, scoreText(leader), list(others), points(comparison.gap), where);
}

/** A shared benchmark left uncompared: each model's score and where it comes from. */
export function uncomparedSentence(core: ComparisonCore, uncompared: UncomparedBenchmark): string {
  const scores = uncompared.scores.map((s) => `${scoreText(s)} for ${core.model(s.modelId).name} ${wherePhrase(s.group)}`);
  return sentences.benchmarkNotCompared(uncompared.benchmark.name, scores.join('; '));
}

export function switchNotes(core: ComparisonCore, change: Switch): string[] {
  const target = core.model(change.toModelId).name;
  const notes = [
    change.sharedProviders.length > 0
      ? sentences.overlap(list(change.sharedProviders.map((p) => p.name)))
      : sentences.noOverlap(),
  ];
  for (const [delta, side] of [
    [change.outputPriceDelta, 'output'],
    [change.inputPriceDelta, 'input'],
  ] as const) {
    if (delta === null) continue;
    const amount = perMillion(delta.abs());
    notes.push(
      delta.isZero()
        ? sentences.priceSame(side)
        : delta.isNegative()
          ? sentences.priceLower(target, amount, side)
          : sentences.priceHigher(target, amount, side),
    );
  }
  if (change.capabilitiesLost.length > 0) notes.push(sentences.capabilitiesLost(list(change.capabilitiesLost.map(capabilityLabel))));
  if (change.capabilitiesGained.length > 0) notes.push(sentences.capabilitiesGained(list(change.capabilitiesGained.map(capabilityLabel))));
  if (change.contextChange !== null && change.contextChange !== 0) {
    const from = core.model(change.fromModelId).contextWindow!;
    const to = core.model(change.toModelId).contextWindow!;
    notes.push(
      change.contextChange > 0
        ? sentences.contextGrows(core.window(from), core.window(to))
        : sentences.contextShrinks(core.window(from), core.window(to)),
    );
  }
  return notes;
}

const DIMENSION_LABELS: Record<Dimension, string> = {
  quality: 'Quality',
  cost: 'Cost',
  availability: 'Availability',
  context: 'Context',
};

/** Why the verdict is what it is, in the order the weights rank the dimensions. */
export function verdictReasons(core: ComparisonCore): string[] {
  const { verdict } = core;
  const reasons: string[] = [];
  const weights = (Object.keys(verdict.weights) as Dimension[])
    .map((d) => `${d} ${verdict.weights[d]}`)
    .join(', ');
  const recommended = verdict.recommendedModelId;
  if (recommended !== null) {
    const total = (id: number) => verdict.scores.find((s) => s.modelId === id)!.total!.toFixed(2);
    const others = core.models.filter((m) => m.id !== recommended).map((m) => `${total(m.id)} for ${m.name}`);
    reasons.push(sentences.recommended(core.model(recommended).name, total(recommended), list(others), weights));
  } else if (verdict.tiedModelIds.length > 0) {
    reasons.push(sentences.verdictTie(list(verdict.tiedModelIds.map((id) => core.model(id).name))));
  } else {
    reasons.push(sentences.nothingToWeigh());
  }
  const subject = recommended ?? verdict.scores[0]!.modelId;
  const ranked = [...verdict.weighed].sort((a, b) => verdict.weights[b] - verdict.weights[a]);
  for (const dimension of ranked) reasons.push(...dimensionReasons(core, dimension, subject));
  const useCase = USE_CASE_DEFINITIONS[verdict.useCase].label;
  for (const dimension of verdict.unknown) {
    reasons.push(
      dimension === 'quality'
        ? sentences.qualityNotCompared(useCase, list(verdict.weighed.map((d) => DIMENSION_LABELS[d].toLowerCase())))
        : sentences.dimensionUnknown(DIMENSION_LABELS[dimension]),
    );
  }
  const weighedUncompared = core.uncompared.filter((u) => benchmarkWeight(core.verdict.useCase, u.benchmark.category) > 0).map((u) => u.benchmark.name);
  if (weighedUncompared.length > 0) reasons.push(sentences.notCompared(list(weighedUncompared)));
  if (verdict.dominatedModelIds.length > 0) {
    const names = verdict.dominatedModelIds.map((id) => core.model(id).name);
    reasons.push(sentences.dominated(list(names), names.length === 1 ? 'is' : 'are'));
  }
  return reasons;
}

/** What the quality signal rests on, named: each benchmark with its edition (and its weight when not full). */
function qualityBasisText(core: ComparisonCore): string {
  const items = new Map<string, { names: string[]; where: string; weight: number }>();
  for (const { comparison, weight } of core.verdict.quality) {
    const key = `${comparison.group.key}|${weight}`;
    const item = items.get(key) ?? { names: [], where: wherePhrase(comparison.group), weight };
    item.names.push(comparison.benchmark.name);
    items.set(key, item);
  }
  const texts = [...items.values()].map((i) => sentences.qualityBasisItem(list(i.names), i.where, i.weight));
  return sentences.qualityBasis(USE_CASE_DEFINITIONS[core.verdict.useCase].label, texts.join('; '));
}

function dimensionReasons(core: ComparisonCore, dimension: Dimension, subjectId: number): string[] {
  if (dimension !== 'quality') {
    const reason = dimensionReason(core, dimension, subjectId);
    return reason ? [reason] : [];
  }
  const subject = core.model(subjectId).name;
  const { verdict } = core;
  const basis = verdict.quality.map((q) => q.comparison);
  const scope = sentences.qualityScope(USE_CASE_DEFINITIONS[verdict.useCase].label, verdict.useCase === 'general');
  const widest = basis.filter((b) => b.leaderModelId !== null).sort((a, b) => b.gap.compare(a.gap))[0];
  if (!widest) return [sentences.qualityLevel(scope), qualityBasisText(core)];
  const led = (id: number) => basis.filter((b) => b.leaderModelId === id).length;
  const who = led(subjectId) > 0 && widest.leaderModelId === subjectId ? subjectId : widest.leaderModelId!;
  return [
    sentences.leadsShared(who === subjectId ? subject : core.model(who).name, led(who), basis.length, scope, widest.benchmark.name, points(widest.gap)),
    qualityBasisText(core),
  ];
}

function dimensionReason(core: ComparisonCore, dimension: Exclude<Dimension, 'quality'>, subjectId: number): string | null {
  const subject = core.model(subjectId).name;
  if (dimension === 'cost') {
    const own = core.cost(subjectId).monthlyCost!;
    const rival = closestRival(core, subjectId, (id) => core.cost(id).monthlyCost!.toNumber(), 'lower');
    if (!rival) return null;
    const theirs = core.cost(rival).monthlyCost!;
    const relation = own.lessThan(theirs) ? saving(own, theirs) : own.equals(theirs) ? 'the same' : `${saving(theirs, own)} for ${core.model(rival).name}`;
    return sentences.costsLess(subject, dollars(own), trafficText(core), core.model(rival).name, dollars(theirs), relation);
  }
  if (dimension === 'availability') {
    const counts = core.costs.map((c) => c.providerCount);
    if (counts.every((c) => c === counts[0])) return sentences.sameProviders(countOf(counts[0]!, 'provider'));
    const rival = closestRival(core, subjectId, (id) => core.cost(id).providerCount, 'higher')!;
    return sentences.moreProviders(
      subject,
      countOf(core.cost(subjectId).providerCount, 'provider'),
      core.model(rival).name,
      String(core.cost(rival).providerCount),
    );
  }
  const { context } = core;
  if (context.tie) return sentences.sameContext(core.window(context.values[0]!.tokens!));
  const rival = closestRival(core, subjectId, (id) => core.model(id).contextWindow!, 'higher')!;
  return sentences.largerContext(
    subject,
    core.window(core.model(subjectId).contextWindow!),
    core.model(rival).name,
    core.window(core.model(rival).contextWindow!),
  );
}

/** The other model best on a measure: who the subject is really up against. */
function closestRival(core: ComparisonCore, subjectId: number, measure: (id: number) => number, better: 'higher' | 'lower') {
  const others = core.models.filter((m) => m.id !== subjectId).map((m) => m.id);
  return others.sort((a, b) => (better === 'higher' ? measure(b) - measure(a) : measure(a) - measure(b)))[0] ?? null;
}

/** One line a page can lead with; it follows the verdict and never contradicts it. */
export function verdictHeadline(core: ComparisonCore, tradeoffs: Tradeoff[]): string {
  const { verdict } = core;
  const headline = headlineOnSignals(core, tradeoffs);
  // A pick made without quality says so: it rests on cost, availability or context alone.
  return verdict.unknown.includes('quality') ? `${headline} ${sentences.headlineQualityUnknown()}` : headline;
}

function headlineOnSignals(core: ComparisonCore, tradeoffs: Tradeoff[]): string {
  const { verdict } = core;
  const recommended = verdict.recommendedModelId;
  if (recommended === null) return verdictReasons(core)[0]!;
  const name = core.model(recommended).name;
  // The first undominated alternative with a measured advantage is the tradeoff worth naming.
  const challenger = tradeoffs.find(
    (t) => t.modelId !== recommended && !verdict.dominatedModelIds.includes(t.modelId) && t.advantages > 0,
  );
  if (!challenger) return sentences.headlineDominant(name);
  return sentences.headlineTradeoff(name, core.model(challenger.modelId).name, challenger.reasons[0]!);
}
