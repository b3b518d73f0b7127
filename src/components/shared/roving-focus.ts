/**
 * One tab stop for a group of controls (the seat bar's parties, the map's hexes, the list's
 * rows): the control last moved to takes Tab, and the arrow keys move between them. Which key
 * is "next" is the element's business (a line of parties, a grid of hexes); this keeps the
 * tab stop and moves the focus.
 *
 * Nothing here touches the DOM until a reader moves focus.
 */
import type { ReactiveControllerHost } from 'lit';

export interface RovingFocusOptions {
  /** Whether the key names a control now (it may have gone with new data or filters). */
  has(key: string): boolean;
  /** The tab stop while none was moved to, or when the one moved to has gone: the selected control's, else the first. */
  fallback(): string | undefined;
  /** The control for a key, as rendered (null while it is not on screen yet). */
  element(key: string): HTMLElement | SVGElement | null;
}

export class RovingFocus {
  private moved: string | undefined;
  private stop: string | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: RovingFocusOptions,
  ) {}

  /** The control that takes Tab now: the one last moved to while it is there, else the fallback. Call once per render. */
  resolve(): string | undefined {
    this.stop = this.moved !== undefined && this.options.has(this.moved) ? this.moved : this.options.fallback();
    return this.stop;
  }

  /** The tab stop as the last `resolve` found it. */
  get current(): string | undefined {
    return this.stop;
  }

  /** A control was focused or chosen another way (a click, focus from outside): it takes Tab from now on. */
  remember(key: string | undefined): void {
    this.moved = key;
    if (key === undefined || key === this.stop) return;
    this.stop = key;
    this.host.requestUpdate();
  }

  /** `tabindex` for a control: 0 for the tab stop, -1 for the others. */
  tabIndex(key: string): '0' | '-1' {
    return key === this.stop ? '0' : '-1';
  }

  /**
   * Make `key` the tab stop and focus its control: at once when it is on screen, else once the
   * host has drawn it. `then` runs on the focused control (to scroll it into view).
   */
  move(key: string, then?: (control: HTMLElement | SVGElement) => void): void {
    this.remember(key);
    const focus = (): boolean => {
      const control = this.options.element(key);
      if (!control) return false;
      control.focus();
      then?.(control);
      return true;
    };
    if (!focus()) void this.host.updateComplete.then(focus);
  }
}
