import { describe, expect, it } from 'vitest';
import { majorityOf, seatTotals } from '../../../src/derive/seat-totals.js';
import { council, feed } from '../support/feed.js';

const general = () =>
  feed(
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
      {
        id: 'C',
        name: 'C',
        status: 'declared',
        seats: { total: 1 },
        control: { before: 'con', after: 'con' },
        results: [{ party: 'con', seats: 1, seatsChange: 0 }],
      },
      { id: 'D', name: 'D', status: 'awaiting', seats: { total: 1 } },
      { id: 'E', name: 'E', status: 'awaiting', seats: { total: 1 } },
    ],
    { kind: 'general', areaType: 'constituency', seats: 5, majority: 3 },
  );

describe('majorityOf', () => {
  it('is more than half', () => {
    expect(majorityOf(650)).toBe(326);
    expect(majorityOf(51)).toBe(26);
    expect(majorityOf(1)).toBe(1);
  });
});

describe('seatTotals', () => {
  it('puts parties in seat order and undeclared seats last, with the majority from the feed', () => {
    const totals = seatTotals(general());
    expect(totals.parties.map((row) => [row.party, row.seats, row.change])).toEqual([
      ['con', 2, 1],
      ['lab', 1, -1],
    ]);
    expect(totals).toMatchObject({
      declared: 3,
      total: 5,
      undeclared: 2,
      majority: 3,
      areasDeclared: 3,
      areasTotal: 5,
      scope: 'election',
    });
  });

  it('counts councils with no overall control as its own segment, after the parties', () => {
    const local = feed([
      council('A', 'con', 'noc'),
      council('B', 'con', 'noc'),
      council('C', 'lab', 'lab'),
      { id: 'D', name: 'D', status: 'awaiting' },
    ]);
    const totals = seatTotals(local, { measure: 'councils' });
    expect(totals.parties.map((row) => [row.party, row.seats, row.change])).toEqual([
      ['lab', 1, 0],
      ['noc', 2, 2],
    ]);
    expect(totals).toMatchObject({ declared: 3, total: 4, undeclared: 1, majority: undefined });
  });

  it("shows one council's whole composition with its own majority line", () => {
    const local = feed([
      council('A', 'con', 'con', {
        seats: { total: 51, up: 17 },
        results: [
          { party: 'con', seats: 10, seatsHeld: 30, seatsHeldChange: 2 },
          { party: 'lab', seats: 7, seatsHeld: 20, seatsHeldChange: -2 },
        ],
      }),
    ]);
    const totals = seatTotals(local, { area: 'A' });
    expect(totals.view).toBe('composition');
    expect(totals.parties.map((row) => [row.party, row.seats, row.change])).toEqual([
      ['con', 30, 2],
      ['lab', 20, -2],
    ]);
    expect(totals).toMatchObject({ declared: 50, total: 51, undeclared: 1, majority: 26 });
  });

  it('shows seats won of the seats up, without a majority line when only a third was up', () => {
    const local = feed([
      council('A', 'con', 'con', {
        seats: { total: 51, up: 17 },
        results: [
          { party: 'con', seats: 10, seatsChange: 1 },
          { party: 'lab', seats: 7 },
        ],
      }),
    ]);
    const totals = seatTotals(local, { area: 'A' });
    expect(totals).toMatchObject({ view: 'seats-won', declared: 17, total: 17, undeclared: 0, majority: undefined });
  });

  it('uses the area majority when all seats were up', () => {
    const local = feed([
      council('A', 'con', 'con', { seats: { total: 10, up: 10, majority: 7 }, results: [{ party: 'con', seats: 8 }] }),
    ]);
    expect(seatTotals(local, { area: 'A' })).toMatchObject({ total: 10, majority: 7, undeclared: 2 });
  });

  it('shows an undeclared area as all undeclared', () => {
    const local = feed([{ id: 'A', name: 'A', status: 'counting', seats: { total: 10, up: 10 } }]);
    expect(seatTotals(local, { area: 'A' })).toMatchObject({ parties: [], declared: 0, total: 10, undeclared: 10 });
  });

  it('refuses an unknown area', () => {
    expect(() => seatTotals(general(), { area: 'Z' })).toThrow("unknown area 'Z'");
  });
});
