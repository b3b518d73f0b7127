/**
 * The bar-per-party seat chart: one row per item, every bar on one shared scale, so lengths
 * compare across rows. The scale runs to the larger of the biggest item and the majority plus
 * a tenth, so the majority line is always on the chart, never flush with its end (where it
 * would read as a border), and a party past it visibly crosses it.
 */
import type { SeatBarItem, SeatBarItemKind } from './seat-bar-groups.js';
import { linearScale } from './seat-bar-scale.js';
import type { ItemLabels, LabelFit, MeasureText } from './seat-bar-stacked.js';

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
  /** The majority line, per cent of the track. */
  readonly majority: { readonly seats: number; readonly x: number } | undefined;
  /** Whether the name column shows full names or short ones. */
  readonly names: LabelFit;
}

export interface RowsOptions {
  readonly items: readonly SeatBarItem[];
  readonly majority?: number | undefined;
  /** The chart's width in pixels; 0 when not known yet. */
  readonly width: number;
  readonly labels: ReadonlyMap<string, ItemLabels>;
  readonly measure: MeasureText;
  /** Most of the width the name column may take before short names are used. Default 0.4. */
  readonly nameShare?: number;
}

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
  const widest = Math.max(0, ...items.map((item) => measure(labels.get(item.key)?.full ?? '')));
  const names: LabelFit = width > 0 && widest <= width * (options.nameShare ?? 0.4) ? 'full' : 'short';
  return { rows, domainMax, majority: majority !== undefined && domainMax > 0 ? { seats: majority, x: x(majority) } : undefined, names };
}
