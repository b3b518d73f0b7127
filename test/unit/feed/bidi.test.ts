/**
 * Bidirectional controls in feed text (issue 22, point 5): taken out of every string the
 * validator returns, with one warning; and feed names set apart from the words around them.
 */
import { describe, expect, it } from 'vitest';
import { mayHoldBidiControls, withoutBidiControls } from '../../../src/feed/sanitise.js';
import { parseFeed, validateFeed } from '../../../src/feed/validate.js';
import { isolate } from '../../../src/i18n/bidi.js';
import { council, feed, rawFeed } from '../support/feed.js';

/** Embeddings, overrides, their pop, isolates and their pop. */
const CONTROLS = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'];
/** Marks: strong characters that cannot reorder anything past the text they are in. Kept. */
const MARKS = ['\u200e', '\u200f', '\u061c'];

describe('withoutBidiControls', () => {
  it('takes every embedding, override and isolate out, wherever the string is, and names the first', () => {
    for (const control of CONTROLS) {
      const input = { a: 'plain', b: [{ c: `Con${control}`, d: 1 }, `x${control}y${control}`], e: { f: null } };
      const { value, changed, first } = withoutBidiControls(input);
      expect(value).toEqual({ a: 'plain', b: [{ c: 'Con', d: 1 }, 'xy'], e: { f: null } });
      expect(changed).toBe(2);
      expect(first).toBe('b[0].c');
      // Copy on write: what held no control is the same object.
      expect(value.e).toBe(input.e);
      expect(input.b[0]).toEqual({ c: `Con${control}`, d: 1 });
    }
  });

  it('keeps the marks, and returns the very same value when there is nothing to take out', () => {
    const input = { names: MARKS.map((mark) => `Lab${mark}`) };
    const result = withoutBidiControls(input);
    expect(result.value).toBe(input);
    expect(result.changed).toBe(0);
  });

  it('leaves alone the objects it is told to (the host’s own)', () => {
    const host = { text: 'mine\u202e' };
    const result = withoutBidiControls({ known: 'x\u202e', extra: host }, new Set([host]));
    expect(result.value).toEqual({ known: 'x', extra: host });
    expect(result.value.extra).toBe(host);
  });
});

describe('mayHoldBidiControls', () => {
  it('finds a control as itself or as a JSON escape, in either case', () => {
    for (const control of CONTROLS) {
      expect(mayHoldBidiControls(JSON.stringify({ name: `a${control}` }))).toBe(true);
      const hex = control.codePointAt(0)!.toString(16);
      expect(mayHoldBidiControls(`"a\\u${hex}"`)).toBe(true);
      expect(mayHoldBidiControls(`"a\\u${hex.toUpperCase()}"`)).toBe(true);
      expect(JSON.parse(`"a\\u${hex.toUpperCase()}"`)).toBe(`a${control}`);
    }
    expect(mayHoldBidiControls(JSON.stringify({ name: 'Plaid Cymru', mark: '\u200f' }))).toBe(false);
  });
});

describe('validation takes the controls out', () => {
  const withOverride = () =>
    rawFeed([council('A', 'con', 'con', { name: 'Ashby\u202e' })], {
      parties: [
        { id: 'con', name: 'Conservatives\u202e', shortName: 'Con\u2066' },
        { id: 'lab', name: 'Labour' },
      ],
    });

  it('from a feed given as an object and from one parsed from text, with one warning naming the first', () => {
    for (const result of [validateFeed(withOverride()), parseFeed(JSON.stringify(withOverride()))]) {
      expect(result.ok).toBe(true);
      if (!result.ok) continue;
      expect(result.feed.parties[0]).toMatchObject({ name: 'Conservatives', shortName: 'Con' });
      expect(result.feed.areas[0]!.name).toBe('Ashby');
      expect(result.warnings.filter((warning) => warning.message.startsWith('bidirectional'))).toEqual([
        {
          path: 'parties[0].name',
          message:
            'bidirectional control characters removed (and from 2 more texts): they could reorder the figures shown beside the text',
        },
      ]);
    }
  });

  it('names the feed’s own index of a changed area on an update', () => {
    const first = feed([council('A', 'con', 'con'), council('B', 'con', 'con')]);
    const update = rawFeed([council('A', 'con', 'con'), council('B', 'con', 'con', { name: 'Brookfield\u202b' })], {
      revision: 2,
    });
    const result = validateFeed(update, first);
    expect(result.ok && result.feed.areas[1]!.name).toBe('Brookfield');
    expect(result.warnings.find((warning) => warning.message.startsWith('bidirectional'))?.path).toBe('areas[1].name');
  });
});

describe('isolate', () => {
  it('sets text between a first-strong isolate and its pop, and leaves nothing as nothing', () => {
    expect(isolate('ליכוד')).toBe('\u2068ליכוד\u2069');
    expect(isolate('')).toBe('');
  });
});
