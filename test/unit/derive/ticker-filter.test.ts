import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  filterMatchesNothing,
  filterTickerItems,
  matchesTickerFilter,
  parseIdList,
  parseTickerFilter,
  tickerFilterProblems,
} from '../../../src/derive/ticker-filter.js';
import { tickerItemsFromFeed, type TickerItem } from '../../../src/derive/ticker-items.js';
import { assertFeed } from '../../../src/feed/validate.js';
import { council, feed } from '../support/feed.js';

const night = feed(
  [
    council('RED', 'lab', 'con', { declaredAt: '2018-05-04T01:00:00Z' }),
    council('SUN', 'lab', 'lab', { declaredAt: '2018-05-04T01:10:00Z' }),
    council('TRA', 'con', 'noc', { declaredAt: '2018-05-04T01:20:00Z' }),
    council('BAR', 'noc', 'con', { declaredAt: '2018-05-04T01:30:00Z' }),
    { id: 'BEL', name: 'Belsize', status: 'recount', control: { before: 'ld' } },
  ],
  { dataChangedAt: '2018-05-04T02:00:00Z' },
);
const items = tickerItemsFromFeed(night);
const ids = (list: readonly TickerItem[]) => list.map((item) => item.id);

describe('parseIdList', () => {
  it('splits on spaces and commas and drops repeats', () => {
    expect(parseIdList(' E07000236,E08000024  E07000236 ,, ')).toEqual(['E07000236', 'E08000024']);
    expect(parseIdList('')).toEqual([]);
    expect(parseIdList(null)).toEqual([]);
    expect(parseIdList(undefined)).toEqual([]);
  });
});

describe('parseTickerFilter', () => {
  it('reads area, party and kinds, and reports words that are not kinds', () => {
    const { filter, unknownKinds } = parseTickerFilter({
      area: 'RED SUN',
      party: 'Con, lab',
      kinds: 'Recount gains note',
    });
    expect(filter).toEqual({ areas: ['RED', 'SUN'], parties: ['con', 'lab'], kinds: ['recount', 'note'] });
    expect(unknownKinds).toEqual(['gains']);
  });
});

describe('matchesTickerFilter', () => {
  it('keeps items about the named areas only', () => {
    expect(ids(filterTickerItems(items, { areas: ['SUN', 'BEL'], parties: [], kinds: [] }))).toEqual([
      'recount:BEL',
      'declared:SUN',
    ]);
  });

  it('keeps items where a named party won, held or lost', () => {
    // Labour lost Redditch and held Sunderland; Conservatives won Redditch and Barnet and lost Trafford.
    expect(ids(filterTickerItems(items, { areas: [], parties: ['lab'], kinds: [] }))).toEqual([
      'declared:SUN',
      'declared:RED',
    ]);
    expect(ids(filterTickerItems(items, { areas: [], parties: ['con'], kinds: [] }))).toEqual([
      'declared:BAR',
      'declared:TRA',
      'declared:RED',
    ]);
    expect(ids(filterTickerItems(items, { areas: [], parties: ['noc'], kinds: [] }))).toEqual([
      'declared:BAR',
      'declared:TRA',
    ]);
  });

  it('keeps the named kinds, and combines restrictions with "and"', () => {
    expect(ids(filterTickerItems(items, { areas: [], parties: [], kinds: ['control-change'] }))).toEqual([
      'declared:BAR',
      'declared:TRA',
      'declared:RED',
    ]);
    expect(ids(filterTickerItems(items, { areas: [], parties: ['lab'], kinds: ['control-change'] }))).toEqual([
      'declared:RED',
    ]);
    expect(ids(filterTickerItems(items, { areas: ['SUN'], parties: ['con'], kinds: [] }))).toEqual([]);
  });

  it('lets notes without an area through only when no area is asked for', () => {
    const note: TickerItem = { id: 'n', kind: 'note', at: '2018-05-04T02:00:00Z', text: 'Turnout is low' };
    expect(matchesTickerFilter(note, { areas: [], parties: [], kinds: [] })).toBe(true);
    expect(matchesTickerFilter(note, { areas: ['RED'], parties: [], kinds: [] })).toBe(false);
    expect(matchesTickerFilter(note, { areas: [], parties: ['con'], kinds: [] })).toBe(false);
  });

  it('returns the same list when nothing is filtered', () => {
    expect(filterTickerItems(items, { areas: [], parties: [], kinds: [] })).toBe(items);
  });
});

describe('tickerFilterProblems', () => {
  it('names areas and parties the feed does not have; "noc" is always known', () => {
    const filter = { areas: ['RED', 'NOPE'], parties: ['noc', 'ukip'], kinds: [] as const };
    expect(tickerFilterProblems({ ...filter, kinds: [] }, night, ['gains'])).toEqual({
      unknownAreas: ['NOPE'],
      unknownParties: ['ukip'],
      unknownKinds: ['gains'],
    });
  });

  it('says when a filter can never match', () => {
    const only = { areas: ['NOPE'], parties: [], kinds: [] };
    expect(filterMatchesNothing(only, tickerFilterProblems(only, night))).toBe(true);
    const some = { areas: ['NOPE', 'RED'], parties: [], kinds: [] };
    expect(filterMatchesNothing(some, tickerFilterProblems(some, night))).toBe(false);
  });
});

describe('filters on the 2019 general election', () => {
  const raw = JSON.parse(
    readFileSync(new URL('../../fixtures/uk-general-2019.final.json', import.meta.url), 'utf8'),
  ) as {
    areas: { id: string; control?: { before?: string; after?: string }; winner?: string }[];
  };
  const ge = assertFeed(raw);
  const all = tickerItemsFromFeed(ge);

  it('a party filter keeps exactly the seats the party held before or won', () => {
    for (const party of ['con', 'lab', 'snp', 'ld']) {
      const expected = raw.areas
        .filter((area) => area.control?.before === party || (area.control?.after ?? area.winner) === party)
        .map((area) => area.id)
        .sort();
      const got = filterTickerItems(all, { areas: [], parties: [party], kinds: [] })
        .map((item) => item.area)
        .sort();
      expect(got, party).toEqual(expected);
    }
  });

  it('gains and holds partition the declarations', () => {
    const changes = filterTickerItems(all, { areas: [], parties: [], kinds: ['control-change'] });
    const declarations = filterTickerItems(all, { areas: [], parties: [], kinds: ['declaration'] });
    const changedHands = raw.areas.filter(
      (area) => area.control?.before !== (area.control?.after ?? area.winner),
    ).length;
    expect(changes.length).toBe(changedHands);
    expect(changes.length + declarations.length).toBe(raw.areas.length);
  });
});
