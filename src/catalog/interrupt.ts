// What the import CLI does on SIGTERM or SIGINT: stop the import and roll it
// back, unless it is already committing, in which case it finishes. Either way
// the message and the exit status say what the database holds.
import { constants } from 'node:os';
import type { ImportPhase } from './import.js';

/** The reason an interrupted import throws: nothing was written. */
export class ImportInterrupted extends Error {
  override name = 'ImportInterrupted';
  constructor(readonly signal: NodeJS.Signals) {
    super(`interrupted by ${signal}`);
  }
}

export interface Interruption {
  /** Aborted by the first signal that arrives before the import commits (runImport's `signal`). */
  readonly signal: AbortSignal;
  /** Follows the import (runImport's `onPhase`): from 'committing' on, a signal lets it finish. */
  onPhase(phase: ImportPhase): void;
  /** The first signal received, if any. */
  readonly received: NodeJS.Signals | undefined;
  /** The exit status of a run this signal interrupted: 128 + its number (SIGINT 130, SIGTERM 143). */
  exitCode(signal: NodeJS.Signals): number;
}

/**
 * Installs SIGTERM and SIGINT handlers for the rest of the process (a signal
 * arriving while the CLI closes the database must not kill it with a status
 * that contradicts what it printed). The first signal before the commit
 * aborts `signal`; one at or after the commit is only acknowledged; any
 * later one is acknowledged and changes nothing.
 */
export function interruptOnSignals(log: (line: string) => void = (line) => console.error(line)): Interruption {
  const controller = new AbortController();
  let phase: ImportPhase | undefined;
  let received: NodeJS.Signals | undefined;
  const pastCommit = () => phase === 'committing' || phase === 'committed';
  const onSignal = (signal: NodeJS.Signals) => {
    // On a terminal the progress bar holds the line.
    const prefix = process.stderr.isTTY ? '\n' : '';
    if (received) {
      log(`${prefix}${signal}: already ${controller.signal.aborted ? 'stopping the import' : 'finishing'}`);
      return;
    }
    received = signal;
    if (pastCommit()) {
      log(`${prefix}${signal}: the import has committed; letting it finish`);
    } else {
      log(`${prefix}${signal}: stopping the import${phase === 'writing' ? ', rolling its transaction back' : ''}`);
      controller.abort(new ImportInterrupted(signal));
    }
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  return {
    signal: controller.signal,
    onPhase: (next) => void (phase = next),
    get received() {
      return received;
    },
    exitCode: (signal) => 128 + constants.signals[signal],
  };
}
