import { describe, expect, it } from 'vitest';
import { UNDECLARED_ITEM, type SeatBarItem } from '../../../src/derive/seat-bar-groups.js';
import { rowsLayout } from '../../../src/layout/seat-bar-rows.js';

const measure = (text: string) => text.length * 8;
const item = (key: string, seats: number, change?: number): SeatBarItem => ({
  key,
  kind: key === UNDECLARED_ITEM ? 'undeclared' : 'party',
  seats,
  change,
  share: undefined,
  parties: [key],
  members: [],
});
const labels = new Map([
  ['con', { full: 'Conservatives', short: 'Con' }],
  ['lab', { full: 'Labour', short: 'Lab' }],
  [UNDECLARED_ITEM, { full: 'Still to declare', short: 'Still to declare' }],
]);

describe('rowsLayout', () => {
  const items = [item('con', 30, 4), item('lab', 20, -4), item(UNDECLARED_ITEM, 10)];

  it('draws every bar on one scale that runs to the largest item', () => {
    // 26 × 1.1 = 28.6 < 30: the largest item sets the scale.
    const layout = rowsLayout({ items, majority: 26, width: 400, labels, measure });
    expect(layout.domainMax).toBe(30);
    expect(layout.rows.map((row) => [row.key, row.seats, row.change])).toEqual([
      ['con', 30, 4],
      ['lab', 20, -4],
      [UNDECLARED_ITEM, 10, undefined],
    ]);
    expect(layout.rows[0]!.length).toBe(100);
    expect(layout.rows[1]!.length).toBeCloseTo(200 / 3, 10);
    expect(layout.rows[2]!.length).toBeCloseTo(100 / 3, 10);
    expect(layout.majority!.seats).toBe(26);
    expect(layout.majority!.x).toBeCloseTo((26 / 30) * 100, 10);
  });

  it('keeps the majority label on the track', () => {
    // No figures: the track is 400 − 128 ("Still to declare") − 24 = 248 px; the line at 26/30 is at 214.9 px.
    const at = (label: string) =>
      rowsLayout({ items, majority: 26, majorityLabel: label, width: 400, labels, measure }).majority!.anchor;
    expect(at('26')).toBe('middle'); // 16 px: 206.9-222.9
    expect(at('26 to win')).toBe('end'); // 72 px centred would end at 250.9 > 248
  });

  it('extends the scale a tenth past the majority when nobody is near it', () => {
    const layout = rowsLayout({ items, majority: 40, width: 400, labels, measure });
    expect(layout.domainMax).toBeCloseTo(44, 10);
    expect(layout.rows[0]!.length).toBeCloseTo((30 / 44) * 100, 10);
    expect(layout.majority!.x).toBeCloseTo((40 / 44) * 100, 10);
  });

  it('has no majority line without a majority', () => {
    expect(rowsLayout({ items, width: 400, labels, measure }).majority).toBeUndefined();
  });

  it('sets names, bar and figure side by side while the bar keeps 40% of the width, shortening names first', () => {
    const names = new Map([
      ['con', { full: 'Conservatives', short: 'Con' }],
      ['lab', { full: 'Labour', short: 'Lab' }],
      [UNDECLARED_ITEM, { full: 'Still to declare', short: 'To declare' }],
    ]);
    const values = new Map([
      ['con', '30, +4'],
      ['lab', '20, −4'],
      [UNDECLARED_ITEM, '10'],
    ]);
    // Widest full name 128 px ("Still to declare"), short 80 px ("To declare"), figure 48 px ("30, +4"), 24 px of gaps.
    const at = (width: number) => {
      const layout = rowsLayout({ items, width, labels: names, values, measure });
      return [layout.names, layout.arrangement];
    };
    expect(at(400)).toEqual(['full', 'inline']); // 400 − 128 − 48 − 24 = 200 ≥ 160
    expect(at(330)).toEqual(['short', 'inline']); // full leaves 130 < 132; short leaves 178
    expect(at(200)).toEqual(['full', 'stacked']); // short leaves 48 < 96: names above the bars
    expect(at(0)).toEqual(['full', 'inline']); // not measured yet (a server render): full names
  });

  it('gives zero-length bars when there is nothing to draw', () => {
    const layout = rowsLayout({ items: [], width: 400, labels, measure });
    expect(layout).toMatchObject({ rows: [], domainMax: 0, majority: undefined });
  });
});
