/**
 * What the council list's render modules draw from, for one render: built by the element,
 * with its event handlers. Every id is made from the element's `uid`, so that ARIA references
 * stay inside its one shadow root.
 */
import type { Feed } from '../../feed/schema.js';
import type { AreaFilter, AreaGrouping, AreaRow, AreaSelection, AreaSort } from '../../derive/area-rows.js';
import type { HexState } from '../../derive/area-view.js';
import type { HexGrid } from '../../layout/hex-grid.js';
import type { PartyColour } from '../shared/palette.js';

/** What one hex shows, and where. */
export interface HexView extends HexState {
  readonly points: string;
  /** The gain ring's points, for an area that changed hands. */
  readonly ring: string | undefined;
}

export interface CouncilListView {
  readonly feed: Feed;
  readonly locale: string;
  readonly timeZone: string | undefined;
  /** Prefix of every id in the shadow root. */
  readonly uid: string;
  readonly palette: ReadonlyMap<string, PartyColour>;
  /** The colour of areas without a result. */
  readonly undeclared: PartyColour;
  readonly rows: readonly AreaRow[];
  readonly rowsById: ReadonlyMap<string, AreaRow>;
  /** The open area. */
  readonly selected: string | undefined;
  isNew(id: string): boolean;
  /** Open (or close) an area on a reader's request. */
  choose(id: string, source: 'list' | 'map', reveal?: boolean): void;
}

export interface MapView extends CouncilListView {
  readonly grid: HexGrid;
  /** Hexes on screen in this update, and every hex. */
  readonly hexes: readonly HexView[];
  readonly allHexes: readonly HexView[];
  /** Each hex's outline, by key. */
  readonly points: ReadonlyMap<string, string>;
  readonly zoom: number;
  readonly zoomLevels: readonly number[];
  /** The hex that takes Tab. */
  readonly hexStop: string | undefined;
  readonly mapFocused: boolean;
  readonly hoverKey: string | undefined;
  readonly on: {
    zoomBy(step: 1 | -1): void;
    hexClick(event: Event): void;
    hexKeydown(event: KeyboardEvent): void;
    hexPointerOver(event: PointerEvent): void;
    mapPointerLeave(): void;
    mapFocusIn(event: FocusEvent): void;
    mapFocusOut(event: FocusEvent): void;
  };
}

export interface ListView extends CouncilListView {
  readonly selection: AreaSelection;
  readonly shownIds: ReadonlySet<string>;
  /** Rows on screen in this update. */
  readonly rowsNow: ReadonlySet<string>;
  /** The row that takes Tab. */
  readonly rowStop: string | undefined;
  readonly announcement: string;
  readonly filter: AreaFilter;
  readonly party: string | undefined;
  readonly search: string | undefined;
  readonly groupBy: AreaGrouping;
  readonly sort: AreaSort;
  /** Draw one row (`renderRow` of render-list.ts, through the element). */
  renderRow(row: AreaRow): unknown;
  readonly on: {
    rowClick(event: Event): void;
    rowKeydown(event: KeyboardEvent): void;
    filterChange(event: Event): void;
    partyChange(event: Event): void;
    searchInput(event: Event): void;
    groupChange(event: Event): void;
    sortChange(event: Event): void;
    clearFilters(): void;
    showSelected(): void;
  };
}
