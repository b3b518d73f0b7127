/**
 * Whether the reader is busy with the ticker's items: pointing at them, focused in them,
 * scrolled into the list, or scrolled past the ticker's top (a sentinel watched with an
 * IntersectionObserver). While they are, new items wait behind the "new results" button, so
 * nothing moves under the reader; when they stop, the host is told to release what waited.
 * The observer runs only while the host is on the page and drawn.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface AttentionOptions {
  /** The zero-height element at the top of the ticker. */
  sentinel(): Element | null;
  /** Pointer or focus came or went: a strip shows being held. */
  changed(): void;
  /** The reader let go: show what waited, if nothing else holds it. */
  released(): void;
}

export class ReaderAttention implements ReactiveController {
  private pointerInside = false;
  private focusInside = false;
  private listScrolled = false;
  private topAboveViewport = false;
  private intersection: IntersectionObserver | undefined;

  constructor(
    host: ReactiveControllerHost,
    private readonly options: AttentionOptions,
  ) {
    host.addController(this);
  }

  /** The reader is pointing at, focused in, or scrolled into the items. */
  get engaged(): boolean {
    return this.pointerInside || this.focusInside || this.listScrolled || this.topAboveViewport;
  }

  /** Event handlers for the list (or the strip's window). */
  readonly handlers = {
    pointerEnter: (): void => {
      this.pointerInside = true;
      this.options.changed();
    },
    pointerLeave: (): void => {
      this.pointerInside = false;
      this.options.changed();
      this.options.released();
    },
    focusIn: (): void => {
      this.focusInside = true;
      this.options.changed();
    },
    focusOut: (event: FocusEvent): void => {
      const container = event.currentTarget as HTMLElement;
      if (event.relatedTarget instanceof Node && container.contains(event.relatedTarget)) return;
      this.focusInside = false;
      this.options.changed();
      this.options.released();
    },
    listScroll: (event: Event): void => {
      const scrolled = (event.currentTarget as HTMLElement).scrollTop > 4;
      if (scrolled === this.listScrolled) return;
      this.listScrolled = scrolled;
      this.options.released();
    },
  };

  /** Back on the page after its first render: watch the top again. */
  hostConnected(): void {
    this.observe();
  }

  hostUpdated(): void {
    this.observe();
  }

  hostDisconnected(): void {
    this.intersection?.disconnect();
    this.intersection = undefined;
    this.pointerInside = false;
    this.focusInside = false;
  }

  private observe(): void {
    if (this.intersection || typeof IntersectionObserver === 'undefined') return;
    const sentinel = this.options.sentinel();
    if (!sentinel) return;
    this.intersection = new IntersectionObserver((entries) => {
      const entry = entries[entries.length - 1];
      if (!entry) return;
      const top = entry.rootBounds?.top ?? 0;
      const above = !entry.isIntersecting && entry.boundingClientRect.top < top;
      if (above === this.topAboveViewport) return;
      this.topAboveViewport = above;
      this.options.released();
    });
    this.intersection.observe(sentinel);
  }
}
