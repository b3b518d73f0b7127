import { describe, expect, it } from 'vitest';
import '../../../src/components/ticker/messages.js';
import { tickerItemsFromFeed, type TickerItem } from '../../../src/derive/ticker-items.js';
import { intlSpeaks } from '../../../src/i18n/format.js';
import { nextRelativeRefresh, tickerItemView, tickerTimeLabel } from '../../../src/derive/ticker-view.js';
import { addMessages, translator } from '../../../src/i18n/messages.js';
import { council, feed } from '../support/feed.js';
import { iso } from '../support/bidi.js';
// Welsh is fetched on first use on a page; these tests read it at once.
import '../../../src/components/shared/welsh.js';

const local = feed(
  [
    council('RED', 'lab', 'con', {
      name: 'Redditch',
      declaredAt: '2018-05-04T01:00:00Z',
      url: 'https://example.org/redditch',
    }),
    council('SUN', 'lab', 'lab', { name: 'Sunderland', declaredAt: '2018-05-04T01:10:00Z' }),
    council('TRA', 'con', 'noc', { name: 'Trafford', declaredAt: '2018-05-04T01:20:00Z' }),
    council('HUN', 'noc', 'noc', { name: 'Huntingdon', declaredAt: '2018-05-04T01:25:00Z' }),
    council('BAR', 'noc', 'con', { name: 'Barnet', declaredAt: '2018-05-04T01:30:00Z' }),
    { id: 'BEL', name: 'Belsize ward', status: 'recount' },
  ],
  { dataChangedAt: '2018-05-04T02:00:00Z' },
);
const items = new Map(tickerItemsFromFeed(local).map((item) => [item.area!, item]));
const en = translator('en-GB');
const cy = translator('cy');
const view = (item: TickerItem, locale = 'en-GB') => tickerItemView(item, local, locale, locale === 'cy' ? cy : en);

describe('tickerItemView', () => {
  it('names the result in a badge and takes the colour of the party in control', () => {
    const seen = ['RED', 'SUN', 'TRA', 'HUN', 'BAR', 'BEL'].map((id) => {
      const v = view(items.get(id)!);
      return [id, v.badge, v.colourKey, v.sentence];
    });
    expect(seen).toEqual([
      ['RED', iso('⟨Con⟩ gain'), 'con', iso('⟨Conservatives⟩ gain ⟨Redditch⟩ from ⟨Labour⟩')],
      ['SUN', iso('⟨Lab⟩ hold'), 'lab', iso('⟨Labour⟩ hold ⟨Sunderland⟩')],
      ['TRA', 'NOC', 'noc', iso('⟨Conservatives⟩ lose ⟨Trafford⟩ to no overall control')],
      ['HUN', 'NOC hold', 'noc', iso('No overall control in ⟨Huntingdon⟩')],
      ['BAR', iso('⟨Con⟩ gain'), 'con', iso('⟨Conservatives⟩ gain ⟨Barnet⟩ from no overall control')],
      ['BEL', 'Recount', undefined, iso('Recount in ⟨Belsize ward⟩')],
    ]);
  });

  it('speaks Welsh', () => {
    expect([
      view(items.get('RED')!, 'cy').badge,
      view(items.get('TRA')!, 'cy').badge,
      view(items.get('BEL')!, 'cy').badge,
    ]).toEqual([iso('⟨Con⟩ yn cipio'), 'DRhG', 'Ailgyfrif']);
    expect(view(items.get('SUN')!, 'cy').sentence).toBe(iso('⟨Labour⟩ yn cadw ⟨Sunderland⟩'));
  });

  it("uses the publisher's text, and says a note is a note", () => {
    const note: TickerItem = {
      id: 'n1',
      kind: 'note',
      at: '2018-05-04T02:00:00Z',
      text: 'Turnout is down on 2014',
      texts: { cy: 'Mae’r nifer a bleidleisiodd i lawr' },
    };
    expect(view(note)).toMatchObject({
      sentence: 'Turnout is down on 2014',
      ownText: true,
      badge: 'Note',
      colourKey: undefined,
    });
    expect(view(note, 'cy')).toMatchObject({
      sentence: 'Mae’r nifer a bleidleisiodd i lawr',
      ownText: true,
      badge: 'Nodyn',
    });
  });

  it('badges a generated correction with the corrected result, and a worded one as a correction', () => {
    const correction: TickerItem = {
      ...items.get('SUN')!,
      id: 'corrected:SUN:2',
      kind: 'correction',
      corrects: 'declared:SUN',
    };
    expect(view(correction)).toMatchObject({
      sentence: iso('Correction: ⟨Labour⟩ hold ⟨Sunderland⟩'),
      badge: iso('⟨Lab⟩ hold'),
      ownText: false,
    });
    const worded = { ...correction, text: 'Sunderland: Labour’s seat count was 60, not 61' };
    expect(view(worded)).toMatchObject({ sentence: worded.text, badge: 'Correction', ownText: true });
  });

  it('links to the area page when the feed gives one, and only over http(s)', () => {
    expect(view(items.get('RED')!).url).toBe('https://example.org/redditch');
    expect(view(items.get('SUN')!).url).toBeUndefined();
    expect(view({ ...items.get('SUN')!, url: 'javascript:alert(1)' }).url).toBeUndefined();
  });

  it('marks an item that a later one corrects', () => {
    expect(tickerItemView(items.get('SUN')!, local, 'en-GB', en, { corrected: true }).corrected).toBe(true);
  });
});

describe('tickerTimeLabel', () => {
  const at = '2018-05-04T02:41:00Z';
  const time = Date.parse(at);

  it('says how long ago, with the clock time in the reader’s zone', () => {
    const label = tickerTimeLabel(at, time + 3 * 60_000, 'en-GB', 'Europe/London');
    expect(label).toMatchObject({ text: '3 min ago', clock: '03:41', relative: true });
    // The full form is the shared formatDateTime; its punctuation varies between ICU versions.
    expect(label.full).toMatch(/^Friday,? 4 May 2018,? (at )?03:41$/);
    expect(tickerTimeLabel(at, time + 45_000, 'en-GB', 'UTC').text).toBe('45 sec ago');
    expect(tickerTimeLabel(at, time + 3 * 60_000, 'cy', 'UTC').text).toBe('3 munud yn ôl');
  });

  it('gives the date and time once an item is more than 12 hours old', () => {
    expect(tickerTimeLabel(at, time + 13 * 3_600_000, 'en-GB', 'Europe/London')).toMatchObject({
      text: '4 May, 03:41',
      relative: false,
    });
    expect(tickerTimeLabel(at, time + 13 * 3_600_000, 'cy', 'UTC')).toMatchObject({
      text: '4 Mai, 02:41',
      relative: false,
    });
  });
});

describe('tickerTimeLabel in a language Intl does not speak', () => {
  // "zz" is no language at all: Intl knows nothing of it, as Chromium's ICU knows no Welsh.
  addMessages('zz', {
    'time.minutesAgo': { other: '{number} zz-min' },
    'time.justNow': 'zz-now',
    'time.hoursAgo': { other: '{number} zz-hr' },
  });
  const at = '2018-05-04T02:41:00Z';
  const time = Date.parse(at);

  it('uses the message table and numeric dates instead of English words', () => {
    expect(intlSpeaks('zz')).toBe(false);
    expect(tickerTimeLabel(at, time + 3 * 60_000, 'zz', 'UTC').text).toBe('3 zz-min');
    expect(tickerTimeLabel(at, time + 2 * 3_600_000 + 5 * 60_000, 'zz', 'UTC').text).toBe('2 zz-hr');
    expect(tickerTimeLabel(at, time + 5_000, 'zz', 'UTC').text).toBe('zz-now');
    const old = tickerTimeLabel(at, time + 13 * 3_600_000, 'zz', 'UTC');
    expect(old.text).toBe('04/05, 02:41');
    expect(old.full).toBe('04/05/2018, 02:41');
  });

  it('calls a time slightly in the future "just now"', () => {
    expect(tickerTimeLabel(at, time - 90_000, 'zz', 'UTC').text).toBe('zz-now');
    expect(tickerTimeLabel(at, time - 90_000, 'en-GB', 'UTC').text).toBe('just now');
    expect(tickerTimeLabel(at, time + 9_000, 'cy', 'UTC').text).toBe('nawr');
  });
});

describe('nextRelativeRefresh', () => {
  const now = Date.parse('2018-05-04T03:00:00Z');
  it('refreshes often while the newest item is seconds old, rarely later, never for old items', () => {
    expect(nextRelativeRefresh(['2018-05-04T02:59:30Z', '2018-05-04T01:00:00Z'], now)).toBe(5_000);
    expect(nextRelativeRefresh(['2018-05-04T02:50:00Z'], now)).toBe(15_000);
    expect(nextRelativeRefresh(['2018-05-04T01:00:00Z'], now)).toBe(60_000);
    expect(nextRelativeRefresh(['2018-05-03T01:00:00Z'], now)).toBeUndefined();
    expect(nextRelativeRefresh([], now)).toBeUndefined();
  });
});
