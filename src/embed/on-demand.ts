/**
 * Defines each element the first time one appears: in the page as parsed, inserted later by the
 * page's own code, or made from a placeholder. Only then is that element's code fetched
 * (`WIDGET_CODE`), with the code every widget shares, its feed (./feed-prefetch.ts) and, when it
 * speaks a language other than English, that language's messages, all at once. A page that uses
 * no widget fetches nothing.
 *
 * Elements are watched for in the document (a `MutationObserver`, until every element has been
 * asked for). Elements inside another component's shadow root are not seen: pass that root to
 * `Tally.load(root)`.
 */
import { WIDGET_CODE, isWidgetTag, type WidgetTag } from './widgets.js';
import { prefetchFeed } from './feed-prefetch.js';

export interface OnDemandHooks {
  /** Called for each element seen before its code is asked for, with the element's language. */
  readonly locale: (locale: string) => void;
  /** Called with each element's code as it is asked for, to fetch the shared code beside it. */
  readonly shared: () => void;
}

const asked = new Set<WidgetTag>();
const SELECTOR = Object.keys(WIDGET_CODE).join(',');

/** The elements not asked for yet, as a selector (empty when there are none). */
function waitingFor(): string {
  return (Object.keys(WIDGET_CODE) as WidgetTag[]).filter((tag) => !asked.has(tag)).join(',');
}

/** The language an element will speak: the nearest `lang` in the light DOM, else the document's. */
function languageOf(element: Element): string {
  return element.closest('[lang]')?.getAttribute('lang') ?? '';
}

/** One element seen: fetch its code (once per element name), its feed and its language. */
export function sighted(element: Element, hooks: OnDemandHooks): void {
  const tag = element.localName;
  if (!isWidgetTag(tag) || customElements.get(tag)) return;
  prefetchFeed(element);
  const language = languageOf(element);
  if (language && !/^en\b/i.test(language)) hooks.locale(language);
  if (asked.has(tag)) return;
  asked.add(tag);
  hooks.shared();
  WIDGET_CODE[tag]().catch((error: unknown) => {
    // Tried again when another such element appears; meanwhile its fallback content stays,
    // unless another copy of Tally on the page has defined it.
    asked.delete(tag);
    const outcome = customElements.get(tag)
      ? 'another copy of Tally on the page defined it'
      : 'it keeps its fallback content';
    console.error(
      `[tally] the code of <${tag}> did not load, so ${outcome} (${error instanceof Error ? error.message : String(error)})`,
    );
  });
}

/** Every element under `root` (and `root` itself) not defined yet. */
export function sightIn(root: ParentNode, hooks: OnDemandHooks): void {
  if (root instanceof Element && root.matches(SELECTOR)) sighted(root, hooks);
  for (const element of root.querySelectorAll(SELECTOR)) sighted(element, hooks);
}

/** Watch `doc` for elements as they are added, until every element has been asked for. */
export function watchForWidgets(doc: Document, hooks: OnDemandHooks): void {
  sightIn(doc, hooks);
  if (asked.size === Object.keys(WIDGET_CODE).length) return;
  // Pages that change their DOM a lot (a live blog, an app) pay one selector match per added
  // element, for the elements not asked for yet only, and nothing once all have been.
  const observer = new MutationObserver((records) => {
    const selector = waitingFor();
    if (selector) {
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (!(node instanceof Element)) continue;
          if (node.matches(selector)) sighted(node, hooks);
          if (node.firstElementChild) for (const element of node.querySelectorAll(selector)) sighted(element, hooks);
        }
      }
    }
    if (!waitingFor()) observer.disconnect();
  });
  observer.observe(doc, { childList: true, subtree: true });
}
