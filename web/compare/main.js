// The comparison page: the models come from the path, the usage from the
// query string; one GraphQL operation returns everything shown.
import { loadOperation, runOperation } from './api.js';
import { h } from './dom.js';
import * as sections from './sections.js';
import { fillForm, modelsFromPath, queryFromForm, showMode, usageFromQuery } from './usage.js';

const form = document.getElementById('usage-form');
const status = document.getElementById('status');
const errors = document.getElementById('errors');
const output = document.getElementById('comparison');

const operation = loadOperation('ComparisonPage');

function showErrors(messages) {
  errors.replaceChildren(...messages.map((message) => h('p', { class: 'error' }, message)));
}

/** Asks the API for the comparison at the URL's usage and renders it. */
async function render() {
  const models = modelsFromPath(location.pathname);
  const usage = usageFromQuery(location.search);
  const variables = { models, ...usage };
  status.textContent = 'Computing the comparison…';
  try {
    const op = await operation;
    const { data, errors: apiErrors } = await runOperation(op, variables);
    if (apiErrors?.length || !data?.comparison) {
      // The API's own message: an unknown model, a bad count, too many models…
      showErrors(apiErrors?.map((e) => e.message) ?? ['The API returned no comparison.']);
      output.replaceChildren();
      status.textContent = 'The comparison could not be computed.';
      return;
    }
    const comparison = data.comparison;
    document.title = `${comparison.models.map((m) => m.name).join(' vs ')} · Modelgraph`;
    document.getElementById('title').textContent = comparison.models.map((m) => m.name).join(' vs ');
    document.getElementById('summary').textContent = comparison.summary;
    fillForm(form, usage.workload ? usage : { traffic: comparison.traffic });
    errors.replaceChildren();
    output.replaceChildren(
      sections.verdict(comparison),
      sections.costs(comparison),
      sections.scorecard(comparison),
      sections.benchmarks(comparison),
      sections.specs(comparison),
      sections.switches(comparison),
      sections.faq(comparison),
      sections.sources(comparison),
      sections.operation(op.document, op.id, variables),
    );
    status.textContent = 'Comparison up to date.';
  } catch (error) {
    showErrors([error.message]);
    status.textContent = 'The comparison could not be computed.';
  }
}

form.addEventListener('change', (event) => {
  if (event.target.name === 'mode') showMode(form, event.target.value);
});

// Editing the usage puts it in the address (so it can be linked) and recomputes.
form.addEventListener('submit', (event) => {
  event.preventDefault();
  const query = queryFromForm(form).toString();
  history.pushState(null, '', `${location.pathname}${query ? `?${query}` : ''}`);
  render();
});

window.addEventListener('popstate', render);
render();
