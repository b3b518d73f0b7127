/**
 * The compatible additions to tally-feed/1 for wards and drill-down: per-candidate results
 * (`candidates`), the area an area belongs to (`parent`), rejected ballots and the expected
 * declaration time. Each rule is tested both ways, with the exact path of every problem.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateFeed } from '../../../src/feed/validate.js';
import type { FeedInput } from '../../../src/feed/schema.js';

const fixture = (name: string): FeedInput =>
  JSON.parse(readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8')) as FeedInput;

/** wards.json: council X08000901 (areas[0]) and its wards Abbey (1 seat up), Beckside (2 up), Castle (awaiting). */
const wards = () => fixture('wards.json');
type Mutable = { areas: Record<string, unknown>[] & { candidates?: Record<string, unknown>[] }[] };

function errorsAfter(change: (feed: Mutable) => void): string[] {
  const feed = wards() as unknown as Mutable;
  change(feed);
  const result = validateFeed(feed);
  return result.ok ? [] : result.errors.map((issue) => `${issue.path}: ${issue.message}`);
}
const candidatesOf = (feed: Mutable, area: number) =>
  (feed.areas[area] as { candidates: Record<string, unknown>[] }).candidates;

describe('areas[].candidates, parent, rejected, expectedAt', () => {
  it('accepts the wards fixture: a single-seat ward, a two-seat ward, an awaiting ward, all with a parent council', () => {
    const result = validateFeed(wards());
    expect(result.ok ? result.warnings : result.errors).toEqual([]);
    if (!result.ok) return;
    const [council, abbey, beckside, castle] = result.feed.areas;
    expect([abbey!.parent, beckside!.parent, castle!.parent]).toEqual([council!.id, council!.id, council!.id]);
    expect(beckside!.candidates!.filter((candidate) => candidate.elected).length).toBe(beckside!.seats!.up);
    expect(abbey!.candidates!.find((candidate) => candidate.party === undefined)!.partyName).toBe(
      'Ashby Residents Association',
    );
    expect(abbey!.rejected).toBe(21);
    expect(castle!.expectedAt).toBe('2026-05-08T02:30:00+01:00');
  });

  it('keeps every existing fixture valid', () => {
    for (const name of [
      'empty.json',
      'general-small.json',
      'local-small.json',
      'postponed.json',
      'recount.json',
      'tie.json',
      'uncontested.json',
      'uk-general-2019.final.json',
      'uk-local-2018.final.json',
    ]) {
      const result = validateFeed(fixture(name));
      expect(result.ok ? [] : result.errors, name).toEqual([]);
    }
  });

  it('rejects a candidate of an unknown party, and accepts one with only a party label', () => {
    expect(errorsAfter((feed) => (candidatesOf(feed, 1)[2]!.party = 'yorks'))).toEqual([
      "areas[1].candidates[2].party: unknown party 'yorks'",
    ]);
    expect(
      errorsAfter((feed) => {
        delete candidatesOf(feed, 1)[2]!.party;
        candidatesOf(feed, 1)[2]!.partyName = 'Green Party';
      }),
    ).toEqual([]);
  });

  it('rejects a candidate without a name, with a blank name, or with a bad party id', () => {
    expect(errorsAfter((feed) => delete candidatesOf(feed, 1)[0]!.name)).toEqual([
      'areas[1].candidates[0].name: is required',
    ]);
    const blank = errorsAfter((feed) => (candidatesOf(feed, 1)[0]!.name = '   '));
    expect(blank).toHaveLength(1);
    expect(blank[0]).toMatch(/^areas\[1\]\.candidates\[0\]\.name: .*blank/);
    expect(errorsAfter((feed) => (candidatesOf(feed, 1)[0]!.party = 'Labour'))).toEqual([
      'areas[1].candidates[0].party: must be 1-32 lower-case letters, digits, "_" or "-", starting with a letter',
    ]);
  });

  it('rejects impossible figures: negative or fractional votes, shares over 100, elected not a boolean', () => {
    expect(errorsAfter((feed) => (candidatesOf(feed, 2)[1]!.votes = -5))).toEqual([
      'areas[2].candidates[1].votes: must not be negative',
    ]);
    expect(errorsAfter((feed) => (candidatesOf(feed, 2)[1]!.votes = 10.5))).toEqual([
      'areas[2].candidates[1].votes: must be a whole number',
    ]);
    expect(errorsAfter((feed) => (candidatesOf(feed, 2)[1]!.share = 101))).toEqual([
      'areas[2].candidates[1].share: must be at most 100',
    ]);
    expect(errorsAfter((feed) => (candidatesOf(feed, 2)[1]!.shareChange = -120))).toEqual([
      'areas[2].candidates[1].shareChange: must be at least -100',
    ]);
    expect(errorsAfter((feed) => (candidatesOf(feed, 2)[1]!.elected = 'yes'))).toEqual([
      'areas[2].candidates[1].elected: must be true or false',
    ]);
  });

  it('rejects more candidates elected than seats up, including any in a ward with no seat up', () => {
    expect(errorsAfter((feed) => (candidatesOf(feed, 1)[1]!.elected = true))).toEqual([
      'areas[1].candidates: 2 elected but only 1 seat up',
    ]);
    expect(errorsAfter((feed) => ((feed.areas[2]!.seats as { up: number }).up = 0))).toEqual([
      'areas[2].results: 2 seats won is more than the 0 seats up',
      'areas[2].candidates: 2 elected but only 0 seats up',
    ]);
    // Without seats up, the whole size is the limit.
    expect(
      errorsAfter((feed) => {
        feed.areas[1]!.seats = { total: 1 };
        candidatesOf(feed, 1)[1]!.elected = true;
      }),
    ).toEqual(['areas[1].candidates: 2 elected but only 1 seat in total']);
  });

  it('rejects candidate shares adding up to more than 100%, allowing rounding', () => {
    expect(errorsAfter((feed) => (candidatesOf(feed, 1)[0]!.share = 48.2))).toEqual([]);
    expect(errorsAfter((feed) => (candidatesOf(feed, 1)[0]!.share = 60))).toEqual([
      'areas[1].candidates: vote shares add up to 112.3%, more than 100%',
    ]);
  });

  it('rejects the same candidate id twice in one area, and allows it in two areas', () => {
    expect(errorsAfter((feed) => (candidatesOf(feed, 1)[3]!.id = candidatesOf(feed, 1)[0]!.id))).toEqual([
      "areas[1].candidates[3].id: candidate 'dc-1001' appears twice",
    ]);
    expect(errorsAfter((feed) => (candidatesOf(feed, 2)[0]!.id = candidatesOf(feed, 1)[0]!.id))).toEqual([]);
  });

  it('counts votes against the electorate times the seats up in a multi-member ward', () => {
    // Beckside: 8,346 votes, two seats up: 4,173 electors could have cast them, 4,172 could not.
    expect(errorsAfter((feed) => (feed.areas[2]!.electorate = 4173))).toEqual([]);
    expect(errorsAfter((feed) => (feed.areas[2]!.electorate = 4172))).toEqual([
      'areas[2].results: 8346 votes is more than the electorate of 4172 with 2 votes each',
      'areas[2].candidates: 8346 votes is more than the electorate of 4172 with 2 votes each',
    ]);
    expect(errorsAfter((feed) => (feed.areas[1]!.electorate = 3000))).toEqual([
      'areas[1].results: 3567 votes is more than the electorate of 3000',
      'areas[1].candidates: 3567 votes is more than the electorate of 3000',
    ]);
  });

  it('rejects a parent that is unknown, the area itself, malformed, or part of a cycle', () => {
    expect(errorsAfter((feed) => (feed.areas[1]!.parent = 'X08000999'))).toEqual([
      "areas[1].parent: unknown area 'X08000999'",
    ]);
    expect(errorsAfter((feed) => (feed.areas[1]!.parent = 'X05000901'))).toEqual([
      'areas[1].parent: an area cannot be its own parent',
    ]);
    expect(errorsAfter((feed) => (feed.areas[1]!.parent = 'Ashby council'))).toEqual([
      'areas[1].parent: must be 1-64 letters, digits, "_", ".", ":" or "-"',
    ]);
    expect(errorsAfter((feed) => (feed.areas[0]!.parent = 'X05000902'))).toEqual([
      "areas[0].parent: 'X05000902' leads back to 'X08000901': parents must not form a cycle",
      "areas[2].parent: 'X08000901' leads back to 'X05000902': parents must not form a cycle",
    ]);
  });

  it('accepts a parent named before or after its children, and chains of parents', () => {
    expect(errorsAfter((feed) => feed.areas.reverse())).toEqual([]);
    expect(
      errorsAfter((feed) => {
        feed.areas.push({ id: 'X12000001', name: 'North', status: 'no-election' });
        feed.areas[0]!.parent = 'X12000001';
      }),
    ).toEqual([]);
  });

  it('rejects rejected ballots that are not a count, or more than the electorate', () => {
    expect(errorsAfter((feed) => (feed.areas[1]!.rejected = 2.5))).toEqual([
      'areas[1].rejected: must be a whole number',
    ]);
    expect(errorsAfter((feed) => (feed.areas[1]!.rejected = -1))).toEqual(['areas[1].rejected: must not be negative']);
    expect(errorsAfter((feed) => (feed.areas[1]!.rejected = 9821))).toEqual([
      'areas[1].rejected: 9821 rejected ballots is more than the electorate of 9820',
    ]);
  });

  it('rejects an expected declaration time that is not a timestamp', () => {
    const errors = errorsAfter((feed) => (feed.areas[3]!.expectedAt = '02:30'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^areas\[3\]\.expectedAt: must be a date and time with a time zone/);
  });
});
