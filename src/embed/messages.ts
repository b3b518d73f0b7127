/**
 * The iframe page's own strings, in British English (Welsh: ./messages.cy.ts): its title, and why a widget cannot be shown.
 * They complete the shared `embed.refused` sentence ("This results widget cannot be shown:
 * {reason}."). The console gets the same reason in English, with the details a developer needs.
 */
import { addLocaleLoader, addMessages, type MessageTable } from '../i18n/messages.js';

/** British English: every key the iframe page uses. */
export const embedEnGB = {
  'embed.reason.unknownWidget': 'there is no widget called “{widget}”',
  'embed.reason.noFeed': 'no results feed was given',
  'embed.reason.notUrl': '“{src}” is not a web address',
  'embed.reason.protocol': '{protocol} feeds are not allowed',
  // A producer sees this while setting the embed up: it says what to change, and where.
  'embed.reason.origin':
    'feeds from {origin} are not allowed on this page. To allow them, add {origin} to the feed origins of embed.html: TALLY_FEED_ORIGINS when building Tally, or its tally-feed-origins meta tag when deploying',
  'embed.reason.duplicate': 'the setting “{name}” is given more than once',
  'embed.title': '{title}: election results',
} satisfies MessageTable;

/** The keys of the embed table: the Welsh table must translate each (a missing one is a type error). */
export type EmbedMessageKey = keyof typeof embedEnGB;

declare module '../i18n/messages.js' {
  interface MessageKeyRegistry {
    embed: EmbedMessageKey;
  }
}

addMessages('en-GB', embedEnGB);
// Welsh, fetched when the page is in Welsh: its own, and the shared table its sentences complete
// (with the widgets' Welsh: ../components/shared/welsh.ts).
addLocaleLoader('cy', () => Promise.all([import('./messages.cy.js'), import('../components/shared/welsh.js')]));
