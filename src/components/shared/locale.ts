/**
 * The language an element speaks: its own `lang`, else the nearest ancestor's (crossing
 * shadow roots), else the document's, else en-GB.
 */
import { DEFAULT_LOCALE } from '../../i18n/messages.js';

export function elementLocale(element: Element): string {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.getAttribute('lang')) return node.getAttribute('lang')!;
    node = node instanceof ShadowRoot ? node.host : node.parentNode;
  }
  return DEFAULT_LOCALE;
}
