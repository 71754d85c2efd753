import { capabilityLabel, dollars, list, perMillionShort, saving } from '../format.js';
import type { ComparisonCore } from './core.js';
import type { RouteFact } from './facts.js';
import { contextText, costNote, trafficText } from './prose.js';
import { sentences } from './sentences.js';

export interface FaqEntry {
  question: string;
  answer: string;
}

function either(names: string[]): string {
  return names.length === 2 ? `${names[0]} or ${names[1]}` : `${names.slice(0, -1).join(', ')}, or ${names[names.length - 1]}`;
}

/** The questions a comparison page answers, each from the computed numbers. */
export function faq(core: ComparisonCore, verdictHeadline: string): FaqEntry[] {
  const names = core.models.map((m) => m.name);
  const entries: FaqEntry[] = [];

  const { context } = core;
  entries.push({
    question: sentences.faqContextQuestion(either(names)),
    answer: context.tie
      ? sentences.faqContextTie(names.length, core.window(context.values[0]!.tokens!))
      : context.leaderModelId === null
        ? contextText(core)
        : faqContextLeader(core),
  });

  entries.push({ question: sentences.faqCostQuestion(either(names)), answer: costAnswer(core) });

  entries.push({
    question: sentences.faqLicenseQuestion(either(names)),
    answer: [
      ...core.models.map((m) => (m.license ? sentences.faqLicense(m.name, m.license) : sentences.faqLicenseUnknown(m.name))),
      sentences.faqLicenseCaveat(),
    ].join(' '),
  });

  // Ask about the capability that separates the models; failing that, one they share.
  const row =
    core.capabilities.find((r) => r.values.some((v) => v.supported === true) && !r.shared) ??
    core.capabilities.find((r) => r.shared);
  if (row) {
    const label = capabilityLabel(row.capability);
    entries.push({
      question: sentences.faqCapabilityQuestion(label, either(names)),
      answer: row.shared
        ? sentences.faqCapabilityShared(names.length, list(names), label)
        : row.values.map((v) => sentences.faqCapabilitySupport(core.model(v.modelId).name, v.supported, label)).join(' '),
    });
  }

  entries.push({
    question: sentences.faqWhereQuestion(list(names)),
    answer: [
      ...core.models.map((m) => {
        const routes = m.routes.filter((r) => r.status !== 'retired');
        if (routes.length === 0) return sentences.faqWhereNone(m.name);
        return sentences.faqWhere(m.name, list(whereProviders(routes)));
      }),
      sentences.faqWhereCaveat(),
    ].join(' '),
  });

  entries.push({
    question:
      names.length === 2 ? sentences.faqPickQuestion(names[0]!, names[1]!) : sentences.faqPickAmongQuestion(either(names)),
    answer: verdictHeadline,
  });
  return entries;
}

/**
 * Each provider of some tracked routes once, in route order: by name when one
 * of its routes is purchasable, otherwise marked with why it cannot be bought.
 */
function whereProviders(routes: RouteFact[]): string[] {
  const byProvider = new Map<number, RouteFact[]>();
  for (const r of routes) byProvider.set(r.provider.id, [...(byProvider.get(r.provider.id) ?? []), r]);
  return [...byProvider.values()].map((own) => {
    const name = own[0]!.provider.name;
    if (own.some((r) => r.purchasable)) return name;
    if (own.some((r) => r.provider.status === 'deprecated' || r.status === 'deprecated')) return `${name} (deprecated)`;
    if (own.some((r) => r.variants.includes('free'))) return `${name} (free tier only)`;
    return name;
  });
}

function faqContextLeader(core: ComparisonCore): string {
  const leader = core.model(core.context.leaderModelId!);
  const others = core.models
    .filter((m) => m.id !== leader.id)
    .map((m) => `${core.window(m.contextWindow!)} for ${m.name}`);
  return sentences.faqContextLeader(leader.name, core.window(leader.contextWindow!), list(others));
}

function costAnswer(core: ComparisonCore): string {
  const parts: string[] = [];
  const lower = core.costGap.lowerCostModelId;
  if (lower !== null) {
    const cost = core.cost(lower);
    const others = core.costs
      .filter((c) => c.modelId !== lower && c.monthlyCost !== null)
      .map((c) => `${dollars(c.monthlyCost!)} for ${core.model(c.modelId).name}`);
    const next = core.costs
      .filter((c) => c.modelId !== lower && c.monthlyCost !== null)
      .sort((a, b) => a.monthlyCost!.compare(b.monthlyCost!))[0]!;
    parts.push(
      sentences.faqCostAnswer(
        core.model(lower).name,
        trafficText(core),
        dollars(cost.monthlyCost!),
        core.route(cost.routeOfferingId!).provider.name,
        list(others),
        saving(cost.monthlyCost!, next.monthlyCost!),
      ),
    );
  } else if (core.costGap.monthlyCostGap !== null) {
    parts.push(sentences.faqCostTie(dollars(core.costs.find((c) => c.monthlyCost !== null)!.monthlyCost!)));
  }
  for (const cost of core.costs) {
    const name = core.model(cost.modelId).name;
    if (cost.cheapestInput && cost.cheapestOutput) {
      parts.push(sentences.faqPrices(name, perMillionShort(cost.cheapestInput.perMTok), perMillionShort(cost.cheapestOutput.perMTok)));
    }
    const note = costNote(core, cost);
    if (note !== null) parts.push(note);
  }
  parts.push('workload' in core.usage ? sentences.faqCostCaveatWorkload() : sentences.faqCostCaveat());
  return parts.join(' ');
}
