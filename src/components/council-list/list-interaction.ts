/**
 * How a reader works the council list's list: the arrow keys, Home, End and Page Up/Down move
 * between rows (one tab stop, RovingFocus); a row that leaves the list under the keyboard
 * (filtered out by new results) hands focus to its neighbour; the open row is scrolled into
 * view in the list's own box; changing the filters is announced once the reader stops.
 */
import { isServer, type ReactiveController, type ReactiveControllerHost } from 'lit';
import {
  AREA_FILTERS,
  AREA_GROUPINGS,
  AREA_SORTS,
  type AreaFilter,
  type AreaGrouping,
  type AreaRow,
  type AreaSort,
} from '../../derive/area-rows.js';
import type { RovingFocus } from '../shared/roving-focus.js';
import type { ListView } from './view.js';

/** How long after the last keystroke the result count is announced (ms). */
const ANNOUNCE_DELAY_MS = 600;
/** Rows moved by Page Up / Page Down. */
const PAGE_ROWS = 10;

/** The reader's query, as the host's properties hold it. */
export interface ListQuery {
  filter: AreaFilter | undefined;
  party: string | undefined;
  search: string | undefined;
  groupBy: AreaGrouping | undefined;
  sort: AreaSort | undefined;
}

export interface ListInteractionOptions {
  /** The rows shown, in order. */
  rows(): readonly AreaRow[];
  /** The list's tab stop. */
  readonly roving: RovingFocus;
  /** The open area. */
  selected(): string | undefined;
  /** Open (or close) an area chosen in the list. */
  choose(id: string): void;
  /** Change the host's query properties. */
  query(change: Partial<ListQuery>): void;
  /** "Showing 12 of 150" for the live region, once the list is up to date; undefined before there is a list. */
  announce(): Promise<string | undefined>;
  /** The rows are all on screen (no portion to come). */
  complete(): boolean;
  /** The shadow root. */
  root(): ShadowRoot | null;
}

export class ListInteraction implements ReactiveController {
  /** The live region's text. */
  announcement = '';
  /** Scroll the open row into view after the next update that has it. */
  private revealPending = false;
  /** Focus to put back after an update: the list row that had it, and where it was. */
  private focusBefore: { id: string; index: number } | undefined;
  private announceTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: ListInteractionOptions,
  ) {
    host.addController(this);
  }

  /** Scroll the open row into view once it is on screen (or, `false`, no longer). */
  reveal(on = true): void {
    this.revealPending = on;
  }

  /** The list template's event handlers. */
  readonly handlers: ListView['on'] = {
    rowClick: (event) => {
      const id = rowOf(event);
      if (id === undefined) return;
      this.options.roving.remember(id);
      this.options.choose(id);
    },
    rowKeydown: (event) => this.keydown(event),
    filterChange: (event) => {
      const value = (event.target as HTMLInputElement).value;
      if (!AREA_FILTERS.includes(value as AreaFilter)) return;
      this.options.query({ filter: value as AreaFilter });
      this.announceCount(0);
    },
    partyChange: (event) => {
      this.options.query({ party: (event.target as HTMLSelectElement).value || undefined });
      this.announceCount(0);
    },
    searchInput: (event) => {
      this.options.query({ search: (event.target as HTMLInputElement).value });
      this.announceCount(ANNOUNCE_DELAY_MS);
    },
    groupChange: (event) => {
      const value = (event.target as HTMLSelectElement).value;
      if (AREA_GROUPINGS.includes(value as AreaGrouping)) this.options.query({ groupBy: value as AreaGrouping });
    },
    sortChange: (event) => {
      const value = (event.target as HTMLSelectElement).value;
      if (AREA_SORTS.includes(value as AreaSort)) this.options.query({ sort: value as AreaSort });
    },
    clearFilters: () => this.clearFilters(),
    showSelected: () => {
      this.clearFilters();
      this.reveal();
    },
  };

  /** Before the host derives its rows again: which list row has focus, so it can be put back if that row goes. */
  rememberFocus(): void {
    // Focus exists only in a browser (willUpdate also runs in a server render).
    if (isServer) return;
    const active = this.options.root()?.activeElement;
    const id =
      active && active instanceof HTMLElement && active.classList.contains('row-button')
        ? active.dataset.id
        : undefined;
    this.focusBefore =
      id !== undefined ? { id, index: this.options.rows().findIndex((row) => row.id === id) } : undefined;
  }

  hostUpdated(): void {
    this.restoreFocus();
    // A selection made before the feed arrived waits for its row, and for the rows above it.
    const selected = this.options.selected();
    if (this.revealPending && this.options.complete() && (this.options.rows().length > 0 || !selected)) {
      this.revealPending = false;
      this.revealRow(selected);
    }
  }

  hostDisconnected(): void {
    clearTimeout(this.announceTimer);
  }

  /** After an update: if the focused row left the list (filtered out by new results), focus its neighbour. */
  private restoreFocus(): void {
    const before = this.focusBefore;
    this.focusBefore = undefined;
    const root = this.options.root();
    if (!before || root?.activeElement) return;
    const rows = this.options.rows();
    const next = rows[Math.min(Math.max(before.index, 0), rows.length - 1)];
    if (next) this.options.roving.move(next.id);
    else root?.querySelector<HTMLInputElement>('input[type="search"]')?.focus();
  }

  private keydown(event: KeyboardEvent): void {
    const id = rowOf(event);
    if (id === undefined) return;
    const rows = this.options.rows();
    const index = rows.findIndex((row) => row.id === id);
    const last = rows.length - 1;
    const moves: Readonly<Record<string, number>> = {
      ArrowDown: Math.min(last, index + 1),
      ArrowUp: Math.max(0, index - 1),
      Home: 0,
      End: last,
      PageDown: Math.min(last, index + PAGE_ROWS),
      PageUp: Math.max(0, index - PAGE_ROWS),
    };
    if (!Object.hasOwn(moves, event.key)) return;
    event.preventDefault();
    const row = rows[moves[event.key] ?? index];
    if (row) this.options.roving.move(row.id, (control) => control.scrollIntoView({ block: 'nearest' }));
  }

  private clearFilters(): void {
    this.options.query({ filter: 'all', party: undefined, search: '' });
    this.announceCount(0);
  }

  /** Say how many areas are shown, once the reader has stopped changing the filters. */
  private announceCount(delay: number): void {
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => {
      void this.options.announce().then((text) => {
        if (text === undefined) return;
        this.announcement = text;
        this.host.requestUpdate();
      });
    }, delay);
  }

  /**
   * Scroll the list box (not the page) so the row is in view. Rows that were never laid out
   * (content-visibility) stand at an estimated height, so the row's place is only known once
   * they have been: they are laid out once here (a one-off on a reader's choice; afterwards
   * each remembers its real height), then the row is checked again for a few frames in case
   * something else moves it, unless the reader scrolls meanwhile.
   */
  private revealRow(id: string | undefined, frames = 8, settled = 0, expected?: number): void {
    const root = this.options.root();
    const scroller = root?.querySelector<HTMLElement>('.list-scroll');
    const row = id === undefined ? null : root?.querySelector<HTMLElement>(`.row[data-id="${CSS.escape(id)}"]`);
    if (!scroller || !row || frames <= 0 || settled >= 3 || id !== this.options.selected()) return;
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
}

/** The id of the row an event happened in. */
function rowOf(event: Event): string | undefined {
  const button = (event.target as Element | null)?.closest?.<HTMLElement>('.row-button');
  return button?.dataset.id || undefined;
}
