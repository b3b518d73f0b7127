/**
 * The night's process, one look at a time: read the source if it changed, convert it with the
 * adapter, publish when the results changed. Whatever goes wrong — a source that cannot be
 * read, one the adapter rejects (half-written, contradictory), a feed that does not validate —
 * is reported with the file and row or element involved, and the last good feed stays
 * published. The schedule of looks is watch.ts's; the output folder is publisher.ts's.
 */
import type { FeedInput } from '../../feed/schema.js';
import type { FeedIssue } from '../../feed/validate.js';
import type { PublishResult, Publisher } from './publisher.js';
import { isoNow } from './publisher.js';
import type { SourceReadError, SourceText, WatchableSource } from './sources.js';

/** A problem in a source, cited precisely (the shape of `SourceProblem` in src/adapters/types.ts). */
export interface Problem {
  readonly source: string;
  readonly at?: string | undefined;
  readonly message: string;
  readonly hint?: string | undefined;
}

export interface Conversion {
  readonly feed: FeedInput;
  readonly warnings: readonly Problem[];
}

export type RejectionStage = 'read' | 'config' | 'convert' | 'validate' | 'write';

export interface NightReport {
  /** A new revision is on disk. `ms`: from the start of the look that found the change. */
  published(
    result: Extract<PublishResult, { kind: 'published' }>,
    details: { readonly ms: number; readonly source: string },
  ): void;
  /** The source changed but its results did not. */
  unchanged(details: { readonly revision: number; readonly source: string }): void;
  /** Nothing was published: why. `revision`: the revision that stays published, if any. */
  rejected(
    problems: readonly Problem[],
    details: { readonly revision: number | undefined; readonly stage: RejectionStage },
  ): void;
  /** Non-fatal problems (labels that matched no party), reported when they change. */
  warnings(problems: readonly Problem[]): void;
}

export interface NightOptions {
  readonly source: WatchableSource;
  /** The adapter, with its config: sources to a feed. Throws on a source it cannot convert. */
  readonly convert: (files: readonly SourceText[], now: string) => Conversion;
  /** The problems an adapter's error carries (its SourceError), or undefined for any other error. */
  readonly problemsOf: (error: unknown) => readonly Problem[] | undefined;
  /**
   * Look at the config again (it may be edited during the night, e.g. to add a party's label):
   * 'changed' rebuilds from the last sources. An edit with mistakes is reported and the last
   * good config stays in use, so results keep flowing while it is fixed.
   */
  readonly refreshConfig?: () => Promise<'unchanged' | 'changed' | readonly Problem[]>;
  /** The election's publisher, its output folder open. */
  readonly publisher: Publisher;
  readonly now: () => number;
  readonly report: NightReport;
}

/** Where a validation issue of the converted feed is reported from. */
export const CONVERTED_FEED = 'the converted feed';

export function issuesAsProblems(
  issues: readonly FeedIssue[],
  source = CONVERTED_FEED,
  hint?: (issue: FeedIssue) => string | undefined,
): Problem[] {
  return issues.map((issue) => ({ source, at: issue.path || undefined, message: issue.message, hint: hint?.(issue) }));
}

export class Night {
  private lastWarnings = '[]';
  /** The sources last read, rebuilt from when only the config changed. */
  private lastFiles: { files: readonly SourceText[]; description: string } | undefined;

  constructor(
    private readonly options: NightOptions,
    /** Hints for validation issues (the CLI's). */
    private readonly hintFor?: (issue: FeedIssue) => string | undefined,
  ) {}

  /** The revision published now, if any. */
  get revision(): number | undefined {
    return this.options.publisher.revision || undefined;
  }

  /** One look: 'again' when the source was changing while read. */
  async look(): Promise<'done' | 'again'> {
    const { source, report } = this.options;
    const started = performance.now();
    const check = await source.check();
    const config = (await this.options.refreshConfig?.()) ?? 'unchanged';
    if (check.state === 'unsettled') return 'again';
    if (check.state === 'unreadable') {
      report.rejected([readProblem(check.error)], { revision: this.revision, stage: 'read' });
      return 'done';
    }
    if (typeof config !== 'string') report.rejected(config, { revision: this.revision, stage: 'config' });
    if (check.state === 'changed') this.lastFiles = { files: check.files, description: check.description };
    else if (config !== 'changed' || !this.lastFiles) return 'done';
    const { files, description } = this.lastFiles!;

    let conversion: Conversion;
    try {
      conversion = this.options.convert(files, isoNow(this.options.now()));
    } catch (error) {
      const problems = this.options.problemsOf(error) ?? [
        { source: description, message: error instanceof Error ? error.message : String(error) },
      ];
      report.rejected(problems, { revision: this.revision, stage: 'convert' });
      return 'done';
    }
    const warningsKey = JSON.stringify(conversion.warnings);
    if (warningsKey !== this.lastWarnings) {
      this.lastWarnings = warningsKey;
      if (conversion.warnings.length > 0) report.warnings(conversion.warnings);
    }

    let result: PublishResult;
    try {
      result = await this.options.publisher.publish(conversion.feed);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const hint =
        code === 'ENOSPC'
          ? 'The disk is full: free space; the last good feed stays published.'
          : code === 'EACCES' || code === 'EPERM'
            ? 'Give the user running tally write access to the output folder.'
            : undefined;
      report.rejected(
        [
          {
            source: this.options.publisher.store.feedPath,
            message: `could not be written: ${(error as Error).message}`,
            hint,
          },
        ],
        { revision: this.revision, stage: 'write' },
      );
      return 'done';
    }
    if (result.kind === 'invalid') {
      report.rejected(issuesAsProblems(result.issues, CONVERTED_FEED, this.hintFor), {
        revision: this.revision,
        stage: 'validate',
      });
    } else if (result.kind === 'unchanged') {
      report.unchanged({ revision: result.revision, source: description });
    } else {
      report.published(result, { ms: performance.now() - started, source: description });
    }
    return 'done';
  }
}

function readProblem(error: SourceReadError): Problem {
  return {
    source: error.source,
    message: error.message.startsWith(`${error.source}: `)
      ? error.message.slice(error.source.length + 2)
      : error.message,
    hint: error.hint,
  };
}
