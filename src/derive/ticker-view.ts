/**
 * One ticker line as plain data for the element to render: the sentence in the reader's
 * language (the publisher's own text when the feed gives one), a short badge that names the
 * result in words ("Con gain", "Recount"), the party whose colour accents it, the link, and
 * the time as relative and absolute text. Pure; `now` is passed in.
 */
import { NO_OVERALL_CONTROL, type Feed } from '../feed/schema.js';
import { isWebLink } from '../feed/sanitise.js';
import { parseTimestamp } from '../feed/timestamp.js';
import { formatDateTime, formatDayTime, formatRelativeTime, formatTime } from '../i18n/format.js';
import type { Translator } from '../i18n/messages.js';
import { feedIndex } from '../feed/lookup.js';
import { feedNames } from '../i18n/names.js';
import { tickerSentence } from '../i18n/sentences.js';
import type { AreaOutcome } from './area-outcome.js';
import type { TickerItem } from './ticker-items.js';

export interface TickerItemView {
  readonly id: string;
  readonly kind: TickerItem['kind'];
  /** The line itself: "Conservatives gain Redditch from Labour". */
  readonly sentence: string;
  /** True when the sentence is the publisher's own text. */
  readonly ownText: boolean;
  /** A few words naming the result, shown as a badge: "Con gain", "NOC", "Recount". */
  readonly badge: string;
  /** The party (or "noc") whose colour accents the line; undefined for a neutral line. */
  readonly colourKey: string | undefined;
  /** A later item corrects this one. */
  readonly corrected: boolean;
  /** An http(s) link to more about the item, if the feed gives one. */
  readonly url: string | undefined;
  /** ISO time of the item. */
  readonly at: string;
}

/** Words for a badge from the outcome of a declaration. */
function outcomeBadge(outcome: AreaOutcome, feed: Feed, locale: string, t: Translator): string | undefined {
  const names = feedNames(feed, locale, { isolated: true });
  const party = (id: string) => names.party(id, { short: true });
  switch (outcome.kind) {
    case 'hold':
      return t('ticker.badge.hold', { party: party(outcome.party) });
    case 'gain':
    case 'gain-from-noc':
      return t('ticker.badge.gain', { party: party(outcome.party) });
    case 'won':
      return t('ticker.badge.won', { party: party(outcome.party) });
    case 'lost-to-noc':
    case 'noc':
      return t('ticker.badge.noc', { noc: party(NO_OVERALL_CONTROL) });
    case 'noc-hold':
      return t('ticker.badge.hold', { party: party(NO_OVERALL_CONTROL) });
    default:
      return undefined;
  }
}

/** The party colour for an item: who won, or "noc"; none for notes and recounts. */
function colourKeyOf(item: TickerItem): string | undefined {
  if (item.kind === 'note' || item.kind === 'recount') return item.party;
  const outcome = item.outcome;
  if (outcome) {
    if ('party' in outcome) return outcome.party;
    if (outcome.kind === 'lost-to-noc' || outcome.kind === 'noc-hold' || outcome.kind === 'noc')
      return NO_OVERALL_CONTROL;
  }
  return item.party ?? item.to;
}

/** Build the view of one item. */
export function tickerItemView(
  item: TickerItem,
  feed: Feed,
  locale: string,
  t: Translator,
  options: { corrected?: boolean } = {},
): TickerItemView {
  const sentence = tickerSentence(item, feed, locale);
  const language = locale.split('-')[0]!.toLowerCase();
  const ownText =
    item.text !== undefined ||
    (item.texts !== undefined &&
      Object.keys(item.texts).some(
        (tag) => tag.toLowerCase() === locale.toLowerCase() || tag.toLowerCase().split('-')[0] === language,
      ));
  // A generated correction already starts "Correction:", so its badge names the result;
  // the publisher's own correction text may not say so, so its badge does.
  const fromOutcome =
    item.outcome && (item.kind !== 'correction' || !ownText) ? outcomeBadge(item.outcome, feed, locale, t) : undefined;
  const badge =
    item.kind === 'note' || item.kind === 'recount'
      ? t(`ticker.kind.${item.kind}`)
      : (fromOutcome ?? t(`ticker.kind.${item.kind}`));
  const url = item.url ?? (item.area !== undefined ? feedIndex(feed).areas.get(item.area)?.url : undefined);
  return {
    id: item.id,
    kind: item.kind,
    sentence,
    ownText,
    badge,
    colourKey: colourKeyOf(item),
    corrected: options.corrected ?? false,
    url: isWebLink(url) ? url : undefined,
    at: item.at,
  };
}

/** Beyond this age an item shows its date and time instead of "… ago". */
export const RELATIVE_TIME_LIMIT_MS = 12 * 60 * 60_000;

export interface TickerTimeLabel {
  /** What the line shows: "3 min ago", or "4 May, 02:41" for old items. */
  readonly text: string;
  /** The clock time, shown on hover and focus: "02:41". */
  readonly clock: string;
  /** Date and time in full, for the tooltip: "Friday 4 May 2018, 02:41". */
  readonly full: string;
  /** True when `text` is relative and needs refreshing as time passes. */
  readonly relative: boolean;
}

/** The time of an item as the reader sees it at `now`. */
export function tickerTimeLabel(at: string, now: number, locale: string, timeZone?: string): TickerTimeLabel {
  const then = parseTimestamp(at);
  // A validated feed carries no other kind of time; were one to come, it shows no time at all.
  if (then === undefined) return { text: '', clock: '', full: '', relative: false };
  const relative = Math.abs(now - then) < RELATIVE_TIME_LIMIT_MS;
  return {
    text: relative ? formatRelativeTime(then, now, locale) : formatDayTime(then, locale, timeZone),
    clock: formatTime(then, locale, timeZone),
    full: formatDateTime(then, locale, timeZone),
    relative,
  };
}

/**
 * How long until a relative time next changes its text, so the element refreshes only when
 * needed: every few seconds for the newest items, every half-minute for older ones.
 */
export function nextRelativeRefresh(times: readonly string[], now: number): number | undefined {
  let youngest = Infinity;
  for (const at of times) {
    const then = parseTimestamp(at);
    if (then === undefined) continue;
    const age = Math.abs(now - then);
    if (age < RELATIVE_TIME_LIMIT_MS) youngest = Math.min(youngest, age);
  }
  if (youngest === Infinity) return undefined;
  if (youngest < 60_000) return 5_000;
  if (youngest < 60 * 60_000) return 15_000;
  return 60_000;
}
