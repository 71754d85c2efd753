import { readFileSync } from 'node:fs';
// autocannon ships no types; only what is used here is declared.
// @ts-expect-error no declaration file
import autocannon from 'autocannon';

export interface Sample {
  requests: number;
  reqPerSec: number;
  p50: number;
  p99: number;
  /** Server CPU (user + system) per request, in µs; null when the process is not known. */
  cpuMicrosPerRequest: number | null;
  /** Non-2xx answers or socket errors: the round is void. */
  failures: number;
}

/** utime + stime of a process, in µs (Linux /proc; clock ticks of 10 ms). */
export function cpuMicros(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10_000;
  } catch {
    return null;
  }
}

export async function load(url: string, body: string, seconds: number, connections: number, pid?: number): Promise<Sample> {
  const before = pid ? cpuMicros(pid) : null;
  const result = await autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body,
    connections,
    duration: seconds,
  });
  const after = pid ? cpuMicros(pid) : null;
  const requests = result.requests.total as number;
  return {
    requests,
    reqPerSec: requests / seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    cpuMicrosPerRequest: before !== null && after !== null && requests > 0 ? (after - before) / requests : null,
    failures: (result.non2xx as number) + (result.errors as number) + (result.timeouts as number),
  };
}
