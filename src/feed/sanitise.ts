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
    warnings.push({ path: `parties[${index}].${key}`, message: `${JSON.stringify(value).slice(0, 40)} is not a #rgb or #rrggbb colour; the default is used` });
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
