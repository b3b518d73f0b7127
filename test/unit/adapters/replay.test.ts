import { describe, expect, it } from 'vitest';
import {
  replayFeed,
  timelineBounds,
  timelineFromDeclaredAt,
  undeclaredArea,
  type ReplayOptions,
} from '../../../src/adapters/replay.js';
import { assertFeed, validateFeed } from '../../../src/feed/validate.js';
import type { FeedInput, Summary } from '../../../src/feed/schema.js';
import { progress } from '../../../src/derive/progress.js';

const at = (hhmm: string) => Date.parse(`2018-05-04T${hhmm}:00Z`);

const FINAL_SUMMARY: Summary = {
  declared: 3,
  total: 4,
  parties: [
    { party: 'con', councils: 2 },
    { party: 'lab', councils: 1 },
  ],
};
const EARLY: Summary = { declared: 1, total: 4, source: { name: 'PA' }, parties: [{ party: 'con', councils: 1 }] };
const LATER: Summary = {
  declared: 3,
  total: 4,
  source: { name: 'PA' },
  parties: [
    { party: 'con', councils: 2 },
    { party: 'lab', councils: 1 },
  ],
};

const raw: FeedInput = {
  format: 'tally-feed/1',
  meta: {
    election: { id: 'replay-test', title: 'Replay test', date: '2018-05-03', kind: 'local', areaType: 'council' },
    revision: 9,
    generatedAt: '2018-05-04T12:00:00Z',
    dataChangedAt: '2018-05-04T03:00:00Z',
    baseline: { label: 'Change since 2014' },
    note: 'Final results.',
  },
  parties: [
    { id: 'con', name: 'Conservatives' },
    { id: 'lab', name: 'Labour' },
  ],
  areas: [
    {
      id: 'A',
      name: 'Ashby',
      type: 'District',
      seats: { total: 30, up: 10, majority: 16 },
      status: 'declared',
      declaredAt: '2018-05-04T01:00:00Z',
      control: { before: 'lab', after: 'con', largestParty: 'con' },
      results: [
        { party: 'con', seats: 7, seatsChange: 3 },
        { party: 'lab', seats: 3, seatsChange: -3 },
      ],
      note: 'A note that does not depend on the result.',
    },
    {
      id: 'B',
      name: 'Brook',
      status: 'declared',
      control: { before: 'con', after: 'con' },
      results: [{ party: 'con', seats: 5 }],
    },
    {
      id: 'C',
      name: 'Carr',
      status: 'declared',
      control: { before: 'lab', after: 'lab' },
      winner: 'lab',
      majority: 120,
      turnout: 35.5,
      electorate: 9000,
    },
    { id: 'D', name: 'Dale', status: 'postponed', control: { before: 'con' } },
  ],
  summary: FINAL_SUMMARY,
  events: [
    { id: 'e1', kind: 'declaration', at: '2018-05-04T01:00:00Z', area: 'A' },
    { id: 'e2', kind: 'note', at: '2018-05-04T02:30:00Z', text: 'Turnout is low.' },
  ],
};
const final = assertFeed(raw);
const timeline = { A: at('01:00'), B: at('02:00'), C: at('03:00') };
const options: ReplayOptions = {
  timeline,
  start: at('00:00'),
  snapshots: [LATER, EARLY],
  titleSuffix: ' (replay)',
  note: 'Replayed.',
};

const statuses = (time: number, opts: ReplayOptions = options) =>
  replayFeed(final, time, opts).areas.map((area) => area.status);

describe('replayFeed', () => {
  it('before the first declaration: everything in the timeline awaiting, the rest as in the final feed', () => {
    const feed = replayFeed(final, at('00:30'), options);
    expect(feed.areas.map((area) => area.status)).toEqual(['awaiting', 'awaiting', 'awaiting', 'postponed']);
    expect(feed.summary).toBeUndefined();
    expect(feed.events).toEqual([]);
    expect(feed.meta.revision).toBe(1);
    expect(feed.meta.generatedAt).toBe('2018-05-04T00:30:00Z');
    expect(feed.meta.dataChangedAt).toBe('2018-05-04T00:00:00Z');
    expect(feed.meta.election.title).toBe('Replay test (replay)');
    expect(feed.meta.note).toBe('Replayed.');
  });

  it('strips everything an undeclared area would not know yet, keeping control before', () => {
    const feed = replayFeed(final, at('00:30'), options);
    expect(feed.areas[0]).toEqual({
      id: 'A',
      name: 'Ashby',
      type: 'District',
      seats: { total: 30, up: 10, majority: 16 },
      status: 'awaiting',
      control: { before: 'lab' },
      note: 'A note that does not depend on the result.',
    });
    expect(feed.areas[2]).toEqual({
      id: 'C',
      name: 'Carr',
      status: 'awaiting',
      control: { before: 'lab' },
      electorate: 9000,
    });
  });

  it('declares an area at its time exactly, and attaches the latest snapshot the count has reached', () => {
    const feed = replayFeed(final, at('01:00'), options);
    expect(feed.areas[0]).toEqual(final.areas[0]);
    expect(feed.areas.map((area) => area.status)).toEqual(['declared', 'awaiting', 'awaiting', 'postponed']);
    expect(feed.summary).toEqual(EARLY);
    // Since the start: A's declaration, its event e1 and the first snapshot.
    expect(feed.meta.revision).toBe(4);
    expect(feed.meta.dataChangedAt).toBe('2018-05-04T01:00:00Z');
    expect(feed.events!.map((event) => event.id)).toEqual(['e1']);
  });

  it('counts events as changes too', () => {
    const feed = replayFeed(final, at('02:45'), options);
    expect(progress(feed).declared).toBe(2);
    expect(feed.summary).toEqual(EARLY);
    expect(feed.events!.map((event) => event.id)).toEqual(['e1', 'e2']);
    // A, B, events e1 and e2, the first snapshot.
    expect(feed.meta.revision).toBe(6);
    expect(feed.meta.dataChangedAt).toBe('2018-05-04T02:30:00Z');
  });

  it('at the last declaration gives the final declared set and the last snapshot', () => {
    const feed = replayFeed(final, at('03:00'), options);
    expect(feed.areas).toEqual(final.areas);
    expect(feed.summary).toEqual(LATER);
    // Three declarations, two events, two snapshots.
    expect(feed.meta.revision).toBe(8);
    expect(feed.meta.dataChangedAt).toBe('2018-05-04T03:00:00Z');
  });

  it('without snapshots attaches the final summary only once every area in the timeline has declared', () => {
    const plain: ReplayOptions = { timeline, start: at('00:00') };
    expect(replayFeed(final, at('02:59'), plain).summary).toBeUndefined();
    expect(replayFeed(final, at('03:00'), plain).summary).toEqual(FINAL_SUMMARY);
    expect(replayFeed(final, at('03:00'), plain).meta.election.title).toBe('Replay test');
    expect(replayFeed(final, at('03:00'), plain).meta.note).toBe('Final results.');
  });

  it('shows areas as counting in the minutes before their declaration when asked', () => {
    const counting: ReplayOptions = { ...options, countingMinutes: 30 };
    expect(statuses(at('00:29'), counting)).toEqual(['awaiting', 'awaiting', 'awaiting', 'postponed']);
    const feed = replayFeed(final, at('00:45'), counting);
    expect(feed.areas.map((area) => area.status)).toEqual(['counting', 'awaiting', 'awaiting', 'postponed']);
    expect(feed.areas[0]!.control).toEqual({ before: 'lab' });
    expect(feed.meta.revision).toBe(2);
    expect(feed.meta.dataChangedAt).toBe('2018-05-04T00:30:00Z');
    expect(statuses(at('01:45'), counting)).toEqual(['declared', 'counting', 'awaiting', 'postponed']);
  });

  it('keeps the revision rising and the data time never after the file time', () => {
    let previous = 0;
    for (let minute = -60; minute <= 300; minute += 5) {
      const time = at('00:00') + minute * 60_000;
      const feed = replayFeed(final, time, { ...options, countingMinutes: 20 });
      expect(feed.meta.revision).toBeGreaterThanOrEqual(previous);
      expect(Date.parse(feed.meta.dataChangedAt)).toBeLessThanOrEqual(time);
      previous = feed.meta.revision;
    }
  });

  it('returns valid feeds and never changes its inputs', () => {
    const mutable = structuredClone(final) as typeof final;
    const opts = structuredClone(options);
    for (const time of [at('00:00'), at('01:30'), at('09:00')]) {
      expect(validateFeed(replayFeed(mutable, time, opts)).ok).toBe(true);
    }
    expect(mutable).toEqual(final);
    expect(opts).toEqual(options);
  });

  it('accepts a Map timeline', () => {
    const feed = replayFeed(final, at('02:00'), { timeline: new Map(Object.entries(timeline)) });
    expect(feed.areas.map((area) => area.status)).toEqual(['declared', 'declared', 'awaiting', 'postponed']);
  });

  it('refuses a timeline naming an unknown area, a snapshot without declared, and a time that is not a number', () => {
    expect(() => replayFeed(final, at('01:00'), { timeline: { Z: at('01:00') } })).toThrow(/'Z', which is not an area/);
    expect(() => replayFeed(final, at('01:00'), { timeline, snapshots: [{ parties: [] }] })).toThrow(
      /snapshot 0 does not say/,
    );
    expect(() => replayFeed(final, Number.NaN, { timeline })).toThrow(RangeError);
  });
});

describe('undeclaredArea', () => {
  it('keeps only what is known before a result, and no control when control before is unknown', () => {
    expect(undeclaredArea(final.areas[1]!, 'counting')).toEqual({
      id: 'B',
      name: 'Brook',
      status: 'counting',
      control: { before: 'con' },
    });
    const { events: _events, ...withoutEvents } = raw;
    const noBefore = assertFeed({
      ...withoutEvents,
      areas: [{ id: 'X', name: 'X', status: 'declared', winner: 'con' }],
    }).areas[0]!;
    expect(undeclaredArea(noBefore, 'awaiting')).toEqual({ id: 'X', name: 'X', status: 'awaiting' });
  });
});

describe('timelineFromDeclaredAt and timelineBounds', () => {
  it('read declaration times from a feed', () => {
    const fromFeed = timelineFromDeclaredAt(final);
    expect([...fromFeed]).toEqual([['A', at('01:00')]]);
    expect(timelineBounds(timeline)).toEqual({ first: at('01:00'), last: at('03:00') });
    expect(timelineBounds(new Map())).toBeUndefined();
  });
});
