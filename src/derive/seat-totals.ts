/**
 * Seat totals for a chamber, ready for a seat chart: one entry per party in seat order, the
 * undeclared remainder, and the majority threshold when one applies. Thresholds come from
 * the feed (or from the area's size), never from constants in a component.
 */
import { NO_OVERALL_CONTROL, type Area, type Feed } from '../feed/schema.js';
import { controlAfter } from '../feed/lookup.js';
import { progress } from './progress.js';
import { sortStandings, stateOfParties, type StateOfPartiesBasis } from './state-of-parties.js';

export type SeatMeasure = 'seats' | 'councils';

export interface SeatTotal {
  /** Party id, or "noc" in the councils view. */
  readonly party: string;
  readonly seats: number;
  readonly change: number | undefined;
  /** Share of the vote in per cent, when known. */
  readonly share: number | undefined;
}

export interface SeatTotals {
  readonly measure: SeatMeasure;
  /** What the bar shows: every seat up nationally, or one area. */
  readonly scope: 'election' | 'area';
  /** For an area: whole-council composition, or seats won of the seats up. */
  readonly view: 'composition' | 'seats-won' | 'national';
  /** Parties with at least one seat, largest first. */
  readonly parties: readonly SeatTotal[];
  /** Sum of `parties`. */
  readonly declared: number;
  /** Size of the bar: chamber size, seats up, or areas; at least `declared`. */
  readonly total: number;
  /** `total - declared`. */
  readonly undeclared: number;
  /** Seats needed for a majority, when the bar is one chamber. */
  readonly majority: number | undefined;
  /** Areas declared and in all, for the caption. */
  readonly areasDeclared: number;
  readonly areasTotal: number;
  readonly basis: 'publisher' | 'derived';
  readonly baselineLabel: string | undefined;
}

/** A simple majority of a body of `total` seats. */
export function majorityOf(total: number): number {
  return Math.floor(total / 2) + 1;
}

export interface SeatTotalsOptions {
  measure?: SeatMeasure;
  /** Id of one area to show instead of the whole election. */
  area?: string | undefined;
  basis?: StateOfPartiesBasis;
}

export function seatTotals(feed: Feed, options: SeatTotalsOptions = {}): SeatTotals {
  const measure = options.measure ?? 'seats';
  if (options.area !== undefined) {
    const area = feed.areas.find((candidate) => candidate.id === options.area);
    if (!area) throw new RangeError(`unknown area '${options.area}'`);
    return areaSeatTotals(feed, area);
  }
  const state = stateOfParties(feed, options.basis);
  const at = progress(feed);
  const rows: SeatTotal[] = [];
  if (measure === 'councils') {
    for (const row of [...state.parties, ...(state.noOverallControl ? [state.noOverallControl] : [])]) {
      if ((row.councils ?? 0) > 0)
        rows.push({ party: row.party, seats: row.councils ?? 0, change: row.councilsChange, share: undefined });
    }
  } else {
    for (const row of state.parties) {
      if ((row.seats ?? 0) > 0)
        rows.push({ party: row.party, seats: row.seats ?? 0, change: row.seatsChange, share: row.share });
    }
  }
  const parties = sortSeatTotals(rows, feed);
  const declared = sum(parties);
  const total = Math.max(declared, measure === 'councils' ? state.total : (at.seatsTotal ?? declared));
  return {
    measure,
    scope: 'election',
    view: 'national',
    parties,
    declared,
    total,
    undeclared: total - declared,
    majority: measure === 'seats' ? feed.meta.election.majority : undefined,
    areasDeclared: state.declared,
    areasTotal: state.total,
    basis: state.basis,
    baselineLabel: state.baselineLabel,
  };
}

function areaSeatTotals(feed: Feed, area: Area): SeatTotals {
  const results = area.results ?? [];
  const composition = results.some((result) => result.seatsHeld !== undefined);
  const declared = area.status === 'declared';
  const rows: SeatTotal[] = [];
  if (declared) {
    for (const result of results) {
      const seats = composition ? result.seatsHeld : result.seats;
      if (seats !== undefined && seats > 0) {
        rows.push({
          party: result.party,
          seats,
          change: composition ? result.seatsHeldChange : result.seatsChange,
          share: result.share,
        });
      }
    }
    // A single-seat contest may name only its winner.
    const winner = controlAfter(area);
    if (rows.length === 0 && winner !== undefined && winner !== NO_OVERALL_CONTROL && (area.seats?.total ?? 1) === 1) {
      rows.push({ party: winner, seats: 1, change: undefined, share: undefined });
    }
  }
  const parties = sortSeatTotals(rows, feed);
  const count = sum(parties);
  const size = composition ? area.seats?.total : (area.seats?.up ?? area.seats?.total);
  const total = Math.max(count, size ?? count);
  // The majority line is about the whole council: it belongs on the bar when the bar is the
  // whole council (composition, or an all-out election where seats up are all the seats).
  const wholeCouncil = composition || (area.seats?.total !== undefined && total === area.seats.total);
  const majority = wholeCouncil && total > 1 ? (area.seats?.majority ?? majorityOf(total)) : undefined;
  return {
    measure: 'seats',
    scope: 'area',
    view: composition ? 'composition' : 'seats-won',
    parties,
    declared: count,
    total,
    undeclared: total - count,
    majority,
    areasDeclared: declared ? 1 : 0,
    areasTotal: 1,
    basis: 'derived',
    baselineLabel: area.baseline?.label ?? feed.meta.baseline?.label,
  };
}

function sortSeatTotals(rows: SeatTotal[], feed: Feed): SeatTotal[] {
  const byParty = new Map(rows.map((row) => [row.party, row]));
  const standings = sortStandings(
    rows.map((row) => ({ party: row.party, seats: row.seats })),
    feed,
  );
  // No overall control is not a party: it goes after the parties whatever its size.
  const ordered = standings.map((standing) => byParty.get(standing.party)!);
  return [
    ...ordered.filter((row) => row.party !== NO_OVERALL_CONTROL),
    ...ordered.filter((row) => row.party === NO_OVERALL_CONTROL),
  ];
}

function sum(rows: readonly SeatTotal[]): number {
  return rows.reduce((total, row) => total + row.seats, 0);
}
