/**
 * How far the count has got: "130 of 150 councils declared", and seats declared when every
 * declared area says how many seats it had up.
 */
import type { AreaType, Feed } from '../feed/schema.js';

export interface Progress {
  /** Areas with a declared result. */
  readonly declared: number;
  /** Areas holding an election (areas marked no-election, and areas within another, such as a council's wards, are left out). */
  readonly total: number;
  /** Areas counting, in a recount, or postponed. */
  readonly counting: number;
  readonly recount: number;
  readonly postponed: number;
  /** What an area is called, for "130 of 150 councils". */
  readonly areaType: AreaType;
  /** Seats up in declared areas; undefined when a declared area does not say. */
  readonly seatsDeclared: number | undefined;
  /** All seats being elected, from the feed's meta or the areas; undefined when unknown. */
  readonly seatsTotal: number | undefined;
  /** True when every area holding an election has declared. */
  readonly complete: boolean;
}

/** Seats an area elects at this election: seats up, else (all-out or single-seat) its size. */
export function seatsElected(area: Feed['areas'][number]): number | undefined {
  return area.seats?.up ?? area.seats?.total;
}

export function progress(feed: Feed): Progress {
  let declared = 0;
  let total = 0;
  let counting = 0;
  let recount = 0;
  let postponed = 0;
  let seatsDeclared: number | undefined = 0;
  let seatsFromAreas: number | undefined = 0;
  for (const area of feed.areas) {
    // A ward under its council is part of the council's result, not another area to count.
    if (area.status === 'no-election' || area.parent !== undefined) continue;
    total += 1;
    const seats = seatsElected(area);
    seatsFromAreas = seats === undefined || seatsFromAreas === undefined ? undefined : seatsFromAreas + seats;
    if (area.status === 'declared') {
      declared += 1;
      seatsDeclared = seats === undefined || seatsDeclared === undefined ? undefined : seatsDeclared + seats;
    } else if (area.status === 'counting') counting += 1;
    else if (area.status === 'recount') recount += 1;
    else if (area.status === 'postponed') postponed += 1;
  }
  return {
    declared,
    total,
    counting,
    recount,
    postponed,
    areaType: feed.meta.election.areaType ?? 'area',
    seatsDeclared,
    seatsTotal: feed.meta.election.seats ?? seatsFromAreas,
    complete: total > 0 && declared === total,
  };
}
