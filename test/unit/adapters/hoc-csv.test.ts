import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hocResultsToFeed, parseResultText, type HocResultsOptions } from '../../../src/adapters/hoc-csv.js';
import { parseCsvNumber, parseCsvTable } from '../../../src/adapters/csv.js';
import { stateOfParties } from '../../../src/derive/state-of-parties.js';
import { areaOutcome } from '../../../src/derive/area-outcome.js';

const OPTIONS: HocResultsOptions = {
  election: { id: 'test-general', title: 'Test general election', date: '2024-07-04' },
  baseline: { label: 'Change since 2019' },
  generatedAt: '2024-07-05T06:00:00Z',
};

// Columns in a different order from the Library's, no SNP/Green/... columns, a party the
// table does not know ("Yorks"), quoted thousands, and no declaration time column.
const SMALL_CSV = [
  'Constituency name,ONS ID,Result,First party,Valid votes,Electorate,Majority,Lab,Con,Yorks,LD,All other candidates,Member first name,Member surname,Region name,Constituency type',
  '"Upton, North",X14000001,Con gain from Lab,Con,"30,000","60,000","1,000",12000,13000,"3,000",1500,500,Ann,Smith,North East,Borough',
  'Downton,X14000002,Lab hold,Lab,20000,50000,5000,11000,6000,0,2000,1000,Bob,Jones,North East,County',
  'Middleton,X14000003,Yorks gain from Con,Yorks,25000,55000,2000,4000,8000,10000,3000,0,Cy,Brown,Yorkshire and The Humber,County',
].join('\n');

/** Reorder the columns of simple CSV text (no line breaks inside fields). */
function reorderColumns(text: string, order: (columns: string[]) => string[]): string {
  const table = parseCsvTable(text);
  const columns = order([...table.columns]);
  const quote = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return [
    columns.map(quote).join(','),
    ...table.records.map((record) => columns.map((column) => quote(record.get(column)!)).join(',')),
  ].join('\r\n');
}

describe('hocResultsToFeed on a small hand-made CSV', () => {
  const feed = hocResultsToFeed(SMALL_CSV, OPTIONS);

  it('converts a gain: control, winner, candidate, votes, shares, seat changes', () => {
    expect(feed.areas[0]).toEqual({
      id: 'X14000001',
      name: 'Upton, North',
      region: 'North East',
      type: 'Borough constituency',
      seats: { total: 1, up: 1, majority: 1 },
      status: 'declared',
      control: { before: 'lab', after: 'con' },
      results: [
        { party: 'con', votes: 13000, share: 43.33, seats: 1, seatsChange: 1, candidate: 'Ann Smith' },
        { party: 'lab', votes: 12000, share: 40, seats: 0, seatsChange: -1 },
        { party: 'yorks', votes: 3000, share: 10, seats: 0, seatsChange: 0 },
        { party: 'ld', votes: 1500, share: 5, seats: 0, seatsChange: 0 },
        { party: 'oth', votes: 500, share: 1.67, seats: 0, seatsChange: 0 },
      ],
      winner: 'con',
      majority: 1000,
      electorate: 60000,
      turnout: 50,
    });
  });

  it('converts a hold, leaving out a party that did not stand (0 votes)', () => {
    expect(feed.areas[1]!.control).toEqual({ before: 'lab', after: 'lab' });
    expect(feed.areas[1]!.results).toEqual([
      { party: 'lab', votes: 11000, share: 55, seats: 1, seatsChange: 0, candidate: 'Bob Jones' },
      { party: 'con', votes: 6000, share: 30, seats: 0, seatsChange: 0 },
      { party: 'ld', votes: 2000, share: 10, seats: 0, seatsChange: 0 },
      { party: 'oth', votes: 1000, share: 5, seats: 0, seatsChange: 0 },
    ]);
    expect(feed.areas[1]!.turnout).toBe(40);
    expect(feed.areas[1]!.type).toBe('County constituency');
  });

  it('gives a new party column a party of its own, which can win', () => {
    expect(feed.areas[2]!.winner).toBe('yorks');
    expect(feed.areas[2]!.turnout).toBe(45.45);
    expect(feed.areas[2]!.results![0]).toEqual({
      party: 'yorks',
      votes: 10000,
      share: 40,
      seats: 1,
      seatsChange: 1,
      candidate: 'Cy Brown',
    });
    expect(areaOutcome(feed.areas[2]!)).toEqual({ kind: 'gain', party: 'yorks', from: 'con' });
  });

  it('lists the parties used, named for headlines, with the CSV labels as aliases', () => {
    expect(feed.parties).toEqual([
      { id: 'con', name: 'Conservatives', shortName: 'Con', aliases: ['Con'] },
      { id: 'lab', name: 'Labour', shortName: 'Lab', aliases: ['Lab'] },
      { id: 'ld', name: 'Liberal Democrats', shortName: 'LD', aliases: ['LD'] },
      { id: 'yorks', name: 'Yorks', shortName: 'Yorks', aliases: ['Yorks'] },
      { id: 'oth', name: 'Others', shortName: 'Oth' },
    ]);
  });

  it('leaves declaredAt out when the file has no declaration times, and takes the times from the options', () => {
    expect(feed.areas.every((area) => area.declaredAt === undefined)).toBe(true);
    expect(feed.meta.generatedAt).toBe('2024-07-05T06:00:00Z');
    expect(feed.meta.dataChangedAt).toBe('2024-07-05T06:00:00Z');
    const { generatedAt: _omit, ...withoutTime } = OPTIONS;
    expect(() => hocResultsToFeed(SMALL_CSV, withoutTime)).toThrow(/pass generatedAt/);
  });

  it('fills the election from the options and the row count', () => {
    expect(feed.meta.election).toEqual({
      id: 'test-general',
      title: 'Test general election',
      date: '2024-07-04',
      kind: 'general',
      areaType: 'constituency',
      seats: 3,
      majority: 2,
      country: 'GB',
    });
    expect(feed.meta.baseline).toEqual({ label: 'Change since 2019' });
    expect(feed.meta.revision).toBe(1);
  });

  it('never invents a change in vote share', () => {
    expect(feed.areas.flatMap((area) => area.results ?? []).some((result) => result.shareChange !== undefined)).toBe(
      false,
    );
  });

  it('gives the same feed whatever the column order, line ends or byte-order mark', () => {
    const reversed = reorderColumns(SMALL_CSV, (columns) => columns.reverse());
    expect(hocResultsToFeed(reversed, OPTIONS)).toEqual(feed);
    expect(hocResultsToFeed(`\uFEFF${SMALL_CSV.replace(/\n/g, '\r\n')}\r\n`, OPTIONS)).toEqual(feed);
  });

  it('counts seats per party via stateOfParties', () => {
    const seats = Object.fromEntries(
      stateOfParties(feed).parties.map((row) => [row.party, [row.seats, row.seatsChange]]),
    );
    expect(seats).toEqual({ con: [1, 0], lab: [1, -1], yorks: [1, 1], ld: [0, 0], oth: [0, 0] });
  });
});

describe('hocResultsToFeed details', () => {
  const header =
    'ONS ID,Constituency name,Declaration time,Result,First party,Valid votes,Green,All other candidates,Of which other winner';

  it('gives the votes of a winner without a column to the winner, the rest to Others', () => {
    const feed = hocResultsToFeed(
      `${header}\nX1,Chorton,13/12/2019 01:40,Spk gain from Lab,Spk,"33,000",3000,30000,25000\n`,
      OPTIONS,
    );
    expect(feed.areas[0]!.results).toEqual([
      { party: 'spk', votes: 25000, share: 75.76, seats: 1, seatsChange: 1 },
      { party: 'oth', votes: 5000, share: 15.15, seats: 0, seatsChange: 0 },
      { party: 'green', votes: 3000, share: 9.09, seats: 0, seatsChange: 0 },
      // Labour did not stand against the Speaker, but it lost the seat.
      { party: 'lab', seats: 0, seatsChange: -1 },
    ]);
    expect(feed.parties.map((party) => party.id)).toEqual(['lab', 'green', 'spk', 'oth']);
  });

  it('reads declaration times as UK local time, summer or winter', () => {
    const csv = `${header}\nX1,Summerton,05/07/2024 01:30,Lab hold,Lab,100,100,0,0\nX2,Winterton,13/12/2019 02:30,Lab hold,Lab,100,100,0,0\n`;
    const feed = hocResultsToFeed(csv, { ...OPTIONS, generatedAt: undefined });
    expect(feed.areas.map((area) => area.declaredAt)).toEqual(['2024-07-05T00:30:00Z', '2019-12-13T02:30:00Z']);
    // Without generatedAt, the feed dates from its last declaration.
    expect(feed.meta.dataChangedAt).toBe('2024-07-05T00:30:00Z');
  });

  it('leaves control before and seat changes out when there is no Result column', () => {
    const feed = hocResultsToFeed('ONS ID,Constituency name,First party,Con,Lab\nX1,Anyton,Con,200,100\n', OPTIONS);
    expect(feed.areas[0]!.control).toEqual({ after: 'con' });
    expect(feed.areas[0]!.results).toEqual([
      { party: 'con', votes: 200, seats: 1 },
      { party: 'lab', votes: 100, seats: 0 },
    ]);
    expect(feed.areas[0]!.turnout).toBeUndefined();
  });

  it('refuses a file without a required column', () => {
    expect(() => hocResultsToFeed('ONS ID,Constituency name,Con\nX1,A,1\n', OPTIONS)).toThrow(
      /line 1: no "First party" column/,
    );
  });

  it('refuses inconsistent rows, naming the line', () => {
    const bad = (row: string) => () =>
      hocResultsToFeed(`ONS ID,Constituency name,Result,First party,Valid votes,Con,Lab\n${row}\n`, OPTIONS);
    expect(bad('X1,A,Lab gain from Con,Con,300,200,100')).toThrow(
      /line 2: A: the Result "Lab gain from Con" names a different winner/,
    );
    expect(bad('X1,A,Con hold,Con,300,100,200')).toThrow(
      /line 2: A: the winner \(Con, 100 votes\) has fewer votes than 'lab'/,
    );
    expect(bad('X1,A,Con hold,Con,250,200,100')).toThrow(/party votes add up to 300, more than the 250 valid votes/);
    expect(bad('X1,A,Con hold,Con,300,two hundred,100')).toThrow(/line 2: "Con": "two hundred" is not a number/);
    expect(bad('X1,A,Con won,Con,300,200,100')).toThrow(/cannot read the Result "Con won"/);
  });
});

describe('parseResultText', () => {
  it('reads holds and gains, including multi-word labels', () => {
    expect(parseResultText('Lab hold')).toEqual({ winner: 'Lab', before: 'Lab', gain: false });
    expect(parseResultText('Con gain from Lab Coop')).toEqual({ winner: 'Con', before: 'Lab Coop', gain: true });
    expect(parseResultText('Spk gain from Lab')).toEqual({ winner: 'Spk', before: 'Lab', gain: true });
    expect(parseResultText('elected')).toBeUndefined();
  });
});

describe('hocResultsToFeed on the real 2019 results', () => {
  const csv = readFileSync(
    new URL('../../../demo/data/uk-general-2019/HoC-GE2019-results-by-constituency.csv', import.meta.url),
    'utf8',
  );
  const feed = hocResultsToFeed(csv, {
    election: { id: 'uk-general-2019', title: 'UK general election 2019', date: '2019-12-12' },
    baseline: { label: 'Change since 2017' },
  });
  const source = parseCsvTable(csv);

  it('has 650 constituencies and a majority of 326', () => {
    expect(feed.areas).toHaveLength(650);
    expect(new Set(feed.areas.map((area) => area.id)).size).toBe(650);
    expect(feed.meta.election.seats).toBe(650);
    expect(feed.meta.election.majority).toBe(326);
  });

  it('gives the published seat totals via stateOfParties', () => {
    const state = stateOfParties(feed);
    const seats = Object.fromEntries(
      state.parties.filter((row) => (row.seats ?? 0) > 0).map((row) => [row.party, row.seats]),
    );
    expect(seats).toEqual({
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
    expect(state.declared).toBe(650);
  });

  it('gives seat changes that match the 2017 result (Con 317, Lab 262, SNP 35, LD 12, DUP 10, SF 7, PC 4, Green 1, Speaker 1, Ind 1)', () => {
    const change = Object.fromEntries(stateOfParties(feed).parties.map((row) => [row.party, row.seatsChange]));
    expect(change).toMatchObject({
      con: 48,
      lab: -60,
      snp: 13,
      ld: -1,
      dup: -2,
      sf: 0,
      pc: 0,
      sdlp: 2,
      green: 0,
      apni: 1,
      spk: 0,
      ind: -1,
    });
    expect(Object.values(change).reduce((a, b) => a! + b!, 0)).toBe(0);
  });

  it('declares every constituency with exactly one winner, who is control after', () => {
    for (const area of feed.areas) {
      expect(area.status).toBe('declared');
      const winners = (area.results ?? []).filter((result) => result.seats === 1);
      expect(
        winners.map((result) => result.party),
        area.name,
      ).toEqual([area.winner]);
      expect(area.control?.after).toBe(area.winner);
      expect(
        (area.results ?? []).reduce((sum, result) => sum + (result.seatsChange ?? 0), 0),
        area.name,
      ).toBe(0);
    }
  });

  it('never counts more votes than the valid votes, and shares add up to 100', () => {
    const valid = new Map(
      source.records.map((record) => [record.get('ONS ID'), parseCsvNumber(record.get('Valid votes'))!]),
    );
    for (const area of feed.areas) {
      const results = area.results ?? [];
      const votes = results.reduce((sum, result) => sum + (result.votes ?? 0), 0);
      expect(votes, area.name).toBeLessThanOrEqual(valid.get(area.id)!);
      const share = results.reduce((sum, result) => sum + (result.share ?? 0), 0);
      expect(Math.abs(share - 100), area.name).toBeLessThan(0.1);
    }
  });

  it('converts declaration times to UTC (GMT in December)', () => {
    const byName = new Map(feed.areas.map((area) => [area.name, area]));
    expect(byName.get('Newcastle Upon Tyne Central')!.declaredAt).toBe('2019-12-12T23:27:00Z');
    expect(byName.get('St Ives')!.declaredAt).toBe('2019-12-13T14:52:00Z');
    expect(feed.areas.every((area) => area.declaredAt !== undefined)).toBe(true);
    expect(feed.meta.dataChangedAt).toBe('2019-12-13T14:52:00Z');
  });

  it('handles the Speaker, Chorley and Buckingham', () => {
    const byName = new Map(feed.areas.map((area) => [area.name, area]));
    const chorley = byName.get('Chorley')!;
    expect(areaOutcome(chorley)).toEqual({ kind: 'gain', party: 'spk', from: 'lab' });
    expect(chorley.results![0]).toMatchObject({ party: 'spk', votes: 26831, seats: 1, candidate: 'Lindsay Hoyle' });
    expect(chorley.results!.find((result) => result.party === 'oth')!.votes).toBe(36270 - 26831);
    expect(areaOutcome(byName.get('Buckingham')!)).toEqual({ kind: 'gain', party: 'con', from: 'spk' });
  });

  it('reads Labour Co-operative as Labour in the Result text', () => {
    const gainsFromLabCoop = source.records
      .filter((record) => record.get('Result') === 'Con gain from Lab Coop')
      .map((record) => record.get('ONS ID'));
    expect(gainsFromLabCoop).toHaveLength(6);
    for (const id of gainsFromLabCoop) expect(feed.areas.find((area) => area.id === id)!.control?.before).toBe('lab');
    expect(feed.parties.find((party) => party.id === 'lab')!.aliases).toContain('Lab Coop');
  });
});
