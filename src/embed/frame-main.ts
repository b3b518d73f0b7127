/** Entry of the iframe page: register the elements, build the page from its URL, report its height. */
import '../components/seat-bar/register.js';
import '../components/party-table/register.js';
import '../components/council-list/register.js';
import '../components/ticker/register.js';
import { allowedOriginsFromMeta, reportHeight, startFramePage } from './frame-page.js';

startFramePage(document, location.href, { allowedOrigins: allowedOriginsFromMeta(document) });
reportHeight(window, document.querySelector('main') ?? document.body, location.href);
