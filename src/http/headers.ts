import type { IncomingHttpHeaders } from 'node:http';

/**
 * What is read of a request: its headers, through fetch's `get`. A fetch
 * Request is one; so is a node request seen through `nodeRequestHeaders`,
 * which lets the fast lane (src/http/fast-lane.ts) apply the app's own rules
 * without building a Request.
 */
export interface HeaderCarrier {
  headers: Pick<Headers, 'get'>;
}

/** A node request's headers behind fetch's `get`: names in lower case; a repeated header's values joined by ", ". */
export function nodeRequestHeaders(headers: IncomingHttpHeaders): Pick<Headers, 'get'> {
  return {
    get(name: string): string | null {
      const value = headers[name];
      return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
    },
  };
}
