/**
 * Finding an area by name, for the result card's search box: every name an area goes by (the
 * reader's language first, then the feed's own name, short names and every translation, so
 * "Caerdydd" and "Cardiff" both find Cardiff), folded so that accents, case and punctuation do
 * not matter ("ynys mon" finds Ynys Môn, "st helens" finds St. Helens). Pure.
 *
 * The index is made once per feed and language; a search walks it once, so it keeps up with
 * typing at the 10,000 areas a feed may hold.
 */
import type { Area, Feed } from '../feed/schema.js';
import { safeLocale } from '../i18n/format.js';
import { feedNames } from '../i18n/names.js';
import { foldForSearch } from './area-rows.js';

export interface AreaSearchEntry {
  readonly id: string;
  /** In the reader's language. */
  readonly name: string;
  /** The name of the area it belongs to (a ward's council), to tell apart wards of the same name. */
  readonly parentName: string | undefined;
  /** Every name, folded; the first is `name`'s. */
  readonly folded: readonly string[];
  /** Every name as written, in the order of `folded`. */
  readonly names: readonly string[];
  /** The words of each folded name. */
  readonly words: readonly (readonly string[])[];
}

export interface AreaSearchIndex {
  readonly locale: string;
  readonly entries: readonly AreaSearchEntry[];
}

export interface AreaMatch {
  readonly id: string;
  readonly name: string;
  readonly parentName: string | undefined;
  /** Another name of the area that the query matched, when it is not `name` ("Caerdydd" for Cardiff). */
  readonly matchedName: string | undefined;
}

const cache = new WeakMap<Feed, Map<string, AreaSearchIndex>>();

function namesOf(area: Area, shown: string): string[] {
  const names: string[] = [];
  const add = (text: string | undefined) => {
    if (text && !names.includes(text)) names.push(text);
  };
  add(shown);
  add(area.name);
  add(area.shortName);
  for (const entry of Object.values(area.translations ?? {})) {
    add(entry.name);
    add(entry.shortName);
  }
  return names;
}

/** The search index of `feed` in `locale`, made once and kept while the feed is. */
export function areaSearchIndex(feed: Feed, locale: string): AreaSearchIndex {
  let byLocale = cache.get(feed);
  if (!byLocale) cache.set(feed, (byLocale = new Map()));
  let index = byLocale.get(locale);
  if (index) return index;
  const names = feedNames(feed, locale);
  const ids = new Set(feed.areas.map((area) => area.id));
  const entries = feed.areas.map((area): AreaSearchEntry => {
    const name = names.area(area.id);
    const all = namesOf(area, name);
    const folded = all.map(foldForSearch);
    return {
      id: area.id,
      name,
      parentName: area.parent !== undefined && ids.has(area.parent) ? names.area(area.parent) : undefined,
      names: all,
      folded,
      words: folded.map((text) => text.split(' ')),
    };
  });
  index = { locale, entries };
  byLocale.set(locale, index);
  return index;
}

/** How well a folded name answers the folded query: lower is better; undefined for no match. */
function rank(name: string, nameWords: readonly string[], query: string, words: readonly string[]): number | undefined {
  if (name === query) return 0;
  if (name.startsWith(query)) return 1;
  if (!words.every((word) => name.includes(word))) return undefined;
  if (words.every((word) => nameWords.some((part) => part.startsWith(word)))) return 2;
  return 3;
}

const collators = new Map<string, Intl.Collator>();
function collator(locale: string): Intl.Collator {
  let value = collators.get(locale);
  if (!value)
    collators.set(locale, (value = new Intl.Collator(safeLocale(locale), { sensitivity: 'base', numeric: true })));
  return value;
}

/**
 * Areas whose names match `query`, best first, at most `limit`: a whole name, then names that
 * start with it, then names with words starting with each word of it, then names containing
 * every word; A to Z within each. An area's own id (a GSS code) matches too. A query with no
 * letter or digit matches nothing.
 */
export function searchAreas(index: AreaSearchIndex, query: string, limit = 10): AreaMatch[] {
  const folded = foldForSearch(query);
  if (folded === '' || limit <= 0) return [];
  const words = folded.split(' ');
  const upperId = query.trim().toUpperCase();
  // Matches by rank: only the best ranks are sorted, as far as the limit needs (a short query
  // can match thousands of names, of which ten are shown).
  const byRank: { entry: AreaSearchEntry; matched: number }[][] = [[], [], [], []];
  for (const entry of index.entries) {
    let best: number | undefined;
    let matched = 0;
    for (let i = 0; i < entry.folded.length; i++) {
      const score = rank(entry.folded[i]!, entry.words[i]!, folded, words);
      if (score !== undefined && (best === undefined || score < best)) {
        best = score;
        matched = i;
      }
    }
    if (best === undefined && entry.id.toUpperCase() === upperId) best = 0;
    if (best !== undefined) byRank[best]!.push({ entry, matched });
  }
  const compare = collator(index.locale).compare;
  const out: AreaMatch[] = [];
  for (const bucket of byRank) {
    if (out.length >= limit) break;
    bucket.sort(
      (a, b) => compare(a.entry.name, b.entry.name) || compare(a.entry.parentName ?? '', b.entry.parentName ?? ''),
    );
    for (const { entry, matched } of bucket) {
      if (out.length >= limit) break;
      out.push({
        id: entry.id,
        name: entry.name,
        parentName: entry.parentName,
        matchedName: matched > 0 && entry.folded[matched] !== entry.folded[0] ? entry.names[matched] : undefined,
      });
    }
  }
  return out;
}
