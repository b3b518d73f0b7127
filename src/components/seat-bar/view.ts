/**
 * What the seat bar's render modules draw from: the model, its words and colours, and the
 * reader's state (selection, tooltip, tab stop), for one render. Built by the element.
 */
import type { Feed } from '../../feed/schema.js';
import type { SeatBarItem } from '../../derive/seat-bar-groups.js';
import type { SeatBarModel } from '../../derive/seat-bar-model.js';
import type { ItemText } from '../../derive/seat-bar-text.js';
import type { MeasureText } from '../../layout/seat-bar-stacked.js';
import type { PartyColour } from '../shared/palette.js';

export interface SeatBarView {
  readonly feed: Feed;
  readonly model: SeatBarModel;
  readonly texts: ReadonlyMap<string, ItemText>;
  readonly palette: ReadonlyMap<string, PartyColour>;
  readonly locale: string;
  /** The chart's width in CSS pixels; 0 until measured. */
  readonly width: number;
  /**
   * Every item in the key: a server-rendered (and hydrated) chart, which could not fit labels
   * without a width, keeps its key, so that the page does not move once labels fit.
   */
  readonly fullKey: boolean;
  /** Widths of label text in the chart's font. */
  readonly measure: MeasureText;
  /** "326 to win", or empty. */
  readonly majorityLabel: string;
  /** The selected item's key. */
  readonly selected: string | undefined;
  /** The item whose tooltip is shown. */
  readonly active: string | undefined;
  /** `tabindex` of an item's control (roving focus). */
  tabIndex(key: string): '0' | '-1';
}

/** The item under the pointer, the item whose control has focus, and whether Escape hid the tooltip. */
export interface Interaction {
  readonly hovered: string | undefined;
  /** The pointer is over the item's entry in the key, not over the chart. */
  readonly hoveredInLegend: boolean;
  readonly focused: string | undefined;
  readonly dismissed: boolean;
}

/**
 * The id of an item's description: seats, change and share in words. Controls show a short
 * label ("Con 365") as their name and take these as their description, so the name is what
 * is on screen (voice control users say what they see) and the details still reach screen readers.
 */
export function descriptionId(key: string): string {
  return `describe-${key}`;
}

/** The palette id an item is coloured by. */
export function colourId(item: SeatBarItem | undefined): string {
  if (!item) return 'other';
  if (item.kind === 'others') return 'other';
  if (item.kind === 'undeclared') return 'undeclared';
  return item.key;
}

/** SVG coordinates to two decimals. */
export const round = (value: number): number => Math.round(value * 100) / 100;
