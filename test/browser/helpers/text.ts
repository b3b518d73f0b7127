/**
 * Text of the widgets' shadow DOM as a reader meets it, for assertions on what is seen or heard.
 * No element is registered here: a test of one element imports only that element.
 */

/**
 * Text as a reader sees it: white space collapsed, and without the isolates set round feed
 * names (U+2068, U+2069: src/i18n/bidi.ts), which draw nothing. hardening-text.test.ts looks
 * at where the glyphs are drawn instead, to check what they do.
 */
export function readable(text: string): string {
  return text
    .replace(/[\u2068\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The text of `node` without the parts `selector` matches, read as `readable` reads it:
 * `.visually-hidden` for what a sighted reader sees, `[aria-hidden="true"]` for what a screen
 * reader reads.
 */
export function textWithout(node: Element | null | undefined, selector: string): string {
  if (!node) return '';
  const copy = node.cloneNode(true) as Element;
  for (const hidden of copy.querySelectorAll(selector)) hidden.remove();
  return readable(copy.textContent ?? '');
}
