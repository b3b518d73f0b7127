/**
 * The parliament chart: a hemicycle of seats, filled left to right in the chart's item order,
 * with the majority line crossing it.
 *
 * Seats are dots in concentric rows, as readers know from parliament charts, while a dot would
 * still be at least `minDotRadius` pixels across; a chamber too large for that at the available
 * width (4,371 council seats on a phone) is drawn as one annular sector per item instead.
 * Coordinates are SVG user units: the hemicycle's centre is (0, 0), its outer radius is
 * `OUTER_RADIUS`, and y grows downwards, so the seats sit at negative y.
 * Sectors are d3-shape's `arc`, the project's chosen geometry library: it costs about 3 KB gzip
 * in the bundle (d3-shape ships one pre-bundled module that tree-shakes poorly; see
 * docs/performance.md), a price paid for not keeping hand-written arc path code.
 */
import { arc } from 'd3-shape';
import type { SeatBarItem } from '../derive/seat-bar-groups.js';
import { anchorFor, type Anchor, type MeasureText } from './seat-bar-stacked.js';

export const OUTER_RADIUS = 100;
/** How far the majority line reaches beyond the seats. */
const LINE_OVERSHOOT = 9;

export interface ParliamentDot {
  readonly x: number;
  readonly y: number;
  /** The item this seat belongs to. */
  readonly key: string;
}

export interface ParliamentSector {
  readonly key: string;
  /** SVG path data. */
  readonly path: string;
}

export interface ParliamentLayout {
  readonly mode: 'dots' | 'sectors';
  /** `viewBox` attribute value, and its parts. */
  readonly viewBox: string;
  readonly box: { readonly x: number; readonly y: number; readonly width: number; readonly height: number };
  /** Every seat, in seat order (left to right by angle), in dots mode. */
  readonly dots: readonly ParliamentDot[];
  readonly dotRadius: number;
  readonly rows: number;
  /** One sector per item, in sectors mode. */
  readonly sectors: readonly ParliamentSector[];
  /** Where each item is, per cent of the box from its top left (for tooltips). */
  readonly anchors: ReadonlyMap<string, { readonly x: number; readonly y: number }>;
  readonly majority:
    | {
        readonly seats: number;
        readonly x1: number;
        readonly y1: number;
        readonly x2: number;
        readonly y2: number;
        /** The line's outer end, per cent of the box width, for the label. */
        readonly labelX: number;
        readonly label: string;
        readonly anchor: Anchor;
      }
    | undefined;
}

export interface ParliamentOptions {
  readonly items: readonly SeatBarItem[];
  readonly total: number;
  readonly majority?: number | undefined;
  readonly majorityLabel?: string;
  /** Width available in pixels; 0 when not known yet. */
  readonly width: number;
  readonly measure: MeasureText;
  /** Inner radius as a fraction of the outer. Default 0.4. */
  readonly innerRatio?: number;
  /** Smallest dot radius, in pixels, before sectors are used. Default 1.75. */
  readonly minDotRadius?: number;
  /** Most dots ever drawn; above this, sectors. Default 2,000. */
  readonly maxDots?: number;
}

interface Seat {
  readonly angle: number;
  readonly row: number;
  readonly radius: number;
}

/** Seats a row of radius `radius` holds at spacing `spacing`, both ends included. */
const rowCapacity = (radius: number, spacing: number) => Math.floor((Math.PI * radius) / spacing) + 1;

/** Rows, row radii and dot spacing for `seats` seats between `inner` and `OUTER_RADIUS`. */
export function hemicycleRows(
  seats: number,
  inner: number,
): { rows: number; radii: number[]; spacing: number; capacity: number[] } {
  for (let rows = 1; ; rows += 1) {
    const spacing = (OUTER_RADIUS - inner) / rows;
    const radii = Array.from({ length: rows }, (_, row) => inner + spacing * (row + 0.5));
    const capacity = radii.map((radius) => rowCapacity(radius, spacing));
    if (capacity.reduce((a, b) => a + b, 0) >= seats || rows >= 200) return { rows, radii, spacing, capacity };
  }
}

/** Seats per row, proportional to each row's capacity (largest remainder), never over it. */
function seatsPerRow(seats: number, capacity: readonly number[]): number[] {
  const room = capacity.reduce((a, b) => a + b, 0);
  if (room < seats) throw new RangeError(`${seats} seats do not fit in a hemicycle of ${capacity.length} rows`);
  const exact = capacity.map((cap) => (seats * cap) / room);
  const counts = exact.map(Math.floor);
  let left = seats - counts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((value, row) => ({ row, rest: value - Math.floor(value) }))
    .sort((a, b) => b.rest - a.rest || b.row - a.row);
  for (let i = 0; left > 0; i = (i + 1) % order.length) {
    const row = order[i]!.row;
    if (counts[row]! < capacity[row]!) {
      counts[row]! += 1;
      left -= 1;
    }
  }
  return counts;
}

/** Every seat of a hemicycle, sorted left to right by angle (inner rows first at equal angles). */
function hemicycleSeats(seats: number, inner: number): { seats: Seat[]; spacing: number; rows: number } {
  const { rows, radii, spacing, capacity } = hemicycleRows(seats, inner);
  const counts = seatsPerRow(seats, capacity);
  const out: Seat[] = [];
  counts.forEach((count, row) => {
    for (let j = 0; j < count; j += 1) {
      // θ runs from π (left) to 0 (right).
      const angle = count === 1 ? Math.PI / 2 : Math.PI * (1 - j / (count - 1));
      out.push({ angle, row, radius: radii[row]! });
    }
  });
  out.sort((a, b) => b.angle - a.angle || a.row - b.row);
  return { seats: out, spacing, rows };
}

const point = (radius: number, angle: number) => ({ x: radius * Math.cos(angle), y: -radius * Math.sin(angle) });

/**
 * Path data of the ring sector between radii `inner` and `outer`, from angle `from` to angle
 * `to` (radians; π is the left end of the hemicycle, 0 the right end, so `from` > `to`):
 * along the outer edge clockwise over the top, in, and back along the inner edge.
 */
const ring = arc().digits(3);

export function sectorPath(inner: number, outer: number, from: number, to: number): string {
  // d3-shape measures angles clockwise from 12 o'clock; this file anticlockwise from 3 o'clock.
  return (
    ring({ innerRadius: inner, outerRadius: outer, startAngle: Math.PI / 2 - from, endAngle: Math.PI / 2 - to }) ?? ''
  );
}

export function parliamentLayout(options: ParliamentOptions): ParliamentLayout {
  const { items, width, measure } = options;
  const sum = items.reduce((total, item) => total + item.seats, 0);
  const total = Math.max(options.total, sum);
  const inner = OUTER_RADIUS * (options.innerRatio ?? 0.4);
  const maxDots = options.maxDots ?? 2000;

  let dots: ParliamentDot[] = [];
  let dotRadius = 0;
  let rows = 0;
  let seats: Seat[] = [];
  let mode: ParliamentLayout['mode'] = 'sectors';
  if (total > 0 && total <= maxDots) {
    const laid = hemicycleSeats(total, inner);
    dotRadius = laid.spacing * 0.4;
    // Box width in user units is about 2 × OUTER_RADIUS: that sets pixels per unit.
    const pixels = width > 0 ? dotRadius * (width / (2 * OUTER_RADIUS + 2 * dotRadius)) : Infinity;
    if (pixels >= (options.minDotRadius ?? 1.75) && (width > 0 || total <= 1000)) {
      mode = 'dots';
      seats = laid.seats;
      rows = laid.rows;
    }
  }

  const pad = mode === 'dots' ? Math.max(dotRadius, 2) : 2;
  const hasMajority = options.majority !== undefined && options.majority > 0 && options.majority <= total;
  // Room above the seats only for the majority line's overshoot.
  const top = hasMajority ? OUTER_RADIUS + LINE_OVERSHOOT + 1 : OUTER_RADIUS + pad;
  const box = { x: -(OUTER_RADIUS + pad), y: -top, width: 2 * (OUTER_RADIUS + pad), height: top + pad };
  const toBox = (x: number, y: number) => ({ x: ((x - box.x) / box.width) * 100, y: ((y - box.y) / box.height) * 100 });

  const anchors = new Map<string, { x: number; y: number }>();
  const sectors: ParliamentSector[] = [];
  if (mode === 'dots') {
    const keyAt: string[] = [];
    for (const item of items) for (let i = 0; i < item.seats; i += 1) keyAt.push(item.key);
    dots = seats.map((seat, index) => ({ ...point(seat.radius, seat.angle), key: keyAt[index] ?? '' }));
    // Each item's dots in one pass over them all (not one pass per item).
    const sums = new Map<string, { x: number; y: number; count: number }>();
    for (const dot of dots) {
      const sum = sums.get(dot.key) ?? { x: 0, y: 0, count: 0 };
      sum.x += dot.x;
      sum.y += dot.y;
      sum.count += 1;
      sums.set(dot.key, sum);
    }
    for (const item of items) {
      const own = sums.get(item.key);
      if (own) anchors.set(item.key, toBox(own.x / own.count, own.y / own.count));
    }
  } else if (total > 0) {
    let start = 0;
    for (const item of items) {
      const from = Math.PI * (1 - start / total);
      const to = Math.PI * (1 - (start + item.seats) / total);
      start += item.seats;
      if (item.seats === 0) continue;
      sectors.push({ key: item.key, path: sectorPath(inner, OUTER_RADIUS, from, to) });
      const centre = point((inner + OUTER_RADIUS) / 2, (from + to) / 2);
      anchors.set(item.key, toBox(centre.x, centre.y));
    }
  }

  let majority: ParliamentLayout['majority'];
  if (hasMajority) {
    let angle: number;
    if (mode === 'dots') {
      const last = seats[options.majority! - 1]!.angle;
      const next = seats[options.majority!]?.angle ?? 0;
      angle = (last + next) / 2;
    } else {
      angle = Math.PI * (1 - options.majority! / total);
    }
    const from = point(inner - LINE_OVERSHOOT / 2, angle);
    const to = point(OUTER_RADIUS + LINE_OVERSHOOT, angle);
    const label = options.majorityLabel ?? '';
    const labelX = toBox(to.x, to.y).x;
    majority = {
      seats: options.majority!,
      x1: from.x,
      y1: from.y,
      x2: to.x,
      y2: to.y,
      labelX,
      label,
      anchor: anchorFor(labelX, measure(label), width),
    };
  }

  return {
    mode,
    viewBox: `${box.x} ${box.y} ${box.width} ${box.height}`,
    box,
    dots,
    dotRadius,
    rows,
    sectors,
    anchors,
    majority,
  };
}
