import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  areaRow,
  areaRows,
  availableGroupings,
  controlIsCounted,
  foldForSearch,
  groupAreaRows,
  matchesFilter,
  matchesSearch,
  partiesWithAreas,
  selectAreaRows,
  sortAreaRows,
  type AreaRow,
} from '../../../src/derive/area-rows.js';
import { assertFeed } from '../../../src/feed/validate.js';
import type { Feed } from '../../../src/feed/schema.js';
import { describeOutcome } from '../../../src/i18n/sentences.js';
import { council, feed } from '../support/feed.js';
import { iso } from '../support/bidi.js';
// Welsh is fetched on first use on a page; these tests read it at once.
import '../../../src/components/shared/welsh.js';

const names = (rows: readonly AreaRow[]) => rows.map((row) => row.name);

/** One council of every kind of outcome, plus the statuses before a result. */
const mixed = feed([
  council('HOLD', 'con', 'con', {
    name: 'Hold Town',
    region: 'North',
    type: 'District',
    declaredAt: '2018-05-04T01:00:00Z',
  }),
  council('GAIN', 'con', 'lab', {
    name: 'Gain City',
    region: 'South',
    type: 'London borough',
    declaredAt: '2018-05-04T03:00:00Z',
  }),
  council('FROMNOC', 'noc', 'ld', {
    name: 'From NOC',
    region: 'North',
    type: 'District',
    declaredAt: '2018-05-04T02:00:00Z',
  }),
  council('TONOC', 'lab', 'noc', { name: 'To NOC', region: 'South', type: 'District' }),
  council('NOCHOLD', 'noc', 'noc', {
    name: 'Still NOC',
    type: 'Metropolitan borough',
    declaredAt: '2018-05-04T00:30:00Z',
  }),
  { id: 'WAIT', name: 'Waiting', status: 'awaiting', region: 'North', control: { before: 'con' } },
  { id: 'COUNT', name: 'Counting', status: 'counting', control: { before: 'lab' } },
  { id: 'RECOUNT', name: 'Recounting', status: 'recount', control: { before: 'lab' } },
  { id: 'POSTPONED', name: 'Put Off', status: 'postponed' },
  { id: 'NONE', name: 'No Poll', status: 'no-election' },
]);
const mixedRows = areaRows(mixed, 'en-GB');

describe('areaRow', () => {
  const local = feed([
    council('K', 'con', 'ld', {
      name: 'Kingsford',
      seats: { total: 48, up: 48 },
      declaredAt: '2018-05-04T03:12:00Z',
      results: [
        { party: 'con', seats: 9, seatsChange: -19 },
        { party: 'lab', seats: 0, seatsChange: -2 },
        { party: 'ld', seats: 39, seatsChange: 21 },
      ],
    }),
  ]);

  it('gives a council its outcome, colour, seats won (largest first, none left out) and majority', () => {
    const row = areaRow(local, local.areas[0]!, 'en-GB');
    expect(row).toMatchObject({
      id: 'K',
      name: 'Kingsford',
      status: 'declared',
      outcome: { kind: 'gain', party: 'ld', from: 'con' },
      changedHands: true,
      colourKey: 'ld',
      controlBefore: 'con',
      controlAfter: 'ld',
      singleSeat: false,
      seatsWon: [
        { party: 'ld', seats: 39, change: 21 },
        { party: 'con', seats: 9, change: -19 },
      ],
      seatsUp: 48,
      seatsTotal: 48,
      // 48 seats: 25 for a majority, worked out because the feed does not say.
      majority: 25,
      declaredAt: '2018-05-04T03:12:00Z',
      declaredTime: Date.UTC(2018, 4, 4, 3, 12),
    });
    expect(Object.isFrozen(row)).toBe(true);
  });

  it("prefers the feed's own majority, and leaves seats up to the whole council when not given", () => {
    const f = feed([council('A', 'con', 'con', { seats: { total: 51, majority: 27 } })]);
    expect(areaRow(f, f.areas[0]!, 'en-GB')).toMatchObject({ majority: 27, seatsUp: 51, seatsWon: [] });
  });

  it('gives a single-seat contest its winner share and majority in votes, and no seat majority', () => {
    const f = feed(
      [
        {
          id: 'C',
          name: 'Seaton',
          status: 'declared',
          seats: { total: 1 },
          control: { before: 'lab' },
          winner: 'con',
          majority: 1234,
          results: [
            { party: 'con', seats: 1, votes: 20000, share: 48.2 },
            { party: 'lab', seats: 0, votes: 18766, share: 45.1 },
          ],
        },
      ],
      { kind: 'general', areaType: 'constituency' },
    );
    expect(areaRow(f, f.areas[0]!, 'en-GB')).toMatchObject({
      singleSeat: true,
      outcome: { kind: 'gain', party: 'con', from: 'lab' },
      controlAfter: 'con',
      winnerShare: 48.2,
      majorityVotes: 1234,
      majority: undefined,
      seatsWon: [{ party: 'con', seats: 1, change: undefined }],
    });
  });

  it('shows no result, control or time for an area that has not declared', () => {
    const f = feed([
      {
        id: 'W',
        name: 'W',
        status: 'counting',
        declaredAt: '2018-05-04T01:00:00Z',
        control: { before: 'con', after: 'lab' },
        results: [{ party: 'lab', seats: 3 }],
      },
    ]);
    expect(areaRow(f, f.areas[0]!, 'en-GB')).toMatchObject({
      outcome: { kind: 'counting' },
      changedHands: false,
      colourKey: undefined,
      controlAfter: undefined,
      seatsWon: [],
      declaredAt: undefined,
      declaredTime: undefined,
    });
  });

  it("uses the reader's language for the name and searches every name the area has", () => {
    const f = feed([
      council('W06000001', 'lab', 'lab', { name: 'Isle of Anglesey', translations: { cy: { name: 'Ynys Môn' } } }),
    ]);
    const welsh = areaRow(f, f.areas[0]!, 'cy');
    expect(welsh.name).toBe('Ynys Môn');
    expect(welsh.searchText).toBe('ynys mon isle of anglesey w06000001');
    expect(areaRow(f, f.areas[0]!, 'en-GB').name).toBe('Isle of Anglesey');
  });
});

describe('areaRows', () => {
  it('makes one row per area in feed order', () => {
    expect(mixedRows.map((row) => row.id)).toEqual(mixed.areas.map((area) => area.id));
  });

  it('hands back the same row objects for areas that did not change, new ones for those that did', () => {
    const first = feed([council('A', 'con', 'con', { name: 'A' }), { id: 'B', name: 'B', status: 'counting' }]);
    const next = feed([council('A', 'con', 'con', { name: 'A' }), council('B', 'lab', 'con', { name: 'B' })], {
      revision: 2,
    });
    const before = areaRows(first, 'en-GB');
    const after = areaRows(next, 'en-GB', before);
    expect(after[0]).toBe(before[0]);
    expect(after[1]).not.toBe(before[1]);
    expect(after[1]!.outcome).toEqual({ kind: 'gain', party: 'con', from: 'lab' });
    // A change of language that changes a name changes that row only.
    const translated = feed([
      council('A', 'con', 'con', { name: 'Anglesey', translations: { cy: { name: 'Môn' } } }),
      council('B', 'lab', 'con', { name: 'B' }),
    ]);
    const english = areaRows(translated, 'en-GB');
    const welsh = areaRows(translated, 'cy', english);
    expect(welsh[0]).not.toBe(english[0]);
    expect(welsh[0]!.name).toBe('Môn');
    expect(welsh[1]).toBe(english[1]);
  });
});

describe('foldForSearch and matchesSearch', () => {
  it('folds accents, case and punctuation', () => {
    expect(foldForSearch('Ynys Môn')).toBe('ynys mon');
    expect(foldForSearch('  St. Helens ')).toBe('st helens');
    expect(foldForSearch('Kingston upon Hull, City of')).toBe('kingston upon hull city of');
    expect(foldForSearch('Rhondda Cynon Taf / RHONDDA CYNON TÂF')).toBe('rhondda cynon taf rhondda cynon taf');
  });

  it('finds an area when every word typed appears in its names, in any order', () => {
    const f = feed([council('E09000021', 'con', 'ld', { name: 'Kingston upon Thames' })]);
    const row = areaRow(f, f.areas[0]!, 'en-GB');
    for (const query of ['kingston', 'KINGSTON', 'thames kingston', 'upon', 'kíngston', 'e09000021', '', '   ']) {
      expect(matchesSearch(row, query), query).toBe(true);
    }
    for (const query of ['kingston hull', 'chelsea', 'kingstonupon'])
      expect(matchesSearch(row, query), query).toBe(false);
  });
});

describe('matchesFilter', () => {
  const passing = (filter: Parameters<typeof matchesFilter>[1]) =>
    mixedRows.filter((row) => matchesFilter(row, filter)).map((row) => row.id);

  it('gains: every change of control, to and from no overall control included', () => {
    expect(passing('gains')).toEqual(['GAIN', 'FROMNOC', 'TONOC']);
  });
  it('holds: the same control before and after, no overall control included', () => {
    expect(passing('holds')).toEqual(['HOLD', 'NOCHOLD']);
  });
  it('noc: no overall control after the election', () => {
    expect(passing('noc')).toEqual(['TONOC', 'NOCHOLD']);
  });
  it('awaiting: every area still to declare, but not those with no election', () => {
    expect(passing('awaiting')).toEqual(['WAIT', 'COUNT', 'RECOUNT', 'POSTPONED']);
  });
  it('all: everything', () => {
    expect(passing('all')).toHaveLength(10);
  });
});

describe('sortAreaRows', () => {
  it("sorts by name in the reader's language, numbers in number order", () => {
    const f = feed(
      ['Ward 10', 'ward 9', 'Ávila', 'Zeal', 'Bath'].map((name, i) => council(`A${i}`, 'con', 'con', { name })),
    );
    expect(names(sortAreaRows(areaRows(f, 'en-GB'), 'name', 'en-GB'))).toEqual([
      'Ávila',
      'Bath',
      'ward 9',
      'Ward 10',
      'Zeal',
    ]);
  });

  it('sorts by declaration time, latest first; then declared without a time; then the rest, each by name', () => {
    expect(names(sortAreaRows(mixedRows, 'declared', 'en-GB'))).toEqual([
      'Gain City', // 03:00
      'From NOC', // 02:00
      'Hold Town', // 01:00
      'Still NOC', // 00:30
      'To NOC', // declared, no time
      'Counting',
      'No Poll',
      'Put Off',
      'Recounting',
      'Waiting',
    ]);
  });

  it('leaves its input alone', () => {
    const before = mixedRows.map((row) => row.id);
    sortAreaRows(mixedRows, 'name', 'en-GB');
    expect(mixedRows.map((row) => row.id)).toEqual(before);
  });
});

describe('groupAreaRows and availableGroupings', () => {
  it('groups by region, A to Z, with the areas that have none last', () => {
    const groups = groupAreaRows(sortAreaRows(mixedRows, 'name', 'en-GB'), 'region', 'en-GB');
    expect(groups.map((group) => [group.label, names(group.rows)])).toEqual([
      ['North', ['From NOC', 'Hold Town', 'Waiting']],
      ['South', ['Gain City', 'To NOC']],
      [undefined, ['Counting', 'No Poll', 'Put Off', 'Recounting', 'Still NOC']],
    ]);
  });

  it('groups by type', () => {
    const groups = groupAreaRows(sortAreaRows(mixedRows, 'name', 'en-GB'), 'type', 'en-GB');
    expect(groups.map((group) => [group.key, group.rows.length])).toEqual([
      ['District', 3],
      ['London borough', 1],
      ['Metropolitan borough', 1],
      ['', 5],
    ]);
  });

  it('offers region and type only when some area has one', () => {
    expect(availableGroupings(mixedRows)).toEqual(['none', 'region', 'type']);
    const plain = feed([council('A', 'con', 'con')]);
    expect(availableGroupings(areaRows(plain, 'en-GB'))).toEqual(['none']);
  });
});

describe('selectAreaRows', () => {
  it('counts each filter with the party and search applied, and each party with the filter and search applied', () => {
    const all = selectAreaRows(mixedRows, {}, 'en-GB');
    expect(all.shown).toBe(10);
    expect(all.total).toBe(10);
    expect(all.filterCounts).toEqual({ all: 10, gains: 3, holds: 2, noc: 2, awaiting: 4 });
    expect([...all.partyCounts]).toEqual([
      ['con', 1],
      ['lab', 1],
      ['ld', 1],
    ]);

    const gains = selectAreaRows(mixedRows, { filter: 'gains' }, 'en-GB');
    expect(gains.shown).toBe(3);
    expect(gains.filterCounts).toEqual(all.filterCounts);
    expect([...gains.partyCounts]).toEqual([
      ['lab', 1],
      ['ld', 1],
    ]);

    const labour = selectAreaRows(mixedRows, { party: 'lab' }, 'en-GB');
    expect(names(labour.groups[0]!.rows)).toEqual(['Gain City']);
    expect(labour.filterCounts).toEqual({ all: 1, gains: 1, holds: 0, noc: 0, awaiting: 0 });

    const searched = selectAreaRows(mixedRows, { search: 'noc' }, 'en-GB');
    expect(names(searched.groups[0]!.rows)).toEqual(['From NOC', 'Still NOC', 'To NOC']);
    expect(searched.filterCounts).toEqual({ all: 3, gains: 2, holds: 1, noc: 2, awaiting: 0 });
  });

  it('combines filter, party, search, sort and grouping', () => {
    const result = selectAreaRows(
      mixedRows,
      { filter: 'gains', search: 'o', sort: 'declared', groupBy: 'region' },
      'en-GB',
    );
    expect(result.groups.map((group) => [group.label, names(group.rows)])).toEqual([
      ['North', ['From NOC']],
      ['South', ['To NOC']],
    ]);
  });

  it('shows nothing, with zero counts, when nothing matches', () => {
    const result = selectAreaRows(mixedRows, { search: 'atlantis' }, 'en-GB');
    expect(result.shown).toBe(0);
    expect(result.groups).toEqual([{ key: '', label: undefined, rows: [] }]);
    expect(result.filterCounts).toEqual({ all: 0, gains: 0, holds: 0, noc: 0, awaiting: 0 });
  });
});

describe('partiesWithAreas and controlIsCounted', () => {
  it("lists parties in control somewhere, in the feed's order", () => {
    expect(partiesWithAreas(mixed, mixedRows)).toEqual(['con', 'lab', 'ld']);
  });
  it('counts control for local elections, and for others only when the feed mentions NOC', () => {
    expect(controlIsCounted(mixed)).toBe(true);
    const general = feed([{ id: 'C', name: 'C', status: 'declared', winner: 'con', seats: { total: 1 } }], {
      kind: 'general',
      areaType: 'constituency',
    });
    expect(controlIsCounted(general)).toBe(false);
  });
});

describe('on real feeds', () => {
  const fixture = (name: string): Feed =>
    assertFeed(JSON.parse(readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8')));
  it('2018: 150 councils; control as councils.csv records it; the three named councils worded right', () => {
    const f = fixture('uk-local-2018.final.json');
    const rows = areaRows(f, 'en-GB');
    expect(rows).toHaveLength(150);
    const counts = selectAreaRows(rows, {}, 'en-GB');
    // demo/data/README.md: councils.csv tallies Lab 75, Con 45, LD 9, NOC 21.
    expect(counts.filterCounts.noc).toBe(21);
    expect(Object.fromEntries(counts.partyCounts)).toEqual({ lab: 75, con: 45, ld: 9 });
    expect(counts.filterCounts.awaiting).toBe(0);
    // Every council is either held or changed hands (control before is known for all of them).
    expect(counts.filterCounts.gains + counts.filterCounts.holds).toBe(150);
    const byName = new Map(rows.map((row) => [row.name, row]));
    const wording = (name: string) => describeOutcome(byName.get(name)!.outcome, f, 'en-GB');
    expect(wording('Kensington and Chelsea')).toBe(iso('⟨Con⟩ hold'));
    expect(wording('Kingston upon Thames')).toBe(iso('⟨LD⟩ gain from ⟨Con⟩'));
    expect(wording('Trafford')).toBe(iso('No overall control (⟨Con⟩ lost)'));
    // Search is accent- and case-insensitive on real names.
    expect(names(selectAreaRows(rows, { search: 'KINGSTON thames' }, 'en-GB').groups[0]!.rows)).toEqual([
      'Kingston upon Thames',
    ]);
  });

  it('2019: 650 constituencies, and the published seat totals', () => {
    const f = fixture('uk-general-2019.final.json');
    const rows = areaRows(f, 'en-GB');
    expect(rows).toHaveLength(650);
    expect(rows.every((row) => row.singleSeat && row.majority === undefined)).toBe(true);
    // The result as published by the House of Commons Library.
    expect(Object.fromEntries(selectAreaRows(rows, {}, 'en-GB').partyCounts)).toEqual({
      con: 365,
      lab: 202,
      snp: 48,
      ld: 11,
      dup: 8,
      sf: 7,
      pc: 4,
      sdlp: 2,
      green: 1,
      apni: 1,
      spk: 1,
    });
    expect(controlIsCounted(f)).toBe(false);
    const regions = groupAreaRows(rows, 'region', 'en-GB');
    expect(regions.find((group) => group.label === 'Scotland')?.rows).toHaveLength(59);
    expect(regions.find((group) => group.label === 'Wales')?.rows).toHaveLength(40);
  });
});
