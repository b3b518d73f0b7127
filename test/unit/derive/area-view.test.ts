import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import '../../../src/components/council-list/messages.js';
import { areaRows, type AreaRow } from '../../../src/derive/area-rows.js';
import { areaKind, hexState, seatsSummary, type HexStateContext } from '../../../src/derive/area-view.js';
import type { Feed } from '../../../src/feed/schema.js';
import { assertFeed } from '../../../src/feed/validate.js';
import { council, feed } from '../support/feed.js';

const plain = (text: string | undefined) => text?.replace(/[\u2068\u2069]/g, '');
const fixture = (name: string): Feed =>
  assertFeed(JSON.parse(readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8')));

const mixed = feed([
  council('HOLD', 'con', 'con', { name: 'Hold Town' }),
  council('GAIN', 'con', 'lab', { name: 'Gain City' }),
  council('TONOC', 'lab', 'noc', { name: 'To NOC' }),
  council('UNKNOWN', undefined, undefined, { name: 'No Control Given' }),
  { id: 'WAIT', name: 'Waiting', status: 'awaiting', control: { before: 'con' } },
  { id: 'RECOUNT', name: 'Recounting', status: 'recount', control: { before: 'lab' } },
  { id: 'NONE', name: 'No Poll', status: 'no-election' },
]);
const rows = new Map(areaRows(mixed, 'en-GB').map((row) => [row.id, row]));
const row = (id: string): AreaRow => {
  const found = rows.get(id);
  if (!found) throw new Error(`no row ${id}`);
  return found;
};

describe('areaKind: the one rule for list rows and hexes', () => {
  it('colours a result by its winner, dots no overall control, hatches what has not declared', () => {
    expect(areaKind(row('HOLD'))).toBe('result');
    expect(areaKind(row('GAIN'))).toBe('result');
    expect(areaKind(row('TONOC'))).toBe('noc');
    expect(areaKind(row('WAIT'))).toBe('awaiting');
    expect(areaKind(row('RECOUNT'))).toBe('awaiting');
  });

  it('tells a declaration without control apart, and an area with no election or not in the feed', () => {
    expect(areaKind(row('UNKNOWN'))).toBe('declared');
    expect(areaKind(row('NONE'))).toBe('none');
    expect(areaKind(undefined)).toBe('none');
  });
});

describe('hexState', () => {
  const colours = new Map([
    ['con', { fill: '#0087dc', text: '#000000' }],
    ['lab', { fill: '#e4003b', text: '#ffffff' }],
    ['noc', { fill: '#cccccc', text: '#000000' }],
  ]);
  const context: HexStateContext = {
    feed: mixed,
    locale: 'en-GB',
    colour: (key) => colours.get(key),
    undeclared: { fill: '#eeeeee', text: '#333333' },
    filtering: true,
    shown: new Set(['GAIN']),
  };

  it('fills a gain with the winner, rings it in the colour that reads on it, and names it', () => {
    const state = hexState('GAIN', 'Gain City', row('GAIN'), context);
    expect(state).toMatchObject({
      kind: 'result',
      fill: '#e4003b',
      ringColour: '#ffffff',
      gain: true,
      selectable: true,
      dim: false,
    });
    expect(plain(state.label)).toBe('Gain City: Lab gain from Con');
  });

  it('dims what the filters leave out, and fills awaiting areas with the undeclared colour', () => {
    expect(hexState('HOLD', undefined, row('HOLD'), context)).toMatchObject({ dim: true, gain: false });
    expect(hexState('WAIT', undefined, row('WAIT'), context)).toMatchObject({
      kind: 'awaiting',
      fill: '#eeeeee',
      ringColour: '#333333',
    });
  });

  it('names a hex the feed does not have from the map file, as no election', () => {
    const state = hexState('E99', 'Nowhere', undefined, context);
    expect(state).toMatchObject({ kind: 'none', fill: undefined, selectable: false, dim: false });
    expect(plain(state.label)).toBe('Nowhere: No election');
  });

  it('gives equal signatures to hexes that draw the same, and different ones otherwise', () => {
    const a = hexState('GAIN', 'Gain City', row('GAIN'), context);
    expect(hexState('GAIN', 'Gain City', row('GAIN'), { ...context }).signature).toBe(a.signature);
    expect(hexState('GAIN', 'Gain City', row('GAIN'), { ...context, shown: new Set() }).signature).not.toBe(
      a.signature,
    );
  });
});

describe('seatsSummary', () => {
  it('lists seats won with their changes, short names first (local-small.json, Brookfield)', () => {
    const local = fixture('local-small.json');
    const brookfield = areaRows(local, 'en-GB').find((candidate) => candidate.id === 'X07000802');
    // Brookfield: Lab 25 (+6), Con 17 (−7), LD 3 (+1) of the seats up.
    expect(plain(seatsSummary(brookfield!, local, 'en-GB'))).toBe('Seats won: Lab 25 (+6), Con 17 (−7), LD 3 (+1)');
  });

  it('gives the winner’s share and majority for one seat, and nothing without figures', () => {
    const general = fixture('general-small.json');
    const seat = areaRows(general, 'en-GB').find(
      (candidate) => candidate.winnerShare !== undefined && candidate.majorityVotes !== undefined,
    );
    expect(plain(seatsSummary(seat!, general, 'en-GB'))).toMatch(/^\w+ \d+(\.\d)?%, majority [\d,]+$/);
    expect(seatsSummary(row('HOLD'), mixed, 'en-GB')).toBeUndefined();
  });
});
