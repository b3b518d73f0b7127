/**
 * The ticker's memory across feeds: which items are on screen, which arrived while the reader
 * was looking (held back behind a "3 new results" button), and the feed they were last
 * compared with. Pure: every step returns a new timeline and never changes its inputs.
 *
 * The first feed fills the list with everything it implies and counts as nothing new (a page
 * opened at 3 a.m. must not announce 200 results). Every later feed is compared with the last
 * one taken in, so no item is lost when two updates arrive between renders, and the same feed
 * twice adds nothing. A feed for a different election starts again.
 */
import type { Feed } from '../feed/schema.js';
import { mergeTickerItems, tickerItemsFromChanges, tickerItemsFromFeed, type TickerItem } from './ticker-items.js';

/** Items kept in memory, whatever the display limit: filters apply to this history. */
export const TICKER_HISTORY_LIMIT = 1000;

export interface TickerTimeline {
  /** The last feed taken in. */
  readonly feed: Feed | undefined;
  /** Items on screen (before filtering), newest first. */
  readonly items: readonly TickerItem[];
  /** Items that arrived while held, newest first; not on screen yet. */
  readonly pending: readonly TickerItem[];
}

export const EMPTY_TIMELINE: TickerTimeline = { feed: undefined, items: [], pending: [] };

export interface TimelineStep {
  readonly timeline: TickerTimeline;
  /** Items new with this feed, newest first (empty for a first feed). */
  readonly fresh: readonly TickerItem[];
  /** True when this feed started the timeline again (first feed, or another election). */
  readonly restarted: boolean;
}

export interface AdvanceOptions {
  /** Hold new items back instead of showing them (the reader is reading, or paused). */
  readonly hold: boolean;
  /** Most items kept in `items` and `pending`. */
  readonly limit?: number;
}

/** Take in a feed. */
export function advanceTimeline(timeline: TickerTimeline, feed: Feed, options: AdvanceOptions): TimelineStep {
  const limit = options.limit ?? TICKER_HISTORY_LIMIT;
  if (timeline.feed === feed) return { timeline, fresh: [], restarted: false };
  if (!timeline.feed || timeline.feed.meta.election.id !== feed.meta.election.id) {
    return {
      timeline: { feed, items: tickerItemsFromFeed(feed).slice(0, limit), pending: [] },
      fresh: [],
      restarted: true,
    };
  }
  const known = new Set([...timeline.items, ...timeline.pending].map((item) => item.id));
  const fresh = tickerItemsFromChanges(timeline.feed, feed).filter((item) => !known.has(item.id));
  if (fresh.length === 0) return { timeline: { ...timeline, feed }, fresh, restarted: false };
  const next = options.hold
    ? { feed, items: timeline.items, pending: mergeTickerItems(timeline.pending, fresh, limit) }
    : // Not holding: anything still held from before goes on screen too.
      { feed, items: mergeTickerItems(timeline.items, [...timeline.pending, ...fresh], limit), pending: [] };
  return { timeline: next, fresh, restarted: false };
}

/** Put every held item on screen. */
export function revealPending(timeline: TickerTimeline, limit = TICKER_HISTORY_LIMIT): TickerTimeline {
  if (timeline.pending.length === 0) return timeline;
  return { ...timeline, items: mergeTickerItems(timeline.items, timeline.pending, limit), pending: [] };
}

/**
 * Ids of items that a later item corrects (a correction's `corrects`), so the original can
 * say it was corrected.
 */
export function correctedIds(items: readonly TickerItem[]): Set<string> {
  const ids = new Set<string>();
  for (const item of items) if (item.kind === 'correction' && item.corrects !== undefined) ids.add(item.corrects);
  return ids;
}
