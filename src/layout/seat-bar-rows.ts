/**
 * The bar-per-party seat chart: one row per item, every bar on one shared scale, so lengths
 * compare across rows. The scale runs to the larger of the biggest item and the majority plus
 * a tenth, so the majority line is always on the chart, never flush with its end (where it
 * would read as a border), and a party past it visibly crosses it.
 */
import type { SeatBarItem, SeatBarItemKind } from '../derive/seat-bar-groups.js';
import { linearScale } from './seat-bar-scale.js';
import { anchorFor, type Anchor, type ItemLabels, type LabelFit, type MeasureText } from './seat-bar-stacked.js';

/** The scale reaches at least this far past the majority. */
const MAJORITY_HEADROOM = 1.1;

export interface SeatRow {
  readonly key: string;
  readonly kind: SeatBarItemKind;
  readonly seats: number;
  readonly change: number | undefined;
  /** Bar length, per cent of the track. */
  readonly length: number;
}

export interface RowsLayout {
  readonly rows: readonly SeatRow[];
  /** The end of the scale, in seats. */
  readonly domainMax: number;
  /** The majority line, per cent of the track, and how its label sits so as to stay on the track. */
  readonly majority:
    { readonly seats: number; readonly x: number; readonly label: string; readonly anchor: Anchor } | undefined;
  /** Whether rows name parties in full or by short name. */
  readonly names: LabelFit;
  /**
   * `inline`: name, bar and figure side by side. `stacked`: the name and figure on one line and
   * the bar under them at full width, when side by side would leave the bars too short to compare.
   */
  readonly arrangement: 'inline' | 'stacked';
}

export interface RowsOptions {
  readonly items: readonly SeatBarItem[];
  readonly majority?: number | undefined;
  /** The chart's width in pixels; 0 when not known yet. */
  readonly width: number;
  readonly labels: ReadonlyMap<string, ItemLabels>;
  /** The figure beside each bar ("202, −60"), to size the figure column. */
  readonly values?: ReadonlyMap<string, string>;
  readonly measure: MeasureText;
  /** "326 to win". */
  readonly majorityLabel?: string;
  /** Pixels a row spends on gaps and padding besides name, bar and figure. Default 24. */
  readonly chrome?: number;
}

/** The shortest track worth drawing side by side: 96 px, or 40% of the width. */
const minTrack = (width: number) => Math.max(96, width * 0.4);

export function rowsLayout(options: RowsOptions): RowsLayout {
  const { items, labels, measure, width } = options;
  const majority = options.majority !== undefined && options.majority > 0 ? options.majority : undefined;
  const domainMax = Math.max(0, (majority ?? 0) * MAJORITY_HEADROOM, ...items.map((item) => item.seats));
  const x = linearScale([0, domainMax], [0, 100]);
  const rows = items.map((item) => ({
    key: item.key,
    kind: item.kind,
    seats: item.seats,
    change: item.change,
    length: domainMax === 0 ? 0 : x(item.seats),
  }));
  const widest = (texts: readonly string[]) => Math.max(0, ...texts.map(measure));
  const valueWidth = widest(items.map((item) => options.values?.get(item.key) ?? ''));
  const chrome = options.chrome ?? 24;
  // Width not known (a server render, or before the first measurement): full names, which
  // read best where the chart is never measured (no script) and match the common case.
  let names: LabelFit = width > 0 ? 'short' : 'full';
  let arrangement: RowsLayout['arrangement'] = 'inline';
  let track = 0;
  if (width > 0) {
    const trackWith = (fit: LabelFit) =>
      width - widest(items.map((item) => labels.get(item.key)?.[fit] ?? '')) - valueWidth - chrome;
    if (trackWith('full') >= minTrack(width)) {
      names = 'full';
      track = trackWith('full');
    } else if (trackWith('short') >= minTrack(width)) track = trackWith('short');
    else {
      names = 'full';
      arrangement = 'stacked';
      track = width - chrome / 3;
    }
  }
  let marker: RowsLayout['majority'];
  if (majority !== undefined && domainMax > 0) {
    const label = options.majorityLabel ?? '';
    marker = { seats: majority, x: x(majority), label, anchor: anchorFor(x(majority), measure(label), track) };
  }
  return { rows, domainMax, majority: marker, names, arrangement };
}
