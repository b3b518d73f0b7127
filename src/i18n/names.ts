/**
 * Names from the feed, in the reader's language where the feed translates them. Unknown ids
 * (which a validated feed never contains, but a filter attribute might) come back as the id.
 */
import { NO_OVERALL_CONTROL, type Area, type Feed, type Party } from '../feed/schema.js';
import { feedIndex } from '../feed/lookup.js';
import { translate } from './messages.js';
import { isolate } from './bidi.js';

type Named = Pick<Party | Area, 'name' | 'shortName' | 'translations'>;

function localised(item: Named, locale: string, short: boolean): string {
  const translations = item.translations;
  // Most names have no translations: no look-up to make (this runs for every row of a list).
  if (!translations) return short ? (item.shortName ?? item.name) : item.name;
  const language = locale.split('-')[0]!.toLowerCase();
  const entry =
    Object.entries(translations).find(([tag]) => tag.toLowerCase() === locale.toLowerCase())?.[1] ??
    Object.entries(translations).find(([tag]) => tag.toLowerCase() === language)?.[1];
  if (short) return entry?.shortName ?? item.shortName ?? entry?.name ?? item.name;
  return entry?.name ?? item.name;
}

/** Look-ups from a feed, built once per feed. */
export interface FeedNames {
  party(id: string | undefined, options?: { short?: boolean }): string;
  area(id: string | undefined, options?: { short?: boolean }): string;
}

/**
 * Names by id in `locale`. `isolated`: each name set apart from the text it is put in (see
 * bidi.ts), for names that go into sentences and labels beside other words and figures.
 */
export function feedNames(feed: Feed, locale: string, { isolated = false }: { isolated?: boolean } = {}): FeedNames {
  const index = feedIndex(feed);
  const out = isolated ? isolate : (text: string) => text;
  return {
    party(id, options = {}) {
      if (id === undefined) return '';
      if (id === NO_OVERALL_CONTROL) return translate(locale, options.short ? 'control.nocShort' : 'control.noc');
      const party = index.parties.get(id);
      return out(party ? localised(party, locale, options.short ?? false) : id);
    },
    area(id, options = {}) {
      if (id === undefined) return '';
      const area = index.areas.get(id);
      return out(area ? localised(area, locale, options.short ?? false) : id);
    },
  };
}
