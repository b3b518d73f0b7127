/**
 * <tally-area-result>: one area's result, and a reader finding their own: a constituency or
 * ward with its candidates, or a council with its seats, control and wards.
 */
import { html, isServer, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import type { Area, Feed } from '../../feed/schema.js';
import { checkPostcodeService, parseFieldPaths, POSTCODE_TIMEOUT_MS } from '../../feed/postcode.js';
import { areaResult, findArea, sameAreaInputs, type AreaResultView } from '../../derive/area-result.js';
import { areaSearchIndex, searchAreas, type AreaMatch } from '../../derive/area-search.js';
import { COMBOBOX_INITIAL, comboboxReducer, type ComboboxAction, type ComboboxState } from '../../derive/combobox.js';
import { areaForCodes, readAreaFragment, writeAreaFragment } from '../../derive/area-link.js';
import { messagesVersion, translate } from '../../i18n/messages.js';
import { feedNames } from '../../i18n/names.js';
import { canonicalLocale } from '../../i18n/language-tag.js';
import { FeedElement } from '../shared/feed-element.js';
import { elementLocale } from '../shared/locale.js';
import { widgetStyles } from '../shared/styles.js';
import { areaResultStyles } from './area-result.styles.js';
import { PostcodeController, type PostcodeState } from './postcode-controller.js';
import { renderPostcode, renderSearch } from './render-chooser.js';
import { cardOutcome, renderCard } from './render-card.js';
import './messages.js';

/** How a reader changed the area. */
export type AreaChangeSource = 'search' | 'postcode' | 'ward' | 'parent' | 'link' | 'council-list';

/** `tally-area-change` detail: the area a reader chose. */
export interface AreaChangeDetail {
  readonly id: string;
  /** The area from the feed. */
  readonly area: Area | undefined;
  readonly source: AreaChangeSource;
}

declare global {
  interface HTMLElementEventMap {
    'tally-area-change': CustomEvent<AreaChangeDetail>;
  }
  interface HTMLElementTagNameMap {
    'tally-area-result': TallyAreaResult;
  }
}

/** Suggestions shown at once in the search list. */
const MAX_SUGGESTIONS = 10;

/**
 * The result of one area: its status and outcome in words ("Labour hold", "Conservatives gain
 * from Labour"), then for a contest its candidates by votes (party colour, vote share bar,
 * votes, share and change, the elected marked, majority, turnout, rejected ballots), and for a
 * council the seats won of the seats up, the whole council after with its majority line,
 * control before and after, and its wards, each opening the ward's result with a way back.
 * Only the feed's own figures are shown: what it lacks is left out, never shown as zero.
 *
 * Readers can choose the area: by name (`search`, an accessible combobox that ignores accents
 * and case and knows Welsh names), by postcode (`postcode-url`, `postcode-field`: the
 * newsroom's look-up service), from the page's URL (`link`), or from a council list on the
 * same page (`follow`). An update of the feed that does not touch the area shown leaves the
 * card as it is.
 *
 * @tag tally-area-result
 * @summary One area's result (a constituency, a ward or a council), with search and postcode look-up.
 *
 * @fires tally-area-change - A reader chose another area (search, postcode, a ward, the way back, the URL, a followed council list); never on data updates or when `area` is set. Detail: `{ id, area, source }`.
 * @fires tally-feed-update - A new feed is shown (from FeedController).
 * @fires tally-feed-error - The feed could not be loaded or used (from FeedController).
 * @fires tally-feed-stale - The feed has not been confirmed for a while (from FeedController).
 *
 * @csspart frame - The outer box.
 * @csspart search - The search box, its label and hint.
 * @csspart search-input - The search text box (`role="combobox"`).
 * @csspart search-list - The list of suggestions.
 * @csspart search-option - One suggestion.
 * @csspart postcode - The postcode form.
 * @csspart postcode-input - The postcode text box.
 * @csspart postcode-button - The Find button.
 * @csspart postcode-message - What the look-up found, or why it did not.
 * @csspart card - The result of the area.
 * @csspart back - The way back to the area this one is part of (a ward's council).
 * @csspart title - The area's name.
 * @csspart status-badge - Its status, and the declared or expected time.
 * @csspart outcome - The outcome in words.
 * @csspart candidates - The list of candidates (or parties).
 * @csspart candidate - One candidate (also `candidate-elected` for each one elected).
 * @csspart candidate-name - A candidate's name.
 * @csspart candidate-party - A candidate's party.
 * @csspart elected - The "Elected" mark.
 * @csspart swatch - A party colour.
 * @csspart bar - A vote share bar.
 * @csspart facts - Majority, turnout, electorate, rejected ballots.
 * @csspart baseline - What changes are measured against.
 * @csspart control - Control before and after, and the largest party.
 * @csspart seats-won - The table of seats won at this election.
 * @csspart composition - The whole council after the election.
 * @csspart council-bar - Its bar, with the majority line.
 * @csspart key - The key under the bar, with every party's seats.
 * @csspart wards - The list of wards.
 * @csspart ward - One ward's button.
 * @csspart notice - A message in place of the card: no area chosen, an unknown area, no feed, failed.
 * @csspart skeleton - The placeholder while loading.
 * @csspart status - The status line ("Updated 02:41").
 * @csspart error-detail - "Details for developers", closed.
 * @csspart watermark - The TEST DATA watermark.
 *
 * @cssprop --tally-area-result-min-height - Height reserved before the data arrives (default 20 × the base font size).
 * @cssprop --tally-area-result-bar-height - Thickness of the vote share bars (default 0.5 × the base font size).
 * @cssprop --tally-party-<id> - Colour of one party (CSS variable, then feed colour, then built-in default).
 */
export class TallyAreaResult extends FeedElement(LitElement) {
  static override styles = [widgetStyles, areaResultStyles];

  static override properties = {
    area: { type: String },
    search: { type: Boolean },
    postcodeUrl: { type: String, attribute: 'postcode-url' },
    postcodeField: { type: String, attribute: 'postcode-field' },
    postcodeTimeout: { type: Number, attribute: 'postcode-timeout' },
    link: { type: Boolean },
    follow: { type: String },
    chosen: { state: true },
  };

  /** Id of the area to show (a GSS code such as E08000019). A reader's choice replaces it until it is set again. */
  declare area: string | undefined;
  /** Show a search box: readers find an area by name. */
  declare search: boolean;
  /** Postcode look-up service: a URL with `{postcode}` (`https://api.postcodes.io/postcodes/{postcode}`). */
  declare postcodeUrl: string | undefined;
  /** Dot path(s) to the area code(s) in the service's answer, in order of preference (`result.codes.admin_ward result.codes.admin_district`). */
  declare postcodeField: string | undefined;
  /** Seconds the postcode service has to answer (default 8). */
  declare postcodeTimeout: number | undefined;
  /** Keep the area in the page's URL fragment (`#tally-area=E08000019`), to share or reload it. */
  declare link: boolean;
  /** Follow a council list's `tally-area-select`: the list's id, or empty for any council list on the page. */
  declare follow: string | undefined;

  /** The area a reader chose, over `area`. */
  declare private chosen: string | undefined;

  private readonly postcode = new PostcodeController(this);

  private combo: ComboboxState = COMBOBOX_INITIAL;
  private suggestions: readonly AreaMatch[] = [];
  /** The view on screen and what it was made from: kept (the same object) while a new feed does not change it. */
  private view: AreaResultView | undefined;
  private viewFrom: { feed: Feed; id: string; locale: string } | undefined;
  /** The area asked for is not in the feed. */
  private missing: string | undefined;
  /** What the last render showed, to skip an update that would change nothing on screen. */
  private rendered: { feed: Feed; id: string | undefined; locale: string; status: string } | undefined;
  private announcement = '';
  /** The feed whose names are indexed for the search box (or being indexed). */
  private indexed: Feed | undefined;
  private focusTitle = false;

  constructor() {
    super();
    this.search = false;
    this.link = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (isServer) return;
    if (this.link) {
      const id = readAreaFragment(location.hash);
      if (id !== undefined) this.chosen = id;
    }
    window.addEventListener('hashchange', this.onHashChange);
    document.addEventListener('tally-area-select', this.onAreaSelect);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHashChange);
    document.removeEventListener('tally-area-select', this.onAreaSelect);
  }

  /** The area on screen: the reader's choice, else `area`. */
  get shownArea(): string | undefined {
    return this.chosen ?? (this.area?.trim() || undefined);
  }

  /**
   * Nothing to redraw when the only news is a feed that leaves the area as it was (another
   * area declared) and the status line says what it said.
   */
  protected override shouldUpdate(changed: PropertyValues<this>): boolean {
    this.data.configure({ src: this.src, feed: this.feed, interval: this.interval });
    const last = this.rendered;
    const feed = this.data.feed;
    const onlyData = [...changed.keys()].every((key) => key === 'feed');
    // An open list of suggestions is made from the feed's names: it follows the feed.
    if (!last || !feed || !onlyData || feed === last.feed || this.combo.open) return true;
    const id = this.shownArea;
    if (id === undefined || id !== last.id || this.currentLocale() !== last.locale || this.statusKey() !== last.status)
      return true;
    if (!sameAreaInputs(last.feed, feed, id)) return true;
    this.rendered = { ...last, feed };
    if (this.viewFrom) this.viewFrom = { ...this.viewFrom, feed };
    return false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('area') && changed.get('area') !== undefined) this.chosen = undefined;
    if (changed.has('postcodeUrl') || changed.has('postcodeField')) this.postcode.reset();
    const feed = this.data.feed;
    const locale = this.locale;
    if (!feed) return;
    const id = this.shownArea;
    if (id === undefined) {
      this.view = undefined;
      this.viewFrom = undefined;
      this.missing = undefined;
      if (!this.search && !this.postcodeUrl)
        this.warnOnce('no area to show: set area="<id>", or let readers choose with search or postcode-url');
    } else if (
      !this.viewFrom ||
      this.viewFrom.id !== id ||
      this.viewFrom.locale !== locale ||
      this.viewFrom.feed !== feed
    ) {
      const same =
        this.viewFrom?.id === id && this.viewFrom.locale === locale && sameAreaInputs(this.viewFrom.feed, feed, id);
      const view = same ? this.view : areaResult(feed, id);
      // An area that left the feed keeps its last good result on screen, with a notice.
      this.missing = view ? undefined : id;
      if (view || this.view?.id !== id) this.view = view;
      this.viewFrom = { feed, id, locale };
      if (!view) this.warnOnce(`there is no area "${id}" in this feed`);
    }
    if (this.combo.query.trim() !== '') this.refreshMatches(feed, locale);
    if (this.postcodeUrl) {
      const problem = checkPostcodeService(this.postcodeUrl, parseFieldPaths(this.postcodeField));
      if (problem) this.warnOnce(problem);
    }
  }

  protected override render(): TemplateResult {
    const feed = this.data.feed;
    this.rendered = feed ? { feed, id: this.shownArea, locale: this.locale, status: this.statusKey() } : undefined;
    return this.renderShell((shown) => this.renderContent(shown, this.locale));
  }

  protected override updated(): void {
    this.prepareSearch();
    if (!this.focusTitle) return;
    this.focusTitle = false;
    this.renderRoot.querySelector<HTMLElement>('.title')?.focus();
  }

  /** The names of a new feed indexed while the page is idle, so the reader's first keystroke does not wait for it. */
  private prepareSearch(): void {
    const feed = this.data.feed;
    if (!this.search || !feed || this.indexed === feed) return;
    this.indexed = feed;
    const locale = this.currentLocale();
    const index = () => void areaSearchIndex(feed, locale);
    if (typeof requestIdleCallback === 'function') requestIdleCallback(index, { timeout: 2000 });
    else setTimeout(index, 0);
  }

  private renderContent(feed: Feed, locale: string): TemplateResult {
    const names = feedNames(feed, locale);
    const chooser = html`${this.search ? renderSearch(this.combo, this.suggestions, locale, this.searchHandlers) : nothing}${
      this.postcodeUrl
        ? renderPostcode(this.postcode.state, locale, (id) => names.area(id), { submit: this.onPostcodeSubmit })
        : nothing
    }`;
    const notice = this.missing
      ? html`<p class="notice" part="notice" data-kind="unknown-area">
          ${translate(locale, 'feed.unknownArea', { id: this.missing })}
        </p>`
      : this.shownArea === undefined
        ? html`<p class="notice" part="notice" data-kind="choose">${translate(locale, 'areaResult.choose')}</p>`
        : nothing;
    const view = this.view;
    // The card is drawn again only when its view, the theme or the language changed.
    const scheme = this.preferences.scheme(this.theme);
    return html`${this.search || this.postcodeUrl ? html`<div class="chooser">${chooser}</div>` : nothing}${notice}
      ${
        view
          ? guard([view, scheme, locale, this.timeZone, messagesVersion()], () =>
              renderCard(this, view, feed, {
                locale,
                timeZone: this.timeZone,
                scheme,
                open: (id, source) => this.choose(id, source, true),
              }),
            )
          : nothing
      }
      <p class="visually-hidden" aria-live="polite">${this.announcement}</p>`;
  }

  /** Show area `id` on a reader's request, and say so. */
  private choose(id: string, source: AreaChangeSource, moveFocus = false): void {
    const feed = this.data.feed;
    if (this.shownArea === id && source !== 'search' && source !== 'postcode') return;
    this.chosen = id;
    this.focusTitle = moveFocus;
    if (this.link && !isServer) {
      const hash = writeAreaFragment(location.hash, id);
      if (hash !== location.hash)
        history.replaceState(history.state, '', `${location.pathname}${location.search}${hash}`);
    }
    if (feed) {
      const locale = this.currentLocale();
      const view = areaResult(feed, id);
      const outcome = view ? (cardOutcome(view, feed, locale) ?? translate(locale, `status.${view.status}`)) : '';
      this.announcement = translate(locale, 'areaResult.showing', {
        name: feedNames(feed, locale, { isolated: true }).area(id),
        outcome,
      });
    }
    const area = feed ? findArea(feed, id) : undefined;
    this.dispatchEvent(
      new CustomEvent<AreaChangeDetail>('tally-area-change', {
        detail: { id, area, source },
        bubbles: true,
        composed: true,
      }),
    );
  }

  private refreshMatches(feed: Feed, locale: string): void {
    this.suggestions = searchAreas(areaSearchIndex(feed, locale), this.combo.query, MAX_SUGGESTIONS);
    if (this.combo.count !== this.suggestions.length)
      this.combo = comboboxReducer(this.combo, { type: 'results', count: this.suggestions.length }).state;
  }

  private dispatchCombo(action: ComboboxAction): void {
    const step = comboboxReducer(this.combo, action);
    this.combo = step.state;
    if (step.chosen !== undefined) {
      const match = this.suggestions[step.chosen];
      if (match) {
        this.combo = { ...this.combo, query: match.name };
        this.choose(match.id, 'search');
      }
    }
    this.requestUpdate();
  }

  private readonly searchHandlers = {
    input: (event: Event) => {
      const query = (event.target as HTMLInputElement).value;
      const feed = this.data.feed;
      this.suggestions = feed ? searchAreas(areaSearchIndex(feed, this.currentLocale()), query, MAX_SUGGESTIONS) : [];
      this.dispatchCombo({ type: 'input', query, count: this.suggestions.length });
    },
    keydown: (event: KeyboardEvent) => {
      const action: ComboboxAction | undefined =
        event.key === 'ArrowDown'
          ? { type: event.altKey ? 'alt-down' : 'down' }
          : event.key === 'ArrowUp'
            ? { type: event.altKey ? 'alt-up' : 'up' }
            : event.key === 'Escape'
              ? { type: 'escape' }
              : event.key === 'Enter'
                ? { type: 'enter' }
                : undefined;
      if (!action) return;
      // Escape with nothing to close or clear is left to the page (a dialog around the widget).
      if (action.type === 'escape' && !this.combo.open && this.combo.query === '') return;
      if (action.type !== 'enter' || (this.combo.open && this.combo.active >= 0)) event.preventDefault();
      this.dispatchCombo(action);
    },
    blur: () => this.dispatchCombo({ type: 'blur' }),
    choose: (index: number) => this.dispatchCombo({ type: 'choose', index }),
  };

  private readonly onPostcodeSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    void this.lookUpPostcode((form.elements.namedItem('postcode') as HTMLInputElement | null)?.value ?? '');
  };

  /** Look a reader's postcode up, and show the area it is in. */
  private async lookUpPostcode(input: string): Promise<void> {
    const template = this.postcodeUrl;
    if (!template) return;
    const seconds = this.countSetting('postcode-timeout', this.postcodeTimeout, 1, POSTCODE_TIMEOUT_MS / 1000);
    const timeoutMs = seconds !== undefined ? seconds * 1000 : undefined;
    const service = {
      template,
      fields: parseFieldPaths(this.postcodeField),
      ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    };
    const state = await this.postcode.lookup(service, input, (postcode, codes): PostcodeState => {
      const feed = this.data.feed;
      const place = feed ? areaForCodes(feed, codes) : { kind: 'no-election' as const, codes, id: undefined };
      return place.kind === 'area'
        ? { kind: 'area', postcode, id: place.id }
        : { kind: 'no-election', postcode, id: place.id };
    });
    if (state?.kind === 'failed' || state?.kind === 'timeout')
      console.error(`[tally] <tally-area-result>: postcode look-up: ${state.reason}`);
    if (state?.kind === 'area') this.choose(state.id, 'postcode');
  }

  private readonly onHashChange = (): void => {
    if (!this.link) return;
    const id = readAreaFragment(location.hash);
    if (id !== undefined && id !== this.shownArea) this.choose(id, 'link');
  };

  private readonly onAreaSelect = (event: Event): void => {
    if (this.follow === undefined || this.follow === null) return;
    const source = event.target as Element | null;
    if (this.follow !== '' && source?.id !== this.follow) return;
    const id = (event as CustomEvent<{ id: string | null }>).detail?.id;
    if (typeof id === 'string') this.choose(id, 'council-list');
  };

  /** What the status line shows, bar the clock time: a change here is drawn at once. */
  private statusKey(): string {
    const status = this.data.status;
    return `${status.kind}|${'checking' in status ? String(status.checking) : ''}`;
  }

  /** The language the element speaks now, worked out as the mixin's `willUpdate` does (for use before it runs). */
  private currentLocale(): string {
    return this.lang ? canonicalLocale(this.lang) : elementLocale(this);
  }
}
