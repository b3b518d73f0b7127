/**
 * Server rendering and hydration (docs/static-rendering.md). On the server (Lit SSR) an element
 * knows no width, no fonts, no page stylesheet, no reader preference and no clock of the
 * reader's: it renders a "server view" from its feed and attributes alone. In the browser, an
 * element that arrives with that markup (a declarative shadow root) renders the same server view
 * once more, so that Lit hydrates the nodes as they are, and only then renders again with what
 * the browser knows (its width, the page's party colours, dark mode): the usual update, on the
 * same nodes.
 *
 * Controllers and helpers ask `rendersAsServer(host)` instead of touching `window`, `document`
 * or observers while rendering.
 */
import { isServer, type ReactiveController, type ReactiveControllerHost } from 'lit';

const hydrating = new WeakSet<object>();

/** True on the server, and in the browser for the render that hydrates server markup. */
export function rendersAsServer(host: object): boolean {
  return isServer || hydrating.has(host);
}

export class ServerRenderController implements ReactiveController {
  /** The element came with a server-rendered shadow root (declarative shadow DOM). */
  readonly fromServer: boolean;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    // An upgraded element's declarative shadow root is already attached when its constructor runs.
    this.fromServer = !isServer && host.shadowRoot !== null && host.shadowRoot.childNodes.length > 0;
    if (this.fromServer) hydrating.add(host);
    host.addController(this);
  }

  hostUpdated(): void {
    if (!hydrating.has(this.host)) return;
    // Hydrated: now render with the reader's width, colours and preferences.
    hydrating.delete(this.host);
    this.host.requestUpdate();
  }
}
