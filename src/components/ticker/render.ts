/**
 * The ticker's templates: the list (newest first) and the one-line strip, their items, the
 * pause and "new results" buttons, and the notices about filters naming nothing.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { EVENT_KINDS } from '../../feed/schema.js';
import type { TickerFilterProblems } from '../../derive/ticker-filter.js';
import { tickerTimeLabel, type TickerItemView } from '../../derive/ticker-view.js';
import { formatNumber } from '../../i18n/format.js';
import type { Translator } from '../../i18n/messages.js';
import type { PartyColour } from '../shared/palette.js';
import { styleMap } from '../shared/style-map.js';

/** What the ticker's templates draw from, for one render. */
export interface TickerRenderView {
  readonly t: Translator;
  readonly locale: string;
  readonly timeZone: string | undefined;
  readonly mode: 'list' | 'strip';
  /** The items shown, newest first. */
  readonly views: readonly TickerItemView[];
  readonly palette: ReadonlyMap<string, PartyColour>;
  /** The time relative times are counted from (ms). */
  readonly now: number;
  /** Ids of items that slid in with the latest reveal. */
  readonly entering: ReadonlySet<string>;
  readonly paused: boolean;
  /** New items wait: paused, or the reader is pointing at, focused in or scrolled into the items. */
  readonly held: boolean;
  /** Strip mode: the items are wider than the strip. */
  readonly stripScrolls: boolean;
  readonly reduceMotion: boolean;
  /** Items waiting behind the "new results" button. */
  readonly pendingCount: number;
  /** Items exist but none pass the filters, or the filters name nothing in this feed. */
  readonly filteredOut: boolean;
  readonly problems: TickerFilterProblems;
  readonly on: {
    pointerEnter(): void;
    pointerLeave(): void;
    focusIn(): void;
    focusOut(event: FocusEvent): void;
    listScroll(event: Event): void;
    pauseClick(): void;
    showNewClick(): void;
  };
}

export function renderList(view: TickerRenderView): TemplateResult {
  return html`
    <div class="header" part="header">
      <p class="title" part="title" id="title">${view.t('ticker.title')}</p>
      ${renderPauseButton(view)}
    </div>
    ${view.paused ? html`<p class="paused-note" part="paused-note">${view.t('ticker.paused')}</p>` : nothing}
    ${renderProblems(view)}
    ${renderNewResults(view)}
    ${
      view.views.length > 0
        ? html`<ol
          class="list"
          part="list"
          tabindex="0"
          aria-labelledby="title"
          aria-describedby="list-order"
          @pointerenter=${view.on.pointerEnter}
          @pointerleave=${view.on.pointerLeave}
          @focusin=${view.on.focusIn}
          @focusout=${view.on.focusOut}
          @scroll=${view.on.listScroll}
        >
          ${repeat(
            view.views,
            (item) => item.id,
            (item) => renderItem(view, item),
          )}
        </ol>
        <span class="visually-hidden" id="list-order">${view.t('ticker.listOrder')}</span>`
        : renderEmpty(view)
    }
  `;
}

export function renderStrip(view: TickerRenderView): TemplateResult {
  const scrolling = view.stripScrolls && !view.reduceMotion && view.views.length > 0;
  const items = (copy: boolean) =>
    html`<ul class="track" part=${copy ? 'list copy' : 'list'} aria-labelledby=${copy ? nothing : 'title'} aria-hidden=${copy ? 'true' : nothing} ?inert=${copy}>
      ${repeat(
        view.views,
        (item) => item.id,
        (item) => renderItem(view, item, copy),
      )}
    </ul>`;
  return html`<div class="strip" part="strip">
      <p class="title" part="title" id="title">${view.t('ticker.stripTitle')}</p>
      ${
        view.views.length > 0
          ? html`<div
            class="viewport"
            part="viewport"
            role="region"
            aria-labelledby="title"
            tabindex="0"
            ?data-held=${view.held}
            @pointerenter=${view.on.pointerEnter}
            @pointerleave=${view.on.pointerLeave}
            @focusin=${view.on.focusIn}
            @focusout=${view.on.focusOut}
          >
            <div class="marquee" ?data-scrolling=${scrolling}>${items(false)}${scrolling ? items(true) : nothing}</div>
          </div>`
          : renderEmpty(view)
      }
      ${renderNewResults(view)} ${renderPauseButton(view)}
    </div>
    ${renderProblems(view)}`;
}

function renderItem(view: TickerRenderView, item: TickerItemView, copy = false): TemplateResult {
  const colour = item.colourKey !== undefined ? view.palette.get(item.colourKey) : undefined;
  const time = tickerTimeLabel(item.at, view.now, view.locale, view.timeZone);
  const sentence =
    item.url && !copy ? html`<a href=${item.url} target="_blank" rel="noopener">${item.sentence}</a>` : item.sentence;
  return html`<li
    class="item"
    part="item"
    data-id=${copy ? nothing : item.id}
    data-kind=${item.kind}
    tabindex=${copy ? nothing : '-1'}
    ?data-new=${!copy && view.entering.has(item.id) && !view.reduceMotion}
    style=${styleMap(colour ? { '--_party': colour.fill, '--_party-text': colour.text } : {})}
  >
    <span class="badge" part="badge" ?data-neutral=${!colour}>${item.badge}</span>
    <span class="sentence" part="sentence" dir=${item.ownText ? 'auto' : nothing} title=${view.mode === 'strip' ? item.sentence : nothing}>${sentence}</span>
    <span class="when" part="time"
      ><time datetime=${item.at} title=${time.full}>${time.text}</time>${
        time.relative ? html`<span class="exact">, ${view.t('ticker.exactTime', { time: time.clock })}</span>` : nothing
      }</span
    >
    ${item.corrected ? html`<span class="corrected" part="corrected">${view.t('ticker.corrected')}</span>` : nothing}
  </li>`;
}

function renderPauseButton(view: TickerRenderView): TemplateResult {
  const paused = view.paused;
  return html`<button
    type="button"
    class="pause"
    part="pause-button"
    aria-label=${view.t(paused ? 'ticker.resumeLabel' : 'ticker.pauseLabel')}
    @click=${view.on.pauseClick}
  >
    <span class="icon" aria-hidden="true" data-icon=${paused ? 'play' : 'pause'}></span><span class="label">${view.t(paused ? 'ticker.resume' : 'ticker.pause')}</span>
  </button>`;
}

function renderNewResults(view: TickerRenderView): TemplateResult | typeof nothing {
  if (view.pendingCount === 0) return nothing;
  const params = { count: view.pendingCount, number: formatNumber(view.pendingCount, view.locale) };
  // The strip has one line: there the button says "3 new", and its name says it in full.
  const strip = view.mode === 'strip';
  return html`<button
    type="button"
    class="new-results"
    part="new-results"
    aria-label=${strip ? view.t('ticker.newResults', params) : nothing}
    @click=${view.on.showNewClick}
  >
    <span class="icon" aria-hidden="true" data-icon="up"></span
    ><span class="label">${view.t(strip ? 'ticker.newShort' : 'ticker.newResults', params)}</span>
  </button>`;
}

function renderEmpty(view: TickerRenderView): TemplateResult {
  const key = view.filteredOut ? 'ticker.emptyFiltered' : 'ticker.empty';
  return html`<p class="empty" part="empty">${view.t(key)}</p>`;
}

function renderProblems(view: TickerRenderView): TemplateResult | typeof nothing {
  const { unknownAreas, unknownParties, unknownKinds } = view.problems;
  if (unknownAreas.length + unknownParties.length + unknownKinds.length === 0) return nothing;
  return html`${unknownAreas.map((id) => html`<p class="notice" part="notice" data-kind="filter">${view.t('ticker.unknownArea', { id })}</p>`)}
  ${unknownParties.map((id) => html`<p class="notice" part="notice" data-kind="filter">${view.t('ticker.unknownParty', { id })}</p>`)}
  ${unknownKinds.map(
    (kind) =>
      html`<p class="notice" part="notice" data-kind="filter">${view.t('ticker.unknownKind', { kind, kinds: EVENT_KINDS.join(', ') })}</p>`,
  )}`;
}
