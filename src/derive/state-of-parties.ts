/**
 * The "state of parties": councils controlled, seats, votes and share per party, with changes.
 *
 * When the feed carries the publisher's own summary, that is what readers see: it is the figure
 * the publisher stands behind. Otherwise the totals are derived from the declared areas, and the
 * derived totals remain available as a cross-check either way. A figure no source gives stays
 * undefined; it is never filled with zero.
 */
import { NO_OVERALL_CONTROL, type Feed, type Summary } from '../feed/schema.js';
import { controlAfter } from '../feed/lookup.js';
import { progress } from './progress.js';

/** One row of the state of parties. `party` is a party id, or "noc" for no overall control. */
export interface PartyStanding {
  readonly party: string;
  readonly councils?: number | undefined;
  readonly councilsChange?: number | undefined;
  readonly seats?: number | undefined;
  readonly seatsChange?: number | undefined;
  readonly votes?: number | undefined;
  readonly share?: number | undefined;
  readonly shareChange?: number | undefined;
}

export interface StateOfParties {
  /** Whose totals these are: the publisher's summary, or derived from the areas. */
  readonly basis: 'publisher' | 'derived';
  /** Party rows (no overall control excluded), largest first. */
  readonly parties: readonly PartyStanding[];
  /** The no overall control row, when control is counted. */
  readonly noOverallControl: PartyStanding | undefined;
  /** Areas these totals cover, and areas in all. */
  readonly declared: number;
  readonly total: number;
  /** What changes are measured against. */
  readonly baselineLabel: string | undefined;
  readonly source: Summary['source'];
  /**
   * For derived totals: declared areas whose seat figures are in the feed. When fewer than
   * `declared`, seat totals cover only those areas and widgets say so.
   */
  readonly areasWithSeats: number;
}

export type StateOfPartiesBasis = 'auto' | 'publisher' | 'derived';
/** Every basis, in the order the attribute documentation names them. */
export const STATE_OF_PARTIES_BASES: readonly StateOfPartiesBasis[] = ['auto', 'publisher', 'derived'];

/** The state of parties a widget should show: the publisher's when present, else derived. */
export function stateOfParties(feed: Feed, basis: StateOfPartiesBasis = 'auto'): StateOfParties {
  if (basis !== 'derived' && feed.summary) return publisherStateOfParties(feed, feed.summary);
  return derivedStateOfParties(feed);
}

/** The publisher's summary as a state of parties, rows ordered like derived ones. */
export function publisherStateOfParties(feed: Feed, summary: Summary): StateOfParties {
  const at = progress(feed);
  const rows = summary.parties.map((row) => ({ ...row }));
  return {
    basis: 'publisher',
    parties: sortStandings(
      rows.filter((row) => row.party !== NO_OVERALL_CONTROL),
      feed,
    ),
    noOverallControl: rows.find((row) => row.party === NO_OVERALL_CONTROL),
    declared: summary.declared ?? at.declared,
    total: summary.total ?? at.total,
    baselineLabel: summary.baselineLabel ?? feed.meta.baseline?.label,
    source: summary.source,
    areasWithSeats: summary.declared ?? at.declared,
  };
}

interface Tally {
  councils: number;
  councilsChange: number | undefined;
  seats: number | undefined;
  seatsChange: number | undefined;
  votes: number | undefined;
}

const add = (total: number | undefined, value: number | undefined) =>
  value === undefined ? total : (total ?? 0) + value;

/** Totals over the declared areas (top-level ones: a ward with a `parent` counts in its council). */
export function derivedStateOfParties(feed: Feed): StateOfParties {
  const tallies = new Map<string, Tally>();
  const tally = (party: string) => {
    let entry = tallies.get(party);
    if (!entry) {
      entry = { councils: 0, councilsChange: undefined, seats: undefined, seatsChange: undefined, votes: undefined };
      tallies.set(party, entry);
    }
    return entry;
  };
  let countsControl = false;
  let totalVotes = 0;
  let areasWithSeats = 0;
  for (const area of feed.areas) {
    // Totals are the top-level areas': a ward's seats are already in its council's.
    if (area.status !== 'declared' || area.parent !== undefined) continue;
    const after = controlAfter(area);
    // Control is counted for bodies of several seats; for single-seat contests it would only
    // repeat the seat count, so it is left to the seats column.
    const multiSeat = (area.seats?.total ?? 0) > 1 || feed.meta.election.areaType === 'council';
    if (after !== undefined && multiSeat) {
      countsControl = true;
      tally(after).councils += 1;
      const before = area.control?.before;
      if (before !== undefined) {
        tally(after).councilsChange = (tally(after).councilsChange ?? 0) + 1;
        tally(before).councilsChange = (tally(before).councilsChange ?? 0) - 1;
      }
    }
    const results = area.results ?? [];
    if (results.some((result) => result.seats !== undefined)) areasWithSeats += 1;
    for (const result of results) {
      const entry = tally(result.party);
      entry.seats = add(entry.seats, result.seats);
      entry.seatsChange = add(entry.seatsChange, result.seatsChange);
      entry.votes = add(entry.votes, result.votes);
      totalVotes += result.votes ?? 0;
    }
  }
  // When every declared council says who held it before, a party no council moved to or
  // from has a known council change: zero. Otherwise its change is unknown.
  const everyBeforeKnown = feed.areas.every(
    (area) =>
      area.status !== 'declared' ||
      area.parent !== undefined ||
      controlAfter(area) === undefined ||
      area.control?.before !== undefined,
  );
  if (countsControl && everyBeforeKnown) for (const entry of tallies.values()) entry.councilsChange ??= 0;
  const standings: PartyStanding[] = [];
  let noOverallControl: PartyStanding | undefined;
  for (const [party, entry] of tallies) {
    const row: PartyStanding = {
      party,
      councils: countsControl ? entry.councils : undefined,
      councilsChange: countsControl ? entry.councilsChange : undefined,
      seats: party === NO_OVERALL_CONTROL ? undefined : entry.seats,
      seatsChange: party === NO_OVERALL_CONTROL ? undefined : entry.seatsChange,
      votes: entry.votes,
      share: entry.votes !== undefined && totalVotes > 0 ? (entry.votes / totalVotes) * 100 : undefined,
    };
    if (party === NO_OVERALL_CONTROL) noOverallControl = row;
    else standings.push(row);
  }
  if (
    countsControl &&
    !noOverallControl &&
    feed.areas.some((area) => area.control?.before === NO_OVERALL_CONTROL || area.control?.after === NO_OVERALL_CONTROL)
  ) {
    noOverallControl = { party: NO_OVERALL_CONTROL, councils: 0, councilsChange: everyBeforeKnown ? 0 : undefined };
  }
  const at = progress(feed);
  return {
    basis: 'derived',
    parties: sortStandings(standings, feed),
    noOverallControl,
    declared: at.declared,
    total: at.total,
    baselineLabel: feed.meta.baseline?.label,
    source: undefined,
    areasWithSeats,
  };
}

/** Largest first: seats, then councils, then votes; ties keep the feed's party order. */
export function sortStandings(rows: PartyStanding[], feed: Feed): PartyStanding[] {
  const order = new Map(feed.parties.map((party, index) => [party.id, index]));
  return rows.sort(
    (a, b) =>
      (b.seats ?? -1) - (a.seats ?? -1) ||
      (b.councils ?? -1) - (a.councils ?? -1) ||
      (b.votes ?? -1) - (a.votes ?? -1) ||
      (order.get(a.party) ?? Infinity) - (order.get(b.party) ?? Infinity),
  );
}
