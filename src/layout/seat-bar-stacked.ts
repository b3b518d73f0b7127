/**
 * The stacked seat bar: one bar of the whole chart, a segment per item, and the majority
 * marker. Positions are per cent of the bar's width, so the bar stretches with its container;
 * the pixel width is needed only to decide which labels fit.
 *
 * Labels adapt: a segment shows "Conservatives 365" when that fits inside it, else "Con 365",
 * else it is listed in the legend instead. Labels never overlap, because a label is only ever
 * drawn inside its own segment; nor does the majority marker cross one: a label the marker
 * would cut moves to the side of the marker with room for it, or goes to the legend.
 */
import type { SeatBarItem, SeatBarItemKind } from '../derive/seat-bar-groups.js';
import { linearScale } from './seat-bar-scale.js';

/** The two ways of labelling an item: with its full name, and with its short name. */
export interface ItemLabels {
  readonly full: string;
  readonly short: string;
}

/** Width in pixels of a text as it will be drawn. */
export type MeasureText = (text: string) => number;

export type LabelFit = 'full' | 'short';

export interface StackedSegment {
  readonly key: string;
  readonly kind: SeatBarItemKind;
  readonly seats: number;
  /** Left and right edges, per cent of the bar (0-100). */
  readonly x0: number;
  readonly x1: number;
  /**
   * The label drawn inside the segment, or undefined when the legend carries it. `at` is where
   * its centre goes, per cent of the segment's width (50 unless the majority marker is in the way).
   */
  readonly label: { readonly text: string; readonly fit: LabelFit; readonly at: number } | undefined;
}

export type Anchor = 'start' | 'middle' | 'end';

export interface MajorityMarker {
  readonly seats: number;
  /** Per cent of the chart width. */
  readonly x: number;
  readonly label: string;
  /** How the label sits on the marker so that it stays inside the chart. */
  readonly anchor: Anchor;
}

export interface StackedLayout {
  readonly segments: readonly StackedSegment[];
  /** Keys of the items without a label inside their segment, in bar order. */
  readonly legend: readonly string[];
  readonly majority: MajorityMarker | undefined;
}

export interface StackedOptions {
  readonly items: readonly SeatBarItem[];
  /** Size of the bar; at least the sum of the items. */
  readonly total: number;
  readonly majority?: number | undefined;
  /** "326 to win". */
  readonly majorityLabel?: string;
  /** The bar's width in pixels; 0 when not known yet (every label goes to the legend). */
  readonly width: number;
  readonly labels: ReadonlyMap<string, ItemLabels>;
  readonly measure: MeasureText;
  /** Space kept clear on each side of a label inside its segment, in pixels. */
  readonly padding?: number;
  /** Space kept clear between a label and the majority marker, in pixels. */
  readonly clearance?: number;
}

/** Where a label of `labelWidth` pixels goes on a marker at `x` per cent of `width` pixels. */
export function anchorFor(x: number, labelWidth: number, width: number): Anchor {
  const at = (x / 100) * width;
  if (at - labelWidth / 2 < 0) return 'start';
  if (at + labelWidth / 2 > width) return 'end';
  return 'middle';
}

/**
 * Where a label `labelWidth` pixels wide (padding included) can sit in a segment `segmentWidth`
 * pixels wide with the marker `marker` pixels from its start (undefined when not inside it):
 * the centre as per cent of the segment, or undefined when it does not fit.
 */
function placeLabel(
  labelWidth: number,
  segmentWidth: number,
  marker: number | undefined,
  clearance: number,
): number | undefined {
  if (labelWidth > segmentWidth) return undefined;
  const half = labelWidth / 2;
  const centre = segmentWidth / 2;
  if (marker === undefined || marker < centre - half - clearance || marker > centre + half + clearance) return 50;
  const left = marker - clearance;
  const right = segmentWidth - marker - clearance;
  const sides = [
    { room: left, centre: left / 2 },
    { room: right, centre: marker + clearance + right / 2 },
  ].sort((a, b) => b.room - a.room);
  const side = sides.find((candidate) => labelWidth <= candidate.room);
  return side ? (side.centre / segmentWidth) * 100 : undefined;
}

export function stackedLayout(options: StackedOptions): StackedLayout {
  const { items, labels, measure, width } = options;
  const padding = options.padding ?? 6;
  const clearance = options.clearance ?? 4;
  const sum = items.reduce((total, item) => total + item.seats, 0);
  const total = Math.max(options.total, sum);
  const x = linearScale([0, total], [0, 100]);
  const majorityX =
    options.majority !== undefined && options.majority > 0 && options.majority <= total
      ? x(options.majority)
      : undefined;
  const segments: StackedSegment[] = [];
  const legend: string[] = [];
  let start = 0;
  for (const item of items) {
    const end = start + item.seats;
    const x0 = x(start);
    const x1 = x(end);
    const segmentWidth = ((x1 - x0) / 100) * width;
    const marker =
      majorityX !== undefined && majorityX > x0 && majorityX < x1 ? ((majorityX - x0) / 100) * width : undefined;
    const text = labels.get(item.key);
    let label: StackedSegment['label'];
    if (text && width > 0) {
      for (const [candidate, fit] of [
        [text.full, 'full'],
        [text.short, 'short'],
      ] as const) {
        const at = placeLabel(measure(candidate) + 2 * padding, segmentWidth, marker, clearance);
        if (at !== undefined) {
          label = { text: candidate, fit, at };
          break;
        }
      }
    }
    if (!label) legend.push(item.key);
    segments.push({ key: item.key, kind: item.kind, seats: item.seats, x0, x1, label });
    start = end;
  }
  let majority: MajorityMarker | undefined;
  if (majorityX !== undefined) {
    const label = options.majorityLabel ?? '';
    majority = { seats: options.majority!, x: majorityX, label, anchor: anchorFor(majorityX, measure(label), width) };
  }
  return { segments, legend, majority };
}
