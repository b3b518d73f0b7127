import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateFeed } from '../../../src/feed/validate.js';
import { derivedStateOfParties, stateOfParties } from '../../../src/derive/state-of-parties.js';
import { council, feed } from '../support/feed.js';

const local = () =>
  feed(
    [
      council('A', 'con', 'con', {
        seats: { total: 40, up: 14 },
        results: [
          { party: 'con', seats: 9, seatsChange: -1 },
          { party: 'lab', seats: 5, seatsChange: 1 },
        ],
      }),
      council('B', 'con', 'lab', {
        results: [
          { party: 'lab', seats: 20, seatsChange: 6, votes: 300 },
          { party: 'con', seats: 10, seatsChange: -6, votes: 100 },
        ],
      }),
      council('C', 'lab', 'noc'),
      council('D', 'noc', 'ld'),
      { id: 'E', name: 'E', status: 'awaiting', control: { before: 'con' } },
    ],
    { baseline: 'Change since 2014' },
  );

describe('derivedStateOfParties', () => {
  it('counts councils controlled and their change over declared councils only', () => {
    const state = derivedStateOfParties(local());
    const byParty = Object.fromEntries(state.parties.map((row) => [row.party, row]));
    expect(byParty.con).toMatchObject({ councils: 1, councilsChange: -1 });
    expect(byParty.lab).toMatchObject({ councils: 1, councilsChange: 0 });
    expect(byParty.ld).toMatchObject({ councils: 1, councilsChange: 1 });
    expect(state.noOverallControl).toMatchObject({ party: 'noc', councils: 1, councilsChange: 0 });
    expect(state.declared).toBe(4);
    expect(state.total).toBe(5);
    expect(state.basis).toBe('derived');
    expect(state.baselineLabel).toBe('Change since 2014');
  });

  it('sums seats and changes, and leaves unknown figures undefined rather than zero', () => {
    const state = derivedStateOfParties(local());
    const byParty = Object.fromEntries(state.parties.map((row) => [row.party, row]));
    expect(byParty.lab).toMatchObject({ seats: 25, seatsChange: 7, votes: 300, share: 75 });
    expect(byParty.con).toMatchObject({ seats: 19, seatsChange: -7, votes: 100, share: 25 });
    expect(byParty.ld!.seats).toBeUndefined();
    expect(state.areasWithSeats).toBe(2);
  });

  it('orders parties by seats, then councils, then the feed order', () => {
    expect(derivedStateOfParties(local()).parties.map((row) => row.party)).toEqual(['lab', 'con', 'ld']);
  });

  it('does not count control for single-seat contests', () => {
    const general = feed(
      [
        {
          id: 'A',
          name: 'A',
          status: 'declared',
          seats: { total: 1 },
          control: { before: 'lab', after: 'con' },
          results: [
            { party: 'con', seats: 1, seatsChange: 1 },
            { party: 'lab', seats: 0, seatsChange: -1 },
          ],
        },
        {
          id: 'B',
          name: 'B',
          status: 'declared',
          seats: { total: 1 },
          control: { before: 'lab', after: 'lab' },
          results: [{ party: 'lab', seats: 1, seatsChange: 0 }],
        },
      ],
      { kind: 'general', areaType: 'constituency' },
    );
    const state = derivedStateOfParties(general);
    expect(state.parties).toEqual([
      // Equal on seats: the feed's party order decides.
      {
        party: 'con',
        councils: undefined,
        councilsChange: undefined,
        seats: 1,
        seatsChange: 1,
        votes: undefined,
        share: undefined,
      },
      {
        party: 'lab',
        councils: undefined,
        councilsChange: undefined,
        seats: 1,
        seatsChange: -1,
        votes: undefined,
        share: undefined,
      },
    ]);
    expect(state.noOverallControl).toBeUndefined();
  });
});

describe('stateOfParties', () => {
  const summary = {
    declared: 3,
    total: 5,
    source: { name: 'PA' },
    baselineLabel: 'Change against the eve of poll',
    parties: [
      { party: 'con', councils: 2, seats: 30, seatsChange: -4 },
      { party: 'lab', councils: 1, councilsChange: -1, seats: 40, seatsChange: 5 },
      { party: 'noc', councils: 0, councilsChange: 1 },
    ],
  };

  it("shows the publisher's summary when the feed has one", () => {
    const state = stateOfParties(feed([council('A', 'con', 'con')], { summary, baseline: 'Change since 2014' }));
    expect(state.basis).toBe('publisher');
    expect(state.parties.map((row) => row.party)).toEqual(['lab', 'con']);
    expect(state.parties[1]).toEqual({ party: 'con', councils: 2, seats: 30, seatsChange: -4 });
    expect(state.noOverallControl).toEqual({ party: 'noc', councils: 0, councilsChange: 1 });
    expect(state.declared).toBe(3);
    expect(state.total).toBe(5);
    expect(state.baselineLabel).toBe('Change against the eve of poll');
    expect(state.source).toEqual({ name: 'PA' });
  });

  it('derives totals when asked, even with a summary, as a cross-check', () => {
    const state = stateOfParties(feed([council('A', 'con', 'con')], { summary }), 'derived');
    expect(state.basis).toBe('derived');
    expect(state.parties).toEqual([
      {
        party: 'con',
        councils: 1,
        councilsChange: 0,
        seats: undefined,
        seatsChange: undefined,
        votes: undefined,
        share: undefined,
      },
    ]);
  });
});

describe('council change of a party no council moved to or from', () => {
  it('is 0 when every declared council says who held it before, unknown otherwise', () => {
    const known = derivedStateOfParties(
      feed([council('A', 'con', 'con', { results: [{ party: 'green', seats: 1 }] })]),
    );
    expect(known.parties.find((row) => row.party === 'green')).toMatchObject({ councils: 0, councilsChange: 0 });
    const unknown = derivedStateOfParties(
      feed([council('A', 'con', 'con', { results: [{ party: 'green', seats: 1 }] }), council('B', undefined, 'lab')]),
    );
    expect(unknown.parties.find((row) => row.party === 'green')).toMatchObject({
      councils: 0,
      councilsChange: undefined,
    });
  });
});

describe('derived totals with wards under their councils', () => {
  it("take seats from the councils only: a ward's seats are already in its council's", () => {
    const result = validateFeed(
      JSON.parse(readFileSync(new URL('../../fixtures/wards.json', import.meta.url), 'utf8')),
    );
    if (!result.ok) throw new Error('wards.json is invalid');
    const council = result.feed.areas.find((area) => area.parent === undefined)!;
    const expected = Object.fromEntries(council.results!.map((row) => [row.party, row.seats]));
    // The council is still counting, so nothing is declared at the top level yet.
    expect(derivedStateOfParties(result.feed).parties).toEqual([]);
    const declared = {
      ...result.feed,
      areas: result.feed.areas.map((area) => (area === council ? { ...area, status: 'declared' as const } : area)),
    };
    const rows = derivedStateOfParties(declared).parties;
    expect(
      Object.fromEntries(rows.filter((row) => row.seats !== undefined).map((row) => [row.party, row.seats])),
    ).toEqual(expected);
  });
});
