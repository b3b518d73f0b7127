import { afterEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import {
  backoffDelay,
  FeedSource,
  parseMaxAge,
  parseRetryAfter,
  POLLING,
  type FeedSnapshot,
  type FeedSourceEvent,
  type FeedSourceOptions,
} from '../../../src/feed/source.js';
import { feedSourceFor, releaseIdleFeedSources } from '../../../src/feed/registry.js';
import { FakeClock, FakePage, fakeFetch, flush, hang, json, type RecordedRequest } from '../support/fake-clock.js';
import { council, rawFeed } from '../support/feed.js';

const URL_ = 'https://cdn.example/feed.json';
const body = (revision: number, extra: Parameters<typeof rawFeed>[1] = {}) =>
  rawFeed([council('A', 'con', 'con')], { revision, ...extra });
const quietLogger = { warn: vi.fn(), info: vi.fn() };

function setup(
  handler: (request: RecordedRequest, index: number) => Response | Promise<Response>,
  options: FeedSourceOptions = {},
) {
  const clock = new FakeClock();
  const page = new FakePage();
  let index = 0;
  const { fetch, requests } = fakeFetch((request) => handler(request, index++));
  const logger = { warn: vi.fn(), info: vi.fn() };
  const source = new FeedSource(URL_, { fetch, clock, environment: page, random: () => 0.5, logger, ...options });
  const events: FeedSourceEvent[] = [];
  const snapshots: FeedSnapshot[] = [];
  const listen = (interval?: number) =>
    source.subscribe(
      (snapshot, event) => {
        snapshots.push(snapshot);
        events.push(event);
      },
      { interval },
    );
  return { clock, page, source, requests, events, snapshots, listen, logger };
}

afterEach(() => {
  releaseIdleFeedSources();
  vi.restoreAllMocks();
});

describe('parse helpers', () => {
  it('reads max-age and Retry-After', () => {
    expect(parseMaxAge('public, max-age=20')).toBe(20_000);
    expect(parseMaxAge('no-cache')).toBeUndefined();
    expect(parseRetryAfter('120', 0)).toBe(120_000);
    expect(parseRetryAfter('Fri, 04 May 2018 00:01:00 GMT', Date.parse('2018-05-04T00:00:00Z'))).toBe(60_000);
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
  });
});

describe('backoffDelay', () => {
  it('grows exponentially up to 5 minutes with full jitter, never under the 5 s floor', () => {
    expect([1, 2, 3, 4, 5, 6, 10].map((n) => backoffDelay(n, 30_000, () => 0.999999))).toEqual([
      30_000, 60_000, 120_000, 240_000, 300_000, 300_000, 300_000,
    ]);
    expect(backoffDelay(3, 30_000, () => 0)).toBe(5_000);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.double({ min: 0, max: 0.9999, noNaN: true }), (attempt, r) => {
        const delay = backoffDelay(attempt, 30_000, () => r);
        return delay >= 5_000 && delay <= Math.min(300_000, 30_000 * 2 ** (attempt - 1));
      }),
    );
  });
});

describe('FeedSource', () => {
  it('fetches at once for the first subscriber and then every interval', async () => {
    const { clock, listen, requests, events } = setup(() => json(body(1)));
    listen();
    await clock.advance(0);
    expect(requests).toHaveLength(1);
    expect(events.map((e) => e.type)).toEqual(['update']);
    await clock.advance(95_000);
    expect(requests).toHaveLength(4); // 0, 30, 60, 90 s
  });

  it('never adds cache-busting parameters', async () => {
    const { clock, listen, requests } = setup(() => json(body(1)));
    listen();
    await clock.advance(61_000);
    expect(new Set(requests.map((r) => r.url))).toEqual(new Set([URL_]));
  });

  it('sends If-None-Match and If-Modified-Since; a 304 causes no update', async () => {
    const { clock, listen, requests, events, source } = setup((_, i) =>
      i === 0
        ? json(body(1), { ETag: '"v1"', 'Last-Modified': 'Fri, 04 May 2018 00:00:00 GMT' })
        : new Response(null, { status: 304 }),
    );
    listen();
    await clock.advance(0);
    const firstCheck = source.state.lastChecked;
    await clock.advance(30_000);
    expect(requests[1]!.headers['if-none-match']).toBe('"v1"');
    expect(requests[1]!.headers['if-modified-since']).toBe('Fri, 04 May 2018 00:00:00 GMT');
    expect(events.map((e) => e.type)).toEqual(['update']);
    expect(source.state.lastChecked).toBe(firstCheck! + 30_000);
  });

  it('recognises an unchanged body without an update', async () => {
    const { clock, listen, events } = setup(() => json(body(1)));
    listen();
    await clock.advance(60_000);
    expect(events.map((e) => e.type)).toEqual(['update']);
  });

  it('uses the interval asked for, else the feed hint, else 30 s, never under max-age or 5 s', async () => {
    const asked = setup(() => json(body(1)));
    asked.listen(1);
    await asked.clock.advance(0);
    expect(asked.source.interval()).toBe(5_000);

    const plain = setup(() => json(body(1)));
    plain.listen();
    await plain.clock.advance(0);
    expect(plain.source.interval()).toBe(30_000);

    const hintedFeed = body(1);
    (hintedFeed.meta as { pollInterval?: number }).pollInterval = 15;
    const hint = setup(() => json(hintedFeed));
    hint.listen();
    await hint.clock.advance(0);
    expect(hint.source.interval()).toBe(15_000);
    // The hint applies from the first feed on: the second poll comes 15 s after the first.
    await hint.clock.advance(15_000);
    expect(hint.requests).toHaveLength(2);

    const cached = setup(() => json(body(1), { 'Cache-Control': 'public, max-age=20' }));
    cached.listen(10);
    await cached.clock.advance(0);
    expect(cached.source.interval()).toBe(20_000);
    await cached.clock.advance(41_000);
    expect(cached.requests).toHaveLength(3); // 0, 20, 40 s
  });

  it('shares one request per interval between subscribers, at the shortest interval asked', async () => {
    const { clock, listen, requests } = setup(() => json(body(1)));
    listen(60);
    listen(20);
    listen();
    await clock.advance(41_000);
    expect(requests).toHaveLength(3); // 0, 20, 40 s
  });

  it('gives a late subscriber the last good feed at once', async () => {
    const { clock, listen, source, requests } = setup(() => json(body(7)));
    listen();
    await clock.advance(1_000);
    const late: FeedSourceEvent[] = [];
    source.subscribe((_, event) => late.push(event));
    expect(late).toHaveLength(1);
    expect(late[0]!.type === 'update' && late[0]!.feed.meta.revision).toBe(7);
    expect(requests).toHaveLength(1);
  });

  it('stops when the last subscriber leaves: no timers, no listeners, request aborted', async () => {
    const { clock, page, listen, requests } = setup(hang);
    const off1 = listen();
    const off2 = listen();
    await clock.advance(0);
    off1();
    expect(requests[0]!.signal!.aborted).toBe(false);
    off2();
    await flush();
    expect(requests[0]!.signal!.aborted).toBe(true);
    expect(clock.pending).toBe(0); // the aborted request's time limits went with it
    expect(page.listeners).toBe(0);
    await clock.advance(600_000);
    expect(requests).toHaveLength(1);
  });

  it('restarts on a new subscriber after stopping, without waiting when a poll is due', async () => {
    const { clock, listen, requests } = setup(() => json(body(1)));
    const off = listen();
    await clock.advance(0);
    off();
    await clock.advance(40_000);
    listen();
    await clock.advance(0);
    expect(requests).toHaveLength(2);
  });

  it('backs off with jitter on errors, keeps the last good feed and recovers at the first success', async () => {
    let failing = false;
    const { clock, listen, requests, events, source } = setup(
      () => (failing ? new Response('oops', { status: 500 }) : json(body(1))),
      { random: () => 0.999999 },
    );
    listen();
    await clock.advance(0);
    failing = true;
    const start = clock.now();
    const count = requests.length;
    await clock.advance(30_000 + 30_000 + 60_000 + 120_000);
    expect(requests.length - count).toBe(4); // at 30, 60, 120, 240 s after the last success
    expect(source.state.feed?.meta.revision).toBe(1);
    const lastError = events.filter((e) => e.type === 'error').at(-1);
    expect(lastError).toMatchObject({
      type: 'error',
      error: { kind: 'http', reason: 'HTTP 500', status: 500, willRetry: true, retryIn: 240_000, attempt: 4 },
    });
    failing = false;
    await clock.advance(240_000);
    expect(events.at(-1)?.type).toBe('status');
    expect(source.state.error).toBeUndefined();
    const afterRecovery = requests.length;
    await clock.advance(30_000);
    expect(requests.length).toBe(afterRecovery + 1);
    expect(clock.now() - start).toBe(270_000 + 240_000);
  });

  it('honours Retry-After', async () => {
    let i = 0;
    const { clock, listen, requests } = setup(() =>
      i++ === 0 ? new Response('busy', { status: 503, headers: { 'Retry-After': '120' } }) : json(body(1)),
    );
    listen();
    await clock.advance(119_000);
    expect(requests).toHaveLength(1);
    await clock.advance(1_000);
    expect(requests).toHaveLength(2);
  });

  it('times out a request that hangs', async () => {
    const { clock, listen, events } = setup(hang);
    listen();
    await clock.advance(POLLING.timeout);
    expect(events.find((e) => e.type === 'error')).toMatchObject({
      type: 'error',
      error: { kind: 'timeout', reason: 'no response within 10 s' },
    });
  });

  it('keeps the last good feed when a payload is invalid, truncated or HTML, and says why', async () => {
    const bad = [
      () => json({ ...body(2), areas: [{ id: 'A', name: 'A', status: 'won' }] }),
      () => new Response(JSON.stringify(body(2)).slice(0, 40), { status: 200 }),
      () => new Response('<!doctype html><p>Error</p>', { status: 200, headers: { 'Content-Type': 'text/html' } }),
      () =>
        new Response('<!doctype html><p>Error</p>', { status: 200, headers: { 'Content-Type': 'application/json' } }),
    ];
    const reasons: string[] = [];
    for (const makeBad of bad) {
      let i = 0;
      const { clock, listen, source, events } = setup(() => (i++ === 0 ? json(body(1)) : makeBad()));
      listen();
      await clock.advance(30_000);
      expect(source.state.feed?.meta.revision).toBe(1);
      const error = events.at(-1);
      expect(error?.type).toBe('error');
      if (error?.type === 'error') reasons.push(error.error.reason);
    }
    expect(reasons[0]).toBe(
      'invalid feed: areas[0].status: must be one of awaiting, counting, declared, recount, postponed, no-election',
    );
    expect(reasons[1]).toMatch(/^invalid feed: not valid JSON/);
    expect(reasons[2]).toBe('received an HTML page, not a JSON feed');
    expect(reasons[3]).toBe('invalid feed: received HTML, not JSON (an error page?)');
  });

  it('refuses a response larger than allowed', async () => {
    const { clock, listen, events } = setup(() => json(body(1)), { maxBytes: 100 });
    listen();
    await clock.advance(0);
    expect(events.at(-1)).toMatchObject({ type: 'error', error: { kind: 'too-large' } });
  });

  it('ignores an older revision (out-of-order CDN edges)', async () => {
    const revisions = [3, 2, 4];
    const { clock, listen, source, events } = setup((_, i) => json(body(revisions[Math.min(i, 2)]!)));
    listen();
    await clock.advance(30_000);
    expect(source.state.feed?.meta.revision).toBe(3);
    expect(source.state.error).toBeUndefined();
    await clock.advance(30_000);
    expect(source.state.feed?.meta.revision).toBe(4);
    expect(events.map((e) => e.type)).toEqual(['update', 'update']);
    expect(source.state.previous?.meta.revision).toBe(3);
  });

  it('pauses while the page is hidden and checks at once on return if a poll is due', async () => {
    const { clock, page, listen, requests } = setup(() => json(body(1)));
    listen();
    await clock.advance(0);
    page.setHidden(true);
    await clock.advance(300_000);
    expect(requests).toHaveLength(1);
    page.setHidden(false);
    await clock.advance(0);
    expect(requests).toHaveLength(2);
    page.setHidden(true);
    await clock.advance(10_000);
    page.setHidden(false);
    await clock.advance(0);
    expect(requests).toHaveLength(2); // not due yet: waits for the rest of the interval
    await clock.advance(20_000);
    expect(requests).toHaveLength(3);
  });

  it('waits while offline and checks when the connection returns', async () => {
    const { clock, page, listen, requests } = setup(() => json(body(1)));
    listen();
    await clock.advance(0);
    page.offline = true;
    await clock.advance(120_000);
    expect(requests).toHaveLength(2); // the poll already scheduled before going offline
    page.setOffline(false);
    await clock.advance(0);
    expect(requests).toHaveLength(3);
  });

  it('becomes stale after 3 intervals without a successful check, and fresh again on success', async () => {
    let failing = false;
    const { clock, listen, events, source, logger } = setup(
      () => (failing ? Promise.reject(new TypeError('Failed to fetch')) : json(body(1))),
      { random: () => 0 },
    );
    listen();
    await clock.advance(0);
    failing = true;
    await clock.advance(89_000);
    expect(source.state.stale).toBe(false);
    await clock.advance(1_000);
    expect(source.state.stale).toBe(true);
    expect(events.filter((e) => e.type === 'stale')).toHaveLength(1);
    expect(logger.warn.mock.calls.some((call) => String(call[0]).includes('results may be out of date'))).toBe(true);
    failing = false;
    await clock.advance(5_000);
    expect(source.state.stale).toBe(false);
  });

  it('reports "checking" only for slow checks', async () => {
    let release: ((response: Response) => void) | undefined;
    const { clock, listen, events, source } = setup((_, i) =>
      i === 0 ? json(body(1)) : new Promise<Response>((resolve) => (release = resolve)),
    );
    listen();
    await clock.advance(30_000 + 999);
    expect(events.map((e) => e.type)).toEqual(['update']);
    await clock.advance(1);
    expect(source.state.checking).toBe(true);
    expect(events.map((e) => e.type)).toEqual(['update', 'status']);
    release!(json(body(2)));
    await flush();
    expect(source.state.checking).toBe(false);
    // The update itself says the check is over: no separate status event after it.
    expect(events.map((e) => e.type)).toEqual(['update', 'status', 'update']);
    expect(events.at(-1)!.type === 'update' && !source.state.checking).toBe(true);
  });

  it('never lets a throwing listener stop the others', async () => {
    const { clock, source } = setup(() => json(body(1)));
    const seen: number[] = [];
    source.subscribe(() => {
      throw new Error('broken widget');
    });
    source.subscribe((snapshot) => seen.push(snapshot.feed!.meta.revision));
    await clock.advance(0);
    expect(seen).toEqual([1]);
  });

  it('never shows an older revision, whatever order the revisions arrive in', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 8 }), async (revisions) => {
        let next = 0;
        const { clock, source } = setup(() => json(body(revisions[Math.min(next++, revisions.length - 1)]!)));
        const shown: number[] = [];
        source.subscribe((snapshot) => snapshot.feed && shown.push(snapshot.feed.meta.revision));
        await clock.advance(0);
        for (let i = 1; i < revisions.length; i++) await source.refresh();
        for (let i = 1; i < shown.length; i++) if (shown[i]! < shown[i - 1]!) return false;
        return source.state.feed?.meta.revision === Math.max(...revisions);
      }),
      { numRuns: 200 },
    );
  });

  it('makes one request at a time: a refresh while a check is in flight joins it', async () => {
    const resolvers: ((response: Response) => void)[] = [];
    const { clock, source, requests, listen } = setup(
      () => new Promise<Response>((resolve) => resolvers.push(resolve)),
    );
    listen();
    await clock.advance(0);
    const joined = [source.refresh(), source.refresh(), source.refresh()];
    await flush();
    expect(requests).toHaveLength(1);
    resolvers[0]!(json(body(3)));
    await Promise.all(joined);
    expect(source.state.feed?.meta.revision).toBe(3);
    void source.refresh();
    await flush();
    expect(requests).toHaveLength(2);
  });
});

describe('feedSourceFor', () => {
  it('returns one source per URL', () => {
    const a = feedSourceFor('https://cdn.example/a.json', { logger: quietLogger });
    expect(feedSourceFor('https://cdn.example/a.json')).toBe(a);
    expect(feedSourceFor('https://cdn.example/b.json')).not.toBe(a);
  });
});
