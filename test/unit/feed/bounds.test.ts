/**
 * What a feed may not be, however valid its shape (issue 22): larger than the documented
 * limits, nested deeper than any feed needs, or named with text nobody can see. Each boundary
 * is tested from both sides.
 */
import { describe, expect, it } from 'vitest';
import { FEED_LIMITS, VISIBLE_CHARACTER } from '../../../src/feed/schema.js';
import { MAX_NESTING, parseFeed, validateFeed } from '../../../src/feed/validate.js';
import { council, feed, rawFeed } from '../support/feed.js';

const errorsOf = (input: unknown) => {
  const result = validateFeed(input);
  return result.ok ? [] : result.errors.map((issue) => `${issue.path}: ${issue.message}`);
};

/** `levels` arrays, one inside the other. */
const nestedArrays = (levels: number): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < levels; i++) value = [value];
  return value;
};

describe('nesting', () => {
  it(`takes an unknown field nested up to ${MAX_NESTING} levels below the feed, and refuses one level more, naming where`, () => {
    // The feed is level 0, `x` level 1: arrays to level MAX_NESTING - 1 are fine.
    expect(errorsOf({ ...rawFeed([]), x: nestedArrays(MAX_NESTING - 1) })).toEqual([]);
    const errors = errorsOf({ ...rawFeed([]), x: nestedArrays(MAX_NESTING) });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBe(
      `x${'[0]'.repeat(MAX_NESTING - 1)}: nests more than ${MAX_NESTING} levels deep; a feed needs no more than that`,
    );
  });

  it('refuses a feed whose unknown field nests 100,000 deep, from text or from host code, without throwing', () => {
    const text = JSON.stringify(rawFeed([council('A', 'con', 'con')])).replace(
      '{',
      `{"x":${'['.repeat(100_000)}${']'.repeat(100_000)},`,
    );
    const parsed = parseFeed(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors[0]!.message).toMatch(/nests more than 32 levels deep/);
    const deepObject = JSON.parse(`${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`);
    const fromHost = validateFeed({ ...rawFeed([council('A', 'con', 'con')]), x: deepObject });
    expect(fromHost.ok).toBe(false);
    if (!fromHost.ok) expect(fromHost.errors[0]!.path).toMatch(/^x\.a\.a\.a/);
  });

  it('finds a deep value inside an area, also on an update that reuses the other areas', () => {
    const first = feed([council('A', 'con', 'con'), council('B', 'lab', 'lab')]);
    const update = rawFeed(
      [council('A', 'con', 'con'), council('B', 'lab', 'lab', { extension: nestedArrays(40) } as object)],
      { revision: 2 },
    );
    const result = validateFeed(update, first);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]!.path).toMatch(/^areas\[1\]\.extension\[0\]/);
  });
});

describe('limits', () => {
  const party = (i: number) => ({ id: `p${i}`, name: `Party ${i}` });
  const area = (i: number) => ({ id: `A${i}`, name: `Area ${i}`, status: 'awaiting' as const });
  const event = (i: number) => ({ id: `e${i}`, kind: 'note' as const, at: '2018-05-04T02:00:00Z', text: `Note ${i}` });

  it(`takes ${FEED_LIMITS.areas.toLocaleString('en-GB')} areas and refuses one more, without checking them one by one`, () => {
    const areas = Array.from({ length: FEED_LIMITS.areas }, (_, i) => area(i));
    expect(errorsOf(rawFeed(areas))).toEqual([]);
    // One more, and every one of them broken: the count is the only issue reported.
    const over = Array.from({ length: FEED_LIMITS.areas + 1 }, (_, i) => ({ ...area(i), status: 'nonsense' }));
    expect(errorsOf(rawFeed(over as never))).toEqual([`areas: lists 10,001 areas; a feed may list at most 10,000`]);
  });

  it(`takes ${FEED_LIMITS.parties.toLocaleString('en-GB')} parties and refuses one more`, () => {
    const parties = Array.from({ length: FEED_LIMITS.parties }, (_, i) => party(i));
    expect(errorsOf(rawFeed([], { parties }))).toEqual([]);
    expect(errorsOf(rawFeed([], { parties: [...parties, party(FEED_LIMITS.parties)] }))).toEqual([
      'parties: lists 1,001 parties; a feed may list at most 1,000',
    ]);
  });

  it(`takes ${FEED_LIMITS.events.toLocaleString('en-GB')} events and refuses one more`, () => {
    const events = Array.from({ length: FEED_LIMITS.events }, (_, i) => event(i));
    expect(errorsOf(rawFeed([], { events }))).toEqual([]);
    expect(errorsOf(rawFeed([], { events: [...events, event(FEED_LIMITS.events)] }))).toEqual([
      'events: lists 10,001 events; a feed may list at most 10,000',
    ]);
  });

  it('takes a summary row per party and one for no overall control, and refuses more', () => {
    const parties = Array.from({ length: FEED_LIMITS.parties }, (_, i) => party(i));
    const rows = [...parties.map((p) => ({ party: p.id })), { party: 'noc' }];
    expect(errorsOf(rawFeed([], { parties, summary: { parties: rows } }))).toEqual([]);
    expect(errorsOf(rawFeed([], { parties, summary: { parties: [...rows, { party: 'p0' }] } }))).toEqual([
      'summary.parties: must list at most 1,001 rows',
    ]);
  });
});

describe('names nobody can see', () => {
  /** Characters that draw nothing: white space, zero-width and joining characters, bidi controls, fillers, selectors, tags. */
  const INVISIBLE = [
    ...'\u0009\u0020\u00a0\u00ad\u034f\u061c\u115f\u1160\u1680\u17b4\u17b5\u180b\u180c\u180d\u180e\u180f',
    ...Array.from({ length: 0x2010 - 0x2000 }, (_, i) => String.fromCharCode(0x2000 + i)),
    ...Array.from({ length: 0x2030 - 0x2028 }, (_, i) => String.fromCharCode(0x2028 + i)),
    ...Array.from({ length: 0x2070 - 0x205f }, (_, i) => String.fromCharCode(0x205f + i)),
    ...'\u2800\u3000\u3164\ufeff\uffa0',
    ...Array.from({ length: 16 }, (_, i) => String.fromCharCode(0xfe00 + i)),
    '\u{e0001}',
    '\u{e0020}',
    '\u{e007f}',
    '\u{e0100}',
    '\u{1d173}',
    '\u{1d17a}',
  ];

  it('every invisible character, alone, repeated or mixed with the others, is blank', () => {
    for (const character of INVISIBLE) {
      const code = `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
      expect(VISIBLE_CHARACTER.test(character), code).toBe(false);
      for (const name of [character, character.repeat(3), `${character}\u200b${character}`]) {
        expect(errorsOf(rawFeed([], { parties: [{ id: 'con', name }] })), code).toEqual([
          'parties[0].name: must not be blank',
        ]);
      }
    }
    expect(errorsOf(rawFeed([], { parties: [{ id: 'con', name: INVISIBLE.join('') }] }))).toEqual([
      'parties[0].name: must not be blank',
    ]);
  });

  it('a name with something to see among them is kept as written', () => {
    for (const character of INVISIBLE) {
      for (const name of [
        `${character}Con`,
        `Co${character}n`,
        `Con${character}`,
        `${character}٣`,
        `${character}中`,
        `${character}é`,
      ]) {
        const result = validateFeed(rawFeed([], { parties: [{ id: 'con', name }] }));
        expect(result.ok, JSON.stringify(name)).toBe(true);
      }
    }
  });

  it('applies to every text a reader is shown: short names, area names, titles, notes, event texts', () => {
    const blank = '\u200b\u200d\u2060';
    const input = rawFeed([council('A', 'con', 'con', { name: blank, shortName: blank, region: blank, note: blank })], {
      parties: [{ id: 'con', name: 'Conservatives', shortName: blank }],
      events: [{ id: 'e1', kind: 'note', at: '2018-05-04T02:00:00Z', text: blank }],
    });
    (input.meta.election as { title: string }).title = blank;
    expect(errorsOf(input).sort()).toEqual(
      [
        'areas[0].name: must not be blank',
        'areas[0].note: must not be blank',
        'areas[0].region: must not be blank',
        'areas[0].shortName: must not be blank',
        'events[0].text: must not be blank',
        'meta.election.title: must not be blank',
        'parties[0].shortName: must not be blank',
      ].sort(),
    );
  });
});
