/**
 * The one setup every Tally element shares: `FeedElement(LitElement)`.
 *
 * - the feed properties (`src`, `interval`, `feed`, `theme`, `lang`, `time-zone`) and the
 *   controllers behind them (the feed, the reader's preferences, message tables);
 * - the turn-taking `scheduleUpdate`: an update that brings a new feed waits for its turn on
 *   the main thread with the page's other widgets (src/feed/turns.ts);
 * - the render shell: the frame, the TEST DATA watermark, the placeholder while there is no
 *   feed, and the status line;
 * - warn-once console messages and one way of checking attributes (the default is used, and
 *   the console names the bad value and what was expected).
 *
 * Server-friendly: nothing here touches `window`, `document` or an observer outside the
 * connected life of the element (controllers start in `hostConnected`). Rendered on the server
 * (`renderWidget`, Lit SSR), an element draws a server view; arriving in the browser with that
 * markup, it hydrates it from the same view and then renders with what the browser knows
 * (ServerRenderController, docs/static-rendering.md).
 *
 * See docs/widget-conventions.md for how a new element uses it.
 */
import { html, nothing, type LitElement, type PropertyValues, type TemplateResult } from 'lit';
import type { Feed } from '../../feed/schema.js';
import { DEFAULT_LOCALE } from '../../i18n/messages.js';
import { canonicalLocale } from '../../i18n/language-tag.js';
import { FeedController } from './feed-controller.js';
import { renderPlaceholder, renderStatusLine, renderWatermark } from './feed-status.js';
import { elementLocale, MessagesController } from './locale.js';
import { PreferencesController } from './media-controller.js';
import { ServerRenderController } from './server-render.js';

/** The colour scheme attribute: `auto` (the reader's), `light` or `dark`. */
export type ThemeSetting = 'auto' | 'light' | 'dark';

/** What the render shell puts around an element's own content. */
export interface ShellOptions {
  /**
   * The feed on screen, when the element shows another than the controller's latest (the
   * ticker shows the feed its timeline has taken). Default: `this.data.feed`.
   */
  readonly feed?: Feed | undefined;
  /** A zero-height sizer with a font probe, first in the frame, for elements that measure (styles.ts). */
  readonly sizer?: boolean;
  /** Drawn first in the frame (after the sizer). */
  readonly lead?: unknown;
  /** Drawn after the content, before the status line (a live region). */
  readonly tail?: unknown;
  /** The frame's `data-mode`. */
  readonly mode?: string | undefined;
  /** Whether the status line is shown (default true). */
  readonly statusLine?: boolean;
}

/** The members FeedElement adds: public properties and what subclasses may use. */
export declare class FeedElementMembers {
  /** URL of a tally-feed/1 results feed, polled through the page's shared feed source. */
  src: string | undefined;
  /** Seconds between polls of `src` (the feed's own hint otherwise). */
  interval: number | undefined;
  /** A feed object from host code; wins over `src`. */
  feed: unknown;
  /** Colour scheme: `auto` (the reader's), `light` or `dark`. */
  theme: ThemeSetting | undefined;
  /** The element's language (`en-GB`, `cy`); otherwise the nearest ancestor's `lang`. */
  lang: string;
  /** IANA time zone for clock times; the reader's by default. */
  timeZone: string | undefined;

  /** Server rendering and hydration: the server view, and the render after hydrating it. */
  protected readonly serverRender: ServerRenderController;
  /** The element's data: the shared source for `src`, the `feed` property or inline JSON. */
  protected readonly data: FeedController;
  /** The reader's colour scheme and motion preferences. */
  protected readonly preferences: PreferencesController;
  protected readonly messages: MessagesController;
  /** The language the element speaks in this update (canonical tag), set in `willUpdate`. */
  protected locale: string;
  /** Whether the update under way is large enough to take a turn even without a new feed. */
  protected get largeUpdate(): boolean;
  /** Run the update in its turn; override to wrap it (call super). */
  protected updateInTurn(): void;
  /** The frame, watermark, placeholder and status line around `content`. */
  protected renderShell(content: (feed: Feed) => unknown, options?: ShellOptions): TemplateResult;
  /** Say something to developers on the console, once per element. */
  protected warnOnce(message: string): void;
  /**
   * An enumerated attribute's value: `fallback` when absent or empty, or when not one of
   * `allowed` (then with a warning naming the bad value).
   */
  protected choice<T extends string>(attribute: string, value: unknown, allowed: readonly T[], fallback: T): T;
  /**
   * A number attribute of at least `min`: undefined when absent, or when not such a number
   * (then with a warning saying `fallback` is used).
   */
  protected countSetting(
    attribute: string,
    value: number | null | undefined,
    min: number,
    fallback: number,
  ): number | undefined;
}

// A mixin's constructor must take `any[]` (TypeScript's rule for mixin classes).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Constructor<T> = new (...args: any[]) => T;

/**
 * `class TallyX extends FeedElement(LitElement)`: the feed properties, the turn-taking update,
 * the render shell (parts `frame`, `watermark`, `skeleton`, `notice`, `status`, `error-detail`,
 * which each element documents with its own parts) and the console checks.
 */
export function FeedElement<T extends Constructor<LitElement>>(Base: T) {
  class FeedElementClass extends Base {
    static properties = {
      src: { type: String },
      interval: { type: Number },
      feed: { attribute: false },
      theme: { type: String, reflect: true },
      lang: { type: String, reflect: true },
      timeZone: { type: String, attribute: 'time-zone' },
    };

    /** URL of a tally-feed/1 results feed, polled through the page's shared feed source. */
    declare src: string | undefined;
    /** Seconds between polls of `src` (the feed's own hint otherwise). */
    declare interval: number | undefined;
    /** A feed object from host code; wins over `src`. */
    declare feed: unknown;
    /** Colour scheme: `auto` (the reader's), `light` or `dark`. */
    declare theme: ThemeSetting | undefined;
    /** The element's language (`en-GB`, `cy`); otherwise the nearest ancestor's `lang`. */
    declare lang: string;
    /** IANA time zone for clock times; the reader's by default. */
    declare timeZone: string | undefined;

    /** First: whether this element hydrates server markup, before any controller asks. */
    protected readonly serverRender = new ServerRenderController(this);
    protected readonly data = new FeedController(this);
    protected readonly preferences = new PreferencesController(this);
    protected readonly messages = new MessagesController(this);
    protected locale: string = DEFAULT_LOCALE;
    readonly #warned = new Set<string>();

    protected get largeUpdate(): boolean {
      return false;
    }

    /** An update with a new feed takes its turn with the page's other widgets (FeedController.turn). */
    protected override scheduleUpdate(): void | Promise<void> {
      return this.data.turn(() => this.updateInTurn(), this.feed, this.largeUpdate);
    }

    protected updateInTurn(): void {
      void super.scheduleUpdate();
    }

    protected override willUpdate(changed: PropertyValues): void {
      super.willUpdate(changed);
      // The property, before it is reflected to the attribute that elementLocale reads.
      this.locale = this.lang ? canonicalLocale(this.lang) : elementLocale(this);
      this.data.configure({ src: this.src, feed: this.feed, interval: this.interval });
    }

    protected renderShell(content: (feed: Feed) => unknown, options: ShellOptions = {}): TemplateResult {
      const feed = 'feed' in options ? options.feed : this.data.feed;
      const status = this.data.status;
      return html`<div class="frame" part="frame" data-mode=${options.mode ?? nothing} ?data-test=${feed?.meta.test === true}>
        ${options.sizer ? html`<div class="sizer" aria-hidden="true"><span class="font-probe"></span></div>` : nothing}
        ${options.lead ?? nothing} ${renderWatermark(feed, this.locale)}
        ${feed ? content(feed) : renderPlaceholder(status, this.data.mode, this.locale)} ${options.tail ?? nothing}
        ${options.statusLine === false ? nothing : renderStatusLine(status, this.locale, this.timeZone)}
      </div>`;
    }

    protected warnOnce(message: string): void {
      if (this.#warned.has(message)) return;
      this.#warned.add(message);
      console.warn(`[tally] <${this.localName}>: ${message}`);
    }

    protected choice<T extends string>(attribute: string, value: unknown, allowed: readonly T[], fallback: T): T {
      if (value === undefined || value === null || value === '') return fallback;
      if ((allowed as readonly unknown[]).includes(value)) return value as T;
      this.warnOnce(`${attribute}="${String(value)}" is not one of ${allowed.join(', ')}; using ${fallback}`);
      return fallback;
    }

    protected countSetting(
      attribute: string,
      value: number | null | undefined,
      min: number,
      fallback: number,
    ): number | undefined {
      if (value === undefined || value === null) return undefined;
      if (Number.isFinite(value) && value >= min) return value;
      const written = this.getAttribute(attribute) ?? String(value);
      this.warnOnce(`${attribute}="${written}" is not a number of ${min} or more; using ${fallback}`);
      return undefined;
    }
  }
  return FeedElementClass as unknown as Constructor<FeedElementMembers> & T;
}
