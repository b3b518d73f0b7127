/**
 * Every wait the feed source schedules stays in a sane range whatever asks for it, is measured
 * on a clock that cannot go backwards, and never has two requests in flight (issue 22, points
 * 2, 7 and 8). Exact numbers on a fake clock; src/feed/timing.ts on its own first.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clampInterval, MAX_TIMER_DELAY, timerDelay } from '../../../src/feed/timing.js';
import { FeedSource, POLLING, realClock, type FeedSourceOptions } from '../../../src/feed/source.js';
import { releaseIdleFeedSources } from '../../../src/feed/registry.js';
import { FakeClock, FakePage, fakeFetch, flush, json, type RecordedRequest } from '../support/fake-clock.js';
import { council, rawFeed } from '../support/feed.js';

const body = (revision: number, extra: Parameters<typeof rawFeed>[1] = {}) =>
  rawFeed([council('A', 'con', 'con')], { revision, ...extra });

afterEach(() => {
  releaseIdleFeedSources();
  vi.restoreAllMocks();
});

describe('timerDelay', () => {
  it('gives setTimeout only delays it runs as asked', () => {
    expect(timerDelay(0)).toBe(0);
    expect(timerDelay(5_000)).toBe(5_000);
    expect(timerDelay(MAX_TIMER_DELAY)).toBe(2_147_483_647);
    // Longer than 2³¹ − 1 ms wraps round to "at once" in browsers: held at the longest instead.
    for (const ms of [MAX_TIMER_DELAY + 1, 3_000_000_000, 1e13, Infinity])
      expect(timerDelay(ms), String(ms)).toBe(MAX_TIMER_DELAY);
    for (const ms of [-1, -Infinity, Number.NaN]) expect(timerDelay(ms), String(ms)).toBe(0);
  });
});

describe('clampInterval', () => {
  it('keeps an interval between the floor and the ceiling', () => {
    expect(clampInterval(30_000, 5_000, 3_600_000)).toBe(30_000);
    expect(clampInterval(5_000, 5_000, 3_600_000)).toBe(5_000);
    expect(clampInterval(3_600_000, 5_000, 3_600_000)).toBe(3_600_000);
    for (const ms of [3_600_001, 3e9, 1e13, Infinity])
      expect(clampInterval(ms, 5_000, 3_600_000), String(ms)).toBe(3_600_000);
    for (const ms of [4_999, 0, -5, -Infinity, Number.NaN])
      expect(clampInterval(ms, 5_000, 3_600_000), String(ms)).toBe(5_000);
  });
});

interface Setup {
  readonly clock: FakeClock;
  readonly page: FakePage;
  readonly source: FeedSource;
  readonly requests: RecordedRequest[];
  /** Delays the source gave its clock, in order. */
  readonly delays: number[];
}

function setup(
  handler: (request: RecordedRequest, index: number) => Response | Promise<Response>,
  options: FeedSourceOptions = {},
): Setup {
  const clock = new FakeClock();
  const delays: number[] = [];
  const recordingClock = {
    now: () => clock.now(),
    monotonic: () => clock.monotonic(),
    setTimeout: (callback: () => void, ms: number) => {
      delays.push(ms);
      return clock.setTimeout(callback, ms);
    },
    clearTimeout: (handle: unknown) => clock.clearTimeout(handle),
  };
  const page = new FakePage();
  let index = 0;
  const { fetch, requests } = fakeFetch((request) => handler(request, index++));
  const source = new FeedSource('https://cdn.example/feed.json', {
    fetch,
    clock: recordingClock,
    environment: page,
    random: () => 0.5,
    logger: { warn: vi.fn(), info: vi.fn() },
    ...options,
  });
  return { clock, page, source, requests, delays };
}

describe('every delay the source schedules', () => {
  /** The interval in force after the first load, with the widget asking for `seconds`. */
  async function intervalFor(
    seconds: number | undefined,
    response: () => Response = () => json(body(1)),
  ): Promise<{ interval: number; delays: number[] }> {
    const { clock, source, delays } = setup(response);
    source.subscribe(() => {}, { interval: seconds });
    await clock.advance(0);
    return { interval: source.state.interval, delays };
  }

  it('from the widget’s interval attribute (and data-interval, and the iframe page’s interval): 5 s to 1 h, whatever it says', async () => {
    const cases: [number | undefined, number][] = [
      [30, 30_000],
      [1, 5_000],
      [0, 30_000], // nothing asked: the default
      [-5, 30_000],
      [Number.NaN, 30_000],
      [3_600, 3_600_000],
      [3_000_000, 3_600_000],
      [1e10, 3_600_000],
      [Infinity, 3_600_000],
    ];
    for (const [seconds, expected] of cases) {
      const { interval, delays } = await intervalFor(seconds);
      expect(interval, String(seconds)).toBe(expected);
      for (const delay of delays) expect(delay, `${seconds}: every timer`).toBeLessThanOrEqual(3 * POLLING.maxInterval);
    }
  });

  it('from the feed’s pollInterval hint', async () => {
    expect((await intervalFor(undefined, () => json(body(1, {}) as never))).interval).toBe(30_000);
    const withHint = (seconds: number) => () => json({ ...body(1), meta: { ...body(1).meta, pollInterval: seconds } });
    expect((await intervalFor(undefined, withHint(1))).interval).toBe(5_000);
    expect((await intervalFor(undefined, withHint(120))).interval).toBe(120_000);
    expect((await intervalFor(undefined, withHint(86_400))).interval).toBe(3_600_000);
  });

  it('from the CDN’s Cache-Control max-age (a month is a common setting)', async () => {
    const withMaxAge = (value: string) => () => json(body(1), { 'Cache-Control': value });
    expect((await intervalFor(5, withMaxAge('public, max-age=60'))).interval).toBe(60_000);
    expect((await intervalFor(5, withMaxAge('public, max-age=2592000'))).interval).toBe(3_600_000);
    expect((await intervalFor(5, withMaxAge('max-age=99999999999999999999'))).interval).toBe(3_600_000);
  });

  it('from Retry-After, in seconds or as a date, however far off', async () => {
    for (const retryAfter of [
      '120',
      '99999999999',
      '99999999999999999999',
      'Fri, 31 Dec 9999 23:59:59 GMT',
      'Thu, 01 Jan 1970 00:00:00 GMT',
      '0',
    ]) {
      const { clock, source } = setup(
        () => new Response('busy', { status: 503, headers: { 'Retry-After': retryAfter } }),
      );
      source.subscribe(() => {}, { interval: 5 });
      await clock.advance(0);
      const wait = source.state.error?.retryIn;
      expect(wait, retryAfter).toBeGreaterThanOrEqual(POLLING.minInterval);
      expect(wait, retryAfter).toBeLessThanOrEqual(POLLING.maxBackoff);
    }
  });

  it('a huge interval is no reason to call a feed just loaded out of date (interval="1e10")', async () => {
    const { clock, source } = setup(() => json(body(1)));
    const events: string[] = [];
    source.subscribe((_, event) => events.push(event.type), { interval: 1e10 });
    await clock.advance(0);
    await clock.advance(60 * 60_000 - 1);
    expect(source.state.stale).toBe(false);
    expect(events).toEqual(['update']);
  });

  it('the real clock hands browsers no delay they would run at once', () => {
    const spy = vi.spyOn(globalThis, 'setTimeout');
    const handle = realClock.setTimeout(() => {}, 3_000_000_000);
    realClock.clearTimeout(handle);
    expect(spy.mock.calls[0]![1]).toBe(MAX_TIMER_DELAY);
  });
});

describe('waits measured on a clock that cannot go backwards', () => {
  it('a wall clock set back an hour while the tab is hidden: polling resumes when the interval is up', async () => {
    const { clock, page, source, requests } = setup(() => json(body(1)));
    source.subscribe(() => {}, { interval: 5 });
    await clock.advance(0);
    page.setHidden(true);
    await clock.advance(3_000);
    clock.jumpWall(-60 * 60_000);
    await clock.advance(3_000);
    page.setHidden(false);
    await clock.advance(0);
    expect(requests).toHaveLength(2);
    // And on schedule after that.
    await clock.advance(5_000);
    expect(requests).toHaveLength(3);
  });

  it('set back (or forward) while visible: the next poll is still one interval after the last', async () => {
    for (const jump of [-60 * 60_000, 60 * 60_000]) {
      const { clock, source, requests } = setup(() => json(body(1)));
      source.subscribe(() => {}, { interval: 10 });
      await clock.advance(0);
      clock.jumpWall(jump);
      source.subscribe(() => {}, { interval: 20 }); // reschedules from the last check
      await clock.advance(9_999);
      expect(requests, String(jump)).toHaveLength(1);
      await clock.advance(1);
      expect(requests, String(jump)).toHaveLength(2);
    }
  });

  it('reports lastChecked on the wall clock, as the time shown to readers', async () => {
    const { clock, source } = setup(() => json(body(1)));
    source.subscribe(() => {}, { interval: 5 });
    clock.jumpWall(-1_000);
    await clock.advance(0);
    expect(source.state.lastChecked).toBe(clock.now());
  });
});

describe('one request per feed in flight', () => {
  it('five "online" events and a return to the tab during one slow request: still one request', async () => {
    let release: ((response: Response) => void) | undefined;
    const { clock, page, source, requests } = setup(() => new Promise<Response>((resolve) => (release = resolve)));
    source.subscribe(() => {}, { interval: 5 });
    await clock.advance(0);
    for (let i = 0; i < 5; i++) page.setOffline(false);
    page.setHidden(true);
    page.setHidden(false);
    await clock.advance(1_300);
    expect(requests).toHaveLength(1);
    release!(json(body(1)));
    await flush();
    expect(source.state.feed?.meta.revision).toBe(1);
    // The next poll is one interval after that check, not one per event.
    await clock.advance(4_999);
    expect(requests).toHaveLength(1);
    await clock.advance(1);
    expect(requests).toHaveLength(2);
  });

  it('a widget attached and detached every 25 ms: a request per 5 s at most', async () => {
    const { clock, source, requests } = setup(() => new Promise<Response>(() => {}));
    for (let t = 0; t < 10_000; t += 25) {
      const off = source.subscribe(() => {}, { interval: 5 });
      await clock.advance(12);
      off();
      await clock.advance(13);
    }
    expect(requests.length).toBeLessThanOrEqual(2);
    expect(requests.every((request) => request.signal?.aborted)).toBe(true);
  });

  it('an element moved in the page (detached and attached in one task) keeps its request', async () => {
    let release: ((response: Response) => void) | undefined;
    const { clock, source, requests } = setup(() => new Promise<Response>((resolve) => (release = resolve)));
    const off = source.subscribe(() => {}, { interval: 5 });
    await clock.advance(0);
    off();
    const seen: number[] = [];
    source.subscribe((snapshot) => snapshot.feed && seen.push(snapshot.feed.meta.revision), { interval: 5 });
    await flush();
    expect(requests).toHaveLength(1);
    expect(requests[0]!.signal?.aborted).toBe(false);
    release!(json(body(7)));
    await flush();
    expect(seen).toEqual([7]);
  });
});
