/**
 * The newsroom spreadsheet adapter. Sheets are built in the test from tables of values, so the
 * expected figures come from the same values the CSV is written from.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { electionConfig, type ElectionConfigInput } from '../../../src/adapters/config.js';
import { readTime, sheetAdapter } from '../../../src/adapters/sheet.js';
import { convertChecked, sourceProblems } from '../support/adapters.js';
import { areaOutcome } from '../../../src/derive/area-outcome.js';

const NOW = '2026-05-08T06:00:00Z';
const config = (input: Partial<ElectionConfigInput> = {}) =>
  electionConfig({ election: { id: 'locals-2026', title: 'Local elections', date: '2026-05-07' }, ...input });
const TEMPLATE = readFileSync(new URL('../../../templates/results-sheet.csv', import.meta.url), 'utf8');

/** CSV as a spreadsheet exports it: quoted where needed, CRLF, optionally with a BOM. */
function csv(
  rows: (string | number | undefined)[][],
  options: { bom?: boolean; blankRows?: number; emptyColumns?: number } = {},
): string {
  const quote = (value: string | number | undefined) => {
    const text = value === undefined ? '' : String(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const width = Math.max(...rows.map((row) => row.length)) + (options.emptyColumns ?? 0);
  const lines = rows.map((row) => [...row, ...Array(width - row.length).fill(undefined)].map(quote).join(','));
  for (let i = 0; i < (options.blankRows ?? 0); i++) lines.push(Array(width).fill('').join(','));
  return `${options.bom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
}

const convert = (text: string, configUsed = config()) =>
  convertChecked(sheetAdapter, [{ name: 'results.csv', text }], configUsed, NOW);
const problemsOf = (text: string, configUsed = config()) =>
  sourceProblems(
    () => sheetAdapter([{ name: 'results.csv', text }], configUsed, { now: NOW }),
    (problem) => `${problem.at ?? ''}: ${problem.message}`,
  );

const COUNCIL = [
  // party, seats won, votes, held after
  ['Labour', 7, 20410, 23],
  ['Conservatives', 5, 15280, 15],
  ['Liberal Democrats', 2, 6051, 4],
] as const;

describe('sheet: one row per area and party', () => {
  const header = [
    'Area',
    'Party',
    'Seats',
    'Votes',
    'Held after',
    'Seats up',
    'Seats total',
    'Control before',
    'Declared at',
    'Note',
  ];
  const rows = COUNCIL.map(([party, seats, votes, held], index) => [
    'Kingsbridge Wells',
    party,
    seats,
    votes,
    held,
    index === 0 ? 14 : undefined,
    index === 0 ? 42 : undefined,
    index === 0 ? 'Labour' : undefined,
    index === 0 ? '02:55' : undefined,
    index === 0 ? 'Recount in one ward, decided by 3 votes, as agreed' : undefined,
  ]);
  const text = csv([header, ...rows], { bom: true, blankRows: 3, emptyColumns: 2 });
  const { feed, warnings } = convert(text);
  const area = feed.areas[0]!;

  it('reads a spreadsheet export: BOM, CRLF, a quoted comma, empty rows below and columns to the right', () => {
    expect(warnings).toEqual([]);
    expect(feed.areas).toHaveLength(1);
    expect(area.note).toBe('Recount in one ward, decided by 3 votes, as agreed');
  });

  it('gives the seats, votes and shares of each party, and the whole council after', () => {
    const total = COUNCIL.reduce((sum, [, , votes]) => sum + votes, 0);
    for (const [label, seats, votes, held] of COUNCIL) {
      const row = area.results!.find(
        (result) => feed.parties.find((party) => party.id === result.party)!.name === label,
      )!;
      expect(row).toMatchObject({ seats, votes, seatsHeld: held, share: Math.round((votes / total) * 10000) / 100 });
    }
    expect(area.seats).toEqual({ total: 42, up: 14, majority: 22 });
    expect(area.status).toBe('declared');
  });

  it('works out control after from the seats held after, and the outcome', () => {
    const labourHeld = COUNCIL[0][3];
    expect(labourHeld).toBeGreaterThanOrEqual(22);
    expect(areaOutcome(area)).toEqual({ kind: 'hold', party: 'lab' });
    expect(area.control!.largestParty).toBe('lab');
  });

  it('reads a bare time as the night of polling day: 02:55 is the morning after, in UK time', () => {
    expect(area.declaredAt).toBe('2026-05-08T01:55:00Z');
    expect(feed.meta.dataChangedAt).toBe(area.declaredAt);
  });

  it('gives the same feed for the same sheet, and for its rows in another order', () => {
    expect(convert(text).feed).toEqual(feed);
    expect(convert(csv([header, ...[...rows].reverse()])).feed.areas[0]!.results).toEqual(area.results);
  });

  it('keeps an area whose result cells are blank awaiting, and reads blank seats as none once any are entered', () => {
    const awaiting = convert(
      csv([
        ['area', 'party', 'seats'],
        ['Anytown', 'Labour'],
        ['Anytown', 'Green'],
      ]),
    ).feed.areas[0]!;
    expect(awaiting.status).toBe('awaiting');
    expect(awaiting.results).toBeUndefined();
    const partly = convert(
      csv([
        ['area', 'party', 'seats'],
        ['Anytown', 'Labour', 3],
        ['Anytown', 'Green'],
      ]),
    ).feed.areas[0]!;
    expect(partly.results!.map((row) => [row.party, row.seats])).toEqual([
      ['lab', 3],
      ['green', 0],
    ]);
  });
});

describe('sheet: one row per candidate', () => {
  const ward = [
    // candidate, party, votes, elected
    ['Maggi Clark', 'Labour', 1204, 'yes'],
    ['Tony Browne', 'Labour', 1117, 'yes'],
    ['Paul Hague', 'Rotherham Democratic Party', 993, 'yes'],
    ['Alan William Sherriff', 'Conservative and Unionist Party', 917, ''],
    ['Eddie Coates-Madden', 'Labour', 754, 'no'],
  ] as const;
  const header = ['area', 'parent', 'candidate', 'party', 'votes', 'elected', 'seats up'];
  const councilRows = [
    ['area', 'party'],
    ['Rotherham', 'Labour'],
  ];
  const text = csv([
    header,
    ...ward.map(([name, party, votes, elected], index) => [
      'Keppel',
      'Rotherham',
      name,
      party,
      votes,
      elected,
      index === 0 ? 3 : undefined,
    ]),
    ...councilRows.slice(1).map((row) => [row[0], undefined, undefined, row[1]]),
  ]);
  const { feed, warnings } = convert(text);
  const keppel = feed.areas.find((area) => area.name === 'Keppel')!;

  it('elects exactly those marked elected, several in a multi-member ward', () => {
    const elected = ward.filter(([, , , mark]) => mark === 'yes').map(([name]) => name);
    expect(
      keppel
        .candidates!.filter((candidate) => candidate.elected)
        .map((candidate) => candidate.name)
        .sort(),
    ).toEqual([...elected].sort());
    expect(keppel.seats!.up).toBe(3);
    expect(keppel.winner).toBeUndefined();
  });

  it("computes each candidate's share of the ward's votes and each party's seats", () => {
    const total = ward.reduce((sum, [, , votes]) => sum + votes, 0);
    for (const [name, , votes] of ward)
      expect(keppel.candidates!.find((candidate) => candidate.name === name)!.share).toBe(
        Math.round((votes / total) * 10000) / 100,
      );
    expect(keppel.results!.find((row) => row.party === 'lab')).toMatchObject({
      seats: 2,
      votes: ward.filter(([, party]) => party === 'Labour').reduce((sum, [, , votes]) => sum + votes, 0),
    });
  });

  it('puts the ward under its council, named as in the area column', () => {
    expect(keppel.parent).toBe(feed.areas.find((area) => area.name === 'Rotherham')!.id);
  });

  it('lists a party label the config does not know', () => {
    expect(warnings.map((warning) => `${warning.at}: ${warning.message}`)).toEqual([
      `line 4, column "party": party "Rotherham Democratic Party" is not in the config; shown as 'rotherham-democratic-party'`,
    ]);
  });
});

describe('sheet mistakes name the row and column', () => {
  it('a figure that is not a number', () => {
    expect(
      problemsOf(
        csv([
          ['area', 'party', 'votes', 'seats'],
          ['Anytown', 'Labour', '12,34', 1],
        ]),
      ),
    ).toEqual(['line 2, column "votes": "12,34" is not a number']);
    expect(
      problemsOf(
        csv([
          ['area', 'party', 'seats'],
          ['Anytown', 'Labour', 1.5],
        ]),
      ),
    ).toEqual(['line 2, column "seats": "1.5" is not a whole number of seats']);
  });

  it('a missing column, an unknown status, a value under a column with no name', () => {
    expect(
      problemsOf(
        csv([
          ['area', 'votes'],
          ['Anytown', 1],
        ]),
      ),
    ).toEqual(['line 1: no "party" column (the header has: area, votes)']);
    expect(
      problemsOf(
        csv([
          ['area', 'party', 'status'],
          ['Anytown', 'Labour', 'done'],
        ]),
      ),
    ).toEqual(['line 2, column "status": "done" is not a status']);
    expect(
      problemsOf(
        csv([
          ['area', 'party', ''],
          ['Anytown', 'Labour', 'x'],
        ]),
      ),
    ).toEqual(['line 2, column "column 3": a value ("x") under a column with no name']);
  });

  it("an area's value that differs between its rows", () => {
    expect(
      problemsOf(
        csv([
          ['area', 'party', 'seats up'],
          ['Anytown', 'Labour', 10],
          ['Anytown', 'Green', 11],
        ]),
      ),
    ).toEqual(['line 3, column "seats up": "11" for Anytown, but line 2 says "10"']);
  });

  it('more elected or won than seats up, votes for some but not all, votes without a winner', () => {
    expect(
      problemsOf(
        csv([
          ['area', 'candidate', 'party', 'elected', 'seats up'],
          ['Abbey', 'A', 'Labour', 'yes', 1],
          ['Abbey', 'B', 'Green', 'yes'],
        ]),
      ),
    ).toEqual(['line 3, column "elected": Abbey: 2 candidates elected, but 1 seat is up']);
    expect(
      problemsOf(
        csv([
          ['area', 'party', 'seats', 'seats up'],
          ['Anytown', 'Labour', 6, 10],
          ['Anytown', 'Green', 5],
        ]),
      ),
    ).toEqual(['line 2, column "seats": Anytown: 11 seats won, but 10 are up']);
    expect(
      problemsOf(
        csv([
          ['area', 'candidate', 'party', 'votes', 'elected'],
          ['Abbey', 'A', 'Labour', 100, 'yes'],
          ['Abbey', 'B', 'Green', undefined, undefined],
        ]),
      ),
    ).toEqual(['line 3, column "votes": Abbey: votes are entered for some candidates but not this one']);
    expect(
      problemsOf(
        csv([
          ['area', 'candidate', 'party', 'votes', 'elected'],
          ['Abbey', 'A', 'Labour', 100],
          ['Abbey', 'B', 'Green', 90],
        ]),
      ),
    ).toEqual(['line 2, column "elected": Abbey: votes are entered but nobody is marked elected']);
  });

  it('a control after that the seats held after contradict, and a parent that is not there', () => {
    expect(
      problemsOf(
        csv([
          ['area', 'party', 'seats', 'held after', 'seats total', 'control after'],
          ['Anytown', 'Labour', 5, 10, 30, 'Labour'],
          ['Anytown', 'Green', 5, 20],
        ]),
      ),
    ).toEqual([
      'line 2, column "control after": Anytown: control after is "Labour", but the seats held after give \'green\' a majority of 16',
    ]);
    expect(
      problemsOf(
        csv([
          ['area', 'parent', 'party'],
          ['Abbey', 'Nowhere', 'Labour'],
        ]),
      ),
    ).toEqual(['line 2, column "parent": Abbey\'s parent "Nowhere" is not an area of the sheet or the config']);
  });

  it('a cut-off file: an unclosed quote names its line', () => {
    expect(problemsOf('area,party,note\r\nAnytown,Labour,"half a sen')).toEqual([
      'line 2: a quoted field is not closed',
    ]);
  });
});

describe('the template in the package', () => {
  it('is a valid sheet: every area awaiting until the producer fills it in', () => {
    const { feed, warnings } = convert(TEMPLATE);
    expect(warnings).toEqual([]);
    expect(feed.areas.length).toBeGreaterThan(0);
    expect(feed.areas.every((area) => area.status === 'awaiting')).toBe(true);
  });
});

describe('readTime', () => {
  const fail = (message: string): never => {
    throw new Error(message);
  };
  it('reads the forms producers type, in UK time', () => {
    expect(readTime('23:40', '2026-05-07', 'Europe/London', fail)).toBe('2026-05-07T22:40:00Z');
    expect(readTime('04/05/2018 02:41', undefined, 'Europe/London', fail)).toBe('2018-05-04T01:41:00Z');
    expect(readTime('2019-12-13 02:41', undefined, 'Europe/London', fail)).toBe('2019-12-13T02:41:00Z');
    expect(readTime('2026-05-08T02:41:00+01:00', undefined, 'Europe/London', fail)).toBe('2026-05-08T01:41:00Z');
    expect(() => readTime('soon', '2026-05-07', 'Europe/London', fail)).toThrow('"soon" is not a time');
    expect(() => readTime('02:41', undefined, 'Europe/London', fail)).toThrow(/no date/);
  });
});
