/** The area in the URL fragment, and the area a postcode's codes lead to. */
import { describe, expect, it } from 'vitest';
import { areaForCodes, readAreaFragment, writeAreaFragment } from '../../../src/derive/area-link.js';
import { feed } from '../support/feed.js';

describe('readAreaFragment', () => {
  it('reads the area from the fragment, alone or among other parts', () => {
    expect(readAreaFragment('#tally-area=E08000019')).toBe('E08000019');
    expect(readAreaFragment('#results&tally-area=ROT%3Akeppel')).toBe('ROT:keppel');
    expect(readAreaFragment('tally-area=E08000019')).toBe('E08000019');
  });
  it('reads nothing from a fragment without it, or with an id no feed may have', () => {
    expect(readAreaFragment('')).toBeUndefined();
    expect(readAreaFragment('#results')).toBeUndefined();
    expect(readAreaFragment('#tally-area=')).toBeUndefined();
    expect(readAreaFragment('#tally-area=%3Cscript%3E')).toBeUndefined();
    expect(readAreaFragment('#tally-area=%E0%A4%A')).toBeUndefined();
  });
});

describe('writeAreaFragment', () => {
  it('sets, replaces and removes the area, keeping the rest of the fragment', () => {
    expect(writeAreaFragment('', 'E08000019')).toBe('#tally-area=E08000019');
    expect(writeAreaFragment('#results', 'E08000019')).toBe('#results&tally-area=E08000019');
    expect(writeAreaFragment('#tally-area=A&x=1', 'B')).toBe('#tally-area=B&x=1');
    expect(writeAreaFragment('#x=1&tally-area=A', undefined)).toBe('#x=1');
    expect(writeAreaFragment('#tally-area=A', undefined)).toBe('');
    expect(writeAreaFragment('', 'ROT:keppel')).toBe('#tally-area=ROT%3Akeppel');
  });
  it('round-trips with readAreaFragment', () => {
    for (const id of ['E08000019', 'ROT:keppel', 'a.b_c-d'])
      expect(readAreaFragment(writeAreaFragment('#top', id))).toBe(id);
  });
});

describe('areaForCodes', () => {
  const local = feed([
    { id: 'E08000019', name: 'Sheffield', status: 'declared' },
    { id: 'E05010882', name: 'Walkley', parent: 'E08000019', status: 'declared' },
    { id: 'E08000016', name: 'Barnsley', status: 'no-election' },
  ]);
  it('takes the first code, in order of preference, that is an area with an election', () => {
    expect(areaForCodes(local, ['E05010882', 'E08000019'])).toEqual({ kind: 'area', id: 'E05010882' });
    expect(areaForCodes(local, ['E05999999', 'E08000019'])).toEqual({ kind: 'area', id: 'E08000019' });
  });
  it('says there is no election, naming the area when the feed has it without one', () => {
    expect(areaForCodes(local, ['E08000016'])).toEqual({ kind: 'no-election', codes: ['E08000016'], id: 'E08000016' });
    expect(areaForCodes(local, ['S12000036'])).toEqual({ kind: 'no-election', codes: ['S12000036'], id: undefined });
    expect(areaForCodes(local, [])).toEqual({ kind: 'no-election', codes: [], id: undefined });
  });
});
