/**
 * The shape every source adapter shares: source files in, a complete tally-feed/1 feed out, or
 * a `SourceError` that names the file and the row, column or element at fault.
 *
 * Adapters are pure: no file system, no network, no clock (the time comes in `options.now`),
 * and deterministic: the same sources, config and options give the same feed, so a publisher
 * can tell "unchanged" by comparing outputs. A source that is half-written, invalid or
 * contradicts itself gives a `SourceError` and never a partial feed.
 */
import type { FeedInput } from '../feed/schema.js';
import type { ElectionConfig } from './config.js';

/** One source file as read by the CLI; `name` is what messages cite (a path or a URL). */
export interface SourceFile {
  readonly name: string;
  readonly text: string;
}

/** A problem in a source, cited precisely: the file and the row/column or element involved. */
export interface SourceProblem {
  /** The file (its `SourceFile.name`), or the config file's name. */
  source: string;
  /** Where in it: "line 12, column \"Votes\"", "<Candidate> 3 of <Constituency name=\"Hull East\">", "parties[2].colour". */
  at?: string;
  /** What is wrong, in a plain sentence. */
  message: string;
  /** What to do about it. */
  hint?: string;
}

/** "results.csv line 12, column \"Votes\": … (hint)". */
export function formatSourceProblem(problem: SourceProblem): string {
  const where = problem.at ? `${problem.source} ${problem.at}` : problem.source;
  return `${where}: ${problem.message}${problem.hint ? ` (${problem.hint})` : ''}`;
}

/** Thrown when a source is invalid, half-written or contradicts itself: nothing may be published. */
export class SourceError extends Error {
  readonly problems: readonly SourceProblem[];
  constructor(problems: SourceProblem | readonly SourceProblem[]) {
    const list = Array.isArray(problems) ? (problems as readonly SourceProblem[]) : [problems as SourceProblem];
    if (list.length === 0) throw new RangeError('a SourceError needs at least one problem');
    const shown = list.slice(0, 3).map(formatSourceProblem).join('; ');
    super(list.length > 3 ? `${shown}; and ${list.length - 3} more` : shown);
    this.name = 'SourceError';
    this.problems = list;
  }
}

export interface ConversionResult {
  /**
   * A complete tally-feed/1 feed, already validated. `meta.revision` is `options.revision`
   * (default 1) and `meta.generatedAt` is `options.now`; `meta.dataChangedAt` is the latest
   * declaration time in the sources when they give times, else `options.now`. The publisher
   * overrides all three.
   */
  feed: FeedInput;
  /** Non-fatal problems (party labels that matched nothing, figures left out), for the newsroom to act on. */
  warnings: SourceProblem[];
}

export interface ConvertOptions {
  /** The time of the conversion, an ISO 8601 timestamp. */
  now: string;
  /** `meta.revision` of the feed. Default 1. */
  revision?: number;
}

export const ADAPTER_KINDS = ['hoc-csv', 'dc-results', 'pa-local', 'pa-fptp', 'sheet'] as const;
export type AdapterKind = (typeof ADAPTER_KINDS)[number];

export type Adapter = (
  sources: readonly SourceFile[],
  config: ElectionConfig,
  options: ConvertOptions,
) => ConversionResult;
