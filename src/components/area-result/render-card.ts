/**
 * The card of one area: the way back to the area it is part of, its name, type and region,
 * its status with the declared or expected time, the outcome in words, then the contest or
 * the council (render-contest.ts, render-council.ts), a note and a link to the full result.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Feed } from '../../feed/schema.js';
import { isWebLink } from '../../feed/sanitise.js';
import type { AreaResultView } from '../../derive/area-result.js';
import { formatDateTime, formatTime } from '../../i18n/format.js';
import { isolate } from '../../i18n/bidi.js';
import { translate } from '../../i18n/messages.js';
import { feedIndex } from '../../feed/lookup.js';
import { feedNames } from '../../i18n/names.js';
import { describeOutcome } from '../../i18n/sentences.js';
import { fallbackPartyColour, partyColourProperty, resolvePartyColour } from '../../theme/party-colours.js';
import { partyPalette, type PartyColour } from '../shared/palette.js';
import { rendersAsServer } from '../shared/server-render.js';
import { renderContest, type CardContext } from './render-contest.js';
import { renderCouncil } from './render-council.js';

export interface CardOptions {
  readonly locale: string;
  readonly timeZone: string | undefined;
  readonly scheme: 'light' | 'dark';
  /** Show another area on the reader's request: a ward, or the area this one is part of. */
  readonly open: (id: string, source: 'ward' | 'parent') => void;
}

/**
 * Colours for the parties on the card. In the browser, the page's `--tally-party-<id>` first
 * (read from the host's computed style); on the server, where there is no computed style, the
 * same order left to CSS: `var(--tally-party-<id>, <the feed's or built-in colour>)`.
 */
function cardPalette(
  host: Element,
  feed: Feed,
  scheme: 'light' | 'dark',
  ids: Iterable<string>,
): Map<string, PartyColour> {
  // The server, and the browser's render that hydrates the server's markup (the same values).
  if (!rendersAsServer(host)) return partyPalette(host, feed, scheme, ids);
  const parties = feedIndex(feed).parties;
  const palette = new Map<string, PartyColour>();
  for (const id of ids) {
    const colour = resolvePartyColour(id, scheme, parties.get(id), '', fallbackPartyColour(feed, id));
    palette.set(id, { fill: `var(${partyColourProperty(id)}, ${colour})`, text: 'inherit' });
  }
  return palette;
}

function renderStatus(view: AreaResultView, options: CardOptions): TemplateResult {
  const { locale, timeZone } = options;
  const at = view.declaredAt ?? view.expectedAt;
  const status = translate(locale, `status.${view.status}`);
  if (at === undefined) return html`${status}`;
  const key = view.declaredAt !== undefined ? 'areaResult.declaredAt' : 'areaResult.expectedAt';
  const [before, after] = translate(locale, key, { time: '\u0000' }).split('\u0000');
  const time = html`<time datetime=${at} title=${formatDateTime(at, locale, timeZone)}
    >${formatTime(at, locale, timeZone)}</time
  >`;
  return view.declaredAt !== undefined ? html`${before}${time}${after}` : html`${status} · ${before}${time}${after}`;
}

/** The outcome the card states: only once declared, and only when it says more than "Declared". */
export function cardOutcome(view: AreaResultView, feed: Feed, locale: string): string | undefined {
  return view.status === 'declared' && view.outcome.kind !== 'declared'
    ? describeOutcome(view.outcome, feed, locale, false)
    : undefined;
}

export function renderCard(host: Element, view: AreaResultView, feed: Feed, options: CardOptions): TemplateResult {
  const { locale } = options;
  const names = feedNames(feed, locale);
  const ids = new Set<string>(['other']);
  if (view.body.kind === 'contest') for (const line of view.body.lines) ids.add(line.colourKey);
  if (view.body.kind === 'council') {
    for (const line of [...view.body.seatsWon, ...(view.body.composition?.parties ?? [])]) ids.add(line.party);
  }
  const context: CardContext = {
    locale,
    timeZone: options.timeZone,
    names,
    palette: cardPalette(host, feed, options.scheme, ids),
  };
  const name = names.area(view.id);
  const outcome = cardOutcome(view, feed, locale);
  const kind = [view.type, view.region].filter((part): part is string => Boolean(part));
  return html`<section
    class="card"
    part="card"
    aria-label=${translate(locale, 'areaResult.label', { name: isolate(name) })}
    data-area=${view.id}
  >
    ${
      view.parent !== undefined
        ? html`<button type="button" class="back" part="back" @click=${() => options.open(view.parent!, 'parent')}>
            <span class="back-arrow" aria-hidden="true">←</span
            >${translate(locale, 'areaResult.backTo', { name: isolate(names.area(view.parent)) })}
          </button>`
        : nothing
    }
    <div class="head">
      <bdi class="title" part="title" tabindex="-1">${name}</bdi>
      ${kind.length > 0 ? html`<span class="kind">${kind.map(isolate).join(' · ')}</span>` : nothing}
    </div>
    <p class="status-badge" part="status-badge" data-status=${view.status}>${renderStatus(view, options)}</p>
    ${outcome ? html`<p class="outcome" part="outcome">${outcome}</p>` : nothing}
    ${
      view.body.kind === 'contest'
        ? renderContest(view.body, view.baselineLabel, context)
        : view.body.kind === 'council'
          ? renderCouncil(view.body, feed, view.baselineLabel, context, (id) => options.open(id, 'ward'))
          : html`<p class="note">${translate(locale, 'areaResult.noFigures')}</p>`
    }
    ${view.note ? html`<p class="note">${view.note}</p>` : nothing}
    ${
      isWebLink(view.url)
        ? html`<p class="note">
            <a href=${view.url!} target="_blank" rel="noopener"
              >${translate(locale, 'areaResult.fullResult', { name: isolate(name) })}</a
            >
          </p>`
        : nothing
    }
  </section>`;
}
