import { getCORSHeadersByRequestAndOptions } from '@whatwg-node/server';
import type { CORSOptions } from 'graphql-yoga';
import type { HeaderCarrier } from './http/headers.js';

/**
 * Which web pages on other origins may read the API from a browser
 * (`CORS_ORIGINS`): any (`'*'`, the default: the catalog is public, read-only
 * and uses no cookies), or only the origins listed. CORS binds browsers only;
 * it is not access control against other clients.
 */
export type CorsOrigins = '*' | readonly string[];

/**
 * Reads `CORS_ORIGINS`: `*`, or origins separated by commas, each a scheme,
 * host and port as a browser sends it in `Origin` (`https://app.example.com`,
 * `http://localhost:5173`): no path, no trailing slash. Throws naming the
 * first entry that is not one.
 */
export function parseCorsOrigins(text: string): CorsOrigins {
  const entries = text.split(',').map((entry) => entry.trim()).filter((entry) => entry !== '');
  if (entries.length === 1 && entries[0] === '*') return '*';
  if (entries.length === 0) throw new Error('lists no origin: give `*` or origins such as https://app.example.com');
  for (const entry of entries) {
    if (!isOrigin(entry)) throw new Error(`"${entry.slice(0, 100)}" is not an origin such as https://app.example.com (scheme, host and port, no path)`);
  }
  return [...new Set(entries)];
}

function isOrigin(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === text;
  } catch {
    return false;
  }
}

/** How long a browser may reuse a preflight's answer, in seconds. */
const PREFLIGHT_MAX_AGE_S = 600;

/**
 * Yoga's `cors` option for the allowed origins. An allowed origin gets
 * `Access-Control-Allow-Origin` for itself (GET and POST, never credentials:
 * nothing here reads cookies); any other gets no CORS header at all, so its
 * browser refuses the response, preflight included.
 */
export function corsOptions(origins: CorsOrigins): (request: HeaderCarrier) => CORSOptions | false {
  const allowed: CORSOptions = { methods: ['GET', 'POST'], credentials: false, maxAge: PREFLIGHT_MAX_AGE_S };
  if (origins === '*') {
    const any: CORSOptions = { ...allowed, origin: '*' };
    return () => any;
  }
  const listed = new Set(origins);
  return (request) => {
    const origin = request.headers.get('origin');
    // The whole list when allowed: yoga then answers with this origin and `Vary: Origin`.
    return origin !== null && listed.has(origin) ? { ...allowed, origin: [...origins] } : false;
  };
}

/**
 * The CORS headers yoga adds to a response (its useCORS, with `corsOptions`),
 * for a response sent without yoga: the fast lane's (src/http/fast-lane.ts).
 * Null when the request has no Origin or its origin is not allowed.
 */
export function corsHeaders(origins: CorsOrigins): (request: HeaderCarrier) => Record<string, string> | null {
  const options = corsOptions(origins);
  // The function reads nothing of the request but its headers.
  return (request) => getCORSHeadersByRequestAndOptions(request as Request, options(request));
}
