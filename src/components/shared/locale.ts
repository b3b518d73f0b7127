/**
 * The language an element speaks: its own `lang`, else the nearest ancestor's (crossing
 * shadow roots), else the document's, else en-GB; always a canonical tag.
 */
import { isServer, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { DEFAULT_LOCALE, onMessagesChange } from '../../i18n/messages.js';
import { canonicalLocale } from '../../i18n/language-tag.js';

/** The nearest `lang`, canonical ("en_GB" is "en-GB"; one that is not a language tag is en-GB). */
export function elementLocale(element: Element): string {
  // On the server an element knows its own attributes, not its ancestors.
  if (isServer) return element.getAttribute('lang') ? canonicalLocale(element.getAttribute('lang')) : DEFAULT_LOCALE;
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.getAttribute('lang')) return canonicalLocale(node.getAttribute('lang'));
    node = node instanceof ShadowRoot ? node.host : node.parentNode;
  }
  return DEFAULT_LOCALE;
}

/**
 * Renders the host again when message tables change (`addMessages` after the element has
 * rendered: a host page adding its own language or rewording a message).
 */
export class MessagesController implements ReactiveController {
  private stop: (() => void) | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.stop ??= onMessagesChange(() => this.host.requestUpdate());
  }

  hostDisconnected(): void {
    this.stop?.();
    this.stop = undefined;
  }
}
