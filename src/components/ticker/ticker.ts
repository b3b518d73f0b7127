/**
 * `<tally-ticker>`: the running line of results, newest first. "Conservatives gain Redditch
 * from Labour", "Labour hold Sunderland", "Recount in Belsize ward", as they happen.
 *
 * Items are the feed's own `events` when it has them, otherwise derived from declarations and
 * from the difference between successive feeds (src/derive/ticker-items.ts). New items never
 * move what a reader is looking at: while the reader hovers, focuses or has scrolled into the
 * list, or has paused it, they wait behind a "Show 3 new results" button. Screen readers hear
 * a polite, throttled summary of each burst (never on first load, never while paused).
 */
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { styleMap } from '../shared/style-map.js';
import { EVENT_KINDS, type Feed } from '../../feed/schema.js';
import { mergeTickerItems, type TickerItem } from '../../derive/ticker-items.js';
import {
  filterMatchesNothing,
  filterTickerItems,
  isEmptyFilter,
  NO_FILTER,
  parseTickerFilter,
  tickerFilterProblems,
  type TickerFilter,
  type TickerFilterProblems,
} from '../../derive/ticker-filter.js';
import { advanceTimeline, correctedIds, EMPTY_TIMELINE, revealPending, type TickerTimeline } from '../../derive/ticker-timeline.js';
import { AnnouncementBatcher, pageAnnouncementLedger, summariseAnnouncement } from './announcer.js';
import { nextRelativeRefresh, tickerItemView, tickerTimeLabel, type TickerItemView } from '../../derive/ticker-view.js';
import { tickerSentence } from '../../i18n/sentences.js';
import { translator, type Translator } from '../../i18n/messages.js';
import { formatNumber } from '../../i18n/format.js';
import { FeedElement } from '../shared/feed-element.js';
import { takeTurn } from '../../feed/turns.js';
import { partyPalette, type PartyColour } from '../shared/palette.js';
import { RelativeClockController } from './clock-controller.js';
import { rendersAsServer } from '../shared/server-render.js';
import { tickerStyles } from './ticker.styles.js';
import './messages.js';

export type TickerMode = 'list' | 'strip';
const TICKER_MODES: readonly TickerMode[] = ['list', 'strip'];

/** `tally-ticker-item` detail: one new item, as data and as the sentence the reader sees. */
export interface TickerItemEventDetail {
  readonly item: TickerItem;
  /**
   * The sentence in the element's language: the publisher's own text when supplied. Feed names
   * in a generated sentence are set apart with Unicode isolates (U+2068 … U+2069), so that it
   * reads the right way round wherever it is shown.
   */
  readonly text: string;
  /** The feed the item arrived with. */
  readonly feed: Feed;
}

declare global {
  interface HTMLElementEventMap {
    'tally-ticker-item': CustomEvent<TickerItemEventDetail>;
  }
  interface HTMLElementTagNameMap {
    'tally-ticker': TallyTicker;
  }
}

const DEFAULT_MAX_ITEMS = 10;
/** How many results an announcement reads out before "and N more". */
const ANNOUNCED = 3;
/** `tally-ticker-item` events sent in one task: a larger burst is sent in portions, a task each. */
const EVENTS_PER_TASK = 250;

/**
 * @tag tally-ticker
 * @summary The live ticker: the latest results as one line each, newest first, as a list or a
 * one-line strip.
 *
 * @fires tally-ticker-item - For each new item after the first feed (not for what the first
 *   feed already holds), oldest first within a burst, only items that pass the filters, whether
 *   or not the reader has paused the display. `detail: { item, text, feed }`. Unlike the other
 *   elements' events this one follows data, not the reader: it exists so a live blog can
 *   auto-post results.
 * @fires tally-feed-update - A new feed was taken in (from the shared feed controller).
 * @fires tally-feed-error - The feed could not be loaded or used.
 * @fires tally-feed-stale - The feed has not been refreshed for several intervals.
 *
 * @csspart frame - The outer wrapper.
 * @csspart header - Title and pause button (list mode).
 * @csspart title - "Latest results" (list) or "Latest" (strip).
 * @csspart pause-button - The pause / resume button.
 * @csspart paused-note - "Paused: new results wait until you resume." (list mode).
 * @csspart new-results - The "Show 3 new results" button.
 * @csspart list - The list of items (`<ol>` in list mode, `<ul>` in strip mode; a scrolling strip's second, hidden copy is also `copy`).
 * @csspart strip - The one line of strip mode: title, items, buttons.
 * @csspart viewport - The strip's visible window (strip mode).
 * @csspart item - One item.
 * @csspart badge - The result in a few words on the party colour: "Con gain".
 * @csspart sentence - The item's sentence (a link when the feed gives one).
 * @csspart time - The item's time.
 * @csspart corrected - "Corrected", on an item a later correction replaces.
 * @csspart empty - Shown when there is nothing to list yet, or nothing matches the filters.
 * @csspart notice - Notices: no feed, failed feed, unknown filter ids.
 * @csspart status - The status line ("Updated 02:41").
 * @csspart error-detail - "Details for developers": why the feed failed, closed, under the notice or the status line.
 * @csspart watermark - The TEST DATA watermark.
 * @csspart skeleton - The loading placeholder.
 *
 * @cssprop --tally-ticker-min-height - Height reserved before data arrives (default 12 × the base font size in list mode, 2.75 × in strip mode).
 * @cssprop --tally-ticker-max-height - Makes the list a scroll box of this height (default none: the list is as tall as `max-items` lines).
 * @cssprop --tally-ticker-speed - Strip scrolling speed in pixels per second, a plain number (default 40).
 * @cssprop --tally-party-<id> - Party colour overrides, as for every widget.
 */
export class TallyTicker extends FeedElement(LitElement) {
  static override styles = tickerStyles;

  static override properties = {
    mode: { type: String, reflect: true },
    maxItems: { type: Number, attribute: 'max-items' },
    area: { type: String },
    party: { type: String },
    kinds: { type: String },
    paused: { type: Boolean, reflect: true },
    announcement: { state: true },
    stripScrolls: { state: true },
  };

  /** `list` (default): a vertical list. `strip`: one line for the top of a page, scrolling only when the reader allows motion. */
  declare mode: TickerMode;
  /** Most items shown (default 10). */
  declare maxItems: number | undefined;
  /** Only items about these areas: ids separated by spaces or commas. */
  declare area: string | undefined;
  /** Only items where these parties won, held, gained or lost: ids separated by spaces or commas ("noc" for no overall control). */
  declare party: string | undefined;
  /** Only these kinds: any of declaration, control-change, recount, correction, note. */
  declare kinds: string | undefined;
  /** The reader paused the ticker: new items wait behind the "new results" button and are not announced. */
  declare paused: boolean;

  /** The live region's current text. */
  declare private announcement: string;
  /** Strip mode: the items are wider than the strip and the reader allows motion. */
  declare private stripScrolls: boolean;

  private timeline: TickerTimeline = EMPTY_TIMELINE;
  private filter: TickerFilter = NO_FILTER;
  private unknownKinds: string[] = [];
  private problems: TickerFilterProblems = { unknownAreas: [], unknownParties: [], unknownKinds: [] };
  private t: Translator = translator('en-GB');
  /** Ids of items that slid in with the latest reveal (they animate once). */
  private entering = new Set<string>();
  /** Items held while paused, to be announced if the reader resumes. */
  private unannounced: TickerItem[] = [];
  /** New items waiting to be sent as `tally-ticker-item`, oldest first (their sentences made as they are sent). */
  private outbox: { item: TickerItem; feed: Feed; locale: string }[] = [];
  /** A later portion of the outbox is waiting for its task. */
  private outboxQueued = false;
  /** Id of an item to focus after the next render (after "Show new results"). */
  private focusAfterRender: string | undefined;

  private pointerInside = false;
  private focusInside = false;
  private listScrolled = false;
  private topAboveViewport = false;
  private intersection: IntersectionObserver | undefined;
  private resize: ResizeObserver | undefined;
  private observedStrip: { viewport: HTMLElement; track: HTMLElement } | undefined;

  // What render needs, derived in willUpdate.
  private views: TickerItemView[] = [];
  private pendingCount = 0;
  private palette = new Map<string, PartyColour>();
  private scheme: 'light' | 'dark' = 'light';

  private readonly clock = new RelativeClockController(this, (now) => nextRelativeRefresh(this.views.map((view) => view.at), now));
  private readonly announcer = new AnnouncementBatcher<TickerItem>((batch) => {
    const feed = this.timeline.feed;
    if (!feed) return;
    // Another ticker on the page may have read some of these out already (same feed, other filters).
    const key = (item: TickerItem) => `${feed.meta.election.id}\u0000${item.id}`;
    const unclaimed = new Set(pageAnnouncementLedger().claim(batch.map(key), this));
    const fresh = batch.filter((item) => unclaimed.has(key(item)));
    if (fresh.length === 0) return;
    // A batch spans several feeds: read it newest first, like the list. Only the sentences read out are made.
    const sentences = mergeTickerItems([], fresh, ANNOUNCED).map((item) => tickerSentence(item, feed, this.locale));
    this.announcement = summariseAnnouncement(sentences, this.t, this.locale, ANNOUNCED, fresh.length);
  });

  constructor() {
    super();
    this.mode = 'list';
    this.paused = false;
    this.announcement = '';
    this.stripScrolls = false;
  }

  /** True while new items should wait: paused, or the reader is pointing at, focused in, or scrolled into the items. */
  get held(): boolean {
    return this.paused || this.pointerInside || this.focusInside || this.listScrolled || this.topAboveViewport;
  }

  /** Items waiting behind the "new results" button (after filters). */
  get waitingCount(): number {
    return this.pendingCount;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.observeGeometry();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.announcer.clear();
    pageAnnouncementLedger().release(this);
    this.intersection?.disconnect();
    this.intersection = undefined;
    this.resize?.disconnect();
    this.resize = undefined;
    this.observedStrip = undefined;
    this.pointerInside = false;
    this.focusInside = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.t = translator(this.locale);
    if (changed.has('area') || changed.has('party') || changed.has('kinds')) {
      const parsed = parseTickerFilter({ area: this.area, party: this.party, kinds: this.kinds });
      this.filter = parsed.filter;
      this.unknownKinds = parsed.unknownKinds;
    }
    // A removed attribute (null) means the default, a list: nothing to warn about.
    if (changed.has('mode')) this.choice('mode', this.mode, TICKER_MODES, 'list');

    const feed = this.data.feed;
    if (!feed) {
      if (this.timeline !== EMPTY_TIMELINE) this.restart();
    } else if (feed !== this.timeline.feed) {
      this.takeFeed(feed);
    }
    // The reader pressed Resume (or host code cleared `paused`): show what waited.
    if (changed.has('paused') && changed.get('paused') === true && !this.paused) this.reveal({ announce: true });

    this.scheme = this.preferences.scheme(this.theme);
    this.views = [];
    this.pendingCount = 0;
    const shown = this.timeline.feed;
    if (shown) {
      this.problems = tickerFilterProblems(this.filter, shown, this.unknownKinds);
      this.reportProblems(this.problems);
      const corrected = correctedIds(this.timeline.items);
      this.views = filterTickerItems(this.timeline.items, this.filter)
        .slice(0, this.limit)
        .map((item) => tickerItemView(item, shown, this.locale, this.t, { corrected: corrected.has(item.id) }));
      this.pendingCount = filterTickerItems(this.timeline.pending, this.filter).length;
      const keys = this.views.map((view) => view.colourKey).filter((key): key is string => key !== undefined);
      this.palette = partyPalette(this, shown, this.scheme, keys);
    }
  }

  protected override render(): TemplateResult {
    const mode = this.mode === 'strip' ? 'strip' : 'list';
    return this.renderShell(() => (mode === 'strip' ? this.renderStrip() : this.renderList()), {
      feed: this.timeline.feed,
      mode,
      lead: html`<div class="sentinel" aria-hidden="true"></div>`,
      tail: html`<div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>`,
      // The strip is one line: "Updated 02:41" only when something is wrong.
      statusLine: !(mode === 'strip' && this.data.status.kind === 'current'),
    });
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.focusAfterRender !== undefined) {
      const id = this.focusAfterRender;
      this.focusAfterRender = undefined;
      const target = [...this.renderRoot.querySelectorAll<HTMLElement>('[data-id]')].find((element) => element.dataset.id === id);
      target?.focus();
    }
    this.observeStrip();
    this.flushOutbox();
  }

  protected override firstUpdated(): void {
    this.observeGeometry();
  }

  // ---------------------------------------------------------------- rendering

  private renderList(): TemplateResult {
    return html`
      <div class="header" part="header">
        <p class="title" part="title" id="title">${this.t('ticker.title')}</p>
        ${this.renderPauseButton()}
      </div>
      ${this.paused ? html`<p class="paused-note" part="paused-note">${this.t('ticker.paused')}</p>` : nothing}
      ${this.renderProblems()}
      ${this.renderNewResults()}
      ${this.views.length > 0
        ? html`<ol
            class="list"
            part="list"
            tabindex="0"
            aria-labelledby="title"
            aria-describedby="list-order"
            @pointerenter=${this.onPointerEnter}
            @pointerleave=${this.onPointerLeave}
            @focusin=${this.onFocusIn}
            @focusout=${this.onFocusOut}
            @scroll=${this.onListScroll}
          >
            ${repeat(this.views, (view) => view.id, (view) => this.renderItem(view))}
          </ol>
          <span class="visually-hidden" id="list-order">${this.t('ticker.listOrder')}</span>`
        : this.renderEmpty()}
    `;
  }

  private renderStrip(): TemplateResult {
    const scrolling = this.stripScrolls && !this.preferences.reduceMotion && this.views.length > 0;
    const items = (copy: boolean) =>
      html`<ul class="track" part=${copy ? 'list copy' : 'list'} aria-labelledby=${copy ? nothing : 'title'} aria-hidden=${copy ? 'true' : nothing} ?inert=${copy}>
        ${repeat(this.views, (view) => view.id, (view) => this.renderItem(view, copy))}
      </ul>`;
    return html`<div class="strip" part="strip">
        <p class="title" part="title" id="title">${this.t('ticker.stripTitle')}</p>
        ${this.views.length > 0
          ? html`<div
              class="viewport"
              part="viewport"
              role="region"
              aria-labelledby="title"
              tabindex="0"
              ?data-held=${this.held}
              @pointerenter=${this.onPointerEnter}
              @pointerleave=${this.onPointerLeave}
              @focusin=${this.onFocusIn}
              @focusout=${this.onFocusOut}
            >
              <div class="marquee" ?data-scrolling=${scrolling}>${items(false)}${scrolling ? items(true) : nothing}</div>
            </div>`
          : this.renderEmpty()}
        ${this.renderNewResults()} ${this.renderPauseButton()}
      </div>
      ${this.renderProblems()}`;
  }

  private renderItem(view: TickerItemView, copy = false): TemplateResult {
    const colour = view.colourKey !== undefined ? this.palette.get(view.colourKey) : undefined;
    // A server render outlives its moment: clock times, never "3 min ago" (and so does the render that hydrates it).
    const time = tickerTimeLabel(view.at, rendersAsServer(this) ? Number.POSITIVE_INFINITY : this.clock.now, this.locale, this.timeZone);
    const sentence = view.url && !copy ? html`<a href=${view.url} target="_blank" rel="noopener">${view.sentence}</a>` : view.sentence;
    return html`<li
      class="item"
      part="item"
      data-id=${copy ? nothing : view.id}
      data-kind=${view.kind}
      tabindex=${copy ? nothing : '-1'}
      ?data-new=${!copy && this.entering.has(view.id) && !this.preferences.reduceMotion}
      style=${styleMap(colour ? { '--_party': colour.fill, '--_party-text': colour.text } : {})}
    >
      <span class="badge" part="badge" ?data-neutral=${!colour}>${view.badge}</span>
      <span class="sentence" part="sentence" dir=${view.ownText ? 'auto' : nothing} title=${this.mode === 'strip' ? view.sentence : nothing}>${sentence}</span>
      <span class="when" part="time"
        ><time datetime=${view.at} title=${time.full}>${time.text}</time>${time.relative
          ? html`<span class="exact">, ${this.t('ticker.exactTime', { time: time.clock })}</span>`
          : nothing}</span
      >
      ${view.corrected ? html`<span class="corrected" part="corrected">${this.t('ticker.corrected')}</span>` : nothing}
    </li>`;
  }

  private renderPauseButton(): TemplateResult {
    const paused = this.paused;
    return html`<button
      type="button"
      class="pause"
      part="pause-button"
      aria-label=${this.t(paused ? 'ticker.resumeLabel' : 'ticker.pauseLabel')}
      @click=${this.onPauseClick}
    >
      <span class="icon" aria-hidden="true" data-icon=${paused ? 'play' : 'pause'}></span><span class="label">${this.t(paused ? 'ticker.resume' : 'ticker.pause')}</span>
    </button>`;
  }

  private renderNewResults(): TemplateResult | typeof nothing {
    if (this.pendingCount === 0) return nothing;
    const params = { count: this.pendingCount, number: formatNumber(this.pendingCount, this.locale) };
    // The strip has one line: there the button says "3 new", and its name says it in full.
    const strip = this.mode === 'strip';
    return html`<button
      type="button"
      class="new-results"
      part="new-results"
      aria-label=${strip ? this.t('ticker.newResults', params) : nothing}
      @click=${this.onShowNewClick}
    >
      <span class="icon" aria-hidden="true" data-icon="up"></span
      ><span class="label">${this.t(strip ? 'ticker.newShort' : 'ticker.newResults', params)}</span>
    </button>`;
  }

  private renderEmpty(): TemplateResult {
    // Items exist but none pass the filters, or the filters name nothing in this feed.
    const filteredOut = (!isEmptyFilter(this.filter) && this.timeline.items.length > 0) || this.filterNothing;
    const key = filteredOut ? 'ticker.emptyFiltered' : 'ticker.empty';
    return html`<p class="empty" part="empty">${this.t(key)}</p>`;
  }

  private renderProblems(): TemplateResult | typeof nothing {
    const { unknownAreas, unknownParties, unknownKinds } = this.problems;
    if (unknownAreas.length + unknownParties.length + unknownKinds.length === 0) return nothing;
    return html`${unknownAreas.map((id) => html`<p class="notice" part="notice" data-kind="filter">${this.t('ticker.unknownArea', { id })}</p>`)}
    ${unknownParties.map((id) => html`<p class="notice" part="notice" data-kind="filter">${this.t('ticker.unknownParty', { id })}</p>`)}
    ${unknownKinds.map(
      (kind) => html`<p class="notice" part="notice" data-kind="filter">${this.t('ticker.unknownKind', { kind, kinds: EVENT_KINDS.join(', ') })}</p>`,
    )}`;
  }

  // ---------------------------------------------------------------- data

  private get limit(): number {
    return Math.floor(this.countSetting('max-items', this.maxItems, 1, DEFAULT_MAX_ITEMS) ?? DEFAULT_MAX_ITEMS);
  }

  private get filterNothing(): boolean {
    return filterMatchesNothing(this.filter, this.problems);
  }

  private takeFeed(feed: Feed): void {
    const step = advanceTimeline(this.timeline, feed, { hold: this.held });
    this.timeline = step.timeline;
    if (step.restarted) {
      this.announcer.clear();
      this.entering = new Set();
      this.unannounced = [];
      return;
    }
    // Filtered, newest first.
    const fresh = filterTickerItems(step.fresh, this.filter);
    if (fresh.length === 0) return;
    for (let i = fresh.length - 1; i >= 0; i--) this.outbox.push({ item: fresh[i]!, feed, locale: this.locale });
    if (this.paused) this.unannounced.push(...fresh);
    else this.announcer.add(fresh);
    if (!this.held) this.entering = new Set(fresh.map((item) => item.id));
  }

  private restart(): void {
    this.timeline = EMPTY_TIMELINE;
    this.announcer.clear();
    this.entering = new Set();
    this.unannounced = [];
    this.announcement = '';
  }

  /** Put held items on screen. */
  private reveal({ announce }: { announce: boolean }): string[] {
    const shown = filterTickerItems(this.timeline.pending, this.filter).map((item) => item.id);
    if (this.timeline.pending.length > 0) {
      this.timeline = revealPending(this.timeline);
      this.entering = new Set(shown);
    }
    if (announce) this.announcer.add(filterTickerItems(this.unannounced, this.filter));
    this.unannounced = [];
    return shown;
  }

  /** Reveal what waited once nothing holds it any more (the pointer left, focus left, the reader scrolled back). */
  private releaseIfFree(): void {
    if (this.held || this.timeline.pending.length === 0) return;
    this.reveal({ announce: false });
    this.requestUpdate();
  }

  /**
   * Send what the outbox holds, oldest first: all of it when it is a usual handful, else a
   * portion now and the rest in tasks of their own (10,000 declarations at once are 10,000
   * events, each with its sentence).
   */
  private flushOutbox(): void {
    const portion = this.outbox.splice(0, EVENTS_PER_TASK);
    for (const { item, feed, locale } of portion) {
      const detail: TickerItemEventDetail = { item, text: tickerSentence(item, feed, locale), feed };
      this.dispatchEvent(new CustomEvent<TickerItemEventDetail>('tally-ticker-item', { detail, bubbles: true, composed: true }));
    }
    if (this.outbox.length === 0 || this.outboxQueued) return;
    this.outboxQueued = true;
    void takeTurn(() => {
      this.outboxQueued = false;
      if (this.isConnected) this.flushOutbox();
    });
  }

  private reportProblems(problems: TickerFilterProblems): void {
    for (const id of problems.unknownAreas) this.warnOnce(`area="${id}": there is no area "${id}" in this feed`);
    for (const id of problems.unknownParties) this.warnOnce(`party="${id}": there is no party "${id}" in this feed`);
    for (const kind of problems.unknownKinds) this.warnOnce(`kinds: "${kind}" is not a kind of ticker item (use ${EVENT_KINDS.join(', ')})`);
  }

  // ---------------------------------------------------------------- geometry

  private observeGeometry(): void {
    const sentinel = this.renderRoot.querySelector('.sentinel');
    if (sentinel && typeof IntersectionObserver !== 'undefined' && !this.intersection) {
      this.intersection = new IntersectionObserver((entries) => {
        const entry = entries[entries.length - 1];
        if (!entry) return;
        const top = entry.rootBounds?.top ?? 0;
        const above = !entry.isIntersecting && entry.boundingClientRect.top < top;
        if (above === this.topAboveViewport) return;
        this.topAboveViewport = above;
        this.releaseIfFree();
      });
      this.intersection.observe(sentinel);
    }
    this.observeStrip();
  }

  /**
   * Strip mode: watch the strip and its items, so that it scrolls exactly when they do not fit
   * (measured after layout, never during an update).
   */
  private observeStrip(): void {
    const viewport = this.mode === 'strip' ? this.renderRoot.querySelector<HTMLElement>('.viewport') : null;
    const track = viewport?.querySelector<HTMLElement>('.track') ?? null;
    if (viewport === this.observedStrip?.viewport && track === this.observedStrip?.track) return;
    this.resize?.disconnect();
    this.observedStrip = viewport && track ? { viewport, track } : undefined;
    // (Back in strip mode, the observer measures again before the strip can scroll.)
    if (!this.observedStrip || typeof ResizeObserver === 'undefined') return;
    this.resize ??= new ResizeObserver(() => this.measureStrip());
    this.resize.observe(viewport!);
    this.resize.observe(track!);
  }

  /** Strip mode: scroll only when the items do not fit. The distance reaches CSS as a number. */
  private measureStrip(): void {
    if (!this.observedStrip) return;
    const { viewport, track } = this.observedStrip;
    const marquee = track.parentElement;
    if (!marquee) return;
    const width = track.getBoundingClientRect().width;
    marquee.style.setProperty('--_distance', String(Math.round(width)));
    const overflows = width > viewport.clientWidth + 1;
    if (overflows !== this.stripScrolls) this.stripScrolls = overflows;
  }

  // ---------------------------------------------------------------- event handlers

  private onPauseClick(): void {
    this.paused = !this.paused;
  }

  private onShowNewClick(): void {
    const shown = this.reveal({ announce: false });
    const revealed = new Set(shown);
    this.focusAfterRender = this.timeline.items.find((item) => revealed.has(item.id))?.id;
    const list = this.renderRoot.querySelector<HTMLElement>('.list');
    if (list) list.scrollTop = 0;
    this.requestUpdate();
  }

  private onPointerEnter(): void {
    this.pointerInside = true;
    this.showHeld();
  }

  private onPointerLeave(): void {
    this.pointerInside = false;
    this.showHeld();
    this.releaseIfFree();
  }

  private onFocusIn(): void {
    this.focusInside = true;
    this.showHeld();
  }

  private onFocusOut(event: FocusEvent): void {
    const container = event.currentTarget as HTMLElement;
    if (event.relatedTarget instanceof Node && container.contains(event.relatedTarget)) return;
    this.focusInside = false;
    this.showHeld();
    this.releaseIfFree();
  }

  /** Only the scrolling strip shows being held (it stops); the list needs no render for it. */
  private showHeld(): void {
    if (this.mode === 'strip') this.requestUpdate();
  }

  private onListScroll(event: Event): void {
    const scrolled = (event.currentTarget as HTMLElement).scrollTop > 4;
    if (scrolled === this.listScrolled) return;
    this.listScrolled = scrolled;
    this.releaseIfFree();
  }
}
