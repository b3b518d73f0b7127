/**
 * All of Welsh for the widgets, in one module (one file in the builds): the shared table and each
 * element's. Every element's `messages.ts` names this module as its Welsh (`addLocaleLoader`), and
 * the script-tag loader and the iframe page fetch it as soon as they see a widget in Welsh, so it
 * arrives beside the widget's code. A page that never shows Welsh never downloads it. A new
 * element adds its `messages.cy.ts` here.
 */
import '../../i18n/locales/cy.js';
import '../seat-bar/messages.cy.js';
import '../party-table/messages.cy.js';
import '../council-list/messages.cy.js';
import '../ticker/messages.cy.js';
import '../area-result/messages.cy.js';
