import { describe, expect, it } from 'vitest';
import { mergeTickerItems, tickerItemsFromChanges, tickerItemsFromFeed } from '../../../src/derive/ticker-items.js';
import { council, feed } from '../support/feed.js';

const awaiting = (id: string) => ({ id, name: id, status: 'awaiting' as const, control: { before: 'lab' } });

describe('tickerItemsFromFeed', () => {
  it('derives one item per declaration and recount, newest first', () => {
    const items = tickerItemsFromFeed(
      feed(
        [
          council('Redditch', 'lab', 'con', { declaredAt: '2018-05-04T01:30:00Z' }),
          council('Sunderland', 'lab', 'lab', { declaredAt: '2018-05-04T02:10:00Z' }),
          { ...awaiting('Belsize'), status: 'recount' },
          awaiting('Other'),
        ],
        { dataChangedAt: '2018-05-04T03:00:00Z' },
      ),
    );
    expect(items.map((item) => [item.id, item.kind, item.at])).toEqual([
      ['recount:Belsize', 'recount', '2018-05-04T03:00:00Z'],
      ['declared:Sunderland', 'declaration', '2018-05-04T02:10:00Z'],
      ['declared:Redditch', 'control-change', '2018-05-04T01:30:00Z'],
    ]);
    expect(items[2]).toMatchObject({
      party: 'con',
      from: 'lab',
      to: 'con',
      outcome: { kind: 'gain', party: 'con', from: 'lab' },
    });
  });

  it("uses the feed's events when it has them", () => {
    const items = tickerItemsFromFeed(
      feed([council('A', 'lab', 'con')], {
        events: [
          {
            id: 'e1',
            kind: 'control-change',
            at: '2018-05-04T01:00:00Z',
            area: 'A',
            party: 'con',
            from: 'lab',
            to: 'con',
          },
          { id: 'e2', kind: 'note', at: '2018-05-04T02:00:00Z', text: 'Turnout looks low' },
        ],
      }),
    );
    expect(items.map((item) => item.id)).toEqual(['e2', 'e1']);
    expect(items[1]!.outcome).toEqual({ kind: 'gain', party: 'con', from: 'lab' });
  });
});

describe('tickerItemsFromChanges', () => {
  const first = feed([awaiting('A'), awaiting('B'), council('C', 'lab', 'lab')]);

  it('gives new declarations, corrections and recounts, timed when the data changed', () => {
    const next = feed(
      [council('A', 'lab', 'con'), { ...awaiting('B'), status: 'recount' }, council('C', 'lab', 'ld')],
      {
        revision: 2,
        dataChangedAt: '2018-05-04T04:00:00Z',
      },
    );
    const items = tickerItemsFromChanges(first, next);
    // Same time: declarations first, then corrections, then recounts.
    expect(items.map((item) => [item.id, item.kind])).toEqual([
      ['declared:A', 'control-change'],
      ['corrected:C:2', 'correction'],
      ['recount:B:2', 'recount'],
    ]);
    expect(items.every((item) => item.at === '2018-05-04T04:00:00Z')).toBe(true);
    expect(items[1]!.corrects).toBe('declared:C');
  });

  it('gives nothing when the same feed arrives twice', () => {
    expect(tickerItemsFromChanges(first, first)).toEqual([]);
    expect(
      tickerItemsFromChanges(first, feed([awaiting('A'), awaiting('B'), council('C', 'lab', 'lab')], { revision: 2 })),
    ).toEqual([]);
  });

  it('gives only events with new ids when the feed has events', () => {
    const events = [{ id: 'e1', kind: 'note' as const, at: '2018-05-04T01:00:00Z', text: 'One' }];
    const a = feed([], { events });
    const b = feed([], {
      events: [...events, { id: 'e2', kind: 'note' as const, at: '2018-05-04T02:00:00Z', text: 'Two' }],
    });
    expect(tickerItemsFromChanges(a, b).map((item) => item.id)).toEqual(['e2']);
  });
});

describe('mergeTickerItems', () => {
  it('adds new items without duplicates, newest first, up to a limit', () => {
    const at = (minute: number) => `2018-05-04T01:${String(minute).padStart(2, '0')}:00Z`;
    const current = [
      { id: 'b', kind: 'note' as const, at: at(2) },
      { id: 'a', kind: 'note' as const, at: at(1) },
    ];
    const merged = mergeTickerItems(
      current,
      [
        { id: 'c', kind: 'note', at: at(3) },
        { id: 'b', kind: 'note', at: at(2) },
      ],
      2,
    );
    expect(merged.map((item) => item.id)).toEqual(['c', 'b']);
    expect(mergeTickerItems(current, current)).toEqual(current);
  });
});
