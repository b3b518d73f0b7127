import { describe, expect, it } from 'vitest';
import type { PartyTable, PartyTableRow } from '../../../src/derive/party-table.js';
import {
  defaultSort,
  layoutRows,
  nextSort,
  parseSort,
  sortRows,
  type SortContext,
} from '../../../src/derive/party-table-sort.js';

const row = (party: string, values: PartyTableRow['values'], candidate?: string): PartyTableRow => ({
  key: `party:${party}`,
  kind: 'party',
  party,
  colour: party,
  values,
  ...(candidate ? { candidate } : {}),
});

const NAMES: Record<string, string> = {
  con: 'Conservatives',
  lab: 'Labour',
  ld: 'Liberal Democrats',
  grn: 'Green',
  ind: 'Independent',
  snp: 'SNP',
};
const context: SortContext = { name: (r) => NAMES[r.party] ?? r.party, locale: 'en-GB' };

// Default order (largest first by seats): lab, con, ld, grn, ind.
const rows = [
  row('lab', { seats: 25, seatsChange: 7, share: 40 }),
  row('con', { seats: 19, seatsChange: -7, share: 38 }),
  row('ld', { seats: 4, seatsChange: 0 }, 'Zed'),
  row('grn', { seats: 4, seatsChange: 2, share: 9 }, 'Amy'),
  row('ind', { seats: 0, seatsChange: -2, share: 1 }),
];
const order = (sorted: PartyTableRow[]) => sorted.map((r) => r.party);

describe('sortRows', () => {
  it('sorts by a figure, largest first', () => {
    expect(order(sortRows(rows, { column: 'seatsChange', direction: 'descending' }, context))).toEqual([
      'lab',
      'grn',
      'ld',
      'ind',
      'con',
    ]);
  });

  it('sorts by a figure, smallest first, with a real minus below zero', () => {
    expect(order(sortRows(rows, { column: 'seatsChange', direction: 'ascending' }, context))).toEqual([
      'con',
      'ind',
      'ld',
      'grn',
      'lab',
    ]);
  });

  it('keeps the default order between equal figures, in both directions', () => {
    expect(order(sortRows(rows, { column: 'seats', direction: 'descending' }, context))).toEqual([
      'lab',
      'con',
      'ld',
      'grn',
      'ind',
    ]);
    expect(order(sortRows(rows, { column: 'seats', direction: 'ascending' }, context))).toEqual([
      'ind',
      'ld',
      'grn',
      'con',
      'lab',
    ]);
  });

  it('puts unknown figures last in both directions', () => {
    expect(order(sortRows(rows, { column: 'share', direction: 'descending' }, context))).toEqual([
      'lab',
      'con',
      'grn',
      'ind',
      'ld',
    ]);
    expect(order(sortRows(rows, { column: 'share', direction: 'ascending' }, context))).toEqual([
      'ind',
      'grn',
      'con',
      'lab',
      'ld',
    ]);
  });

  it('sorts by party name in the reader’s language', () => {
    expect(order(sortRows(rows, { column: 'party', direction: 'ascending' }, context))).toEqual([
      'con',
      'grn',
      'ind',
      'lab',
      'ld',
    ]);
    expect(order(sortRows(rows, { column: 'party', direction: 'descending' }, context))).toEqual([
      'ld',
      'lab',
      'ind',
      'grn',
      'con',
    ]);
  });

  it('sorts by candidate, rows without a name last', () => {
    expect(order(sortRows(rows, { column: 'candidate', direction: 'ascending' }, context))).toEqual([
      'grn',
      'ld',
      'lab',
      'con',
      'ind',
    ]);
  });

  it('does not change its input', () => {
    const copy = [...rows];
    sortRows(rows, { column: 'party', direction: 'ascending' }, context);
    expect(rows).toEqual(copy);
  });
});

describe('defaultSort, nextSort and parseSort', () => {
  it('starts with seats, else councils, else votes, else the party name', () => {
    expect(defaultSort(['councils', 'councilsChange', 'seats'])).toEqual({ column: 'seats', direction: 'descending' });
    expect(defaultSort(['councils', 'councilsChange'])).toEqual({ column: 'councils', direction: 'descending' });
    expect(defaultSort(['votes', 'share', 'candidate'])).toEqual({ column: 'votes', direction: 'descending' });
    expect(defaultSort(['candidate'])).toEqual({ column: 'party', direction: 'ascending' });
  });

  it('flips the sorted column and starts others in their natural direction', () => {
    expect(nextSort({ column: 'seats', direction: 'descending' }, 'seats')).toEqual({
      column: 'seats',
      direction: 'ascending',
    });
    expect(nextSort({ column: 'seats', direction: 'ascending' }, 'seats')).toEqual({
      column: 'seats',
      direction: 'descending',
    });
    expect(nextSort({ column: 'seats', direction: 'descending' }, 'party')).toEqual({
      column: 'party',
      direction: 'ascending',
    });
    expect(nextSort({ column: 'party', direction: 'ascending' }, 'votes')).toEqual({
      column: 'votes',
      direction: 'descending',
    });
  });

  it('reads a sort setting for a column the table has', () => {
    const columns = ['seats', 'seatsChange', 'votes'] as const;
    expect(parseSort('votes', columns)).toEqual({ column: 'votes', direction: 'descending' });
    expect(parseSort('seatschange asc', columns)).toEqual({ column: 'seatsChange', direction: 'ascending' });
    expect(parseSort('party', columns)).toEqual({ column: 'party', direction: 'ascending' });
    expect(parseSort('share', columns)).toBeUndefined();
    expect(parseSort('', columns)).toBeUndefined();
  });
});

describe('layoutRows', () => {
  const others: PartyTableRow = {
    key: 'others',
    kind: 'others',
    party: 'others',
    colour: 'other',
    values: { seats: 6 },
  };
  const members = [row('snp', { seats: 5 }), row('ind', { seats: 1 })].map((r) => ({ ...r, kind: 'member' as const }));
  const noc: PartyTableRow = { key: 'noc', kind: 'noc', party: 'noc', colour: 'noc', values: { councils: 3 } };
  const table = {
    parties: rows.slice(0, 2),
    others: { row: others, members },
    noOverallControl: noc,
  } as unknown as PartyTable;

  it('keeps Others and No overall control at the foot whatever the sort', () => {
    expect(layoutRows(table, { column: 'seats', direction: 'ascending' }, false, context).map((r) => r.key)).toEqual([
      'party:con',
      'party:lab',
      'others',
      'noc',
    ]);
  });

  it('lists the members of Others after it when expanded, sorted the same way', () => {
    expect(layoutRows(table, { column: 'seats', direction: 'ascending' }, true, context).map((r) => r.key)).toEqual([
      'party:con',
      'party:lab',
      'others',
      'party:ind',
      'party:snp',
      'noc',
    ]);
  });
});
