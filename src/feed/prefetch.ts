/**
 * The feed request the script-tag loader starts early (src/embed/feed-prefetch.ts) is handed to
 * the feed source here, so the widget's first check uses it instead of asking again: one
 * request, started while the widget's code is still on its way.
 *
 * The two sides share nothing but this global (the loader imports no module the widgets use, so
 * that its chunks are never loaded twice): a map from absolute feed URL to the response promise
 * and when it was started. An entry is used once, only by a first request (no validators), and
 * only while fresh; the request is the one the source would make (same headers, cache mode and
 * credentials), so the browser treats both alike.
 */
export const PREFETCH = Symbol.for('tally.feed-prefetch.v1');

/** How long an early response stays good for a first check. */
export const PREFETCH_FRESH_MS = 10_000;

export interface Prefetched {
  readonly response: Promise<Response>;
  /** `performance.now()` when the request started. */
  readonly startedAt: number;
}

export type PrefetchMap = Map<string, Prefetched>;

/**
 * A fetch that answers a first request for a prefetched URL with the early response (raced
 * against the caller's abort signal), and every other request with `fetch`.
 */
export function prefetchingFetch(fetch: typeof globalThis.fetch): typeof globalThis.fetch {
  return (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const early = takePrefetched(url, init);
    if (!early) return fetch(input, init);
    const signal = init?.signal;
    if (!signal) return early;
    return new Promise<Response>((resolve, reject) => {
      if (signal.aborted) return reject(signal.reason);
      signal.addEventListener('abort', () => reject(signal.reason), { once: true });
      early.then(resolve, reject);
    });
  };
}

function takePrefetched(url: string, init: RequestInit | undefined): Promise<Response> | undefined {
  const map = (globalThis as unknown as Record<symbol, PrefetchMap | undefined>)[PREFETCH];
  const entry = map?.get(url);
  if (!entry) return undefined;
  map!.delete(url);
  const headers = new Headers(init?.headers);
  if (headers.has('If-None-Match') || headers.has('If-Modified-Since')) return undefined;
  if (performance.now() - entry.startedAt > PREFETCH_FRESH_MS) return undefined;
  return entry.response;
}
