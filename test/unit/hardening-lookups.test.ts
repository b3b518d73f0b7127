/**
 * No look-up by a key that a feed or a page supplies may reach what every object inherits
 * (issue 22, point 9): `lang=constructor` printed "function Object() { [native code] }" where a
 * note's text goes, and a party with the id `constructor` and no colour was transparent.
 */
import { describe, expect, it } from 'vitest';
import { tickerItemsFromFeed } from '../../src/derive/ticker-items.js';
import { tickerSentence } from '../../src/i18n/sentences.js';
import { addMessages } from '../../src/i18n/messages.js';
// A key of the test's own, as a host page may add: the store's translate takes any key.
import { translate } from '../../src/i18n/message-store.js';
import {
  defaultPartyColour,
  fallbackPartyColour,
  FALLBACK_PARTY_COLOURS,
  resolvePartyColour,
} from '../../src/theme/party-colours.js';
import { council, feed } from './support/feed.js';
// Welsh is fetched on first use on a page; these tests read it at once.
import '../../src/components/shared/welsh.js';

/** Keys every plain object answers to without having them. */
const INHERITED = [
  'constructor',
  '__proto__',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  '__defineGetter__',
  '__lookupGetter__',
];

describe('look-ups by language', () => {
  it('a ticker note in a language that is an inherited key: the publisher’s own text, never JavaScript', () => {
    const night = feed([council('A', 'con', 'con')], {
      events: [
        {
          id: 'n1',
          kind: 'note',
          at: '2018-05-04T02:00:00Z',
          text: 'Counting resumes at nine.',
          texts: { cy: 'Mae’r cyfrif yn ailddechrau am naw.' },
        },
      ],
    });
    const [item] = tickerItemsFromFeed(night);
    for (const locale of INHERITED)
      expect(tickerSentence(item!, night, locale), locale).toBe('Counting resumes at nine.');
    expect(tickerSentence(item!, night, 'cy')).toBe('Mae’r cyfrif yn ailddechrau am naw.');
  });

  it('a message placeholder named like an inherited key is left as written, not filled with it', () => {
    addMessages('en-GB', { 'test.lookups': 'Before {constructor} after {toString}' });
    expect(translate('en-GB', 'test.lookups', {})).toBe('Before {constructor} after {toString}');
    expect(translate('en-GB', 'test.lookups', { constructor: 'a', toString: 'b' } as never)).toBe('Before a after b');
  });
});

describe('look-ups by party id', () => {
  it('a party whose id is an inherited key gets a colour of its own, like any party the palette does not know', () => {
    for (const id of INHERITED.filter((key) => /^[a-z][a-z0-9_-]*$/.test(key))) {
      const night = feed([council('A', id, id)], {
        parties: [
          { id, name: `The ${id} party` },
          { id: 'other2', name: 'Another party' },
        ],
      });
      const fallback = fallbackPartyColour(night, id);
      expect(fallback, id).toBe(FALLBACK_PARTY_COLOURS[0]);
      for (const theme of ['light', 'dark'] as const) {
        expect(resolvePartyColour(id, theme, night.parties[0], '', fallback), id).toBe(FALLBACK_PARTY_COLOURS[0]);
        expect(defaultPartyColour(id, theme), id).toBe(defaultPartyColour('other', theme));
      }
    }
  });
});
