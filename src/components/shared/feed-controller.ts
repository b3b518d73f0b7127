/**
 * Connects an element to its data, three ways with one render path:
 * - `src`: a URL, through the page's shared feed source (polling, validation, staleness);
 * - `feed`: an object from the host page's own code, validated here;
 * - an inline `<script type="application/json">` child: a static snapshot, no network.
 * The first of these that is present wins, in that order of precedence: `feed`, then `src`,
 * then the inline script. Beside `src`, an inline script is the feed shown until the source
 * first answers: server-rendered markup carries the feed it was drawn from, so the element
 * hydrates from the same data and then follows the live feed.
 *
 * It dispatches `tally-feed-update`, `tally-feed-error` and `tally-feed-stale` on the host
 * (bubbling, composed) and asks the host to update when anything it shows changed.
 */
import { isServer, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { Feed } from '../../feed/schema.js';
import { formatIssues, validateFeed } from '../../feed/validate.js';
import { feedSourceFor } from '../../feed/registry.js';
import type { FeedError, FeedSnapshot, FeedSourceEvent } from '../../feed/source.js';
import { feedStatus, type FeedStatus } from '../../feed/status.js';
import { feedChanges, type FeedChanges } from '../../feed/changes.js';
import { prepareFormats } from '../../i18n/format.js';
import { elementLocale } from './locale.js';
import { spend, takeTurn } from '../../feed/turns.js';

export type FeedMode = 'src' | 'property' | 'inline' | 'none';

/** `tally-feed-update` detail. */
export interface FeedUpdateDetail {
  readonly feed: Feed;
  readonly previous: Feed | undefined;
  readonly changes: FeedChanges;
}

/** `tally-feed-error` detail. */
export interface FeedErrorDetail {
  readonly reason: string;
  readonly kind: FeedError['kind'];
  readonly willRetry: boolean;
  /** Milliseconds until the next attempt, when retrying. */
  readonly retryIn: number | undefined;
}

/** `tally-feed-stale` detail. */
export interface FeedStaleDetail {
  /** Time (ms) of the last successful check. */
  readonly lastChecked: number | undefined;
}

declare global {
  interface HTMLElementEventMap {
    'tally-feed-update': CustomEvent<FeedUpdateDetail>;
    'tally-feed-error': CustomEvent<FeedErrorDetail>;
    'tally-feed-stale': CustomEvent<FeedStaleDetail>;
  }
}

export interface FeedInputs {
  src: string | undefined;
  feed: unknown;
  /** Seconds between polls, when the element asks for its own interval. */
  interval: number | undefined;
}

type Host = ReactiveControllerHost & HTMLElement;

interface State {
  feed: Feed | undefined;
  previous: Feed | undefined;
  changes: FeedChanges | undefined;
  error: FeedError | undefined;
  stale: boolean;
  checking: boolean;
  lastChecked: number | undefined;
}

const EMPTY: State = {
  feed: undefined,
  previous: undefined,
  changes: undefined,
  error: undefined,
  stale: false,
  checking: false,
  lastChecked: undefined,
};

function whenIdle(task: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: 500 });
  else setTimeout(task, 0);
}

export class FeedController implements ReactiveController {
  private readonly host: Host;
  private inputs: FeedInputs = { src: undefined, feed: undefined, interval: undefined };
  private state: State = EMPTY;
  private unsubscribe: (() => void) | undefined;
  private subscribedTo: string | undefined;
  private subscribedInterval: number | undefined;
  private observer: MutationObserver | undefined;
  private inlineText: string | undefined;
  private connected = false;
  private lastPropertyValue: unknown;
  /** The state holds the inline feed of server-rendered markup, for the source about to be joined. */
  private seeded = false;
  /** A new feed reached the controller since the host last rendered. */
  private freshFeed = false;

  constructor(host: Host) {
    this.host = host;
    host.addController(this);
  }

  /** How the element gets its data now. */
  get mode(): FeedMode {
    if (this.inputs.feed !== undefined && this.inputs.feed !== null) return 'property';
    if (this.inputs.src) return 'src';
    if (this.inlineScript()) return 'inline';
    return 'none';
  }

  /** The last good feed: never replaced by an invalid or older one. */
  get feed(): Feed | undefined {
    return this.state.feed;
  }
  get previous(): Feed | undefined {
    return this.state.previous;
  }
  /** What changed between `previous` and `feed`. */
  get changes(): FeedChanges | undefined {
    return this.state.changes;
  }
  get error(): FeedError | undefined {
    return this.state.error;
  }
  /** What the status line says. */
  get status(): FeedStatus {
    return feedStatus(this.state);
  }

  /**
   * Run the host's update (call from its `scheduleUpdate()`). An update that brings a new feed
   * (from the source, or a `feed` property not yet taken: pass the property), or that the host
   * says is large, takes its turn on the main thread with the page's other widgets
   * (src/feed/turns.ts). Any other update (a click, a measured width, the status line) runs at
   * once, so that what a ResizeObserver asks for is drawn in the same frame.
   *
   * A new `feed` property is checked in a turn of its own and drawn in the next: checking
   * 10,000 areas and drawing them are two tasks, not one.
   */
  turn(update: () => void, feedProperty: unknown, large = false): void | Promise<void> {
    const newProperty = feedProperty != null && feedProperty !== this.inputs.feed;
    if (newProperty && this.connected) {
      // As the host's willUpdate would configure it: a later change (the property taken away) is then seen as one.
      const checked = takeTurn(() => this.configure({ ...this.inputs, feed: feedProperty }));
      return checked ? checked.then(() => takeTurn(update)) : takeTurn(update);
    }
    return this.freshFeed || large || newProperty ? takeTurn(update) : spend(update);
  }

  hostUpdated(): void {
    this.freshFeed = false;
  }

  /** Call from the host's `willUpdate` with its current inputs. */
  configure(inputs: FeedInputs): void {
    const changed =
      inputs.src !== this.inputs.src || inputs.feed !== this.inputs.feed || inputs.interval !== this.inputs.interval;
    this.inputs = inputs;
    // On the server (Lit SSR) an element is never connected: a `feed` given to it is checked at once, since
    // willUpdate and render are all that run there. No source is joined and nothing is observed.
    if (changed && isServer) this.syncOnServer();
    else if (changed && this.connected) this.sync();
  }

  hostConnected(): void {
    this.connected = true;
    this.observer ??= typeof MutationObserver !== 'undefined' ? new MutationObserver(() => this.sync()) : undefined;
    this.observer?.observe(this.host, { childList: true, characterData: true, subtree: true });
    this.sync();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.observer?.disconnect();
    this.leaveSource();
  }

  private sync(): void {
    const mode = this.mode;
    if (mode !== 'src') this.leaveSource();
    if (mode === 'src') {
      // Server-rendered markup (renderWidget) carries the feed it was drawn from: shown, and
      // hydrated, until the source answers.
      if (!this.state.feed) this.seedFromInline();
      this.joinSource(this.inputs.src!, this.inputs.interval);
    } else if (mode === 'property') this.takeObject(this.inputs.feed, 'the feed property');
    else if (mode === 'inline') this.takeInline();
    else if (this.state !== EMPTY) this.setState(EMPTY);
  }

  private syncOnServer(): void {
    if (this.mode === 'property') this.takeObject(this.inputs.feed, 'the feed property');
  }

  private joinSource(src: string, interval: number | undefined): void {
    if (this.unsubscribe && this.subscribedTo === src && this.subscribedInterval === interval) return;
    this.leaveSource();
    // A new source: what was shown came from somewhere else (unless it is this source's inline seed).
    if (this.subscribedTo !== src && !this.seeded) this.state = EMPTY;
    this.seeded = false;
    this.subscribedTo = src;
    this.subscribedInterval = interval;
    const source = feedSourceFor(src);
    this.unsubscribe = source.subscribe((snapshot, event) => this.fromSource(snapshot, event), { interval });
    if (!source.state.feed && !source.state.error) {
      this.host.requestUpdate();
      // While the feed is on its way, so that its first render does not wait for Intl's data.
      whenIdle(() => prepareFormats(elementLocale(this.host)));
    }
  }

  private leaveSource(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.subscribedInterval = undefined;
  }

  private fromSource(snapshot: FeedSnapshot, event: FeedSourceEvent): void {
    const previousShown = this.state.feed;
    // Before its first answer, the source has nothing: the inline seed stays on screen.
    const feed = snapshot.feed ?? previousShown;
    if (snapshot.feed) this.seeded = false;
    if (feed !== previousShown) this.freshFeed = true;
    this.state = {
      feed,
      previous: event.type === 'update' ? previousShown : this.state.previous,
      changes: event.type === 'update' ? feedChanges(previousShown, event.feed) : this.state.changes,
      error: snapshot.error,
      stale: snapshot.stale,
      checking: snapshot.checking,
      lastChecked: snapshot.lastChecked,
    };
    this.host.requestUpdate();
    if (event.type === 'update') this.dispatchUpdate();
    else if (event.type === 'error') this.dispatchError(event.error);
    else if (event.type === 'stale') this.dispatch('tally-feed-stale', { lastChecked: snapshot.lastChecked });
  }

  /** The inline feed beside `src`, taken quietly (no event: the source's answer is the news). */
  private seedFromInline(): void {
    const text = this.inlineScript()?.textContent;
    if (!text) return;
    try {
      const result = validateFeed(JSON.parse(text));
      if (!result.ok) return;
      this.state = { ...EMPTY, feed: result.feed };
      this.seeded = true;
      this.host.requestUpdate();
    } catch {
      // Not JSON: the source alone, as without a seed.
    }
  }

  private takeInline(): void {
    const script = this.inlineScript();
    const text = script?.textContent ?? '';
    if (text === this.inlineText) return;
    this.inlineText = text;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      this.reject(`the inline JSON is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
      return;
    }
    this.takeObject(value, 'the inline JSON');
    // Should `src` come next (the element's settings arrive after it connects), this feed stays
    // on screen until the source answers, as a seed would.
    if (this.state.feed) this.seeded = true;
  }

  private takeObject(value: unknown, where: string): void {
    if (value === this.lastPropertyValue && where === 'the feed property') return;
    if (where === 'the feed property') this.lastPropertyValue = value;
    // Areas unchanged since the feed on screen are not validated again.
    let result: ReturnType<typeof validateFeed>;
    try {
      result = validateFeed(value, this.state.feed);
    } catch (error) {
      this.reject(`${where} could not be read (${error instanceof Error ? error.message : String(error)})`);
      return;
    }
    if (!result.ok) {
      this.reject(`${where} is not a valid feed: ${formatIssues(result.errors)}`);
      return;
    }
    for (const warning of result.warnings)
      console.warn(`[tally] <${this.host.localName}>: ${where}: ${warning.path}: ${warning.message}`);
    const previous = this.state.feed;
    this.setState({
      ...EMPTY,
      feed: result.feed,
      previous,
      changes: feedChanges(previous, result.feed),
      lastChecked: Date.now(),
    });
    this.dispatchUpdate();
  }

  private reject(reason: string): void {
    console.error(
      `[tally] <${this.host.localName}>: ${reason}${this.state.feed ? '; keeping the last good feed' : ''}`,
    );
    const error: FeedError = { kind: 'invalid', reason, willRetry: false, retryIn: undefined, attempt: 1 };
    this.setState({ ...this.state, error });
    this.dispatchError(error);
  }

  private setState(state: State): void {
    this.state = state;
    this.host.requestUpdate();
  }

  private dispatchUpdate(): void {
    const { feed, previous, changes } = this.state;
    if (feed && changes) this.dispatch('tally-feed-update', { feed, previous, changes });
  }

  private dispatchError(error: FeedError): void {
    this.dispatch('tally-feed-error', {
      reason: error.reason,
      kind: error.kind,
      willRetry: error.willRetry,
      retryIn: error.retryIn,
    });
  }

  private dispatch<T>(type: string, detail: T): void {
    if (isServer) return;
    this.host.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  private inlineScript(): HTMLScriptElement | undefined {
    // Lit SSR's elements have no children: the server takes the `feed` property only (renderWidget).
    if (isServer) return undefined;
    for (const child of this.host.children) {
      if (child instanceof HTMLScriptElement && child.type === 'application/json') return child;
    }
    return undefined;
  }
}
