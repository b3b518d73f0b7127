/**
 * Values that are ignored rather than fatal: a colour that is not a colour must not reach CSS,
 * and a link that is not http(s) must not reach an href. Each is dropped with a warning, so a
 * publisher's typo costs a default colour, not the whole night's results.
 */
import type { Area, Feed, FeedEvent, Party } from './schema.js';
import type { FeedIssue } from './validate.js';

const HEX_COLOUR = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;

/** True for #rgb and #rrggbb: the only colour syntax a feed may carry into CSS. */
export function isFeedColour(value: unknown): value is string {
  return typeof value === 'string' && HEX_COLOUR.test(value);
}

/** True for absolute http: and https: URLs. */
export function isWebLink(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

export function sanitiseFeed(feed: Feed): { feed: Feed; warnings: FeedIssue[] } {
  const warnings: FeedIssue[] = [];

  const dropBadColour = <T extends Party>(party: T, index: number, key: 'colour' | 'colourDark'): T => {
    const value = party[key];
    if (value === undefined || isFeedColour(value)) return party;
    warnings.push({
      path: `parties[${index}].${key}`,
      message: `${JSON.stringify(value).slice(0, 40)} is not a #rgb or #rrggbb colour; the default is used`,
    });
    const { [key]: _dropped, ...rest } = party;
    return rest as T;
  };
  const dropBadLink = <T extends { url?: string | undefined }>(item: T, path: string): T => {
    if (item.url === undefined || isWebLink(item.url)) return item;
    warnings.push({ path: `${path}.url`, message: 'only http(s) links are allowed; the link is ignored' });
    const { url: _dropped, ...rest } = item;
    return rest as T;
  };

  const parties = feed.parties.map((party, i) => dropBadColour(dropBadColour(party, i, 'colour'), i, 'colourDark'));
  const areas = feed.areas.map((area: Area, i) => dropBadLink(area, `areas[${i}]`));
  const events = feed.events?.map((event: FeedEvent, i) => dropBadLink(event, `events[${i}]`));
  let meta = feed.meta;
  if (meta.publisher) {
    const publisher = dropBadLink(meta.publisher, 'meta.publisher');
    if (publisher !== meta.publisher) meta = { ...meta, publisher };
  }
  let summary = feed.summary;
  if (summary?.source) {
    const source = dropBadLink(summary.source, 'summary.source');
    if (source !== summary.source) summary = { ...summary, source };
  }

  if (warnings.length === 0) return { feed, warnings };
  const sanitised: Feed = { ...feed, meta, parties, areas };
  if (summary) sanitised.summary = summary;
  if (events) sanitised.events = events;
  return { feed: sanitised, warnings };
}

/** Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069). */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
const HAS_BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

/** True when JSON text may hold a bidi control, as itself or as a `\u` escape. */
export function mayHoldBidiControls(text: string): boolean {
  return /[\u202A-\u202E\u2066-\u2069]|\\u20(?:2[a-eA-E]|6[6-9])/.test(text);
}

/**
 * `value` with every bidirectional embedding, override and isolate taken out of its strings.
 * An override in a party name ("Con" + U+202E) reversed the figures drawn after it ("34" read
 * "43"), and an isolate could close the one a widget puts round feed text; the other bidi
 * characters (marks) cannot. New objects and arrays only where something was taken out;
 * objects in `leave` (the host's own, see validate.ts) are left as they are. Returns how many
 * strings changed and the path of the first, with `areaIndex` mapping an index among the areas
 * walked to the feed's own.
 */
export function withoutBidiControls<T>(
  value: T,
  leave?: ReadonlySet<object>,
  areaIndex?: (index: number) => number,
): { value: T; changed: number; first: string | undefined } {
  let changed = 0;
  let first: string | undefined;
  const keys: (string | number)[] = [];
  const pathNow = () => {
    const parts = [...keys];
    if (areaIndex && parts[0] === 'areas' && typeof parts[1] === 'number') parts[1] = areaIndex(parts[1]);
    return parts.reduce<string>(
      (text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${key}` : key),
      '',
    );
  };
  const clean = (item: unknown): unknown => {
    if (typeof item === 'string') {
      if (!HAS_BIDI_CONTROL.test(item)) return item;
      changed += 1;
      first ??= pathNow();
      return item.replace(BIDI_CONTROLS, '');
    }
    if (item === null || typeof item !== 'object' || leave?.has(item)) return item;
    if (Array.isArray(item)) {
      let copy: unknown[] | undefined;
      for (let i = 0; i < item.length; i++) {
        keys.push(i);
        const next = clean(item[i]);
        keys.pop();
        if (next !== item[i]) (copy ??= [...item])[i] = next;
      }
      return copy ?? item;
    }
    let copy: Record<string, unknown> | undefined;
    for (const key in item) {
      const old = (item as Record<string, unknown>)[key];
      keys.push(key);
      const next = clean(old);
      keys.pop();
      if (next !== old) (copy ??= { ...item })[key] = next;
    }
    return copy ?? item;
  };
  return { value: clean(value) as T, changed, first };
}
