/**
 * A night replayed through the real publish path, beside the in-memory replays: a simulated
 * clock decides which source files exist, this writes them into a source folder as a scraper
 * or an FTP mirror would, and `tally publish`'s own code (src/cli/publish/run.ts: file-system
 * events, rescans, the adapter, the publisher's atomic writes and history) turns them into the
 * feed the demo server then serves from the output folder, like `tally serve` would.
 *
 * Controls work as for the other replays: pause, play, speed, jump to the end, start again.
 * Starting again removes the source files; the publisher publishes that as the next revision,
 * so revisions keep going up for pages that stay open.
 */
import { mkdir, rm, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { adapters } from '../../src/adapters/index.js';
import type { Feed } from '../../src/feed/schema.js';
import { writeFileAtomic } from '../../src/cli/publish/atomic-write.js';
import { publicationLine, rejectionLines } from '../../src/cli/publish/lines.js';
import { startPublishing, type PublishRun } from '../../src/cli/publish/run.js';
import { SOURCE_KINDS } from '../../src/cli/kinds.js';
import { realTimers, type Timers } from '../../src/cli/publish/watch.js';
import { publishedNightFinal, type PublishedNightSource } from '../feeds/south-yorkshire-2018.js';
import { ReplayClock, type Clock, type ReplayAction, type ReplayState } from './replay.js';

export interface PublishedNightOptions {
  /** A folder of its own: the source files go in `source/`, the feeds in `feeds/`. */
  readonly workDir: string;
  /** Real minutes the whole night takes at the default speed. */
  readonly replayMinutes: number;
  readonly now?: Clock;
  readonly timers?: Timers;
  /** How often (real ms) the source folder is brought up to the replay's time. Default 500. */
  readonly syncMs?: number;
  /** Where the publisher's lines go (one per publication). */
  readonly log?: (line: string) => void;
}

export class PublishedNight {
  readonly clock: ReplayClock;
  readonly sourceDir: string;
  readonly outDir: string;
  private readonly written = new Set<string>();
  private run: PublishRun | undefined;
  private syncing: Promise<void> = Promise.resolve();
  private timer: unknown;
  private stopped = false;
  private final: Feed | undefined;

  private constructor(
    readonly night: PublishedNightSource,
    private readonly options: PublishedNightOptions,
  ) {
    const now = options.now ?? Date.now;
    const span = Math.max(1, night.end - night.start);
    this.clock = new ReplayClock(night.start, night.end, span / (options.replayMinutes * 60_000), now);
    this.sourceDir = join(options.workDir, 'source');
    this.outDir = join(options.workDir, 'feeds');
  }

  get id(): string {
    return this.night.id;
  }

  /** Start replaying: the folders, the publisher, the clock. */
  static async start(night: PublishedNightSource, options: PublishedNightOptions): Promise<PublishedNight> {
    const published = new PublishedNight(night, options);
    await mkdir(published.sourceDir, { recursive: true });
    for (const file of night.initial) await writeFileAtomic(join(published.sourceDir, file.name), file.text);
    const log = options.log ?? (() => {});
    const now = options.now ?? Date.now;
    let first = true;
    published.run = await startPublishing({
      adapter: adapters['dc-results']!,
      profile: SOURCE_KINDS['dc-results'].profile,
      watch: published.sourceDir,
      outDir: published.outDir,
      config: night.config,
      intervalMs: 1_000,
      settleMs: 50,
      now,
      ...(options.timers ? { timers: options.timers } : {}),
      report: {
        opened: () => {},
        published: (result, details) => {
          log(`[${night.id}] ${publicationLine(result, { ms: details.ms, at: now(), first })}`);
          first = false;
        },
        unchanged: () => {},
        rejected: (problems, details) => {
          for (const line of rejectionLines(problems, { ...details, at: now() })) log(`[${night.id}] ${line}`);
        },
        warnings: () => {
          // The example config leaves some small parties out on purpose (they count as Others); not news on every start.
        },
        watchFailed: (error) => log(`[${night.id}] file-system events unavailable (${error.message}); rescanning`),
      },
    });
    await published.sync();
    const timers = options.timers ?? realTimers;
    const tick = () => {
      if (published.stopped) return;
      published.timer = timers.setTimeout(() => {
        void published.sync().then(tick);
      }, options.syncMs ?? 500);
      (published.timer as { unref?: () => void }).unref?.();
    };
    tick();
    return published;
  }

  /** Bring the source folder up to the replay's time: ballots declared by now exist, later ones do not. */
  sync(): Promise<void> {
    this.syncing = this.syncing.then(async () => {
      const time = this.clock.time();
      for (const ballot of this.night.ballots) {
        const path = join(this.sourceDir, ballot.name);
        const due = ballot.at <= time;
        if (due && !this.written.has(ballot.name)) {
          await writeFileAtomic(path, ballot.text);
          this.written.add(ballot.name);
        } else if (!due && this.written.has(ballot.name)) {
          await unlink(path).catch(() => {});
          this.written.delete(ballot.name);
        }
      }
    });
    return this.syncing;
  }

  /** The publisher's last look done (for tests: after `sync`, wait for the feed). */
  async settled(): Promise<void> {
    await this.syncing;
    await this.run?.idle();
  }

  control(action: ReplayAction, speed?: number): void {
    this.clock.apply(action, speed);
    void this.sync();
  }

  state(): ReplayState & { readonly revision: number } {
    return { ...this.clock.state(this.night.id, this.night.title), revision: this.run?.revision() ?? 0 };
  }

  /** The night's final results. */
  finalFeed(): Feed {
    this.final ??= publishedNightFinal(this.night);
    return this.final;
  }

  async stop({ removeFiles = false } = {}): Promise<void> {
    this.stopped = true;
    if (this.timer !== undefined) (this.options.timers ?? realTimers).clearTimeout(this.timer);
    this.timer = undefined;
    await this.syncing;
    await this.run?.stop();
    if (removeFiles) await rm(this.options.workDir, { recursive: true, force: true });
  }
}
