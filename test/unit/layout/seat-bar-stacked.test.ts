import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assertFeed } from '../../../src/feed/validate.js';
import type { SeatBarItem } from '../../../src/derive/seat-bar-groups.js';
import { UNDECLARED_ITEM } from '../../../src/derive/seat-bar-groups.js';
import { seatBarModel } from '../../../src/derive/seat-bar-model.js';
import { anchorFor, stackedLayout, type ItemLabels } from '../../../src/layout/seat-bar-stacked.js';

/** Every character 8 px wide: easy to work out by hand. */
const measure = (text: string) => text.length * 8;

const item = (key: string, seats: number, kind: SeatBarItem['kind'] = 'party'): SeatBarItem => ({
  key,
  kind,
  seats,
  change: undefined,
  share: undefined,
  parties: kind === 'undeclared' ? [] : [key],
  members: [],
});

const labels = new Map<string, ItemLabels>([
  ['con', { full: 'Conservatives 3', short: 'Con 3' }],
  ['lab', { full: 'Labour 2', short: 'Lab 2' }],
  ['ld', { full: 'Liberal Democrats 1', short: 'LD 1' }],
  [UNDECLARED_ITEM, { full: 'Still to declare 4', short: 'Still to declare 4' }],
]);

const small = [item('con', 3), item('lab', 2), item('ld', 1), item(UNDECLARED_ITEM, 4, 'undeclared')];

describe('stackedLayout', () => {
  it('places segments end to end in per cent of the bar, undeclared last', () => {
    const layout = stackedLayout({ items: small, total: 10, width: 400, labels, measure });
    expect(layout.segments.map((segment) => [segment.key, segment.x0, segment.x1])).toEqual([
      ['con', 0, 30],
      ['lab', 30, 50],
      ['ld', 50, 60],
      [UNDECLARED_ITEM, 60, 100],
    ]);
  });

  it('labels a segment with the full name, then the short name, then in the legend', () => {
    // 400 px bar, 6 px padding each side: con 120 px (room 108), lab 80 (68), ld 40 (28), undeclared 160 (148).
    const layout = stackedLayout({ items: small, total: 10, width: 400, labels, measure });
    expect(layout.segments.map((segment) => segment.label)).toEqual([
      { text: 'Con 3', fit: 'short', at: 50 }, // "Conservatives 3" is 120 px > 108
      { text: 'Labour 2', fit: 'full', at: 50 }, // 64 px ≤ 68
      undefined, // "LD 1" is 32 px > 28
      { text: 'Still to declare 4', fit: 'full', at: 50 }, // 144 px ≤ 148
    ]);
    expect(layout.legend).toEqual(['ld']);
  });

  it('puts everything in the legend while the width is not known', () => {
    const layout = stackedLayout({ items: small, total: 10, width: 0, labels, measure });
    expect(layout.segments.every((segment) => segment.label === undefined)).toBe(true);
    expect(layout.legend).toEqual(['con', 'lab', 'ld', UNDECLARED_ITEM]);
  });

  it('puts the majority marker where the scale puts the majority', () => {
    const layout = stackedLayout({
      items: small,
      total: 10,
      majority: 6,
      majorityLabel: '6 to win',
      width: 400,
      labels,
      measure,
    });
    expect(layout.majority).toEqual({ seats: 6, x: 60, label: '6 to win', anchor: 'middle' });
  });

  it('moves a label the majority marker would cut to the side with room for it', () => {
    const all = [item(UNDECLARED_ITEM, 10, 'undeclared')];
    const names = new Map([[UNDECLARED_ITEM, { full: 'Still to declare 10', short: 'Still to declare 10' }]]);
    // 152 px of text + 12 px padding = 164 px. Centred on a 400 px bar it spans 118-282 px; the
    // marker is at 240 px. Left of it there are 240 − 4 = 236 px, right 400 − 240 − 4 = 156 px.
    const wide = stackedLayout({ items: all, total: 10, majority: 6, width: 400, labels: names, measure });
    expect(wide.segments[0]!.label).toEqual({ text: 'Still to declare 10', fit: 'full', at: (118 / 400) * 100 });
    // 250 px: marker at 150 px, 146 px left of it and 96 right: the label goes to the legend.
    const narrow = stackedLayout({ items: all, total: 10, majority: 6, width: 250, labels: names, measure });
    expect(narrow.segments[0]!.label).toBeUndefined();
    expect(narrow.legend).toEqual([UNDECLARED_ITEM]);
  });

  it('leaves a centred label alone when the marker passes clear of it', () => {
    // con spans 0-320 px; "Conservatives 3" (132 px with padding) is centred at 160: 94-226 px; the marker is at 240.
    const layout = stackedLayout({
      items: [item('con', 8), item('lab', 2)],
      total: 10,
      majority: 6,
      width: 400,
      labels,
      measure,
    });
    expect(layout.segments[0]!.label).toEqual({ text: 'Conservatives 3', fit: 'full', at: 50 });
  });

  it('leaves out a majority marker that is off the bar', () => {
    expect(
      stackedLayout({ items: small, total: 10, majority: 11, width: 400, labels, measure }).majority,
    ).toBeUndefined();
    expect(
      stackedLayout({ items: small, total: 10, majority: 0, width: 400, labels, measure }).majority,
    ).toBeUndefined();
  });

  it('widens the bar to the items when they add up to more than the total', () => {
    const layout = stackedLayout({ items: [item('con', 6), item('lab', 6)], total: 10, width: 400, labels, measure });
    expect(layout.segments.at(-1)!.x1).toBe(100);
    expect(layout.segments[0]!.x1).toBe(50);
  });
});

describe('anchorFor', () => {
  it('keeps a label inside the chart', () => {
    // 64 px label on a 400 px chart.
    expect(anchorFor(50, 64, 400)).toBe('middle');
    expect(anchorFor(2, 64, 400)).toBe('start'); // 8 px from the left edge
    expect(anchorFor(98, 64, 400)).toBe('end'); // 8 px from the right edge
  });
});

describe('stackedLayout with the 2019 general election', () => {
  const feed = assertFeed(
    JSON.parse(readFileSync(new URL('../../fixtures/uk-general-2019.final.json', import.meta.url), 'utf8')),
  );
  const result = seatBarModel(feed);
  if (!result.ok) throw new Error('the 2019 feed has a seat chart');
  const model = result.model;
  const names = new Map(
    model.items.map((entry) => [
      entry.key,
      { full: `${entry.key} full name ${entry.seats}`, short: `${entry.key} ${entry.seats}` },
    ]),
  );

  for (const width of [280, 320, 600, 1200]) {
    it(`at ${width} px: segments tile the bar, sum to the total, and no label is wider than its segment`, () => {
      const layout = stackedLayout({
        items: model.items,
        total: model.total,
        majority: model.majority,
        majorityLabel: '326 to win',
        width,
        labels: names,
        measure,
      });
      expect(layout.segments.reduce((total, segment) => total + segment.seats, 0)).toBe(650);
      expect(layout.segments[0]!.x0).toBe(0);
      expect(layout.segments.at(-1)!.x1).toBe(100);
      for (let i = 1; i < layout.segments.length; i++) expect(layout.segments[i]!.x0).toBe(layout.segments[i - 1]!.x1);
      for (const segment of layout.segments) {
        if (segment.label) {
          const segmentWidth = ((segment.x1 - segment.x0) / 100) * width;
          const labelWidth = measure(segment.label.text) + 12;
          const left = (segment.x0 / 100) * width + (segment.label.at / 100) * segmentWidth - labelWidth / 2;
          const right = left + labelWidth;
          // Inside its own segment (so never over another label) and clear of the marker.
          expect(left).toBeGreaterThanOrEqual((segment.x0 / 100) * width - 1e-9);
          expect(right).toBeLessThanOrEqual((segment.x1 / 100) * width + 1e-9);
          const marker = (layout.majority!.x / 100) * width;
          expect(marker < left || marker > right).toBe(true);
        } else expect(layout.legend).toContain(segment.key);
      }
      expect(layout.majority!.x).toBeCloseTo((326 / 650) * 100, 10);
    });
  }
});
