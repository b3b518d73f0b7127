/** Helpers for the `tally` command's tests: temporary folders, small sources, an in-process context. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliContext } from '../../../src/cli/context.js';
import { runCli } from '../../../src/cli/program.js';
import { realTimers, type Timers } from '../../../src/cli/publish/watch.js';

/** A temporary folder, removed by `cleanup`. */
export function temporaryFolder(prefix = 'tally-cli-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface Constituency {
  id: string;
  name: string;
  /** Votes per party column (Con, Lab, LD). */
  votes: { Con: number; Lab: number; LD: number };
  /** The Result text, e.g. "Lab hold", "Con gain from Lab". */
  result: string;
}

const winnerOf = (votes: Constituency['votes']) => Object.entries(votes).sort(([, a], [, b]) => b - a)[0]![0];

/** A House of Commons Library results CSV with these constituencies (the hoc-csv kind). */
export function hocCsv(rows: readonly Constituency[]): string {
  const header = 'ONS ID,Constituency name,Region name,Result,First party,Electorate,Valid votes,Majority,Con,Lab,LD';
  const lines = rows.map((row) => {
    const valid = row.votes.Con + row.votes.Lab + row.votes.LD;
    const sorted = Object.values(row.votes).sort((a, b) => b - a);
    return [
      row.id,
      row.name,
      'North East',
      row.result,
      winnerOf(row.votes),
      70000,
      valid,
      sorted[0]! - sorted[1]!,
      row.votes.Con,
      row.votes.Lab,
      row.votes.LD,
    ].join(',');
  });
  return `${[header, ...lines].join('\n')}\n`;
}

/** Three constituencies; the third a Conservative gain. */
export const CONSTITUENCIES: readonly Constituency[] = [
  { id: 'E14000001', name: 'Alpha', votes: { Con: 15000, Lab: 20000, LD: 5000 }, result: 'Lab hold' },
  { id: 'E14000002', name: 'Beta', votes: { Con: 21000, Lab: 12000, LD: 4000 }, result: 'Con hold' },
  { id: 'E14000003', name: 'Gamma', votes: { Con: 18000, Lab: 17000, LD: 3000 }, result: 'Con gain from Lab' },
];

/** The election config for the hoc-csv test sources. */
export const HOC_CONFIG = {
  election: { id: 'ge-test', title: 'Test general election', date: '2019-12-12', kind: 'general' },
  baseline: { label: 'Change since 2017' },
};

export function writeJson(path: string, value: unknown): string {
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
  return path;
}

export interface CliRun {
  readonly code: number;
  readonly out: string[];
  readonly err: string[];
  /** stdout and stderr lines joined, for messages. */
  readonly text: string;
}

export interface CliHarness {
  readonly context: CliContext;
  readonly out: string[];
  readonly err: string[];
  /** Ask a long-running command to stop (as Ctrl-C does). */
  stop(): void;
}

/** A context whose output is collected; everything else real unless given. */
export function harness(cwd: string, overrides: Partial<CliContext> & { timers?: Timers } = {}): CliHarness {
  const out: string[] = [];
  const err: string[] = [];
  const stop = new AbortController();
  const context: CliContext = {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    cwd,
    now: Date.now,
    timers: realTimers,
    fetch: globalThis.fetch,
    stdin: async () => '',
    stop: stop.signal,
    ...overrides,
  };
  return { context, out, err, stop: () => stop.abort() };
}

/** Run one command line in process. */
export async function tally(
  cwd: string,
  argv: readonly string[],
  overrides: Partial<CliContext> = {},
): Promise<CliRun> {
  const { context, out, err } = harness(cwd, overrides);
  const code = await runCli(argv, context);
  return { code, out, err, text: [...out, ...err].join('\n') };
}

/** Wait until `check` passes (polling), or fail after `ms`: for outcomes of real file-system events, never for speed. */
export async function eventually<T>(
  check: () => T | undefined | Promise<T | undefined>,
  what: string,
  ms = 15_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value as T;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
