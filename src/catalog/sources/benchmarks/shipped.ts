import { readdir, readFile } from 'node:fs/promises';
import { emptyBundle, type SourceBundle } from '../../records.js';

const directory = new URL('../../../../data/benchmarks/', import.meta.url);

/** What a snapshot file holds: the leaderboard records an importer read from its upstream file. */
export type LeaderboardSnapshot = Pick<SourceBundle, 'sources' | 'editions' | 'benchmarks' | 'scores'>;

/**
 * The leaderboards the default catalog ships (data/benchmarks/*.json, built
 * by `npm run data:benchmarks` from the upstream files, each with its
 * source, date and licence): read as bundles, so they go through the same
 * identity resolution and validation as any import.
 */
export async function readShippedLeaderboards(): Promise<SourceBundle[]> {
  const files = (await readdir(directory).catch(() => [] as string[])).filter((f) => f.endsWith('.json')).sort();
  return Promise.all(
    files.map(async (file) => {
      let snapshot: LeaderboardSnapshot;
      try {
        snapshot = JSON.parse(await readFile(new URL(file, directory), 'utf8')) as LeaderboardSnapshot;
      } catch (error) {
        throw new Error(`data/benchmarks/${file} is not valid JSON: ${(error as Error).message}`);
      }
      return { ...emptyBundle(), ...snapshot };
    }),
  );
}
