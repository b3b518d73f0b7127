/** searchAreas(index, query): names in any case, without accents, in English or Welsh, best match first. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { areaSearchIndex, searchAreas } from '../../../src/derive/area-search.js';
import { assertFeed } from '../../../src/feed/validate.js';
import type { FeedInput } from '../../../src/feed/schema.js';
import { feed } from '../support/feed.js';

const areas = feed([
  { id: 'W06000015', name: 'Cardiff', status: 'declared', translations: { cy: { name: 'Caerdydd' } } },
  { id: 'W06000001', name: 'Isle of Anglesey', status: 'declared', translations: { cy: { name: 'Ynys Môn' } } },
  { id: 'E08000013', name: 'St. Helens', status: 'declared' },
  { id: 'E09000021', name: 'Kingston upon Thames', status: 'declared' },
  { id: 'E06000007', name: 'Warrington', status: 'declared' },
  { id: 'S1', name: 'Central', parent: 'E08000013', status: 'declared' },
  { id: 'K1', name: 'Central', parent: 'E09000021', status: 'declared' },
  { id: 'E06000030', name: 'Swindon', status: 'declared' },
]);
const names = (query: string, locale = 'en-GB') =>
  searchAreas(areaSearchIndex(areas, locale), query).map((match) => match.name);

describe('searchAreas', () => {
  it('ignores case, accents and punctuation', () => {
    expect(names('ynys mon')).toEqual(['Isle of Anglesey']);
    expect(names('YNYS MÔN')).toEqual(['Isle of Anglesey']);
    expect(names('st helens')).toEqual(['St. Helens']);
    expect(names('st. helens')).toEqual(['St. Helens']);
  });

  it('finds an area by its Welsh name in English and says which name matched', () => {
    const [match] = searchAreas(areaSearchIndex(areas, 'en-GB'), 'caerd');
    expect(match).toEqual({ id: 'W06000015', name: 'Cardiff', parentName: undefined, matchedName: 'Caerdydd' });
  });

  it('shows Welsh names to a Welsh reader and still finds the English ones', () => {
    expect(names('cardiff', 'cy')).toEqual(['Caerdydd']);
    const [match] = searchAreas(areaSearchIndex(areas, 'cy'), 'cardiff');
    expect(match!.matchedName).toBe('Cardiff');
    expect(searchAreas(areaSearchIndex(areas, 'cy'), 'caer')[0]!.matchedName).toBeUndefined();
  });

  it('puts whole names first, then names starting with the query, then words, then anywhere', () => {
    expect(names('swindon')).toEqual(['Swindon']);
    expect(names('w')).toEqual(['Warrington', 'Swindon']);
    expect(names('on')).toEqual(['Isle of Anglesey', 'Kingston upon Thames', 'Swindon', 'Warrington']);
    expect(names('upon')).toEqual(['Kingston upon Thames']);
    expect(names('thames king')).toEqual(['Kingston upon Thames']);
  });

  it('tells wards of the same name apart by their council, in order', () => {
    expect(
      searchAreas(areaSearchIndex(areas, 'en-GB'), 'central').map((match) => [match.name, match.parentName]),
    ).toEqual([
      ['Central', 'Kingston upon Thames'],
      ['Central', 'St. Helens'],
    ]);
  });

  it('finds an area by its code, matches nothing for a query without letters or digits, and keeps to the limit', () => {
    expect(names('e06000007')).toEqual(['Warrington']);
    expect(names('  ')).toEqual([]);
    expect(names('—')).toEqual([]);
    expect(searchAreas(areaSearchIndex(areas, 'en-GB'), 'n', 2)).toHaveLength(2);
  });

  it('finds every one of the 650 constituencies of 2019 by its own name, first', () => {
    const ge = assertFeed(
      JSON.parse(
        readFileSync(new URL('../../fixtures/uk-general-2019.final.json', import.meta.url), 'utf8'),
      ) as FeedInput,
    );
    const index = areaSearchIndex(ge, 'en-GB');
    for (const area of ge.areas) expect(searchAreas(index, area.name, 1)[0]!.id).toBe(area.id);
  });
});
