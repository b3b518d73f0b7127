/**
 * Follows the width of one element in the host's shadow root and asks the host to update when
 * it changes by a whole pixel. Layouts that fit labels read `width` while rendering; until the
 * first measurement it is 0 ("not known yet"). ResizeObserver reports after layout and before
 * paint, so the first labelled drawing replaces the unlabelled one before anything is shown.
 *
 * Observe an element whose size does not follow what the host renders (a zero-height sizer):
 * ResizeObserver reports height changes too, and re-rendering an observed element from its
 * own callback is what makes browsers raise "ResizeObserver loop completed with undelivered
 * notifications" on the page's error handlers.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { rendersAsServer } from '../shared/server-render.js';

export class WidthController implements ReactiveController {
  /**
   * The observed element's content width in CSS pixels, rounded down; 0 until measured, and 0 in a
   * server render (and the render that hydrates it), whose layouts then need no measurement.
   */
  get width(): number {
    return rendersAsServer(this.host) ? 0 : this.measured;
  }
  private measured = 0;
  private observer: ResizeObserver | undefined;
  private observed: Element | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly target: () => Element | null | undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (typeof ResizeObserver === 'undefined') return;
    this.observer ??= new ResizeObserver((entries) => {
      const entry = entries[entries.length - 1];
      if (!entry) return;
      const width = Math.floor(entry.contentBoxSize?.[0]?.inlineSize ?? entry.contentRect.width);
      if (width !== this.measured) {
        this.measured = width;
        this.host.requestUpdate();
      }
    });
    // Back on the page: observe again what the last render drew.
    this.observed = undefined;
    this.follow();
  }

  /** The element to observe can appear, change or go with a render: follow it. */
  hostUpdated(): void {
    this.follow();
  }

  private follow(): void {
    const element = this.target() ?? undefined;
    if (element === this.observed) return;
    if (this.observed) this.observer?.unobserve(this.observed);
    this.observed = element;
    // With nothing to observe the last width is kept: the next chart is likely the same size.
    if (element) this.observer?.observe(element);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observed = undefined;
  }
}
