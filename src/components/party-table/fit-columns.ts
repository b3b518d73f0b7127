/**
 * Keeps a table inside its box: when the table is wider than the space it has, lower-priority
 * columns give way one step at a time in a fixed order (`COLLAPSE_ORDER`), and party names
 * switch to their short form at their step, until it fits. Measured, not guessed from
 * breakpoints, because the widths depend on the figures (votes in millions are wide) and on
 * the host page's font.
 *
 * The steps taken are written to a `data-collapsed` attribute on the scrolling box (a
 * space-separated list the styles select on with `~=`), outside Lit's bindings, so measuring
 * needs no re-render. If even the last step does not fit, the box scrolls sideways rather
 * than overflowing the page.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CollapseStep } from '../../derive/party-table-columns.js';

export interface FitColumnsOptions {
  /** The box with the available width (it scrolls sideways as a last resort). */
  box(): HTMLElement | null;
  /** The table inside it. */
  table(): HTMLElement | null;
  /** The steps that apply to the table now, first to go first. */
  steps(): readonly CollapseStep[];
  /**
   * Changes whenever what the table shows may change its width (figures, order, language,
   * open rows). Updates that leave it alone (a status line tick) skip measuring.
   */
  key(): string;
}

export class FitColumnsController implements ReactiveController {
  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly options: FitColumnsOptions;
  private observer: ResizeObserver | undefined;
  private lastWidth = -1;
  private lastKey: string | undefined;
  private taken: readonly CollapseStep[] = [];

  constructor(host: ReactiveControllerHost & HTMLElement, options: FitColumnsOptions) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  /** The steps taken at the last fit, in order. */
  get collapsed(): readonly CollapseStep[] {
    return this.taken;
  }

  hostConnected(): void {
    if (typeof ResizeObserver === 'undefined') return;
    this.observer = new ResizeObserver((entries) => {
      const width = entries[entries.length - 1]?.contentRect.width ?? 0;
      // Only a change of width matters; fitting changes the height, which must not loop.
      if (Math.abs(width - this.lastWidth) < 0.5) return;
      this.lastWidth = width;
      this.fit();
    });
    this.observer.observe(this.host);
    // A web font arriving late changes every width.
    void document.fonts?.ready.then(() => {
      if (this.observer) this.fit();
    });
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    this.lastWidth = -1;
  }

  hostUpdated(): void {
    const key = this.options.key();
    if (key === this.lastKey) return;
    this.lastKey = key;
    this.fit();
  }

  /** Take as few steps as make the table fit its box. */
  fit(): void {
    const box = this.options.box();
    const table = this.options.table();
    if (!box || !table) {
      this.taken = [];
      // Measure afresh when a table appears again.
      this.lastKey = undefined;
      return;
    }
    // Not laid out (display: none, detached): nothing to measure; show every column.
    if (box.clientWidth === 0) {
      this.apply(box, []);
      return;
    }
    const steps = this.options.steps();
    let count = 0;
    this.apply(box, []);
    while (count < steps.length && overflows(box, table)) {
      count += 1;
      this.apply(box, steps.slice(0, count));
    }
  }

  private apply(box: HTMLElement, steps: readonly CollapseStep[]): void {
    this.taken = steps;
    const value = steps.join(' ');
    if (value === '') box.removeAttribute('data-collapsed');
    else if (box.getAttribute('data-collapsed') !== value) box.setAttribute('data-collapsed', value);
  }
}

/** True when the table is wider than the inside of its box (a pixel of rounding allowed). */
function overflows(box: HTMLElement, table: HTMLElement): boolean {
  const style = getComputedStyle(box);
  const inside = box.clientWidth - (parseFloat(style.paddingLeft) || 0) - (parseFloat(style.paddingRight) || 0);
  return table.getBoundingClientRect().width > inside + 1;
}
