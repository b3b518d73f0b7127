/**
 * The party table on the real nights: the 2018 local elections "after 130 of 150" (PA's
 * figures, as quoted in issue 5) and the 2019 general election. Expected figures come from the
 * published results, not from this code.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { partyTable, type PartyTable } from '../../../src/derive/party-table.js';
import { assertFeed } from '../../../src/feed/validate.js';
import type { Feed } from '../../../src/feed/schema.js';
import { loadDemoNights } from '../../../demo/feeds/index.js';
import { AFTER_130_PATH, localNightAfter, snapshotJson } from '../../../demo/party-table/snapshots.js';

function tableOf(feed: Feed, options: Parameters<typeof partyTable>[1] = {}): PartyTable {
  const result = partyTable(feed, options);
  if (result.kind !== 'table') throw new Error(`expected a table, got ${result.kind}`);
  return result.table;
}

const figures = (table: PartyTable) =>
  Object.fromEntries(
    [
      ...table.parties,
      ...(table.others?.members ?? []),
      ...(table.noOverallControl ? [table.noOverallControl] : []),
    ].map((row) => [row.party, row.values]),
  );

describe('the 2018 night after 130 of 150 councils', () => {
  let after130: Feed;
  beforeAll(() => {
    after130 = assertFeed(JSON.parse(readFileSync(AFTER_130_PATH, 'utf8')));
  });

  it('is kept on disk exactly as the replay makes it', () => {
    expect(readFileSync(AFTER_130_PATH, 'utf8')).toBe(snapshotJson(localNightAfter(130)));
  });

  it('shows PA’s figures as quoted in the issue', () => {
    const table = tableOf(after130);
    expect(table.basis).toBe('publisher');
    expect(table).toMatchObject({ declared: 130, total: 150, areaType: 'council' });
    expect(table.columns).toEqual(['councils', 'councilsChange', 'seats', 'seatsChange']);
    const shown = figures(table);
    // "Conservatives 42 councils, 1,125 seats (−41) [no council change: the source gives none]"
    expect(shown.con).toEqual({
      councils: 42,
      councilsChange: undefined,
      seats: 1125,
      seatsChange: -41,
      votes: undefined,
      share: undefined,
      shareChange: undefined,
    });
    expect(shown.lab).toMatchObject({ councils: 62, councilsChange: -1, seats: 1692, seatsChange: 75 });
    expect(shown.ld).toMatchObject({ councils: 6, councilsChange: 2, seats: 403, seatsChange: 37 });
    expect(shown.green).toMatchObject({ councils: undefined, seats: 32, seatsChange: 4 });
    expect(shown.ukip).toMatchObject({ seats: 3, seatsChange: -55 });
    expect(shown.ind).toMatchObject({ seats: 87, seatsChange: -66 });
    expect(shown.lib).toMatchObject({ seats: 1, seatsChange: -1 });
    expect(shown.res).toMatchObject({ seats: 46, seatsChange: -4 });
    expect(shown.noc).toEqual({ councils: 20, councilsChange: -1 });
  });

  it('lists all eight parties on their own, largest first, with no Others row', () => {
    const table = tableOf(after130);
    expect(table.parties.map((row) => row.party)).toEqual(['lab', 'con', 'ld', 'ind', 'res', 'green', 'ukip', 'lib']);
    expect(table.others).toBeUndefined();
  });

  it('totals 130 councils and 3,389 seats', () => {
    // 42 + 62 + 6 + 20 = 130; 1125 + 1692 + 403 + 32 + 3 + 87 + 1 + 46 = 3389.
    expect(tableOf(after130).totals).toEqual({ councils: 130, seats: 3389 });
  });
});

describe('the real nights, final', () => {
  let local: Feed;
  let general: Feed;
  beforeAll(() => {
    const nights = loadDemoNights();
    local = nights.find((night) => night.id === 'uk-local-2018')!.final;
    general = nights.find((night) => night.id === 'uk-general-2019')!.final;
  });

  it('2019: the published seats, changes, votes and shares', () => {
    const table = tableOf(general);
    expect(table.basis).toBe('derived');
    expect(table.columns).toEqual(['seats', 'seatsChange', 'votes', 'share']);
    const shown = figures(table);
    // House of Commons Library, CBP-8749: Con 365 (+48), Lab 202 (−60), SNP 48 (+13), LD 11 (−1).
    expect(shown.con).toMatchObject({ seats: 365, seatsChange: 48, votes: 13_966_454 });
    expect(shown.lab).toMatchObject({ seats: 202, seatsChange: -60, votes: 10_269_051 });
    expect(shown.snp).toMatchObject({ seats: 48, seatsChange: 13 });
    expect(shown.ld).toMatchObject({ seats: 11, seatsChange: -1 });
    expect(shown.con!.share).toBeCloseTo(43.6, 1);
    expect(shown.lab!.share).toBeCloseTo(32.1, 1);
  });

  it('2019: seats add up to 650 and changes to zero, Others included', () => {
    const table = tableOf(general);
    expect(table.totals.seats).toBe(650);
    const rows = [...table.parties, ...(table.others ? [table.others.row] : [])];
    expect(rows.reduce((sum, row) => sum + (row.values.seatsChange ?? 0), 0)).toBe(0);
    expect(rows.reduce((sum, row) => sum + (row.values.share ?? 0), 0)).toBeCloseTo(100, 6);
  });

  it('2019: ten parties on their own, the rest as Others', () => {
    const table = tableOf(general);
    expect(table.parties).toHaveLength(10);
    expect(table.parties.slice(0, 4).map((row) => row.party)).toEqual(['con', 'lab', 'snp', 'ld']);
    expect(table.others?.members.map((row) => row.party)).toContain('oth');
  });

  it('2019: one constituency with its winner', () => {
    // Aberavon: Stephen Kinnock (Lab) 17,008, majority 10,490.
    const table = tableOf(general, { area: 'W07000049' });
    expect(table.parties[0]).toMatchObject({
      party: 'lab',
      elected: true,
      candidate: 'Stephen Kinnock',
      values: { votes: 17_008 },
    });
    expect(table.area).toMatchObject({ majority: 10_490, singleSeat: true });
  });

  it('2018: 150 councils in all, as published', () => {
    const table = tableOf(local);
    expect(table.totals.councils).toBe(150);
    expect(figures(table).lab).toMatchObject({ councils: 74, seats: 2350, seatsChange: 79 });
  });

  it('2018: derived totals say they cover only the councils with seat figures', () => {
    const table = tableOf(local, { basis: 'derived' });
    expect(table.basis).toBe('derived');
    expect(table.partialSeats?.declared).toBe(150);
    expect(table.partialSeats!.count).toBeLessThan(150);
  });
});
