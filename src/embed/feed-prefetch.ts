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

/** Start fetching `element`'s feed, unless it has none, it is inline, a source has it already, or the page is hidden. */
export function prefetchFeed(element: Element): void {
  const src = element.getAttribute('src');
  if (!src || typeof fetch !== 'function' || document.visibilityState === 'hidden') return;
  if (element.querySelector(':scope > script[type="application/json"]')) return;
  let url: URL;
  try {
    url = new URL(src, document.baseURI);
  } catch {
    return;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return;
  const holder = globalThis as unknown as Holder;
  const early = (holder[PREFETCH] ??= new Map());
  if (early.has(url.href) || holder[SOURCES]?.has(url.href)) return;
  const sameOrigin = url.origin === location.origin;
  const init: RequestInit = { headers: { Accept: 'application/json' }, cache: sameOrigin ? 'no-store' : 'no-cache', credentials: 'omit' };
  const response = fetch(url.href, init);
  // A failure is the feed source's to report, when it takes this response; until then it is not unhandled.
  response.catch(() => undefined);
  early.set(url.href, { response, startedAt: performance.now() });
}
