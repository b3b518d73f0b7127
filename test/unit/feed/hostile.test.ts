/**
 * Hostile input to the feed contract (issue 10), in Node: absurd numbers get a clear error that
 * names the path; colours and links that would be dangerous never survive validation, whatever
 * the string (fast-check); validation never throws, never changes the host's objects, and
 * always returns something a widget can show.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatIssues, parseFeed, validateFeed, type FeedValidation } from '../../../src/feed/validate.js';
import { isFeedColour, isWebLink } from '../../../src/feed/sanitise.js';
import { council, rawFeed } from '../support/feed.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- hostile edits reach anywhere in a feed
type Mutable = Record<string, any>;

/** Two councils, one declared with seat figures, one counting. */
function base(): Mutable {
  return rawFeed(
    [
      council('A', 'con', 'lab', {
        seats: { total: 40, up: 14, majority: 21 },
        results: [
          { party: 'lab', seats: 8, votes: 12_000, share: 52 },
          { party: 'con', seats: 6, votes: 10_000, share: 44 },
        ],
      }),
      { id: 'B', name: 'B', status: 'counting', seats: { total: 30, up: 10 } },
    ],
    { seats: 24 },
  ) as Mutable;
}

function errorsOf(result: FeedValidation): string {
  expect(result.ok).toBe(false);
  return result.ok ? '' : formatIssues(result.errors, 10);
}

describe('absurd numbers get a validation error naming the path', () => {
  const cases: [string, (feed: Mutable) => void, string][] = [
    ['negative seats', (f) => (f.areas[0].results[0].seats = -1), 'areas[0].results[0].seats: must not be negative'],
    ['NaN seats', (f) => (f.areas[0].results[0].seats = Number.NaN), 'areas[0].results[0].seats: must be a number'],
    [
      'Infinity votes',
      (f) => (f.areas[0].results[0].votes = Number.POSITIVE_INFINITY),
      'areas[0].results[0].votes: must be a whole number',
    ],
    ['NaN share', (f) => (f.areas[0].results[0].share = Number.NaN), 'areas[0].results[0].share: must be a number'],
    [
      'seats won above the seats up',
      (f) => (f.areas[0].results[0].seats = 9),
      'areas[0].results: 15 seats won is more than the 14 seats up',
    ],
    [
      'seats up above the council size',
      (f) => (f.areas[1].seats.up = 31),
      'areas[1].seats.up: 31 seats up is more than the 30 seats in total',
    ],
    [
      '10^9 votes in one area',
      (f) => (f.areas[0].results[0].votes = 1e9),
      'areas[0].results[0].votes: must be at most 100000000',
    ],
    [
      '10^9 votes for one party in the summary',
      (f) => (f.summary = { parties: [{ party: 'lab', votes: 1e9 }] }),
      'summary.parties[0].votes: must be at most 999999999',
    ],
    [
      'summary shares above 100%',
      (f) =>
        (f.summary = {
          parties: [
            { party: 'lab', share: 61 },
            { party: 'con', share: 52 },
          ],
        }),
      'summary.parties: vote shares add up to 113.0%, more than 100%',
    ],
    [
      'more councils counted than the summary covers',
      (f) =>
        (f.summary = {
          declared: 2,
          total: 2,
          parties: [
            { party: 'lab', councils: 2 },
            { party: 'noc', councils: 1 },
          ],
        }),
      'summary.parties: 3 councils counted is more than the 2 in total',
    ],
    ['a revision as a string', (f) => (f.meta.revision = '7'), 'meta.revision: must be a number'],
    ['a fraction of a revision', (f) => (f.meta.revision = 7.5), 'meta.revision: must be a whole number'],
    ['a poll interval of NaN', (f) => (f.meta.pollInterval = Number.NaN), 'meta.pollInterval: must be a number'],
  ];
  for (const [name, change, message] of cases) {
    it(name, () => {
      const feed = base();
      expect(validateFeed(feed).ok, 'the feed is valid before the change').toBe(true);
      change(feed);
      expect(errorsOf(validateFeed(feed))).toContain(message);
    });
  }

  it('allows what real nights produce: rounding to 100.4% and a summary that covers every council', () => {
    const feed = base();
    feed.summary = {
      declared: 2,
      total: 2,
      parties: [
        { party: 'lab', councils: 1, share: 50.2 },
        { party: 'con', councils: 0, share: 50.2 },
        { party: 'noc', councils: 1 },
      ],
    };
    expect(validateFeed(feed).ok).toBe(true);
  });
});

describe('validation never changes what the host passed in', () => {
  it('leaves the host objects unfrozen, extra fields included, while the feed it returns is frozen', () => {
    const store = { selected: 'A' };
    const feed = base();
    feed.app = store;
    feed.areas[0].extra = { mine: true };
    const result = validateFeed(feed);
    expect(result.ok).toBe(true);
    expect(Object.isFrozen(store), 'the host’s own object').toBe(false);
    expect(Object.isFrozen(feed.areas[0].extra)).toBe(false);
    expect(Object.isFrozen(feed)).toBe(false);
    store.selected = 'B';
    expect(store.selected).toBe('B');
    if (result.ok) {
      expect(Object.isFrozen(result.feed)).toBe(true);
      expect(Object.isFrozen(result.feed.areas[0])).toBe(true);
    }
  });

  it('still freezes everything in a feed parsed from text (nothing else holds it)', () => {
    const result = parseFeed(JSON.stringify({ ...base(), extra: { nested: { deep: 1 } } }));
    expect(result.ok).toBe(true);
    if (result.ok) expect(Object.isFrozen((result.feed as Mutable).extra.nested)).toBe(true);
  });

  it('copes with cycles and odd values in extra fields', () => {
    const feed = base();
    const cyclic: Mutable = { name: 'loop' };
    cyclic.self = cyclic;
    feed.cyclic = cyclic;
    feed.fn = () => 1;
    expect(() => validateFeed(feed)).not.toThrow();
    expect(validateFeed(feed).ok).toBe(true);
  });
});

describe('whatever the strings, validation gives a verdict and only safe colours and links survive', () => {
  const anyText = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 80 }),
    fc.constantFrom(
      'javascript:alert(1)',
      ' javascript:alert(1)',
      'data:text/html,<script>',
      'red;background:url(x)',
      '#12345g',
      '#1234',
      'https://ok.example/x',
      '#abc',
      '#A1B2C3',
      '<img src=x onerror=alert(1)>',
    ),
  );

  it('never throws, and a feed it accepts carries only #rgb/#rrggbb colours and http(s) links', () => {
    fc.assert(
      fc.property(fc.array(anyText, { minLength: 12, maxLength: 12 }), (s) => {
        const feed = base();
        feed.meta.election.title = s[0];
        feed.meta.publisher = { name: 'P', url: s[1] };
        feed.parties[0].name = s[2];
        feed.parties[0].colour = s[3];
        feed.parties[1].colourDark = s[4];
        feed.areas[0].name = s[5];
        feed.areas[0].url = s[6];
        feed.areas[0].note = s[7];
        feed.events = [{ id: s[8], kind: 'note', at: '2018-05-04T02:00:00Z', text: s[9], url: s[10] }];
        feed.summary = { source: { name: 'S', url: s[11] }, parties: [] };
        let result: FeedValidation | undefined;
        expect(() => (result = validateFeed(feed))).not.toThrow();
        if (!result!.ok) {
          expect(result!.errors.length).toBeGreaterThan(0);
          for (const error of result!.errors) expect(typeof error.message).toBe('string');
          return;
        }
        const out = result!.feed;
        for (const party of out.parties) {
          if (party.colour !== undefined) expect(isFeedColour(party.colour)).toBe(true);
          if (party.colourDark !== undefined) expect(isFeedColour(party.colourDark)).toBe(true);
        }
        const links = [
          out.meta.publisher?.url,
          out.areas[0]!.url,
          out.events?.[0]?.url,
          out.summary?.source?.url,
        ].filter((url) => url !== undefined);
        for (const link of links) expect(isWebLink(link), String(link)).toBe(true);
        // Accepted text is kept exactly as written: escaping is the renderer's job, not the validator's.
        expect(out.meta.election.title).toBe(s[0]);
        expect(out.areas[0]!.name).toBe(s[5]);
      }),
      { numRuns: 500 },
    );
  });

  it('parseFeed never throws on any text: broken JSON, HTML, huge nesting', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.json(), fc.constant('['.repeat(20_000))), (text) => {
        let result: FeedValidation | undefined;
        expect(() => (result = parseFeed(text))).not.toThrow();
        expect(result!.ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

describe('links and colours: the exact rules', () => {
  it('keeps http(s) links and drops every other scheme, however it is written', () => {
    const kept = [
      'https://example.org/a?b=c#d',
      'http://example.org',
      'HTTPS://EXAMPLE.ORG/',
      'https://example.org/"><img src=x>',
    ];
    const dropped = [
      'javascript:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'JAVASCRIPT:alert(1)',
      '\u0001javascript:alert(1)',
      'data:text/html,x',
      'vbscript:x',
      '//example.org',
      '/relative',
      'file:///etc/passwd',
      'blob:https://example.org/x',
      '',
    ];
    for (const url of kept) expect(isWebLink(url), url).toBe(true);
    for (const url of dropped) expect(isWebLink(url), url).toBe(false);
    const feed = base();
    feed.areas[0].url = 'javascript:alert(1)';
    const result = validateFeed(feed);
    expect(result.ok && result.feed.areas[0]!.url).toBe(undefined);
    expect(result.warnings).toContainEqual({
      path: 'areas[0].url',
      message: 'only http(s) links are allowed; the link is ignored',
    });
  });

  it('keeps only #rgb and #rrggbb colours', () => {
    for (const colour of ['#abc', '#ABC', '#a1b2c3']) expect(isFeedColour(colour), colour).toBe(true);
    for (const colour of [
      'red',
      'rgb(1,2,3)',
      '#abcd',
      '#12345g',
      '#abc;x:y',
      ' #abc',
      '#abc ',
      'var(--x)',
      'url(x)',
      '',
    ])
      expect(isFeedColour(colour), colour).toBe(false);
  });
});
