/**
 * Long lists in portions (src/derive/portions.ts): what one update shows, and how large the next
 * portion is.
 */
import { describe, expect, it } from 'vitest';
import {
  FIRST_PORTION,
  MAX_PORTION,
  MIN_PORTION,
  MOST_PORTIONS,
  NEXT_PORTION,
  PORTION_MS,
  nextPortion,
  takePortion,
} from '../../../src/derive/portions.js';

const ids = (count: number) => Array.from({ length: count }, (_, index) => `a${index}`);
const same = (id: string) => id;
const none = () => false;

describe('takePortion', () => {
  it('shows the first `room` items of a list with nothing shown yet, in order', () => {
    const portion = takePortion(ids(10), same, new Set(), none, 4);
    expect(portion.items).toEqual(['a0', 'a1', 'a2', 'a3']);
    expect([...portion.keys]).toEqual(portion.items);
    expect(portion.added).toBe(4);
  });

  it('keeps every item shown already, wherever it is, and adds new ones in the list’s order', () => {
    const portion = takePortion(ids(10), same, new Set(['a7', 'a1']), none, 2);
    expect(portion.items).toEqual(['a0', 'a1', 'a2', 'a7']);
    expect(portion.added).toBe(2);
  });

  it('always shows the items that must be there, without using up the room', () => {
    const portion = takePortion(ids(10), same, new Set(), (id) => id === 'a9', 2);
    expect(portion.items).toEqual(['a0', 'a1', 'a9']);
    expect(portion.added).toBe(3);
  });

  it('reaches the whole list, a portion at a time, and adds nothing once it is there', () => {
    const list = ids(25);
    let shown = new Set<string>();
    let updates = 0;
    while (shown.size < list.length) {
      shown = takePortion(list, same, shown, none, 10).keys;
      updates += 1;
    }
    expect(updates).toBe(3);
    expect(takePortion(list, same, shown, none, 10)).toMatchObject({ items: list, added: 0 });
  });

  it('drops items that left the list', () => {
    expect(takePortion(['a0', 'a2'], same, new Set(['a0', 'a1', 'a2']), none, 0).items).toEqual(['a0', 'a2']);
  });
});

describe('nextPortion', () => {
  const timing = { added: 300, took: 15, total: 1300, derived: false };

  it('starts small and grows to NEXT_PORTION after the update that also derived the list', () => {
    expect(FIRST_PORTION).toBeLessThan(NEXT_PORTION);
    expect(nextPortion(FIRST_PORTION, { ...timing, derived: true })).toBe(NEXT_PORTION);
    expect(nextPortion(2000, { ...timing, derived: true })).toBe(2000);
  });

  it('sizes a portion to take PORTION_MS at the rate the last one went', () => {
    expect(nextPortion(300, timing)).toBe(Math.round((300 * PORTION_MS) / 15));
    expect(nextPortion(300, { ...timing, took: 60 })).toBe(Math.round((300 * PORTION_MS) / 60));
  });

  it('stays within MIN_PORTION and MAX_PORTION, and brings a long list in at most MOST_PORTIONS', () => {
    expect(nextPortion(300, { ...timing, took: 10_000 })).toBe(Math.ceil(1300 / MOST_PORTIONS));
    expect(nextPortion(300, { ...timing, total: 100, took: 10_000 })).toBe(MIN_PORTION);
    expect(nextPortion(300, { ...timing, took: 0.01 })).toBe(MAX_PORTION);
    expect(nextPortion(300, { ...timing, total: 16_720, took: 200 })).toBe(Math.ceil(16_720 / MOST_PORTIONS));
  });

  it('keeps the size after an update that added too little to measure', () => {
    expect(nextPortion(450, { ...timing, added: MIN_PORTION - 1 })).toBe(450);
    expect(nextPortion(450, { ...timing, took: 0 })).toBe(450);
  });
});
