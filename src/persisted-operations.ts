import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import { createGraphQLError, type GraphQLParams, type Plugin } from 'graphql-yoga';

/** Operations by the SHA-256 (hex) of their text: GraphQL Code Generator's persisted-documents manifest. */
export type PersistedOperations = ReadonlyMap<string, string>;

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Reads a manifest `{ "<sha256 hex>": "<document>", … }` (what `npm run
 * codegen` writes, keys prefixed `sha256:`). Every key must be its document's hash: a manifest that
 * was edited by hand, or generated with another algorithm, stops the start.
 */
export async function loadPersistedOperations(file: string): Promise<PersistedOperations> {
  let manifest: unknown;
  try {
    manifest = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new Error(`PERSISTED_OPERATIONS: cannot read ${file} as JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) {
    throw new Error(`PERSISTED_OPERATIONS: ${file} must be a JSON object of "<sha256 hex>": "<document>"`);
  }
  const operations = new Map<string, string>();
  for (const [key, document] of Object.entries(manifest)) {
    const hash = key.replace(/^sha256:/, '');
    if (typeof document !== 'string' || sha256Hex(document) !== hash) {
      throw new Error(`PERSISTED_OPERATIONS: in ${file}, "${key.slice(0, 80)}" is not the SHA-256 of its document`);
    }
    operations.set(hash, document);
  }
  return operations;
}

/**
 * The operation's id: `documentId` (GraphQL over HTTP's persisted documents,
 * in a POST body or a GET query string, `sha256:` prefix allowed) or the APQ
 * extension `persistedQuery.sha256Hash`.
 */
function persistedOperationId(params: GraphQLParams & { documentId?: unknown }, request: Request): string | null {
  const documentId =
    typeof params.documentId === 'string'
      ? params.documentId
      : request.method === 'GET'
        ? new URL(request.url).searchParams.get('documentId')
        : null;
  if (documentId) return documentId.replace(/^sha256:/, '');
  const apq = (params.extensions as { persistedQuery?: { version?: unknown; sha256Hash?: unknown } } | undefined)?.persistedQuery;
  return apq?.version === 1 && typeof apq.sha256Hash === 'string' ? apq.sha256Hash : null;
}

/** What automatic persisted queries remember, oldest forgotten first: enough for every operation a few frontends send. */
const APQ_STORE_BYTES = 10_000_000;

/**
 * Automatic persisted queries: a client sends an operation's hash alone;
 * on PersistedQueryNotFound it sends the text with the hash once, which is
 * remembered (when the hash is the text's SHA-256) for everyone.
 */
function useAutomaticPersistedQueries(): Plugin[] {
  const store = new Map<string, string>();
  let storedBytes = 0;
  const remember = (hash: string, query: string) => {
    if (store.has(hash)) return;
    store.set(hash, query);
    storedBytes += query.length;
    for (const [oldest, text] of store) {
      if (storedBytes <= APQ_STORE_BYTES) break;
      store.delete(oldest);
      storedBytes -= text.length;
    }
  };
  const register: Plugin = {
    onParams({ params, request }) {
      const hash = persistedOperationId(params, request);
      if (hash === null || typeof params.query !== 'string') return;
      if (sha256Hex(params.query) !== hash) {
        throw createGraphQLError('The persisted query hash is not the SHA-256 of the query sent with it.', {
          extensions: { code: 'PERSISTED_QUERY_HASH_MISMATCH', http: { status: 400 } },
        });
      }
      remember(hash, params.query);
    },
  };
  const lookUp = usePersistedOperations({
    allowArbitraryOperations: true,
    extractPersistedOperationId: persistedOperationId,
    getPersistedOperation: (hash) => store.get(hash) ?? null,
    customErrors: {
      notFound: { message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } },
      // Neither a query nor an id: what yoga answers without this plugin.
      keyNotFound: { message: 'Must provide query string.', extensions: { code: 'BAD_REQUEST' } },
    },
  });
  return [register, lookUp];
}

const PERSISTED_QUERY_ONLY = {
  message: 'This server runs persisted operations only: send the documentId of an operation in its manifest.',
  extensions: { code: 'PERSISTED_QUERY_ONLY', http: { status: 400 } },
};

/** Allow-list mode: only the manifest's operations run, named by id; any other document is refused. */
function useAllowList(operations: PersistedOperations): Plugin {
  return usePersistedOperations({
    allowArbitraryOperations: false,
    extractPersistedOperationId: persistedOperationId,
    getPersistedOperation: (hash) => operations.get(hash) ?? null,
    customErrors: {
      notFound: { message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } },
      persistedQueryOnly: PERSISTED_QUERY_ONLY,
      keyNotFound: PERSISTED_QUERY_ONLY,
    },
  });
}

/** With a manifest, the allow-list; without, automatic persisted queries next to arbitrary operations. */
export function persistedOperationPlugins(allowList: PersistedOperations | undefined): Plugin[] {
  return allowList ? [useAllowList(allowList)] : useAutomaticPersistedQueries();
}

/** The request parameter naming a persisted operation, which yoga must let through. */
export const PERSISTED_OPERATION_PARAMS = ['documentId'];
