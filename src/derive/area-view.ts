/**
 * How one area of the council list is shown, in the list and on the hex map alike: its kind
 * (the one rule for pattern and colour), its seats in words, and what its hex shows. Pure:
 * colours come in as plain `{ fill, text }` pairs resolved by the element.
 */
import { NO_OVERALL_CONTROL, type Feed } from '../feed/schema.js';
import { isolate } from '../i18n/bidi.js';
import { formatChange, formatNumber, formatShare } from '../i18n/format.js';
import { translate } from '../i18n/messages.js';
import { feedNames } from '../i18n/names.js';
import { describeOutcome } from '../i18n/sentences.js';
import type { AreaRow } from './area-rows.js';

/**
 * `result`: coloured by its winner or controller; `noc`: no overall control (dotted);
 * `awaiting`: not declared yet (hatched); `declared`: declared without a result to colour by;
 * `none`: no election here, or not in the feed.
 */
export type AreaKind = 'result' | 'noc' | 'awaiting' | 'declared' | 'none';

/** A fill and the colour that reads on it. */
export interface AreaColour {
  readonly fill: string;
  readonly text: string;
}

/** The one rule for what an area is shown as (`row` undefined: an area the feed does not have). */
export function areaKind(row: AreaRow | undefined): AreaKind {
  if (!row || row.status === 'no-election') return 'none';
  if (row.status !== 'declared') return 'awaiting';
  if (row.colourKey === NO_OVERALL_CONTROL) return 'noc';
  return row.colourKey !== undefined ? 'result' : 'declared';
}

/** "Seats won: LD 39 (+21), Con 9 (−19)", or for one seat "Lab 53.8%, majority 10,490"; undefined with no figures. */
export function seatsSummary(row: AreaRow, feed: Feed, locale: string): string | undefined {
  // Each name beside its figures: "Con 17 (−7)" stays that way round whatever the name holds.
  const names = feedNames(feed, locale, { isolated: true });
  if (row.singleSeat) {
    if (row.controlAfter === undefined) return undefined;
    const parts: string[] = [];
    if (row.winnerShare !== undefined) {
      parts.push(
        translate(locale, 'councilList.winnerShare', {
          party: names.party(row.controlAfter, { short: true }),
          share: formatShare(row.winnerShare, locale),
        }),
      );
    }
    if (row.majorityVotes !== undefined)
      parts.push(translate(locale, 'councilList.majorityVotes', { count: formatNumber(row.majorityVotes, locale) }));
    return parts.length > 0 ? parts.join(', ') : undefined;
  }
  if (row.seatsWon.length === 0) return undefined;
  const list = row.seatsWon
    .map(
      (figure) =>
        `${names.party(figure.party, { short: true })} ${formatNumber(figure.seats, locale)}${figure.change !== undefined ? ` (${formatChange(figure.change, locale)})` : ''}`,
    )
    .join(', ');
  return translate(locale, 'councilList.seatsWon', { list });
}

/** What one hex shows, apart from where it is. */
export interface HexState {
  readonly key: string;
  readonly kind: AreaKind;
  readonly fill: string | undefined;
  /** The gain ring's colour: what reads on the fill. */
  readonly ringColour: string;
  /** Control changed hands: the hex has a ring. */
  readonly gain: boolean;
  /** In the feed: selectable and reachable by keyboard. */
  readonly selectable: boolean;
  /** Left out by the reader's filters. */
  readonly dim: boolean;
  /** "Sheffield: Labour hold", for screen readers. */
  readonly label: string;
  /** Equal for two states that draw the same: a hex is drawn again only when it changes. */
  readonly signature: string;
}

export interface HexStateContext {
  readonly feed: Feed;
  readonly locale: string;
  /** A row's colour by its colour key. */
  readonly colour: (key: string) => AreaColour | undefined;
  /** The colour of areas without a result. */
  readonly undeclared: AreaColour;
  /** The reader's filters leave some areas out: those not in `shown` are dimmed. */
  readonly filtering: boolean;
  readonly shown: ReadonlySet<string>;
}

/** The state of the hex `key` (named `name` in the map's file) for the area's row, if the feed has it. */
export function hexState(
  key: string,
  name: string | undefined,
  row: AreaRow | undefined,
  context: HexStateContext,
): HexState {
  const { feed, locale, undeclared } = context;
  const colour = row?.colourKey !== undefined ? context.colour(row.colourKey) : undefined;
  const kind = areaKind(row);
  const fill =
    kind === 'none' ? undefined : kind === 'awaiting' || kind === 'declared' ? undeclared.fill : colour?.fill;
  const ringColour = colour?.text ?? undeclared.text;
  const gain = row?.changedHands ?? false;
  const dim = context.filtering && row !== undefined && !context.shown.has(row.id);
  const label = row
    ? `${isolate(row.name)}: ${describeOutcome(row.outcome, feed, locale)}`
    : `${isolate(name ?? key)}: ${translate(locale, 'status.no-election')}`;
  const selectable = row !== undefined;
  return {
    key,
    kind,
    fill,
    ringColour,
    gain,
    selectable,
    dim,
    label,
    signature: `${fill}|${ringColour}|${kind}|${gain}|${dim}|${label}|${selectable}`,
  };
}
