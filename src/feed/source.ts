/**
 * The feed source: one poller per feed URL per page, shared by every widget that names it.
 *
 * It keeps every widget correct, current and calm through an election night:
 * conditional GETs (a 304 costs no parsing and no re-render), never a cache-busting query,
 * an interval that respects the CDN's max-age and a 5 s floor, time limits on every request
 * (none for a slow download that keeps arriving, until it has taken two minutes),
 * exponential backoff with full jitter on failure (Retry-After honoured), a pause while the
 * page is hidden, validation of every payload, a revision guard against out-of-order
 * responses, the last good feed kept through any failure, and stale detection.
 *
 * Plain TypeScript, no DOM required: `fetch`, the clock, randomness and the page environment
 * are injectable, so every rule is testable in Node with a fake clock.
 */
import type { Feed } from './schema.js';
import { formatIssues, parseFeed, type FeedIssue, type FeedValidation } from './validate.js';
import { spend } from './turns.js';
import { clampInterval, monotonicNow, timerDelay } from './timing.js';
import { fetchRefusal, responseRefusal } from './fetch-policy.js';
import { feedChanges, type FeedChanges } from './changes.js';

/** Timers and time, injectable for tests. */
export interface Clock {
  /** Wall-clock time (ms since the epoch): what `lastChecked` reports. */
  now(): number;
  /**
   * Time that never goes backwards (ms from any origin), which every wait is measured on, so
   * that a wall clock set back an hour does not stop polling for an hour. A clock without one
   * is taken to be monotonic itself.
   */
  monotonic?(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The page around the source: visibility and connectivity. */
export interface PageEnvironment {
  isHidden(): boolean;
  isOffline(): boolean;
  /** Calls `listener` when the page becomes visible or the browser comes back online. */
  onResume(listener: () => void): () => void;
  /** Calls `listener` when the page is hidden. */
  onHide(listener: () => void): () => void;
}

export const realClock: Clock = {
  now: () => Date.now(),
  monotonic: monotonicNow,
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, timerDelay(ms)),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** The browser page, or an always-visible, always-online page where there is no document. */
export const browserEnvironment: PageEnvironment = {
  isHidden: () => typeof document !== 'undefined' && document.visibilityState === 'hidden',
  isOffline: () => typeof navigator !== 'undefined' && navigator.onLine === false,
  onResume(listener) {
    if (typeof document === 'undefined' || typeof window === 'undefined') return () => {};
    const onVisibility = () => {
      if (document.visibilityState === 'visible') listener();
    };
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('online', listener);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('online', listener);
    };
  },
  onHide(listener) {
    if (typeof document === 'undefined') return () => {};
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') listener();
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => document.removeEventListener('visibilitychange', onVisibility);
  },
};

/** Polling rules, in milliseconds. */
export const POLLING = {
  /** Used when neither the widget nor the feed asks for an interval. */
  defaultInterval: 30_000,
  /** No source polls more often than this, whatever it is asked. */
  minInterval: 5_000,
  /**
   * Nor less often than this, whatever the widget, the feed's `pollInterval` or the CDN's
   * `max-age` says (`max-age=2592000`, a common CDN setting, would be a month).
   */
  maxInterval: 3_600_000,
  /** Longest wait between retries after failures. */
  maxBackoff: 300_000,
  /**
   * A request is abandoned when no response arrives within this long, or when its body stops
   * arriving for this long: a slow connection that keeps delivering is waited for.
   */
  timeout: 10_000,
  /** However steadily it arrives, a check is abandoned after this long. */
  maxDuration: 120_000,
  /** A source is stale after this many intervals without a successful check. */
  staleAfterIntervals: 3,
  /** A check shows as "checking…" only when it takes longer than this. */
  slowAfter: 1_000,
  /** Larger responses are refused. */
  maxBytes: 8 * 1024 * 1024,
} as const;

export type FeedErrorKind = 'network' | 'timeout' | 'http' | 'invalid' | 'too-large';

/** Why the last check failed, and what happens next. */
export interface FeedError {
  readonly kind: FeedErrorKind;
  /** One sentence for logs and status lines: "HTTP 503", "areas[3].status: must be one of …". */
  readonly reason: string;
  readonly status?: number | undefined;
  readonly issues?: readonly FeedIssue[] | undefined;
  /** Whether the source will try again (it does while anyone is subscribed). */
  readonly willRetry: boolean;
  /** Milliseconds until the next attempt. */
  readonly retryIn: number | undefined;
  /** Consecutive failures, 1 for the first. */
  readonly attempt: number;
}

/** Everything a widget needs to know about a source, at one moment. Immutable. */
export interface FeedSnapshot {
  readonly url: string;
  /** The last good feed: never replaced by an invalid or older one. */
  readonly feed: Feed | undefined;
  /** The good feed before it, for "what changed". */
  readonly previous: Feed | undefined;
  readonly changes: FeedChanges | undefined;
  /** Time (ms) of the last successful check (200 or 304). */
  readonly lastChecked: number | undefined;
  /** The current failure, cleared by the next success. */
  readonly error: FeedError | undefined;
  /** True after `staleAfter` intervals without a successful check. */
  readonly stale: boolean;
  /** True while a check has been in flight for longer than `slowAfter`. */
  readonly checking: boolean;
  /** The interval in force (ms). */
  readonly interval: number;
}

export type FeedSourceEvent =
  | { readonly type: 'update'; readonly feed: Feed; readonly changes: FeedChanges }
  | { readonly type: 'error'; readonly error: FeedError }
  | { readonly type: 'stale' }
  /** Anything else a status line shows changed: recovery, checking, a check after an error. */
  | { readonly type: 'status' };

export type FeedListener = (snapshot: FeedSnapshot, event: FeedSourceEvent) => void;

export interface SubscribeOptions {
  /** Requested interval in seconds (the widget's `interval` attribute). */
  interval?: number | undefined;
}

export interface FeedSourceOptions {
  fetch?: typeof fetch;
  clock?: Clock;
  environment?: PageEnvironment;
  /** Random numbers in [0, 1) for jitter. */
  random?: () => number;
  /** Request timeout (ms): no response, or no data while reading, for this long. */
  timeout?: number;
  /** Longest a whole check may take (ms). */
  maxDuration?: number;
  /** Intervals without a successful check before the source is stale. */
  staleAfterIntervals?: number;
  maxBytes?: number;
  /** Logs what went wrong; defaults to console. */
  logger?: Pick<Console, 'warn' | 'info'>;
}

interface Subscriber {
  listener: FeedListener;
  interval: number | undefined;
}

interface RequestOutcome {
  readonly notModified: boolean;
  readonly maxAge: number | undefined;
  readonly validation?: FeedValidation;
  readonly text?: string;
  readonly etag?: string | null;
  readonly lastModified?: string | null;
}

class RequestFailure extends Error {
  constructor(
    readonly kind: FeedErrorKind,
    readonly reason: string,
    readonly status?: number,
    readonly retryAfter?: number,
    readonly issues?: readonly FeedIssue[],
  ) {
    super(reason);
  }
}

/** The time limits of one request (see `requestDeadline`). */
interface RequestDeadline {
  readonly signal: AbortSignal;
  /** Why the request was abandoned, once it was. */
  reason(): string | undefined;
  /** Something arrived: the next must come within the timeout. */
  progress(): void;
  /** The request is over, one way or another: no timer outlives it. */
  done(): void;
}

/**
 * The time limits of one request. Until the response arrives: `timeout`. While the body
 * arrives: `timeout` since the last data, so a slow connection that keeps delivering is waited
 * for and one that goes quiet is not. Whatever happens: `maxDuration` in all. The first limit
 * passed aborts the request and says which it was.
 */
function requestDeadline(clock: Clock, timeout: number, maxDuration: number): RequestDeadline {
  const controller = new AbortController();
  let reason: string | undefined;
  let quiet: unknown;
  const done = () => {
    clock.clearTimeout(quiet);
    clock.clearTimeout(cap);
  };
  const abort = (why: string) => {
    if (reason !== undefined) return;
    reason = why;
    done();
    controller.abort(new DOMException(why, 'TimeoutError'));
  };
  const quietFor = (why: string) => {
    if (reason !== undefined) return;
    clock.clearTimeout(quiet);
    quiet = clock.setTimeout(() => abort(why), timeout);
  };
  const cap = clock.setTimeout(() => abort(`the download took longer than ${seconds(maxDuration)} s`), maxDuration);
  quietFor(`no response within ${seconds(timeout)} s`);
  return {
    signal: controller.signal,
    reason: () => reason,
    progress: () => quietFor(`the download stalled: nothing received for ${seconds(timeout)} s`),
    done,
  };
}

const seconds = (ms: number) => Math.round(ms / 1000);

/** Seconds from `Retry-After` (delta-seconds or an HTTP date), as ms; undefined if absent. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** `max-age` from `Cache-Control`, as ms; undefined if absent. */
export function parseMaxAge(value: string | null): number | undefined {
  const match = value && /(?:^|[,\s])max-age\s*=\s*"?(\d+)"?/i.exec(value);
  return match ? Number(match[1]) * 1000 : undefined;
}

/**
 * Delay before retry number `attempt` (1 for the first failure): full jitter over an
 * exponentially growing window, never under the floor nor over the cap.
 */
export function backoffDelay(attempt: number, base: number, random: () => number): number {
  const window = Math.min(POLLING.maxBackoff, base * 2 ** Math.max(0, attempt - 1));
  return Math.min(POLLING.maxBackoff, Math.max(POLLING.minInterval, Math.round(random() * window)));
}

/** True when `url` is on the page's own origin, or when there is no page (Node). */
export function isSameOrigin(url: string): boolean {
  if (typeof location === 'undefined' || !location.origin || location.origin === 'null') return true;
  try {
    return new URL(url, location.href).origin === location.origin;
  } catch {
    return true;
  }
}

export class FeedSource {
  readonly url: string;
  private readonly fetchFn: typeof fetch;
  private readonly clock: Clock;
  private readonly environment: PageEnvironment;
  private readonly random: () => number;
  private readonly timeout: number;
  private readonly maxDuration: number;
  private readonly staleAfterIntervals: number;
  private readonly maxBytes: number;
  private readonly logger: Pick<Console, 'warn' | 'info'>;

  private readonly subscribers = new Set<Subscriber>();
  private snapshot: FeedSnapshot;
  private etag: string | undefined;
  private lastModified: string | undefined;
  /** The body of the feed on screen, to recognise an unchanged response without parsing it. */
  private lastText: string | undefined;
  private readonly explicitValidators: boolean;
  private maxAge: number | undefined;
  private failures = 0;
  /** The revision last reported as republished with other content. */
  private warnedSameRevision: number | undefined;
  /** The check in flight: there is never more than one. */
  private inFlight: Promise<void> | undefined;
  private pollTimer: unknown;
  private staleTimer: unknown;
  private slowTimer: unknown;
  /** When the next poll is due (monotonic ms), kept while paused so resuming knows whether it is due. */
  private dueAt: number | undefined;
  /** When the last request started, and the last check succeeded (monotonic ms). */
  private lastRequestAt: number | undefined;
  private lastSuccessAt: number | undefined;
  private stopEnvironment: (() => void) | undefined;
  private running = false;
  /** The last subscriber left in this task: the source stops at its end unless one comes back. */
  private stopping = false;
  /** Aborts requests in flight when the last subscriber leaves. */
  private stopController: AbortController | undefined;

  constructor(url: string, options: FeedSourceOptions = {}) {
    this.url = url;
    this.fetchFn = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.clock = options.clock ?? realClock;
    this.environment = options.environment ?? browserEnvironment;
    this.random = options.random ?? Math.random;
    this.timeout = options.timeout ?? POLLING.timeout;
    this.maxDuration = options.maxDuration ?? POLLING.maxDuration;
    this.staleAfterIntervals = options.staleAfterIntervals ?? POLLING.staleAfterIntervals;
    this.maxBytes = options.maxBytes ?? POLLING.maxBytes;
    this.logger = options.logger ?? console;
    this.explicitValidators = isSameOrigin(url);
    this.snapshot = {
      url,
      feed: undefined,
      previous: undefined,
      changes: undefined,
      lastChecked: undefined,
      error: undefined,
      stale: false,
      checking: false,
      interval: POLLING.defaultInterval,
    };
  }

  /** The current state. */
  get state(): FeedSnapshot {
    return this.snapshot;
  }

  /** Number of subscribers. */
  get size(): number {
    return this.subscribers.size;
  }

  /**
   * Start listening. The first subscriber starts polling; a late one receives the last good
   * feed at once. Returns the function that unsubscribes; the last one out stops polling.
   */
  subscribe(listener: FeedListener, options: SubscribeOptions = {}): () => void {
    const subscriber: Subscriber = { listener, interval: options.interval };
    this.subscribers.add(subscriber);
    this.snapshot = { ...this.snapshot, interval: this.interval() };
    if (this.snapshot.feed) {
      const feed = this.snapshot.feed;
      this.deliver(subscriber, { type: 'update', feed, changes: feedChanges(undefined, feed) });
    } else if (this.snapshot.error) {
      this.deliver(subscriber, { type: 'error', error: this.snapshot.error });
    }
    if (!this.running) this.start();
    else this.reschedule();
    return () => {
      if (!this.subscribers.delete(subscriber)) return;
      if (this.subscribers.size === 0) this.stopSoon();
      else this.reschedule();
    };
  }

  /** Check now, whatever the schedule (a "refresh" button); a check already in flight is joined, not repeated. */
  refresh(): Promise<void> {
    return this.poll();
  }

  /**
   * The interval in force: the shortest a subscriber asked for, else the feed's hint, else 30 s;
   * never below max-age or the 5 s floor, never above the one-hour ceiling. Asking for
   * `Infinity` (or 1e10 s) asks for the ceiling; NaN, zero or less asks for nothing.
   */
  interval(): number {
    const asked = [...this.subscribers]
      .map((s) => s.interval)
      .filter((n): n is number => typeof n === 'number' && n > 0);
    const hint = this.snapshot.feed?.meta.pollInterval;
    const wanted =
      asked.length > 0 ? Math.min(...asked) * 1000 : hint !== undefined ? hint * 1000 : POLLING.defaultInterval;
    return clampInterval(Math.max(wanted, this.maxAge ?? 0), POLLING.minInterval, POLLING.maxInterval);
  }

  /** Monotonic time (see `Clock.monotonic`). */
  private elapsed(): number {
    return this.clock.monotonic ? this.clock.monotonic() : this.clock.now();
  }

  /**
   * Poll now if a poll is due, else when it is; and never within the floor of the last request:
   * a page that comes back, goes online or re-attaches its widgets over and over (a request
   * aborted each time) makes one request per 5 s at most.
   */
  private pollWhenDue() {
    const now = this.elapsed();
    const due = Math.max(
      this.dueAt ?? now,
      this.lastRequestAt !== undefined ? this.lastRequestAt + POLLING.minInterval : now,
    );
    if (this.inFlight || now >= due) void this.poll();
    else this.schedule(due - now);
  }

  private start() {
    this.running = true;
    this.stopController = new AbortController();
    const resume = () => {
      if (!this.running || this.environment.isHidden() || this.environment.isOffline()) return;
      this.pollWhenDue();
    };
    const offResume = this.environment.onResume(resume);
    const offHide = this.environment.onHide(() => this.clearTimer('pollTimer'));
    this.stopEnvironment = () => {
      offResume();
      offHide();
    };
    resume();
    this.armStaleTimer();
  }

  /** The last subscriber left: stop at the end of this task, unless one comes back (an element moved in the page). */
  private stopSoon() {
    if (this.stopping) return;
    this.stopping = true;
    queueMicrotask(() => {
      this.stopping = false;
      if (this.subscribers.size === 0 && this.running) this.stop();
    });
  }

  private stop() {
    this.running = false;
    this.stopEnvironment?.();
    this.stopEnvironment = undefined;
    this.stopController?.abort();
    this.stopController = undefined;
    this.clearTimer('pollTimer');
    this.clearTimer('staleTimer');
    this.clearTimer('slowTimer');
    this.inFlight = undefined;
    if (this.snapshot.checking) this.snapshot = { ...this.snapshot, checking: false };
  }

  private clearTimer(name: 'pollTimer' | 'staleTimer' | 'slowTimer') {
    if (this[name] !== undefined) this.clock.clearTimeout(this[name]);
    this[name] = undefined;
  }

  /** Poll after `delay` ms, unless the page is hidden or offline (then on resume). */
  private schedule(delay: number) {
    this.clearTimer('pollTimer');
    this.dueAt = this.elapsed() + delay;
    if (!this.running || this.environment.isHidden() || this.environment.isOffline()) return;
    this.pollTimer = this.clock.setTimeout(() => {
      this.pollTimer = undefined;
      void this.poll();
    }, delay);
  }

  /** After the subscribers' intervals changed: keep the last check, move the next one. */
  private reschedule() {
    const interval = this.interval();
    this.snapshot = { ...this.snapshot, interval };
    if (!this.running || this.inFlight || this.failures > 0 || this.lastSuccessAt === undefined) return;
    this.schedule(Math.max(0, this.lastSuccessAt + interval - this.elapsed()));
  }

  private armStaleTimer() {
    this.clearTimer('staleTimer');
    if (!this.running) return;
    const now = this.elapsed();
    const since = this.lastSuccessAt ?? now;
    const limit = this.staleAfterIntervals * this.interval();
    const wait = since + limit - now;
    this.staleTimer = this.clock.setTimeout(
      () => {
        this.staleTimer = undefined;
        if (!this.running) return;
        // A hidden page polls nothing, so it cannot be stale until it is seen again.
        if (this.environment.isHidden()) return this.armStaleTimer();
        if (!this.snapshot.stale && this.snapshot.feed) {
          this.snapshot = { ...this.snapshot, stale: true };
          this.logger.warn(
            `[tally] ${this.url}: no successful check for ${Math.round(limit / 1000)} s; results may be out of date`,
          );
          this.emit({ type: 'stale' });
        }
        this.armStaleTimer();
      },
      Math.max(wait, POLLING.minInterval),
    );
  }

  /** Check the feed, or join the check in flight: at most one request per source, ever. */
  private poll(): Promise<void> {
    if (!this.running) return Promise.resolve();
    if (this.inFlight) return this.inFlight;
    const check = this.check();
    this.inFlight = check;
    return check;
  }

  private async check(): Promise<void> {
    this.clearTimer('pollTimer');
    this.dueAt = undefined;
    this.lastRequestAt = this.elapsed();
    this.slowTimer = this.clock.setTimeout(() => {
      this.slowTimer = undefined;
      if (this.inFlight && !this.snapshot.checking) {
        this.snapshot = { ...this.snapshot, checking: true };
        this.emit({ type: 'status' });
      }
    }, POLLING.slowAfter);
    const stopSignal = this.stopController?.signal;
    try {
      const outcome = await this.request(stopSignal);
      if (stopSignal?.aborted || !this.running) return;
      // Done before the listeners hear of it: a listener may ask for the next check at once.
      const wasChecking = this.settle();
      const validation = outcome.validation;
      if (validation && !validation.ok) {
        this.failed(
          new RequestFailure(
            'invalid',
            `invalid feed: ${formatIssues(validation.errors)}`,
            undefined,
            undefined,
            validation.errors,
          ),
        );
      } else {
        this.succeeded(outcome, wasChecking);
      }
    } catch (error) {
      if (stopSignal?.aborted || !this.running) return;
      this.settle();
      this.failed(error);
    }
  }

  /** The check in flight is over: the next may start, and "checking…" goes. Returns whether it was showing. */
  private settle(): boolean {
    this.inFlight = undefined;
    this.clearTimer('slowTimer');
    if (!this.snapshot.checking) return false;
    this.snapshot = { ...this.snapshot, checking: false };
    return true;
  }

  private async request(stopSignal: AbortSignal | undefined): Promise<RequestOutcome> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    // Same-origin: send our own validators and bypass the HTTP cache, so a 304 reaches us.
    // Cross-origin: custom validators would cost a CORS preflight on every poll, so the
    // browser's cache revalidates instead ('no-cache') and an unchanged body is recognised
    // by its ETag or its text, before any parsing.
    if (this.explicitValidators) {
      if (this.etag) headers['If-None-Match'] = this.etag;
      if (this.lastModified) headers['If-Modified-Since'] = this.lastModified;
    }
    const deadline = requestDeadline(this.clock, this.timeout, this.maxDuration);
    try {
      return await this.requestWithin(deadline, headers, stopSignal);
    } finally {
      deadline.done();
    }
  }

  private async requestWithin(
    deadline: RequestDeadline,
    headers: Record<string, string>,
    stopSignal: AbortSignal | undefined,
  ): Promise<RequestOutcome> {
    const signal = stopSignal ? AbortSignal.any([deadline.signal, stopSignal]) : deadline.signal;
    // A page that restricts where Tally may fetch from (the iframe page) is asked first…
    const refused = fetchRefusal(this.url);
    if (refused) throw new RequestFailure('invalid', refused);
    let response: Response;
    try {
      response = await this.fetchFn(this.url, {
        headers,
        signal,
        cache: this.explicitValidators ? 'no-store' : 'no-cache',
        credentials: 'omit',
      });
    } catch (error) {
      throw this.networkFailure(error, deadline);
    }
    deadline.progress();
    // …and again about where the response came from, after any redirects.
    const redirected = responseRefusal(this.url, response);
    if (redirected) {
      void response.body?.cancel().catch(() => {});
      throw new RequestFailure('invalid', redirected);
    }
    const maxAge = parseMaxAge(response.headers.get('Cache-Control'));
    const unchanged = { notModified: true, maxAge } as const;
    if (response.status === 304) return unchanged;
    if (!response.ok) {
      // An HTTP date is wall-clock time; what it gives is clamped like every other wait (see `failed`).
      const retryAfter = parseRetryAfter(response.headers.get('Retry-After'), this.clock.now());
      void response.body?.cancel().catch(() => {});
      throw new RequestFailure(
        'http',
        `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`,
        response.status,
        retryAfter,
      );
    }
    const etag = response.headers.get('ETag');
    if (etag && etag === this.etag && this.snapshot.feed) {
      void response.body?.cancel().catch(() => {});
      return unchanged;
    }
    const type = response.headers.get('Content-Type') ?? '';
    if (/^\s*text\/html/i.test(type)) {
      void response.body?.cancel().catch(() => {});
      throw new RequestFailure('invalid', 'received an HTML page, not a JSON feed');
    }
    const declared = Number(response.headers.get('Content-Length'));
    if (declared > this.maxBytes) {
      void response.body?.cancel().catch(() => {});
      throw new RequestFailure('too-large', `the feed is ${declared} bytes, more than the ${this.maxBytes} allowed`);
    }
    let text: string;
    try {
      text = await this.readText(response, () => deadline.progress());
    } catch (error) {
      if (error instanceof RequestFailure) throw error;
      throw this.networkFailure(error, deadline);
    }
    if (text === this.lastText && this.snapshot.feed) return unchanged;
    let validation: FeedValidation;
    try {
      // Areas unchanged since the feed on screen keep their validated objects.
      // Checking a large feed takes a while: the widgets' updates then take their own turns (turns.ts).
      validation = spend(() => parseFeed(text, this.snapshot.feed));
    } catch (error) {
      // Validation answers with issues; should anything in it throw all the same, the response
      // still arrived: it is a feed that cannot be used, not a network failure.
      throw new RequestFailure(
        'invalid',
        `the feed could not be read (${error instanceof Error ? error.message : String(error)})`,
      );
    }
    return {
      notModified: false,
      validation,
      text,
      maxAge,
      etag,
      lastModified: response.headers.get('Last-Modified'),
    };
  }

  /** Read the body, refusing it once it passes `maxBytes` (a stream may not say its length). */
  private async readText(response: Response, onData: () => void): Promise<string> {
    if (!response.body) return response.text();
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let received = 0;
    let text = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      onData();
      received += value.byteLength;
      if (received > this.maxBytes) {
        await reader.cancel().catch(() => {});
        throw new RequestFailure('too-large', `the feed is more than the ${this.maxBytes} bytes allowed`);
      }
      text += decoder.decode(value, { stream: true });
    }
    return text + decoder.decode();
  }

  private networkFailure(error: unknown, deadline: RequestDeadline): RequestFailure {
    const reason = deadline.reason();
    if (reason !== undefined) return new RequestFailure('timeout', reason);
    const message = error instanceof Error ? error.message : String(error);
    return new RequestFailure(
      'network',
      /^network error$/i.test(message) ? 'network error' : `network error (${message})`,
    );
  }

  private succeeded(outcome: RequestOutcome, wasChecking: boolean) {
    if (outcome.maxAge !== undefined) this.maxAge = outcome.maxAge;
    const validation = outcome.validation;
    this.lastSuccessAt = this.elapsed();
    const recovered = this.failures > 0 || this.snapshot.stale;
    this.failures = 0;
    let next: FeedSnapshot = { ...this.snapshot, lastChecked: this.clock.now(), error: undefined, stale: false };
    let event: FeedSourceEvent | undefined = recovered || wasChecking ? { type: 'status' } : undefined;
    if (validation?.ok) {
      for (const warning of validation.warnings)
        this.logger.warn(`[tally] ${this.url}: ${warning.path}: ${warning.message}`);
      const current = this.snapshot.feed;
      const feed = validation.feed;
      if (current && feed.meta.revision <= current.meta.revision) {
        // Out-of-order responses from different CDN edges: never go back.
        if (feed.meta.revision < current.meta.revision) {
          this.logger.info(
            `[tally] ${this.url}: ignored revision ${feed.meta.revision}, older than revision ${current.meta.revision} on screen`,
          );
        } else if (this.warnedSameRevision !== feed.meta.revision) {
          // Not the text on screen, yet the same revision: a publisher who forgot to count up.
          // Readers would never see the change; say why, once per revision.
          this.warnedSameRevision = feed.meta.revision;
          this.logger.warn(
            `[tally] ${this.url}: revision ${feed.meta.revision} again with different content; ignored (meta.revision must increase with every publication)`,
          );
        }
      } else {
        this.etag = outcome.etag ?? undefined;
        this.lastModified = outcome.lastModified ?? undefined;
        this.lastText = outcome.text;
        const changes = feedChanges(current, feed);
        next = { ...next, feed, previous: current, changes };
        event = { type: 'update', feed, changes };
      }
    }
    // The interval depends on the feed now shown (its poll hint): set the feed first.
    this.snapshot = next;
    this.snapshot = { ...next, interval: this.interval() };
    this.schedule(this.snapshot.interval);
    this.armStaleTimer();
    if (event) this.emit(event);
  }

  private failed(error: unknown): void {
    const failure =
      error instanceof RequestFailure
        ? error
        : new RequestFailure('network', error instanceof Error ? error.message : String(error));
    this.failures += 1;
    const base = this.interval();
    const delay =
      failure.retryAfter !== undefined
        ? clampInterval(failure.retryAfter, POLLING.minInterval, POLLING.maxBackoff)
        : backoffDelay(this.failures, base, this.random);
    const feedError: FeedError = {
      kind: failure.kind,
      reason: failure.reason,
      status: failure.status,
      issues: failure.issues,
      willRetry: true,
      retryIn: delay,
      attempt: this.failures,
    };
    const kept = this.snapshot.feed ? `; keeping revision ${this.snapshot.feed.meta.revision}` : '';
    this.logger.warn(`[tally] ${this.url}: ${failure.reason}${kept}; retrying in ${Math.round(delay / 1000)} s`);
    this.snapshot = { ...this.snapshot, error: feedError };
    this.schedule(delay);
    this.emit({ type: 'error', error: feedError });
  }

  private emit(event: FeedSourceEvent) {
    for (const subscriber of [...this.subscribers]) this.deliver(subscriber, event);
  }

  private deliver(subscriber: Subscriber, event: FeedSourceEvent) {
    try {
      subscriber.listener(this.snapshot, event);
    } catch (error) {
      // One broken listener must not stop the others or the polling.
      this.logger.warn(`[tally] a feed listener threw: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
