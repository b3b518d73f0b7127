/**
 * A controllable clock and page for the feed source in browser tests, so that hours of an
 * election night (5 s polls, minutes of backoff, Retry-After) run in seconds while `fetch`,
 * the feed test server and the widgets stay real.
 *
 *   const clock = new FakeClock();
 *   const net = recordingFetch(clock);
 *   const source = feedSourceFor(url, { clock, fetch: net.fetch, environment: new FakePage(), random: () => 0.5 });
 *   // ...widgets with src=url subscribe to that source...
 *   await clock.runUntil(() => net.calls.length > 1, 60_000);   // to the next poll
 *
 * Pre-create the source before any element names the URL: registry options apply only when a
 * source is first created. Release it afterwards (unsubscribe everything, then
 * `releaseIdleFeedSources()`), so that later tests get a fresh one.
 *
 * Only the source's own timers are fake. Everything else (Lit, the widgets' own timers, the
 * network) runs on real time, which is why `advance` lets a real macrotask pass between timers.
 */
import type { Clock } from '../../../src/feed/source.js';

interface Timer {
  at: number;
  seq: number;
  callback: () => void;
}

/** Let pending promise callbacks and one real macrotask run. */
export const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class FakeClock implements Clock {
  /** Fake time in ms since the epoch (starts on the night of 3 May 2018). */
  time = Date.parse('2018-05-04T00:00:00Z');
  private readonly timers = new Map<number, Timer>();
  private nextId = 1;

  /** How far the wall clock is set from the time that passed (`jumpWall`). */
  private wallOffset = 0;

  /** Wall-clock time: the time that passed, plus any jumps. */
  now(): number {
    return this.time + this.wallOffset;
  }
  /** Time that passed, which timers run on: jumps of the wall clock do not move it. */
  monotonic(): number {
    return this.time;
  }
  /** Set the wall clock forwards or back by `ms` (a reader changing it, NTP), with no time passing. */
  jumpWall(ms: number): void {
    this.wallOffset += ms;
  }
  setTimeout(callback: () => void, ms: number): number {
    const id = this.nextId++;
    this.timers.set(id, { at: this.time + Math.max(0, ms), seq: id, callback });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }
  /** Timers still pending. */
  get pending(): number {
    return this.timers.size;
  }

  /** When the next timer is due, or undefined when none is pending. */
  get nextAt(): number | undefined {
    let at: number | undefined;
    for (const timer of this.timers.values()) if (at === undefined || timer.at < at) at = timer.at;
    return at;
  }

  private takeNext(end: number): Timer | undefined {
    let next: [number, Timer] | undefined;
    for (const entry of this.timers) {
      const timer = entry[1];
      if (timer.at <= end && (!next || timer.at < next[1].at || (timer.at === next[1].at && timer.seq < next[1].seq)))
        next = entry;
    }
    if (!next) return undefined;
    this.timers.delete(next[0]);
    return next[1];
  }

  /** Move time forward by `ms`, running due timers in order with a real macrotask between them. */
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    await flush();
    for (let timer = this.takeNext(end); timer; timer = this.takeNext(end)) {
      this.time = timer.at;
      timer.callback();
      await flush();
    }
    this.time = end;
    await flush();
  }

  /**
   * Run timers in order until `done()` is true right after one of them (checked before any
   * other task runs, so a request the timer started is still in flight), or until `withinMs`
   * have passed. Returns whether `done()` became true; time stops at the timer that did it.
   */
  async runUntil(done: () => boolean, withinMs: number): Promise<boolean> {
    const end = this.time + withinMs;
    await flush();
    if (done()) return true;
    for (let timer = this.takeNext(end); timer; timer = this.takeNext(end)) {
      this.time = timer.at;
      timer.callback();
      if (done()) return true;
      await flush();
    }
    this.time = end;
    return done();
  }
}

/** An always-visible, always-online page unless a test says otherwise: the one the unit tests use. */
export { FakePage } from '../../unit/support/fake-clock.js';

/** A request the source made: the fake time it started and its URL. */
export interface RecordedCall {
  readonly at: number;
  readonly url: string;
}

/** The browser's real `fetch`, recording the fake time of every call. */
export function recordingFetch(clock: Clock): { fetch: typeof fetch; calls: RecordedCall[] } {
  const calls: RecordedCall[] = [];
  const realFetch = globalThis.fetch.bind(globalThis);
  const recording = ((input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ at: clock.now(), url: String(input) });
    return realFetch(input, init);
  }) as typeof fetch;
  return { fetch: recording, calls };
}
