/**
 * The geometry of a validated HexJSON layout (src/layout/hexjson.ts): hex centres, corners,
 * a viewBox for SVG, neighbours and the hex in a direction, for keyboard movement.
 *
 * The convention, from the format's own page (open-innovations.org/projects/hexmaps/hexjson):
 * - `q` is the column and grows to the right; `r` is the row and grows *upwards*, so on screen
 *   (where SVG y grows downwards) a larger `r` is drawn higher: north at the top.
 * - `odd-r` / `even-r` are pointy-topped; odd / even rows are shifted half a hex to the right.
 * - `odd-q` / `even-q` are flat-topped; odd / even columns are shifted half a hex up.
 * - Parity is that of the coordinate in the file, not of its position relative to the first
 *   row or column, so a layout still draws the same when a row is added. Negative numbers
 *   count too: r = -1 is an odd row (`((r % 2) + 2) % 2`, since -1 % 2 is -1 in JavaScript).
 *
 * d3-hexjson instead takes the parity of `rmax - r` (and of `q - qmin` for columns). That
 * agrees with the format where `rmax` (or `qmin`) is even, which is true of both UK layouts
 * in demo/data/hexjson (rmax 30 and 28), so the two libraries draw those identically; on a
 * layout with an odd `rmax` d3-hexjson shifts the wrong rows and neighbours come apart.
 */
import type { HexCell, HexJsonLayout, HexLayoutName, HexOrientation } from './hexjson.js';

/** 0 for even numbers and 1 for odd ones, negative numbers included (-1 is odd). */
export function parity(n: number): 0 | 1 {
  return (((n % 2) + 2) % 2) as 0 | 1;
}

export function orientationOf(layout: HexLayoutName): HexOrientation {
  return layout === 'odd-r' || layout === 'even-r' ? 'pointy' : 'flat';
}

/** True when this row (`-r` layouts) or column (`-q` layouts) is the one shifted by half a hex. */
export function isShifted(layout: HexLayoutName, q: number, r: number): boolean {
  switch (layout) {
    case 'odd-r':
      return parity(r) === 1;
    case 'even-r':
      return parity(r) === 0;
    case 'odd-q':
      return parity(q) === 1;
    case 'even-q':
      return parity(q) === 0;
  }
}

const SQRT3 = Math.sqrt(3);

export interface Point {
  readonly x: number;
  readonly y: number;
}

/**
 * The centre of hex (q, r) in SVG coordinates (y down), for hexes of circumradius `radius`
 * (centre to corner). Pointy-topped: columns √3·radius apart, rows 1.5·radius apart, shifted
 * rows half a column to the right. Flat-topped: columns 1.5·radius apart, rows √3·radius apart,
 * shifted columns half a row up.
 */
export function hexCentre(layout: HexLayoutName, q: number, r: number, radius = 1): Point {
  const shift = isShifted(layout, q, r) ? 0.5 : 0;
  // `+ 0` turns -0 (from -1.5 * 0) into 0, so centres compare and print cleanly.
  if (orientationOf(layout) === 'pointy') return { x: SQRT3 * radius * (q + shift) + 0, y: -1.5 * radius * r + 0 };
  return { x: 1.5 * radius * q + 0, y: -SQRT3 * radius * (r + shift) + 0 };
}

/**
 * The six corners of a hex centred on the origin, clockwise on screen from the top
 * (pointy-topped) or from the right (flat-topped).
 */
export function hexCorners(orientation: HexOrientation, radius = 1): readonly Point[] {
  const half = (SQRT3 / 2) * radius;
  if (orientation === 'pointy') {
    return [
      { x: 0, y: -radius },
      { x: half, y: -radius / 2 },
      { x: half, y: radius / 2 },
      { x: 0, y: radius },
      { x: -half, y: radius / 2 },
      { x: -half, y: -radius / 2 },
    ];
  }
  return [
    { x: radius, y: 0 },
    { x: radius / 2, y: half },
    { x: -radius / 2, y: half },
    { x: -radius, y: 0 },
    { x: -radius / 2, y: -half },
    { x: radius / 2, y: -half },
  ];
}

const round = (n: number) => Math.round(n * 1000) / 1000 + 0;

/** An SVG `points` attribute for a hex at `centre` (three decimals are plenty at any zoom). */
export function hexPoints(centre: Point, corners: readonly Point[]): string {
  return corners.map((corner) => `${round(centre.x + corner.x)},${round(centre.y + corner.y)}`).join(' ');
}

export interface ViewBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export function viewBoxAttribute(box: ViewBox): string {
  return `${round(box.x)} ${round(box.y)} ${round(box.width)} ${round(box.height)}`;
}

/** One hex placed on the plane. */
export interface PlacedHex extends HexCell, Point {}

export interface HexGrid {
  readonly layout: HexLayoutName;
  readonly orientation: HexOrientation;
  /** Centre to corner. */
  readonly radius: number;
  /** In the layout's order. */
  readonly hexes: readonly PlacedHex[];
  readonly byKey: ReadonlyMap<string, PlacedHex>;
  /** Corners relative to a hex's centre. */
  readonly corners: readonly Point[];
  /** Encloses every hex, plus `padding`. */
  readonly viewBox: ViewBox;
}

export interface HexGridOptions {
  /** Centre-to-corner size of each hex; default 1. */
  radius?: number;
  /** Space around the outermost hexes, in the same units; default 0. */
  padding?: number;
}

/** Place every hex of a validated layout, and the viewBox that holds them all. */
export function hexGrid(layout: HexJsonLayout, options: HexGridOptions = {}): HexGrid {
  const radius = options.radius ?? 1;
  const padding = options.padding ?? 0;
  if (!(radius > 0) || !Number.isFinite(radius))
    throw new RangeError(`radius must be a positive number, got ${radius}`);
  if (!(padding >= 0) || !Number.isFinite(padding))
    throw new RangeError(`padding must be zero or more, got ${padding}`);
  const orientation = orientationOf(layout.layout);
  const corners = hexCorners(orientation, radius);
  const hexes: PlacedHex[] = [];
  const byKey = new Map<string, PlacedHex>();
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const cell of layout.hexes) {
    const centre = hexCentre(layout.layout, cell.q, cell.r, radius);
    const placed: PlacedHex = Object.freeze({ ...cell, x: centre.x, y: centre.y });
    hexes.push(placed);
    byKey.set(cell.key, placed);
    minX = Math.min(minX, centre.x);
    maxX = Math.max(maxX, centre.x);
    minY = Math.min(minY, centre.y);
    maxY = Math.max(maxY, centre.y);
  }
  // A hex reaches half its width sideways and its radius up and down (pointy), or the other
  // way round (flat).
  const halfWidth = orientation === 'pointy' ? (SQRT3 / 2) * radius : radius;
  const halfHeight = orientation === 'pointy' ? radius : (SQRT3 / 2) * radius;
  const viewBox: ViewBox =
    hexes.length === 0
      ? { x: 0, y: 0, width: 0, height: 0 }
      : {
          x: minX - halfWidth - padding,
          y: minY - halfHeight - padding,
          width: maxX - minX + 2 * (halfWidth + padding),
          height: maxY - minY + 2 * (halfHeight + padding),
        };
  return { layout: layout.layout, orientation, radius, hexes, byKey, corners, viewBox };
}

/** The six offset-coordinate neighbours of (q, r), whatever the layout's shift. */
export function hexNeighbours(layout: HexLayoutName, q: number, r: number): readonly (readonly [number, number])[] {
  const shifted = isShifted(layout, q, r);
  if (orientationOf(layout) === 'pointy') {
    // In a shifted row the diagonal neighbours above and below are at q and q + 1; otherwise q - 1 and q.
    const left = shifted ? 0 : -1;
    return [
      [q - 1, r],
      [q + 1, r],
      [q + left, r + 1],
      [q + left + 1, r + 1],
      [q + left, r - 1],
      [q + left + 1, r - 1],
    ];
  }
  // A shifted column sits half a row up: its side neighbours are at r and r + 1.
  const below = shifted ? 0 : -1;
  return [
    [q, r + 1],
    [q, r - 1],
    [q - 1, r + below],
    [q - 1, r + below + 1],
    [q + 1, r + below],
    [q + 1, r + below + 1],
  ];
}

export type Direction = 'left' | 'right' | 'up' | 'down';

const VECTORS: Readonly<Record<Direction, Point>> = {
  left: { x: -1, y: 0 },
  right: { x: 1, y: 0 },
  up: { x: 0, y: -1 },
  down: { x: 0, y: 1 },
};

/**
 * The hex to move to from `from` for an arrow key: among the hexes whose centre lies less than
 * 60° off that direction (so left and right stay in their row), the one with the lowest distance weighted by its angle off the
 * straight line. The weight is chosen so that a touching hex 30° off (the next row of a
 * pointy-topped map) beats one straight ahead two rows away, while a hex straight ahead two
 * columns away beats a touching one 60° off (a sideways key should not drift up or down).
 * `allowed` narrows the candidates (the hexes a reader can select). Undefined at the edge.
 */
export function hexInDirection(
  hexes: readonly PlacedHex[],
  from: Point,
  direction: Direction,
  allowed: (hex: PlacedHex) => boolean = () => true,
): PlacedHex | undefined {
  const vector = VECTORS[direction];
  let best: PlacedHex | undefined;
  let bestScore = Infinity;
  for (const hex of hexes) {
    const dx = hex.x - from.x;
    const dy = hex.y - from.y;
    const along = dx * vector.x + dy * vector.y;
    if (along <= 1e-9) continue;
    const across = Math.abs(dx * vector.y - dy * vector.x);
    const angle = Math.atan2(across, along);
    if (angle >= Math.PI / 3 - 1e-6) continue;
    const score = Math.hypot(dx, dy) * (1 + (1.25 * angle) / (Math.PI / 3));
    if (score < bestScore - 1e-9 && allowed(hex)) {
      best = hex;
      bestScore = score;
    }
  }
  return best;
}

/**
 * The first hex that `include` accepts, reading from the top left (direction 1: top row first,
 * left to right) or from the bottom right (-1): where Home and End take the keyboard.
 */
export function firstInReadingOrder(
  hexes: readonly PlacedHex[],
  direction: 1 | -1,
  include: (hex: PlacedHex) => boolean,
): PlacedHex | undefined {
  let best: PlacedHex | undefined;
  for (const hex of hexes) {
    if (!include(hex)) continue;
    if (!best || direction * (hex.y - best.y || hex.x - best.x) < 0) best = hex;
  }
  return best;
}
