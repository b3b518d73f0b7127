/**
 * Follows a media query (`prefers-reduced-motion`, `prefers-color-scheme`) and updates the
 * host when it changes. Listens only while the host is connected.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { rendersAsServer } from './server-render.js';

export class MediaQueryController implements ReactiveController {
  private readonly host: ReactiveControllerHost;
  private readonly query: string;
  private list: MediaQueryList | undefined;
  private readonly onChange = () => this.host.requestUpdate();

  constructor(host: ReactiveControllerHost, query: string) {
    this.host = host;
    this.query = query;
    host.addController(this);
  }

  /** Whether the query matches now. */
  get matches(): boolean {
    return this.list?.matches ?? (typeof matchMedia === 'function' ? matchMedia(this.query).matches : false);
  }

  hostConnected(): void {
    if (typeof matchMedia !== 'function') return;
    this.list = matchMedia(this.query);
    this.list.addEventListener('change', this.onChange);
  }

  hostDisconnected(): void {
    this.list?.removeEventListener('change', this.onChange);
    this.list = undefined;
  }
}

/** Theme and motion preferences of one element, from its `theme` attribute and the reader. */
export class PreferencesController {
  private readonly dark: MediaQueryController;
  private readonly reducedMotion: MediaQueryController;
  private readonly host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this.host = host;
    this.dark = new MediaQueryController(host, '(prefers-color-scheme: dark)');
    this.reducedMotion = new MediaQueryController(host, '(prefers-reduced-motion: reduce)');
  }

  /** The scheme in force for a `theme` attribute value ("auto" or absent follows the reader). */
  scheme(theme: string | undefined): 'light' | 'dark' {
    if (theme === 'light' || theme === 'dark') return theme;
    // A server render cannot know the reader's scheme; its stylesheet still follows it.
    if (rendersAsServer(this.host)) return 'light';
    return this.dark.matches ? 'dark' : 'light';
  }

  /** True when the reader asked for reduced motion: no animation at all. */
  get reduceMotion(): boolean {
    return rendersAsServer(this.host) || this.reducedMotion.matches;
  }
}
