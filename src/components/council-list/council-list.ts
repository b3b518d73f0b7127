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
import { firstInReadingOrder, hexCorners, hexPoints, type HexGrid, type PlacedHex } from '../../layout/hex-grid.js';
import { FeedElement } from '../shared/feed-element.js';
import { partyPalette, type PartyColour } from '../shared/palette.js';
import { PortionController } from '../shared/portion-controller.js';
import { rendersAsServer } from '../shared/server-render.js';
import { RovingFocus } from '../shared/roving-focus.js';
import { widgetStyles } from '../shared/styles.js';
import { councilListStyles } from './council-list.styles.js';
import { HexMapController } from './hex-map-controller.js';
import { ListInteraction } from './list-interaction.js';
import { MapInteraction, ZOOM_LEVELS } from './map-interaction.js';
import { NewAreasController } from './new-areas.js';
import { renderListPane, renderRow } from './render-list.js';
import { RING_SCALE, renderMapPane } from './render-map.js';
import type { CouncilListView, HexView, ListView } from './view.js';
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

/** What the colour of areas without a result falls back to, before the palette has it. */
const NO_COLOUR: PartyColour = { fill: 'currentColor', text: 'currentColor' };

let instances = 0;

/** The id prefix of server-rendered markup this element arrived with, if any. */
function serverUid(host: HTMLElement): string | undefined {
  return host.shadowRoot?.querySelector<HTMLElement>('.body[data-uid]')?.dataset.uid;
}

function samePalette(a: ReadonlyMap<string, PartyColour>, b: ReadonlyMap<string, PartyColour>): boolean {
  if (a.size !== b.size) return false;
  for (const [id, colour] of a) {
    const other = b.get(id);
    if (!other || other.fill !== colour.fill || other.text !== colour.text) return false;
  }
  return true;
}

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
  private readonly map = new MapInteraction(this, {
    grid: () => this.hexMap.grid,
    selectable: (key) => this.rowsById.has(key),
    roving: this.hexRoving,
    selected: () => this.selected,
    choose: (key) => this.choose(key, 'map', true),
    scroller: () => this.renderRoot.querySelector<HTMLElement>('.map-scroll'),
  });
  private readonly list = new ListInteraction(this, {
    rows: () => this.flatRows,
    roving: this.rowRoving,
    selected: () => this.selected,
    choose: (id) => this.choose(id, 'list'),
    query: (change) => Object.assign(this, change),
    announce: async () => {
      await this.updateComplete;
      const selection = this.selection;
      const shown = (count: number) => formatNumber(count, this.locale);
      return (
        selection &&
        translate(this.locale, 'councilList.showing', { shown: shown(selection.shown), total: shown(selection.total) })
      );
    },
    complete: () => !this.portions.filling,
    root: () => this.shadowRoot,
  });
  /** Ids inside the shadow root; server-rendered markup keeps the ids it was given (hydration). */
  private readonly uid = serverUid(this) ?? `tcl${++instances}`;

  private rows: readonly AreaRow[] = [];
  private rowsById = new Map<string, AreaRow>();
  private selection: AreaSelection | undefined;
  /** The reader's query as used: a value the element does not know is its default. */
  private query: { filter: AreaFilter; groupBy: AreaGrouping; sort: AreaSort } = {
    filter: 'all',
    groupBy: 'none',
    sort: 'name',
  };
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

  // ---------------------------------------------------------------- derive

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.hexMap.configure({ src: this.layoutSrc, layout: this.layout });
    this.list.rememberFocus();
    if (changed.has('selected') && this.selected) this.list.reveal();

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
    const queryChanged = ['filter', 'party', 'search', 'groupBy', 'sort'].some((key) =>
      changed.has(key as keyof TallyCouncilList),
    );
    if (!this.selection || queryChanged) this.select(feed);

    const scheme = this.preferences.scheme(this.theme);
    if (
      !this.paletteFrom ||
      this.paletteFrom.feed !== feed ||
      this.paletteFrom.scheme !== scheme ||
      changed.has('theme')
    ) {
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
    this.portions.begin(2, rebuild, rendersAsServer(this));
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

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // The radios' checked state follows the filter: their `checked` attribute only sets the default
    // (a server render writes no properties, and a property binding of false as checked="false").
    for (const radio of this.renderRoot.querySelectorAll<HTMLInputElement>('.filters input[type="radio"]')) {
      radio.checked = radio.value === this.query.filter;
    }
  }

  /** Apply the reader's query; a setting the host page got wrong is named on the console and its default used. */
  private select(feed: Feed): void {
    const groupBy = this.choice('group-by', this.groupBy, AREA_GROUPINGS, 'none');
    this.query = {
      filter: this.choice('filter', this.filter, AREA_FILTERS, 'all'),
      groupBy: availableGroupings(this.rows).includes(groupBy) ? groupBy : 'none',
      sort: this.choice('sort', this.sort, AREA_SORTS, 'name'),
    };
    if (this.party && !feed.parties.some((party) => party.id === this.party))
      this.warnOnce(`party="${this.party}" is not a party in the feed`);
    this.selection = selectAreaRows(
      this.rows,
      { ...this.query, party: this.party || undefined, search: this.search },
      this.locale,
    );
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
    const colour = (key: string): AreaColour | undefined =>
      this.palette.get(key) ?? partyPalette(this, feed, scheme, [key]).get(key);
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
      const view: HexView = {
        ...state,
        points: points.get(hex.key) ?? '',
        ring: state.gain ? rings.get(hex.key) : undefined,
      };
      this.hexCache.set(hex.key, view);
      return view;
    });
  }

  /** The open area's hex, else the top-left selectable one: where the keyboard enters the map. */
  private firstHex(grid: HexGrid): PlacedHex | undefined {
    if (this.selected && grid.byKey.has(this.selected) && this.rowsById.has(this.selected))
      return grid.byKey.get(this.selected);
    return firstInReadingOrder(grid.hexes, 1, (hex) => this.rowsById.has(hex.key));
  }

  // ---------------------------------------------------------------- render

  protected override render(): TemplateResult {
    return this.renderShell((feed) => this.renderContent(feed));
  }

  private renderContent(feed: Feed): TemplateResult {
    const locale = this.locale;
    if (feed.areas.length === 0 || !this.selection)
      return html`<p class="notice" part="notice" data-kind="empty">${translate(locale, 'feed.empty')}</p>`;
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
            zoom: this.map.zoom,
            zoomLevels: ZOOM_LEVELS,
            hexStop: this.hexRoving.current,
            mapFocused: this.map.focused,
            hoverKey: this.map.hoverKey,
            on: this.map.handlers,
          }
        : undefined;
    const list: ListView = {
      ...base,
      selection: this.selection,
      shownIds: this.shownIds,
      rowsNow: this.rowsNow,
      rowStop: this.rowRoving.current,
      announcement: this.list.announcement,
      ...this.query,
      party: this.party,
      search: this.search,
      renderRow: (row) => this.renderRow(row, list),
      on: this.list.handlers,
    };
    return html`
      <p class="caption" part="caption">${describeProgress(at.declared, at.total, at.areaType, locale)}</p>
      ${
        this.selected && !this.rowsById.has(this.selected)
          ? html`<p class="notice" part="notice" data-kind="unknown-area">${translate(locale, 'feed.unknownArea', { id: this.selected })}</p>`
          : nothing
      }
      <div class="body" data-uid=${this.uid} ?data-map=${hasMap} ?data-server=${this.serverRender.fromServer || rendersAsServer(this)}>
        ${hasMap ? renderMapPane(locale, this.hexMap.error, map) : nothing}
        ${renderListPane(list)}
      </div>
    `;
  }

  /** One row's template: rows whose inputs are unchanged are skipped (render-list.ts), so this runs only for the others. */
  private renderRow(row: AreaRow, view: ListView): TemplateResult {
    return renderRow(view, row);
  }

  // ---------------------------------------------------------------- events

  /** Open (or, if open, close) an area on a reader's request, and say so. */
  private choose(id: string, source: 'list' | 'map', reveal = false): void {
    const closing = this.selected === id;
    this.selected = closing ? undefined : id;
    if (!closing) {
      if (this.hexMap.grid?.byKey.has(id)) this.hexRoving.remember(id);
      if (this.shownIds.has(id)) this.rowRoving.remember(id);
      this.list.reveal(reveal);
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
}
