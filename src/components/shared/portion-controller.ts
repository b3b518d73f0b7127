/**
 * Puts a long list on screen in portions (src/derive/portions.ts): each update shows what was
 * there already, what must be there (the open item, the keyboard's), and a portion of new
 * items; while some are still to come the host asks for another update, which takes its turn
 * on the main thread (`FeedElement.largeUpdate`), and each portion is sized from how long the
 * last one took on the reader's device.
 *
 * The host calls `begin` and `take` (once per kind of item) in `willUpdate`, wraps its update
 * in `timed`, reports `filling` as its `largeUpdate`, and keeps `updateComplete` waiting while
 * it is `filling`.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { FIRST_PORTION, nextPortion, takePortion, type Portion } from '../../derive/portions.js';

export class PortionController implements ReactiveController {
  /** Items are still to come in later updates. */
  filling = false;
  /** New items the next update may add, over every kind. */
  private portion = FIRST_PORTION;
  private room = 0;
  /** New items this update adds, and whether it also derived the list afresh. */
  private added = 0;
  private derived = false;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /**
   * Start choosing what this update shows, for `kinds` kinds of item sharing the portion; `derived`:
   * the list was derived afresh; `all`: show every item in this update (a server render has one
   * pass and a page without script must list every item, and the render that hydrates it must
   * find the same nodes).
   */
  begin(kinds: number, derived: boolean, all = false): void {
    this.room = all ? Number.POSITIVE_INFINITY : Math.ceil(this.portion / kinds);
    this.added = 0;
    this.filling = false;
    this.derived = derived;
  }

  /** What this update shows of one kind of item (see `takePortion`). */
  take<T>(
    items: readonly T[],
    key: (item: T) => string,
    shown: ReadonlySet<string>,
    must: (key: string) => boolean,
  ): Portion<T> {
    const portion = takePortion(items, key, shown, must, this.room);
    this.added += portion.added;
    if (portion.items.length < items.length) this.filling = true;
    return portion;
  }

  /** Nothing to show: no portions to come. */
  clear(): void {
    this.filling = false;
  }

  /** Run the update, and size the next portion from how long it took for `total` items. */
  timed(update: () => void, total: number): void {
    const start = performance.now();
    update();
    this.portion = nextPortion(this.portion, {
      added: this.added,
      took: performance.now() - start,
      total,
      derived: this.derived,
    });
    this.added = 0;
    this.derived = false;
  }

  /** The next portion: an update of its own, which takes its turn. */
  hostUpdated(): void {
    if (this.filling) this.host.requestUpdate();
  }
}
