/**
 * Placeholders for CMSs that strip unknown tags or body scripts:
 *
 *   <div data-tally-widget="seat-bar" data-src="https://…/feed.json" data-theme="dark">
 *     <a href="https://…/results">Live results</a>
 *   </div>
 *
 * `upgradePlaceholders(root)` puts the widget inside each placeholder once (an init marker
 * makes a second call, or a second copy of the script, harmless) with every other `data-*`
 * attribute copied as the element attribute of the same name, and removes the fallback link.
 * An unknown widget name leaves the fallback in place and says why in the console.
 */

/** Widget names a placeholder may ask for, and the element each becomes. */
export const PLACEHOLDER_WIDGETS: Readonly<Record<string, string>> = {
  'seat-bar': 'tally-seat-bar',
  'party-table': 'tally-party-table',
  'council-list': 'tally-council-list',
  ticker: 'tally-ticker',
  'area-result': 'tally-area-result',
};

/** The element for a widget name, or undefined (never a property inherited from Object). */
export function widgetTag(name: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(PLACEHOLDER_WIDGETS, name) ? PLACEHOLDER_WIDGETS[name] : undefined;
}

const WIDGET = 'data-tally-widget';
const INIT = 'data-tally-init';

/**
 * The most placeholders upgraded on one page. Each widget is a live view of a feed; a page
 * with more (10,000 in the attack report) froze its tab for 18 s before the renderer died.
 * The rest keep their fallback link, and the console says why, once.
 */
export const MAX_PLACEHOLDERS = 100;

/** Pages already told that they have too many placeholders. */
const toldAboutLimit = new WeakSet<Document>();

/** Attribute names that must never be copied from a placeholder onto an element. */
const UNSAFE = /^on|^style$|^is$|^slot$|^part$|^exportparts$/i;

/** Upgrade every placeholder under `root` not upgraded yet; returns the elements created. */
export function upgradePlaceholders(root: ParentNode = document): HTMLElement[] {
  const created: HTMLElement[] = [];
  const candidates = root instanceof Element && root.matches(`[${WIDGET}]`) ? [root] : [];
  candidates.push(...root.querySelectorAll<HTMLElement>(`[${WIDGET}]:not([${INIT}])`));
  const doc = root instanceof Document ? root : (root.ownerDocument ?? document);
  let upgraded = doc.querySelectorAll(`[${INIT}="1"]`).length;
  for (const placeholder of candidates) {
    if (placeholder.hasAttribute(INIT)) continue;
    if (upgraded >= MAX_PLACEHOLDERS) {
      placeholder.setAttribute(INIT, 'limit');
      if (!toldAboutLimit.has(doc)) {
        toldAboutLimit.add(doc);
        console.error(
          `[tally] more than ${MAX_PLACEHOLDERS} widgets on one page: the placeholders after the ${MAX_PLACEHOLDERS}th keep their links`,
        );
      }
      continue;
    }
    const name = placeholder.getAttribute(WIDGET) ?? '';
    const tag = widgetTag(name);
    if (!tag) {
      placeholder.setAttribute(INIT, 'error');
      console.warn(
        `[tally] unknown widget "${name}" in a placeholder; expected one of ${Object.keys(PLACEHOLDER_WIDGETS).join(', ')}`,
      );
      continue;
    }
    const element = placeholder.ownerDocument.createElement(tag);
    for (const attribute of [...placeholder.attributes]) {
      if (!attribute.name.startsWith('data-') || attribute.name === WIDGET || attribute.name === INIT) continue;
      const name = attribute.name.slice('data-'.length);
      if (!name || UNSAFE.test(name)) continue;
      element.setAttribute(name, attribute.value);
    }
    // An inline JSON snapshot inside the placeholder travels with the widget.
    const script = placeholder.querySelector('script[type="application/json"]');
    placeholder.replaceChildren(element);
    if (script) element.append(script);
    placeholder.setAttribute(INIT, '1');
    upgraded += 1;
    created.push(element);
  }
  return created;
}
