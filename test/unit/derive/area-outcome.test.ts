import { describe, expect, it } from 'vitest';
import { areaOutcome, isChangeOfControl, outcomeColourKey } from '../../../src/derive/area-outcome.js';
import { council, feed } from '../support/feed.js';

const outcomeOf = (before: string | undefined, after: string | undefined) =>
  areaOutcome(feed([council('A', before, after)]).areas[0]!);

describe('areaOutcome', () => {
  it('calls the same party before and after a hold', () => {
    expect(outcomeOf('lab', 'lab')).toEqual({ kind: 'hold', party: 'lab' });
  });
  it('calls a change of party a gain from the party before', () => {
    expect(outcomeOf('lab', 'con')).toEqual({ kind: 'gain', party: 'con', from: 'lab' });
  });
  it('treats no overall control as a state, not a party', () => {
    expect(outcomeOf('noc', 'con')).toEqual({ kind: 'gain-from-noc', party: 'con' });
    expect(outcomeOf('con', 'noc')).toEqual({ kind: 'lost-to-noc', from: 'con' });
    expect(outcomeOf('noc', 'noc')).toEqual({ kind: 'noc-hold' });
  });
  it('claims no gain or hold when control before is unknown', () => {
    expect(outcomeOf(undefined, 'con')).toEqual({ kind: 'won', party: 'con' });
    expect(outcomeOf(undefined, 'noc')).toEqual({ kind: 'noc' });
    expect(outcomeOf('con', undefined)).toEqual({ kind: 'declared' });
  });
  it('uses the winner of a single-seat contest as control after', () => {
    const area = feed([{ id: 'A', name: 'A', status: 'declared', control: { before: 'lab' }, winner: 'con' }])
      .areas[0]!;
    expect(areaOutcome(area)).toEqual({ kind: 'gain', party: 'con', from: 'lab' });
  });
  it('reports the status of undeclared areas', () => {
    for (const status of ['awaiting', 'counting', 'recount', 'postponed', 'no-election'] as const) {
      const area = feed([{ id: 'A', name: 'A', status, control: { before: 'con' } }]).areas[0]!;
      expect(areaOutcome(area)).toEqual({ kind: status });
    }
  });
});

describe('isChangeOfControl', () => {
  it('is true for gains and for changes to and from no overall control only', () => {
    expect(isChangeOfControl(outcomeOf('lab', 'con'))).toBe(true);
    expect(isChangeOfControl(outcomeOf('noc', 'con'))).toBe(true);
    expect(isChangeOfControl(outcomeOf('con', 'noc'))).toBe(true);
    expect(isChangeOfControl(outcomeOf('con', 'con'))).toBe(false);
    expect(isChangeOfControl(outcomeOf('noc', 'noc'))).toBe(false);
  });
});

describe('outcomeColourKey', () => {
  it('colours by the party in control after, or by noc', () => {
    expect(outcomeColourKey(outcomeOf('lab', 'con'))).toBe('con');
    expect(outcomeColourKey(outcomeOf('con', 'noc'))).toBe('noc');
    expect(outcomeColourKey({ kind: 'awaiting' })).toBeUndefined();
  });
});
