/**
 * The ticker events a publication adds: declarations, changes of control, recounts and
 * corrections, derived from the difference between the feed last published and the next one by
 * the same code the ticker uses when a feed has no events (src/derive/ticker-items.ts), and
 * written into the feed so every reader sees the same items with the same ids.
 *
 * Ids are stable: they come from the area and, for corrections and recounts, the revision that
 * published them ("declared:E05010881", "corrected:E05010881:42"); a publication never reuses
 * one (a ward declared again after a recount gets "declared:E05010881:57").
 */
import type { Feed, FeedEvent } from '../../feed/schema.js';
import { NO_OVERALL_CONTROL } from '../../feed/schema.js';
import { feedChanges, type FeedChanges } from '../../feed/changes.js';
import { tickerItemsFromChanges, tickerItemsFromFeed, type TickerItem } from '../../derive/ticker-items.js';

/** The feed without events: what the ticker compares. */
export function withoutEvents(feed: Feed): Feed {
  if (feed.events === undefined) return feed;
  const { events: _events, ...rest } = feed;
  return rest;
}

function eventOf(item: TickerItem, id: string): FeedEvent {
  const event: Record<string, unknown> = { id, kind: item.kind, at: item.at };
  if (item.area !== undefined) event.area = item.area;
  if (item.party !== undefined) event.party = item.party;
  if (item.from !== undefined) event.from = item.from;
  if (item.to !== undefined) event.to = item.to;
  if (item.corrects !== undefined) event.corrects = item.corrects;
  if (item.url !== undefined) event.url = item.url;
  return event as FeedEvent;
}

export interface DerivedEvents {
  /** The events new in this publication, oldest first. */
  readonly added: readonly FeedEvent[];
  /** What changed between the two feeds (areas declared, corrected, ...). */
  readonly changes: FeedChanges;
}

/**
 * Events for the step from `previous` (undefined for the first publication: every area declared
 * so far gets its declaration) to `next`, whose `meta.revision` is already the new one.
 * `taken`: ids already in the feed, never reused.
 */
export function deriveEvents(previous: Feed | undefined, next: Feed, taken: ReadonlySet<string>): DerivedEvents {
  const before = previous && withoutEvents(previous);
  const after = withoutEvents(next);
  const items = before ? tickerItemsFromChanges(before, after) : tickerItemsFromFeed(after);
  const used = new Set(taken);
  const added: FeedEvent[] = [];
  // The feed lists events in the order they happened; items made at the same time keep the order they were made in.
  const times = items.map((item) => Date.parse(item.at));
  const order = items.map((_, index) => index).sort((a, b) => times[a]! - times[b]! || a - b);
  for (const item of order.map((index) => items[index]!)) {
    let id = item.id;
    if (used.has(id)) id = `${item.id}:${next.meta.revision}`;
    for (let n = 2; used.has(id); n++) id = `${item.id}:${next.meta.revision}:${n}`;
    used.add(id);
    added.push(eventOf(item, id));
  }
  return { added, changes: feedChanges(before, after) };
}

/**
 * Events of the last publication that still make sense in `next`: those about an area or party
 * that is no longer in the feed are dropped (the feed would not validate with them).
 */
export function keptEvents(events: readonly FeedEvent[], next: Feed): { kept: FeedEvent[]; dropped: FeedEvent[] } {
  const areas = new Set(next.areas.map((area) => area.id));
  const parties = new Set(next.parties.map((party) => party.id));
  const control = (id: string | undefined) => id === undefined || id === NO_OVERALL_CONTROL || parties.has(id);
  const kept: FeedEvent[] = [];
  const dropped: FeedEvent[] = [];
  for (const event of events) {
    const fits =
      (event.area === undefined || areas.has(event.area)) &&
      (event.party === undefined || parties.has(event.party)) &&
      control(event.from) &&
      control(event.to);
    (fits ? kept : dropped).push(event);
  }
  return { kept, dropped };
}
