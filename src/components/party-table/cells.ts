/**
 * What one cell of the party table says, on screen and to a screen reader. Changes carry an
 * explicit sign, a real minus sign and an arrow, and are spoken as words ("up 75", "down 41",
 * "no change"), so colour is never the only cue. An unknown figure is a dash on screen and
 * "not available" when read out, never 0. Pure: no DOM, no Lit.
 */
import { COLUMN_FORMAT, type DataColumn } from '../../derive/party-table-columns.js';
import { describeChange, formatChange, formatNumber, formatShare } from '../../i18n/format.js';
import { translate } from '../../i18n/messages.js';
import './messages.js';

/** Shares and their changes are shown to one decimal place. */
export const SHARE_DIGITS = 1;

/** The dash shown for a figure nobody gave (an en dash, as in printed tables). */
export const NOT_AVAILABLE_MARK = '–';

export interface CellText {
  /** What the cell shows. */
  readonly text: string;
  /** What a screen reader should hear, when it differs from `text`. */
  readonly spoken: string | undefined;
  /** Direction of a change, for the arrow and the colour. */
  readonly trend: 'up' | 'down' | 'none' | undefined;
}

const ARROWS = { up: '▲', down: '▼' } as const;

/** A number to `SHARE_DIGITS` places ("1.2"). */
const decimal = (value: number, locale: string) => formatNumber(value, locale, SHARE_DIGITS);

/** The arrow shown before a change, or '' for none. */
export function trendArrow(trend: CellText['trend']): string {
  return trend === 'up' || trend === 'down' ? ARROWS[trend] : '';
}

/** The text of a numeric cell. `value` undefined means nobody gave the figure. */
export function cellText(
  column: Exclude<DataColumn, 'candidate'>,
  value: number | undefined,
  locale: string,
): CellText {
  if (value === undefined || !Number.isFinite(value)) {
    return { text: NOT_AVAILABLE_MARK, spoken: translate(locale, 'partyTable.notAvailable'), trend: undefined };
  }
  switch (COLUMN_FORMAT[column]) {
    case 'count':
      return { text: formatNumber(value, locale), spoken: undefined, trend: undefined };
    case 'share':
      return { text: formatShare(value, locale, SHARE_DIGITS), spoken: undefined, trend: undefined };
    case 'change': {
      const trend = value > 0 ? 'up' : value < 0 ? 'down' : 'none';
      return { text: formatChange(value, locale), spoken: describeChange(value, locale), trend };
    }
    case 'points': {
      // Round first, so that +0.04 reads "0.0pp" and "no change" rather than "up 0.0".
      const rounded = Math.round(value * 10 ** SHARE_DIGITS) / 10 ** SHARE_DIGITS;
      const trend = rounded > 0 ? 'up' : rounded < 0 ? 'down' : 'none';
      const points = (n: number) => translate(locale, 'change.pointsLong', { value: decimal(n, locale) });
      return {
        text: translate(locale, 'change.points', { value: formatChange(rounded, locale, SHARE_DIGITS) }),
        spoken: describeChange(rounded, locale, points),
        trend,
      };
    }
    default:
      return { text: String(value), spoken: undefined, trend: undefined };
  }
}
