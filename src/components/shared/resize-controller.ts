/**
 * Follows the size of elements in the host's shadow root with one ResizeObserver, and tells
 * the host when one of them changed by a whole pixel. The elements are looked up again after
 * every update, so one that a render adds, replaces or removes is followed. ResizeObserver
 * reports after layout and before paint, so a drawing that depends on a size replaces the
 * first one before anything is shown.
 *
 * Observe elements whose size does not follow what the host renders from the callback (a
 * zero-height sizer across the frame, a font probe, a box whose width the page sets):
 * re-rendering an observed element from its own callback is what makes browsers raise
 * "ResizeObserver loop completed with undelivered notifications" on the page's error handlers.
 *
 * Nothing is observed on the server or before the host is connected.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface ResizeOptions {
  /** The elements to follow, as the last render drew them. */
  targets(): readonly (Element | null | undefined)[];
  /** What to do when any of them changed size; by default the host updates. */
  onResize?(changed: readonly Element[]): void;
}

interface Size {
  readonly width: number;
  readonly height: number;
}

export class ResizeController implements ReactiveController {
  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly options: ResizeOptions;
  private observer: ResizeObserver | undefined;
  private observed: readonly Element[] = [];
  private readonly sizes = new WeakMap<Element, Size>();

  constructor(host: ReactiveControllerHost & HTMLElement, options: ResizeOptions) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  /** The element's content width in CSS pixels, rounded down; 0 until measured. */
  width(element: Element | null | undefined): number {
    return (element && this.sizes.get(element)?.width) ?? 0;
  }

  hostConnected(): void {
    if (typeof ResizeObserver === 'undefined') return;
    this.observer ??= new ResizeObserver((entries) => this.measured(entries));
    // Back on the page: observe again what the last render drew.
    this.observed = [];
    this.follow();
  }

  /** The elements to follow can appear, change or go with a render. */
  hostUpdated(): void {
    this.follow();
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observed = [];
  }

  private measured(entries: readonly ResizeObserverEntry[]): void {
    const changed: Element[] = [];
    for (const entry of entries) {
      const box = entry.contentBoxSize?.[0];
      const size = {
        width: Math.floor(box?.inlineSize ?? entry.contentRect.width),
        height: Math.floor(box?.blockSize ?? entry.contentRect.height),
      };
      const before = this.sizes.get(entry.target);
      if (before?.width === size.width && before.height === size.height) continue;
      this.sizes.set(entry.target, size);
      changed.push(entry.target);
    }
    if (changed.length === 0) return;
    if (this.options.onResize) this.options.onResize(changed);
    else this.host.requestUpdate();
  }

  private follow(): void {
    if (!this.observer) return;
    const elements = this.options.targets().filter((element): element is Element => element != null);
    if (elements.length === this.observed.length && elements.every((element, i) => element === this.observed[i]))
      return;
    for (const element of this.observed) if (!elements.includes(element)) this.observer.unobserve(element);
    for (const element of elements) if (!this.observed.includes(element)) this.observer.observe(element);
    // With nothing to observe the last sizes are kept: the next drawing is likely the same size.
    this.observed = elements;
  }
}
