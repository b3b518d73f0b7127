import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assertFeed } from '../../../src/feed/validate.js';
import type { SeatBarItem } from '../../../src/derive/seat-bar-groups.js';
import { seatBarModel } from '../../../src/derive/seat-bar-model.js';
import { hemicycleRows, OUTER_RADIUS, parliamentLayout, sectorPath } from '../../../src/layout/seat-bar-parliament.js';

const measure = (text: string) => text.length * 8;
const item = (key: string, seats: number): SeatBarItem => ({
  key,
  kind: 'party',
  seats,
  change: undefined,
  share: undefined,
  parties: [key],
  members: [],
});

describe('hemicycleRows', () => {
  it('uses as few rows as hold the seats', () => {
    // Inner radius 40, outer 100. One row: spacing 60, radius 70, holds ⌊π·70/60⌋ + 1 = 4.
    expect(hemicycleRows(4, 40)).toMatchObject({ rows: 1, radii: [70], spacing: 60, capacity: [4] });
    // Five need two rows: spacing 30, radii 55 and 85, holding ⌊π·55/30⌋ + 1 = 6 and ⌊π·85/30⌋ + 1 = 9.
    expect(hemicycleRows(5, 40)).toMatchObject({ rows: 2, radii: [55, 85], spacing: 30, capacity: [6, 9] });
  });
});

describe('sectorPath', () => {
  it('draws a ring sector clockwise over the top and back along the inner edge', () => {
    // The whole half ring: left end (-100, 0), over the top to (100, 0), in to (40, 0), back to (-40, 0).
    // A half turn is exactly π, which d3-shape flags as a large arc; either flag draws the same.
    expect(sectorPath(40, 100, Math.PI, 0)).toBe('M-100,0A100,100,0,1,1,100,0L40,0A40,40,0,1,0,-40,0Z');
    // 60° either side of the top: outer corners at (±80 cos 60°, -80 sin 60°) = (±40, -69.282).
    expect(sectorPath(50, 80, (2 * Math.PI) / 3, Math.PI / 3)).toBe(
      'M-40,-69.282A80,80,0,0,1,40,-69.282L25,-43.301A50,50,0,0,0,-25,-43.301Z',
    );
  });
});

describe('parliamentLayout', () => {
  it('fills five seats left to right, inner row first at equal angles, with the majority line between seats 3 and 4', () => {
    const layout = parliamentLayout({
      items: [item('con', 3), item('lab', 2)],
      total: 5,
      majority: 3,
      majorityLabel: '3 to win',
      width: 400,
      measure,
    });
    expect(layout.mode).toBe('dots');
    expect(layout.rows).toBe(2);
    expect(layout.dotRadius).toBe(12); // 0.4 × spacing 30
    // Rows get 2 and 3 seats (5 × 6/15 and 5 × 9/15). Left to right: the two left ends, the top, the two right ends.
    const round = (n: number) => Math.round(n * 1000) / 1000 + 0;
    expect(layout.dots.map((dot) => [round(dot.x), round(dot.y), dot.key])).toEqual([
      [-55, 0, 'con'],
      [-85, 0, 'con'],
      [0, -85, 'con'],
      [55, 0, 'lab'],
      [85, 0, 'lab'],
    ]);
    // Seat 3 is at 90°, seat 4 at 0°: the line is at 45°, from radius 35.5 to 109.
    const m = layout.majority!;
    const r45 = Math.SQRT1_2;
    expect(m.x1).toBeCloseTo(35.5 * r45, 10);
    expect(m.y1).toBeCloseTo(-35.5 * r45, 10);
    expect(m.x2).toBeCloseTo(109 * r45, 10);
    expect(m.y2).toBeCloseTo(-109 * r45, 10);
    // Box: 12 units of padding for the dots, 110 above the centre for the line.
    expect(layout.box).toEqual({ x: -112, y: -110, width: 224, height: 122 });
    expect(m.labelX).toBeCloseTo(((109 * r45 + 112) / 224) * 100, 10);
    // The tooltip anchor of "con" is the mean of its seats, as per cent of the box.
    const anchor = layout.anchors.get('con')!;
    expect(anchor.x).toBeCloseTo(((-140 / 3 + 112) / 224) * 100, 10);
    expect(anchor.y).toBeCloseTo(((-85 / 3 + 110) / 122) * 100, 10);
  });

  it('draws sectors when dots would be too small', () => {
    const layout = parliamentLayout({
      items: [item('a', 1), item('b', 1)],
      total: 2,
      majority: 2,
      width: 400,
      measure,
      maxDots: 0,
    });
    expect(layout.mode).toBe('sectors');
    expect(layout.dots).toEqual([]);
    // "a" is the left quarter: outer edge from (−100, 0) over to the top (0, −100), in to (0, −40), back to (−40, 0).
    expect(layout.sectors).toEqual([
      { key: 'a', path: 'M-100,0A100,100,0,0,1,0,-100L0,-40A40,40,0,0,0,-40,0Z' },
      { key: 'b', path: 'M0,-100A100,100,0,0,1,100,0L40,0A40,40,0,0,0,0,-40Z' },
    ]);
    // "a" is the left quarter: its centroid is at radius 70, 45° left of the top.
    const box = layout.box;
    const a = layout.anchors.get('a')!;
    expect(a.x).toBeCloseTo(((-70 * Math.SQRT1_2 - box.x) / box.width) * 100, 10);
    expect(a.y).toBeCloseTo(((-70 * Math.SQRT1_2 - box.y) / box.height) * 100, 10);
    // A majority of 2 of 2 is the right-hand end of the hemicycle.
    expect(layout.majority!.y1).toBeCloseTo(0, 10);
    expect(layout.majority!.x2).toBeCloseTo(109, 10);
  });

  it('switches to sectors when the width makes dots smaller than the minimum', () => {
    const items = [item('a', 400), item('b', 250)];
    expect(parliamentLayout({ items, total: 650, width: 600, measure }).mode).toBe('dots');
    expect(parliamentLayout({ items, total: 650, width: 150, measure }).mode).toBe('sectors');
    // Width unknown: dots up to 1,000 seats.
    expect(parliamentLayout({ items, total: 650, width: 0, measure }).mode).toBe('dots');
    expect(parliamentLayout({ items: [item('a', 4371)], total: 4371, width: 0, measure }).mode).toBe('sectors');
  });

  it('keeps room above the seats only for a majority line', () => {
    const items = [item('con', 3), item('lab', 2)];
    expect(parliamentLayout({ items, total: 5, majority: 3, width: 400, measure }).box.y).toBe(-110);
    // Without one: 100 units of radius and 12 of dot padding.
    expect(parliamentLayout({ items, total: 5, width: 400, measure }).box).toEqual({
      x: -112,
      y: -112,
      width: 224,
      height: 124,
    });
  });

  it('draws nothing for an empty chart', () => {
    const layout = parliamentLayout({ items: [], total: 0, majority: 1, width: 400, measure });
    expect(layout).toMatchObject({ dots: [], sectors: [], majority: undefined });
  });
});

describe('parliamentLayout with the 2019 general election', () => {
  const feed = assertFeed(
    JSON.parse(readFileSync(new URL('../../fixtures/uk-general-2019.final.json', import.meta.url), 'utf8')),
  );
  const result = seatBarModel(feed);
  if (!result.ok) throw new Error('the 2019 feed has a seat chart');
  const { items, total, majority } = result.model;
  const layout = parliamentLayout({ items, total, majority, width: 640, measure });

  it('draws one dot per seat, each party with as many dots as seats', () => {
    expect(layout.mode).toBe('dots');
    expect(layout.dots).toHaveLength(650);
    const counts = new Map<string, number>();
    for (const dot of layout.dots) counts.set(dot.key, (counts.get(dot.key) ?? 0) + 1);
    expect(Object.fromEntries(counts)).toEqual(Object.fromEntries(items.map((entry) => [entry.key, entry.seats])));
  });

  it('never overlaps two dots, and keeps them inside the hemicycle', () => {
    const { dots, dotRadius } = layout;
    let closest = Infinity;
    for (let i = 0; i < dots.length; i++) {
      for (let j = i + 1; j < dots.length; j++)
        closest = Math.min(closest, Math.hypot(dots[i]!.x - dots[j]!.x, dots[i]!.y - dots[j]!.y));
    }
    expect(closest).toBeGreaterThan(2 * dotRadius);
    expect(Math.max(...dots.map((dot) => Math.hypot(dot.x, dot.y))) + dotRadius).toBeLessThanOrEqual(OUTER_RADIUS);
    expect(Math.max(...dots.map((dot) => dot.y))).toBeLessThanOrEqual(1e-9);
  });

  it('puts the first 326 seats on one side of the majority line and the rest on the other', () => {
    const m = layout.majority!;
    const lineAngle = Math.atan2(-m.y2, m.x2);
    const angles = layout.dots.map((dot) => Math.atan2(-dot.y, dot.x));
    expect(Math.min(...angles.slice(0, 326))).toBeGreaterThanOrEqual(lineAngle);
    expect(Math.max(...angles.slice(326))).toBeLessThanOrEqual(lineAngle);
  });
});
