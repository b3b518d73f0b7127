/**
 * What changed between two feeds: the detail of `tally-feed-update`, and the input to the
 * ticker and to "newly declared" highlights. Areas are compared by id.
 */
import type { Area, Feed } from '../feed/schema.js';
import { controlAfter } from './area-outcome.js';
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
 * The last comparison made for each feed: the feed source, every widget's FeedController and
 * the ticker all ask for the same pair, and feeds are immutable.
 */
const lastComparison = new WeakMap<Feed, { readonly previous: Feed | undefined; readonly changes: FeedChanges }>();

/** Compare two feeds. With no previous feed, every declared area counts as newly declared. */
export function feedChanges(previous: Feed | undefined, next: Feed): FeedChanges {
  const last = lastComparison.get(next);
  if (last && last.previous === previous) return last.changes;
  const changes = compareFeeds(previous, next);
  lastComparison.set(next, { previous, changes });
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
    declared.length + corrected.length + recounts.length + statusChanged.length + added.length + removed.length + newEvents.length === 0 &&
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
