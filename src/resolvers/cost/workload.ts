import type { ServiceTier } from '../../domain/pricing.js';

/**
 * What a month of use looks like, as the cost model (./price.ts) prices it:
 * one request shape and how often it is sent. Every token count is per
 * request and a bigint (counts may exceed 2^53 once multiplied by requests).
 * Pure: imports only the domain lists.
 */
export interface Workload {
  /** Input tokens of one request, cached reads and cache writes included (as providers count them). */
  inputTokens: bigint;
  /** Output tokens of one request, reasoning included. */
  outputTokens: bigint;
  /** Of `inputTokens`, those read from the prompt cache. */
  cachedInputTokens: bigint;
  /** Of `inputTokens`, those written to the prompt cache (5-minute cache). */
  cacheWriteTokens: bigint;
  requestsPerMonth: bigint;
  /**
   * The UTC hour the requests are sent in, 0–23: they are spread evenly over
   * that hour's 60 minutes. Null: spread evenly over the whole day.
   */
  hourUtc: number | null;
  /** How the provider serves the requests; 'standard' unless said. */
  serviceTier: ServiceTier;
}

/** A workload from the counts that matter, the rest defaulted: no cache, spread over the day, standard tier. */
export function workload(
  shape: Pick<Workload, 'inputTokens' | 'outputTokens' | 'requestsPerMonth'> & Partial<Workload>,
): Workload {
  const result: Workload = {
    cachedInputTokens: 0n,
    cacheWriteTokens: 0n,
    hourUtc: null,
    serviceTier: 'standard',
    ...shape,
  };
  checkWorkload(result);
  return result;
}

/** A RangeError naming what is wrong: negative counts, cache tokens beyond the input, an hour outside 0–23. */
export function checkWorkload(w: Workload): void {
  for (const key of ['inputTokens', 'outputTokens', 'cachedInputTokens', 'cacheWriteTokens', 'requestsPerMonth'] as const) {
    if (typeof w[key] !== 'bigint' || w[key] < 0n) throw new RangeError(`workload ${key} must be a non-negative bigint, not ${String(w[key])}`);
  }
  if (w.cachedInputTokens + w.cacheWriteTokens > w.inputTokens) {
    throw new RangeError(
      `workload cached (${w.cachedInputTokens}) and cache-write (${w.cacheWriteTokens}) tokens are part of the input and cannot exceed it (${w.inputTokens})`,
    );
  }
  if (w.hourUtc !== null && !(Number.isInteger(w.hourUtc) && w.hourUtc >= 0 && w.hourUtc <= 23)) {
    throw new RangeError(`workload hourUtc must be a whole hour 0–23 or null, not ${w.hourUtc}`);
  }
}

/** The comparison's traffic: tokens per month, no cache, no request count. */
export interface MonthlyTraffic {
  inputTokens: bigint;
  outputTokens: bigint;
}

/** The largest request traffic is made of: at most this many input and this many output tokens. */
export const TRAFFIC_REQUEST_TOKENS = 1000n;

/**
 * Traffic ("848M input and 230.8M output tokens a month") as the requests that
 * make it up. Traffic means many small requests, not one huge one: a single
 * request of 848M tokens would cross every context tier and be priced at the
 * long-context rate. So traffic is sent as
 *
 *   N = max(⌈input / 1,000⌉, ⌈output / 1,000⌉) requests
 *
 * (at least one when there is any traffic), each carrying at most 1,000 input
 * and at most 1,000 output tokens, the tokens shared out as evenly as whole
 * tokens allow: input = a·N + b is b requests of a + 1 tokens and N − b of a,
 * and likewise output. Those are at most three request shapes (returned as
 * three workloads, the requests carrying the extra input token first also
 * carry the extra output token), together exactly the traffic's tokens. No
 * request passes a context tier (every tier in the catalog is far above 1K),
 * so traffic on a tiered route is priced at its base tier as before; what is
 * new is that a per-request fee is charged N times. No cache, spread over the
 * day, standard tier. No traffic is no requests (an empty list).
 */
export function trafficWorkloads(traffic: MonthlyTraffic): Workload[] {
  const { inputTokens: input, outputTokens: output } = traffic;
  if (input < 0n || output < 0n) throw new RangeError(`traffic tokens must be non-negative, not ${input} input / ${output} output`);
  const ceil = (n: bigint) => (n + TRAFFIC_REQUEST_TOKENS - 1n) / TRAFFIC_REQUEST_TOKENS;
  const requests = ceil(input) > ceil(output) ? ceil(input) : ceil(output);
  if (requests === 0n) return [];
  const [a, b] = [input / requests, input % requests];
  const [c, d] = [output / requests, output % requests];
  const both = b < d ? b : d;
  const either = b < d ? d : b;
  const shapes: [bigint, bigint, bigint][] = [
    [both, a + 1n, c + 1n],
    [either - both, b > d ? a + 1n : a, b > d ? c : c + 1n],
    [requests - either, a, c],
  ];
  return shapes
    .filter(([count]) => count > 0n)
    .map(([count, inputTokens, outputTokens]) => workload({ inputTokens, outputTokens, requestsPerMonth: count }));
}
