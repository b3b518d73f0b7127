/**
 * prefetchingFetch (src/feed/prefetch.ts): the first request for a URL the script-tag loader
 * asked for early takes that response instead of asking again; anything else is fetched.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PREFETCH, PREFETCH_FRESH_MS, prefetchingFetch, type PrefetchMap } from '../../../src/feed/prefetch.js';

const URL_A = 'https://results.example.org/feed.json';
const holder = globalThis as unknown as Record<symbol, PrefetchMap | undefined>;

function prefetch(url: string, response: Promise<Response>, startedAt = performance.now()): void {
  (holder[PREFETCH] ??= new Map()).set(url, { response, startedAt });
}

afterEach(() => {
  holder[PREFETCH]?.clear();
  vi.useRealTimers();
});

describe('prefetchingFetch', () => {
  it('answers the first request for a prefetched URL with the early response, once; then fetches', async () => {
    const early = new Response('early');
    const fetch = vi.fn(async () => new Response('late'));
    prefetch(URL_A, Promise.resolve(early));
    const fetching = prefetchingFetch(fetch);
    expect(await fetching(URL_A, { headers: { Accept: 'application/json' } })).toBe(early);
    expect(fetch).not.toHaveBeenCalled();
    expect(await (await fetching(URL_A)).text()).toBe('late');
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('fetches a URL nobody asked for early', async () => {
    const fetch = vi.fn(async () => new Response('fetched'));
    prefetch(URL_A, Promise.resolve(new Response('early')));
    expect(await (await prefetchingFetch(fetch)('https://results.example.org/other.json')).text()).toBe('fetched');
  });

  it('never answers a conditional request (a later poll) with the early response', async () => {
    const fetch = vi.fn(async () => new Response(null, { status: 304 }));
    prefetch(URL_A, Promise.resolve(new Response('early')));
    const response = await prefetchingFetch(fetch)(URL_A, { headers: { 'If-None-Match': '"abc"' } });
    expect(response.status).toBe(304);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it(`drops an early response older than ${PREFETCH_FRESH_MS / 1000} s (a tab that was hidden) and asks again`, async () => {
    const fetch = vi.fn(async () => new Response('fresh'));
    prefetch(URL_A, Promise.resolve(new Response('old')), performance.now() - PREFETCH_FRESH_MS - 1);
    expect(await (await prefetchingFetch(fetch)(URL_A)).text()).toBe('fresh');
  });

  it("gives up on the early response when the caller's signal aborts (a timeout), with the signal's reason", async () => {
    const controller = new AbortController();
    prefetch(URL_A, new Promise<Response>(() => {}));
    const pending = prefetchingFetch(vi.fn())(URL_A, { signal: controller.signal });
    controller.abort(new Error('no answer within 10 s'));
    await expect(pending).rejects.toThrow('no answer within 10 s');
  });

  it('passes a failed early request on to the caller, as a fetch of its own would fail', async () => {
    prefetch(URL_A, Promise.reject(new TypeError('Failed to fetch')));
    await expect(prefetchingFetch(vi.fn())(URL_A)).rejects.toThrow('Failed to fetch');
  });
});
