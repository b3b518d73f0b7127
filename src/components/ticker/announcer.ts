/**
 * What the ticker's live region says, and when. Screen-reader users hear new results as they
 * come, but never one announcement per item in a burst: items are gathered for a moment,
 * announcements are spaced out, and a batch is summarised ("5 new results: Conservatives gain
 * Redditch from Labour; …; and 2 more").
 *
 * No DOM and no real timers unless given: the clock is injected, so batching is tested with a
 * fake one.
 */
import { formatNumber } from '../../i18n/format.js';
import type { Translator } from '../../i18n/messages.js';
import { monotonicNow, timerDelay } from '../../feed/timing.js';

/** Timers, injectable for tests. */
export interface AnnouncerClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Only ever measures waits, so on the monotonic clock: the wall clock set back would hold announcements. */
export const realAnnouncerClock: AnnouncerClock = {
  now: monotonicNow,
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, timerDelay(ms)),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface AnnouncerOptions {
  /** How long to wait after the first item of a burst for the rest of it (ms). */
  readonly gather?: number;
  /** Least time between two announcements (ms). */
  readonly minInterval?: number;
}

export const ANNOUNCER_DEFAULTS = { gather: 1_500, minInterval: 10_000 } as const;

/**
 * Collects items and hands them on in batches: the first batch `gather` ms after its first
 * item, and never two batches within `minInterval` ms. Items added while a batch waits join it.
 */
export class AnnouncementBatcher<T> {
  private readonly gather: number;
  private readonly minInterval: number;
  private queue: T[] = [];
  private timer: unknown;
  private lastAnnounced = -Infinity;

  constructor(
    private readonly announce: (batch: readonly T[]) => void,
    options: AnnouncerOptions = {},
    private readonly clock: AnnouncerClock = realAnnouncerClock,
  ) {
    this.gather = Math.max(0, options.gather ?? ANNOUNCER_DEFAULTS.gather);
    this.minInterval = Math.max(0, options.minInterval ?? ANNOUNCER_DEFAULTS.minInterval);
  }

  /** Items waiting for the next announcement. */
  get waiting(): number {
    return this.queue.length;
  }

  /** Queue items (in the order they should be read). */
  add(items: readonly T[]): void {
    if (items.length === 0) return;
    this.queue.push(...items);
    if (this.timer !== undefined) return;
    const now = this.clock.now();
    const due = Math.max(now + this.gather, this.lastAnnounced + this.minInterval);
    this.timer = this.clock.setTimeout(() => this.fire(), due - now);
  }

  /** Drop everything waiting (a new feed, a disconnected element). */
  clear(): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
    this.queue = [];
  }

  private fire(): void {
    this.timer = undefined;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    this.lastAnnounced = this.clock.now();
    this.announce(batch);
  }
}

/**
 * One announcement for a batch of sentences, listed in the order given, at most `listed` of
 * them: "New result: Labour hold Sunderland", "5 new results: A; B; C; and 2 more".
 * `total`: how many results the batch holds, when only the first sentences are given (a burst
 * of 10,000 declarations needs three sentences made, not 10,000).
 * Needs the `ticker.announce.*` messages (src/components/ticker/messages.ts).
 */
export function summariseAnnouncement(
  sentences: readonly string[],
  t: Translator,
  locale: string,
  listed = 3,
  total?: number,
): string {
  const clean = sentences.map((sentence) => sentence.trim().replace(/[.;]+$/, '')).filter(Boolean);
  if (clean.length === 0) return '';
  const count = Math.max(total ?? 0, clean.length);
  if (count === 1) return t('ticker.announce.one', { sentence: clean[0]! });
  const shown = clean.slice(0, Math.max(1, listed));
  const rest = count - shown.length;
  const parts =
    rest > 0 ? [...shown, t('ticker.announce.more', { count: rest, number: formatNumber(rest, locale) })] : shown;
  return t('ticker.announce.many', { count, number: formatNumber(count, locale), list: parts.join('; ') });
}

/**
 * Which items have been read out on this page, by any ticker. Several tickers on one feed (a
 * strip at the top of the page and a list in the article, or two lists with different
 * filters) must not announce the same result twice: the first to announce an item claims it.
 * A claim lasts `keepFor` ms (longer than batching and throttling can set two tickers apart),
 * or until the ticker that made it leaves the page.
 */
export class AnnouncementLedger {
  private readonly claims = new Map<string, { at: number; by: object }>();

  constructor(
    private readonly clock: Pick<AnnouncerClock, 'now'> = realAnnouncerClock,
    private readonly keepFor = 3 * ANNOUNCER_DEFAULTS.minInterval,
  ) {}

  /** The keys nobody holds a claim on, in the order given; `by` claims them now. */
  claim(keys: readonly string[], by: object): string[] {
    const now = this.clock.now();
    for (const [key, claim] of this.claims) if (now - claim.at > this.keepFor) this.claims.delete(key);
    // One pass: a key given twice is claimed the first time (a Set, not indexOf: a burst of
    // 10,000 declarations made this quadratic, a 2.7 s task).
    const fresh: string[] = [];
    for (const key of keys) {
      if (this.claims.has(key)) continue;
      this.claims.set(key, { at: now, by });
      fresh.push(key);
    }
    return fresh;
  }

  /** Forget the claims of a ticker that left the page. */
  release(by: object): void {
    for (const [key, claim] of this.claims) if (claim.by === by) this.claims.delete(key);
  }
}

const LEDGER = Symbol.for('tally.ticker-announcements.v1');

/** The page's one ledger, shared by every ticker (and by a second copy of the bundle). */
export function pageAnnouncementLedger(): AnnouncementLedger {
  const holder = globalThis as unknown as Record<symbol, AnnouncementLedger | undefined>;
  return (holder[LEDGER] ??= new AnnouncementLedger());
}
