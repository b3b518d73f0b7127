/**
 * <tally-council-list>: every area of the election as a hex map and a list, kept in step.
 * Readers find their council (search, filters, party), see which changed hands and which are
 * still counting, and open any area's detail from its row or its hex.
 *
 * What an area is shown as is derived in src/derive/area-view.ts; the map and the list are
 * render modules beside this file (render-map.ts, render-list.ts).
 */
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { Area, Feed } from '../../feed/schema.js';
import { NO_OVERALL_CONTROL } from '../../feed/schema.js';
import { feedIndex } from '../../feed/lookup.js';
import {
  AREA_FILTERS,
  AREA_GROUPINGS,
  AREA_SORTS,
  areaRows,
  availableGroupings,
  selectAreaRows,
  type AreaFilter,
  type AreaGrouping,
  type AreaRow,
  type AreaSelection,
  type AreaSort,
} from '../../derive/area-rows.js';
import { hexState, type AreaColour } from '../../derive/area-view.js';
import { progress } from '../../derive/progress.js';
import { formatNumber } from '../../i18n/format.js';
import { messagesVersion, translate } from '../../i18n/messages.js';
import { describeProgress } from '../../i18n/sentences.js';
import { hexCorners, hexInDirection, hexPoints, type Direction, type HexGrid, type PlacedHex } from '../../layout/hex-grid.js';
import { FeedElement } from '../shared/feed-element.js';
import { partyPalette, type PartyColour } from '../shared/palette.js';
import { PortionController } from '../shared/portion-controller.js';
import { RovingFocus } from '../shared/roving-focus.js';
import { widgetStyles } from '../shared/styles.js';
import { councilListStyles } from './council-list.styles.js';
import { HexMapController } from './hex-map-controller.js';
import { NewAreasController } from './new-areas.js';
import { renderListPane, renderRow } from './render-list.js';
import { RING_SCALE, renderMapPane } from './render-map.js';
import type { CouncilListView, HexView, ListView, MapView } from './view.js';
import './messages.js';

export { NEW_FOR_MS } from './new-areas.js';

/** `tally-area-select` detail: the area a reader opened (or `null` when they closed it). */
export interface AreaSelectDetail {
  /** The area's id, or null when the reader closed the open area. */
  readonly id: string | null;
  /** The area from the feed. */
  readonly area: Area | undefined;
  /** Where the reader chose it. */
  readonly source: 'list' | 'map';
}

declare global {
  interface HTMLElementEventMap {
    'tally-area-select': CustomEvent<AreaSelectDetail>;
  }
  interface HTMLElementTagNameMap {
    'tally-council-list': TallyCouncilList;
  }
}

/** How long after the last keystroke the result count is announced (ms). */
const ANNOUNCE_DELAY_MS = 600;
const ZOOM_LEVELS: readonly number[] = [1, 1.5, 2, 3, 4];
/** Rows moved by Page Up / Page Down. */
const PAGE_ROWS = 10;
/** What the colour of areas without a result falls back to, before the palette has it. */
const NO_COLOUR: PartyColour = { fill: 'currentColor', text: 'currentColor' };

let instances = 0;

function samePalette(a: ReadonlyMap<string, PartyColour>, b: ReadonlyMap<string, PartyColour>): boolean {
  if (a.size !== b.size) return false;
  for (const [id, colour] of a) {
    const other = b.get(id);
    if (!other || other.fill !== colour.fill || other.text !== colour.text) return false;
  }
  return true;
}

const isFilter = (value: unknown): value is AreaFilter => AREA_FILTERS.includes(value as AreaFilter);
const isGrouping = (value: unknown): value is AreaGrouping => AREA_GROUPINGS.includes(value as AreaGrouping);
const isSort = (value: unknown): value is AreaSort => AREA_SORTS.includes(value as AreaSort);

/**
 * The council map list: a hex cartogram from a HexJSON layout and a filterable, searchable
 * list of every area in the feed, kept in step. The list is the primary view for keyboards
 * and screen readers (one tab stop, arrow keys between rows); the map is its visual twin
 * (one tab stop, arrow keys between hexes). Selecting an area (click, Enter) opens its
 * detail in the list, rings it on the map and fires `tally-area-select`.
 *
 * A long list reaches the screen in portions, a task each, so that hundreds of areas do not hold
 * the page's main thread in one long task; the open area and the keyboard's row come in the
 * first. `updateComplete` resolves once every row and hex is there.
 *
 * @tag tally-council-list
 * @summary Every area as a hex map and a list: control, gains, seats, declaration times.
 *
 * @fires tally-area-select - A reader opened or closed an area. Detail: `{ id, area, source }` (`source`: `list` or `map`).
 * @fires tally-feed-update - A new feed is shown (from FeedController).
 * @fires tally-feed-error - The feed could not be loaded or used (from FeedController).
 * @fires tally-feed-stale - The feed has not been confirmed for a while (from FeedController).
 *
 * @csspart frame - The outer box.
 * @csspart caption - How far the count has got ("after 130 of 150 councils").
 * @csspart map - The map pane: zoom buttons, the map, its key and the areas not on it.
 * @csspart map-canvas - The box the map's SVG fills (its width is the zoom).
 * @csspart hex - Each area's hexagon (an SVG group).
 * @csspart tooltip - The result shown over the map for the hovered, focused or open area.
 * @csspart legend - The map's key.
 * @csspart legend-item - One entry of the key.
 * @csspart missing - The list of areas in the feed that the layout does not have.
 * @csspart controls - The filters, party, search, grouping and sorting.
 * @csspart count - "Showing 12 of 150".
 * @csspart list - The scrolling list of areas.
 * @csspart group-label - The heading of a region or type group.
 * @csspart row - Each area's list item.
 * @csspart swatch - The hexagon of party colour (and pattern) in a row, and the colour squares in an area's detail.
 * @csspart empty - "Nothing matches these filters", with the button that clears them.
 * @csspart detail - The open area's detail.
 * @csspart notice - A message in place of content (no feed, failed, empty feed, unknown area, map problems).
 * @csspart skeleton - The placeholder while loading.
 * @csspart status - The status line ("Updated 02:41").
 * @csspart error-detail - "Details for developers": why the feed failed, closed, under the notice or the status line.
 * @csspart watermark - The TEST DATA watermark.
 *
 * @cssprop --tally-council-list-min-height - Height reserved before the data arrives (default 24 × the base font size).
 * @cssprop --tally-council-list-height - Height of the scrolling list (default 32 × the base font size).
 * @cssprop --tally-council-list-map-height - Tallest the map is drawn before zooming (default 36 × the base font size).
 * @cssprop --tally-party-<id> - Colour of one party (CSS variable, then feed colour, then built-in default).
 */
export class TallyCouncilList extends FeedElement(LitElement) {
  static override styles = [widgetStyles, councilListStyles];

  static {
    // Development builds of Lit warn about an update requested in `updated()`: the portions of a
    // long list are that, on purpose.
    this.disableWarning?.('change-in-update');
  }

  static override properties = {
    layoutSrc: { type: String, attribute: 'layout-src' },
    layout: { attribute: false },
    selected: { type: String },
    filter: { type: String },
    party: { type: String },
    search: { type: String },
    groupBy: { type: String, attribute: 'group-by' },
    sort: { type: String },
    zoom: { state: true },
    hoverKey: { state: true },
    mapFocused: { state: true },
    announcement: { state: true },
  };

  /** URL of a HexJSON layout for the map, fetched once per page. No layout: the list alone. */
  declare layoutSrc: string | undefined;
  /** A HexJSON layout object from host code, instead of `layout-src`. */
  declare layout: unknown;
  /** Id of the open area. Set by the reader's choice, or by the host page (no event then). */
  declare selected: string | undefined;
  /** Status filter: `all`, `gains` (changed hands), `holds`, `noc` or `awaiting`. */
  declare filter: AreaFilter | undefined;
  /** A party id: only areas it controls or won. Empty for any party. */
  declare party: string | undefined;
  /** Text to find in area names (accents and case ignored). */
  declare search: string | undefined;
  /** `none`, `region` or `type`. */
  declare groupBy: AreaGrouping | undefined;
  /** `name` (A to Z) or `declared` (latest first). */
  declare sort: AreaSort | undefined;

  private declare zoom: number;
  private declare hoverKey: string | undefined;
  private declare mapFocused: boolean;
  private declare announcement: string;

  private readonly hexMap = new HexMapController(this);
  private readonly newAreas = new NewAreasController(this);
  private readonly portions = new PortionController(this);
  /** One tab stop on the map: the hex last moved to, else the open area's, else the top-left one. */
  private readonly hexRoving = new RovingFocus(this, {
    has: (key) => this.rowsById.has(key) && this.hexMap.grid?.byKey.has(key) === true,
    fallback: () => (this.hexMap.grid ? this.firstHex(this.hexMap.grid)?.key : undefined),
    element: (key) => this.renderRoot.querySelector<SVGGElement>(`.hex[data-id="${CSS.escape(key)}"]`),
  });
  /** One tab stop in the list: the row last moved to, else the open area's, else the first. */
  private readonly rowRoving = new RovingFocus(this, {
    has: (id) => this.shownIds.has(id),
    fallback: () => (this.selected && this.shownIds.has(this.selected) ? this.selected : this.flatRows[0]?.id),
    element: (id) => this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(`${this.uid}-row-${id}`)}`),
  });
  private readonly uid = `tcl${++instances}`;

  private rows: readonly AreaRow[] = [];
  private rowsById = new Map<string, AreaRow>();
  private selection: AreaSelection | undefined;
  /** The reader's query as used: a value the element does not know is its default. */
  private query: { filter: AreaFilter; groupBy: AreaGrouping; sort: AreaSort } = { filter: 'all', groupBy: 'none', sort: 'name' };
  /** Shown rows in display order, for keyboard movement. */
  private flatRows: AreaRow[] = [];
  private shownIds = new Set<string>();
  private palette = new Map<string, PartyColour>();
  private hexViews: HexView[] = [];
  /** What this update puts on screen: every row and hex already there, and a portion of new ones. */
  private rowsNow = new Set<string>();
  private hexesNow: HexView[] = [];
  private hexKeysNow = new Set<string>();
  private hexCache = new Map<string, HexView>();
  private hexViewsFrom: readonly unknown[] | undefined;
  private pointsFor: { grid: HexGrid; points: Map<string, string>; rings: Map<string, string> } | undefined;
  private rowsFrom: { feed: Feed; locale: string } | undefined;
  private paletteFrom: { feed: Feed; scheme: string } | undefined;
  private lastFeed: Feed | undefined;
  private announceTimer: ReturnType<typeof setTimeout> | undefined;
  /** Focus to put back after an update: the list row that had it, and where it was. */
  private focusBefore: { id: string; index: number } | undefined;
  /** Scroll the open row into view after the next update (chosen on the map). */
  private revealSelected = false;
  private zoomAnchor: { fx: number; fy: number } | undefined;

  constructor() {
    super();
    this.zoom = 1;
    this.mapFocused = false;
    this.announcement = '';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.announceTimer);
  }

  // ---------------------------------------------------------------- derive

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.hexMap.configure({ src: this.layoutSrc, layout: this.layout });
    this.rememberFocus();
    if (changed.has('selected') && this.selected) this.revealSelected = true;

    const feed = this.data.feed;
    if (!feed) {
      this.portions.clear();
      return;
    }
    if (feed !== this.lastFeed) this.newAreas.take(feed, this.data.changes);
    this.lastFeed = feed;

    const rebuild = !this.rowsFrom || this.rowsFrom.feed !== feed || this.rowsFrom.locale !== this.locale;
    if (rebuild) {
      this.rows = areaRows(feed, this.locale, this.rows);
      this.rowsById = new Map(this.rows.map((row) => [row.id, row]));
      this.rowsFrom = { feed, locale: this.locale };
      this.selection = undefined;
      if (feed.areas.length === 0) this.warnOnce('the feed has no areas yet');
    }
    const queryChanged = ['filter', 'party', 'search', 'groupBy', 'sort'].some((key) => changed.has(key as keyof TallyCouncilList));
    if (!this.selection || queryChanged) this.select(feed);

    const scheme = this.preferences.scheme(this.theme);
    if (!this.paletteFrom || this.paletteFrom.feed !== feed || this.paletteFrom.scheme !== scheme || changed.has('theme')) {
      const ids = new Set<string>([NO_OVERALL_CONTROL, 'undeclared', ...feed.parties.map((party) => party.id)]);
      const palette = partyPalette(this, feed, scheme, ids);
      // Rows are skipped by identity, the palette among them: keep the same object while the
      // colours are the same (most feed updates), so unchanged rows are not rendered again.
      if (!samePalette(palette, this.palette)) this.palette = palette;
      this.paletteFrom = { feed, scheme };
    }

    if (this.selected && feed.areas.length > 0 && !this.rowsById.has(this.selected)) {
      this.warnOnce(`there is no area "${this.selected}" in the feed`);
    }
    this.buildHexViews(feed);
    const hexStop = this.hexRoving.resolve();
    const rowStop = this.rowRoving.resolve();
    // What this update shows: every row and hex already there, the open area and the keyboard's, and a portion more.
    this.portions.begin(2, rebuild);
    const must = (id: string) => id === this.selected || id === rowStop || id === hexStop;
    this.rowsNow = this.portions.take(this.flatRows, (row) => row.id, this.rowsNow, must).keys;
    const hexes = this.portions.take(this.hexViews, (view) => view.key, this.hexKeysNow, must);
    this.hexKeysNow = hexes.keys;
    this.hexesNow = hexes.items;
  }

  /** An update that added a portion sizes the next one from how long it took. */
  protected override updateInTurn(): void {
    this.portions.timed(() => super.updateInTurn(), this.flatRows.length + this.hexViews.length);
  }

  /** The next portion of a long list takes its turn with the page's other widgets. */
  protected override get largeUpdate(): boolean {
    return this.portions.filling;
  }

  /** Resolves once every row and hex is on screen, not after the first portion. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    while (this.portions.filling) complete = await super.getUpdateComplete();
    return complete;
  }

  /** Apply the reader's query; a setting the host page got wrong is named on the console and its default used. */
  private select(feed: Feed): void {
    const groupBy = this.choice('group-by', this.groupBy, AREA_GROUPINGS, 'none');
    this.query = {
      filter: this.choice('filter', this.filter, AREA_FILTERS, 'all'),
      groupBy: availableGroupings(this.rows).includes(groupBy) ? groupBy : 'none',
      sort: this.choice('sort', this.sort, AREA_SORTS, 'name'),
    };
    if (this.party && !feed.parties.some((party) => party.id === this.party)) this.warnOnce(`party="${this.party}" is not a party in the feed`);
    this.selection = selectAreaRows(this.rows, { ...this.query, party: this.party || undefined, search: this.search }, this.locale);
    this.flatRows = this.selection.groups.flatMap((group) => group.rows);
    this.shownIds = new Set(this.flatRows.map((row) => row.id));
  }

  private buildHexViews(feed: Feed): void {
    const grid = this.hexMap.grid;
    if (!grid) {
      this.hexViews = [];
      this.hexViewsFrom = undefined;
      return;
    }
    // Hover and focus change nothing here: rebuild only when what the hexes show can change.
    const from = [grid, this.rows, this.selection, this.palette, this.locale, messagesVersion()];
    if (this.hexViewsFrom?.every((input, i) => input === from[i])) return;
    this.hexViewsFrom = from;
    if (this.pointsFor?.grid !== grid) {
      const corners = hexCorners(grid.orientation, grid.radius);
      const ring = hexCorners(grid.orientation, grid.radius * RING_SCALE);
      this.pointsFor = {
        grid,
        points: new Map(grid.hexes.map((hex) => [hex.key, hexPoints(hex, corners)])),
        rings: new Map(grid.hexes.map((hex) => [hex.key, hexPoints(hex, ring)])),
      };
      this.hexCache.clear();
    }
    const { points, rings } = this.pointsFor;
    const scheme = this.preferences.scheme(this.theme);
    const colour = (key: string): AreaColour | undefined => this.palette.get(key) ?? partyPalette(this, feed, scheme, [key]).get(key);
    const context = {
      feed,
      locale: this.locale,
      colour,
      undeclared: this.palette.get('undeclared') ?? NO_COLOUR,
      filtering: this.selection !== undefined && this.selection.shown < this.selection.total,
      shown: this.shownIds,
    };
    this.hexViews = grid.hexes.map((hex) => {
      const state = hexState(hex.key, hex.name, this.rowsById.get(hex.key), context);
      const cached = this.hexCache.get(hex.key);
      if (cached && cached.signature === state.signature) return cached;
      const view: HexView = { ...state, points: points.get(hex.key) ?? '', ring: state.gain ? rings.get(hex.key) : undefined };
      this.hexCache.set(hex.key, view);
      return view;
    });
  }

  /** The top-left selectable hex (or the open area's): where the keyboard enters the map. */
  private firstHex(grid: HexGrid): PlacedHex | undefined {
    if (this.selected && grid.byKey.has(this.selected) && this.rowsById.has(this.selected)) return grid.byKey.get(this.selected);
    return this.firstHexInOrder(grid, 1);
  }

  /** The first selectable hex reading from the top left (direction 1) or bottom right (-1). */
  private firstHexInOrder(grid: HexGrid, direction: 1 | -1): PlacedHex | undefined {
    let best: PlacedHex | undefined;
    for (const hex of grid.hexes) {
      if (!this.rowsById.has(hex.key)) continue;
      if (!best || direction * (hex.y - best.y || hex.x - best.x) < 0) best = hex;
    }
    return best;
  }

  // ---------------------------------------------------------------- render

  protected override render(): TemplateResult {
    return this.renderShell((feed) => this.renderContent(feed));
  }

  private renderContent(feed: Feed): TemplateResult {
    const locale = this.locale;
    if (feed.areas.length === 0 || !this.selection) return html`<p class="notice" part="notice" data-kind="empty">${translate(locale, 'feed.empty')}</p>`;
    const at = progress(feed);
    const hasMap = this.hexMap.requested;
    const base: CouncilListView = {
      feed,
      locale,
      timeZone: this.timeZone,
      uid: this.uid,
      palette: this.palette,
      undeclared: this.palette.get('undeclared') ?? NO_COLOUR,
      rows: this.rows,
      rowsById: this.rowsById,
      selected: this.selected,
      isNew: (id) => this.newAreas.isNew(id),
      choose: (id, source, reveal) => this.choose(id, source, reveal),
    };
    const grid = this.hexMap.grid;
    const map =
      hasMap && grid
        ? {
            ...base,
            grid,
            hexes: this.hexesNow,
            allHexes: this.hexViews,
            points: this.pointsFor?.points ?? new Map<string, string>(),
            zoom: this.zoom,
            zoomLevels: ZOOM_LEVELS,
            hexStop: this.hexRoving.current,
            mapFocused: this.mapFocused,
            hoverKey: this.hoverKey,
            on: this.mapHandlers,
          }
        : undefined;
    const list: ListView = {
      ...base,
      selection: this.selection,
      shownIds: this.shownIds,
      rowsNow: this.rowsNow,
      rowStop: this.rowRoving.current,
      announcement: this.announcement,
      ...this.query,
      party: this.party,
      search: this.search,
      renderRow: (row) => this.renderRow(row, list),
      on: this.listHandlers,
    };
    return html`
      <p class="caption" part="caption">${describeProgress(at.declared, at.total, at.areaType, locale)}</p>
      ${this.selected && !this.rowsById.has(this.selected)
        ? html`<p class="notice" part="notice" data-kind="unknown-area">${translate(locale, 'feed.unknownArea', { id: this.selected })}</p>`
        : nothing}
      <div class="body" ?data-map=${hasMap}>
        ${hasMap ? renderMapPane(locale, this.hexMap.error, map) : nothing}
        ${renderListPane(list)}
      </div>
    `;
  }

  /** One row's template: rows whose inputs are unchanged are skipped (render-list.ts), so this runs only for the others. */
  private renderRow(row: AreaRow, view: ListView): TemplateResult {
    return renderRow(view, row);
  }

  private get mapHandlers(): MapView['on'] {
    return {
      zoomBy: (step) => this.zoomBy(step),
      hexClick: this.onHexClick,
      hexKeydown: this.onHexKeydown,
      hexPointerOver: this.onHexPointerOver,
      mapPointerLeave: this.onMapPointerLeave,
      mapFocusIn: this.onMapFocusIn,
      mapFocusOut: this.onMapFocusOut,
    };
  }

  private get listHandlers(): ListView['on'] {
    return {
      rowClick: this.onRowClick,
      rowKeydown: this.onRowKeydown,
      filterChange: this.onFilterChange,
      partyChange: this.onPartyChange,
      searchInput: this.onSearchInput,
      groupChange: this.onGroupChange,
      sortChange: this.onSortChange,
      clearFilters: this.clearFilters,
      showSelected: this.showSelected,
    };
  }

  // ---------------------------------------------------------------- after render

  protected override updated(): void {
    this.restoreFocus();
    // A selection made before the feed arrived waits for its row, and for the rows above it.
    if (this.revealSelected && !this.portions.filling && (this.rowsById.size > 0 || !this.selected)) {
      this.revealSelected = false;
      this.revealRow(this.selected);
    }
    if (this.zoomAnchor) {
      const scroller = this.renderRoot.querySelector<HTMLElement>('.map-scroll');
      if (scroller) {
        scroller.scrollLeft = this.zoomAnchor.fx * scroller.scrollWidth - scroller.clientWidth / 2;
        scroller.scrollTop = this.zoomAnchor.fy * scroller.scrollHeight - scroller.clientHeight / 2;
      }
      this.zoomAnchor = undefined;
    }
  }

  /** Before an update: which list row has focus, so it can be put back if that row goes. */
  private rememberFocus(): void {
    const active = this.shadowRoot?.activeElement;
    if (active instanceof HTMLElement && active.classList.contains('row-button') && active.dataset.id) {
      this.focusBefore = { id: active.dataset.id, index: this.flatRows.findIndex((row) => row.id === active.dataset.id) };
    } else this.focusBefore = undefined;
  }

  /** After an update: if the focused row left the list (filtered out by new results), focus its neighbour. */
  private restoreFocus(): void {
    const before = this.focusBefore;
    this.focusBefore = undefined;
    if (!before || this.shadowRoot?.activeElement) return;
    const next = this.flatRows[Math.min(Math.max(before.index, 0), this.flatRows.length - 1)];
    if (next) this.rowRoving.move(next.id);
    else this.renderRoot.querySelector<HTMLInputElement>('input[type="search"]')?.focus();
  }

  /**
   * Scroll the list box (not the page) so the row is in view. Rows that were never laid out
   * (content-visibility) stand at an estimated height, so the row's place is only known once
   * they have been: they are laid out once here (a one-off on a reader's choice; afterwards
   * each remembers its real height), then the row is checked again for a few frames in case
   * something else moves it, unless the reader scrolls meanwhile.
   */
  private revealRow(id: string | undefined, frames = 8, settled = 0, expected?: number): void {
    const scroller = this.renderRoot.querySelector<HTMLElement>('.list-scroll');
    const row = id === undefined ? null : this.renderRoot.querySelector<HTMLElement>(`.row[data-id="${CSS.escape(id)}"]`);
    if (!scroller || !row || frames <= 0 || settled >= 3 || id !== this.selected) return;
    if (expected !== undefined && Math.abs(scroller.scrollTop - expected) > 1) return;
    if (expected === undefined) {
      scroller.classList.add('measuring');
      void scroller.scrollHeight;
      scroller.classList.remove('measuring');
    }
    const top = row.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop;
    const bottom = top + Math.min(row.offsetHeight, scroller.clientHeight);
    let moved = false;
    if (top < scroller.scrollTop - 1 || bottom > scroller.scrollTop + scroller.clientHeight + 1) {
      // Exactly at the top: the row is then the scroll anchor, so rows above it changing size
      // do not move it.
      scroller.scrollTop = Math.max(0, top);
      moved = true;
    }
    const now = scroller.scrollTop;
    requestAnimationFrame(() => this.revealRow(id, frames - 1, moved ? 0 : settled + 1, now));
  }

  // ---------------------------------------------------------------- events

  /** Open (or, if open, close) an area on a reader's request, and say so. */
  private choose(id: string, source: 'list' | 'map', reveal = false): void {
    const closing = this.selected === id;
    this.selected = closing ? undefined : id;
    if (!closing) {
      if (this.hexMap.grid?.byKey.has(id)) this.hexRoving.remember(id);
      if (this.shownIds.has(id)) this.rowRoving.remember(id);
      this.revealSelected = reveal;
    }
    const area = this.data.feed ? feedIndex(this.data.feed).areas.get(id) : undefined;
    this.dispatchEvent(
      new CustomEvent<AreaSelectDetail>('tally-area-select', {
        detail: { id: closing ? null : id, area: closing ? undefined : area, source },
        bubbles: true,
        composed: true,
      }),
    );
  }

  private onRowClick = (event: Event): void => {
    const button = (event.target as Element).closest<HTMLElement>('.row-button');
    if (!button?.dataset.id) return;
    this.rowRoving.remember(button.dataset.id);
    this.choose(button.dataset.id, 'list');
  };

  private onRowKeydown = (event: KeyboardEvent): void => {
    const button = (event.target as Element).closest<HTMLElement>('.row-button');
    if (!button?.dataset.id) return;
    const index = this.flatRows.findIndex((row) => row.id === button.dataset.id);
    const last = this.flatRows.length - 1;
    let next: number;
    switch (event.key) {
      case 'ArrowDown':
        next = Math.min(last, index + 1);
        break;
      case 'ArrowUp':
        next = Math.max(0, index - 1);
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = last;
        break;
      case 'PageDown':
        next = Math.min(last, index + PAGE_ROWS);
        break;
      case 'PageUp':
        next = Math.max(0, index - PAGE_ROWS);
        break;
      default:
        return;
    }
    event.preventDefault();
    const row = this.flatRows[next];
    if (row) this.rowRoving.move(row.id, (control) => control.scrollIntoView({ block: 'nearest' }));
  };

  private hexFromEvent(event: Event): string | undefined {
    const hex = (event.target as Element).closest?.('.hex');
    return hex instanceof SVGElement ? hex.dataset.id : undefined;
  }

  private onHexClick = (event: Event): void => {
    const id = this.hexFromEvent(event);
    if (id === undefined || !this.rowsById.has(id)) return;
    this.hexRoving.remember(id);
    this.choose(id, 'map', true);
  };

  private onHexPointerOver = (event: PointerEvent): void => {
    const id = this.hexFromEvent(event);
    if (id !== this.hoverKey) this.hoverKey = id;
  };

  private onMapPointerLeave = (): void => {
    this.hoverKey = undefined;
  };

  private onMapFocusIn = (event: FocusEvent): void => {
    const id = this.hexFromEvent(event);
    if (id !== undefined) this.hexRoving.remember(id);
    this.mapFocused = true;
  };

  private onMapFocusOut = (event: FocusEvent): void => {
    const next = event.relatedTarget;
    if (!(next instanceof Element) || !next.closest('.hexes')) this.mapFocused = false;
  };

  private onHexKeydown = (event: KeyboardEvent): void => {
    const grid = this.hexMap.grid;
    const id = this.hexFromEvent(event);
    if (!grid || id === undefined) return;
    const from = grid.byKey.get(id);
    if (!from) return;
    const directions: Record<string, Direction> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };
    const selectable = (hex: PlacedHex) => this.rowsById.has(hex.key);
    let target: PlacedHex | undefined;
    if (Object.hasOwn(directions, event.key)) target = hexInDirection(grid.hexes, from, directions[event.key]!, selectable);
    else if (event.key === 'Home') target = this.firstHexInOrder(grid, 1);
    else if (event.key === 'End') target = this.firstHexInOrder(grid, -1);
    else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.choose(id, 'map', true);
      return;
    } else if (event.key === '+' || event.key === '=') {
      this.zoomBy(1);
      return;
    } else if (event.key === '-') {
      this.zoomBy(-1);
      return;
    } else return;
    event.preventDefault();
    if (target) this.hexRoving.move(target.key);
  };

  private zoomBy(step: 1 | -1): void {
    const index = ZOOM_LEVELS.indexOf(this.zoom);
    const next = ZOOM_LEVELS[Math.min(ZOOM_LEVELS.length - 1, Math.max(0, index + step))];
    if (next === undefined || next === this.zoom) return;
    // Keep the open or focused area in view, else the middle of what is shown now.
    const grid = this.hexMap.grid;
    const focus = grid && (this.mapFocused ? this.hexRoving.current : this.selected);
    const hex = focus !== undefined ? grid?.byKey.get(focus) : undefined;
    const scroller = this.renderRoot.querySelector<HTMLElement>('.map-scroll');
    if (grid && hex) {
      this.zoomAnchor = { fx: (hex.x - grid.viewBox.x) / grid.viewBox.width, fy: (hex.y - grid.viewBox.y) / grid.viewBox.height };
    } else if (scroller) {
      this.zoomAnchor = {
        fx: (scroller.scrollLeft + scroller.clientWidth / 2) / scroller.scrollWidth,
        fy: (scroller.scrollTop + scroller.clientHeight / 2) / scroller.scrollHeight,
      };
    }
    this.zoom = next;
  }

  private onFilterChange = (event: Event): void => {
    const value = (event.target as HTMLInputElement).value;
    if (isFilter(value)) {
      this.filter = value;
      this.announceCount(0);
    }
  };

  private onPartyChange = (event: Event): void => {
    this.party = (event.target as HTMLSelectElement).value || undefined;
    this.announceCount(0);
  };

  private onSearchInput = (event: Event): void => {
    this.search = (event.target as HTMLInputElement).value;
    this.announceCount(ANNOUNCE_DELAY_MS);
  };

  private onGroupChange = (event: Event): void => {
    const value = (event.target as HTMLSelectElement).value;
    if (isGrouping(value)) this.groupBy = value;
  };

  private onSortChange = (event: Event): void => {
    const value = (event.target as HTMLSelectElement).value;
    if (isSort(value)) this.sort = value;
  };

  private clearFilters = (): void => {
    this.filter = 'all';
    this.party = undefined;
    this.search = '';
    this.announceCount(0);
  };

  private showSelected = (): void => {
    this.clearFilters();
    this.revealSelected = true;
  };

  /** Say how many areas are shown, once the reader has stopped changing the filters. */
  private announceCount(delay: number): void {
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(async () => {
      await this.updateComplete;
      const selection = this.selection;
      if (!selection) return;
      this.announcement = translate(this.locale, 'councilList.showing', {
        shown: formatNumber(selection.shown, this.locale),
        total: formatNumber(selection.total, this.locale),
      });
    }, delay);
  }
}
