/**
 * areaResult(feed, id): one area's view for the result card, from hand-made feeds (exact
 * figures) and the real ones (invariants): candidates by votes, elected as declared, councils
 * with seats won, the whole council and their wards; nothing the feed lacks shown as zero.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  areaChildren,
  areaResult,
  sameAreaInputs,
  type ContestView,
  type CouncilView,
} from '../../../src/derive/area-result.js';
import { assertFeed } from '../../../src/feed/validate.js';
import type { Feed, FeedInput } from '../../../src/feed/schema.js';
import { describeOutcome } from '../../../src/i18n/sentences.js';
import { council, feed, rawFeed } from '../support/feed.js';

const fixture = (name: string): Feed =>
  assertFeed(JSON.parse(readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8')) as FeedInput);
const wards = fixture('wards.json');

const contestOf = (view: ReturnType<typeof areaResult>): ContestView => {
  if (view?.body.kind !== 'contest') throw new Error(`not a contest: ${view?.body.kind}`);
  return view.body;
};
const councilOf = (view: ReturnType<typeof areaResult>): CouncilView => {
  if (view?.body.kind !== 'council') throw new Error(`not a council: ${view?.body.kind}`);
  return view.body;
};

describe('areaResult: a contest with candidates', () => {
  it('lists candidates by votes with their party, share and an elected mark from the feed', () => {
    const view = areaResult(wards, 'X05000901')!;
    const contest = contestOf(view);
    expect(contest.source).toBe('candidates');
    expect(contest.lines.map((line) => [line.candidate, line.party, line.votes, line.share, line.elected])).toEqual([
      ['Ann Archer', 'lab', 1702, 47.72, true],
      ['Bill Baker', 'con', 1250, 35.04, false],
      ['Cara Cole', 'green', 402, 11.27, false],
      ['Dev Dhillon', undefined, 213, 5.97, false],
    ]);
    expect(contest.lines[3]).toMatchObject({ partyName: 'Ashby Residents Association', colourKey: 'other' });
    expect(contest.lines.map((line) => line.bar)).toEqual([47.72, 35.04, 11.27, 5.97]);
    expect(contest).toMatchObject({ majority: 452, turnout: 36.54, rejected: 21, seatsUp: 1, electedCount: 1 });
    expect(view).toMatchObject({
      status: 'declared',
      parent: 'X08000901',
      outcome: { kind: 'gain', party: 'lab', from: 'con' },
    });
  });

  it('marks every elected candidate of a ward electing two, and names no majority the feed lacks', () => {
    const contest = contestOf(areaResult(wards, 'X05000902'));
    expect(contest.lines.filter((line) => line.elected).map((line) => line.candidate)).toEqual([
      'Eve Evans',
      'Femi Foster',
    ]);
    expect(contest).toMatchObject({
      seatsUp: 2,
      electedCount: 2,
      majority: undefined,
      rejected: undefined,
      turnout: 41.3,
    });
  });

  it('never ranks an elected mark from votes: a winner by lot with fewer votes stays the one elected', () => {
    const view = areaResult(
      feed([
        {
          id: 'W',
          name: 'W',
          status: 'declared',
          seats: { up: 1 },
          candidates: [
            { name: 'Most votes', party: 'con', votes: 100 },
            { name: 'Drawn by lot', party: 'lab', votes: 99, elected: true },
          ],
        },
      ]),
      'W',
    );
    expect(contestOf(view).lines.map((line) => [line.candidate, line.elected])).toEqual([
      ['Most votes', false],
      ['Drawn by lot', true],
    ]);
  });

  it('leaves out what the feed lacks: no share, no change, no bar without figures, lines without votes last', () => {
    const view = areaResult(
      feed([
        {
          id: 'W',
          name: 'W',
          status: 'counting',
          candidates: [
            { name: 'No figures', party: 'ld' },
            { name: 'Votes', party: 'con', votes: 300 },
            { name: 'More votes', party: 'lab', votes: 500 },
          ],
        },
      ]),
      'W',
    )!;
    const contest = contestOf(view);
    expect(contest.lines.map((line) => line.candidate)).toEqual(['More votes', 'Votes', 'No figures']);
    expect(contest.has).toEqual({ votes: true, share: false, shareChange: false });
    // Not every line has votes: no bar is worked out from a partial count.
    expect(contest.lines.map((line) => line.bar)).toEqual([undefined, undefined, undefined]);
    expect(contest.lines.every((line) => line.share === undefined && line.shareChange === undefined)).toBe(true);
    expect(view.baselineLabel).toBeUndefined();
  });

  it('gives bars from votes when every line has votes and no share', () => {
    const view = areaResult(
      feed([
        {
          id: 'W',
          name: 'W',
          status: 'declared',
          candidates: [
            { name: 'A', votes: 300 },
            { name: 'B', votes: 100 },
          ],
        },
      ]),
      'W',
    );
    expect(contestOf(view).lines.map((line) => line.bar)).toEqual([75, 25]);
  });

  it('shows the share change and the baseline label when the feed has them', () => {
    const view = areaResult(
      feed(
        [
          {
            id: 'W',
            name: 'W',
            status: 'declared',
            candidates: [{ name: 'A', party: 'con', votes: 3, share: 60, shareChange: -2.5, elected: true }],
          },
        ],
        { baseline: 'Change since 2014' },
      ),
      'W',
    )!;
    expect(contestOf(view).lines[0]!.shareChange).toBe(-2.5);
    expect(view.baselineLabel).toBe('Change since 2014');
  });
});

describe('areaResult: a constituency with party figures only', () => {
  it('makes one line per party, the winner elected and named as the candidate where the feed has the name', () => {
    const ge = fixture('uk-general-2019.final.json');
    const view = areaResult(ge, 'W07000049')!;
    const contest = contestOf(view);
    expect(contest.source).toBe('parties');
    expect(contest.lines[0]).toMatchObject({
      party: 'lab',
      candidate: 'Stephen Kinnock',
      votes: 17008,
      share: 53.83,
      elected: true,
    });
    expect(contest.lines.filter((line) => line.elected)).toHaveLength(1);
    expect(contest.lines.slice(1).every((line) => line.candidate === undefined)).toBe(true);
    expect(contest).toMatchObject({
      majority: 10490,
      turnout: 62.26,
      electorate: 50750,
      rejected: undefined,
      seatsUp: 1,
    });
    expect(describeOutcome(view.outcome, ge, 'en-GB', false)).toBe('\u2068Labour\u2069 hold');
  });

  it('marks nobody elected before the declaration', () => {
    const view = areaResult(
      feed([{ id: 'C', name: 'C', status: 'counting', seats: { total: 1 }, results: [{ party: 'con', votes: 10 }] }]),
      'C',
    );
    expect(contestOf(view).lines[0]!.elected).toBe(false);
  });
});

describe('areaResult: a council', () => {
  it('gives seats won of the seats up, the whole council with its majority, control and its wards', () => {
    const local = feed([
      council('C', 'lab', 'noc', {
        seats: { total: 10, up: 4, majority: 6 },
        control: { before: 'lab', after: 'noc', largestParty: 'lab' },
        results: [
          { party: 'con', seats: 1, seatsChange: 1, seatsHeld: 4, seatsHeldChange: 2 },
          { party: 'lab', seats: 3, seatsChange: -1, seatsHeld: 5, seatsHeldChange: -2 },
          { party: 'ld', seats: 0, seatsHeld: 1 },
        ],
      }),
      { id: 'W1', name: 'W1', parent: 'C', status: 'declared', control: { before: 'lab', after: 'con' } },
      { id: 'W2', name: 'W2', parent: 'C', status: 'awaiting' },
    ]);
    const view = areaResult(local, 'C')!;
    const body = councilOf(view);
    expect(body.seatsWon).toEqual([
      { party: 'lab', seats: 3, change: -1 },
      { party: 'con', seats: 1, change: 1 },
    ]);
    expect(body).toMatchObject({ seatsUp: 4, seatsWonCounted: 4 });
    expect(body.composition).toEqual({
      parties: [
        { party: 'lab', seats: 5, change: -2 },
        { party: 'con', seats: 4, change: 2 },
        { party: 'ld', seats: 1, change: undefined },
      ],
      counted: 10,
      total: 10,
      totalGiven: true,
      majority: 6,
    });
    expect(body.control).toEqual({ before: 'lab', after: 'noc', largestParty: ['lab'] });
    expect(body.wards.map((ward) => [ward.id, ward.outcome.kind])).toEqual([
      ['W1', 'gain'],
      ['W2', 'awaiting'],
    ]);
    expect(describeOutcome(view.outcome, local, 'en-GB', false)).toBe('No overall control (\u2068Labour\u2069 lost)');
  });

  it('has no whole council, no control after and no seats when a counting council has none', () => {
    const body = councilOf(areaResult(wards, 'X08000901'));
    expect(body.composition).toBeUndefined();
    expect(body.control).toEqual({ before: 'lab', after: undefined, largestParty: [] });
    expect(body.seatsWon).toEqual([{ party: 'lab', seats: 3, change: 1 }]);
    expect(body.wards.map((ward) => ward.id)).toEqual(['X05000901', 'X05000902', 'X05000903']);
    expect(body.wards[1]!.elected).toEqual([{ party: 'lab', partyName: undefined, count: 2 }]);
    expect(body.wards[2]!.status).toBe('awaiting');
  });

  it('works out a majority only from a council size the feed gives', () => {
    const sized = councilOf(
      areaResult(
        feed([council('C', 'lab', 'lab', { seats: { total: 9 }, results: [{ party: 'lab', seatsHeld: 5 }] })]),
        'C',
      ),
    );
    expect(sized.composition).toMatchObject({ total: 9, totalGiven: true, majority: 5 });
    const unsized = councilOf(
      areaResult(
        feed([
          council('C', 'lab', 'lab', {
            results: [
              { party: 'lab', seatsHeld: 5 },
              { party: 'con', seatsHeld: 2 },
            ],
          }),
        ]),
        'C',
      ),
    );
    expect(unsized.composition).toMatchObject({ total: 7, totalGiven: false, majority: undefined });
  });

  it('shows the real 2018 Sheffield council: whole council after, Labour hold, no invented seats won', () => {
    const local = fixture('uk-local-2018.final.json');
    const view = areaResult(local, 'E08000019')!;
    const body = councilOf(view);
    expect(body.seatsWon).toEqual([]);
    expect(body.composition!.parties.map((line) => [line.party, line.seats])).toEqual([
      ['lab', 53],
      ['ld', 22],
      ['green', 6],
      ['ukip', 3],
    ]);
    expect(view.outcome).toEqual({ kind: 'hold', party: 'lab' });
  });
});

describe('areaResult: status', () => {
  it('gives the expected time only while awaited, the declared time only once declared', () => {
    const awaiting = areaResult(wards, 'X05000903')!;
    expect(awaiting).toMatchObject({
      status: 'awaiting',
      expectedAt: '2026-05-08T02:30:00+01:00',
      declaredAt: undefined,
      outcome: { kind: 'awaiting' },
    });
    const declared = areaResult(
      feed([
        {
          id: 'A',
          name: 'A',
          status: 'declared',
          declaredAt: '2018-05-04T02:00:00Z',
          expectedAt: '2018-05-04T01:00:00Z',
        },
      ]),
      'A',
    )!;
    expect(declared).toMatchObject({
      declaredAt: '2018-05-04T02:00:00Z',
      expectedAt: undefined,
      body: { kind: 'status' },
    });
  });

  it('gives undefined for an id the feed does not have', () => {
    expect(areaResult(wards, 'nowhere')).toBeUndefined();
  });
});

describe('sameAreaInputs', () => {
  const base = rawFeed([
    council('A', 'lab', 'lab'),
    council('B', 'con', 'con'),
    { id: 'W', name: 'W', parent: 'A', status: 'awaiting' },
  ]);
  const next = (change: (input: FeedInput) => void) => {
    const copy = structuredClone(base);
    copy.meta.revision += 1;
    change(copy);
    return assertFeed(copy);
  };
  const first = assertFeed(base);

  it('is true when only another area changed', () => {
    expect(
      sameAreaInputs(
        first,
        next((input) => (input.areas[1]!.control = { before: 'con', after: 'lab' })),
        'A',
      ),
    ).toBe(true);
  });
  it('is false when the area, one of its wards or a party changed', () => {
    expect(
      sameAreaInputs(
        first,
        next((input) => (input.areas[0]!.note = 'Recounted')),
        'A',
      ),
    ).toBe(false);
    expect(
      sameAreaInputs(
        first,
        next((input) => (input.areas[2]!.status = 'counting')),
        'A',
      ),
    ).toBe(false);
    expect(
      sameAreaInputs(
        first,
        next((input) => (input.parties[0]!.name = 'Conservative Party')),
        'A',
      ),
    ).toBe(false);
    expect(sameAreaInputs(undefined, first, 'A')).toBe(false);
  });
  it('notices the parent of a ward being renamed', () => {
    expect(
      sameAreaInputs(
        first,
        next((input) => (input.areas[0]!.name = 'Ashby')),
        'W',
      ),
    ).toBe(false);
  });
});

describe('areaResult on real ward results (Democracy Club, South Yorkshire 2018)', () => {
  it('has as many elected as seats up in every ward, never more than the feed says, lines by votes', async () => {
    const { publishedNightFinal, southYorkshire2018 } = await import('../../../demo/feeds/south-yorkshire-2018.js');
    const night = publishedNightFinal(southYorkshire2018());
    const children = areaChildren(night);
    const sheffield = children.get('E08000019') ?? [];
    expect(sheffield.length).toBe(28);
    for (const ward of sheffield) {
      const contest = contestOf(areaResult(night, ward.id));
      const elected = ward.candidates!.filter((candidate) => candidate.elected).length;
      expect(contest.electedCount).toBe(elected);
      const votes = contest.lines.map((line) => line.votes ?? -1);
      expect(votes).toEqual([...votes].sort((a, b) => b - a));
    }
    expect(councilOf(areaResult(night, 'E08000019')).wards).toHaveLength(28);
  });
});
