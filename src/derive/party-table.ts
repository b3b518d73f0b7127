/**
 * The party change table as data: the "state of parties" for a whole election, or the result
 * of one area. Rows per party with their figures, an Others row grouping the smallest
 * parties, a No overall control row, a totals row where a total means something, and what
 * the caption needs (progress, baseline, whose figures these are).
 *
 * Figures no source gives stay undefined, never 0; the component shows them as "not
 * available". Words are left to `src/i18n` and the component; this module has no DOM.
 */
import { NO_OVERALL_CONTROL, type Area, type AreaType, type Feed, type Summary } from '../feed/schema.js';
import { areaOutcome, type AreaOutcome } from './area-outcome.js';
import { controlAfter } from '../feed/lookup.js';
import { progress } from './progress.js';
import { stateOfParties, type PartyStanding, type StateOfPartiesBasis } from './state-of-parties.js';
import {
  chooseColumns,
  COLUMN_FORMAT,
  type ColumnGroup,
  type DataColumn,
  type NumericColumn,
} from './party-table-columns.js';

/** Party ids that stand for "everyone else" in a feed: they always join the Others row. */
export const OTHERS_PARTY_IDS: readonly string[] = ['oth', 'other'];

/** The key and party id of the Others row. */
export const OTHERS_KEY = 'others';

/** How many party rows a table shows before the smallest are grouped as Others. */
export const DEFAULT_MAX_PARTIES = 10;

export type PartyTableValues = Readonly<Partial<Record<NumericColumn, number | undefined>>>;

export type PartyTableRowKind = 'party' | 'others' | 'member' | 'noc';

export interface PartyTableRow {
  /** Stable across updates: "party:<id>" (also inside Others), "others" or "noc". */
  readonly key: string;
  /** A party row, the Others row, a party inside Others, or No overall control. */
  readonly kind: PartyTableRowKind;
  /** Party id, "others" or "noc". */
  readonly party: string;
  /** The palette id for the swatch: the party, "other" or "noc". */
  readonly colour: string;
  readonly values: PartyTableValues;
  /** Candidate name, in single-seat contests. */
  readonly candidate?: string | undefined;
  /** Winner of a single-seat contest. */
  readonly elected?: boolean | undefined;
}

export interface OthersGroup {
  readonly row: PartyTableRow;
  /** The parties grouped, in default order (kind "member"). */
  readonly members: readonly PartyTableRow[];
}

/** What one area's table is about. */
export interface PartyTableArea {
  readonly id: string;
  readonly status: Area['status'];
  readonly outcome: AreaOutcome;
  /** One seat: rows are candidates, the winner is marked, no seats column. */
  readonly singleSeat: boolean;
  /** Winning margin in votes (single-seat contests). */
  readonly majority: number | undefined;
  readonly turnout: number | undefined;
}

export interface PartyTable {
  readonly scope: 'election' | 'area';
  readonly columns: readonly DataColumn[];
  /** Requested column groups the feed has no figures for. */
  readonly missing: readonly ColumnGroup[];
  /** Party rows shown on their own, in default order (largest first). */
  readonly parties: readonly PartyTableRow[];
  readonly others: OthersGroup | undefined;
  readonly noOverallControl: PartyTableRow | undefined;
  /** Column totals; a column is absent where a total would mean nothing or is not known. */
  readonly totals: PartyTableValues;
  /** Whose figures: the publisher's summary, or totals derived from the areas. */
  readonly basis: 'publisher' | 'derived';
  /** Areas covered and in all, for "after 130 of 150 councils". */
  readonly declared: number;
  readonly total: number;
  readonly areaType: AreaType;
  readonly baselineLabel: string | undefined;
  readonly source: Summary['source'];
  /** The publisher's note on its figures, or the area's own note. */
  readonly note: string | undefined;
  /** Derived totals only: seat figures cover `count` of the declared areas. */
  readonly partialSeats: { readonly count: number; readonly declared: number } | undefined;
  /** Set for `scope: 'area'`. */
  readonly area: PartyTableArea | undefined;
}

export interface PartyTableOptions {
  /** Column groups to show, in order; otherwise chosen from the figures the feed has. */
  columns?: readonly ColumnGroup[] | undefined;
  /** One area's table instead of the whole election. */
  area?: string | undefined;
  basis?: StateOfPartiesBasis | undefined;
  /** Party rows before the smallest are grouped as Others; 0 or Infinity for no limit. */
  maxParties?: number | undefined;
}

export type PartyTableResult =
  | { readonly kind: 'table'; readonly table: PartyTable }
  /** `area` names no area of the feed. */
  | { readonly kind: 'unknown-area'; readonly area: string }
  /** A feed with neither areas nor a summary: nothing to tabulate at all. */
  | { readonly kind: 'empty' };

/** The table for a feed, or why there is none. */
export function partyTable(feed: Feed, options: PartyTableOptions = {}): PartyTableResult {
  if (options.area !== undefined) {
    const area = feed.areas.find((candidate) => candidate.id === options.area);
    if (!area) return { kind: 'unknown-area', area: options.area };
    return { kind: 'table', table: areaTable(feed, area, options) };
  }
  if (feed.areas.length === 0 && !feed.summary) return { kind: 'empty' };
  return { kind: 'table', table: electionTable(feed, options) };
}

function standingValues(row: PartyStanding): PartyTableValues {
  return {
    councils: row.councils,
    councilsChange: row.councilsChange,
    seats: row.seats,
    seatsChange: row.seatsChange,
    votes: row.votes,
    share: row.share,
    shareChange: row.shareChange,
  };
}

function electionTable(feed: Feed, options: PartyTableOptions): PartyTable {
  const state = stateOfParties(feed, options.basis ?? 'auto');
  const rows = state.parties
    .map((standing) => partyRow(standing.party, standingValues(standing)))
    .sort(defaultOrder(partyOrder(feed)));
  const nocValues = state.noOverallControl ? standingValues(state.noOverallControl) : undefined;
  const noc = nocValues
    ? ({
        key: NO_OVERALL_CONTROL,
        kind: 'noc',
        party: NO_OVERALL_CONTROL,
        colour: NO_OVERALL_CONTROL,
        values: { councils: nocValues.councils, councilsChange: nocValues.councilsChange },
      } satisfies PartyTableRow)
    : undefined;
  const { columns, missing } = chooseColumns([...rows, ...(noc ? [noc] : [])], options.columns);
  const { parties, others } = groupOthers(rows, columns, options.maxParties);
  const at = progress(feed);
  return {
    scope: 'election',
    columns,
    missing,
    parties,
    others,
    noOverallControl: noc && columns.includes('councils') ? noc : undefined,
    totals: totalsOf(columns, parties, others, noc, state.declared),
    basis: state.basis,
    declared: state.declared,
    total: state.total,
    areaType: at.areaType,
    baselineLabel: state.baselineLabel,
    source: state.source,
    note: state.basis === 'publisher' ? feed.summary?.note : undefined,
    partialSeats:
      state.basis === 'derived' && columns.includes('seats') && state.areasWithSeats < state.declared
        ? { count: state.areasWithSeats, declared: state.declared }
        : undefined,
    area: undefined,
  };
}

/** True when every declared area with a known controller also says who controlled it before. */
function areaTable(feed: Feed, area: Area, options: PartyTableOptions): PartyTable {
  const declared = area.status === 'declared';
  const winner = controlAfter(area);
  const singleSeat =
    (area.seats?.total ?? area.seats?.up) === 1 || (area.seats === undefined && area.winner !== undefined);
  const order = partyOrder(feed);
  // Before a declaration a feed may already list candidates; their figures are not results yet.
  const results = declared ? (area.results ?? []) : [];
  const rows = results.map((result) =>
    partyRow(
      result.party,
      {
        // In a single-seat contest "1 seat" only repeats who won: the winner is marked instead.
        seats: singleSeat ? undefined : result.seats,
        seatsChange: singleSeat ? undefined : result.seatsChange,
        held: result.seatsHeld,
        heldChange: result.seatsHeldChange,
        votes: result.votes,
        share: result.share,
        shareChange: result.shareChange,
      },
      {
        candidate: result.candidate,
        elected:
          singleSeat && declared ? result.party === winner || (winner === undefined && result.seats === 1) : undefined,
      },
    ),
  );
  rows.sort(defaultOrder(order));
  const { columns, missing } = chooseColumns(rows, options.columns);
  const { parties, others } = groupOthers(rows, columns, options.maxParties);
  return {
    scope: 'area',
    columns,
    missing,
    parties,
    others,
    noOverallControl: undefined,
    totals: totalsOf(columns, parties, others, undefined, declared ? 1 : 0),
    basis: 'derived',
    declared: declared ? 1 : 0,
    total: 1,
    areaType: feed.meta.election.areaType ?? 'area',
    baselineLabel: area.baseline?.label ?? feed.meta.baseline?.label,
    source: undefined,
    note: area.note,
    partialSeats: undefined,
    area: {
      id: area.id,
      status: area.status,
      outcome: areaOutcome(area),
      singleSeat,
      majority: declared ? area.majority : undefined,
      turnout: declared ? area.turnout : undefined,
    },
  };
}

function partyRow(
  party: string,
  values: PartyTableValues,
  extra: Pick<PartyTableRow, 'candidate' | 'elected'> = {},
): PartyTableRow {
  return {
    key: `party:${party}`,
    kind: 'party',
    party,
    colour: party,
    values,
    ...(extra.candidate !== undefined ? { candidate: extra.candidate } : {}),
    ...(extra.elected !== undefined ? { elected: extra.elected } : {}),
  };
}

/** Feed order of parties, for ties. */
export function partyOrder(feed: Feed): ReadonlyMap<string, number> {
  return new Map(feed.parties.map((party, index) => [party.id, index]));
}

const DEFAULT_KEYS: readonly NumericColumn[] = ['seats', 'councils', 'held', 'votes'];

/**
 * The default order, largest first: seats, then councils, then whole-council seats, then
 * votes; unknown below known; ties in the feed's party order.
 */
export function defaultOrder(order: ReadonlyMap<string, number>): (a: PartyTableRow, b: PartyTableRow) => number {
  return (a, b) => {
    for (const key of DEFAULT_KEYS) {
      const difference = (b.values[key] ?? -1) - (a.values[key] ?? -1);
      if (difference !== 0) return difference;
    }
    return (order.get(a.party) ?? Infinity) - (order.get(b.party) ?? Infinity);
  };
}

/**
 * Split rows (in default order) into those shown on their own and the Others group. The
 * feed's own "others" party always joins the group; beyond `maxParties` named parties, the
 * smallest join it too, unless that would hide only one party (a row naming it is no longer).
 */
export function groupOthers(
  rows: readonly PartyTableRow[],
  columns: readonly DataColumn[],
  maxParties: number | undefined = DEFAULT_MAX_PARTIES,
): { parties: PartyTableRow[]; others: OthersGroup | undefined } {
  const limit =
    maxParties === undefined || !Number.isFinite(maxParties) || maxParties <= 0 ? Infinity : Math.floor(maxParties);
  const named = rows.filter((row) => !OTHERS_PARTY_IDS.includes(row.party));
  const unnamed = rows.filter((row) => OTHERS_PARTY_IDS.includes(row.party));
  const overflow = named.length > limit && (named.length - limit > 1 || unnamed.length > 0) ? named.slice(limit) : [];
  const parties = named.slice(0, named.length - overflow.length);
  const grouped = [...overflow, ...unnamed];
  if (grouped.length === 0) return { parties, others: undefined };
  const members = grouped.map((row) => ({ ...row, kind: 'member' as const }));
  const values: Partial<Record<NumericColumn, number>> = {};
  for (const column of columns) {
    if (column === 'candidate') continue;
    // Counts and changes add up. A member without a figure adds nothing: its figure, if it
    // has one, is inside another member's (independents inside "all other candidates").
    const known = grouped.map((row) => row.values[column]).filter((value): value is number => value !== undefined);
    if (known.length > 0) values[column] = known.reduce((sum, value) => sum + value, 0);
  }
  return {
    parties,
    others: {
      row: { key: OTHERS_KEY, kind: 'others', party: OTHERS_KEY, colour: 'other', values },
      members,
    },
  };
}

/**
 * Totals of the count columns (councils, seats, whole-council seats, votes) over the rows at
 * the top level (parties, Others and, for councils, No overall control). A total is given
 * only when every row's figure is known, with one inference: every declared council is
 * controlled by one party or none, so when the known council figures already add up to the
 * councils declared, the unknown ones must be zero. Changes and shares have no total.
 */
export function totalsOf(
  columns: readonly DataColumn[],
  parties: readonly PartyTableRow[],
  others: OthersGroup | undefined,
  noc: PartyTableRow | undefined,
  areasDeclared: number,
): PartyTableValues {
  const totals: Partial<Record<NumericColumn, number>> = {};
  const rows = [...parties, ...(others ? [others.row] : [])];
  for (const column of columns) {
    if (column === 'candidate' || COLUMN_FORMAT[column] !== 'count') continue;
    const counted = column === 'councils' && noc ? [...rows, noc] : rows;
    const known = counted.map((row) => row.values[column]).filter((value): value is number => value !== undefined);
    if (known.length === 0) continue;
    const sum = known.reduce((total, value) => total + value, 0);
    if (known.length === counted.length || (column === 'councils' && sum === areasDeclared)) totals[column] = sum;
  }
  return totals;
}

/** Every row of a table, members of Others included. */
export function allRows(table: PartyTable): PartyTableRow[] {
  return [
    ...table.parties,
    ...(table.others ? [table.others.row, ...table.others.members] : []),
    ...(table.noOverallControl ? [table.noOverallControl] : []),
  ];
}

/**
 * Whose figures the totals are now, when an update changed it: the publisher's summary
 * arriving (or going) mid-night swaps totals derived from the declared areas for the
 * publisher's own, often counted another way (every seat of the councils, another baseline).
 * The numbers then jump without any seat changing hands. Undefined when the basis is the same.
 */
export function basisChange(previous: PartyTable | undefined, next: PartyTable): PartyTable['basis'] | undefined {
  if (!previous || previous.scope !== 'election' || next.scope !== 'election') return undefined;
  return previous.basis === next.basis ? undefined : next.basis;
}

/**
 * Keys of rows whose figures differ from the same row in `previous` (or that are new), for a
 * brief highlight after an update. With no previous table, nothing is new: a first render
 * highlights nothing.
 */
export function changedRowKeys(previous: PartyTable | undefined, next: PartyTable): Set<string> {
  const changed = new Set<string>();
  if (!previous) return changed;
  const before = new Map(allRows(previous).map((row) => [row.key, row]));
  for (const row of allRows(next)) {
    const old = before.get(row.key);
    if (!old) {
      changed.add(row.key);
      continue;
    }
    const columns = new Set([...Object.keys(old.values), ...Object.keys(row.values)]) as Set<NumericColumn>;
    const differs =
      [...columns].some((column) => old.values[column] !== row.values[column]) ||
      old.candidate !== row.candidate ||
      old.elected !== row.elected;
    if (differs) changed.add(row.key);
  }
  return changed;
}
