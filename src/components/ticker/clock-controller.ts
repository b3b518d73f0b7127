/**
 * Keeps "3 min ago" current: the host reads `now` while rendering, and this controller asks
 * for another render when the text would next change (every few seconds for the newest
 * items, less often for older ones, never when nothing is relative). Its one timer is
 * released when the host leaves the page.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { timerDelay } from '../../feed/timing.js';

export class RelativeClockController implements ReactiveController {
  /** The time the current render uses (ms since the epoch). */
  now = Date.now();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private connected = false;

  /**
   * @param nextRefresh How long until the rendered text would change, given `now`;
   *   undefined when it never will.
   */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly nextRefresh: (now: number) => number | undefined,
  ) {
    host.addController(this);
  }

  /** True while a refresh is scheduled. */
  get running(): boolean {
    return this.timer !== undefined;
  }

  hostConnected(): void {
    this.connected = true;
    // Back on the page after a move: the times shown may be old, and no timer is running.
    this.host.requestUpdate();
  }

  hostUpdate(): void {
    this.now = Date.now();
  }

  hostUpdated(): void {
    this.stop();
    if (!this.connected) return;
    const delay = this.nextRefresh(this.now);
    if (delay === undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.host.requestUpdate();
    }, timerDelay(delay));
  }

  hostDisconnected(): void {
    this.connected = false;
    this.stop();
  }

  private stop(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
