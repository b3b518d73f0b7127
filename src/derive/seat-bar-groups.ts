/**
 * The items a seat chart draws, in the order it draws them: parties in seat order, small
 * parties grouped as "Others", no overall control after the parties, and the seats still to
 * declare last. Pure: plain data in, new plain data out.
 *
 * Order is kept stable between updates: parties with equal seats keep the order they had in
 * the previous drawing (so two parties level on 100 do not swap back and forth as the other
 * figures move), "Others" always follows the named parties, and no overall control follows
 * "Others".
 */
import { NO_OVERALL_CONTROL } from '../feed/schema.js';
import type { SeatTotal } from './seat-totals.js';

/** Item keys of the Others group and the undeclared remainder: never party ids, which start with a letter. */
export const OTHERS_ITEM = '+others';
export const UNDECLARED_ITEM = '+undeclared';

/**
 * Party ids that stand for "other parties" in a feed (the built-in palette reserves them).
 * When small parties are grouped, these join the group instead of drawing a second "Others".
 * The party table has the same list (`src/derive/party-table.ts`); kept private here so the
 * package entry can export both modules.
 */
const OTHERS_PARTY_IDS: readonly string[] = ['oth', 'other'];

export type SeatBarItemKind = 'party' | 'noc' | 'others' | 'undeclared';

export interface SeatBarItem {
  /** Party id, "noc", `OTHERS_ITEM` or `UNDECLARED_ITEM`: stable between updates. */
  readonly key: string;
  readonly kind: SeatBarItemKind;
  readonly seats: number;
  /** Change against the baseline; for "Others" the sum when every member has one. */
  readonly change: number | undefined;
  /** Share of the vote in per cent; for "Others" the sum when every member has one. */
  readonly share: number | undefined;
  /** Party ids in the item: one for a party or "noc", the members of "Others", none for undeclared. */
  readonly parties: readonly string[];
  /** The grouped parties, largest first (only for "Others"). */
  readonly members: readonly SeatTotal[];
}

/** `others-below`: fewer than `seats` seats, or less than `percent` per cent of the chart. */
export type OthersThreshold = { readonly seats: number } | { readonly percent: number };

/**
 * Read an `others-below` value: "5" (seats) or "2%" (of the chart). Blank means no grouping.
 * Anything else is a RangeError naming the value.
 */
export function parseOthersBelow(value: string | null | undefined): OthersThreshold | undefined {
  const text = (value ?? '').trim();
  if (text === '') return undefined;
  const match = /^(\d+(?:\.\d+)?)\s*(%?)$/.exec(text);
  if (!match) throw new RangeError(`others-below="${text}" is not a number of seats ("5") or a percentage ("2%")`);
  const number = Number(match[1]);
  if (match[2] === '%') {
    if (number > 100) throw new RangeError(`others-below="${text}" is more than 100%`);
    return { percent: number };
  }
  return { seats: number };
}

export interface GroupOptions {
  /** Group parties below this threshold as "Others". */
  readonly othersBelow?: OthersThreshold | undefined;
  /** Item keys in the order they were last drawn, to keep ties where they were. */
  readonly previousOrder?: readonly string[] | undefined;
  /** Party ids that join "Others" whenever there is a group. Default `OTHERS_PARTY_IDS`. */
  readonly othersPartyIds?: readonly string[];
  /**
   * The most items a chart names: beyond it, the parties with the fewest seats go to "Others"
   * (the last place is the group's). A feed may list 1,000 parties; a chart of 1,000 names
   * helps nobody, and draws slowly.
   */
  readonly maxNamed?: number | undefined;
}

const sumIfAll = (values: readonly (number | undefined)[]): number | undefined =>
  values.every((value) => value !== undefined) ? values.reduce<number>((total, value) => total + value!, 0) : undefined;

function partyItem(row: SeatTotal): SeatBarItem {
  return {
    key: row.party,
    kind: row.party === NO_OVERALL_CONTROL ? 'noc' : 'party',
    seats: row.seats,
    change: row.change,
    share: row.share,
    parties: [row.party],
    members: [],
  };
}

/**
 * Seats first; among equal seats, the order of `previousOrder` for keys drawn before, then the
 * incoming order (which is the feed's: votes, then party order).
 */
function stableSeatOrder<T extends { readonly key: string; readonly seats: number }>(
  items: readonly T[],
  previousOrder: readonly string[] | undefined,
): T[] {
  const incoming = new Map(items.map((item, index) => [item.key, index]));
  const before = new Map((previousOrder ?? []).map((key, index) => [key, index]));
  const bySeats = [...items].sort((a, b) => b.seats - a.seats || incoming.get(a.key)! - incoming.get(b.key)!);
  const out: T[] = [];
  for (let start = 0; start < bySeats.length;) {
    let end = start + 1;
    while (end < bySeats.length && bySeats[end]!.seats === bySeats[start]!.seats) end += 1;
    const tie = bySeats.slice(start, end);
    const seen = tie.filter((item) => before.has(item.key)).sort((a, b) => before.get(a.key)! - before.get(b.key)!);
    out.push(...seen, ...tie.filter((item) => !before.has(item.key)));
    start = end;
  }
  return out;
}

/**
 * Parties (and no overall control) as chart items, small parties grouped. `chartTotal` is the
 * size of the whole chart, for percentage thresholds. A group is made only when it would hold
 * at least two parties: "Others" standing for one party would hide its name for nothing.
 */
export function groupSeatTotals(
  rows: readonly SeatTotal[],
  chartTotal: number,
  options: GroupOptions = {},
): SeatBarItem[] {
  const threshold = options.othersBelow;
  const othersIds = new Set(options.othersPartyIds ?? OTHERS_PARTY_IDS);
  const below = (row: SeatTotal) => {
    if (!threshold) return false;
    if ('seats' in threshold) return row.seats < threshold.seats;
    return chartTotal > 0 && (row.seats / chartTotal) * 100 < threshold.percent;
  };
  const parties = rows.filter((row) => row.party !== NO_OVERALL_CONTROL && row.seats > 0);
  const noc = rows.filter((row) => row.party === NO_OVERALL_CONTROL && row.seats > 0);
  const maxNamed = options.maxNamed;
  // Over the cap: every party after the (maxNamed - 1) largest (a stable sort keeps the feed's order among equals).
  const overCap =
    maxNamed !== undefined && parties.length > maxNamed
      ? new Set([...parties].sort((a, b) => b.seats - a.seats).slice(Math.max(1, maxNamed) - 1))
      : undefined;
  const goes = (row: SeatTotal) => below(row) || (overCap?.has(row) ?? false);
  const small = parties.filter(
    (row) => goes(row) || ((threshold !== undefined || overCap !== undefined) && othersIds.has(row.party)),
  );
  const grouped = small.some(goes) && small.length >= 2 ? small : [];
  const inOthers = new Set(grouped);
  const named = parties.filter((row) => !inOthers.has(row));

  const items = stableSeatOrder(named.map(partyItem), options.previousOrder);
  if (grouped.length > 0) {
    const members = stableSeatOrder(
      grouped.map((row) => ({ ...row, key: row.party })),
      options.previousOrder,
    ).map(({ key: _key, ...row }) => row);
    items.push({
      key: OTHERS_ITEM,
      kind: 'others',
      seats: members.reduce((total, row) => total + row.seats, 0),
      change: sumIfAll(members.map((row) => row.change)),
      share: sumIfAll(members.map((row) => row.share)),
      parties: members.map((row) => row.party),
      members,
    });
  }
  items.push(...noc.map(partyItem));
  return items;
}

/** The remainder still to declare, as the last item (none when nothing remains). */
export function undeclaredItem(seats: number): SeatBarItem | undefined {
  if (!(seats > 0)) return undefined;
  return {
    key: UNDECLARED_ITEM,
    kind: 'undeclared',
    seats,
    change: undefined,
    share: undefined,
    parties: [],
    members: [],
  };
}
