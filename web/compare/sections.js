// One function per part of the comparison: each takes the API's
// `comparison` and returns the section's element.
import { barChart } from './charts.js';
import { cell, h, section, table } from './dom.js';
import { compact, count, list, money, names, perMTok, score, text, UNKNOWN, yesNo } from './format.js';

const modelNames = (comparison) => comparison.models.map((m) => m.name);

/** A link when the URL is a web address (never javascript: or data:), else the label alone. */
const link = (url, label) => (url && /^https?:\/\//i.test(url) ? h('a', { href: url, rel: 'noopener' }, label) : label);

export function verdict({ verdict }) {
  const scores = barChart(
    'Weighted score out of 1',
    verdict.scores.map((s) => ({ label: s.model.name, value: s.total, text: `${s.total.toFixed(2)}${s.dominated ? ' (dominated)' : ''}`, best: s.model.name === verdict.recommended?.name })),
    { max: 1 },
  );
  const w = verdict.weights;
  return section(
    'verdict',
    'Verdict',
    h('p', { class: 'lead' }, h('strong', null, verdict.headline)),
    h('ul', null, verdict.reasons.map((reason) => h('li', null, reason))),
    scores,
    h('p', { class: 'note' }, `Weights: quality ${w.quality}, cost ${w.cost}, availability ${w.availability}, context ${w.context}.`),
    verdict.unknownSignals.length > 0 && h('p', { class: 'note' }, `Unknown for at least one model: ${list(verdict.unknownSignals)}.`),
  );
}

export function scorecard(comparison) {
  const rows = comparison.scorecard.map((row) => [row.signal, row.values.map((v) => cell(text(v.text), { best: v.best }))]);
  return section('scorecard', 'Scorecard', table('The best value of each signal is in bold, marked “best”.', ['Signal', ...modelNames(comparison)], rows));
}

export function specs(comparison) {
  const models = comparison.models;
  const row = (label, value) => [label, models.map((m) => cell(value(m)))];
  return section(
    'specs',
    'Specifications',
    table(null, ['', ...modelNames(comparison)], [
      row('Creator', (m) => text(m.creator?.name)),
      row('Released', (m) => text(m.releaseDate)),
      row('Context window', (m) => (m.contextWindow == null ? UNKNOWN : `${compact(m.contextWindow)} tokens`)),
      row('Parameters', (m) => compact(m.totalParameters)),
      row('Architecture', (m) => text(m.architecture)),
      row('License', (m) => text(m.license)),
      row('Open weights', (m) => yesNo(m.openWeights)),
      row('Knowledge cutoff', (m) => text(m.knowledgeCutoff)),
      row('Fits', (m) => list(m.decisionFit)),
    ]),
    table('Capabilities', ['Capability', ...modelNames(comparison)], comparison.capabilities.map((c) => [c.label, c.values.map((v) => cell(yesNo(v.supported)))])),
  );
}

function breakdown(cost) {
  const rows = cost.breakdown.map((line) => [
    line.component.toLowerCase().replaceAll('_', ' '),
    cell(count(line.quantity), { number: true }),
    cell(perMTok(line.unitPrice), { number: true }),
    cell(money(line.cost), { number: true }),
    cell(line.condition ?? ''),
  ]);
  return h(
    'div',
    null,
    h('h3', null, cost.model.name),
    h('p', null, `Monthly cost ${money(cost.monthlyCost)}`, cost.route ? ` through ${cost.route.provider.name}` : '', '.'),
    rows.length > 0
      ? table(null, ['Priced', 'Tokens', 'Unit price', 'Cost', 'Why this price'], rows)
      : h('p', { class: 'unknown' }, 'No breakdown: the prices this usage needs are unknown.'),
    cost.note && h('p', { class: 'note' }, cost.note),
    h('p', { class: 'note' }, `${cost.routeCount} routes tracked, ${cost.activeRouteCount} active, ${cost.providerCount} providers.`),
  );
}

export function costs(comparison) {
  const t = comparison.traffic;
  const cheapest = comparison.lowerCost?.name;
  const chart = barChart(
    'Monthly cost, USD',
    comparison.costs.map((c) => ({ label: c.model.name, value: c.monthlyCost == null ? null : Number(c.monthlyCost), text: money(c.monthlyCost), best: c.model.name === cheapest })),
  );
  return section(
    'costs',
    'Monthly cost',
    h('p', null, `At ${count(t.inputTokensPerMonth)} input and ${count(t.outputTokensPerMonth)} output tokens a month.`),
    chart,
    comparison.monthlyCostGap != null && cheapest && h('p', null, `${cheapest} costs ${money(comparison.monthlyCostGap)} a month less.`),
    h('div', { class: 'grid' }, comparison.costs.map(breakdown)),
  );
}

function benchmark(b) {
  const scored = b.scores.filter((s) => s.value != null);
  const chart = barChart(
    b.benchmark.name,
    b.scores.map((s) => ({
      label: `${s.model.name}${s.variant ? ` (${s.variant})` : ''}`,
      value: s.value,
      text: `${score(s.value)}${s.ciLow != null && s.ciHigh != null ? ` (${score(s.ciLow)}–${score(s.ciHigh)})` : ''}`,
      best: s.model.name === b.leader?.name,
      low: s.ciLow,
      high: s.ciHigh,
    })),
    { max: scored.every((s) => s.value <= 100) ? 100 : undefined },
  );
  const edition = b.edition;
  const source = link(edition?.url, text(b.source?.name ?? edition?.name));
  return h(
    'div',
    null,
    h('h3', null, b.benchmark.name, edition ? ` · ${edition.name}` : '', edition?.publishedOn ? ` (${edition.publishedOn})` : ''),
    chart,
    h('p', null, b.sentence),
    h('p', { class: 'source' }, 'Source: ', source, b.source?.retrievedAt ? `, retrieved ${b.source.retrievedAt}` : '', b.independent ? ' · independent' : ' · not independently verified'),
  );
}

export function benchmarks(comparison) {
  return section(
    'benchmarks',
    'Benchmarks',
    comparison.benchmarks.length === 0 ? h('p', { class: 'unknown' }, 'No benchmark scores all compared models.') : comparison.benchmarks.map(benchmark),
    comparison.uncomparedBenchmarks.length > 0 &&
      h('div', null, h('h3', null, 'Not compared'), h('ul', null, comparison.uncomparedBenchmarks.map((u) => h('li', null, u.sentence)))),
  );
}

export function switches(comparison) {
  return section(
    'switching',
    'Switching',
    h('div', { class: 'grid' }, comparison.switches.map((s) =>
      h(
        'div',
        null,
        h('h3', null, `${s.from.name} → ${s.to.name}`),
        table(null, ['Aspect', 'Change'], [
          ['Shared providers', cell(names(s.sharedProviders))],
          ['Input price change', cell(perMTok(s.inputPriceDelta))],
          ['Output price change', cell(perMTok(s.outputPriceDelta))],
          ['Capabilities lost', cell(list(s.capabilitiesLost))],
          ['Capabilities gained', cell(list(s.capabilitiesGained))],
          ['Context change', cell(s.contextChange == null ? UNKNOWN : `${s.contextChange >= 0 ? '+' : ''}${compact(s.contextChange)} tokens`)],
        ]),
        h('ul', null, s.notes.map((note) => h('li', null, note))),
      ),
    )),
  );
}

export function faq(comparison) {
  return section('faq', 'Questions', comparison.faq.map((item) => h('details', null, h('summary', null, item.question), h('p', null, item.answer))));
}

export function sources(comparison) {
  return section(
    'sources',
    'Sources',
    h('ul', null, comparison.sources.map((s) => h('li', null, link(s.url, s.name), s.retrievedAt ? `, retrieved ${s.retrievedAt}` : ''))),
    h('p', { class: 'note' }, `Last reviewed ${text(comparison.lastReviewed)}. Prices as of ${comparison.asOf}.`),
  );
}

/** The operation and variables this page sent: what a frontend copies into its own code. */
export function operation(document, id, variables) {
  return section(
    'operation',
    'The operation behind this page',
    h('p', null, `One query, sent by its id ${id} (persisted operations). Copy it, and its variables, into your own client.`),
    h('details', null, h('summary', null, 'Query'), h('pre', null, h('code', null, document))),
    h('details', null, h('summary', null, 'Variables'), h('pre', null, h('code', null, JSON.stringify(variables, null, 2)))),
  );
}
