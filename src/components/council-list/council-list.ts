/**
 * <tally-council-list>: every area of the election as a hex map and a list, kept in step.
 * Readers find their council (search, filters, party), see which changed hands and which are
 * still counting, and open any area's detail from its row or its hex.
 */
import { html, isServer, LitElement, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { styleMap } from '../shared/style-map.js';
import type { Area, Feed } from '../../feed/schema.js';
import { NO_OVERALL_CONTROL } from '../../feed/schema.js';
import {
  AREA_FILTERS,
  AREA_GROUPINGS,
  AREA_SORTS,
  areaRows,
  availableGroupings,
  controlIsCounted,
  partiesWithAreas,
  selectAreaRows,
  type AreaFilter,
  type AreaGrouping,
  type AreaRow,
  type AreaSelection,
  type AreaSort,
} from '../../derive/area-rows.js';
import { progress } from '../../derive/progress.js';
import { FIRST_PORTION, nextPortion, takePortion } from '../../derive/portions.js';
import { hexCorners, hexInDirection, hexPoints, viewBoxAttribute, type Direction, type HexGrid, type PlacedHex } from '../../layout/hex-grid.js';
import { formatChange, formatNumber, formatShare } from '../../i18n/format.js';
import { messagesVersion, translate } from '../../i18n/messages.js';
import { feedIndex } from '../../feed/lookup.js';
import { feedNames } from '../../i18n/names.js';
import { describeOutcome, describeProgress } from '../../i18n/sentences.js';
import { FeedElement } from '../shared/feed-element.js';
import { partyPalette, type PartyColour } from '../shared/palette.js';
import { widgetStyles } from '../shared/styles.js';
import { renderAreaDetail, withTime } from './area-detail.js';
import { councilListStyles } from './council-list.styles.js';
import { HexMapController } from './hex-map-controller.js';
import { rendersAsServer } from '../shared/server-render.js';
import { monotonicNow, timerDelay } from '../../feed/timing.js';
import { isolate } from '../../i18n/bidi.js';
import './messages.js';

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

/** How long a newly declared area stays marked (ms). */
export const NEW_FOR_MS = 60_000;
/** How long after the last keystroke the result count is announced (ms). */
const ANNOUNCE_DELAY_MS = 600;
const ZOOM_LEVELS = [1, 1.5, 2, 3, 4] as const;
/** Rows moved by Page Up / Page Down. */
const PAGE_ROWS = 10;
/** The gain ring's size, as a share of the hex. */
const RING_SCALE = 0.5;

type HexKind = 'result' | 'noc' | 'awaiting' | 'declared' | 'none';

/** What one hex shows; rebuilt only when its area's row, colour or filter match change. */
interface HexView {
  readonly key: string;
  readonly points: string;
  readonly ring: string | undefined;
  readonly fill: string | undefined;
  readonly ringColour: string;
  readonly kind: HexKind;
  /** In the feed: selectable and reachable by keyboard. */
  readonly selectable: boolean;
  /** Left out by the reader's filters. */
  readonly dim: boolean;
  readonly label: string;
  readonly signature: string;
}

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
    rovingHex: { state: true },
    rovingRow: { state: true },
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
  private declare rovingHex: string | undefined;
  private declare rovingRow: string | undefined;
  private declare announcement: string;

  private readonly hexMap = new HexMapController(this);
  /** Ids inside the shadow root; server-rendered markup keeps the ids it was given (hydration). */
  private readonly uid = serverUid(this) ?? `tcl${++instances}`;

  private rows: readonly AreaRow[] = [];
  private rowsById = new Map<string, AreaRow>();
  private selection: AreaSelection | undefined;
  /** Shown rows in display order, for keyboard movement. */
  private flatRows: AreaRow[] = [];
  private shownIds = new Set<string>();
  private palette = new Map<string, PartyColour>();
  private hexViews: HexView[] = [];
  /** What this update puts on screen: every row and hex already there, and a portion of new ones (src/derive/portions.ts). */
  private rowsNow = new Set<string>();
  private hexesNow: HexView[] = [];
  private hexKeysNow = new Set<string>();
  /** Rows or hexes are still to come in later updates. */
  private filling = false;
  /** New rows and hexes the next update may add; how many this one adds; whether it also derived the rows. */
  private portion = FIRST_PORTION;
  private added = 0;
  private derived = false;
  private hexCache = new Map<string, HexView>();
  private hexViewsFrom: { grid: HexGrid; rows: readonly AreaRow[]; selection: AreaSelection | undefined; palette: ReadonlyMap<string, PartyColour>; locale: string; messages: number } | undefined;
  private pointsFor: { grid: HexGrid; points: Map<string, string>; rings: Map<string, string> } | undefined;
  private rowsFrom: { feed: Feed; locale: string } | undefined;
  private paletteFrom: { feed: Feed; scheme: string } | undefined;
  private lastFeed: Feed | undefined;
  private newUntil = new Map<string, number>();
  private newTimer: ReturnType<typeof setTimeout> | undefined;
  private announceTimer: ReturnType<typeof setTimeout> | undefined;
  /** Focus to put back after an update: the list row that had it, and where it was. */
  private focusBefore: { kind: 'row'; id: string; index: number } | undefined;
  /** Scroll the open row into view after the next update (chosen on the map). */
  private revealSelected = false;
  private zoomAnchor: { fx: number; fy: number } | undefined;

  constructor() {
    super();
    this.zoom = 1;
    this.mapFocused = false;
    this.announcement = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.scheduleNewExpiry();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.newTimer);
    clearTimeout(this.announceTimer);
  }

  // ---------------------------------------------------------------- derive

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.hexMap.configure({ src: this.layoutSrc, layout: this.layout });
    // Focus exists only in a browser.
    if (!isServer) this.rememberFocus();
    if (changed.has('selected') && this.selected) this.revealSelected = true;

    const feed = this.data.feed;
    if (!feed) {
      this.filling = false;
      return;
    }
    const feedChanged = feed !== this.lastFeed;
    if (feedChanged) this.markNew(feed);
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
    if (queryChanged || rebuild) this.checkSettings();
    if (!this.selection || queryChanged) this.select();

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
    this.buildHexViews();
    this.takePortion();
    this.derived = rebuild;
  }

  /**
   * Choose what this update renders: the rows and hexes on screen already, the open area and the
   * keyboard's row and hex, and up to half a portion of new rows and as many new hexes.
   */
  private takePortion(): void {
    // A server render has one pass, and a page without script must list every area: all at once
    // (and so does the render that hydrates it, to find the same rows).
    const room = rendersAsServer(this) ? Number.POSITIVE_INFINITY : Math.ceil(this.portion / 2);
    const must = (id: string) => id === this.selected || id === this.rovingRow || id === this.rovingHex;
    const rows = takePortion(this.flatRows, (row) => row.id, this.rowsNow, must, room);
    const hexes = takePortion(this.hexViews, (view) => view.key, this.hexKeysNow, must, room);
    this.rowsNow = rows.keys;
    this.hexKeysNow = hexes.keys;
    this.hexesNow = hexes.items;
    this.added = rows.added + hexes.added;
    this.filling = rows.items.length < this.flatRows.length || hexes.items.length < this.hexViews.length;
  }

  /**
   * An update with a new feed, or with the next portion of rows, takes its turn with the page's
   * other widgets (FeedController.turn); an update that added a portion sizes the next one from
   * how long it took.
   */
  protected override updateInTurn(): void {
    const start = performance.now();
    super.updateInTurn();
    const timing = { added: this.added, took: performance.now() - start, total: this.flatRows.length + this.hexViews.length, derived: this.derived };
    this.portion = nextPortion(this.portion, timing);
    this.added = 0;
    this.derived = false;
  }

  protected override get largeUpdate(): boolean {
    return this.filling;
  }

  /** Resolves once every row and hex is on screen, not after the first portion. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    while (this.filling) complete = await super.getUpdateComplete();
    return complete;
  }

  private select(): void {
    this.selection = selectAreaRows(
      this.rows,
      {
        filter: isFilter(this.filter) ? this.filter : 'all',
        party: this.party || undefined,
        search: this.search,
        sort: isSort(this.sort) ? this.sort : 'name',
        groupBy: isGrouping(this.groupBy) && availableGroupings(this.rows).includes(this.groupBy) ? this.groupBy : 'none',
      },
      this.locale,
    );
    this.flatRows = this.selection.groups.flatMap((group) => group.rows);
    this.shownIds = new Set(this.flatRows.map((row) => row.id));
    if (this.rovingRow === undefined || !this.shownIds.has(this.rovingRow)) {
      this.rovingRow = this.selected && this.shownIds.has(this.selected) ? this.selected : this.flatRows[0]?.id;
    }
  }

  /** Areas declared since the previous feed are marked for a minute (not on the first feed). */
  private markNew(feed: Feed): void {
    const changes = this.data.changes;
    if (!changes || changes.fromRevision === undefined || changes.toRevision !== feed.meta.revision) return;
    const until = monotonicNow() + NEW_FOR_MS;
    for (const id of changes.declared) this.newUntil.set(id, until);
    this.scheduleNewExpiry();
  }

  private scheduleNewExpiry(): void {
    clearTimeout(this.newTimer);
    if (this.newUntil.size === 0) return;
    const next = Math.min(...this.newUntil.values());
    this.newTimer = setTimeout(() => {
      const now = monotonicNow();
      for (const [id, until] of this.newUntil) if (until <= now) this.newUntil.delete(id);
      this.scheduleNewExpiry();
      this.requestUpdate();
    }, timerDelay(next - monotonicNow() + 50));
  }

  private isNew(id: string): boolean {
    return (this.newUntil.get(id) ?? 0) > monotonicNow();
  }

  private buildHexViews(): void {
    const grid = this.hexMap.grid;
    if (!grid) {
      this.hexViews = [];
      this.hexViewsFrom = undefined;
      return;
    }
    // Hover and focus change nothing here: rebuild only when what the hexes show can change.
    const from = { grid, rows: this.rows, selection: this.selection, palette: this.palette, locale: this.locale, messages: messagesVersion() };
    const last = this.hexViewsFrom;
    if (last && last.grid === from.grid && last.rows === from.rows && last.selection === from.selection && last.palette === from.palette && last.locale === from.locale && last.messages === from.messages) return;
    this.hexViewsFrom = from;
    if (!this.pointsFor || this.pointsFor.grid !== grid) {
      const corners = hexCorners(grid.orientation, grid.radius);
      const ring = hexCorners(grid.orientation, grid.radius * RING_SCALE);
      this.pointsFor = {
        grid,
        points: new Map(grid.hexes.map((hex) => [hex.key, hexPoints(hex, corners)])),
        rings: new Map(grid.hexes.map((hex) => [hex.key, hexPoints(hex, ring)])),
      };
      this.hexCache.clear();
    }
    const feed = this.data.feed!;
    const filtering = this.selection !== undefined && this.selection.shown < this.selection.total;
    const undeclared = this.palette.get('undeclared')!;
    this.hexViews = grid.hexes.map((hex) => {
      const row = this.rowsById.get(hex.key);
      const colour = row?.colourKey !== undefined ? this.palette.get(row.colourKey) ?? partyPalette(this, feed, this.preferences.scheme(this.theme), [row.colourKey]).get(row.colourKey) : undefined;
      const kind: HexKind = !row || row.status === 'no-election'
        ? 'none'
        : row.status !== 'declared'
          ? 'awaiting'
          : row.colourKey === NO_OVERALL_CONTROL
            ? 'noc'
            : row.colourKey !== undefined
              ? 'result'
              : 'declared';
      const fill = kind === 'none' ? undefined : kind === 'awaiting' || kind === 'declared' ? undeclared.fill : colour?.fill;
      const ringColour = colour?.text ?? undeclared.text;
      const gain = row?.changedHands ?? false;
      const dim = filtering && row !== undefined && !this.shownIds.has(row.id);
      const label = row
        ? `${isolate(row.name)}: ${describeOutcome(row.outcome, feed, this.locale)}`
        : `${isolate(hex.name ?? hex.key)}: ${translate(this.locale, 'status.no-election')}`;
      const selectable = row !== undefined;
      const signature = `${fill}|${ringColour}|${kind}|${gain}|${dim}|${label}|${selectable}`;
      const cached = this.hexCache.get(hex.key);
      if (cached && cached.signature === signature) return cached;
      const view: HexView = {
        key: hex.key,
        points: this.pointsFor!.points.get(hex.key)!,
        ring: gain ? this.pointsFor!.rings.get(hex.key) : undefined,
        fill,
        ringColour,
        kind,
        selectable,
        dim,
        label,
        signature,
      };
      this.hexCache.set(hex.key, view);
      return view;
    });
    if (this.rovingHex === undefined || !this.rowsById.has(this.rovingHex) || !grid.byKey.has(this.rovingHex)) {
      this.rovingHex = this.firstHex(grid)?.key;
    }
  }

  /** The top-left selectable hex: where the keyboard enters the map. */
  private firstHex(grid: HexGrid): PlacedHex | undefined {
    if (this.selected && grid.byKey.has(this.selected) && this.rowsById.has(this.selected)) return grid.byKey.get(this.selected);
    let best: PlacedHex | undefined;
    for (const hex of grid.hexes) {
      if (!this.rowsById.has(hex.key)) continue;
      if (!best || hex.y < best.y - 1e-6 || (Math.abs(hex.y - best.y) < 1e-6 && hex.x < best.x)) best = hex;
    }
    return best;
  }

  /** Settings a host page got wrong are named on the console; the default is used instead. */
  private checkSettings(): void {
    this.choice('filter', this.filter, AREA_FILTERS, 'all');
    this.choice('group-by', this.groupBy, AREA_GROUPINGS, 'none');
    this.choice('sort', this.sort, AREA_SORTS, 'name');
    if (this.party && this.data.feed && !this.data.feed.parties.some((party) => party.id === this.party)) {
      this.warnOnce(`party="${this.party}" is not a party in the feed`);
    }
  }

  // ---------------------------------------------------------------- render

  protected override render(): TemplateResult {
    return this.renderShell((feed) => this.renderContent(feed));
  }

  private renderContent(feed: Feed): TemplateResult {
    const locale = this.locale;
    if (feed.areas.length === 0) return html`<p class="notice" part="notice" data-kind="empty">${translate(locale, 'feed.empty')}</p>`;
    const at = progress(feed);
    const hasMap = this.hexMap.requested;
    return html`
      <p class="caption" part="caption">${describeProgress(at.declared, at.total, at.areaType, locale)}</p>
      ${this.selected && !this.rowsById.has(this.selected)
        ? html`<p class="notice" part="notice" data-kind="unknown-area">${translate(locale, 'feed.unknownArea', { id: this.selected })}</p>`
        : nothing}
      <div class="body" data-uid=${this.uid} ?data-map=${hasMap} ?data-server=${this.serverRender.fromServer || rendersAsServer(this)}>
        ${hasMap ? this.renderMapPane(feed) : nothing}
        ${this.renderListPane(feed)}
      </div>
    `;
  }

  // The map ----------------------------------------------------------------

  private renderMapPane(feed: Feed): TemplateResult {
    const locale = this.locale;
    const grid = this.hexMap.grid;
    const error = this.hexMap.error;
    return html`<div class="map-pane" part="map">
      ${error ? html`<p class="notice" part="notice" data-kind="layout">${translate(locale, 'councilList.layoutError', { reason: error })}</p>` : nothing}
      ${grid ? this.renderMap(grid, feed) : !error ? html`<div class="skeleton map-skeleton" part="skeleton" role="img" aria-label=${translate(locale, 'councilList.layoutLoading')}></div>` : nothing}
    </div>`;
  }

  // The map's focus listeners sit on its HTML box, not on the SVG: Chromium gives an SVG element
  // with focus listeners a tab stop of its own.
  private renderMap(grid: HexGrid, feed: Feed): TemplateResult {
    const locale = this.locale;
    const box = grid.viewBox;
    const aspect = box.width / box.height;
    const hatch = `${this.uid}-hatch`;
    const dots = `${this.uid}-dots`;
    const hintId = `${this.uid}-map-hint`;
    const descriptionId = `${this.uid}-map-description`;
    const zoomIndex = ZOOM_LEVELS.indexOf(this.zoom as (typeof ZOOM_LEVELS)[number]);
    const missing = this.rows.filter((row) => !grid.byKey.has(row.id));
    const roving = this.rovingHex;
    return html`
      <div class="map-tools">
        <span class="zoom-level" aria-live="polite">${this.zoom > 1 ? translate(locale, 'councilList.zoomLevel', { value: formatNumber(this.zoom, locale) }) : nothing}</span>
        <button type="button" class="zoom" data-zoom="out" ?disabled=${zoomIndex <= 0} @click=${() => this.zoomBy(-1)}>
          <span aria-hidden="true">−</span><span class="visually-hidden">${translate(locale, 'councilList.zoomOut')}</span>
        </button>
        <button type="button" class="zoom" data-zoom="in" ?disabled=${zoomIndex >= ZOOM_LEVELS.length - 1} @click=${() => this.zoomBy(1)}>
          <span aria-hidden="true">+</span><span class="visually-hidden">${translate(locale, 'councilList.zoomIn')}</span>
        </button>
      </div>
      <div class="map-scroll" data-zoomed=${this.zoom > 1 ? 'true' : 'false'}>
        <div
          class="map-canvas"
          part="map-canvas"
          style=${styleMap({ '--_aspect': String(aspect), '--_zoom': String(this.zoom) })}
          @focusin=${this.onMapFocusIn}
          @focusout=${this.onMapFocusOut}
        >
          <svg
            viewBox=${viewBoxAttribute(box)}
            role="group"
            aria-label=${translate(locale, 'councilList.map')}
            aria-describedby="${descriptionId} ${hintId}"
            @pointerleave=${this.onMapPointerLeave}
          >
            <defs>
              <pattern id=${hatch} patternUnits="userSpaceOnUse" width="4" height="4" patternTransform="rotate(45)">
                <line class="hatch-line" x1="0" y1="0" x2="0" y2="4"></line>
              </pattern>
              <pattern id=${dots} patternUnits="userSpaceOnUse" width="4" height="4">
                <circle class="dot" cx="2" cy="2" r="0.9"></circle>
              </pattern>
            </defs>
            <g
              class="hexes"
              @click=${this.onHexClick}
              @keydown=${this.onHexKeydown}
              @pointerover=${this.onHexPointerOver}
            >
              ${repeat(
                this.hexesNow,
                (view) => view.key,
                (view) => guard([view, view.key === roving, view.key === this.selected, this.isNew(view.key)], () => this.renderHex(view, view.key === roving, hatch, dots)),
              )}
            </g>
            ${this.renderMapOverlay(grid)}
          </svg>
          ${this.renderTooltip(grid, feed)}
        </div>
      </div>
      <p class="visually-hidden" id=${descriptionId}>${translate(locale, 'councilList.mapDescription')}</p>
      <p class="hint" id=${hintId}>${translate(locale, 'councilList.mapHint')}</p>
      ${this.renderLegend(feed, hatch, dots)}
      ${missing.length > 0
        ? html`<div class="missing" part="missing">
            <p>${translate(locale, 'councilList.notOnMap', { count: missing.length })}</p>
            <ul>
              ${missing.map((row) => html`<li><button type="button" class="link" aria-expanded=${this.selected === row.id ? 'true' : 'false'} @click=${() => this.choose(row.id, 'list', true)}><bdi>${row.name}</bdi></button></li>`)}
            </ul>
          </div>`
        : nothing}
    `;
  }

  private renderHex(view: HexView, roving: boolean, hatch: string, dots: string): TemplateResult {
    const selected = this.selected === view.key;
    const fresh = this.isNew(view.key);
    if (!view.selectable) {
      return svg`<g class="hex" part="hex" data-id=${view.key} data-kind="none" ?data-dim=${view.dim} aria-hidden="true">
        <polygon class="fill" points=${view.points}></polygon>
      </g>`;
    }
    return svg`<g
      class="hex"
      part="hex"
      data-id=${view.key}
      data-kind=${view.kind}
      ?data-dim=${view.dim}
      ?data-new=${fresh}
      role="button"
      tabindex=${roving ? '0' : '-1'}
      aria-label=${view.label}
      aria-pressed=${selected ? 'true' : 'false'}
    >
      <polygon class="fill" points=${view.points} fill=${view.fill ?? nothing}></polygon>
      ${view.kind === 'awaiting' || view.kind === 'noc' || view.ring ? this.renderHexMarks(view, hatch, dots) : nothing}
    </g>`;
  }

  /** The pattern of an awaiting or NOC hex and the ring of a gain: one part for the three, as most hexes have none. */
  private renderHexMarks(view: HexView, hatch: string, dots: string): TemplateResult {
    const pattern = view.kind === 'awaiting' ? hatch : view.kind === 'noc' ? dots : undefined;
    if (!pattern) return svg`<polygon class="ring" points=${view.ring} stroke=${view.ringColour}></polygon>`;
    if (!view.ring) return svg`<polygon class="pattern" points=${view.points} fill="url(#${pattern})"></polygon>`;
    return svg`<polygon class="pattern" points=${view.points} fill="url(#${pattern})"></polygon><polygon class="ring" points=${view.ring} stroke=${view.ringColour}></polygon>`;
  }

  /** Outlines drawn over every hex: the open area, and the keyboard focus. */
  private renderMapOverlay(grid: HexGrid): TemplateResult {
    const points = this.pointsFor?.points;
    const selected = this.selected !== undefined && grid.byKey.has(this.selected) ? points?.get(this.selected) : undefined;
    const focused = this.mapFocused && this.rovingHex !== undefined ? points?.get(this.rovingHex) : undefined;
    return svg`<g class="overlay" aria-hidden="true">
      ${selected ? svg`<polygon class="selected-halo" points=${selected}></polygon><polygon class="selected-line" points=${selected}></polygon>` : nothing}
      ${focused ? svg`<polygon class="focus-halo" points=${focused}></polygon><polygon class="focus-line" points=${focused}></polygon>` : nothing}
    </g>`;
  }

  private renderTooltip(grid: HexGrid, feed: Feed): TemplateResult | typeof nothing {
    // Hover (a tap, on touch screens) or keyboard focus; the open area has its ring and its detail.
    const key = this.hoverKey ?? (this.mapFocused ? this.rovingHex : undefined);
    const hex = key !== undefined ? grid.byKey.get(key) : undefined;
    if (!hex) return nothing;
    const row = this.rowsById.get(hex.key);
    const locale = this.locale;
    const box = grid.viewBox;
    const fx = (hex.x - box.x) / box.width;
    const fy = (hex.y - box.y) / box.height;
    const seats = row ? this.seatsSummary(row, feed) : undefined;
    return html`<div
      class="tooltip"
      part="tooltip"
      aria-hidden="true"
      data-below=${fy < 0.3 ? 'true' : 'false'}
      style=${styleMap({ '--_x': String(fx), '--_y': String(fy) })}
    >
      <strong><bdi>${row?.name ?? hex.name ?? hex.key}</bdi></strong>
      <span>${row ? describeOutcome(row.outcome, feed, locale) : translate(locale, 'status.no-election')}</span>
      ${seats ? html`<span class="tooltip-seats">${seats}</span>` : nothing}
    </div>`;
  }

  private renderLegend(feed: Feed, hatch: string, dots: string): TemplateResult {
    const locale = this.locale;
    const names = feedNames(feed, locale);
    const parties = partiesWithAreas(feed, this.rows);
    const undeclared = this.palette.get('undeclared')!;
    const noc = this.palette.get(NO_OVERALL_CONTROL)!;
    const item = (fill: string | undefined, label: string, extra: TemplateResult | typeof nothing = nothing, kind = 'result') =>
      html`<li part="legend-item">
        <svg class="legend-swatch" viewBox="-10 -10 20 20" aria-hidden="true" data-kind=${kind}>
          <polygon class="fill" points=${hexPoints({ x: 0, y: 0 }, hexCorners('pointy', 9))} fill=${fill ?? nothing}></polygon>${extra}
        </svg>
        <bdi>${label}</bdi>
      </li>`;
    const gainRing = svg`<polygon class="ring" points=${hexPoints({ x: 0, y: 0 }, hexCorners('pointy', 9 * RING_SCALE))} stroke=${undeclared.text}></polygon>`;
    return html`<div class="legend" part="legend">
      <p class="legend-title">${translate(locale, 'councilList.legend')}</p>
      <ul>
        ${parties.map((party) => item(this.palette.get(party)?.fill, names.party(party)))}
        ${controlIsCounted(feed) ? item(noc.fill, translate(locale, 'councilList.legendNoc'), svg`<polygon class="pattern" points=${hexPoints({ x: 0, y: 0 }, hexCorners('pointy', 9))} fill="url(#${dots})"></polygon>`, 'noc') : nothing}
        ${item(undeclared.fill, translate(locale, 'councilList.legendGain'), gainRing)}
        ${item(undeclared.fill, translate(locale, 'councilList.legendAwaiting'), svg`<polygon class="pattern" points=${hexPoints({ x: 0, y: 0 }, hexCorners('pointy', 9))} fill="url(#${hatch})"></polygon>`, 'awaiting')}
        ${this.hexViews.some((view) => view.kind === 'none') ? item(undefined, translate(locale, 'councilList.legendNoElection'), nothing, 'none') : nothing}
      </ul>
    </div>`;
  }

  // The list ----------------------------------------------------------------

  private renderListPane(feed: Feed): TemplateResult {
    const locale = this.locale;
    const selection = this.selection!;
    const listId = `${this.uid}-list`;
    const hintId = `${this.uid}-list-hint`;
    const hiddenSelected = this.selected !== undefined && this.rowsById.has(this.selected) && !this.shownIds.has(this.selected) ? this.rowsById.get(this.selected) : undefined;
    return html`<div class="list-pane">
      ${this.renderControls(feed, selection)}
      <p class="count" part="count">${translate(locale, 'councilList.showing', { shown: formatNumber(selection.shown, locale), total: formatNumber(selection.total, locale) })}</p>
      <p class="visually-hidden" role="status">${this.announcement}</p>
      ${hiddenSelected
        ? html`<p class="notice hidden-selected" part="notice" data-kind="hidden-selected">
            ${translate(locale, 'councilList.hiddenSelected', { name: isolate(hiddenSelected.name) })}
            <button type="button" class="link" @click=${this.showSelected}>${translate(locale, 'councilList.showSelected')}</button>
          </p>`
        : nothing}
      <div class="list-scroll" part="list" id=${listId} ?data-grouped=${selection.shown > 0 && (selection.groups.length > 1 || selection.groups[0]?.label !== undefined)} @keydown=${this.onRowKeydown} @click=${this.onRowClick}>
        ${selection.shown === 0
          ? html`<p class="empty" part="empty">${translate(locale, 'councilList.noMatches')}
              <button type="button" class="link" @click=${this.clearFilters}>${translate(locale, 'councilList.clearFilters')}</button></p>`
          : selection.groups.map((group) => this.renderGroup(group.key, group.label, group.rows, feed, hintId))}
      </div>
      <p class="hint" id=${hintId}>${translate(locale, 'councilList.listHint')}</p>
    </div>`;
  }

  private renderGroup(key: string, label: string | undefined, rows: readonly AreaRow[], feed: Feed, hintId: string): TemplateResult {
    const grouped = this.selection!.groups.length > 1 || label !== undefined;
    const labelId = `${this.uid}-group-${key.replace(/[^A-Za-z0-9_-]/g, '_')}`;
    const text = label ?? translate(this.locale, 'councilList.groupNotGiven');
    return html`
      ${grouped ? html`<p class="group-label" part="group-label" id=${labelId}><bdi>${text}</bdi> <span class="group-count">(${formatNumber(rows.length, this.locale)})</span></p>` : nothing}
      <ul class="rows" aria-labelledby=${grouped ? labelId : nothing} aria-label=${grouped ? nothing : translate(this.locale, 'councilList.list')} aria-describedby=${hintId}>
        ${repeat(
          rows.filter((row) => this.rowsNow.has(row.id)),
          (row) => row.id,
          (row) =>
            guard([row, row.id === this.selected, row.id === this.rovingRow, this.isNew(row.id), this.palette, this.locale, messagesVersion(), this.timeZone], () =>
              this.renderRow(row, feed),
            ),
        )}
      </ul>
    `;
  }

  private renderRow(row: AreaRow, feed: Feed): TemplateResult {
    const locale = this.locale;
    const selected = row.id === this.selected;
    const colour = row.colourKey !== undefined ? this.palette.get(row.colourKey) : undefined;
    const undeclared = this.palette.get('undeclared')!;
    const kind = row.status === 'no-election' ? 'none' : row.status !== 'declared' ? 'awaiting' : row.colourKey === NO_OVERALL_CONTROL ? 'noc' : colour ? 'result' : 'declared';
    const seats = this.seatsSummary(row, feed);
    const fresh = this.isNew(row.id);
    const detailId = `${this.uid}-detail-${row.id}`;
    // Compact (vite.templates.ts): the row's boxes are grid and flex items, so the white space
    // between its tags renders nothing, and it is not cloned into every row. Text goes in as
    // children, not `.textContent`: a server render (Lit SSR) writes children, never properties.
    return html/* compact */ `<li
      class="row"
      part="row"
      data-id=${row.id}
      data-kind=${kind}
      ?data-gain=${row.changedHands}
      ?data-selected=${selected}
      ?data-new=${fresh}
      style=${styleMap({ '--_fill': colour?.fill ?? undeclared.fill, '--_ring': colour?.text ?? undeclared.text })}
    >
      <button
        type="button"
        class="row-button"
        id=${`${this.uid}-row-${row.id}`}
        data-id=${row.id}
        tabindex=${row.id === this.rovingRow ? '0' : '-1'}
        aria-expanded=${selected ? 'true' : 'false'}
        aria-controls=${selected ? detailId : nothing}
      >
        <span class="swatch" part="swatch" aria-hidden="true"></span>
        <span class="row-main">
          <bdi class="row-name">${row.name}</bdi><span class="visually-hidden">, </span>
          <span class="row-outcome">${describeOutcome(row.outcome, feed, locale)}</span>
          ${seats ? html`<span class="visually-hidden">, </span><span class="row-seats">${seats}</span>` : nothing}
        </span>
        ${fresh || row.declaredAt
          ? html/* compact */ `<span class="row-side">
              ${fresh ? html`<span class="visually-hidden">, </span><span class="row-new">${translate(locale, 'councilList.new')}</span>` : nothing}${row.declaredAt ? html`<span class="visually-hidden">, </span><span class="row-time">${withTime(locale, 'councilList.declaredAt', row.declaredAt, this.timeZone)}</span>` : nothing}
            </span>`
          : nothing}
      </button>
      ${selected ? renderAreaDetail(row, detailId, { feed, locale, timeZone: this.timeZone, palette: this.palette }) : nothing}
    </li>`;
  }

  /** "Seats won: LD 39 (+21), Con 9 (−19)", or for one seat "Lab 53.8%, majority 10,490". */
  private seatsSummary(row: AreaRow, feed: Feed): string | undefined {
    const locale = this.locale;
    // Each name beside its figures: "Con 17 (−7)" stays that way round whatever the name holds.
    const names = feedNames(feed, locale, { isolated: true });
    if (row.singleSeat) {
      if (row.controlAfter === undefined) return undefined;
      const parts: string[] = [];
      if (row.winnerShare !== undefined) parts.push(translate(locale, 'councilList.winnerShare', { party: names.party(row.controlAfter, { short: true }), share: formatShare(row.winnerShare, locale) }));
      if (row.majorityVotes !== undefined) parts.push(translate(locale, 'councilList.majorityVotes', { count: formatNumber(row.majorityVotes, locale) }));
      return parts.length > 0 ? parts.join(', ') : undefined;
    }
    if (row.seatsWon.length === 0) return undefined;
    const list = row.seatsWon
      .map((figure) => `${names.party(figure.party, { short: true })} ${formatNumber(figure.seats, locale)}${figure.change !== undefined ? ` (${formatChange(figure.change, locale)})` : ''}`)
      .join(', ');
    return translate(locale, 'councilList.seatsWon', { list });
  }

  private renderControls(feed: Feed, selection: AreaSelection): TemplateResult {
    const locale = this.locale;
    const names = feedNames(feed, locale);
    const filter = isFilter(this.filter) ? this.filter : 'all';
    const filters = AREA_FILTERS.filter((option) => option !== 'noc' || controlIsCounted(feed));
    const parties = partiesWithAreas(feed, this.rows);
    if (this.party && !parties.includes(this.party)) parties.push(this.party);
    const groupings = availableGroupings(this.rows);
    const groupBy = isGrouping(this.groupBy) && groupings.includes(this.groupBy) ? this.groupBy : 'none';
    const sort = isSort(this.sort) ? this.sort : 'name';
    const id = (name: string) => `${this.uid}-${name}`;
    return html`<form class="controls" part="controls" @submit=${(event: Event) => event.preventDefault()}>
      <fieldset class="filters">
        <legend>${translate(locale, 'councilList.filters')}</legend>
        ${filters.map(
          (option) => html`<label class="chip" data-filter=${option}>
            <input type="radio" name=${id('filter')} value=${option} ?checked=${filter === option} @change=${this.onFilterChange} />
            <span class="chip-label">${translate(locale, `councilList.filter.${option}`)}</span>
            <span class="chip-count">${formatNumber(selection.filterCounts[option], locale)}</span>
          </label>`,
        )}
      </fieldset>
      <div class="fields">
        <div class="field field-search">
          <label for=${id('search')}>${translate(locale, 'councilList.search')}</label>
          <input id=${id('search')} type="search" autocomplete="off" spellcheck="false" .value=${live(this.search ?? '')} @input=${this.onSearchInput} />
        </div>
        <div class="field">
          <label for=${id('party')}>${translate(locale, 'councilList.party')}</label>
          <select id=${id('party')} @change=${this.onPartyChange}>
            <option value="" ?selected=${!this.party}>${translate(locale, 'councilList.anyParty')}</option>
            ${parties.map(
              (party) => html`<option value=${party} ?selected=${this.party === party}>
                ${translate(locale, 'councilList.optionCount', { label: isolate(names.party(party)), count: formatNumber(selection.partyCounts.get(party) ?? 0, locale) })}
              </option>`,
            )}
          </select>
        </div>
        ${groupings.length > 1
          ? html`<div class="field">
              <label for=${id('group')}>${translate(locale, 'councilList.groupBy')}</label>
              <select id=${id('group')} @change=${this.onGroupChange}>
                ${groupings.map((option) => html`<option value=${option} ?selected=${groupBy === option}>${translate(locale, `councilList.group.${option}`)}</option>`)}
              </select>
            </div>`
          : nothing}
        <div class="field">
          <label for=${id('sort')}>${translate(locale, 'councilList.sortBy')}</label>
          <select id=${id('sort')} @change=${this.onSortChange}>
            ${AREA_SORTS.map((option) => html`<option value=${option} ?selected=${sort === option}>${translate(locale, `councilList.sort.${option}`)}</option>`)}
          </select>
        </div>
      </div>
    </form>`;
  }

  // ---------------------------------------------------------------- after render

  protected override updated(): void {
    // The radios' checked state follows the filter (an attribute only sets their default: Lit SSR
    // writes a property binding of false as checked="false", which HTML reads as checked).
    const filter = isFilter(this.filter) ? this.filter : 'all';
    for (const radio of this.renderRoot.querySelectorAll<HTMLInputElement>('.filters input[type="radio"]')) radio.checked = radio.value === filter;
    // The next portion of a long list: an update of its own, which takes its turn.
    if (this.filling) this.requestUpdate();
    this.restoreFocus();
    // A selection made before the feed arrived waits for its row, and for the rows above it.
    if (this.revealSelected && !this.filling && (this.rowsById.size > 0 || !this.selected)) {
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
      this.focusBefore = { kind: 'row', id: active.dataset.id, index: this.flatRows.findIndex((row) => row.id === active.dataset.id) };
    } else this.focusBefore = undefined;
  }

  /** After an update: if the focused row left the list (filtered out by new results), focus its neighbour. */
  private restoreFocus(): void {
    const before = this.focusBefore;
    this.focusBefore = undefined;
    if (!before || this.shadowRoot?.activeElement) return;
    const next = this.flatRows[Math.min(Math.max(before.index, 0), this.flatRows.length - 1)];
    if (next) {
      this.rovingRow = next.id;
      void this.updateComplete.then(() => this.rowButton(next.id)?.focus());
    } else this.renderRoot.querySelector<HTMLInputElement>('input[type="search"]')?.focus();
  }

  private rowButton(id: string | undefined): HTMLElement | null {
    return id === undefined ? null : this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(`${this.uid}-row-${id}`)}`);
  }

  private hexElement(id: string | undefined): SVGGElement | null {
    return id === undefined ? null : this.renderRoot.querySelector<SVGGElement>(`.hex[data-id="${CSS.escape(id)}"]`);
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
      this.rovingHex = this.hexMap.grid?.byKey.has(id) ? id : this.rovingHex;
      if (this.shownIds.has(id)) this.rovingRow = id;
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
    this.rovingRow = button.dataset.id;
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
    if (!row) return;
    this.rovingRow = row.id;
    void this.updateComplete.then(() => {
      const target = this.rowButton(row.id);
      target?.focus();
      target?.scrollIntoView({ block: 'nearest' });
    });
  };

  private hexFromEvent(event: Event): string | undefined {
    const hex = (event.target as Element).closest?.('.hex');
    return hex instanceof SVGElement ? hex.dataset.id : undefined;
  }

  private onHexClick = (event: Event): void => {
    const id = this.hexFromEvent(event);
    if (id === undefined || !this.rowsById.has(id)) return;
    this.rovingHex = id;
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
    if (id !== undefined) this.rovingHex = id;
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
    if (!target) return;
    this.rovingHex = target.key;
    void this.updateComplete.then(() => this.hexElement(target.key)?.focus());
  };

  /** The first selectable hex reading from the top left (direction 1) or bottom right (-1). */
  private firstHexInOrder(grid: HexGrid, direction: 1 | -1): PlacedHex | undefined {
    const candidates = grid.hexes.filter((hex) => this.rowsById.has(hex.key));
    candidates.sort((a, b) => direction * (a.y - b.y || a.x - b.x));
    return candidates[0];
  }

  private zoomBy(step: 1 | -1): void {
    const index = ZOOM_LEVELS.indexOf(this.zoom as (typeof ZOOM_LEVELS)[number]);
    const next = ZOOM_LEVELS[Math.min(ZOOM_LEVELS.length - 1, Math.max(0, index + step))]!;
    if (next === this.zoom) return;
    // Keep the open or focused area in view, else the middle of what is shown now.
    const grid = this.hexMap.grid;
    const focus = grid && (this.mapFocused ? this.rovingHex : this.selected);
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
    this.announceTimer = setTimeout(() => {
      void this.updateComplete.then(() => {
        const selection = this.selection;
        if (!selection) return;
        this.announcement = translate(this.locale, 'councilList.showing', {
          shown: formatNumber(selection.shown, this.locale),
          total: formatNumber(selection.total, this.locale),
        });
      });
    }, delay);
  }
}
