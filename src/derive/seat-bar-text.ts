/**
 * The seat bar's words, from its model: each item's name, figures and description, the title,
 * the caption, the summary sentence for screen readers, the majority label and the notices.
 * Pure: the same model, feed and language give the same strings. The seat bar's own messages
 * (`seatBar.*`) are registered by src/components/seat-bar/messages.ts.
 */
import type { Feed } from '../feed/schema.js';
import { isolate } from '../i18n/bidi.js';
import { capitalise, describeChange, formatChange, formatNumber, formatShare, safeLocale } from '../i18n/format.js';
import { translate, type MessageKey } from '../i18n/messages.js';
import type { FeedNames } from '../i18n/names.js';
import { describeProgress } from '../i18n/sentences.js';
import type { SeatBarItem } from './seat-bar-groups.js';
import type { SeatBarModel, SeatBarProblem } from './seat-bar-model.js';

type AreaType = NonNullable<Feed['meta']['election']['areaType']>;

/** Words for one item, in the reader's language. */
export interface ItemText {
  /** Full name: "Conservatives", "No overall control", "Still to declare". */
  readonly name: string;
  /** Short name: "Con", "NOC". */
  readonly short: string;
  /** "365 seats". */
  readonly count: string;
  /** "+48", when known. */
  readonly change: string | undefined;
  /** "43.6% of the vote", when known. */
  readonly share: string | undefined;
  /** "Includes PC 4, SDLP 2, …" for Others. */
  readonly members: string | undefined;
  /** Everything above in one sentence, for screen readers. */
  readonly description: string;
}

/** What the remainder is called, by what it is (see `SeatBarModel.remainder`). */
const REMAINDER_NAME: Readonly<Record<SeatBarModel['remainder'], MessageKey>> = {
  undeclared: 'party.undeclared',
  unreported: 'seatBar.unreported',
  'undeclared-or-unreported': 'seatBar.undeclaredOrUnreported',
};
const REMAINDER_SUMMARY: Readonly<Record<SeatBarModel['remainder'], MessageKey>> = {
  undeclared: 'seatBar.summaryUndeclared',
  unreported: 'seatBar.summaryUnreported',
  'undeclared-or-unreported': 'seatBar.summaryUndeclaredOrUnreported',
};

const listFormats = new Map<string, Intl.ListFormat>();

/** "A, B and C" in the language (units style: no "and" where the language has none). */
export function listFormat(items: readonly string[], locale: string): string {
  const tag = safeLocale(locale);
  let format = listFormats.get(tag);
  if (!format) {
    format = new Intl.ListFormat(tag, { style: 'long', type: 'unit' });
    listFormats.set(tag, format);
  }
  return format.format(items);
}

/** Words for every item of the model, by item key. */
export function itemTexts(model: SeatBarModel, names: FeedNames, locale: string): Map<string, ItemText> {
  const countKey = model.totals.measure === 'councils' ? 'count.councils' : 'count.seats';
  const texts = new Map<string, ItemText>();
  for (const item of model.items) {
    let name: string;
    let short: string;
    if (item.kind === 'others') name = short = translate(locale, 'party.others');
    else if (item.kind === 'undeclared') name = short = translate(locale, REMAINDER_NAME[model.remainder]);
    else {
      name = names.party(item.key);
      short = names.party(item.key, { short: true });
    }
    const count = translate(locale, countKey, { count: formatNumber(item.seats, locale) });
    const change = item.change !== undefined ? formatChange(item.change, locale) : undefined;
    const share =
      item.share !== undefined
        ? translate(locale, 'seatBar.share', { share: formatShare(item.share, locale) })
        : undefined;
    const members =
      item.kind === 'others'
        ? translate(locale, 'seatBar.othersMembers', {
            list: listFormat(
              item.members.map(
                (member) =>
                  `${isolate(names.party(member.party, { short: true }))} ${formatNumber(member.seats, locale)}`,
              ),
              locale,
            ),
          })
        : undefined;
    const description = [
      translate(locale, 'seatBar.item', { name: isolate(name), count }),
      item.change !== undefined ? describeChange(item.change, locale) : undefined,
      share,
    ]
      .filter((part) => part !== undefined)
      .join(', ');
    texts.set(item.key, {
      name,
      short,
      count,
      change,
      share,
      members,
      description: members ? `${description}. ${members}` : description,
    });
  }
  return texts;
}

/** Labels drawn inside segments: "Conservatives 365", "Con 365". */
export function itemLabels(
  items: readonly SeatBarItem[],
  texts: ReadonlyMap<string, ItemText>,
  locale: string,
): Map<string, { readonly full: string; readonly short: string }> {
  const labels = new Map<string, { readonly full: string; readonly short: string }>();
  for (const item of items) {
    const text = texts.get(item.key);
    if (!text) continue;
    const count = formatNumber(item.seats, locale);
    labels.set(item.key, {
      full: translate(locale, 'seatBar.label', { name: isolate(text.name), count }),
      short: translate(locale, 'seatBar.label', { name: isolate(text.short), count }),
    });
  }
  return labels;
}

/** The figure beside a row's bar: "202, −60". */
export function rowValue(item: SeatBarItem, locale: string): string {
  const seats = formatNumber(item.seats, locale);
  return item.change === undefined ? seats : `${seats}, ${formatChange(item.change, locale)}`;
}

/** "General election 2019: seats", "Sheffield: the whole council". `areaId`: the element's `area`. */
export function titleText(
  feed: Feed,
  model: SeatBarModel,
  names: FeedNames,
  locale: string,
  areaId: string | undefined,
): string {
  const totals = model.totals;
  if (totals.scope === 'area') {
    const area = isolate(names.area(areaId));
    const key = totals.view === 'composition' ? 'seatBar.title.composition' : 'seatBar.title.seatsWon';
    return translate(locale, key, { area });
  }
  return translate(locale, totals.measure === 'councils' ? 'seatBar.title.councils' : 'seatBar.title.seats', {
    title: isolate(feed.meta.election.title),
  });
}

/** "After 130 of 150 councils · Change since 2014", or for one area its status and what is counted. */
export function captionText(feed: Feed, model: SeatBarModel, locale: string, areaId: string | undefined): string {
  const totals = model.totals;
  const parts: string[] = [];
  if (totals.scope === 'area') {
    const area = feed.areas.find((candidate) => candidate.id === areaId);
    if (area && area.status !== 'declared') parts.push(translate(locale, `status.${area.status}`));
    if (totals.view === 'composition') parts.push(translate(locale, 'seatBar.view.composition'));
    else if (area?.seats?.total !== undefined && area.seats.up !== undefined && area.seats.up < area.seats.total) {
      parts.push(
        translate(locale, 'seatBar.view.seatsWon', {
          up: formatNumber(area.seats.up, locale),
          total: formatNumber(area.seats.total, locale),
        }),
      );
    } else parts.push(translate(locale, 'seatBar.view.seatsUp'));
  } else {
    parts.push(
      capitalise(
        describeProgress(totals.areasDeclared, totals.areasTotal, feed.meta.election.areaType ?? 'area', locale),
        locale,
      ),
    );
  }
  if (totals.baselineLabel && model.items.some((item) => item.change !== undefined))
    parts.push(isolate(totals.baselineLabel));
  return parts.join(' · ');
}

/** "Conservatives 365 seats, Labour 202, …; 326 needed for a majority; all 650 constituencies declared." */
export function summarySentence(
  model: SeatBarModel,
  texts: ReadonlyMap<string, ItemText>,
  locale: string,
  areaType: AreaType,
): string {
  const parts: string[] = [];
  const shown = model.items.filter((item) => item.kind !== 'undeclared');
  const list = shown.map((item, index) => {
    const name = isolate(texts.get(item.key)?.name ?? item.key);
    return index === 0
      ? translate(locale, 'seatBar.summaryFirst', {
          party: name,
          count: texts.get(item.key)?.count ?? formatNumber(item.seats, locale),
        })
      : translate(locale, 'seatBar.summaryNext', { party: name, count: formatNumber(item.seats, locale) });
  });
  if (list.length > 0) parts.push(listFormat(list, locale));
  const remainder = model.items.find((item) => item.kind === 'undeclared');
  if (remainder)
    parts.push(translate(locale, REMAINDER_SUMMARY[model.remainder], { count: formatNumber(remainder.seats, locale) }));
  if (model.majority !== undefined)
    parts.push(translate(locale, 'majority.needed', { count: formatNumber(model.majority, locale) }));
  const totals = model.totals;
  if (totals.scope === 'election')
    parts.push(describeProgress(totals.areasDeclared, totals.areasTotal, areaType, locale));
  return `${parts.join('; ')}.`;
}

/** "326 to win" (or, for one council, "for a majority"); empty without a majority. */
export function majorityLabel(model: SeatBarModel, locale: string): string {
  if (model.majority === undefined) return '';
  const count = formatNumber(model.majority, locale);
  return model.totals.scope === 'area'
    ? translate(locale, 'seatBar.forMajority', { count })
    : translate(locale, 'majority.toWin', { count });
}

/** What readers are told when there is no chart to draw. */
export function problemMessage(problem: SeatBarProblem, locale: string): string {
  switch (problem.kind) {
    case 'unknown-area':
      return translate(locale, 'feed.unknownArea', { id: problem.area });
    case 'no-councils':
      return translate(locale, 'seatBar.noCouncils');
    case 'no-seat-figures':
      return translate(locale, 'seatBar.noSeatFigures');
    case 'no-size':
      return translate(locale, 'seatBar.noSize');
  }
}

/** What developers are told on the console, in English. */
export function problemText(problem: SeatBarProblem): string {
  switch (problem.kind) {
    case 'unknown-area':
      return `there is no area "${problem.area}" in this feed`;
    case 'no-councils':
      return 'measure="councils" needs a feed that says who controls each area; this one does not';
    case 'no-seat-figures':
      return 'areas have declared but the feed has no seat figures for them: there is no seat chart to draw';
    case 'no-size':
      return 'the feed says neither how many seats there are nor any result: there is no chart to draw yet';
  }
}
