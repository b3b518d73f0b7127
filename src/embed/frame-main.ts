/**
 * Entry of the iframe page: build the page from its URL, load and register the one widget it
 * shows, report its height. Each widget's code is its own chunk, so the page downloads and
 * compiles one widget, not four (the element is created first and upgrades when its code runs).
 */
import { boxStylesheet } from './boxes.js';
import { allowedOriginsFromMeta, reportHeight, startFramePage } from './frame-page.js';

// The widget sits in its reserved box, as on a host page with tally.css. A constructed
// stylesheet, like Lit's own, needs nothing from a style-src policy.
const boxes = new CSSStyleSheet();
boxes.replaceSync(boxStylesheet());
document.adoptedStyleSheets = [...document.adoptedStyleSheets, boxes];

/** Each widget's code, by element name. */
const WIDGET_CODE: Readonly<Record<string, () => Promise<unknown>>> = {
  'tally-seat-bar': () => import('../components/seat-bar/register.js'),
  'tally-party-table': () => import('../components/party-table/register.js'),
  'tally-council-list': () => import('../components/council-list/register.js'),
  'tally-ticker': () => import('../components/ticker/register.js'),
  'tally-area-result': () => import('../components/area-result/register.js'),
};

// Only a widget the page accepted (a known widget, an allowed feed) is loaded.
const widget = startFramePage(document, location.href, { allowedOrigins: allowedOriginsFromMeta(document) });
WIDGET_CODE[widget?.localName ?? '']?.().catch((error: unknown) => {
  console.error(`[tally] embed: the widget's code did not load (${error instanceof Error ? error.message : String(error)})`);
});
reportHeight(window, document.querySelector('main') ?? document.body, location.href);
