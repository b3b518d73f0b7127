import { describe, expect, it } from 'vitest';
import { UNDECLARED_KEY, type SeatBarItem } from '../../../src/layout/seat-bar-groups.js';
import { rowsLayout } from '../../../src/layout/seat-bar-rows.js';

const measure = (text: string) => text.length * 8;
const item = (key: string, seats: number, change?: number): SeatBarItem => ({
  key,
  kind: key === UNDECLARED_KEY ? 'undeclared' : 'party',
  seats,
  change,
  share: undefined,
  parties: [key],
  members: [],
});
const labels = new Map([
  ['con', { full: 'Conservatives', short: 'Con' }],
  ['lab', { full: 'Labour', short: 'Lab' }],
  [UNDECLARED_KEY, { full: 'Still to declare', short: 'Still to declare' }],
]);

describe('rowsLayout', () => {
  const items = [item('con', 30, 4), item('lab', 20, -4), item(UNDECLARED_KEY, 10)];

  it('draws every bar on one scale that runs to the largest item', () => {
    // 26 × 1.1 = 28.6 < 30: the largest item sets the scale.
    const layout = rowsLayout({ items, majority: 26, width: 400, labels, measure });
    expect(layout.domainMax).toBe(30);
    expect(layout.rows.map((row) => [row.key, row.seats, row.change])).toEqual([
      ['con', 30, 4],
      ['lab', 20, -4],
      [UNDECLARED_KEY, 10, undefined],
    ]);
    expect(layout.rows[0]!.length).toBe(100);
    expect(layout.rows[1]!.length).toBeCloseTo(200 / 3, 10);
    expect(layout.rows[2]!.length).toBeCloseTo(100 / 3, 10);
    expect(layout.majority!.seats).toBe(26);
    expect(layout.majority!.x).toBeCloseTo((26 / 30) * 100, 10);
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

  it('uses full names while the widest fits in 40% of the width, short names otherwise', () => {
    // "Still to declare" is the widest: 16 × 8 = 128 px.
    expect(rowsLayout({ items, width: 320, labels, measure }).names).toBe('full'); // 128 ≤ 128
    expect(rowsLayout({ items, width: 319, labels, measure }).names).toBe('short');
    expect(rowsLayout({ items, width: 0, labels, measure }).names).toBe('short');
  });

  it('gives zero-length bars when there is nothing to draw', () => {
    const layout = rowsLayout({ items: [], width: 400, labels, measure });
    expect(layout).toMatchObject({ rows: [], domainMax: 0, majority: undefined });
  });
});
