import { describe, expect, it } from 'vitest';
import {
  chooseColumns,
  collapseSteps,
  columnGroup,
  parseColumns,
  type ColumnSource,
} from '../../../src/derive/party-table-columns.js';

const row = (values: ColumnSource['values'], candidate?: string): ColumnSource => ({
  values,
  ...(candidate ? { candidate } : {}),
});

describe('parseColumns', () => {
  it('reads group names separated by spaces or commas, in any case, once each', () => {
    expect(parseColumns('councils Seats,votes  share seats')).toEqual({
      groups: ['councils', 'seats', 'votes', 'share'],
      unknown: [],
    });
  });

  it('reports words that name no column group', () => {
    expect(parseColumns('seats turnout  mps')).toEqual({ groups: ['seats'], unknown: ['turnout', 'mps'] });
  });

  it('gives nothing for an empty setting', () => {
    expect(parseColumns('  ')).toEqual({ groups: [], unknown: [] });
  });
});

describe('chooseColumns', () => {
  it('shows every group the rows have figures for, each change only when some row has one', () => {
    const rows = [row({ councils: 3, councilsChange: -1, seats: 40 }), row({ councils: 1, seats: 12 })];
    expect(chooseColumns(rows)).toEqual({ columns: ['councils', 'councilsChange', 'seats'], missing: [] });
  });

  it('picks seats, votes and share with share change for a general election', () => {
    const rows = [
      row({ seats: 1, seatsChange: 1, votes: 300, share: 60, shareChange: 2.5 }),
      row({ seats: 0, seatsChange: -1, votes: 200, share: 40 }),
    ];
    expect(chooseColumns(rows).columns).toEqual(['seats', 'seatsChange', 'votes', 'share', 'shareChange']);
  });

  it('treats a row of zeros as figures, and a row of unknowns as none', () => {
    expect(chooseColumns([row({ seats: 0, votes: undefined })]).columns).toEqual(['seats']);
  });

  it('follows the requested groups and their order, reporting those with no figures', () => {
    const rows = [row({ councils: 2, seats: 10, seatsChange: 3 })];
    expect(chooseColumns(rows, ['seats', 'votes', 'councils'])).toEqual({
      columns: ['seats', 'seatsChange', 'councils'],
      missing: ['votes'],
    });
  });

  it('adds a candidate column, first, only where a row names a candidate', () => {
    expect(chooseColumns([row({ votes: 5 }, 'A. Person'), row({ votes: 3 })]).columns).toEqual(['candidate', 'votes']);
    expect(chooseColumns([row({ votes: 5 })]).columns).toEqual(['votes']);
  });
});

describe('columnGroup', () => {
  it('names the group of a change column', () => {
    expect(columnGroup('shareChange')).toBe('share');
    expect(columnGroup('heldChange')).toBe('held');
  });
});

describe('collapseSteps', () => {
  it('lets votes and shares go before names shorten, and never seats or their change', () => {
    expect(
      collapseSteps(['councils', 'councilsChange', 'seats', 'seatsChange', 'votes', 'share', 'shareChange']),
    ).toEqual(['votes', 'shareChange', 'share', 'names', 'councilsChange', 'councils']);
  });

  it('shortens names before whole-council seats go, in a council’s own table', () => {
    expect(collapseSteps(['seats', 'seatsChange', 'held', 'heldChange'])).toEqual(['heldChange', 'names', 'held']);
  });

  it('keeps the votes of a single-seat contest, and lets the candidate go before the share', () => {
    expect(collapseSteps(['candidate', 'votes', 'share', 'shareChange'], true)).toEqual([
      'shareChange',
      'names',
      'candidate',
      'share',
    ]);
  });
});
