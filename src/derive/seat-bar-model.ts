/**
 * What a seat chart shows, from a feed: the items in drawing order, the chart's size and
 * majority line, how far the count has got, and what a reader must be told about the figures
 * (totals that cover only some councils, publisher totals larger than the seats up).
 *
 * A feed that cannot give the chart asked for is not drawn as if it could: the result names
 * the problem (an unknown area, councils asked of a feed that does not count control, no seat
 * figures at all) so the element can say so and keep what it showed before.
 */
import type { Feed } from '../feed/schema.js';
import { progress } from './progress.js';
import { seatTotals, type SeatMeasure, type SeatTotals } from './seat-totals.js';
import { stateOfParties, type StateOfPartiesBasis } from './state-of-parties.js';
import { groupSeatTotals, undeclaredItem, type OthersThreshold, type SeatBarItem } from './seat-bar-groups.js';

export interface SeatBarModelOptions {
  readonly measure?: SeatMeasure;
  /** One area's id, instead of the whole election. */
  readonly area?: string | undefined;
  readonly basis?: StateOfPartiesBasis;
  readonly othersBelow?: OthersThreshold | undefined;
  /** Item keys as last drawn, to keep ties in place. */
  readonly previousOrder?: readonly string[] | undefined;
}

export type SeatBarProblem =
  /** `area` names no area of the feed. */
  | { readonly kind: 'unknown-area'; readonly area: string }
  /** Councils were asked for, and the feed does not say who controls its areas. */
  | { readonly kind: 'no-councils' }
  /** Areas have declared, and the feed gives no seat figure for any of them. */
  | { readonly kind: 'no-seat-figures' }
  /** Nothing is declared and the feed does not say how many seats (or areas) there are. */
  | { readonly kind: 'no-size' };

export interface SeatBarModel {
  readonly totals: SeatTotals;
  /** Parties, "Others" and no overall control in drawing order, then the undeclared remainder. */
  readonly items: readonly SeatBarItem[];
  /** Size of the chart: the sum of every item. */
  readonly total: number;
  /** Seats needed for a majority, when the chart is one chamber. */
  readonly majority: number | undefined;
  /**
   * Derived seat totals that cover only the declared areas with seat figures: the remainder is
   * then "not declared or not reported", not simply "still to declare".
   */
  readonly coverage: { readonly areasWithSeats: number; readonly areasDeclared: number } | undefined;
  /** The parties' seats add up to more than the seats being elected (a publisher's count can). */
  readonly overTotal: { readonly counted: number; readonly seatsUp: number } | undefined;
  /**
   * What the remainder is: seats still to declare; seats declared whose figures are not in the
   * feed (every area has declared); or some of each.
   */
  readonly remainder: 'undeclared' | 'unreported' | 'undeclared-or-unreported';
}

export type SeatBarModelResult =
  { readonly ok: true; readonly model: SeatBarModel } | { readonly ok: false; readonly problem: SeatBarProblem };

/**
 * The most parties a seat chart names; the rest are drawn together as Others (their seats and
 * names are in its description and the table). Well above the number of parties with seats in
 * any parliament; a feed may list 1,000 parties (FEED_LIMITS).
 */
export const MAX_NAMED_PARTIES = 50;

/** Whether a feed can be counted in councils controlled. */
function countsControl(feed: Feed): boolean {
  if (feed.summary?.parties.some((row) => row.councils !== undefined)) return true;
  if (feed.meta.election.areaType === 'council') return true;
  return feed.areas.some((area) => (area.seats?.total ?? 0) > 1);
}

export function seatBarModel(feed: Feed, options: SeatBarModelOptions = {}): SeatBarModelResult {
  const measure = options.measure ?? 'seats';
  const basis = options.basis ?? 'auto';
  if (options.area !== undefined && !feed.areas.some((area) => area.id === options.area)) {
    return { ok: false, problem: { kind: 'unknown-area', area: options.area } };
  }
  const national = options.area === undefined;
  if (national && measure === 'councils' && !countsControl(feed))
    return { ok: false, problem: { kind: 'no-councils' } };

  const totals = seatTotals(feed, { measure, area: options.area, basis });
  let coverage: SeatBarModel['coverage'];
  let overTotal: SeatBarModel['overTotal'];
  if (national && measure === 'seats') {
    const state = stateOfParties(feed, basis);
    if (totals.declared === 0 && state.declared > 0) return { ok: false, problem: { kind: 'no-seat-figures' } };
    if (state.basis === 'derived' && state.areasWithSeats < state.declared) {
      coverage = { areasWithSeats: state.areasWithSeats, areasDeclared: state.declared };
    }
    const seatsUp = progress(feed).seatsTotal;
    if (seatsUp !== undefined && totals.declared > seatsUp) overTotal = { counted: totals.declared, seatsUp };
  }
  if (totals.total === 0) return { ok: false, problem: { kind: 'no-size' } };

  const items = groupSeatTotals(totals.parties, totals.total, {
    othersBelow: options.othersBelow,
    previousOrder: options.previousOrder,
    maxNamed: MAX_NAMED_PARTIES,
  });
  const remainder = undeclaredItem(totals.undeclared);
  if (remainder) items.push(remainder);
  return {
    ok: true,
    model: {
      totals,
      items,
      total: totals.total,
      // A majority line outside the chart would point nowhere.
      majority:
        totals.majority !== undefined && totals.majority > 0 && totals.majority <= totals.total
          ? totals.majority
          : undefined,
      coverage,
      overTotal,
      remainder: !coverage
        ? 'undeclared'
        : coverage.areasDeclared >= totals.areasTotal
          ? 'unreported'
          : 'undeclared-or-unreported',
    },
  };
}
