/**
 * Replay an election night: the feed as it stood at a moment, given the final feed and when
 * each area declared. For demos, load tests and widget development against real data.
 *
 * Pure: the inputs are never changed, the same arguments give the same feed, and the result
 * is validated (and frozen) like any feed.
 */
import { assertFeed } from '../feed/validate.js';
import type { Area, Feed, FeedInput, Summary } from '../feed/schema.js';
import { isoSeconds } from './local-time.js';

/** When each area declares: area id → milliseconds since the epoch. */
export type DeclarationTimeline = ReadonlyMap<string, number> | Readonly<Record<string, number>>;

export interface ReplayOptions {
  /**
   * When each area declared. Areas in the timeline are shown undeclared until their time.
   * Areas not in it are shown as they are in the final feed throughout (a postponed poll, an
   * area with no election). Every id must be an area of the feed.
   */
  timeline: DeclarationTimeline;
  /** The start of the night: `dataChangedAt` before anything has happened. Default: the first change. */
  start?: number;
  /**
   * Minutes before its declaration that an area shows as "counting". Default 0: areas go
   * straight from awaiting to declared, because sources rarely say when a count began.
   */
  countingMinutes?: number;
  /**
   * The publisher's state of parties as it was published during the night, each with
   * `declared` ("after 94 of 150"). At any moment the latest snapshot whose `declared` is at
   * most the number of areas declared is attached; before the first, none. Without this list,
   * the final feed's summary is attached once every area in the timeline has declared.
   */
  snapshots?: readonly Summary[];
  /** Appended to the election title: " (replay)". */
  titleSuffix?: string;
  /** Replaces the final feed's `meta.note`, to say how the night is replayed. */
  note?: string;
  /** The revision before anything has happened. Default 1. */
  firstRevision?: number;
}

/** Fields an area has before its result: who held it, its size, where it is. */
const BEFORE_RESULT_FIELDS = [
  'id',
  'name',
  'shortName',
  'region',
  'type',
  'translations',
  'seats',
  'electorate',
  'baseline',
  'note',
  'url',
] as const;

/** What is known about an area before it declares. `status` is awaiting or counting. */
export function undeclaredArea(area: Area, status: 'awaiting' | 'counting'): Area {
  const kept: Record<string, unknown> = {};
  for (const field of BEFORE_RESULT_FIELDS) {
    if (area[field] !== undefined) kept[field] = area[field];
  }
  const before = area.control?.before;
  return { ...kept, status, ...(before !== undefined ? { control: { before } } : {}) } as Area;
}

function timelineEntries(timeline: DeclarationTimeline): [string, number][] {
  return timeline instanceof Map ? [...timeline] : Object.entries(timeline as Readonly<Record<string, number>>);
}

/** The feed as it stood at `time` (milliseconds since the epoch). */
export function replayFeed(final: Feed, time: number, options: ReplayOptions): Feed {
  if (!Number.isFinite(time)) throw new RangeError(`replay time ${time} is not a number of milliseconds`);
  const declarations = new Map<string, number>();
  const areaIds = new Set(final.areas.map((area) => area.id));
  for (const [id, at] of timelineEntries(options.timeline)) {
    if (!areaIds.has(id)) throw new RangeError(`the timeline names '${id}', which is not an area of the feed`);
    if (!Number.isFinite(at)) throw new RangeError(`the timeline time for '${id}' is not a number`);
    declarations.set(id, at);
  }
  const countingMs = Math.max(0, options.countingMinutes ?? 0) * 60_000;

  // Every change the replay makes, as times: declarations, counts starting, events. The
  // revision counts them, so it only ever goes up as `time` goes up.
  const changes: number[] = [];
  let timelineDeclared = 0;
  const areas = final.areas.map((area) => {
    const at = declarations.get(area.id);
    if (at === undefined) return area;
    if (countingMs > 0) changes.push(at - countingMs);
    changes.push(at);
    if (at <= time) {
      timelineDeclared += 1;
      return area;
    }
    return undeclaredArea(area, countingMs > 0 && at - countingMs <= time ? 'counting' : 'awaiting');
  });
  const declared = areas.filter((area) => area.status === 'declared').length;

  const events = final.events?.filter((event) => Date.parse(event.at) <= time);
  for (const event of final.events ?? []) changes.push(Date.parse(event.at));

  let summary: Summary | undefined;
  let summariesAttached = 0;
  if (options.snapshots) {
    const ordered = options.snapshots.map((snapshot, index) => {
      if (snapshot.declared === undefined)
        throw new RangeError(`snapshot ${index} does not say how many areas it covers (declared)`);
      return snapshot;
    });
    ordered.sort((a, b) => a.declared! - b.declared!);
    for (const snapshot of ordered) {
      if (snapshot.declared! <= declared) {
        summary = snapshot;
        summariesAttached += 1;
      }
    }
  } else if (final.summary && timelineDeclared === declarations.size) {
    summary = final.summary;
    summariesAttached = 1;
  }

  const past = changes.filter((at) => at <= time);
  const start = options.start ?? (changes.length > 0 ? Math.min(...changes) : time);
  const lastChange = past.length > 0 ? Math.max(...past) : Math.min(start, time);
  const revision = (options.firstRevision ?? 1) + past.length + summariesAttached;

  const { summary: _finalSummary, events: _finalEvents, ...rest } = final;
  const meta = { ...final.meta };
  const note = options.note ?? final.meta.note;
  if (note === undefined) delete meta.note;
  const replayed: FeedInput = {
    ...rest,
    meta: {
      ...meta,
      election: { ...final.meta.election, title: `${final.meta.election.title}${options.titleSuffix ?? ''}` },
      revision,
      generatedAt: isoSeconds(time),
      dataChangedAt: isoSeconds(lastChange),
      ...(note !== undefined ? { note } : {}),
    },
    areas,
    ...(summary ? { summary } : {}),
    ...(events ? { events } : {}),
  };
  return assertFeed(replayed);
}

/** The first and last declaration in a timeline, or undefined for an empty one. */
export function timelineBounds(timeline: DeclarationTimeline): { first: number; last: number } | undefined {
  const times = timelineEntries(timeline).map(([, at]) => at);
  if (times.length === 0) return undefined;
  return { first: Math.min(...times), last: Math.max(...times) };
}

/** A timeline from the areas' own declaration times (declared areas without one are left out). */
export function timelineFromDeclaredAt(feed: Feed): Map<string, number> {
  const timeline = new Map<string, number>();
  for (const area of feed.areas) {
    if (area.status === 'declared' && area.declaredAt !== undefined) timeline.set(area.id, Date.parse(area.declaredAt));
  }
  return timeline;
}
