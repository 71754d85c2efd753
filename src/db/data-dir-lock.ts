import { closeSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, statSync, unlinkSync, utimesSync, writeFileSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';

/**
 * One owner per PGlite data directory. PGlite is PostgreSQL in one process,
 * with no server to arbitrate: two processes opening the same directory (a
 * server and `npm run import`, two servers) both write its files and corrupt
 * it. So whoever opens it (src/db/client.ts, for the server and every CLI)
 * first creates `<dir>/.modelgraph.lock`, exclusively, holding its PID and
 * host, and removes it on close or exit. A second opener is refused with
 * who holds it and what to do.
 *
 * A lock whose owner is gone (killed, crashed, the machine rebooted) is
 * stale and taken over with a warning: on this host, when its PID no longer
 * runs; on another host (a directory shared between containers), when the
 * owner stopped refreshing the file's mtime (every HEARTBEAT_MS) for
 * STALE_AFTER_MS.
 */

export const LOCK_FILE = '.modelgraph.lock';
const HEARTBEAT_MS = 15_000;
const STALE_AFTER_MS = 60_000;

export interface LockOwner {
  pid: number;
  host: string;
  /** What runs, e.g. "src/server.ts" or "src/catalog/cli.ts catalog". */
  command: string;
  /** ISO instant the lock was taken. */
  since: string;
}

export class DataDirLockedError extends Error {
  override name = 'DataDirLockedError';
  constructor(
    readonly dataDir: string,
    readonly owner: LockOwner,
  ) {
    const who =
      owner.pid === 0 ? 'an unknown process' : owner.host === hostname() ? `PID ${owner.pid}` : `PID ${owner.pid} on host ${owner.host}`;
    const what = /server\.[cm]?[jt]s\b/.test(owner.command) ? 'the server' : 'that process';
    super(
      `the data directory ${dataDir} is in use by ${who} (${owner.command || 'unknown command'}, since ${owner.since}). ` +
        `PGlite allows one process per data directory: stop ${what} (${who}) or point DATA_DIR elsewhere; ` +
        `to import into a running server's catalog, stop it first. ` +
        `If no such process runs, delete ${path.join(dataDir, LOCK_FILE)}.`,
    );
  }
}

export interface DataDirLock {
  readonly file: string;
  /** Removes the lock file (if it is still ours). Idempotent; also runs on process exit. */
  release(): void;
}

/** Locks this process holds, by file: released on exit, and refused to a second opener in the same process. */
const held = new Map<string, { content: string; heartbeat: NodeJS.Timeout }>();
let exitHook = false;

/**
 * Takes the lock on `dataDir` (created if missing) or throws DataDirLockedError.
 * `warn` hears about a stale lock taken over.
 */
export function lockDataDir(dataDir: string, warn: (message: string) => void = (m) => console.warn(m)): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE);
  const me: LockOwner = { pid: process.pid, host: hostname(), command: describeCommand(), since: new Date().toISOString() };
  if (held.has(file)) throw new DataDirLockedError(dataDir, me);
  const content = `${JSON.stringify(me)}\n`;

  for (let attempt = 0; attempt < 3; attempt++) {
    if (createExclusively(file, content)) return hold(file, content);
    const current = readOwner(file);
    if (current === 'missing') continue; // released meanwhile: try again
    if (!isStale(file, current)) throw new DataDirLockedError(dataDir, current ?? unknownOwner(file));
    // Move the stale file aside (atomic: of two processes taking it over, one wins the rename),
    // then check it was the one judged stale and not a fresh lock another process just took.
    const aside = `${file}.stale-${process.pid}`;
    try {
      renameSync(file, aside);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw error;
    }
    const moved = readOwner(aside);
    const fresh = moved !== 'missing' && moved !== undefined && (current === undefined || moved.pid !== current.pid || moved.since !== current.since);
    if (fresh) {
      try {
        linkSync(aside, file); // put the other process's fresh lock back
      } finally {
        unlinkSync(aside);
      }
      throw new DataDirLockedError(dataDir, moved);
    }
    unlinkSync(aside);
    warn(
      current
        ? `[modelgraph] took over a stale lock on ${dataDir}: PID ${current.pid} on ${current.host} (${current.command}, since ${current.since}) no longer holds it`
        : `[modelgraph] took over an unreadable stale lock on ${dataDir}`,
    );
  }
  const last = readOwner(file);
  throw new DataDirLockedError(dataDir, last === 'missing' || last === undefined ? unknownOwner(file) : last);
}

/**
 * Creates the file with its whole content, or returns false when it exists:
 * written to a private file, then hard-linked into place (link fails when the
 * name exists), so no other process ever reads it half written. Filesystems
 * without hard links fall back to O_CREAT|O_EXCL.
 */
function createExclusively(file: string, content: string): boolean {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, content, { mode: 0o644 });
  try {
    linkSync(temporary, file);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error;
  } finally {
    unlinkSync(temporary);
  }
  try {
    const fd = openSync(file, 'wx', 0o644);
    try {
      writeSync(fd, content);
    } finally {
      closeSync(fd);
    }
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

function hold(file: string, content: string): DataDirLock {
  // Refresh the mtime: how a process on another host tells a live lock from a stale one.
  const heartbeat = setInterval(() => {
    try {
      const now = new Date();
      utimesSync(file, now, now);
    } catch {
      // The file went (someone deleted it by hand): nothing to refresh.
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();
  held.set(file, { content, heartbeat });
  if (!exitHook) {
    exitHook = true;
    process.on('exit', () => {
      for (const f of [...held.keys()]) release(f);
    });
  }
  return { file, release: () => release(file) };
}

function release(file: string) {
  const lock = held.get(file);
  if (!lock) return;
  held.delete(file);
  clearInterval(lock.heartbeat);
  try {
    if (readFileSync(file, 'utf8') === lock.content) unlinkSync(file);
  } catch {
    // Already gone.
  }
}

function readOwner(file: string): LockOwner | undefined | 'missing' {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw error;
  }
  try {
    const owner = JSON.parse(text) as Partial<LockOwner>;
    if (typeof owner.pid === 'number' && typeof owner.host === 'string') {
      return { pid: owner.pid, host: owner.host, command: String(owner.command ?? ''), since: String(owner.since ?? '') };
    }
  } catch {
    // Not ours, or written by hand: judged by its age below.
  }
  return undefined;
}

function isStale(file: string, owner: LockOwner | undefined): boolean {
  if (owner && owner.host === hostname()) {
    // Our own PID, yet not a lock this process holds: a previous life of this PID
    // (a container restarted, its server PID 1 again).
    if (owner.pid === process.pid) return true;
    return !isRunning(owner.pid);
  }
  // Another host (or an unreadable file): only its heartbeat can tell.
  try {
    return Date.now() - statSync(file).mtimeMs > STALE_AFTER_MS;
  } catch {
    return false;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function unknownOwner(file: string): LockOwner {
  let since = 'an unknown time';
  try {
    since = statSync(file).mtime.toISOString();
  } catch {
    // gone
  }
  return { pid: 0, host: 'unknown', command: 'unreadable lock file', since };
}

function describeCommand(): string {
  const [, script, ...args] = process.argv;
  if (!script) return '';
  const relative = path.relative(process.cwd(), script);
  return [relative.startsWith('..') ? script : relative, ...args].join(' ');
}
