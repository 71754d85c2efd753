// A typed client for the operations in examples/, as a frontend writes one:
// the document's types come from `npm run codegen` (examples/typed/), and the
// request names the operation by its persisted id, so it also runs on a
// server started with PERSISTED_OPERATIONS=examples/typed/persisted-documents.json.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';

export interface GraphQLResult<Data> {
  data?: Data | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** The id codegen embedded in the document (`sha256:<hex>`, GraphQL over HTTP's persisted documents). */
export function documentId(document: TypedDocumentNode<unknown, never>): string {
  const hash = (document as { __meta__?: { hash?: string } }).__meta__?.hash;
  if (!hash) throw new Error('This document has no persisted id: generate it with persistedDocuments (codegen.ts).');
  return hash;
}

/** POSTs `{ documentId, variables }`; the result is typed by the document. */
export async function execute<Data, Variables>(
  endpoint: string,
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables,
  fetchImpl: (url: string, init: RequestInit) => Promise<Response> = fetch,
): Promise<GraphQLResult<Data>> {
  const response = await fetchImpl(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify({ documentId: documentId(document as TypedDocumentNode<unknown, never>), variables }),
  });
  return (await response.json()) as GraphQLResult<Data>;
}
