/**
 * A long list reaches the screen in portions (`<tally-council-list>`): each update adds at most
 * a portion of new items and takes its turn on the main thread (src/feed/turns.ts), so that
 * hundreds of areas are not one long task. Items already on screen are never held back.
 *
 * The first portion is small (FIRST_PORTION items), as the same task reads, checks and derives
 * the feed; the next is NEXT_PORTION; after that each is sized from how long the last took, to
 * take about PORTION_MS on the reader's device, within MIN_PORTION and MAX_PORTION, and at least
 * a MOST_PORTIONS-th of the list: each portion looks at every item already on screen, so a very
 * long list must not come in many small ones.
 */
export const FIRST_PORTION = 200;
export const NEXT_PORTION = 600;
export const MIN_PORTION = 60;
export const MAX_PORTION = 4000;
export const PORTION_MS = 30;
export const MOST_PORTIONS = 10;

export interface Portion<T> {
  /** What the update shows, in the list's order. */
  readonly items: T[];
  /** Their keys. */
  readonly keys: Set<string>;
  /** How many of them were not shown before. */
  readonly added: number;
}

/**
 * The items one update shows: every item shown already, every item that `must` be (the open
 * one, the keyboard's), and up to `room` others, in the list's order.
 */
export function takePortion<T>(
  items: readonly T[],
  key: (item: T) => string,
  shown: ReadonlySet<string>,
  must: (key: string) => boolean,
  room: number,
): Portion<T> {
  const taken: T[] = [];
  const keys = new Set<string>();
  let added = 0;
  for (const item of items) {
    const id = key(item);
    if (!shown.has(id)) {
      if (!must(id) && room <= 0) continue;
      if (!must(id)) room -= 1;
      added += 1;
    }
    taken.push(item);
    keys.add(id);
  }
  return { items: taken, keys, added };
}

/** What an update that showed a portion measured. */
export interface PortionTiming {
  /** Items it added. */
  readonly added: number;
  /** How long it took (ms). */
  readonly took: number;
  /** Items in the whole list. */
  readonly total: number;
  /** It also derived the list from a new feed: its time says little about what items cost. */
  readonly derived: boolean;
}

/** The size of the next portion, after an update that took `timing`. */
export function nextPortion(current: number, timing: PortionTiming): number {
  if (timing.derived) return Math.max(current, NEXT_PORTION);
  if (timing.added < MIN_PORTION || timing.took <= 0) return current;
  const fewest = Math.ceil(timing.total / MOST_PORTIONS);
  return Math.min(MAX_PORTION, Math.max(MIN_PORTION, fewest, Math.round((timing.added * PORTION_MS) / timing.took)));
}
