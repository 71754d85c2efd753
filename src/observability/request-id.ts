import { randomUUID } from 'node:crypto';

export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * An incoming id a proxy or client set is kept when it is 1–128 characters
 * of letters, digits and `- _ . : / + =` (UUIDs, ULIDs, trace ids, base64);
 * anything else (a newline forging a log line, a megabyte, a quote) is
 * replaced by a fresh UUID rather than echoed into logs and headers.
 */
const ACCEPTABLE_ID = /^[A-Za-z0-9._:/+=-]{1,128}$/;

/** The request's id: the `x-request-id` it came with when acceptable, else a new UUID. */
export function requestId(headers: Pick<Headers, 'get'>): string {
  const given = headers.get(REQUEST_ID_HEADER);
  return given !== null && ACCEPTABLE_ID.test(given) ? given : randomUUID();
}
