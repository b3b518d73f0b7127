/** Entry of the iframe page: register the elements, build the page from its URL, report its height. */
import '../components/seat-bar/register.js';
import '../components/party-table/register.js';
import '../components/council-list/register.js';
import '../components/ticker/register.js';
import { boxStylesheet } from './boxes.js';
import { allowedOriginsFromMeta, reportHeight, startFramePage } from './frame-page.js';

// The widget sits in its reserved box, as on a host page with tally.css. A constructed
// stylesheet, like Lit's own, needs nothing from a style-src policy.
const boxes = new CSSStyleSheet();
boxes.replaceSync(boxStylesheet());
document.adoptedStyleSheets = [...document.adoptedStyleSheets, boxes];

startFramePage(document, location.href, { allowedOrigins: allowedOriginsFromMeta(document) });
reportHeight(window, document.querySelector('main') ?? document.body, location.href);
