import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** `node --import tsx <script>` on PGlite (DATABASE_URL removed, so the zero-set-up path), as npm would run it. */
export function spawnTs(script: string, args: string[], env: Record<string, string>): ChildProcess {
  const { DATABASE_URL: _ignored, ...rest } = process.env;
  return spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: ROOT, env: { ...rest, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
}

export interface ServerProcess {
  url: string;
  pid: number;
  /** Everything the server printed so far, stdout and stderr. */
  output(): string;
  /** SIGTERM, then its exit code. */
  stop(): Promise<number | null>;
}

/** The real server on a free port of 127.0.0.1, in `dataDir`; resolves once it listens. */
export async function startServer(dataDir: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const child = spawnTs('src/server.ts', [], { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ...env });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 45_000);
    child.stdout!.on('data', () => {
      const match = output.match(/GraphiQL at (http:\/\/\S+\/graphql)/);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  return {
    url,
    pid: child.pid!,
    output: () => output,
    stop: () =>
      new Promise((resolve) => {
        child.on('exit', (code) => resolve(code));
        child.kill('SIGTERM');
      }),
  };
}
