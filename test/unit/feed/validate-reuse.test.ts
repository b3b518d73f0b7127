/**
 * Validation against the feed on screen: unchanged areas keep their validated objects, and the
 * outcome is the same as validating from scratch (feed, errors, paths), whatever changed.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Feed, FeedInput } from '../../../src/feed/schema.js';
import { parseFeed, validateFeed, type FeedValidation } from '../../../src/feed/validate.js';
import { council, rawFeed } from '../support/feed.js';

const GE2019 = readFileSync(new URL('../../fixtures/uk-general-2019.final.json', import.meta.url), 'utf8');

function valid(result: FeedValidation): Feed {
  if (!result.ok) throw new Error(result.errors.map((issue) => `${issue.path}: ${issue.message}`).join('; '));
  return result.feed;
}

const issues = (result: FeedValidation) =>
  result.ok ? [] : result.errors.map((issue) => `${issue.path}: ${issue.message}`);

describe('validating against the feed on screen', () => {
  it('keeps the validated object of every unchanged area and makes new ones for changed areas', () => {
    const previous = valid(parseFeed(GE2019));
    const next = JSON.parse(GE2019) as FeedInput;
    next.meta.revision += 1;
    next.areas[3] = { ...next.areas[3]!, turnout: 70 };
    next.areas[600] = { ...next.areas[600]!, status: 'recount' };
    const reused = valid(parseFeed(JSON.stringify(next), previous));
    const fresh = valid(parseFeed(JSON.stringify(next)));
    expect(reused).toEqual(fresh);
    expect(reused.areas[0]).toBe(previous.areas[0]);
    expect(reused.areas[649]).toBe(previous.areas[649]);
    expect(reused.areas[3]).not.toBe(previous.areas[3]);
    expect(reused.areas[3]!.turnout).toBe(70);
    expect(reused.areas[600]!.status).toBe('recount');
    expect(Object.isFrozen(reused.areas[3]) && Object.isFrozen(reused)).toBe(true);
    expect(reused.areas.filter((area, index) => area === previous.areas[index])).toHaveLength(648);
  });

  it('names a changed area by its place in the new feed when it is wrong', () => {
    const previous = valid(
      validateFeed(rawFeed([council('A', 'con', 'con'), council('B', 'lab', 'lab'), council('C', 'ld', 'ld')])),
    );
    const next = rawFeed([
      council('A', 'con', 'con'),
      council('B', 'lab', 'lab'),
      { ...council('C', 'ld', 'ld'), status: 'finished' as 'declared' },
    ]);
    expect(issues(validateFeed(next, previous))).toEqual(issues(validateFeed(next)));
    expect(issues(validateFeed(next, previous))[0]).toMatch(/^areas\[2\]\.status: /);
  });

  it('still checks what needs the whole feed: an unchanged area naming a party the new feed dropped', () => {
    const previous = valid(validateFeed(rawFeed([council('A', 'con', 'con'), council('B', 'con', 'ld')])));
    const withoutLd = rawFeed([council('A', 'con', 'con'), council('B', 'con', 'ld')], {
      parties: [
        { id: 'con', name: 'Conservatives' },
        { id: 'lab', name: 'Labour' },
      ],
    });
    expect(issues(validateFeed(withoutLd, previous))).toEqual(["areas[1].control.after: unknown party 'ld'"]);
  });

  it('checks unchanged areas again when a party is replaced by another, even at the same place in the list', () => {
    const previous = valid(validateFeed(rawFeed([council('A', 'con', 'con'), council('B', 'con', 'ld')])));
    const ldBecomesGreen = rawFeed([council('A', 'con', 'con'), council('B', 'con', 'ld')]);
    ldBecomesGreen.parties = ldBecomesGreen.parties.map((party) =>
      party.id === 'ld' ? { id: 'grn', name: 'Green' } : party,
    );
    expect(issues(validateFeed(ldBecomesGreen, previous))).toEqual(issues(validateFeed(ldBecomesGreen)));
    expect(issues(validateFeed(ldBecomesGreen, previous))).toContain("areas[1].control.after: unknown party 'ld'");
  });

  it('gives the same answer as from scratch for areas moved, removed, added or duplicated', () => {
    const areas = [council('A', 'con', 'con'), council('B', 'lab', 'con'), council('C', 'ld', 'ld')];
    const previous = valid(validateFeed(rawFeed(areas)));
    const cases = [
      [areas[2]!, areas[0]!, areas[1]!],
      [areas[0]!, areas[2]!],
      [...areas, council('D', 'green', 'green')],
      [areas[0]!, areas[0]!, areas[1]!],
    ];
    for (const next of cases) {
      const input = rawFeed(next, { revision: 2 });
      const reused = validateFeed(input, previous);
      const fresh = validateFeed(input);
      expect(reused.ok).toBe(fresh.ok);
      if (reused.ok && fresh.ok) expect(reused.feed).toEqual(fresh.feed);
      else expect(issues(reused)).toEqual(issues(fresh));
    }
  });

  it("does not reuse an area holding a host's own value (an unknown field), and leaves that value alone", () => {
    const extra = { note: 'the host keeps this object' };
    const input = rawFeed([{ ...council('A', 'con', 'con'), extension: extra } as FeedInput['areas'][number]]);
    const previous = valid(validateFeed(input));
    const again = valid(validateFeed(structuredClone(input), previous));
    expect(again.areas[0]).not.toBe(previous.areas[0]);
    expect(Object.isFrozen(extra)).toBe(false);
    expect(again).toEqual(previous);
  });
});
