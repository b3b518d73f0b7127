/**
 * The area a card shows, kept in the page's URL fragment (`#tally-area=E08000019`) so that a
 * reader can share or reload it, and the area a postcode's codes lead to. Pure: strings and
 * feeds in, strings and ids out; the element reads and writes `location`.
 *
 * The fragment may hold other things (`#results&tally-area=E08000019`): parts are separated
 * by `&`, and only the `tally-area` part is read or replaced.
 */
import type { Feed } from '../feed/schema.js';
import { findArea } from './area-result.js';

export const AREA_FRAGMENT_KEY = 'tally-area';

/** An area id as the feed format allows it (docs/feed.md), so nothing else is read from a URL. */
const AREA_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;

function parts(hash: string): string[] {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  return body === '' ? [] : body.split('&');
}

function decode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/** The area id in a fragment (`location.hash`), or undefined when it names none (or an id no feed may have). */
export function readAreaFragment(hash: string): string | undefined {
  for (const part of parts(hash)) {
    const equals = part.indexOf('=');
    if (equals < 0 || decode(part.slice(0, equals)) !== AREA_FRAGMENT_KEY) continue;
    const id = decode(part.slice(equals + 1));
    return id !== undefined && AREA_ID.test(id) ? id : undefined;
  }
  return undefined;
}

/**
 * The fragment with the area set to `id` (or taken out when `id` is undefined), the rest of it
 * kept in place: a string for `history.replaceState`, with its `#`, or '' when nothing is left.
 */
export function writeAreaFragment(hash: string, id: string | undefined): string {
  const kept: string[] = [];
  let placed = false;
  const own = id !== undefined ? `${AREA_FRAGMENT_KEY}=${encodeURIComponent(id)}` : undefined;
  for (const part of parts(hash)) {
    const equals = part.indexOf('=');
    const isOurs = equals >= 0 && decode(part.slice(0, equals)) === AREA_FRAGMENT_KEY;
    if (!isOurs) kept.push(part);
    else if (own !== undefined && !placed) {
      kept.push(own);
      placed = true;
    }
  }
  if (own !== undefined && !placed) kept.push(own);
  return kept.length > 0 ? `#${kept.join('&')}` : '';
}

export type PostcodeArea =
  /** An area of the feed with an election, the first of the codes (in order of preference) that has one. */
  | { readonly kind: 'area'; readonly id: string }
  /** None of the codes is an area of this feed with an election. */
  | { readonly kind: 'no-election'; readonly codes: readonly string[]; readonly id: string | undefined };

/**
 * The area a postcode's codes lead to. A code that is an area of the feed marked
 * `no-election` is remembered, so the reader can be told the area's name; the search goes on
 * through the other codes for one that has an election.
 */
export function areaForCodes(feed: Feed, codes: readonly string[]): PostcodeArea {
  let withoutElection: string | undefined;
  for (const code of codes) {
    const area = findArea(feed, code) ?? findArea(feed, code.toUpperCase());
    if (!area) continue;
    if (area.status !== 'no-election') return { kind: 'area', id: area.id };
    withoutElection ??= area.id;
  }
  return { kind: 'no-election', codes, id: withoutElection };
}
