/**
 * Areas declared since the previous feed, marked for a minute (not on the first feed): the
 * host asks `isNew(id)` while rendering and is updated when a mark runs out. Its one timer
 * runs only while the host is on the page.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Feed } from '../../feed/schema.js';
import type { FeedChanges } from '../../feed/changes.js';
import { monotonicNow, timerDelay } from '../../feed/timing.js';

/** How long a newly declared area stays marked (ms). */
export const NEW_FOR_MS = 60_000;

export class NewAreasController implements ReactiveController {
  private readonly until = new Map<string, number>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private connected = false;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Mark the areas `changes` declared, when they are the changes that brought `feed`. */
  take(feed: Feed, changes: FeedChanges | undefined): void {
    if (!changes || changes.fromRevision === undefined || changes.toRevision !== feed.meta.revision) return;
    const until = monotonicNow() + NEW_FOR_MS;
    for (const id of changes.declared) this.until.set(id, until);
    this.schedule();
  }

  isNew(id: string): boolean {
    return (this.until.get(id) ?? 0) > monotonicNow();
  }

  hostConnected(): void {
    this.connected = true;
    this.schedule();
  }

  hostDisconnected(): void {
    this.connected = false;
    clearTimeout(this.timer);
  }

  private schedule(): void {
    clearTimeout(this.timer);
    if (this.until.size === 0 || !this.connected) return;
    const next = Math.min(...this.until.values());
    this.timer = setTimeout(
      () => {
        const now = monotonicNow();
        for (const [id, until] of this.until) if (until <= now) this.until.delete(id);
        this.schedule();
        this.host.requestUpdate();
      },
      timerDelay(next - monotonicNow() + 50),
    );
  }
}
