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
import { LitElement, html, type PropertyValues, type TemplateResult } from 'lit';
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
import {
  advanceTimeline,
  correctedIds,
  EMPTY_TIMELINE,
  revealPending,
  type TickerTimeline,
} from '../../derive/ticker-timeline.js';
import { AnnouncementBatcher, pageAnnouncementLedger, summariseAnnouncement } from './announcer.js';
import { nextRelativeRefresh, tickerItemView, type TickerItemView } from '../../derive/ticker-view.js';
import { tickerSentence } from '../../i18n/sentences.js';
import { translator, type Translator } from '../../i18n/messages.js';
import { rendersAsServer } from '../shared/server-render.js';
import { FeedElement } from '../shared/feed-element.js';
import { takeTurn } from '../../feed/turns.js';
import { partyPalette, type PartyColour } from '../shared/palette.js';
import { ResizeController } from '../shared/resize-controller.js';
import { ReaderAttention } from './attention.js';
import { RelativeClockController } from './clock-controller.js';
import { renderList, renderStrip, type TickerRenderView } from './render.js';
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

  /** New items wait while the reader is busy with the items (pointer, focus, scrolled in or past the top). */
  private readonly attention = new ReaderAttention(this, {
    sentinel: () => this.renderRoot.querySelector('.sentinel'),
    // Only the scrolling strip shows being held (it stops); the list needs no render for it.
    changed: () => {
      if (this.mode === 'strip') this.requestUpdate();
    },
    released: () => this.releaseIfFree(),
  });
  /**
   * Strip mode: the strip and its items, so that it scrolls exactly when they do not fit
   * (measured after layout, never during an update).
   */
  private readonly stripSize = new ResizeController(this, {
    targets: () => this.stripParts(),
    onResize: () => this.measureStrip(),
  });

  // What render needs, derived in willUpdate.
  private views: TickerItemView[] = [];
  private pendingCount = 0;
  private palette = new Map<string, PartyColour>();
  private scheme: 'light' | 'dark' = 'light';

  private readonly clock = new RelativeClockController(this, (now) =>
    nextRelativeRefresh(
      this.views.map((view) => view.at),
      now,
    ),
  );
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
    return this.paused || this.attention.engaged;
  }

  /** Items waiting behind the "new results" button (after filters). */
  get waitingCount(): number {
    return this.pendingCount;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.announcer.clear();
    pageAnnouncementLedger().release(this);
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
    const view: TickerRenderView = {
      t: this.t,
      locale: this.locale,
      timeZone: this.timeZone,
      mode,
      views: this.views,
      palette: this.palette,
      // A server render outlives its moment: clock times, never "3 min ago" (and so does the render that hydrates it).
      now: rendersAsServer(this) ? Number.POSITIVE_INFINITY : this.clock.now,
      entering: this.entering,
      paused: this.paused,
      held: this.held,
      stripScrolls: this.stripScrolls,
      reduceMotion: this.preferences.reduceMotion,
      pendingCount: this.pendingCount,
      filteredOut: (!isEmptyFilter(this.filter) && this.timeline.items.length > 0) || this.filterNothing,
      problems: this.problems,
      on: {
        ...this.attention.handlers,
        pauseClick: this.onPauseClick,
        showNewClick: this.onShowNewClick,
      },
    };
    return this.renderShell(() => (mode === 'strip' ? renderStrip(view) : renderList(view)), {
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
      const target = [...this.renderRoot.querySelectorAll<HTMLElement>('[data-id]')].find(
        (element) => element.dataset.id === id,
      );
      target?.focus();
    }
    this.flushOutbox();
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
      this.dispatchEvent(
        new CustomEvent<TickerItemEventDetail>('tally-ticker-item', { detail, bubbles: true, composed: true }),
      );
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
    for (const kind of problems.unknownKinds)
      this.warnOnce(`kinds: "${kind}" is not a kind of ticker item (use ${EVENT_KINDS.join(', ')})`);
  }

  // ---------------------------------------------------------------- geometry

  /** Strip mode: the visible window and the line of items in it (none in list mode). */
  private stripParts(): HTMLElement[] {
    const viewport = this.mode === 'strip' ? this.renderRoot.querySelector<HTMLElement>('.viewport') : null;
    const track = viewport?.querySelector<HTMLElement>('.track');
    return viewport && track ? [viewport, track] : [];
  }

  /** Strip mode: scroll only when the items do not fit. The distance reaches CSS as a number. */
  private measureStrip(): void {
    const [viewport, track] = this.stripParts();
    if (!viewport || !track) return;
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
}
