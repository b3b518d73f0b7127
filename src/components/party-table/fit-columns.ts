/**
 * Keeps a table inside its box: when the table is wider than the space it has, lower-priority
 * columns give way one step at a time in a fixed order (`COLLAPSE_ORDER`), and party names
 * switch to their short form at their step, until it fits. Measured, not guessed from
 * breakpoints, because the widths depend on the figures (votes in millions are wide) and on
 * the host page's font.
 *
 * The steps taken are written to a `data-collapsed` attribute on the scrolling box (a
 * space-separated list the styles select on with `~=`), outside Lit's bindings, so measuring
 * needs no re-render. If even the last step does not fit, the box gets `data-break-words`,
 * where the styles let a word too long for any line (a name with no spaces) break anywhere;
 * if it still does not fit, the box scrolls sideways rather than overflowing the page.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CollapseStep } from '../../derive/party-table-columns.js';
import { ResizeController } from '../shared/resize-controller.js';

export interface FitColumnsOptions {
  /**
   * Elements whose size changes when the table may need fitting again and never because of
   * the fitting itself: a zero-height sizer across the frame (the room there is) and a font
   * probe (the fonts arrived or changed). Observing the host instead would report the height
   * the fitting changes, from inside the observer's own callback, which browsers raise as
   * "ResizeObserver loop completed with undelivered notifications" on the page's error handlers.
   */
  watch(): readonly (Element | null)[];
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
  /** Follows the watched elements; registered before this controller, so it follows them before `hostUpdated` fits. */
  private readonly resize: ResizeController;
  private readonly options: FitColumnsOptions;
  private lastKey: string | undefined;
  private taken: readonly CollapseStep[] = [];

  constructor(host: ReactiveControllerHost & HTMLElement, options: FitColumnsOptions) {
    this.options = options;
    this.resize = new ResizeController(host, { targets: () => options.watch(), onResize: () => this.fit() });
    host.addController(this);
  }

  /** The steps taken at the last fit, in order. */
  get collapsed(): readonly CollapseStep[] {
    return this.taken;
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
    box.removeAttribute('data-break-words');
    while (count < steps.length && overflows(box, table)) {
      count += 1;
      this.apply(box, steps.slice(0, count));
    }
    if (overflows(box, table)) box.setAttribute('data-break-words', '');
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
