/**
 * The feed source on bad networks and with careless publishers (issue 10), in Node with a fake
 * clock: a slow but steady download completes (a reader on a slow phone connection still gets
 * the 650-constituency feed), a download that stalls or drags on is abandoned with a reason
 * that says which, and a feed republished under the same revision is named on the console.
 */
import { describe, expect, it, vi } from 'vitest';
import { FeedSource, POLLING, type FeedSourceEvent } from '../../src/feed/source.js';
import { FakeClock, FakePage, flush } from './support/fake-clock.js';
import { council, rawFeed } from './support/feed.js';

const URL_ = 'https://cdn.example/feed.json';
const body = (revision: number, extra: Record<string, unknown> = {}) => ({
  ...rawFeed([council('A', 'con', 'con')], { revision }),
  ...extra,
});

/**
 * A response whose body arrives in `chunks` pieces, one every `everyMs` of fake time, as a slow
 * connection delivers it; aborting the request's signal errors the body, as a browser does.
 */
function slowResponse(
  clock: FakeClock,
  text: string,
  chunks: number,
  everyMs: number,
  signal: AbortSignal | undefined,
  stallAfter = Infinity,
): Response {
  const bytes = new TextEncoder().encode(text);
  const size = Math.ceil(bytes.length / chunks);
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      signal?.addEventListener('abort', () => controller.error(signal.reason), { once: true });
      const next = () => {
        if (signal?.aborted) return;
        if (sent >= bytes.length) return controller.close();
        if (sent / size >= stallAfter) return; // the connection goes quiet
        controller.enqueue(bytes.subarray(sent, sent + size));
        sent += size;
        clock.setTimeout(next, everyMs);
      };
      clock.setTimeout(next, everyMs);
    },
  });
  return new Response(stream, { status: 200, headers: { 'Content-Type': 'application/json' } });
}

function setup(
  respond: (signal: AbortSignal | undefined, index: number, clock: FakeClock) => Response | Promise<Response>,
) {
  const clock = new FakeClock();
  const logger = { warn: vi.fn(), info: vi.fn() };
  let index = 0;
  const fetch = (async (_input: RequestInfo | URL, init: RequestInit = {}) =>
    respond(init.signal ?? undefined, index++, clock)) as typeof globalThis.fetch;
  const source = new FeedSource(URL_, { fetch, clock, environment: new FakePage(), random: () => 0.5, logger });
  const events: FeedSourceEvent[] = [];
  source.subscribe((_, event) => events.push(event), { interval: 5 });
  return { clock, source, events, logger };
}

describe('slow networks', () => {
  it('a download that keeps coming, however long it takes in all, completes (60 KB/s for the 2019 feed is 14 s)', async () => {
    // 30 pieces, one a second: 30 s in all, three times the 10 s timeout.
    const { clock, source, events } = setup((signal, _i, c) =>
      slowResponse(c, JSON.stringify(body(1)), 30, 1_000, signal),
    );
    await clock.advance(31_000);
    expect(events.filter((event) => event.type === 'error')).toEqual([]);
    expect(source.state.feed?.meta.revision).toBe(1);
  });

  it('a download that stalls (nothing for 10 s) is abandoned, and says so', async () => {
    const { clock, source, events } = setup((signal, _i, c) =>
      slowResponse(c, JSON.stringify(body(1)), 30, 1_000, signal, 5),
    );
    await clock.advance(5_000 + POLLING.timeout + 1_000);
    const error = events.find((event) => event.type === 'error');
    expect(error).toMatchObject({
      type: 'error',
      error: { kind: 'timeout', reason: 'the download stalled: nothing received for 10 s' },
    });
    expect(source.state.feed).toBeUndefined();
  });

  it('a download that drags on past the longest a check may take is abandoned', async () => {
    // A piece every 9 s never stalls, but 40 pieces would take 6 minutes.
    const { clock, events } = setup((signal, _i, c) => slowResponse(c, JSON.stringify(body(1)), 40, 9_000, signal));
    await clock.advance(POLLING.maxDuration + 1_000);
    expect(events.find((event) => event.type === 'error')).toMatchObject({
      type: 'error',
      error: { kind: 'timeout', reason: `the download took longer than ${POLLING.maxDuration / 1000} s` },
    });
  });

  it('no response at all is still abandoned after 10 s', async () => {
    const { clock, events } = setup(
      (signal) =>
        new Promise<Response>((_, reject) =>
          signal?.addEventListener('abort', () => reject(signal.reason), { once: true }),
        ),
    );
    await clock.advance(POLLING.timeout);
    expect(events.find((event) => event.type === 'error')).toMatchObject({
      type: 'error',
      error: { kind: 'timeout', reason: 'no response within 10 s' },
    });
  });

  it('leaves no timer behind once a check is over', async () => {
    const { clock, source } = setup(
      () => new Response(JSON.stringify(body(1)), { status: 200, headers: { 'Content-Type': 'application/json' } }),
    );
    await clock.advance(0);
    await flush();
    expect(source.state.feed?.meta.revision).toBe(1);
    // The next poll and the stale check; no request timers.
    expect(clock.pending).toBe(2);
  });
});

describe('careless publishers', () => {
  it('the same revision republished with other content: the first one stays, and the console says why, once', async () => {
    const { clock, source, events, logger } = setup(
      (_signal, i) =>
        new Response(JSON.stringify(body(7, i === 0 ? {} : { areas: [council('A', 'con', 'lab')] })), {
          status: 200,
          headers: { 'Content-Type': 'application/json', ETag: `"v${i}"` },
        }),
    );
    await clock.advance(20_000);
    expect(source.state.feed?.areas[0]?.control?.after).toBe('con');
    expect(events.filter((event) => event.type === 'update')).toHaveLength(1);
    const said = logger.warn.mock.calls
      .map((call) => String(call[0]))
      .filter((line) => line.includes('revision 7 again'));
    expect(said).toEqual([
      `[tally] ${URL_}: revision 7 again with different content; ignored (meta.revision must increase with every publication)`,
    ]);
  });
});
