import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateFeed } from '../../../src/feed/validate.js';
import type { Feed } from '../../../src/feed/schema.js';
import { areaOutcome } from '../../../src/derive/area-outcome.js';
import { progress } from '../../../src/derive/progress.js';
import { stateOfParties } from '../../../src/derive/state-of-parties.js';
import { loadDemoNights } from '../../../demo/feeds/index.js';
import { feedJson } from '../../../demo/feeds/write-feeds.js';

const fixtureText = (name: string) => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8');
const fixture = (name: string): unknown => JSON.parse(fixtureText(name));

/** A fixture that must validate cleanly. */
function valid(name: string): Feed {
  const result = validateFeed(fixture(name));
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.errors)}`);
  expect(result.warnings, name).toEqual([]);
  return result.feed;
}

const errors = (name: string) => {
  const result = validateFeed(fixture(name));
  return result.ok ? [] : result.errors.map((issue) => `${issue.path}: ${issue.message}`);
};

describe('hand-made fixtures', () => {
  it('tie.json: a ward decided by lot', () => {
    const feed = valid('tie.json');
    const council = feed.areas[0]!;
    expect(council.ties).toEqual([{ seat: 'Abbey ward', parties: ['con', 'lab'], winner: 'con', method: 'lot' }]);
    expect(areaOutcome(council)).toEqual({ kind: 'hold', party: 'con' });
    // The lot decided control: 16 of 30 is exactly a majority.
    expect(council.results!.find((result) => result.party === 'con')!.seatsHeld).toBe(council.seats!.majority);
    expect(feed.meta.test).toBe(true);
  });

  it('uncontested.json: seats elected unopposed, counted within seats won', () => {
    const feed = valid('uncontested.json');
    const unopposed = feed.areas.map((council) =>
      council.results!.reduce((sum, result) => sum + (result.uncontested ?? 0), 0),
    );
    expect(unopposed).toEqual([4, 4]);
    const wholly = feed.areas[1]!;
    expect(wholly.results!.every((result) => result.uncontested === result.seats)).toBe(true);
    expect(wholly.results!.some((result) => result.votes !== undefined)).toBe(false);
  });

  it('recount.json: one council declared, one in a recount', () => {
    const feed = valid('recount.json');
    expect(progress(feed)).toMatchObject({ declared: 1, recount: 1, total: 2, complete: false });
    expect(areaOutcome(feed.areas[1]!)).toEqual({ kind: 'recount' });
    expect(feed.events!.map((event) => event.kind)).toEqual(['declaration', 'recount']);
  });

  it('postponed.json: a postponed poll counts towards the total, a council with no election does not', () => {
    const feed = valid('postponed.json');
    expect(progress(feed)).toMatchObject({ declared: 1, postponed: 1, total: 2 });
    expect(feed.areas.map((council) => areaOutcome(council).kind)).toEqual(['hold', 'postponed', 'no-election']);
  });

  it('wards.json: a council and its wards, with candidates, one of them elected twice over', () => {
    const feed = valid('wards.json');
    const [council, ...children] = feed.areas;
    expect(children.every((ward) => ward.parent === council!.id)).toBe(true);
    // Seats won in the council are the candidates elected in its declared wards.
    const elected = children.flatMap((ward) => ward.candidates ?? []).filter((candidate) => candidate.elected);
    const lab = council!.results!.find((result) => result.party === 'lab')!.seats;
    expect(elected.filter((candidate) => candidate.party === 'lab')).toHaveLength(lab!);
    expect(areaOutcome(children[0]!)).toEqual({ kind: 'gain', party: 'lab', from: 'con' });
    expect(children.map((ward) => ward.status)).toEqual(['declared', 'declared', 'awaiting']);
  });

  it('empty.json: valid, nothing declared', () => {
    const feed = valid('empty.json');
    expect(progress(feed)).toMatchObject({ declared: 0, total: 3, counting: 1, seatsDeclared: 0, seatsTotal: 43 });
    expect(stateOfParties(feed).parties).toEqual([]);
  });

  it('unknown-party.json: invalid, control after names a party the feed does not declare', () => {
    expect(errors('unknown-party.json')).toEqual(["areas[0].control.after: unknown party 'lib'"]);
  });

  it('malformed.json: invalid shape, every problem reported with its path', () => {
    expect(errors('malformed.json')).toEqual([
      'meta.revision: must be a number',
      'areas[0].status: must be one of awaiting, counting, declared, recount, postponed, no-election',
    ]);
  });

  it('general-small.json: five constituencies with gains and holds', () => {
    const feed = valid('general-small.json');
    expect(feed.areas.map((area) => areaOutcome(area))).toEqual([
      { kind: 'hold', party: 'con' },
      { kind: 'gain', party: 'lab', from: 'con' },
      { kind: 'hold', party: 'lab' },
      { kind: 'gain', party: 'ld', from: 'con' },
      { kind: 'hold', party: 'con' },
    ]);
    const state = stateOfParties(feed);
    expect(state.parties.map((row) => [row.party, row.seats, row.seatsChange])).toEqual([
      ['con', 2, -2],
      ['lab', 2, 1],
      ['ld', 1, 1],
      ['green', 0, 0],
    ]);
    // Consistency of the hand-made figures: majority is first minus second, shares add up.
    for (const area of feed.areas) {
      const votes = area.results!.map((result) => result.votes!);
      expect(area.majority, area.name).toBe(votes[0]! - votes[1]!);
      const share = area.results!.reduce((sum, result) => sum + result.share!, 0);
      expect(Math.abs(share - 100), area.name).toBeLessThan(0.05);
    }
  });

  it('local-small.json: a hold, a gain, lost to NOC and gain from NOC', () => {
    const feed = valid('local-small.json');
    expect(feed.areas.map((council) => areaOutcome(council))).toEqual([
      { kind: 'hold', party: 'con' },
      { kind: 'gain', party: 'lab', from: 'con' },
      { kind: 'lost-to-noc', from: 'con' },
      { kind: 'gain-from-noc', party: 'ld' },
    ]);
    const state = stateOfParties(feed);
    expect(
      state.parties.map((row) => [row.party, row.councils, row.councilsChange, row.seats, row.seatsChange]),
    ).toEqual([
      ['lab', 1, 1, 37, 8],
      ['con', 1, -2, 34, -12],
      ['ld', 1, 1, 16, 3],
      // Every declared council says who held it before, so Green's council change is known: 0.
      ['green', 0, 0, 1, 1],
    ]);
    expect(state.noOverallControl).toMatchObject({ councils: 1, councilsChange: 0 });
    expect(progress(feed).seatsDeclared).toBe(88);
  });
});

describe('committed real-data fixtures', () => {
  const nights = loadDemoNights();
  for (const night of nights) {
    it(`test/fixtures/${night.id}.final.json equals a fresh conversion`, () => {
      // Byte for byte: regenerate with `npx tsx demo/feeds/write-feeds.ts test/fixtures`.
      expect(fixtureText(`${night.id}.final.json`)).toBe(feedJson(night.final));
      expect(validateFeed(fixture(`${night.id}.final.json`)).ok).toBe(true);
    });
  }
});
