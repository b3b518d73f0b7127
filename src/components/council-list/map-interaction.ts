/**
 * How a reader works the council list's hex map: hover and tap show an area's tooltip, the
 * arrow keys move between hexes as the eye sees them (one tab stop, RovingFocus), Home and
 * End go to the first and last area, Enter or Space opens one, + and − zoom, and zooming
 * keeps the open or focused area in view. The host renders from `zoom`, `hoverKey` and
 * `focused`, and passes `handlers` to the map's template.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  firstInReadingOrder,
  hexInDirection,
  type Direction,
  type HexGrid,
  type PlacedHex,
} from '../../layout/hex-grid.js';
import type { RovingFocus } from '../shared/roving-focus.js';
import type { MapView } from './view.js';

export const ZOOM_LEVELS: readonly number[] = [1, 1.5, 2, 3, 4];

const DIRECTIONS: Readonly<Record<string, Direction>> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
};

export interface MapInteractionOptions {
  /** The map's hexes, once its file is here. */
  grid(): HexGrid | undefined;
  /** Whether the area of a hex is in the feed (only those can be reached and opened). */
  selectable(key: string): boolean;
  /** The map's tab stop. */
  readonly roving: RovingFocus;
  /** The open area. */
  selected(): string | undefined;
  /** Open (or close) an area chosen on the map. */
  choose(key: string): void;
  /** The scrolling box around the map, as rendered. */
  scroller(): HTMLElement | null;
}

export class MapInteraction implements ReactiveController {
  /** One of ZOOM_LEVELS. */
  zoom = 1;
  /** The hex under the pointer (or last tapped). */
  hoverKey: string | undefined;
  /** Keyboard focus is on a hex. */
  focused = false;
  /** Where to scroll the zoomed map to after the next update, as fractions of its size. */
  private anchor: { fx: number; fy: number } | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: MapInteractionOptions,
  ) {
    host.addController(this);
  }

  /** The map template's event handlers. */
  readonly handlers: MapView['on'] = {
    zoomBy: (step) => this.zoomBy(step),
    hexClick: (event) => {
      const key = hexOf(event);
      if (key === undefined || !this.options.selectable(key)) return;
      this.options.roving.remember(key);
      this.options.choose(key);
    },
    hexPointerOver: (event) => this.set({ hoverKey: hexOf(event) }),
    mapPointerLeave: () => this.set({ hoverKey: undefined }),
    mapFocusIn: (event) => {
      const key = hexOf(event);
      if (key !== undefined) this.options.roving.remember(key);
      this.set({ focused: true });
    },
    mapFocusOut: (event) => {
      const next = event.relatedTarget;
      if (!(next instanceof Element) || !next.closest('.hexes')) this.set({ focused: false });
    },
    hexKeydown: (event) => this.keydown(event),
  };

  /** After the update that zoomed: scroll the anchor back into the middle. */
  hostUpdated(): void {
    const anchor = this.anchor;
    if (!anchor) return;
    this.anchor = undefined;
    const scroller = this.options.scroller();
    if (!scroller) return;
    scroller.scrollLeft = anchor.fx * scroller.scrollWidth - scroller.clientWidth / 2;
    scroller.scrollTop = anchor.fy * scroller.scrollHeight - scroller.clientHeight / 2;
  }

  private set(change: Partial<Pick<MapInteraction, 'hoverKey' | 'focused'>>): void {
    if (
      (!('hoverKey' in change) || change.hoverKey === this.hoverKey) &&
      (change.focused === undefined || change.focused === this.focused)
    )
      return;
    Object.assign(this, change);
    this.host.requestUpdate();
  }

  private keydown(event: KeyboardEvent): void {
    const grid = this.options.grid();
    const key = hexOf(event);
    const from = key !== undefined ? grid?.byKey.get(key) : undefined;
    if (!grid || key === undefined || !from) return;
    const selectable = (hex: PlacedHex) => this.options.selectable(hex.key);
    let target: PlacedHex | undefined;
    const direction = Object.hasOwn(DIRECTIONS, event.key) ? DIRECTIONS[event.key] : undefined;
    if (direction) target = hexInDirection(grid.hexes, from, direction, selectable);
    else if (event.key === 'Home') target = firstInReadingOrder(grid.hexes, 1, selectable);
    else if (event.key === 'End') target = firstInReadingOrder(grid.hexes, -1, selectable);
    else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.options.choose(key);
      return;
    } else if (event.key === '+' || event.key === '=' || event.key === '-') {
      this.zoomBy(event.key === '-' ? -1 : 1);
      return;
    } else return;
    event.preventDefault();
    if (target) this.options.roving.move(target.key);
  }

  private zoomBy(step: 1 | -1): void {
    const index = ZOOM_LEVELS.indexOf(this.zoom);
    const next = ZOOM_LEVELS[Math.min(ZOOM_LEVELS.length - 1, Math.max(0, index + step))];
    if (next === undefined || next === this.zoom) return;
    // Keep the open or focused area in view, else the middle of what is shown now.
    const grid = this.options.grid();
    const focus = this.focused ? this.options.roving.current : this.options.selected();
    const hex = focus !== undefined ? grid?.byKey.get(focus) : undefined;
    const scroller = this.options.scroller();
    if (grid && hex) {
      this.anchor = {
        fx: (hex.x - grid.viewBox.x) / grid.viewBox.width,
        fy: (hex.y - grid.viewBox.y) / grid.viewBox.height,
      };
    } else if (scroller) {
      this.anchor = {
        fx: (scroller.scrollLeft + scroller.clientWidth / 2) / scroller.scrollWidth,
        fy: (scroller.scrollTop + scroller.clientHeight / 2) / scroller.scrollHeight,
      };
    }
    this.zoom = next;
    this.host.requestUpdate();
  }
}

/** The key of the hex an event happened on. */
function hexOf(event: Event): string | undefined {
  const hex = (event.target as Element | null)?.closest?.('.hex');
  return hex instanceof SVGElement ? hex.dataset.id : undefined;
}
