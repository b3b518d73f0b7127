/**
 * Entry of the iframe page: build the page from its URL, load and register the one widget it
 * shows, report its height. Each widget's code is its own chunk (the same list as the loader's,
 * ./widgets.ts), so the page downloads and compiles one widget, not four (the element is created
 * first and upgrades when its code runs); Welsh is fetched only for a page in Welsh.
 */
import { boxStylesheet } from './boxes.js';
import { allowedOriginsFromMeta, reportHeight, startFramePage } from './frame-page.js';
import { WIDGET_CODE, isWidgetTag } from './widgets.js';
import { loadLocale } from '../i18n/messages.js';

// The widget sits in its reserved box, as on a host page with tally.css. A constructed
// stylesheet, like Lit's own, needs nothing from a style-src policy.
const boxes = new CSSStyleSheet();
boxes.replaceSync(boxStylesheet());
document.adoptedStyleSheets = [...document.adoptedStyleSheets, boxes];

// Only a widget the page accepted (a known widget, an allowed feed) is loaded, beside its language.
const widget = startFramePage(document, location.href, { allowedOrigins: allowedOriginsFromMeta(document) });
// The page's language (Welsh: the page's own words and the widgets') is fetched at once, beside the widget's code.
void loadLocale(document.documentElement.lang);
const tag = widget?.localName ?? '';
if (isWidgetTag(tag))
  WIDGET_CODE[tag]().catch((error: unknown) => {
    console.error(
      `[tally] embed: the widget's code did not load (${error instanceof Error ? error.message : String(error)})`,
    );
  });
reportHeight(window, document.querySelector('main') ?? document.body, location.href);
