/**
 * Words for outcomes and ticker items, from structured data and the message tables.
 * The publisher's own text wins when the feed supplies it.
 */
import type { Feed } from '../feed/schema.js';
import type { AreaOutcome } from '../derive/area-outcome.js';
import type { Progress } from '../derive/progress.js';
import type { TickerItem } from '../derive/ticker-items.js';
import { formatNumber } from './format.js';
import { translate } from './messages.js';
import { feedNames } from './names.js';

/**
 * An outcome in the short form lists use: "Con gain from Lab", "No overall control (Lab lost)",
 * "Awaiting result". Party names are short names unless `short` is false.
 */
export function describeOutcome(outcome: AreaOutcome, feed: Feed, locale: string, short = true): string {
  const names = feedNames(feed, locale, { isolated: true });
  switch (outcome.kind) {
    case 'awaiting':
    case 'counting':
    case 'recount':
    case 'postponed':
    case 'no-election':
      return translate(locale, `status.${outcome.kind}`);
    case 'hold':
    case 'won':
    case 'gain-from-noc':
      return translate(locale, `outcome.${outcome.kind}`, { party: names.party(outcome.party, { short }) });
    case 'gain':
      return translate(locale, 'outcome.gain', {
        party: names.party(outcome.party, { short }),
        from: names.party(outcome.from, { short }),
      });
    case 'lost-to-noc':
      return translate(locale, 'outcome.lost-to-noc', { from: names.party(outcome.from, { short }) });
    case 'noc-hold':
    case 'noc':
    case 'declared':
      return translate(locale, `outcome.${outcome.kind}`);
  }
}

/** A full sentence about one area: "Conservatives gain Redditch from Labour". */
export function outcomeSentence(outcome: AreaOutcome, areaId: string, feed: Feed, locale: string): string {
  const names = feedNames(feed, locale, { isolated: true });
  const area = names.area(areaId);
  switch (outcome.kind) {
    case 'gain':
      return translate(locale, 'sentence.gain', {
        party: names.party(outcome.party),
        from: names.party(outcome.from),
        area,
      });
    case 'lost-to-noc':
      return translate(locale, 'sentence.lost-to-noc', { from: names.party(outcome.from), area });
    case 'hold':
    case 'won':
    case 'gain-from-noc':
      return translate(locale, `sentence.${outcome.kind}`, { party: names.party(outcome.party), area });
    default:
      return translate(locale, `sentence.${outcome.kind}`, { area });
  }
}

/** The sentence for a ticker item, in the reader's language. */
export function tickerSentence(item: TickerItem, feed: Feed, locale: string): string {
  const language = locale.split('-')[0]!.toLowerCase();
  // Own keys only: a language such as "constructor" must not find what every object inherits.
  const texts = item.texts;
  const own =
    (texts &&
      ((Object.hasOwn(texts, locale) ? texts[locale] : undefined) ??
        Object.entries(texts).find(([tag]) => tag.toLowerCase().split('-')[0] === language)?.[1])) ??
    item.text;
  if (own) return own;
  const names = feedNames(feed, locale, { isolated: true });
  if (item.kind === 'recount') return translate(locale, 'sentence.recount', { area: names.area(item.area) });
  const sentence =
    item.outcome && item.area !== undefined
      ? outcomeSentence(item.outcome, item.area, feed, locale)
      : names.area(item.area);
  return item.kind === 'correction' ? translate(locale, 'sentence.correction', { sentence }) : sentence;
}

/** "after 130 of 150 councils", "all 150 councils declared", "no results declared yet". */
export function describeProgress(
  declared: number,
  total: number,
  areaType: Progress['areaType'],
  locale: string,
): string {
  const areas = translate(locale, `areaType.${areaType}`, { count: total });
  if (declared === 0) return translate(locale, 'progress.none');
  if (declared >= total)
    return translate(locale, 'progress.complete', { count: total, total: formatNumber(total, locale), areas });
  return translate(locale, 'progress.after', {
    declared: formatNumber(declared, locale),
    total: formatNumber(total, locale),
    areas,
  });
}
