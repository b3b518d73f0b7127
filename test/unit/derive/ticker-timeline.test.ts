import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { replayFeed, timelineFromDeclaredAt } from '../../../src/adapters/replay.js';
import {
  advanceTimeline,
  correctedIds,
  EMPTY_TIMELINE,
  revealPending,
  type TickerTimeline,
} from '../../../src/derive/ticker-timeline.js';
import { assertFeed } from '../../../src/feed/validate.js';
import { council, feed } from '../support/feed.js';

const awaiting = (id: string, before = 'lab') => ({ id, name: id, status: 'awaiting' as const, control: { before } });
const at = (hhmm: string) => `2018-05-04T${hhmm}:00Z`;

const first = feed([council('A', 'lab', 'lab', { declaredAt: at('01:00') }), awaiting('B'), awaiting('C', 'con')], {
  revision: 1,
  dataChangedAt: at('01:00'),
});
const second = feed(
  [
    council('A', 'lab', 'lab', { declaredAt: at('01:00') }),
    council('B', 'lab', 'con', { declaredAt: at('01:30') }),
    awaiting('C', 'con'),
  ],
  {
    revision: 2,
    dataChangedAt: at('01:30'),
  },
);
const third = feed(
  [
    council('A', 'lab', 'lab', { declaredAt: at('01:00') }),
    council('B', 'lab', 'con', { declaredAt: at('01:30') }),
    council('C', 'con', 'noc', { declaredAt: at('01:45') }),
  ],
  { revision: 3, dataChangedAt: at('01:45') },
);
const ids = (timeline: TickerTimeline) => ({
  items: timeline.items.map((item) => item.id),
  pending: timeline.pending.map((item) => item.id),
});

describe('advanceTimeline', () => {
  it('fills the list from the first feed and counts nothing as new', () => {
    const step = advanceTimeline(EMPTY_TIMELINE, first, { hold: false });
    expect(step.restarted).toBe(true);
    expect(step.fresh).toEqual([]);
    expect(ids(step.timeline)).toEqual({ items: ['declared:A'], pending: [] });
  });

  it('adds what the next feed declares, newest first', () => {
    const one = advanceTimeline(EMPTY_TIMELINE, first, { hold: false }).timeline;
    const step = advanceTimeline(one, second, { hold: false });
    expect(step.fresh.map((item) => [item.id, item.kind, item.at])).toEqual([
      ['declared:B', 'control-change', at('01:30')],
    ]);
    expect(ids(step.timeline)).toEqual({ items: ['declared:B', 'declared:A'], pending: [] });
  });

  it('adds nothing when the same feed, or the same content, arrives twice', () => {
    const one = advanceTimeline(EMPTY_TIMELINE, first, { hold: false }).timeline;
    const same = advanceTimeline(one, first, { hold: false });
    expect(same.timeline).toBe(one);
    expect(same.fresh).toEqual([]);
    const republished = feed(
      [council('A', 'lab', 'lab', { declaredAt: at('01:00') }), awaiting('B'), awaiting('C', 'con')],
      { revision: 2, dataChangedAt: at('01:00') },
    );
    const again = advanceTimeline(one, republished, { hold: false });
    expect(again.fresh).toEqual([]);
    expect(ids(again.timeline)).toEqual(ids(one));
    expect(again.timeline.feed).toBe(republished);
  });

  it('holds new items back while the reader is reading, and shows them on reveal', () => {
    const one = advanceTimeline(EMPTY_TIMELINE, first, { hold: false }).timeline;
    const two = advanceTimeline(one, second, { hold: true }).timeline;
    expect(ids(two)).toEqual({ items: ['declared:A'], pending: ['declared:B'] });
    const three = advanceTimeline(two, third, { hold: true });
    expect(three.fresh.map((item) => item.id)).toEqual(['declared:C']);
    expect(ids(three.timeline)).toEqual({ items: ['declared:A'], pending: ['declared:C', 'declared:B'] });
    expect(ids(revealPending(three.timeline))).toEqual({
      items: ['declared:C', 'declared:B', 'declared:A'],
      pending: [],
    });
  });

  it('shows anything still held when a feed arrives and nothing holds it any more', () => {
    const one = advanceTimeline(EMPTY_TIMELINE, first, { hold: false }).timeline;
    const two = advanceTimeline(one, second, { hold: true }).timeline;
    expect(ids(advanceTimeline(two, third, { hold: false }).timeline)).toEqual({
      items: ['declared:C', 'declared:B', 'declared:A'],
      pending: [],
    });
  });

  it('turns a changed declared result into a correction of the original item', () => {
    const one = advanceTimeline(EMPTY_TIMELINE, second, { hold: false }).timeline;
    const fixed = feed(
      [
        council('A', 'lab', 'lab', { declaredAt: at('01:00') }),
        council('B', 'lab', 'ld', { declaredAt: at('01:30') }),
        awaiting('C', 'con'),
      ],
      {
        revision: 3,
        dataChangedAt: at('02:10'),
      },
    );
    const step = advanceTimeline(one, fixed, { hold: false });
    expect(step.fresh.map((item) => [item.id, item.kind, item.corrects, item.at])).toEqual([
      ['corrected:B:3', 'correction', 'declared:B', at('02:10')],
    ]);
    expect(step.fresh[0]!.outcome).toEqual({ kind: 'gain', party: 'ld', from: 'lab' });
    expect([...correctedIds(step.timeline.items)]).toEqual(['declared:B']);
    // The same corrected feed again adds nothing more.
    expect(advanceTimeline(step.timeline, fixed, { hold: false }).fresh).toEqual([]);
  });

  it('starts again for another election', () => {
    const one = advanceTimeline(EMPTY_TIMELINE, second, { hold: false }).timeline;
    const other = feed([council('Z', 'con', 'con', { declaredAt: at('03:00') })], { revision: 1 });
    const renamed = assertFeed({
      ...JSON.parse(JSON.stringify(other)),
      meta: { ...other.meta, election: { ...other.meta.election, id: 'another' } },
    });
    const step = advanceTimeline(one, renamed, { hold: false });
    expect(step.restarted).toBe(true);
    expect(step.fresh).toEqual([]);
    expect(ids(step.timeline)).toEqual({ items: ['declared:Z'], pending: [] });
  });

  it('keeps at most `limit` items', () => {
    const step = advanceTimeline(EMPTY_TIMELINE, third, { hold: false, limit: 2 });
    expect(ids(step.timeline).items).toEqual(['declared:C', 'declared:B']);
  });
});

describe('advanceTimeline through part of the 2019 general election night', () => {
  const raw = JSON.parse(
    readFileSync(new URL('../../fixtures/uk-general-2019.final.json', import.meta.url), 'utf8'),
  ) as {
    areas: { id: string; declaredAt: string; control: { before: string; after: string } }[];
  };
  const final = assertFeed(raw);
  const timeline = timelineFromDeclaredAt(final);
  // Declaration times from the source data, sorted: the night as it happened.
  const times = raw.areas.map((area) => Date.parse(area.declaredAt)).sort((a, b) => a - b);
  const start = times[0]! - 60_000;
  const end = times[199]!; // the first 200 declarations
  const steps: number[] = [];
  for (let time = start; time <= end; time += 5 * 60_000) steps.push(time);
  steps.push(end);

  it('shows each declared seat once, newest first, and new ones only after the first feed', () => {
    let state = EMPTY_TIMELINE;
    const freshIds: string[] = [];
    for (const [index, time] of steps.entries()) {
      const step = advanceTimeline(state, replayFeed(final, time, { timeline }), { hold: index % 3 === 1 });
      state = step.timeline;
      freshIds.push(...step.fresh.map((item) => item.id));
      // Republishing the same moment adds nothing.
      expect(advanceTimeline(state, replayFeed(final, time, { timeline }), { hold: false }).fresh).toEqual([]);
    }
    state = revealPending(state);
    const declaredBy = raw.areas.filter((area) => Date.parse(area.declaredAt) <= end);
    const expectedIds = declaredBy.map((area) => `declared:${area.id}`).sort();
    expect(state.items.map((item) => item.id).sort()).toEqual(expectedIds);
    expect(new Set(freshIds).size).toBe(freshIds.length);
    // Nothing was declared at `start`, so every item arrived as new.
    expect(freshIds.sort()).toEqual(expectedIds);
    const shownTimes = state.items.map((item) => Date.parse(item.at));
    expect(shownTimes).toEqual([...shownTimes].sort((a, b) => b - a));
    const gains = declaredBy.filter((area) => area.control.before !== area.control.after).length;
    expect(state.items.filter((item) => item.kind === 'control-change').length).toBe(gains);
  });
});
