import { describe, expect, it } from 'vitest';
import { feedChanges } from '../../../src/feed/changes.js';
import { council, feed } from '../support/feed.js';

const awaiting = (id: string) => ({ id, name: id, status: 'awaiting' as const, control: { before: 'con' } });

describe('feedChanges', () => {
  it('treats every declared area as new on the first feed', () => {
    const changes = feedChanges(undefined, feed([council('A', 'con', 'con'), awaiting('B')]));
    expect(changes).toMatchObject({ declared: ['A'], added: [], empty: false, fromRevision: undefined, toRevision: 1 });
  });

  it('finds new declarations, corrections, recounts and status changes', () => {
    const previous = feed([council('A', 'con', 'con'), awaiting('B'), awaiting('C'), awaiting('D'), awaiting('E')]);
    const next = feed(
      [
        council('A', 'con', 'lab'),
        council('B', 'con', 'con'),
        { ...awaiting('C'), status: 'recount' },
        { ...awaiting('D'), status: 'counting' },
        awaiting('E'),
      ],
      { revision: 2 },
    );
    expect(feedChanges(previous, next)).toMatchObject({
      declared: ['B'],
      corrected: ['A'],
      recounts: ['C'],
      statusChanged: ['D'],
      added: [],
      removed: [],
      empty: false,
      fromRevision: 1,
      toRevision: 2,
    });
  });

  it('answers the same pair of feeds with the same frozen object, and another pair afresh', () => {
    const a = feed([awaiting('A')]);
    const b = feed([council('A', 'con', 'con')], { revision: 2 });
    const changes = feedChanges(a, b);
    expect(feedChanges(a, b)).toBe(changes);
    expect(Object.isFrozen(changes) && Object.isFrozen(changes.declared)).toBe(true);
    expect(feedChanges(undefined, b)).not.toBe(changes);
    expect(feedChanges(undefined, b)).toMatchObject({ declared: ['A'], fromRevision: undefined });
    expect(feedChanges(a, b).declared).toEqual(['A']);
  });

  it('is empty when the same content arrives again', () => {
    const a = feed([council('A', 'con', 'con'), awaiting('B')]);
    const b = feed([council('A', 'con', 'con'), awaiting('B')], { revision: 2 });
    expect(feedChanges(a, b).empty).toBe(true);
    expect(feedChanges(a, a).empty).toBe(true);
  });

  it('notices areas added and removed, new events and summary changes', () => {
    const a = feed([awaiting('A')]);
    const b = feed([awaiting('B')], {
      events: [{ id: 'n1', kind: 'note', at: '2018-05-04T02:00:00Z', text: 'Polls closed' }],
      summary: { parties: [{ party: 'con', seats: 1 }] },
    });
    expect(feedChanges(a, b)).toMatchObject({
      added: ['B'],
      removed: ['A'],
      newEvents: ['n1'],
      summaryChanged: true,
      empty: false,
    });
  });
});
