/**
 * Rows for a list of areas (councils, constituencies): what each area's row shows, and the
 * filters, search, grouping and sorting a reader applies to them, with a count for every
 * filter choice. Pure: no DOM, no Lit; words are left to `src/i18n` except the area names,
 * which are needed in the reader's language to search and sort by.
 *
 * Rows are plain frozen objects. `areaRows` can be given the rows it made from the previous
 * feed and hands back the very same object for every area whose row would not change, so a
 * renderer keyed on row identity skips the unchanged ones (most of them, on election night).
 * Whether a row would change is answered from the area it was made from (compared with
 * `sameJson`), without making the row again.
 */
import type { Area, AreaStatus, Feed } from '../feed/schema.js';
import { NO_OVERALL_CONTROL } from '../feed/schema.js';
import { feedNames, type FeedNames } from '../i18n/names.js';
import { safeLocale } from '../i18n/format.js';
import { areaOutcome, isChangeOfControl, outcomeColourKey, type AreaOutcome } from './area-outcome.js';
import { controlAfter } from '../feed/lookup.js';
import { majorityOf } from './seat-totals.js';
import { sameJson } from '../feed/same-json.js';
import { parseTimestamp } from '../feed/timestamp.js';

/** The status filters, in the order a reader sees them. */
export const AREA_FILTERS = ['all', 'gains', 'holds', 'noc', 'awaiting'] as const;
export type AreaFilter = (typeof AREA_FILTERS)[number];

export const AREA_GROUPINGS = ['none', 'region', 'type'] as const;
export type AreaGrouping = (typeof AREA_GROUPINGS)[number];

/** `name`: A to Z in the reader's language. `declared`: latest declaration first. */
export const AREA_SORTS = ['name', 'declared'] as const;
export type AreaSort = (typeof AREA_SORTS)[number];

/** Seats one party won at this election in one area, and the change when the feed gives it. */
export interface AreaSeatFigure {
  readonly party: string;
  readonly seats: number;
  readonly change: number | undefined;
}

export interface AreaRow {
  readonly id: string;
  /** In the reader's language when the feed translates it. */
  readonly name: string;
  readonly region: string | undefined;
  /** "London borough", "County constituency": the feed's own words. */
  readonly type: string | undefined;
  readonly status: AreaStatus;
  readonly outcome: AreaOutcome;
  /** Control changed: a gain, a gain from no overall control, or a loss to it. */
  readonly changedHands: boolean;
  /** What the area is coloured by: a party id, "noc", or undefined without a result. */
  readonly colourKey: string | undefined;
  readonly controlBefore: string | undefined;
  readonly controlAfter: string | undefined;
  /** One seat (a constituency): the winner matters, not seat counts. */
  readonly singleSeat: boolean;
  /** Seats won at this election (of the seats up), largest first, parties with none left out. Empty when unknown. */
  readonly seatsWon: readonly AreaSeatFigure[];
  readonly seatsUp: number | undefined;
  readonly seatsTotal: number | undefined;
  /** Seats needed for a majority of the whole council; undefined for single-seat areas. */
  readonly majority: number | undefined;
  /** Single-seat contests: the winner's share of the vote (per cent) and majority (votes). */
  readonly winnerShare: number | undefined;
  readonly majorityVotes: number | undefined;
  readonly declaredAt: string | undefined;
  /** `declaredAt` in milliseconds, for sorting. */
  readonly declaredTime: number | undefined;
  /** Names and id folded for search (see `foldForSearch`). */
  readonly searchText: string;
}

/**
 * Text folded for matching: accents removed ("Ynys Môn" → "ynys mon"), lower case, and
 * anything but letters and digits turned into single spaces ("St. Helens" → "st helens").
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const AWAITING_STATUSES: ReadonlySet<AreaStatus> = new Set(['awaiting', 'counting', 'recount', 'postponed']);

function isSingleSeat(area: Area): boolean {
  const total = area.seats?.total ?? area.seats?.up;
  return total === 1 || (total === undefined && area.winner !== undefined);
}

/** Each party's place in the feed's list, for ties: made once per feed. */
const partyOrders = new WeakMap<Feed, Map<string, number>>();
function partyOrder(feed: Feed): Map<string, number> {
  let order = partyOrders.get(feed);
  if (!order) partyOrders.set(feed, (order = new Map(feed.parties.map((party, index) => [party.id, index]))));
  return order;
}

function seatsWonIn(area: Area, feed: Feed): AreaSeatFigure[] {
  const order = partyOrder(feed);
  const figures: AreaSeatFigure[] = [];
  for (const result of area.results ?? []) {
    if (result.seats === undefined || result.seats <= 0) continue;
    figures.push({ party: result.party, seats: result.seats, change: result.seatsChange });
  }
  return figures.sort(
    (a, b) => b.seats - a.seats || (order.get(a.party) ?? Infinity) - (order.get(b.party) ?? Infinity),
  );
}

/** What each row was made from: the area, and the names it shows that come from elsewhere in the feed. */
const madeFrom = new WeakMap<AreaRow, { readonly area: Area; readonly name: string; readonly winnerName: string }>();

const NO_SEATS: readonly AreaSeatFigure[] = Object.freeze([]);

/** The row for one area of `feed`, with names in `locale`. */
export function areaRow(feed: Feed, area: Area, locale: string): AreaRow {
  return makeRow(feed, area, feedNames(feed, locale));
}

function makeRow(feed: Feed, area: Area, names: FeedNames): AreaRow {
  const name = names.area(area.id);
  const outcome = areaOutcome(area);
  const singleSeat = isSingleSeat(area);
  const after = area.status === 'declared' ? controlAfter(area) : undefined;
  const winner =
    singleSeat && after !== undefined ? (area.results ?? []).find((result) => result.party === after) : undefined;
  const total = area.seats?.total;
  const declared = area.status === 'declared';
  const declaredTime = declared ? parseTimestamp(area.declaredAt) : undefined;
  // Every name the area goes by, each once, in this order.
  const searchNames: string[] = [];
  const known = (text: string | undefined) => {
    if (text && !searchNames.includes(text)) searchNames.push(text);
  };
  known(name);
  known(area.name);
  known(area.shortName);
  for (const entry of Object.values(area.translations ?? {})) {
    known(entry.name);
    known(entry.shortName);
  }
  known(area.id);
  const row = {
    id: area.id,
    name,
    region: area.region,
    type: area.type,
    status: area.status,
    outcome,
    changedHands: isChangeOfControl(outcome),
    colourKey: outcomeColourKey(outcome),
    controlBefore: area.control?.before,
    controlAfter: after,
    singleSeat,
    seatsWon: declared ? Object.freeze(seatsWonIn(area, feed).map((figure) => Object.freeze(figure))) : NO_SEATS,
    seatsUp: area.seats?.up ?? total,
    seatsTotal: total,
    majority: singleSeat
      ? undefined
      : (area.seats?.majority ?? (total !== undefined && total > 1 ? majorityOf(total) : undefined)),
    winnerShare: winner?.share,
    majorityVotes: singleSeat && declared ? area.majority : undefined,
    declaredAt: declared ? area.declaredAt : undefined,
    declaredTime: declaredTime !== undefined && Number.isFinite(declaredTime) ? declaredTime : undefined,
    searchText: foldForSearch(searchNames.join(' ')),
  };
  const frozen: AreaRow = Object.freeze(row);
  madeFrom.set(frozen, { area, name, winnerName: names.party(after) });
  return frozen;
}

/**
 * One row per area, in feed order. Rows from `previous` are reused (the same objects) for
 * areas whose row is unchanged (the same area, the same names), so unchanged rows can be
 * skipped by identity.
 */
export function areaRows(feed: Feed, locale: string, previous?: readonly AreaRow[]): readonly AreaRow[] {
  const names = feedNames(feed, locale);
  const before = new Map((previous ?? []).map((row) => [row.id, row]));
  return Object.freeze(
    feed.areas.map((area) => {
      const old = before.get(area.id);
      const source = old && madeFrom.get(old);
      if (
        source &&
        (source.area === area || sameJson(source.area, area)) &&
        source.name === names.area(area.id) &&
        source.winnerName === names.party(area.status === 'declared' ? controlAfter(area) : undefined)
      ) {
        return old;
      }
      return makeRow(feed, area, names);
    }),
  );
}

/** Does `row` pass the status filter? Filters overlap: a loss to NOC is both a change and NOC. */
export function matchesFilter(row: AreaRow, filter: AreaFilter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'gains':
      return row.changedHands;
    case 'holds':
      return row.outcome.kind === 'hold' || row.outcome.kind === 'noc-hold';
    case 'noc':
      return row.controlAfter === NO_OVERALL_CONTROL;
    case 'awaiting':
      return AWAITING_STATUSES.has(row.status);
  }
}

/** Does the party control (or hold the seat of) this area after the election? No party given matches every row. */
export function matchesParty(row: AreaRow, party: string | undefined): boolean {
  return !party || row.controlAfter === party;
}

/** Every word of the query appears in the area's names ("upon thames" finds Kingston upon Thames). */
export function matchesSearch(row: AreaRow, query: string | undefined): boolean {
  if (!query) return true;
  const words = foldForSearch(query).split(' ').filter(Boolean);
  return words.every((word) => row.searchText.includes(word));
}

export interface AreaQuery {
  readonly filter?: AreaFilter | undefined;
  /** A party id: only areas it controls (or won) after the election. */
  readonly party?: string | undefined;
  readonly search?: string | undefined;
  readonly sort?: AreaSort | undefined;
  readonly groupBy?: AreaGrouping | undefined;
}

export interface AreaGroup {
  /** Stable key for rendering: the label, or '' for the rows without one. */
  readonly key: string;
  /** The region or type; undefined for the rows the feed gives none (and when not grouping). */
  readonly label: string | undefined;
  readonly rows: readonly AreaRow[];
}

export interface AreaSelection {
  readonly groups: readonly AreaGroup[];
  /** Rows passing every criterion. */
  readonly shown: number;
  /** All rows. */
  readonly total: number;
  /** How many rows each status filter would show, with the party and search as they are. */
  readonly filterCounts: Readonly<Record<AreaFilter, number>>;
  /** How many rows each party would show, with the status filter and search as they are. Parties with none are left out. */
  readonly partyCounts: ReadonlyMap<string, number>;
}

const collators = new Map<string, Intl.Collator>();
function collator(locale: string): Intl.Collator {
  let value = collators.get(locale);
  if (!value) {
    value = new Intl.Collator(safeLocale(locale), { sensitivity: 'base', numeric: true });
    collators.set(locale, value);
  }
  return value;
}

/** Rows in the given order: a new array, the input untouched. */
export function sortAreaRows(rows: readonly AreaRow[], sort: AreaSort, locale: string): AreaRow[] {
  const compareNames = collator(locale).compare;
  const byName = (a: AreaRow, b: AreaRow) => compareNames(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  if (sort === 'name') return [...rows].sort(byName);
  // Latest first; declared without a time next; undeclared last. Each block by name.
  const rank = (row: AreaRow) => (row.declaredTime !== undefined ? 0 : row.status === 'declared' ? 1 : 2);
  return [...rows].sort((a, b) => rank(a) - rank(b) || (b.declaredTime ?? 0) - (a.declaredTime ?? 0) || byName(a, b));
}

/** Filter, search, sort and group rows, and count what each filter choice would show. */
export function selectAreaRows(rows: readonly AreaRow[], query: AreaQuery, locale: string): AreaSelection {
  const filter = query.filter ?? 'all';
  const party = query.party || undefined;
  const search = query.search?.trim() ? query.search : undefined;
  const filterCounts: Record<AreaFilter, number> = { all: 0, gains: 0, holds: 0, noc: 0, awaiting: 0 };
  const partyCounts = new Map<string, number>();
  const shown: AreaRow[] = [];
  for (const row of rows) {
    if (!matchesSearch(row, search)) continue;
    const passesParty = matchesParty(row, party);
    const passesFilter = matchesFilter(row, filter);
    if (passesParty) for (const option of AREA_FILTERS) if (matchesFilter(row, option)) filterCounts[option] += 1;
    if (passesFilter && row.controlAfter !== undefined && row.controlAfter !== NO_OVERALL_CONTROL) {
      partyCounts.set(row.controlAfter, (partyCounts.get(row.controlAfter) ?? 0) + 1);
    }
    if (passesParty && passesFilter) shown.push(row);
  }
  const sorted = sortAreaRows(shown, query.sort ?? 'name', locale);
  return {
    groups: groupAreaRows(sorted, query.groupBy ?? 'none', locale),
    shown: shown.length,
    total: rows.length,
    filterCounts,
    partyCounts,
  };
}

/** Split sorted rows into groups by region or type, groups A to Z and the rows without one last. */
export function groupAreaRows(rows: readonly AreaRow[], groupBy: AreaGrouping, locale: string): AreaGroup[] {
  if (groupBy === 'none') return [{ key: '', label: undefined, rows }];
  const groups = new Map<string, AreaRow[]>();
  for (const row of rows) {
    const label = groupBy === 'region' ? row.region : row.type;
    const key = label ?? '';
    let group = groups.get(key);
    if (!group) groups.set(key, (group = []));
    group.push(row);
  }
  const compare = collator(locale).compare;
  return [...groups.entries()]
    .sort(([a], [b]) => (a === '' ? 1 : 0) - (b === '' ? 1 : 0) || compare(a, b))
    .map(([key, members]) => ({ key, label: key === '' ? undefined : key, rows: members }));
}

/** Which groupings make sense for these rows: region and type only when some row has one. */
export function availableGroupings(rows: readonly AreaRow[]): AreaGrouping[] {
  const options: AreaGrouping[] = ['none'];
  if (rows.some((row) => row.region !== undefined)) options.push('region');
  if (rows.some((row) => row.type !== undefined)) options.push('type');
  return options;
}

/** Parties that control (or won) at least one area, in the feed's party order. */
export function partiesWithAreas(feed: Feed, rows: readonly AreaRow[]): string[] {
  const present = new Set(
    rows
      .map((row) => row.controlAfter)
      .filter((party): party is string => party !== undefined && party !== NO_OVERALL_CONTROL),
  );
  const ordered = feed.parties.map((party) => party.id).filter((id) => present.has(id));
  for (const id of present) if (!ordered.includes(id)) ordered.push(id);
  return ordered;
}

/** Whether "no overall control" can apply: local-style elections, or any area with it before or after. */
export function controlIsCounted(feed: Feed): boolean {
  return (
    feed.meta.election.kind === 'local' ||
    feed.areas.some((area) => area.control?.before === NO_OVERALL_CONTROL || area.control?.after === NO_OVERALL_CONTROL)
  );
}
