import { describe, expect, it } from 'vitest';
import { areaOutcome } from '../../../src/derive/area-outcome.js';
import { tickerItemsFromFeed } from '../../../src/derive/ticker-items.js';
import { describeOutcome, describeProgress, outcomeSentence, tickerSentence } from '../../../src/i18n/sentences.js';
import { council, feed } from '../support/feed.js';
import { iso } from '../support/bidi.js';
// Welsh is fetched on first use on a page; these tests read it at once.
import '../../../src/components/shared/welsh.js';

const local = feed(
  [
    council('E07000236', 'lab', 'con', { name: 'Redditch', declaredAt: '2018-05-04T01:00:00Z' }),
    council('E08000024', 'lab', 'lab', { name: 'Sunderland', declaredAt: '2018-05-04T01:10:00Z' }),
    council('E08000009', 'con', 'noc', { name: 'Trafford', declaredAt: '2018-05-04T01:20:00Z' }),
    council('E09000003', 'noc', 'con', {
      name: 'Barnet',
      declaredAt: '2018-05-04T01:30:00Z',
      translations: { cy: { name: 'Barnet (cy)' } },
    }),
    { id: 'BZ', name: 'Belsize ward', status: 'recount' },
  ],
  { dataChangedAt: '2018-05-04T02:00:00Z' },
);
const area = (id: string) => local.areas.find((a) => a.id === id)!;

describe('describeOutcome', () => {
  it('uses short party names: "Con gain from Lab"', () => {
    expect(describeOutcome(areaOutcome(area('E07000236')), local, 'en-GB')).toBe(iso('⟨Con⟩ gain from ⟨Lab⟩'));
    expect(describeOutcome(areaOutcome(area('E08000024')), local, 'en-GB')).toBe(iso('⟨Lab⟩ hold'));
    expect(describeOutcome(areaOutcome(area('E08000009')), local, 'en-GB')).toBe(
      iso('No overall control (⟨Con⟩ lost)'),
    );
    expect(describeOutcome(areaOutcome(area('BZ')), local, 'en-GB')).toBe('Recount');
  });
});

describe('outcomeSentence', () => {
  it('reads like a headline', () => {
    expect(outcomeSentence(areaOutcome(area('E07000236')), 'E07000236', local, 'en-GB')).toBe(
      iso('⟨Conservatives⟩ gain ⟨Redditch⟩ from ⟨Labour⟩'),
    );
    expect(outcomeSentence(areaOutcome(area('E08000024')), 'E08000024', local, 'en-GB')).toBe(
      iso('⟨Labour⟩ hold ⟨Sunderland⟩'),
    );
    expect(outcomeSentence(areaOutcome(area('E08000009')), 'E08000009', local, 'en-GB')).toBe(
      iso('⟨Conservatives⟩ lose ⟨Trafford⟩ to no overall control'),
    );
    expect(outcomeSentence(areaOutcome(area('E09000003')), 'E09000003', local, 'en-GB')).toBe(
      iso('⟨Conservatives⟩ gain ⟨Barnet⟩ from no overall control'),
    );
  });
  it('uses translated area names from the feed', () => {
    expect(outcomeSentence(areaOutcome(area('E09000003')), 'E09000003', local, 'cy')).toBe(
      iso('⟨Conservatives⟩ yn cipio ⟨Barnet (cy)⟩ o ddim rheolaeth gyffredinol'),
    );
  });
});

describe('tickerSentence', () => {
  it('makes sentences for derived items', () => {
    const sentences = tickerItemsFromFeed(local).map((item) => tickerSentence(item, local, 'en-GB'));
    expect(sentences).toEqual([
      iso('Recount in ⟨Belsize ward⟩'),
      iso('⟨Conservatives⟩ gain ⟨Barnet⟩ from no overall control'),
      iso('⟨Conservatives⟩ lose ⟨Trafford⟩ to no overall control'),
      iso('⟨Labour⟩ hold ⟨Sunderland⟩'),
      iso('⟨Conservatives⟩ gain ⟨Redditch⟩ from ⟨Labour⟩'),
    ]);
  });
  it("prefers the publisher's text, in the reader's language when given", () => {
    const item = {
      id: 'n',
      kind: 'note' as const,
      at: '2018-05-04T02:00:00Z',
      text: 'Polls have closed',
      texts: { cy: 'Mae’r gorsafoedd wedi cau' },
    };
    expect(tickerSentence(item, local, 'en-GB')).toBe('Polls have closed');
    expect(tickerSentence(item, local, 'cy-GB')).toBe('Mae’r gorsafoedd wedi cau');
  });
});

describe('describeProgress', () => {
  it('says how far the count has got', () => {
    expect(describeProgress(130, 150, 'council', 'en-GB')).toBe('after 130 of 150 councils');
    expect(describeProgress(150, 150, 'council', 'en-GB')).toBe('all 150 councils declared');
    expect(describeProgress(0, 650, 'constituency', 'en-GB')).toBe('no results declared yet');
    expect(describeProgress(1, 1, 'constituency', 'en-GB')).toBe('declared');
    expect(describeProgress(130, 150, 'council', 'cy')).toBe('ar ôl 130 o 150 cyngor');
  });
});
