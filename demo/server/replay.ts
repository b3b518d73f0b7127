/**
 * The replay of one election night: a simulated clock that runs from the night's start to its
 * end at a chosen speed and stops at the end, and the feed it publishes.
 *
 * The night's own `meta.revision` may go backwards when the replay restarts, so the published
 * feed takes its revision from here: it goes up every time the content changes, and the body
 * stays byte-for-byte the same in between, so ETag and 304 work like on a real CDN. Its
 * `generatedAt` and `dataChangedAt` stay the night's: simulated times, so that a widget's
 * "Updated 02:41" is on the replay's clock, not the wall clock. (The HTTP validators,
 * Last-Modified among them, are real time, as a CDN's are.)
 */
import type { Feed } from '../../src/feed/schema.js';
import { strongEtag } from '../../src/cli/serve/http-cache.js';

/** What the server needs from a demo night (`DemoNight` from demo/feeds fits). */
export interface ReplayNight {
  readonly id: string;
  readonly title: string;
  readonly final: Feed;
  /** Simulated start and end of the night, ms since the epoch. */
  readonly start: number;
  readonly end: number;
  /** The feed as it stood at simulated time t (ms). */
  at(time: number): Feed;
}

export type Clock = () => number;

/** The poll interval a replayed feed suggests, in seconds. */
export const REPLAY_POLL_SECONDS = 5;

/** Fastest allowed speed: a whole night in well under a second is no longer a replay. */
export const MAX_SPEED = 1_000_000;

/** A simulated clock: runs at `speed` simulated ms per real ms, from start, stopping at end. */
export class ReplayClock {
  private anchorReal: number;
  private anchorSimulated: number;
  private currentSpeed: number;
  private isPaused = false;

  constructor(
    readonly start: number,
    readonly end: number,
    readonly defaultSpeed: number,
    private readonly now: Clock,
  ) {
    this.anchorReal = now();
    this.anchorSimulated = start;
    this.currentSpeed = defaultSpeed;
  }

  get speed(): number {
    return this.currentSpeed;
  }

  get paused(): boolean {
    return this.isPaused;
  }

  /** Simulated time now, clamped to [start, end]. */
  time(): number {
    const elapsed = this.isPaused ? 0 : (this.now() - this.anchorReal) * this.currentSpeed;
    return Math.round(Math.min(this.end, Math.max(this.start, this.anchorSimulated + elapsed)));
  }

  get finished(): boolean {
    return this.time() >= this.end;
  }

  private reanchor(simulated = this.time()) {
    this.anchorSimulated = simulated;
    this.anchorReal = this.now();
  }

  pause(): void {
    this.reanchor();
    this.isPaused = true;
  }

  play(): void {
    this.reanchor();
    this.isPaused = false;
  }

  /** Back to the start of the night, running. */
  restart(): void {
    this.reanchor(this.start);
    this.isPaused = false;
  }

  /** Straight to the final state. */
  skipToEnd(): void {
    this.reanchor(this.end);
  }

  setSpeed(speed: number): void {
    if (!(Number.isFinite(speed) && speed > 0 && speed <= MAX_SPEED))
      throw new RangeError(`speed must be a number above 0 and at most ${MAX_SPEED}`);
    this.reanchor();
    this.currentSpeed = speed;
  }

  /** A control action from `POST /replay`. */
  apply(action: ReplayAction, speed?: number): void {
    if (action === 'pause') this.pause();
    else if (action === 'play') this.play();
    else if (action === 'restart') this.restart();
    else if (action === 'end') this.skipToEnd();
    else this.setSpeed(speed ?? Number.NaN);
  }

  /** What `GET /replay` says about the night this clock runs. */
  state(id: string, title: string): ReplayState {
    return {
      id,
      title,
      simulatedTime: this.time(),
      start: this.start,
      end: this.end,
      speed: this.speed,
      defaultSpeed: this.defaultSpeed,
      paused: this.paused,
      finished: this.finished,
    };
  }
}

/** One published version of a feed: the exact bytes served and their validators. */
export interface Publication {
  readonly body: Buffer;
  readonly etag: string;
  readonly revision: number;
  /** Real time of the last content change, ms; whole seconds, as Last-Modified carries. */
  readonly lastModified: number;
}

/** The feed's content with the publisher's bookkeeping left out, to tell real changes apart. */
function contentKey(feed: Feed): string {
  const { revision: _revision, generatedAt: _generatedAt, dataChangedAt: _dataChangedAt, ...meta } = feed.meta;
  return JSON.stringify({ ...feed, meta });
}

/**
 * Publishes successive states of a feed with a server-owned revision.
 *
 * Content is looked at no more than once per real second (like a publisher re-writing its
 * file), so each revision gets its own Last-Modified second and If-Modified-Since can never
 * hide a change. Revisions start from the Unix time in seconds, so a page left open across a
 * server restart still sees the new server's revisions as newer.
 */
export class Publisher {
  private current: Publication | undefined;
  private currentKey = '';
  private checkedSecond = -1;

  constructor(private readonly now: Clock) {}

  /** The publication for this moment; `read` is called only when it is time to look again. */
  publish(read: () => Feed, { force = false } = {}): Publication {
    const nowMs = this.now();
    const second = Math.floor(nowMs / 1000);
    if (this.current && !force && second === this.checkedSecond) return this.current;
    this.checkedSecond = second;
    const feed = read();
    const key = contentKey(feed);
    if (this.current && key === this.currentKey) return this.current;

    const previous = this.current;
    const lastModified = Math.max(second * 1000, previous ? previous.lastModified + 1000 : 0);
    const revision = Math.max(previous ? previous.revision + 1 : 0, second);
    // A night in fast forward changes every few seconds: ask widgets to look as often as the
    // feed source allows (5 s, also the CDN max-age here), or a jump to the end shows late.
    const published: Feed = { ...feed, meta: { ...feed.meta, revision, pollInterval: REPLAY_POLL_SECONDS } };
    const body = Buffer.from(JSON.stringify(published), 'utf8');
    this.current = { body, etag: strongEtag(body), revision, lastModified };
    this.currentKey = key;
    return this.current;
  }
}

/** A night being replayed: its clock and its publisher. */
export class NightReplay {
  readonly clock: ReplayClock;
  private readonly publisher: Publisher;
  private dirty = false;

  constructor(
    readonly night: ReplayNight,
    replayMinutes: number,
    now: Clock,
  ) {
    const span = Math.max(1, night.end - night.start);
    this.clock = new ReplayClock(night.start, night.end, span / (replayMinutes * 60_000), now);
    this.publisher = new Publisher(now);
  }

  /** The feed as published now. */
  publication(): Publication {
    const force = this.dirty;
    this.dirty = false;
    return this.publisher.publish(() => this.night.at(this.clock.time()), { force });
  }

  /** Apply a control action; the next request sees its effect at once. */
  control(action: ReplayAction, speed?: number): void {
    this.clock.apply(action, speed);
    this.dirty = true;
  }

  state(): ReplayState {
    return this.clock.state(this.night.id, this.night.title);
  }
}

export const REPLAY_ACTIONS = ['pause', 'play', 'restart', 'end', 'speed'] as const;
export type ReplayAction = (typeof REPLAY_ACTIONS)[number];

/** What `GET /replay` says about each night. Times are ms since the epoch; speed is simulated ms per real ms. */
export interface ReplayState {
  readonly id: string;
  readonly title: string;
  readonly simulatedTime: number;
  readonly start: number;
  readonly end: number;
  readonly speed: number;
  readonly defaultSpeed: number;
  readonly paused: boolean;
  readonly finished: boolean;
}
