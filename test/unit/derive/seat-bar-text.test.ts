import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import '../../../src/components/seat-bar/messages.js';
import type { Feed } from '../../../src/feed/schema.js';
import { assertFeed } from '../../../src/feed/validate.js';
import { OTHERS_ITEM } from '../../../src/derive/seat-bar-groups.js';
import { seatBarModel, type SeatBarModel } from '../../../src/derive/seat-bar-model.js';
import {
  captionText,
  itemLabels,
  itemTexts,
  majorityLabel,
  problemMessage,
  problemText,
  rowValue,
  summarySentence,
  titleText,
} from '../../../src/derive/seat-bar-text.js';
import { feedNames } from '../../../src/i18n/names.js';
// Welsh is fetched on first use on a page; these tests read it at once.
import '../../../src/components/shared/welsh.js';

const fixture = (name: string): Feed =>
  assertFeed(JSON.parse(readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8')));
const ok = (result: ReturnType<typeof seatBarModel>): SeatBarModel => {
  if (!result.ok) throw new Error(`expected a chart, got ${result.problem.kind}`);
  return result.model;
};
/** Without the Unicode isolates (U+2068 … U+2069) that set feed names apart. */
const plain = (text: string | undefined) => text?.replace(/[\u2068\u2069]/g, '');

const local = fixture('local-small.json');
const seats = ok(seatBarModel(local));
const names = feedNames(local, 'en-GB');

describe('itemTexts', () => {
  it('names each party with its seats, change and a sentence for screen readers (local-small.json)', () => {
    const texts = itemTexts(seats, names, 'en-GB');
    // Seats won: Labour 4+25+7+1 = 37 (change +1+6+2−1 = +8); Conservatives 34 (−12).
    expect(texts.get('lab')).toMatchObject({
      name: 'Labour',
      short: 'Lab',
      count: '37 seats',
      change: '+8',
      share: undefined,
      members: undefined,
    });
    expect(plain(texts.get('lab')?.description)).toBe('Labour: 37 seats, up 8');
    // The name is set apart from the words around it, so a right-to-left name keeps its place.
    expect(texts.get('lab')?.description).toBe('\u2068Labour\u2069: 37 seats, up 8');
    expect(texts.get('con')?.change).toBe('−12');
    expect(plain(texts.get('con')?.description)).toBe('Conservatives: 34 seats, down 12');
    expect(plain(texts.get('green')?.description)).toBe('Green: 1 seat, up 1');
  });

  it('counts councils in councils, and names no overall control', () => {
    const model = ok(seatBarModel(local, { measure: 'councils' }));
    const texts = itemTexts(model, names, 'en-GB');
    expect(texts.get('con')?.count).toBe('1 council');
    expect(texts.get('noc')).toMatchObject({ name: 'No overall control', short: 'NOC', change: '0' });
  });

  it('calls the remainder what it is, and lists the members of Others', () => {
    const empty = ok(seatBarModel(fixture('empty.json')));
    const [remainder] = empty.items;
    expect(itemTexts(empty, feedNames(fixture('empty.json'), 'en-GB'), 'en-GB').get(remainder!.key)).toMatchObject({
      name: 'Still to declare',
      count: '43 seats',
    });

    const grouped = ok(seatBarModel(local, { othersBelow: { seats: 17 } }));
    const others = itemTexts(grouped, names, 'en-GB').get(OTHERS_ITEM);
    // Liberal Democrats 16 and Green 1 are below 17 seats.
    expect(others?.name).toBe('Others');
    expect(plain(others?.members)).toBe('Includes LD 16, Grn 1');
    expect(plain(others?.description)).toBe('Others: 17 seats, up 4. Includes LD 16, Grn 1');
  });

  it('speaks Welsh when asked', () => {
    expect(itemTexts(seats, names, 'cy').get('lab')?.count).not.toBe('37 seats');
  });
});

describe('titles, captions and labels', () => {
  it('titles the election or one council', () => {
    expect(plain(titleText(local, seats, names, 'en-GB', undefined))).toBe(
      'Four-council local election (fixture): seats',
    );
    const area = ok(seatBarModel(local, { area: 'X07000801' }));
    expect(plain(titleText(local, area, names, 'en-GB', 'X07000801'))).toBe('Ashby Vale: the whole council');
  });

  it('captions progress with a capital letter, then the baseline', () => {
    expect(plain(captionText(local, seats, 'en-GB', undefined))).toBe('All 4 councils declared · Change since 2014');
    const area = ok(seatBarModel(local, { area: 'X07000801' }));
    expect(captionText(local, area, 'en-GB', 'X07000801')).toBe('Every seat on the council after this election');
  });

  it('labels segments with the full and the short name', () => {
    const labels = itemLabels(seats.items, itemTexts(seats, names, 'en-GB'), 'en-GB');
    expect(plain(labels.get('con')?.full)).toBe('Conservatives 34');
    expect(plain(labels.get('con')?.short)).toBe('Con 34');
  });

  it('puts the change beside a row’s figure with a real minus sign', () => {
    const con = seats.items.find((item) => item.key === 'con');
    expect(rowValue(con!, 'en-GB')).toBe('34, −12');
  });

  it('says the majority as the election or the council needs it', () => {
    expect(majorityLabel(seats, 'en-GB')).toBe('');
    const area = ok(seatBarModel(local, { area: 'X07000801' }));
    // 40 seats: 21 for a majority.
    expect(majorityLabel(area, 'en-GB')).toBe('21 for a majority');
    // general-small.json: five seats, three to win.
    expect(majorityLabel(ok(seatBarModel(fixture('general-small.json'))), 'en-GB')).toBe('3 to win');
  });
});

describe('summarySentence', () => {
  it('reads every party, the majority and the progress in one sentence', () => {
    const texts = itemTexts(seats, names, 'en-GB');
    expect(plain(summarySentence(seats, texts, 'en-GB', 'council'))).toBe(
      'Labour 37 seats, Conservatives 34, Liberal Democrats 16, Green 1; all 4 councils declared.',
    );
  });
});

describe('problems', () => {
  it('tells readers and developers what is missing, each in their own words', () => {
    expect(problemMessage({ kind: 'unknown-area', area: 'E1' }, 'en-GB')).toBe('There is no area “E1” in this feed.');
    expect(problemText({ kind: 'unknown-area', area: 'E1' })).toBe('there is no area "E1" in this feed');
    expect(problemMessage({ kind: 'no-size' }, 'en-GB')).toBe(
      'This feed does not say how many seats there are, and nothing has been declared yet.',
    );
  });
});
