/**
 * One area's result as a plain view model, for `<tally-area-result>`: a contest with
 * candidates (a constituency, a ward of one or several seats), or a council (seats won of the
 * seats up, the whole council after, control before and after, its wards), with its status and
 * outcome. Pure: no DOM, no Lit; words are left to `src/i18n`.
 *
 * Every number comes from the feed. What the feed does not give is `undefined` here, and the
 * card leaves it out: a missing share is not a zero share, a missing change is not "no change".
 * The only figures worked out are geometry (how long a vote bar is, where the majority line
 * sits) and a council's majority when the feed gives its size but not the majority.
 */
import type { Area, AreaStatus, Feed } from '../feed/schema.js';
import { feedIndex } from '../feed/lookup.js';
import { sameJson } from '../feed/same-json.js';
import { areaOutcome, type AreaOutcome } from './area-outcome.js';
import { majorityOf } from './seat-totals.js';

/** The colour key of a candidate whose party is not one of the feed's parties. */
export const OTHER_COLOUR_KEY = 'other';

/** One line of a contest: a candidate, or a party when the feed gives only party figures. */
export interface ContestLine {
  /** Stable within the area, for keyed rendering: the candidate's id, else its place. */
  readonly key: string;
  /** The candidate's name; undefined for a party line without one. */
  readonly candidate: string | undefined;
  /** A party id of the feed, when the candidate stood for one. */
  readonly party: string | undefined;
  /** The source's own party label, when it matched none of the feed's parties. */
  readonly partyName: string | undefined;
  /** What the line is coloured by: the party id, or "other". */
  readonly colourKey: string;
  readonly votes: number | undefined;
  /** Per cent of the votes cast. */
  readonly share: number | undefined;
  /** Percentage points against the baseline. */
  readonly shareChange: number | undefined;
  /** Party lines in a ward of several seats: seats this party won. */
  readonly seats: number | undefined;
  /** Elected, as the source declared it (several in a ward of several seats); never ranked from votes. */
  readonly elected: boolean;
  /** Length of the vote bar, 0–100: the share, else these votes of all the votes given; undefined when neither is known. */
  readonly bar: number | undefined;
}

export interface ContestView {
  readonly kind: 'contest';
  /** Lines from `candidates[]`, or from the per-party `results[]` when the feed names no candidates. */
  readonly source: 'candidates' | 'parties';
  /** Most votes first (share when votes are missing); lines without either last, in feed order. */
  readonly lines: readonly ContestLine[];
  /** Seats being filled, when the feed says. */
  readonly seatsUp: number | undefined;
  readonly electedCount: number;
  /** Which figures any line has: a column nobody has is left out. */
  readonly has: { readonly votes: boolean; readonly share: boolean; readonly shareChange: boolean };
  /** Winning margin in votes. */
  readonly majority: number | undefined;
  /** Per cent. */
  readonly turnout: number | undefined;
  readonly electorate: number | undefined;
  /** Rejected (spoilt) ballots. */
  readonly rejected: number | undefined;
}

/** Seats of one party: won now of the seats up, or held on the whole council after. */
export interface SeatLine {
  readonly party: string;
  readonly seats: number;
  readonly change: number | undefined;
}

/** The whole council after the election, for a bar with its majority line. */
export interface CompositionView {
  /** Largest first, parties with no seat left out. */
  readonly parties: readonly SeatLine[];
  /** Seats in the feed's figures (the sum of `parties`). */
  readonly counted: number;
  /** Council size: the feed's, or the sum when the feed gives none. */
  readonly total: number;
  /** True when `total` is the feed's own `seats.total`. */
  readonly totalGiven: boolean;
  /** Seats needed for a majority: the feed's, else a simple majority of a known size. */
  readonly majority: number | undefined;
}

/** One ward (an area whose `parent` is this council), with its outcome. */
export interface WardLine {
  readonly id: string;
  readonly status: AreaStatus;
  readonly outcome: AreaOutcome;
  readonly declaredAt: string | undefined;
  /** Elected candidates by party (a party id, or the source's label), most first; empty when none are named. */
  readonly elected: readonly {
    readonly party: string | undefined;
    readonly partyName: string | undefined;
    readonly count: number;
  }[];
}

export interface CouncilView {
  readonly kind: 'council';
  /** Seats won at this election, of the seats up; empty when the feed has no seat figures. */
  readonly seatsWon: readonly SeatLine[];
  readonly seatsUp: number | undefined;
  /** Sum of `seatsWon`. */
  readonly seatsWonCounted: number;
  readonly composition: CompositionView | undefined;
  readonly control: {
    readonly before: string | undefined;
    readonly after: string | undefined;
    readonly largestParty: readonly string[];
  };
  /** Its wards (areas naming it as `parent`), in feed order; empty when the feed names none. */
  readonly wards: readonly WardLine[];
}

/** An area with no figures to show yet: its status and outcome only. */
export interface StatusOnlyView {
  readonly kind: 'status';
}

export interface AreaResultView {
  readonly id: string;
  readonly status: AreaStatus;
  readonly outcome: AreaOutcome;
  /** When declared, if the feed says. */
  readonly declaredAt: string | undefined;
  /** When expected, while not yet declared, if the feed says. */
  readonly expectedAt: string | undefined;
  /** The area this one is part of (a ward's council), for a way back. */
  readonly parent: string | undefined;
  readonly type: string | undefined;
  readonly region: string | undefined;
  /** What changes are measured against, when any change is shown. */
  readonly baselineLabel: string | undefined;
  readonly note: string | undefined;
  readonly url: string | undefined;
  readonly body: ContestView | CouncilView | StatusOnlyView;
}

/** Areas by the id of the area they belong to, in feed order; made once per (immutable) feed. */
const childrenCache = new WeakMap<Feed, ReadonlyMap<string, readonly Area[]>>();
export function areaChildren(feed: Feed): ReadonlyMap<string, readonly Area[]> {
  let children = childrenCache.get(feed);
  if (!children) {
    const map = new Map<string, Area[]>();
    for (const area of feed.areas) {
      if (area.parent === undefined) continue;
      let list = map.get(area.parent);
      if (!list) map.set(area.parent, (list = []));
      list.push(area);
    }
    childrenCache.set(feed, (children = map));
  }
  return children;
}

/** The area `id` of `feed`, if there is one. */
export function findArea(feed: Feed, id: string): Area | undefined {
  return feedIndex(feed).areas.get(id);
}

function partyOrder(feed: Feed): (party: string | undefined) => number {
  const order = new Map(feed.parties.map((party, index) => [party.id, index]));
  return (party) => (party === undefined ? Infinity : (order.get(party) ?? Infinity));
}

/** A single-seat area: one seat in all (or up, when the size is not given), or a named winner. */
function isSingleSeat(area: Area): boolean {
  const size = area.seats?.total ?? area.seats?.up;
  return size === 1 || (size === undefined && area.winner !== undefined);
}

/** Most votes first, then most share; lines with neither keep their feed order, last. */
function byVotes<T extends { votes?: number | undefined; share?: number | undefined; index: number }>(
  a: T,
  b: T,
): number {
  const rank = (line: T) => (line.votes !== undefined ? 0 : line.share !== undefined ? 1 : 2);
  return rank(a) - rank(b) || (b.votes ?? 0) - (a.votes ?? 0) || (b.share ?? 0) - (a.share ?? 0) || a.index - b.index;
}

function bars<T extends { votes?: number | undefined; share?: number | undefined }>(
  lines: readonly T[],
): (line: T) => number | undefined {
  // Votes give a length only when every line has them: a share of a partial count would be wrong.
  const allVotes = lines.length > 0 && lines.every((line) => line.votes !== undefined);
  const total = allVotes ? lines.reduce((sum, line) => sum + line.votes!, 0) : 0;
  return (line) => {
    if (line.share !== undefined) return line.share;
    if (allVotes && total > 0) return (line.votes! / total) * 100;
    return undefined;
  };
}

function contestFromCandidates(area: Area, feed: Feed): ContestView {
  const known = new Set(feed.parties.map((party) => party.id));
  const raw = (area.candidates ?? []).map((candidate, index) => ({ ...candidate, index }));
  const length = bars(raw);
  const lines = raw.sort(byVotes).map((candidate): ContestLine => ({
    key: candidate.id !== undefined ? `c:${candidate.id}` : `i:${candidate.index}`,
    candidate: candidate.name,
    party: candidate.party,
    partyName: candidate.party === undefined ? candidate.partyName : undefined,
    colourKey: candidate.party !== undefined && known.has(candidate.party) ? candidate.party : OTHER_COLOUR_KEY,
    votes: candidate.votes,
    share: candidate.share,
    shareChange: candidate.shareChange,
    seats: undefined,
    elected: candidate.elected === true,
    bar: length(candidate),
  }));
  return contest(area, 'candidates', lines);
}

function contestFromResults(area: Area): ContestView {
  const single = isSingleSeat(area);
  const winner = area.status === 'declared' ? (area.winner ?? area.control?.after) : undefined;
  const raw = (area.results ?? []).map((result, index) => ({ ...result, index }));
  const length = bars(raw);
  const lines = raw.sort(byVotes).map((result): ContestLine => {
    const declared = area.status === 'declared';
    // A party elected: the declared winner of a single seat, or a party with seats won.
    const elected = declared && (single ? result.party === winner || (result.seats ?? 0) > 0 : (result.seats ?? 0) > 0);
    return {
      key: `p:${result.party}`,
      candidate: result.candidate,
      party: result.party,
      partyName: undefined,
      colourKey: result.party,
      votes: result.votes,
      share: result.share,
      shareChange: result.shareChange,
      seats: single ? undefined : result.seats,
      elected,
      bar: length(result),
    };
  });
  return contest(area, 'parties', lines);
}

function contest(area: Area, source: ContestView['source'], lines: ContestLine[]): ContestView {
  return {
    kind: 'contest',
    source,
    lines,
    seatsUp: area.seats?.up ?? (isSingleSeat(area) ? 1 : undefined),
    electedCount: lines.filter((line) => line.elected).length,
    has: {
      votes: lines.some((line) => line.votes !== undefined),
      share: lines.some((line) => line.share !== undefined),
      shareChange: lines.some((line) => line.shareChange !== undefined),
    },
    majority: area.majority,
    turnout: area.turnout,
    electorate: area.electorate,
    rejected: area.rejected,
  };
}

function seatLines(lines: SeatLine[], feed: Feed): SeatLine[] {
  const order = partyOrder(feed);
  return lines.sort((a, b) => b.seats - a.seats || order(a.party) - order(b.party));
}

function wardLine(ward: Area, feed: Feed): WardLine {
  const order = partyOrder(feed);
  const counts = new Map<string, { party: string | undefined; partyName: string | undefined; count: number }>();
  for (const candidate of ward.candidates ?? []) {
    if (candidate.elected !== true) continue;
    const key = candidate.party !== undefined ? `p:${candidate.party}` : `n:${candidate.partyName ?? ''}`;
    const entry = counts.get(key) ?? {
      party: candidate.party,
      partyName: candidate.party === undefined ? candidate.partyName : undefined,
      count: 0,
    };
    entry.count += 1;
    counts.set(key, entry);
  }
  const elected = [...counts.values()].sort((a, b) => b.count - a.count || order(a.party) - order(b.party));
  return {
    id: ward.id,
    status: ward.status,
    outcome: areaOutcome(ward),
    declaredAt: ward.status === 'declared' ? ward.declaredAt : undefined,
    elected,
  };
}

function council(area: Area, feed: Feed, wards: readonly Area[]): CouncilView {
  const declared = area.status === 'declared';
  const results = area.results ?? [];
  const won: SeatLine[] = [];
  const held: SeatLine[] = [];
  for (const result of results) {
    if (result.seats !== undefined && result.seats > 0)
      won.push({ party: result.party, seats: result.seats, change: result.seatsChange });
    if (result.seatsHeld !== undefined && result.seatsHeld > 0)
      held.push({ party: result.party, seats: result.seatsHeld, change: result.seatsHeldChange });
  }
  const seatsWon = seatLines(won, feed);
  let composition: CompositionView | undefined;
  // The whole council after the election is known once it is declared.
  if (declared && held.length > 0) {
    const parties = seatLines(held, feed);
    const counted = parties.reduce((sum, line) => sum + line.seats, 0);
    const given = area.seats?.total;
    const total = Math.max(counted, given ?? counted);
    composition = {
      parties,
      counted,
      total,
      totalGiven: given !== undefined,
      majority: area.seats?.majority ?? (given !== undefined && given > 1 ? majorityOf(given) : undefined),
    };
  }
  const largest = area.control?.largestParty;
  return {
    kind: 'council',
    seatsWon,
    seatsUp: area.seats?.up,
    seatsWonCounted: seatsWon.reduce((sum, line) => sum + line.seats, 0),
    composition,
    control: {
      before: area.control?.before,
      after: declared ? area.control?.after : undefined,
      largestParty: declared ? (largest === undefined ? [] : Array.isArray(largest) ? largest : [largest]) : [],
    },
    wards: wards.map((ward) => wardLine(ward, feed)),
  };
}

function body(area: Area, feed: Feed): AreaResultView['body'] {
  const wards = areaChildren(feed).get(area.id) ?? [];
  const results = area.results ?? [];
  if ((area.candidates?.length ?? 0) > 0) return contestFromCandidates(area, feed);
  if (wards.length > 0) return council(area, feed, wards);
  const hasVotes = results.some((result) => result.votes !== undefined || result.share !== undefined);
  const hasSeats = results.some((result) => result.seats !== undefined || result.seatsHeld !== undefined);
  if (results.length > 0 && (isSingleSeat(area) || (hasVotes && !hasSeats))) return contestFromResults(area);
  if (hasSeats || area.control !== undefined || (area.seats?.total ?? 0) > 1) return council(area, feed, wards);
  if (hasVotes) return contestFromResults(area);
  return { kind: 'status' };
}

function showsChange(view: AreaResultView['body']): boolean {
  if (view.kind === 'contest') return view.has.shareChange;
  if (view.kind === 'council') {
    return (
      view.seatsWon.some((line) => line.change !== undefined) ||
      (view.composition?.parties.some((line) => line.change !== undefined) ?? false)
    );
  }
  return false;
}

/**
 * The view of area `id` of `feed`, or undefined when the feed has no such area. The same
 * feed and id always give an equal view; use `sameAreaInputs` to tell whether a new feed
 * changes it at all.
 */
export function areaResult(feed: Feed, id: string): AreaResultView | undefined {
  const area = findArea(feed, id);
  if (!area) return undefined;
  const shown = body(area, feed);
  const declared = area.status === 'declared';
  return {
    id: area.id,
    status: area.status,
    outcome: areaOutcome(area),
    declaredAt: declared ? area.declaredAt : undefined,
    expectedAt: declared || area.status === 'no-election' || area.status === 'postponed' ? undefined : area.expectedAt,
    parent: area.parent !== undefined && findArea(feed, area.parent) ? area.parent : undefined,
    type: area.type,
    region: area.region,
    baselineLabel: showsChange(shown) ? (area.baseline?.label ?? feed.meta.baseline?.label) : undefined,
    note: area.note,
    url: area.url,
    body: shown,
  };
}

/**
 * What the view of area `id` is made from: the area, its wards, its parent (for the name of
 * the way back), the parties (names and colours) and the baseline.
 */
function inputsOf(feed: Feed, id: string): unknown[] {
  const area = findArea(feed, id);
  const parent = area?.parent !== undefined ? findArea(feed, area.parent) : undefined;
  return [
    area,
    areaChildren(feed).get(id) ?? [],
    parent && { id: parent.id, name: parent.name, shortName: parent.shortName, translations: parent.translations },
    feed.parties,
    feed.meta.baseline,
    feed.meta.test,
    feed.meta.election.areaType,
  ];
}

/**
 * True when area `id` would look exactly the same from `next` as from `previous`: an update
 * of the feed that touches other areas only. Compares the few objects the view is made from
 * (by identity first: a validated feed reuses unchanged areas), never the whole feed.
 */
export function sameAreaInputs(previous: Feed | undefined, next: Feed, id: string): boolean {
  if (!previous) return false;
  if (previous === next) return true;
  const before = inputsOf(previous, id);
  const after = inputsOf(next, id);
  return before.every((value, index) => value === after[index] || sameJson(value, after[index]));
}
