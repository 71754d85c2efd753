// The usage the costs are computed at, kept in the page's address so a
// comparison can be linked: ?inputTokensPerMonth=…&outputTokensPerMonth=…
// for monthly traffic, or the WorkloadInput fields for a workload.

export const TRAFFIC_FIELDS = ['inputTokensPerMonth', 'outputTokensPerMonth'];
export const WORKLOAD_FIELDS = ['requestsPerMonth', 'inputTokens', 'outputTokens', 'cachedInputTokens', 'cacheWriteTokens', 'hourUtc', 'serviceTier'];

/** The models named in /compare/<model>/<model>/…, as written (slugs, aliases or ids). */
export function modelsFromPath(pathname) {
  return pathname.split('/').slice(2).filter(Boolean).map(decodeURIComponent);
}

/** `traffic` or `workload` variables from the URL query; neither when the query names none (the API's default). */
export function usageFromQuery(search) {
  const query = new URLSearchParams(search);
  const pick = (fields) => Object.fromEntries(fields.filter((f) => query.get(f)).map((f) => [f, query.get(f)]));
  const workload = pick(WORKLOAD_FIELDS);
  if (Object.keys(workload).length > 0) {
    // hourUtc is an Int; anything else goes as written, so a bad value gets the API's message.
    if (/^\d+$/.test(workload.hourUtc ?? '')) workload.hourUtc = Number(workload.hourUtc);
    return { workload };
  }
  const traffic = pick(TRAFFIC_FIELDS);
  return Object.keys(traffic).length > 0 ? { traffic } : {};
}

/** The URL query for the form's usage: only the fields of the chosen mode, empty ones left out. */
export function queryFromForm(form) {
  const data = new FormData(form);
  const fields = data.get('mode') === 'workload' ? WORKLOAD_FIELDS : TRAFFIC_FIELDS;
  const query = new URLSearchParams();
  for (const field of fields) {
    const value = String(data.get(field) ?? '').trim();
    if (value) query.set(field, value);
  }
  return query;
}

/** Fills the form with the usage the API priced (its defaults applied), and shows the matching fields. */
export function fillForm(form, { traffic, workload }) {
  const mode = workload ? 'workload' : 'traffic';
  form.elements.mode.value = mode;
  showMode(form, mode);
  const values = workload ?? traffic ?? {};
  for (const field of workload ? WORKLOAD_FIELDS : TRAFFIC_FIELDS) {
    const value = values[field];
    form.elements[field].value = value == null || (field === 'serviceTier' && value === 'STANDARD') ? '' : String(value);
  }
}

export function showMode(form, mode) {
  for (const [id, active] of [['traffic-fields', mode === 'traffic'], ['workload-fields', mode === 'workload']]) {
    const fieldset = form.querySelector(`#${id}`);
    fieldset.hidden = !active;
    fieldset.disabled = !active;
  }
}
