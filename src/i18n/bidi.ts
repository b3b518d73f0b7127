/**
 * Feed text set apart from the words and figures around it. A party name in a right-to-left
 * script beside its seat count ("ليكود 34"), or one a publisher left a direction mark in, must
 * not move or reverse the number next to it. Unicode's isolates do that inside one string
 * (a first-strong isolate before the text, a pop after), wherever the string ends up: a text
 * node, an attribute, an option, a document title. Where feed text has an element of its own,
 * the element is isolated in CSS instead (`unicode-bidi: isolate`, as `<bdi>` is).
 *
 * The controls that could break out of an isolate (embeddings, overrides, stray isolates) never
 * reach here: validation takes them out of every feed string (src/feed/sanitise.ts).
 */

const FIRST_STRONG_ISOLATE = '\u2068';
const POP_DIRECTIONAL_ISOLATE = '\u2069';

/** `text` as an isolate: its own direction, and none of it leaks into what is around it. */
export function isolate(text: string): string {
  return text === '' ? text : `${FIRST_STRONG_ISOLATE}${text}${POP_DIRECTIONAL_ISOLATE}`;
}
