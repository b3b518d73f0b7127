import { describe, expect, it } from 'vitest';
import { assertFeed, FeedValidationError, formatIssues, parseFeed, validateFeed } from '../../../src/feed/validate.js';
import { council, rawFeed } from '../support/feed.js';

const errorsOf = (input: unknown) => {
  const result = validateFeed(input);
  return result.ok ? [] : result.errors.map((issue) => `${issue.path}: ${issue.message}`);
};

describe('validateFeed', () => {
  it('accepts a minimal feed and freezes it', () => {
    const result = validateFeed(rawFeed([council('A', 'con', 'lab')]));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Object.isFrozen(result.feed)).toBe(true);
    expect(Object.isFrozen(result.feed.areas[0]!.control)).toBe(true);
    expect(result.feed.meta.test).toBe(false);
  });

  it('does not mutate its input', () => {
    const input = rawFeed([council('A', 'con', 'lab')]);
    const copy = structuredClone(input);
    validateFeed(input);
    expect(input).toEqual(copy);
    expect(Object.isFrozen(input)).toBe(false);
  });

  it('names the path and the reason of an unknown party in control', () => {
    expect(errorsOf(rawFeed([council('A', 'con', 'con'), council('B', 'lab', 'lib')]))).toEqual([
      "areas[1].control.after: unknown party 'lib'",
    ]);
  });

  it('accepts "noc" as control but not as a party id', () => {
    expect(errorsOf(rawFeed([council('A', 'noc', 'con')]))).toEqual([]);
    const withNocParty = rawFeed([], { parties: [{ id: 'noc', name: 'No overall control' }] });
    expect(errorsOf(withNocParty)).toEqual(['parties[0].id: "noc" is reserved for no overall control']);
  });

  it('reports a missing required field as required', () => {
    const input = rawFeed([]) as { meta: Record<string, unknown> };
    delete input.meta.revision;
    expect(errorsOf(input)).toEqual(['meta.revision: is required']);
  });

  it('rejects the wrong format tag', () => {
    expect(errorsOf({ ...rawFeed([]), format: 'tally-feed/2' })).toEqual(['format: must be "tally-feed/1"']);
  });

  it('tolerates unknown extra fields (forward compatibility) and keeps them', () => {
    const input = { ...rawFeed([council('A', 'con', 'con', { futureField: 1 } as object)]), extra: { x: 1 } };
    const result = validateFeed(input);
    expect(result.ok).toBe(true);
    if (result.ok) expect((result.feed as unknown as { extra: unknown }).extra).toEqual({ x: 1 });
  });

  it('rejects absurd numbers with a reason', () => {
    expect(errorsOf(rawFeed([council('A', 'con', 'con', { results: [{ party: 'con', seats: -1 }] })]))).toEqual([
      'areas[0].results[0].seats: must not be negative',
    ]);
    expect(errorsOf(rawFeed([council('A', 'con', 'con', { results: [{ party: 'con', seats: Number.NaN }] })]))).toEqual(
      ['areas[0].results[0].seats: must be a number'],
    );
    expect(errorsOf(rawFeed([council('A', 'con', 'con', { results: [{ party: 'con', votes: 1e9 }] })]))).toEqual([
      'areas[0].results[0].votes: must be at most 100000000',
    ]);
    expect(errorsOf(rawFeed([council('A', 'con', 'con', { results: [{ party: 'con', seats: 2.5 }] })]))).toEqual([
      'areas[0].results[0].seats: must be a whole number',
    ]);
  });

  it('rejects seats won above the seats up, and seats up above the total', () => {
    const area = council('A', 'con', 'con', {
      seats: { total: 10, up: 4 },
      results: [
        { party: 'con', seats: 3 },
        { party: 'lab', seats: 2 },
      ],
    });
    expect(errorsOf(rawFeed([area]))).toEqual(['areas[0].results: 5 seats won is more than the 4 seats up']);
    expect(errorsOf(rawFeed([council('A', 'con', 'con', { seats: { total: 3, up: 4 } })]))).toEqual([
      'areas[0].seats.up: 4 seats up is more than the 3 seats in total',
    ]);
  });

  it('rejects duplicate ids and parties listed twice in one area', () => {
    const input = rawFeed([
      council('A', 'con', 'con', { results: [{ party: 'con' }, { party: 'con' }] }),
      council('A', 'lab', 'lab'),
    ]);
    expect(errorsOf(input)).toEqual([
      "areas[0].results[1].party: party 'con' appears twice",
      "areas[1].id: duplicate area id 'A'",
    ]);
  });

  it('checks tie winners are among the tied parties', () => {
    const area = council('A', 'con', 'con', { ties: [{ seat: 'Ward', parties: ['con', 'lab'], winner: 'ld' }] });
    expect(errorsOf(rawFeed([area]))).toEqual(["areas[0].ties[0].winner: 'ld' is not one of the tied parties"]);
  });

  it('checks event references', () => {
    const input = rawFeed([council('A', 'con', 'con')], {
      events: [
        { id: 'e1', kind: 'declaration', at: '2018-05-04T01:00:00Z', area: 'B' },
        { id: 'e1', kind: 'note', at: '2018-05-04T01:00:00Z' },
      ],
    });
    expect(errorsOf(input)).toEqual([
      "events[0].area: unknown area 'B'",
      "events[1].id: duplicate event id 'e1'",
      'events[1].text: a note needs its text',
    ]);
  });

  it('drops colours that are not colours and links that are not http(s), with warnings', () => {
    const input = rawFeed([council('A', 'con', 'con', { url: 'javascript:alert(1)' })], {
      parties: [
        { id: 'con', name: 'Conservatives', colour: 'red;background:url(x)' },
        { id: 'lab', name: 'Labour', colour: '#E4003B', colourDark: 'expression(1)' },
      ],
    });
    const result = validateFeed(input);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.feed.parties[0]!.colour).toBeUndefined();
    expect(result.feed.parties[1]!.colour).toBe('#E4003B');
    expect(result.feed.parties[1]!.colourDark).toBeUndefined();
    expect(result.feed.areas[0]!.url).toBeUndefined();
    expect(result.warnings.map((w) => w.path)).toEqual(['parties[0].colour', 'parties[1].colourDark', 'areas[0].url']);
  });

  it('keeps http(s) links', () => {
    const result = validateFeed(rawFeed([council('A', 'con', 'con', { url: 'https://example.org/a' })]));
    expect(result.ok && result.feed.areas[0]!.url).toBe('https://example.org/a');
  });
});

describe('parseFeed', () => {
  it('says when it received HTML instead of JSON', () => {
    const result = parseFeed('<!doctype html><title>502 Bad Gateway</title>');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]!.message).toBe('received HTML, not JSON (an error page?)');
  });

  it('says when JSON is truncated', () => {
    const text = JSON.stringify(rawFeed([council('A', 'con', 'con')]));
    const result = parseFeed(text.slice(0, text.length / 2));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]!.message).toMatch(/^not valid JSON/);
  });

  it('validates what it parses', () => {
    expect(parseFeed(JSON.stringify(rawFeed([]))).ok).toBe(true);
  });
});

describe('assertFeed', () => {
  it('throws a FeedValidationError listing the issues', () => {
    const input = rawFeed([council('A', 'x1', 'x2'), council('B', 'x3', 'x4')]);
    expect(() => assertFeed(input)).toThrow(FeedValidationError);
    try {
      assertFeed(input);
    } catch (error) {
      expect((error as FeedValidationError).issues).toHaveLength(4);
      expect((error as Error).message).toBe(
        "Invalid tally feed: areas[0].control.before: unknown party 'x1'; areas[0].control.after: unknown party 'x2'; areas[1].control.before: unknown party 'x3'; and 1 more",
      );
    }
  });

  it('formatIssues keeps short lists whole', () => {
    expect(
      formatIssues([
        { path: '', message: 'a' },
        { path: 'b', message: 'c' },
      ]),
    ).toBe('a; b: c');
  });
});

describe('summary checks', () => {
  it('rejects a summary row given twice and more declared than in total', () => {
    const input = rawFeed([], {
      summary: {
        declared: 5,
        total: 4,
        parties: [
          { party: 'con', seats: 1 },
          { party: 'con', seats: 2 },
        ],
      },
    });
    expect(errorsOf(input)).toEqual([
      "summary.parties[1].party: party 'con' appears twice",
      'summary.declared: 5 declared is more than the 4 in total',
    ]);
  });
});
