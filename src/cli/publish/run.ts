/**
 * A running publisher: the source watched (file-system events, rescans, URL polls), the config
 * re-read when it is edited, each change converted and published into the output folder.
 * `tally publish` runs one until it is stopped; the demo server runs one in process.
 */
import { readFile, stat } from 'node:fs/promises';
import {
  parseElectionConfig,
  SourceError,
  type Adapter,
  type ElectionConfig,
  type SourceProblem,
} from '../../adapters/index.js';
import type { FeedIssue } from '../../feed/validate.js';
import { Night, type NightReport, type Problem } from './night.js';
import { Publisher } from './publisher.js';
import { FileSource, isUrl, UrlSource, type SourceProfile, type WatchableSource } from './sources.js';
import { FeedStore } from './store.js';
import { LookSchedule, realTimers, watchPath, type Timers } from './watch.js';

export interface PublishRunOptions {
  readonly adapter: Adapter;
  readonly profile: SourceProfile;
  /** An absolute path (file or folder) or an http(s) URL. */
  readonly watch: string;
  readonly outDir: string;
  readonly config: ElectionConfig;
  /** The config's file: re-read when it changes. */
  readonly configPath?: string;
  /** Mark feeds as test data. */
  readonly test?: boolean;
  readonly intervalMs: number;
  readonly settleMs: number;
  readonly now?: () => number;
  readonly timers?: Timers;
  readonly fetch?: typeof fetch;
  /** The name messages cite for a source file's path (e.g. relative to the working folder). */
  readonly cite?: (path: string) => string;
  readonly beforeRename?: (temporaryPath: string) => void | Promise<void>;
  /** Look once (again while the source is still being written), publish if needed, and stop: no watching. */
  readonly once?: boolean;
  /** Hints for validation issues. */
  readonly hintFor?: (issue: FeedIssue) => string | undefined;
  readonly report: NightReport & {
    /** The output folder is open: where the feed goes and which revision it continues from. */
    opened(details: {
      readonly feedPath: string;
      readonly revision: number;
      readonly removedTemporary: readonly string[];
    }): void;
    /** The file-system watcher failed; rescans carry on. */
    watchFailed(error: Error): void;
  };
}

export interface PublishRun {
  readonly night: Night;
  readonly publisher: Publisher;
  /** The revision published last (0 before any). */
  revision(): number;
  /** Resolves when no look is running; with `once`, when the one look is done. */
  idle(): Promise<void>;
  /** Stop watching, finish a write in progress, release the lock. */
  stop(): Promise<void>;
  /** Rejects when publishing cannot go on (a bug: looks report their own problems). */
  readonly failed: Promise<never>;
}

const problemsOf = (error: unknown): readonly SourceProblem[] | undefined =>
  error instanceof SourceError ? error.problems : undefined;

/**
 * Open the output folder for the config's election (taking its lock: throws a `StoreError` when
 * another publisher holds it) and start publishing.
 */
export async function startPublishing(options: PublishRunOptions): Promise<PublishRun> {
  const now = options.now ?? Date.now;
  const timers = options.timers ?? realTimers;
  let config = options.config;
  let configIdentity: string | undefined;

  const store = new FeedStore(options.outDir, config.election.id);
  let unlock: (() => Promise<void>) | undefined = await store.lock();
  let publisher: Publisher;
  try {
    const opened = await Publisher.open(store, {
      now,
      ...(options.test ? { test: true } : {}),
      ...(options.beforeRename ? { beforeRename: options.beforeRename } : {}),
    });
    publisher = opened.publisher;
    options.report.opened({
      feedPath: store.feedPath,
      revision: publisher.revision,
      removedTemporary: opened.removedTemporary,
    });
  } catch (error) {
    await unlock();
    throw error;
  }
  let fail: (error: unknown) => void = () => {};
  const failed = new Promise<never>((_resolve, reject) => (fail = reject));
  failed.catch(() => {});

  const source: WatchableSource = isUrl(options.watch)
    ? new UrlSource(options.watch, options.profile, { ...(options.fetch ? { fetch: options.fetch } : {}) })
    : new FileSource(options.watch, options.profile, { now, ...(options.cite ? { cite: options.cite } : {}) });

  const identityOf = async (path: string) => {
    const info = await stat(path).catch(() => undefined);
    return info ? `${info.ino}:${info.size}:${info.mtimeMs}` : 'missing';
  };

  async function refreshConfig(): Promise<'unchanged' | 'changed' | readonly Problem[]> {
    if (!options.configPath) return 'unchanged';
    const identity = await identityOf(options.configPath);
    // The first look takes the config as loaded before the run started.
    configIdentity ??= identity;
    if (identity === configIdentity) return 'unchanged';
    configIdentity = identity;
    try {
      config = parseElectionConfig(await readFile(options.configPath, 'utf8'), options.configPath);
      return 'changed';
    } catch (error) {
      if (error instanceof SourceError) return error.problems;
      return [{ source: options.configPath, message: (error as Error).message }];
    }
  }

  const night = new Night(
    {
      source,
      convert: (files, at) => options.adapter(files, config, { now: at }),
      problemsOf,
      refreshConfig,
      now,
      report: options.report,
      publisher,
    },
    options.hintFor,
  );

  let closeWatchers: (() => void)[] = [];
  let watchingSource = false;
  const schedule = new LookSchedule({
    intervalMs: options.intervalMs,
    settleMs: options.settleMs,
    timers,
    look: async () => {
      const outcome = await night.look();
      if (!options.once) await watchWhatExists();
      return outcome;
    },
    onError: (error) => {
      fail(error);
      void schedule.stop();
    },
  });

  // File-system events once the source exists (it may appear later: rescans notice it).
  async function watchWhatExists() {
    if (watchingSource || isUrl(options.watch)) return;
    const info = await stat(options.watch).catch(() => undefined);
    if (!info) return;
    try {
      closeWatchers.push(
        watchPath(options.watch, info.isDirectory(), () => schedule.changed(), options.report.watchFailed),
      );
      watchingSource = true;
    } catch (error) {
      options.report.watchFailed(error as Error);
      watchingSource = true; // rescans only; do not try at every look
    }
  }
  if (options.configPath && !options.once) {
    try {
      closeWatchers.push(watchPath(options.configPath, false, () => schedule.changed(), options.report.watchFailed));
    } catch (error) {
      options.report.watchFailed(error as Error);
    }
  }
  let once: Promise<void> | undefined;
  if (options.once) {
    once = (async () => {
      try {
        // A source still being written is looked at again, a few times, after the settle time.
        for (let attempt = 0; attempt < 20 && (await night.look()) === 'again'; attempt++) {
          await new Promise((resolveWait) => timers.setTimeout(() => resolveWait(undefined), options.settleMs));
        }
      } catch (error) {
        fail(error);
      }
    })();
  } else {
    schedule.start();
  }

  return {
    night,
    publisher,
    revision: () => publisher.revision,
    idle: () => once ?? schedule.idle(),
    failed,
    async stop() {
      for (const close of closeWatchers) close();
      closeWatchers = [];
      await schedule.stop();
      await unlock?.();
      unlock = undefined;
    },
  };
}
