import { describe, expect, it } from 'vitest';
import {
  basisChange,
  changedRowKeys,
  groupOthers,
  partyTable,
  type PartyTable,
  type PartyTableRow,
} from '../../../src/derive/party-table.js';
import { council, feed, PARTIES } from '../support/feed.js';

function tableOf(result: ReturnType<typeof partyTable>): PartyTable {
  if (result.kind !== 'table') throw new Error(`expected a table, got ${result.kind}`);
  return result.table;
}

const byParty = (table: PartyTable) =>
  Object.fromEntries([...table.parties, ...(table.others?.members ?? [])].map((row) => [row.party, row.values]));

// Four councils declared, one awaiting. Worked by hand:
//   control after: A con, B lab, C noc, D ld  →  con 1, lab 1, ld 1, noc 1
//   control changes: B con→lab, C lab→noc, D noc→ld  →  con −1, lab 0, ld +1, noc 0
//   seats (A and B only): con 9+10 = 19 (−1−6 = −7), lab 5+20 = 25 (+1+6 = +7)
const localFeed = (options: Parameters<typeof feed>[1] = {}) =>
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
          { party: 'lab', seats: 20, seatsChange: 6 },
          { party: 'con', seats: 10, seatsChange: -6 },
        ],
      }),
      council('C', 'lab', 'noc'),
      council('D', 'noc', 'ld'),
      { id: 'E', name: 'E', status: 'awaiting', control: { before: 'con' } },
    ],
    { baseline: 'Change since 2014', ...options },
  );

describe('partyTable for a whole election, derived from the areas', () => {
  const table = tableOf(partyTable(localFeed()));

  it('chooses councils and seats with their changes, and nothing the feed lacks', () => {
    expect(table.columns).toEqual(['councils', 'councilsChange', 'seats', 'seatsChange']);
    expect(table.missing).toEqual([]);
  });

  it('orders parties by seats, then councils', () => {
    expect(table.parties.map((row) => row.party)).toEqual(['lab', 'con', 'ld']);
  });

  it('carries the figures worked out by hand, unknown seats left undefined', () => {
    expect(byParty(table).lab).toMatchObject({ councils: 1, councilsChange: 0, seats: 25, seatsChange: 7 });
    expect(byParty(table).con).toMatchObject({ councils: 1, councilsChange: -1, seats: 19, seatsChange: -7 });
    expect(byParty(table).ld).toMatchObject({ councils: 1, councilsChange: 1, seats: undefined });
  });

  it('adds a No overall control row with councils only', () => {
    expect(table.noOverallControl).toEqual({
      key: 'noc',
      kind: 'noc',
      party: 'noc',
      colour: 'noc',
      values: { councils: 1, councilsChange: 0 },
    });
  });

  it('totals councils (4 declared) but not seats, which Liberal Democrats lack', () => {
    expect(table.totals).toEqual({ councils: 4 });
  });

  it('says the figures are derived, over 4 of 5 councils, with seats from 2 of them', () => {
    expect(table).toMatchObject({
      basis: 'derived',
      declared: 4,
      total: 5,
      areaType: 'council',
      baselineLabel: 'Change since 2014',
    });
    expect(table.partialSeats).toEqual({ count: 2, declared: 4 });
  });

  it('gives rows stable keys by party', () => {
    expect(table.parties.map((row) => row.key)).toEqual(['party:lab', 'party:con', 'party:ld']);
  });
});

describe('partyTable council changes when nothing moved', () => {
  it('gives 0, not unknown, to a party no council moved to or from when every council says who held it', () => {
    const table = tableOf(
      partyTable(
        feed([
          council('A', 'con', 'con', {
            results: [
              { party: 'con', seats: 5 },
              { party: 'lab', seats: 2 },
            ],
          }),
        ]),
      ),
    );
    expect(byParty(table).lab).toMatchObject({ councils: 0, councilsChange: 0 });
    expect(byParty(table).con).toMatchObject({ councils: 1, councilsChange: 0 });
  });

  it('leaves the change unknown when a council does not say who held it before', () => {
    const table = tableOf(
      partyTable(
        feed([council('A', 'con', 'con', { results: [{ party: 'lab', seats: 2 }] }), council('B', undefined, 'con')]),
      ),
    );
    expect(byParty(table).lab).toMatchObject({ councils: 0, councilsChange: undefined });
  });
});

describe('partyTable with a publisher summary', () => {
  const summary = {
    declared: 4,
    total: 5,
    source: { name: 'PA' },
    baselineLabel: 'PA: change against the eve of poll',
    note: 'Provisional.',
    parties: [
      { party: 'con', councils: 2, seats: 30, seatsChange: -4 },
      { party: 'lab', councils: 1, councilsChange: -1, seats: 28, seatsChange: 5 },
      { party: 'noc', councils: 1, councilsChange: 1 },
      { party: 'green', seats: 2, seatsChange: 2 },
    ],
  };
  const withSummary = localFeed({ summary });

  it('shows the publisher’s figures, not the derived ones', () => {
    const table = tableOf(partyTable(withSummary));
    expect(table.basis).toBe('publisher');
    expect(table.parties.map((row) => row.party)).toEqual(['con', 'lab', 'green']);
    expect(byParty(table).con).toMatchObject({ councils: 2, councilsChange: undefined, seats: 30, seatsChange: -4 });
    expect(table.noOverallControl?.values).toEqual({ councils: 1, councilsChange: 1 });
    expect(table).toMatchObject({
      baselineLabel: 'PA: change against the eve of poll',
      source: { name: 'PA' },
      note: 'Provisional.',
      partialSeats: undefined,
    });
  });

  it('infers a councils total from the known figures when they already make up every declared council', () => {
    // 2 + 1 + 1 (noc) = 4 = councils declared; Green has no council figure, so it has none.
    expect(tableOf(partyTable(withSummary)).totals).toEqual({ councils: 4, seats: 60 });
  });

  it('gives no councils total when the known figures fall short of the councils declared', () => {
    const short = localFeed({
      summary: {
        ...summary,
        parties: summary.parties.map((row) => (row.party === 'con' ? { ...row, councils: 1 } : row)),
      },
    });
    expect(tableOf(partyTable(short)).totals).toEqual({ seats: 60 });
  });

  it('shows the derived totals on request', () => {
    const table = tableOf(partyTable(withSummary, { basis: 'derived' }));
    expect(table.basis).toBe('derived');
    expect(byParty(table).lab).toMatchObject({ seats: 25 });
    expect(table.note).toBeUndefined();
  });
});

describe('partyTable columns on request', () => {
  it('shows the requested groups in order and reports the ones the feed lacks', () => {
    const table = tableOf(partyTable(localFeed(), { columns: ['seats', 'votes'] }));
    expect(table.columns).toEqual(['seats', 'seatsChange']);
    expect(table.missing).toEqual(['votes']);
  });

  it('drops the No overall control row when councils are not shown', () => {
    expect(tableOf(partyTable(localFeed(), { columns: ['seats'] })).noOverallControl).toBeUndefined();
  });
});

describe('partyTable problems', () => {
  it('reports an unknown area', () => {
    expect(partyTable(localFeed(), { area: 'Z' })).toEqual({ kind: 'unknown-area', area: 'Z' });
  });

  it('reports a feed with no areas and no summary as empty', () => {
    expect(partyTable(feed([]))).toEqual({ kind: 'empty' });
  });

  it('gives an empty table, not an error, before anything has declared', () => {
    const table = tableOf(partyTable(feed([{ id: 'A', name: 'A', status: 'awaiting' }])));
    expect(table.parties).toEqual([]);
    expect(table.declared).toBe(0);
  });
});

describe('partyTable for one area', () => {
  const general = feed(
    [
      {
        id: 'S1',
        name: 'Seaside',
        status: 'declared',
        seats: { total: 1 },
        control: { before: 'lab', after: 'con' },
        winner: 'con',
        majority: 150,
        turnout: 61.5,
        results: [
          { party: 'lab', seats: 0, seatsChange: -1, votes: 4850, share: 48.5, shareChange: -3 },
          { party: 'con', seats: 1, seatsChange: 1, votes: 5000, share: 50, shareChange: 4, candidate: 'Ann Example' },
          { party: 'green', votes: 150, share: 1.5 },
        ],
      },
      {
        id: 'S2',
        name: 'Hillside',
        status: 'counting',
        seats: { total: 1 },
        control: { before: 'lab' },
        results: [{ party: 'lab', candidate: 'Bo Example' }],
      },
    ],
    { kind: 'general', areaType: 'constituency', baseline: 'Change since 2017' },
  );

  it('lists candidates by votes, marks the winner, and leaves out the seats column', () => {
    const table = tableOf(partyTable(general, { area: 'S1' }));
    expect(table.scope).toBe('area');
    expect(table.columns).toEqual(['candidate', 'votes', 'share', 'shareChange']);
    expect(table.parties.map((row) => [row.party, row.elected, row.candidate])).toEqual([
      ['con', true, 'Ann Example'],
      ['lab', false, undefined],
      ['green', false, undefined],
    ]);
    expect(table.area).toMatchObject({
      id: 'S1',
      status: 'declared',
      singleSeat: true,
      majority: 150,
      turnout: 61.5,
      outcome: { kind: 'gain', party: 'con', from: 'lab' },
    });
    expect(table.totals).toEqual({ votes: 10_000 });
    expect(table.baselineLabel).toBe('Change since 2017');
  });

  it('shows no figures for an area that has not declared', () => {
    const table = tableOf(partyTable(general, { area: 'S2' }));
    expect(table.parties).toEqual([]);
    expect(table.area).toMatchObject({ status: 'counting', outcome: { kind: 'counting' } });
  });

  it('shows seats won and whole-council seats for a council', () => {
    const local = feed([
      council('A', 'con', 'con', {
        seats: { total: 30, up: 10 },
        note: 'Whole-council figures from September.',
        results: [
          { party: 'con', seats: 5, seatsChange: -1, seatsHeld: 16, seatsHeldChange: -1 },
          { party: 'lab', seats: 4, seatsChange: 1, seatsHeld: 11, seatsHeldChange: 1 },
          { party: 'ld', seats: 1, seatsChange: 0, seatsHeld: 3, seatsHeldChange: 0 },
        ],
      }),
    ]);
    const table = tableOf(partyTable(local, { area: 'A' }));
    expect(table.columns).toEqual(['seats', 'seatsChange', 'held', 'heldChange']);
    expect(table.note).toBe('Whole-council figures from September.');
    expect(table.totals).toEqual({ seats: 10, held: 30 });
    expect(table.area?.singleSeat).toBe(false);
    expect(table.parties.every((row) => row.elected === undefined)).toBe(true);
  });
});

describe('groupOthers', () => {
  const row = (party: string, seats: number | undefined, votes?: number): PartyTableRow => ({
    key: `party:${party}`,
    kind: 'party',
    party,
    colour: party,
    values: { seats, votes },
  });
  const rows = [row('a', 10, 100), row('b', 5, 50), row('c', 2, 20), row('d', 1), row('e', 0, 5)];

  it('groups the parties beyond the limit and adds up their figures', () => {
    const { parties, others } = groupOthers(rows, ['seats', 'votes'], 2);
    expect(parties.map((r) => r.party)).toEqual(['a', 'b']);
    expect(others?.members.map((r) => [r.party, r.kind])).toEqual([
      ['c', 'member'],
      ['d', 'member'],
      ['e', 'member'],
    ]);
    // Seats 2 + 1 + 0; votes 20 + 5 (d has no vote figure, so adds nothing).
    expect(others?.row).toEqual({
      key: 'others',
      kind: 'others',
      party: 'others',
      colour: 'other',
      values: { seats: 3, votes: 25 },
    });
  });

  it('does not group a single party on its own', () => {
    expect(groupOthers(rows, ['seats'], 4).others).toBeUndefined();
    expect(groupOthers(rows, ['seats'], 4).parties).toHaveLength(5);
  });

  it('always puts the feed’s own “others” party in the group, last', () => {
    const { parties, others } = groupOthers([row('oth', 20), ...rows], ['seats'], 10);
    expect(parties.map((r) => r.party)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(others?.members.map((r) => r.party)).toEqual(['oth']);
    expect(others?.row.values).toEqual({ seats: 20 });
  });

  it('groups nothing with no limit', () => {
    expect(groupOthers(rows, ['seats'], 0).others).toBeUndefined();
    expect(groupOthers(rows, ['seats'], Infinity).others).toBeUndefined();
  });

  it('leaves a figure no member has undefined', () => {
    expect(
      groupOthers([row('a', 1), row('b', 2), row('c', undefined)], ['seats', 'votes'], 1).others?.row.values,
    ).toEqual({ seats: 2 });
  });
});

describe('basisChange', () => {
  const summary = {
    declared: 4,
    total: 5,
    parties: [
      { party: 'con', councils: 1, seats: 800 },
      { party: 'lab', councils: 1, seats: 700 },
    ],
  };
  const derived = tableOf(partyTable(localFeed()));
  const publisher = tableOf(partyTable(localFeed({ summary })));

  it('says whose figures the totals became when the publisher’s summary arrives or goes', () => {
    expect(derived.basis).toBe('derived');
    expect(publisher.basis).toBe('publisher');
    expect(basisChange(derived, publisher)).toBe('publisher');
    expect(basisChange(publisher, derived)).toBe('derived');
  });

  it('is undefined for the same basis, a first table, or one area’s result', () => {
    expect(basisChange(derived, tableOf(partyTable(localFeed())))).toBeUndefined();
    expect(basisChange(publisher, publisher)).toBeUndefined();
    expect(basisChange(undefined, publisher)).toBeUndefined();
    const areaTable = tableOf(partyTable(localFeed(), { area: 'A' }));
    expect(basisChange(areaTable, tableOf(partyTable(localFeed({ summary }), { area: 'A' })))).toBeUndefined();
  });
});

describe('changedRowKeys', () => {
  const base = localFeed();
  const next = feed(
    [
      ...base.areas.slice(0, 4),
      council('E', 'con', 'ld', { results: [{ party: 'ld', seats: 7, seatsChange: 7 }] }),
    ] as Parameters<typeof feed>[0],
    { baseline: 'Change since 2014' },
  );

  it('names the rows whose figures moved', () => {
    const before = tableOf(partyTable(base));
    const after = tableOf(partyTable(next));
    // E: con → ld. Con loses a council, LD gains one and 7 seats; Labour and NOC unchanged.
    expect([...changedRowKeys(before, after)].sort()).toEqual(['party:con', 'party:ld']);
  });

  it('highlights nothing on a first table', () => {
    expect(changedRowKeys(undefined, tableOf(partyTable(base))).size).toBe(0);
  });

  it('treats a new row as changed', () => {
    const withGreen = feed([council('A', 'con', 'con', { results: [{ party: 'green', seats: 1 }] })], {
      parties: PARTIES,
    });
    const without = feed([council('A', 'con', 'con', { results: [{ party: 'con', seats: 1 }] })], { parties: PARTIES });
    expect([...changedRowKeys(tableOf(partyTable(without)), tableOf(partyTable(withGreen)))]).toContain('party:green');
  });
});
