/**
 * Which ticker items a reader asked for: the `area`, `party` and `kinds` attributes of
 * `<tally-ticker>`, parsed and checked against a feed. Pure; no DOM.
 *
 * Each attribute is a list of ids separated by spaces or commas. An empty or missing list
 * means "no restriction". Ids a feed does not have, and kinds that do not exist, are reported
 * so the element can say so, and are otherwise ignored: a filter naming one good and one bad
 * area still shows the good one.
 */
import { EVENT_KINDS, NO_OVERALL_CONTROL, type EventKind, type Feed } from '../feed/schema.js';
import type { TickerItem } from './ticker-items.js';

export interface TickerFilter {
  /** Area ids; items about any of them pass. Empty: every area, and items about no area. */
  readonly areas: readonly string[];
  /** Party ids (or "noc"); items where any of them won, held, gained or lost pass. */
  readonly parties: readonly string[];
  /** Item kinds that pass. Empty: every kind. */
  readonly kinds: readonly EventKind[];
}

/** What is wrong with a filter, for a visible notice and a console warning. */
export interface TickerFilterProblems {
  /** Area ids the feed does not have. */
  readonly unknownAreas: readonly string[];
  /** Party ids the feed does not have ("noc" is always known). */
  readonly unknownParties: readonly string[];
  /** Words in `kinds` that are not item kinds. */
  readonly unknownKinds: readonly string[];
}

export const NO_FILTER: TickerFilter = { areas: [], parties: [], kinds: [] };

/** "E07000236, E08000024" or "E07000236 E08000024" → ["E07000236", "E08000024"], without repeats. */
export function parseIdList(value: string | null | undefined): string[] {
  if (!value) return [];
  return [...new Set(value.split(/[\s,]+/).filter(Boolean))];
}

const KIND_SET: ReadonlySet<string> = new Set(EVENT_KINDS);

/** The filter an element's attributes describe, and any words in `kinds` that are not kinds. */
export function parseTickerFilter(attributes: {
  area?: string | null | undefined;
  party?: string | null | undefined;
  kinds?: string | null | undefined;
}): { filter: TickerFilter; unknownKinds: string[] } {
  const kindWords = parseIdList(attributes.kinds).map((word) => word.toLowerCase());
  const kinds = kindWords.filter((word): word is EventKind => KIND_SET.has(word));
  const unknownKinds = kindWords.filter((word) => !KIND_SET.has(word));
  // Party ids are lower case by contract; accept "Con" from a hand-written attribute.
  const parties = parseIdList(attributes.party).map((id) => id.toLowerCase());
  return { filter: { areas: parseIdList(attributes.area), parties: [...new Set(parties)], kinds }, unknownKinds };
}

/** True when the filter lets everything through. */
export function isEmptyFilter(filter: TickerFilter): boolean {
  return filter.areas.length === 0 && filter.parties.length === 0 && filter.kinds.length === 0;
}

/** Every party an item is about: the winner, the loser, control before and after. */
export function partiesOfItem(item: TickerItem): Set<string> {
  const parties = new Set<string>();
  const add = (id: string | undefined) => {
    if (id !== undefined) parties.add(id);
  };
  add(item.party);
  add(item.from);
  add(item.to);
  const outcome = item.outcome;
  if (outcome) {
    if ('party' in outcome) add(outcome.party);
    if ('from' in outcome) add(outcome.from);
    if (outcome.kind === 'lost-to-noc' || outcome.kind === 'noc-hold' || outcome.kind === 'noc')
      add(NO_OVERALL_CONTROL);
  }
  return parties;
}

/**
 * Whether an item passes. Restrictions combine with "and"; the ids inside one restriction
 * with "or". Unknown ids simply match nothing (see `tickerFilterProblems`).
 */
export function matchesTickerFilter(item: TickerItem, filter: TickerFilter): boolean {
  if (filter.kinds.length > 0 && !filter.kinds.includes(item.kind)) return false;
  if (filter.areas.length > 0 && (item.area === undefined || !filter.areas.includes(item.area))) return false;
  if (filter.parties.length > 0) {
    const parties = partiesOfItem(item);
    if (!filter.parties.some((party) => parties.has(party))) return false;
  }
  return true;
}

/** The items that pass, in the order given. Returns the same array when nothing is filtered. */
export function filterTickerItems(items: readonly TickerItem[], filter: TickerFilter): readonly TickerItem[] {
  if (isEmptyFilter(filter)) return items;
  return items.filter((item) => matchesTickerFilter(item, filter));
}

/** Ids in the filter that the feed does not have. */
export function tickerFilterProblems(
  filter: TickerFilter,
  feed: Feed,
  unknownKinds: readonly string[] = [],
): TickerFilterProblems {
  const areaIds = new Set(feed.areas.map((area) => area.id));
  const partyIds = new Set(feed.parties.map((party) => party.id));
  return {
    unknownAreas: filter.areas.filter((id) => !areaIds.has(id)),
    unknownParties: filter.parties.filter((id) => id !== NO_OVERALL_CONTROL && !partyIds.has(id)),
    unknownKinds,
  };
}

/** True when a filter has no problems. */
export function hasFilterProblems(problems: TickerFilterProblems): boolean {
  return problems.unknownAreas.length + problems.unknownParties.length + problems.unknownKinds.length > 0;
}

/** True when every id the filter names is unknown, so it can never match anything. */
export function filterMatchesNothing(filter: TickerFilter, problems: TickerFilterProblems): boolean {
  return (
    (filter.areas.length > 0 && problems.unknownAreas.length === filter.areas.length) ||
    (filter.parties.length > 0 && problems.unknownParties.length === filter.parties.length)
  );
}
