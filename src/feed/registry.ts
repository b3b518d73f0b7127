/**
 * One feed source per feed URL per page. The registry lives on `globalThis` under a
 * versioned symbol, so two copies of the bundle on one page (a CMS that includes the
 * script twice) still share one poller per URL.
 */
import { FeedSource, type FeedSourceOptions } from './source.js';
import { prefetchingFetch } from './prefetch.js';

const REGISTRY = Symbol.for('tally.feed-sources.v1');

type Registry = Map<string, FeedSource>;

function registry(): Registry {
  const holder = globalThis as unknown as Record<symbol, Registry | undefined>;
  return (holder[REGISTRY] ??= new Map());
}

/** The absolute form of a feed URL, so "feed.json" and "/feed.json" on one page are one source. */
export function absoluteFeedUrl(url: string): string {
  try {
    const base = typeof document !== 'undefined' ? document.baseURI : undefined;
    return new URL(url, base).href;
  } catch {
    return url;
  }
}

/** The shared source for `url`, created on first use. Options apply only when it is created. */
export function feedSourceFor(url: string, options?: FeedSourceOptions): FeedSource {
  const key = absoluteFeedUrl(url);
  const sources = registry();
  let source = sources.get(key);
  if (!source) {
    // A first check may take the request the script-tag loader started early (./prefetch.ts).
    source = new FeedSource(key, {
      ...options,
      fetch: prefetchingFetch(options?.fetch ?? ((input, init) => globalThis.fetch(input, init))),
    });
    sources.set(key, source);
  }
  return source;
}

/** Forget every source with no subscribers (tests, and pages that swap many feeds). */
export function releaseIdleFeedSources(): void {
  const sources = registry();
  for (const [url, source] of sources) if (source.size === 0) sources.delete(url);
}
