import { describe, expect, it } from 'vitest';
import type { SeatTotal } from '../../../src/derive/seat-totals.js';
import { groupSeatTotals, OTHERS_ITEM, parseOthersBelow, undeclaredItem } from '../../../src/derive/seat-bar-groups.js';

const row = (party: string, seats: number, change?: number, share?: number): SeatTotal => ({
  party,
  seats,
  change,
  share,
});

describe('parseOthersBelow', () => {
  it('reads seats and percentages', () => {
    expect(parseOthersBelow('5')).toEqual({ seats: 5 });
    expect(parseOthersBelow(' 2.5% ')).toEqual({ percent: 2.5 });
    expect(parseOthersBelow('0')).toEqual({ seats: 0 });
  });

  it('treats blank or missing as no grouping', () => {
    expect(parseOthersBelow('')).toBeUndefined();
    expect(parseOthersBelow(null)).toBeUndefined();
    expect(parseOthersBelow(undefined)).toBeUndefined();
  });

  it('names the value it cannot read', () => {
    expect(() => parseOthersBelow('five')).toThrow('others-below="five" is not a number of seats');
    expect(() => parseOthersBelow('-1')).toThrow(RangeError);
    expect(() => parseOthersBelow('150%')).toThrow('more than 100%');
  });
});

describe('groupSeatTotals', () => {
  const ge = [
    row('con', 365, 48, 43.6),
    row('lab', 202, -60, 32.1),
    row('snp', 48, 13, 3.9),
    row('ld', 11, -1, 11.5),
    row('dup', 8, -2, 0.8),
    row('sf', 7, 0, 0.6),
    row('pc', 4, 0, 0.5),
    row('sdlp', 2, 2, 0.4),
    row('green', 1, 0, 2.6),
    row('apni', 1, 1, 0.4),
    row('spk', 1, 0, 0.1),
  ];

  it('keeps every party when there is no threshold', () => {
    const items = groupSeatTotals(ge, 650);
    expect(items.map((item) => item.key)).toEqual([
      'con',
      'lab',
      'snp',
      'ld',
      'dup',
      'sf',
      'pc',
      'sdlp',
      'green',
      'apni',
      'spk',
    ]);
    expect(items.every((item) => item.kind === 'party')).toBe(true);
  });

  it('groups parties below a seat threshold as Others, after the named parties, with summed figures', () => {
    const items = groupSeatTotals(ge, 650, { othersBelow: { seats: 5 } });
    expect(items.map((item) => [item.key, item.seats])).toEqual([
      ['con', 365],
      ['lab', 202],
      ['snp', 48],
      ['ld', 11],
      ['dup', 8],
      ['sf', 7],
      [OTHERS_ITEM, 9], // pc 4 + sdlp 2 + green 1 + apni 1 + spk 1
    ]);
    const others = items.at(-1)!;
    expect(others.kind).toBe('others');
    expect(others.parties).toEqual(['pc', 'sdlp', 'green', 'apni', 'spk']);
    expect(others.change).toBe(0 + 2 + 0 + 1 + 0);
    expect(others.share).toBeCloseTo(0.5 + 0.4 + 2.6 + 0.4 + 0.1, 10);
  });

  it('groups by percentage of the whole chart', () => {
    // 1% of 650 is 6.5 seats: pc and below, as with "below 5", plus nobody else.
    const items = groupSeatTotals(ge, 650, { othersBelow: { percent: 1 } });
    expect(items.at(-1)!.parties).toEqual(['pc', 'sdlp', 'green', 'apni', 'spk']);
    // 2% is 13 seats: ld, dup and sf join.
    expect(groupSeatTotals(ge, 650, { othersBelow: { percent: 2 } }).map((item) => item.key)).toEqual([
      'con',
      'lab',
      'snp',
      OTHERS_ITEM,
    ]);
  });

  it('names at most maxNamed items: the parties with fewest seats beyond that are Others, the last place the group’s', () => {
    const keys = (items: ReturnType<typeof groupSeatTotals>) => items.map((item) => item.key);
    expect(keys(groupSeatTotals(ge, 650, { maxNamed: 11 }))).toEqual(ge.map((r) => r.party));
    const capped = groupSeatTotals(ge, 650, { maxNamed: 5 });
    expect(keys(capped)).toEqual(['con', 'lab', 'snp', 'ld', OTHERS_ITEM]);
    expect(capped[4]!.parties).toEqual(['dup', 'sf', 'pc', 'sdlp', 'green', 'apni', 'spk']);
    expect(capped[4]!.seats).toBe(24);
    // With a threshold as well: whichever puts a party in Others.
    expect(keys(groupSeatTotals(ge, 650, { maxNamed: 8, othersBelow: { seats: 10 } }))).toEqual([
      'con',
      'lab',
      'snp',
      'ld',
      OTHERS_ITEM,
    ]);
    // A thousand one-seat parties: 49 named, 951 together.
    const many = Array.from({ length: 1000 }, (_, i) => row(`p${i}`, 1));
    const items = groupSeatTotals(many, 1000, { maxNamed: 50 });
    expect(items).toHaveLength(50);
    expect(items[49]!.members).toHaveLength(951);
  });

  it('does not make a group of one party', () => {
    const items = groupSeatTotals([row('con', 10), row('lab', 8), row('ld', 1)], 19, { othersBelow: { seats: 2 } });
    expect(items.map((item) => item.key)).toEqual(['con', 'lab', 'ld']);
  });

  it("puts the feed's own Others party into the group, so there are never two Others", () => {
    const items = groupSeatTotals(
      [row('lab', 2350), row('con', 1332), row('oth', 144), row('green', 39), row('ukip', 3)],
      4371,
      { othersBelow: { seats: 10 } },
    );
    expect(items.map((item) => item.key)).toEqual(['lab', 'con', 'green', OTHERS_ITEM]);
    expect(items.at(-1)!.parties).toEqual(['oth', 'ukip']);
    expect(items.at(-1)!.seats).toBe(147);
  });

  it('leaves the feed Others party alone when nothing else is small', () => {
    const items = groupSeatTotals([row('lab', 20), row('oth', 5)], 25, { othersBelow: { seats: 2 } });
    expect(items.map((item) => item.key)).toEqual(['lab', 'oth']);
  });

  it('puts no overall control after the parties and Others, never in the group', () => {
    const items = groupSeatTotals(
      [row('lab', 74), row('noc', 21), row('con', 46), row('ld', 9), row('green', 0)],
      150,
      { othersBelow: { seats: 30 } },
    );
    expect(items.map((item) => [item.key, item.kind])).toEqual([
      ['lab', 'party'],
      ['con', 'party'],
      // ld alone is below 30 (green has no seats): no group of one, so it stays.
      ['ld', 'party'],
      ['noc', 'noc'],
    ]);
    const withLd = groupSeatTotals([row('lab', 74), row('noc', 21), row('con', 46), row('ld', 9), row('ind', 1)], 151, {
      othersBelow: { seats: 30 },
    });
    expect(withLd.map((item) => item.key)).toEqual(['lab', 'con', OTHERS_ITEM, 'noc']);
  });

  it('leaves out parties with no seats', () => {
    expect(groupSeatTotals([row('con', 3), row('lab', 0)], 5).map((item) => item.key)).toEqual(['con']);
  });

  it('gives Others no change or share when a member has none', () => {
    const items = groupSeatTotals([row('con', 9), row('a', 1, 1, 2), row('b', 1, undefined, undefined)], 11, {
      othersBelow: { seats: 2 },
    });
    expect(items.at(-1)!).toMatchObject({ key: OTHERS_ITEM, seats: 2, change: undefined, share: undefined });
  });

  it('keeps tied parties in the order they were drawn before', () => {
    const level = [row('con', 100), row('lab', 100), row('ld', 5)];
    expect(groupSeatTotals(level, 205).map((item) => item.key)).toEqual(['con', 'lab', 'ld']);
    expect(groupSeatTotals(level, 205, { previousOrder: ['lab', 'con', 'ld'] }).map((item) => item.key)).toEqual([
      'lab',
      'con',
      'ld',
    ]);
    // A strict lead still wins over the previous order.
    expect(
      groupSeatTotals([row('con', 101), row('lab', 100)], 201, { previousOrder: ['lab', 'con'] }).map(
        (item) => item.key,
      ),
    ).toEqual(['con', 'lab']);
  });

  it('puts a newcomer tied with known parties after them', () => {
    const items = groupSeatTotals([row('green', 3), row('lab', 3), row('con', 3)], 9, {
      previousOrder: ['con', 'lab'],
    });
    expect(items.map((item) => item.key)).toEqual(['con', 'lab', 'green']);
  });

  it('does not change its input', () => {
    const input = Object.freeze([Object.freeze(row('lab', 1)), Object.freeze(row('con', 2))]);
    expect(() => groupSeatTotals(input, 3, { othersBelow: { seats: 5 } })).not.toThrow();
    expect(input.map((item) => item.party)).toEqual(['lab', 'con']);
  });
});

describe('undeclaredItem', () => {
  it('is the remainder, or nothing', () => {
    expect(undeclaredItem(285)).toMatchObject({ kind: 'undeclared', seats: 285, parties: [] });
    expect(undeclaredItem(0)).toBeUndefined();
    expect(undeclaredItem(Number.NaN)).toBeUndefined();
  });
});
