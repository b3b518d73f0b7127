/**
 * The loader's side of the early feed request (the widget's side, and the contract: ../feed/prefetch.ts).
 * When an element with a `src` first appears, the loader asks for its feed at once, while the
 * element's code is still on its way; the feed source's first check then takes that response
 * instead of asking again. Kept apart from the feed code on purpose (the loader imports nothing
 * the widget chunks use), so the symbol and the request are spelled out again here, and
 * test/unit/embed/feed-prefetch.test.ts checks that both sides agree.
 */
const PREFETCH = Symbol.for('tally.feed-prefetch.v1');
/** The page's feed sources, by absolute URL (../feed/registry.ts): a feed already polled needs no early request. */
const SOURCES = Symbol.for('tally.feed-sources.v1');

type Holder = Record<symbol, Map<string, unknown> | undefined>;

/** The absolute http(s) URL of `value`, or undefined. */
function httpUrl(value: string | null): URL | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value, document.baseURI);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}

function remember(url: URL, start: () => Promise<Response>): void {
  const holder = globalThis as unknown as Holder;
  const early = (holder[PREFETCH] ??= new Map());
  if (early.has(url.href) || holder[SOURCES]?.has(url.href)) return;
  const response = start();
  // A failure is the widget's to report, when it takes this response; until then it is not unhandled.
  response.catch(() => undefined);
  early.set(url.href, { response, startedAt: performance.now() });
}

/**
 * Start fetching `element`'s feed (and a council list's map layout, `layout-src`), unless it has
 * none, the feed is inline, a source has it already, or the page is hidden.
 */
export function prefetchFeed(element: Element): void {
  if (typeof fetch !== 'function' || document.visibilityState === 'hidden') return;
  const feed = httpUrl(element.getAttribute('src'));
  if (feed && !element.querySelector(':scope > script[type="application/json"]')) {
    // The request the feed source's first check makes (FeedSource.request in ../feed/source.ts).
    const sameOrigin = feed.origin === location.origin;
    const init: RequestInit = {
      headers: { Accept: 'application/json' },
      cache: sameOrigin ? 'no-store' : 'no-cache',
      credentials: 'omit',
    };
    remember(feed, () => fetch(feed.href, init));
  }
  // The request the council list's layout controller makes (../components/council-list/layout-controller.ts).
  const layout = httpUrl(element.getAttribute('layout-src'));
  if (layout) remember(layout, () => fetch(layout.href));
}
