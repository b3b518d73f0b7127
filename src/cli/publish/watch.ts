/**
 * When to look at the sources again: file-system events (debounced: an editor's save or an FTP
 * upload is several events), a periodic rescan that catches what events miss (network file
 * systems, editors that replace files, a watcher that died), and nothing at all for a URL but
 * the periodic poll. Looks never overlap: a change noticed during a look is looked at after it.
 *
 * Time comes from injected timers, so tests drive it with a fake clock.
 */
import { watch, type FSWatcher } from 'node:fs';
import { dirname, resolve } from 'node:path';

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface LookScheduleOptions {
  /** Milliseconds between rescans / polls. */
  readonly intervalMs: number;
  /** Milliseconds of quiet after a file-system event before looking. */
  readonly settleMs: number;
  readonly timers?: Timers;
  /** The look itself; `reason` says what prompted it. */
  readonly look: (reason: 'start' | 'change' | 'rescan' | 'again') => Promise<'done' | 'again'>;
  /** A look that threw (a bug: looks report their own problems). */
  readonly onError: (error: unknown) => void;
}

/**
 * Runs `look` at start, after changes and every interval, one at a time. A look that answers
 * "again" (files were still being written) is repeated after the settle time.
 */
export class LookSchedule {
  private readonly timers: Timers;
  private running: Promise<void> | undefined;
  private queued: 'change' | 'rescan' | 'again' | undefined;
  private settleTimer: unknown;
  private rescanTimer: unknown;
  private settleWaits = 0;
  private stopped = false;

  constructor(private readonly options: LookScheduleOptions) {
    this.timers = options.timers ?? realTimers;
  }

  start(): void {
    this.run('start');
  }

  /**
   * A file-system event: look once the source has been quiet for the settle time. A source that
   * never stops changing is still looked at once an interval's worth of waits has passed.
   */
  changed(): void {
    if (this.stopped) return;
    if (this.settleTimer !== undefined) {
      this.settleWaits += 1;
      if (this.settleWaits * this.options.settleMs >= this.options.intervalMs) return;
      this.timers.clearTimeout(this.settleTimer);
    } else {
      this.settleWaits = 0;
    }
    this.settleTimer = this.timers.setTimeout(() => {
      this.settleTimer = undefined;
      this.run('change');
    }, this.options.settleMs);
  }

  private scheduleRescan() {
    if (this.stopped) return;
    if (this.rescanTimer !== undefined) this.timers.clearTimeout(this.rescanTimer);
    this.rescanTimer = this.timers.setTimeout(() => {
      this.rescanTimer = undefined;
      this.run('rescan');
    }, this.options.intervalMs);
  }

  private run(reason: 'start' | 'change' | 'rescan' | 'again'): void {
    if (this.stopped) return;
    if (this.running) {
      // A change beats a rescan: both look, but the line printed says why.
      if (this.queued === undefined || reason === 'change') this.queued = reason === 'start' ? 'change' : reason;
      return;
    }
    this.running = (async () => {
      let outcome: 'done' | 'again' = 'done';
      try {
        outcome = await this.options.look(reason);
      } catch (error) {
        this.options.onError(error);
      }
      this.running = undefined;
      if (this.stopped) return;
      if (outcome === 'again') {
        this.settleTimer ??= this.timers.setTimeout(() => {
          this.settleTimer = undefined;
          this.run('again');
        }, this.options.settleMs);
      }
      const queued = this.queued;
      this.queued = undefined;
      if (queued !== undefined) this.run(queued);
      else this.scheduleRescan();
    })();
  }

  /** Resolves when no look is running. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Stop looking; resolves once a look in progress (a write) has finished. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.settleTimer !== undefined) this.timers.clearTimeout(this.settleTimer);
    if (this.rescanTimer !== undefined) this.timers.clearTimeout(this.rescanTimer);
    await this.idle();
  }
}

/**
 * File-system events for a file or folder: the folder itself (recursively) for a folder, the
 * parent folder for a file (a file replaced by rename, as editors and atomic writers do, would
 * otherwise lose its watcher). Events for other files in the parent are ignored.
 */
export function watchPath(
  path: string,
  isFolder: boolean,
  onChange: () => void,
  onError: (error: Error) => void,
): () => void {
  const absolute = resolve(path);
  let watcher: FSWatcher;
  if (isFolder) {
    watcher = watch(absolute, { recursive: true, persistent: true }, () => onChange());
  } else {
    const parent = dirname(absolute);
    const name = absolute.slice(parent.length + 1);
    watcher = watch(parent, { persistent: true }, (_event, filename) => {
      if (filename === null || filename === name) onChange();
    });
  }
  watcher.on('error', onError);
  return () => watcher.close();
}
