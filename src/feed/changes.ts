/**
 * What changed between two feeds: the detail of `tally-feed-update`, and the input to the
 * ticker and to "newly declared" highlights. Areas are compared by id.
 */
import type { Area, Feed } from './schema.js';
import { controlAfter } from './lookup.js';
import { sameJson } from './same-json.js';

export interface FeedChanges {
  /** Revision of the previous feed, or undefined on the first feed. */
  readonly fromRevision: number | undefined;
  readonly toRevision: number;
  /** Areas declared in `next` that were not declared in `previous`. */
  readonly declared: readonly string[];
  /** Areas declared in both whose control or results changed: corrections. */
  readonly corrected: readonly string[];
  /** Areas whose status changed to recount. */
  readonly recounts: readonly string[];
  /** Areas whose status changed in any other way (counting, postponed, withdrawn declarations). */
  readonly statusChanged: readonly string[];
  /** Areas added to or removed from the feed. */
  readonly added: readonly string[];
  readonly removed: readonly string[];
  /** True when the summary (state of parties) changed. */
  readonly summaryChanged: boolean;
  /** Event ids new in `next`. */
  readonly newEvents: readonly string[];
  /** True when nothing a reader could see changed. */
  readonly empty: boolean;
}

/**
 * Comparisons already made: the feed source, every widget's FeedController and the ticker all
 * ask for the same pair, and feeds are immutable. Weak on both feeds: an entry for a feed must
 * not hold the feed before it, or every feed of the night stays in memory through a chain of
 * entries (each feed kept alive by the entry of the one after it).
 */
const comparisons = new WeakMap<Feed, WeakMap<Feed, FeedChanges>>();
const firstComparisons = new WeakMap<Feed, FeedChanges>();

/** Compare two feeds. With no previous feed, every declared area counts as newly declared. */
export function feedChanges(previous: Feed | undefined, next: Feed): FeedChanges {
  if (!previous) {
    let changes = firstComparisons.get(next);
    if (!changes) firstComparisons.set(next, (changes = compareFeeds(undefined, next)));
    return changes;
  }
  let byPrevious = comparisons.get(next);
  if (!byPrevious) comparisons.set(next, (byPrevious = new WeakMap()));
  let changes = byPrevious.get(previous);
  if (!changes) byPrevious.set(previous, (changes = compareFeeds(previous, next)));
  return changes;
}

function compareFeeds(previous: Feed | undefined, next: Feed): FeedChanges {
  const before = new Map((previous?.areas ?? []).map((area) => [area.id, area]));
  const declared: string[] = [];
  const corrected: string[] = [];
  const recounts: string[] = [];
  const statusChanged: string[] = [];
  const added: string[] = [];
  for (const area of next.areas) {
    const old = before.get(area.id);
    before.delete(area.id);
    if (!old) {
      if (previous) added.push(area.id);
      if (area.status === 'declared') declared.push(area.id);
      continue;
    }
    if (old === area) continue;
    if (area.status === 'declared' && old.status !== 'declared') declared.push(area.id);
    else if (area.status === 'declared' && resultChanged(old, area)) corrected.push(area.id);
    else if (area.status === 'recount' && old.status !== 'recount') recounts.push(area.id);
    else if (area.status !== old.status) statusChanged.push(area.id);
  }
  const removed = previous ? [...before.keys()] : [];
  const oldEvents = new Set((previous?.events ?? []).map((event) => event.id));
  const newEvents = (next.events ?? []).filter((event) => !oldEvents.has(event.id)).map((event) => event.id);
  const summaryChanged = !sameJson(previous?.summary, next.summary);
  const empty =
    previous !== undefined &&
    declared.length +
      corrected.length +
      recounts.length +
      statusChanged.length +
      added.length +
      removed.length +
      newEvents.length ===
      0 &&
    !summaryChanged;
  // Shared by everyone who asks (and handed to host pages in events): frozen.
  return Object.freeze({
    fromRevision: previous?.meta.revision,
    toRevision: next.meta.revision,
    declared: Object.freeze(declared),
    corrected: Object.freeze(corrected),
    recounts: Object.freeze(recounts),
    statusChanged: Object.freeze(statusChanged),
    added: Object.freeze(added),
    removed: Object.freeze(removed),
    summaryChanged,
    newEvents: Object.freeze(newEvents),
    empty,
  });
}

/** Control or any result figure differs. */
export function resultChanged(a: Area, b: Area): boolean {
  if (controlAfter(a) !== controlAfter(b) || a.control?.before !== b.control?.before) return true;
  return !sameJson(a.results ?? [], b.results ?? []);
}
