// The page's only operation, sent the way a production frontend sends it:
// by its id in the persisted-operations manifest `npm run codegen` writes
// (examples/typed/persisted-documents.json). On a server that runs only
// listed operations (PERSISTED_OPERATIONS) the id is all it accepts; on one
// that has not seen the operation yet, the text goes once with its hash
// (automatic persisted queries) and the server remembers it.

const MANIFEST_URL = '/assets/compare/persisted-documents.json';
const ENDPOINT = '/graphql';

/** The manifest's entry for the named query: its id (`sha256:<hex>`) and its text. */
export async function loadOperation(name) {
  const response = await fetch(MANIFEST_URL);
  if (!response.ok) throw new Error(`Could not load ${MANIFEST_URL} (HTTP ${response.status}).`);
  const manifest = await response.json();
  const pattern = new RegExp(`^query ${name}\\b`);
  const entry = Object.entries(manifest).find(([, document]) => pattern.test(document));
  if (!entry) throw new Error(`The operation ${name} is not in the persisted-operations manifest: run npm run codegen.`);
  const [id, document] = entry;
  return { id, document };
}

async function post(body) {
  const response = await fetch(ENDPOINT, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify(body),
  });
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) throw new Error(`The API answered HTTP ${response.status} without a GraphQL response.`);
  return response.json();
}

const isNotFound = (result) => result.errors?.some((e) => e.extensions?.code === 'PERSISTED_QUERY_NOT_FOUND');

/** Runs the operation by id; `{ data, errors }` as the API answered. */
export async function runOperation(operation, variables) {
  const result = await post({ documentId: operation.id, variables });
  if (!isNotFound(result)) return result;
  const sha256Hash = operation.id.replace(/^sha256:/, '');
  return post({ query: operation.document, variables, extensions: { persistedQuery: { version: 1, sha256Hash } } });
}
