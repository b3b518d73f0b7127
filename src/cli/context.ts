/**
 * What every command gets from the outside world, injected so that tests run commands in
 * process with their own output, clock, timers, fetch and stop signal. `main.ts` fills it from
 * the real process.
 */
import { isAbsolute, resolve } from 'node:path';
import type { Timers } from './publish/watch.js';
import type { Problem } from './publish/night.js';

export interface CliContext {
  /** One line of output (results, publications). */
  readonly out: (line: string) => void;
  /** One line of diagnostics (problems, warnings, progress). */
  readonly err: (line: string) => void;
  /** The folder relative paths are resolved against. */
  readonly cwd: string;
  /** Milliseconds since the epoch. */
  readonly now: () => number;
  readonly timers: Timers;
  readonly fetch: typeof fetch;
  /** Everything on standard input, for `-` as a file name. */
  readonly stdin: () => Promise<string>;
  /** Aborted when the process is asked to stop (Ctrl-C, SIGTERM): long-running commands end cleanly. */
  readonly stop: AbortSignal;
  /** Called with a temporary file's path before each atomic rename (tests stop writes there). */
  readonly beforeRename?: (temporaryPath: string) => void | Promise<void>;
}

/** Exit codes: 0 success, 1 the data has problems (invalid feed, source errors), 2 something could not be read or the command was misused. */
export const EXIT = { ok: 0, invalid: 1, unreadable: 2 } as const;

/** An error that ends the command: printed to stderr with its hint, then the exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.unreadable,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export function resolvePath(context: CliContext, path: string): string {
  return isAbsolute(path) ? path : resolve(context.cwd, path);
}

/** "results.csv line 12, column "Votes": … — what to do" */
export function formatProblem(problem: Problem): string {
  const where = problem.at ? `${problem.source} ${problem.at}` : problem.source;
  return `${where}: ${problem.message}${problem.hint ? ` — ${problem.hint}` : ''}`;
}

/** A number of things: "1 area", "3 areas". */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}

/** Options shared by the commands that read an election config. */
export const CONFIG_HELP =
  'the election config: what the source does not say (election id and title, parties and colours, councils before the election); see docs/data-in.md, e.g. --config night.json';
