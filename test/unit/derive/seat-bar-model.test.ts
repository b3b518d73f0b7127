import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Feed } from '../../../src/feed/schema.js';
import { assertFeed } from '../../../src/feed/validate.js';
import { OTHERS_ITEM, UNDECLARED_ITEM } from '../../../src/derive/seat-bar-groups.js';
import { seatBarModel, type SeatBarModel } from '../../../src/derive/seat-bar-model.js';
import { loadDemoNights } from '../../../demo/feeds/index.js';
import { council, feed } from '../support/feed.js';

const fixture = (name: string): Feed =>
  assertFeed(JSON.parse(readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8')));
const ok = (result: ReturnType<typeof seatBarModel>): SeatBarModel => {
  if (!result.ok) throw new Error(`expected a chart, got ${result.problem.kind}`);
  return result.model;
};
const figures = (model: SeatBarModel) => model.items.map((item) => [item.key, item.seats, item.change]);

describe('seatBarModel with hand-made feeds', () => {
  it('adds up seats won across councils (local-small.json, worked out by hand)', () => {
    const model = ok(seatBarModel(fixture('local-small.json')));
    // Seats won: con 8+17+6+3, lab 4+25+7+1, ld 2+3+3+8, green 1; changes likewise.
    expect(figures(model)).toEqual([
      ['lab', 37, 1 + 6 + 2 - 1],
      ['con', 34, -1 - 7 - 3 - 1],
      ['ld', 16, 0 + 1 + 0 + 2],
      ['green', 1, 1],
    ]);
    expect(model).toMatchObject({
      total: 88,
      majority: undefined,
      coverage: undefined,
      overTotal: undefined,
      remainder: 'undeclared',
    });
  });

  it('counts councils controlled with no overall control after the parties', () => {
    const model = ok(seatBarModel(fixture('local-small.json'), { measure: 'councils' }));
    // Ashby Vale con hold, Brookfield con → lab, Cobham Moor con → NOC, Dunmore NOC → ld.
    expect(figures(model)).toEqual([
      ['con', 1, -2],
      ['lab', 1, 1],
      ['ld', 1, 1],
      ['noc', 1, 0],
    ]);
    expect(model.items.at(-1)!.kind).toBe('noc');
    expect(model.total).toBe(4);
  });

  it("shows one council's whole composition with its own majority", () => {
    const model = ok(seatBarModel(fixture('local-small.json'), { area: 'X07000801' }));
    expect(model.totals.view).toBe('composition');
    expect(figures(model)).toEqual([
      ['con', 24, undefined],
      ['lab', 11, undefined],
      ['ld', 5, undefined],
    ]);
    expect(model).toMatchObject({ total: 40, majority: 21 });
  });

  it('draws nothing declared as one undeclared remainder', () => {
    const model = ok(seatBarModel(fixture('empty.json')));
    expect(figures(model)).toEqual([[UNDECLARED_ITEM, 43, undefined]]);
    expect(model.items[0]!.kind).toBe('undeclared');
  });

  it('keeps the undeclared remainder last, after Others', () => {
    const seat = (id: string, winner: string) => ({
      id,
      name: id,
      status: 'declared' as const,
      seats: { total: 1 },
      winner,
      results: [{ party: winner, seats: 1 }],
    });
    const awaiting = (id: string) => ({ id, name: id, status: 'awaiting' as const, seats: { total: 1 } });
    const general = feed(
      [
        seat('A', 'con'),
        seat('B', 'con'),
        seat('C', 'con'),
        seat('D', 'lab'),
        seat('E', 'ld'),
        awaiting('F'),
        awaiting('G'),
      ],
      {
        kind: 'general',
        areaType: 'constituency',
        seats: 7,
        majority: 4,
      },
    );
    const model = ok(seatBarModel(general, { othersBelow: { seats: 2 } }));
    expect(figures(model)).toEqual([
      ['con', 3, undefined],
      [OTHERS_ITEM, 2, undefined],
      [UNDECLARED_ITEM, 2, undefined],
    ]);
    expect(model.items[1]!.parties).toEqual(['lab', 'ld']);
    expect(model.majority).toBe(4);
  });

  it('counts the seats of a postponed poll as still to declare, and a council with no election not at all', () => {
    // Declared: con 7, lab 3, ld 2 of 12 up; postponed: 9 up; no election: 0.
    const model = ok(seatBarModel(fixture('postponed.json')));
    expect(figures(model)).toEqual([
      ['con', 7, 0],
      ['lab', 3, 0],
      ['ld', 2, 0],
      [UNDECLARED_ITEM, 9, undefined],
    ]);
    expect(model.total).toBe(21);
  });

  it('keeps a council in a recount undeclared', () => {
    // Declared: lab 9, con 4, ld 1 of 14; the recount's 13 seats still to come.
    const model = ok(seatBarModel(fixture('recount.json')));
    expect(figures(model)).toEqual([
      ['lab', 9, 1],
      ['con', 4, -1],
      ['ld', 1, 0],
      [UNDECLARED_ITEM, 13, undefined],
    ]);
  });

  it('counts seats elected unopposed like any other', () => {
    // con 8 + 1, ind 1 + 3, ld 2: 15 of 11 + 4 up.
    const model = ok(seatBarModel(fixture('uncontested.json')));
    expect(figures(model)).toEqual([
      ['con', 9, 0],
      ['ind', 4, 0],
      ['ld', 2, 0],
    ]);
    expect(model.total).toBe(15);
  });

  it('shows the council whose tie was decided by lot with its majority exactly reached', () => {
    // Whole-council seats held and their change: con 16 (−1), lab 11 (+1), ld 3 (0).
    const model = ok(seatBarModel(fixture('tie.json'), { area: 'X07000101' }));
    expect(figures(model)).toEqual([
      ['con', 16, -1],
      ['lab', 11, 1],
      ['ld', 3, 0],
    ]);
    expect(model).toMatchObject({ total: 30, majority: 16 });
  });

  it('names an unknown area instead of throwing', () => {
    expect(seatBarModel(fixture('local-small.json'), { area: 'E99999999' })).toEqual({
      ok: false,
      problem: { kind: 'unknown-area', area: 'E99999999' },
    });
  });

  it('refuses councils for a feed that does not count control', () => {
    expect(seatBarModel(fixture('general-small.json'), { measure: 'councils' })).toEqual({
      ok: false,
      problem: { kind: 'no-councils' },
    });
  });

  it('refuses to draw declared areas without any seat figures as "still to declare"', () => {
    const noFigures = feed([council('A', 'con', 'lab', { seats: { total: 10, up: 10 } })], { seats: 10 });
    expect(seatBarModel(noFigures)).toEqual({ ok: false, problem: { kind: 'no-seat-figures' } });
    // Councils are still countable from control.
    expect(ok(seatBarModel(noFigures, { measure: 'councils' })).items.map((item) => [item.key, item.seats])).toEqual([
      ['lab', 1],
    ]);
  });

  it('says when there is nothing to size the chart by', () => {
    expect(seatBarModel(feed([]))).toEqual({ ok: false, problem: { kind: 'no-size' } });
  });

  it('says when derived seat totals cover only some declared councils', () => {
    const partial = feed(
      [
        council('A', 'con', 'con', {
          seats: { total: 10, up: 10 },
          results: [
            { party: 'con', seats: 6 },
            { party: 'lab', seats: 4 },
          ],
        }),
        council('B', 'lab', 'lab', { seats: { total: 10, up: 10 } }),
        { id: 'C', name: 'C', status: 'awaiting', seats: { total: 10, up: 10 } },
      ],
      { seats: 30 },
    );
    const model = ok(seatBarModel(partial));
    expect(model.coverage).toEqual({ areasWithSeats: 1, areasDeclared: 2 });
    expect(model.remainder).toBe('undeclared-or-unreported');
    // 20 seats are not in the totals: 10 still to declare and 10 declared without figures.
    expect(figures(model)).toEqual([
      ['con', 6, undefined],
      ['lab', 4, undefined],
      [UNDECLARED_ITEM, 20, undefined],
    ]);
  });

  it('says when the publisher totals add up to more than the seats up', () => {
    const over = feed([council('A', 'con', 'con')], {
      seats: 10,
      summary: {
        declared: 1,
        total: 1,
        parties: [
          { party: 'con', seats: 7 },
          { party: 'lab', seats: 5 },
        ],
      },
    });
    const model = ok(seatBarModel(over));
    expect(model.overTotal).toEqual({ counted: 12, seatsUp: 10 });
    expect(model.total).toBe(12);
    expect(model.items.map((item) => item.kind)).toEqual(['party', 'party']);
  });
});

describe('seatBarModel with the 2019 general election', () => {
  const ge = fixture('uk-general-2019.final.json');

  it('gives the result as declared: Con 365, Lab 202, SNP 48, LD 11 … of 650, 326 for a majority', () => {
    const model = ok(seatBarModel(ge));
    // The published result (House of Commons Library, CBP-8749).
    expect(model.items.map((item) => [item.key, item.seats])).toEqual([
      ['con', 365],
      ['lab', 202],
      ['snp', 48],
      ['ld', 11],
      ['dup', 8],
      ['sf', 7],
      ['pc', 4],
      ['sdlp', 2],
      ['green', 1],
      ['apni', 1],
      ['spk', 1],
    ]);
    expect(model).toMatchObject({ total: 650, majority: 326, overTotal: undefined, coverage: undefined });
  });

  it('agrees with a count of constituency winners', () => {
    const winners = new Map<string, number>();
    for (const area of ge.areas) winners.set(area.winner!, (winners.get(area.winner!) ?? 0) + 1);
    const model = ok(seatBarModel(ge));
    expect(new Map(model.items.map((item) => [item.key, item.seats]))).toEqual(winners);
  });
});

describe('seatBarModel with the 2018 local elections', () => {
  const local = fixture('uk-local-2018.final.json');
  const national = JSON.parse(
    readFileSync(new URL('../../../demo/data/uk-local-2018/national.json', import.meta.url), 'utf8'),
  );

  it("shows the publisher's councillors (BBC, after 150 of 150) and says they exceed the 4,371 seats up", () => {
    const model = ok(seatBarModel(local));
    const bbc = national.final_state_of_parties.bbc_councillors_after_150_of_150.parties as {
      party: string;
      councillors: number;
      change: number;
    }[];
    const id = (party: string) => (party === 'other' ? 'oth' : party);
    const expected = bbc
      .map((row) => [id(row.party), row.councillors, row.change])
      .sort((a, b) => (b[1] as number) - (a[1] as number));
    expect(figures(model)).toEqual(expected);
    expect(model.overTotal).toEqual({ counted: 4404, seatsUp: 4371 });
    expect(model.totals.basis).toBe('publisher');
    expect(model.majority).toBeUndefined();
  });

  it('counts councils: Lab 74, Con 46, LD 9 and 21 with no overall control', () => {
    const model = ok(seatBarModel(local, { measure: 'councils' }));
    const wiki = national.final_state_of_parties.wikipedia_infobox;
    const byParty = Object.fromEntries(
      (wiki.parties as { party: string; councils: number }[]).map((row) => [row.party, row.councils]),
    );
    expect(figures(model).map(([key, seats]) => [key, seats])).toEqual([
      ['lab', byParty.lab],
      ['con', byParty.con],
      ['ld', byParty.ld],
      ['noc', wiki.noc_councils_derived.councils],
    ]);
    expect(model.total).toBe(national.scope.councils);
  });

  it('says that totals derived from the councils cover only those with seat figures', () => {
    const model = ok(seatBarModel(local, { basis: 'derived' }));
    const withFigures = local.areas.filter(
      (area) => area.status === 'declared' && area.results?.some((result) => result.seats !== undefined),
    ).length;
    expect(withFigures).toBeLessThan(150);
    expect(model.coverage).toEqual({ areasWithSeats: withFigures, areasDeclared: 150 });
    // Every council has declared: what is missing is figures, not results.
    expect(model.remainder).toBe('unreported');
    expect(model.total).toBe(4371);
  });
});

describe('seatBarModel through a replayed night', () => {
  const nights = loadDemoNights();

  for (const night of nights) {
    for (const measure of night.id === 'uk-local-2018' ? (['seats', 'councils'] as const) : (['seats'] as const)) {
      it(`${night.id} (${measure}): items always fill the chart, in a stable order, remainder last`, () => {
        let previousOrder: string[] | undefined;
        let previousTotal: number | undefined;
        for (let step = 0; step <= 16; step++) {
          const at = night.start + ((night.end - night.start) * step) / 16;
          const model = ok(seatBarModel(night.at(at), { measure, othersBelow: { percent: 1 }, previousOrder }));
          const keys = model.items.map((item) => item.key);
          expect(model.items.reduce((total, item) => total + item.seats, 0)).toBe(model.total);
          expect(new Set(keys).size).toBe(keys.length);
          const kinds = model.items.map((item) => `${item.kind},`).join('');
          expect(kinds).toMatch(/^(party,)*(others,)?(noc,)?(undeclared,)?$/);
          // Parties strictly in seat order.
          const parties = model.items.filter((item) => item.kind === 'party');
          for (let i = 1; i < parties.length; i++)
            expect(parties[i - 1]!.seats).toBeGreaterThanOrEqual(parties[i]!.seats);
          // Ties keep the order they had.
          if (previousOrder) {
            for (let i = 1; i < parties.length; i++) {
              const [a, b] = [parties[i - 1]!, parties[i]!];
              if (a.seats === b.seats && previousOrder.includes(a.key) && previousOrder.includes(b.key)) {
                expect(previousOrder.indexOf(a.key)).toBeLessThan(previousOrder.indexOf(b.key));
              }
            }
          }
          if (measure === 'councils') expect(model.total).toBe(150);
          if (measure === 'seats' && night.id === 'uk-general-2019') expect(model.total).toBe(650);
          if (previousTotal !== undefined && measure === 'seats' && night.id === 'uk-general-2019')
            expect(model.total).toBe(previousTotal);
          previousOrder = keys;
          previousTotal = model.total;
        }
      });
    }
  }
});
