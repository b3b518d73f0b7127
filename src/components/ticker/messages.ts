/**
 * The ticker's own strings, in British English (Welsh: ./messages.cy.ts). Sentences about results come from
 * the shared `sentence.*` messages (src/i18n/sentences.ts); these are the frame around them.
 * Imported by the element module, and by unit tests of the announcer.
 */
import { addLocaleLoader, addMessages, type MessageTable } from '../../i18n/messages.js';

/** British English: every key the ticker uses. */
export const tickerEnGB = {
  'ticker.title': 'Latest results',
  'ticker.stripTitle': 'Latest',
  'ticker.listOrder': 'Newest first.',
  'ticker.pause': 'Pause',
  'ticker.resume': 'Resume',
  'ticker.pauseLabel': 'Pause updates',
  'ticker.resumeLabel': 'Resume updates',
  'ticker.paused': 'Paused: new results wait until you resume.',
  'ticker.newResults': { one: 'Show {number} new result', other: 'Show {number} new results' },
  'ticker.newShort': '{number} new',
  'ticker.empty': 'No results yet. They will appear here as they are declared.',
  'ticker.emptyFiltered': 'No results match this selection yet.',
  'ticker.unknownArea': 'There is no area “{id}” in this feed.',
  'ticker.unknownParty': 'There is no party “{id}” in this feed.',
  'ticker.unknownKind': '“{kind}” is not a kind of result (use {kinds}).',
  'ticker.corrected': 'Corrected',
  'ticker.exactTime': 'at {time}',

  // Relative times: "just now" always; the others only where the browser's Intl does not speak the language.

  // Badges: the result in a few words, beside the party colour.
  'ticker.badge.hold': '{party} hold',
  'ticker.badge.gain': '{party} gain',
  'ticker.badge.won': '{party} win',
  'ticker.badge.noc': '{noc}',
  'ticker.kind.declaration': 'Result',
  'ticker.kind.control-change': 'Change of control',
  'ticker.kind.recount': 'Recount',
  'ticker.kind.correction': 'Correction',
  'ticker.kind.note': 'Note',

  // The live region: one summary per burst of results.
  'ticker.announce.one': 'New result: {sentence}.',
  'ticker.announce.many': { one: '{number} new result: {list}.', other: '{number} new results: {list}.' },
  'ticker.announce.more': { one: 'and {number} more', other: 'and {number} more' },
} satisfies MessageTable;

/** The keys of the ticker table: the Welsh table must translate each (a missing one is a type error). */
export type TickerMessageKey = keyof typeof tickerEnGB;

declare module '../../i18n/messages.js' {
  interface MessageKeyRegistry {
    ticker: TickerMessageKey;
  }
}

addMessages('en-GB', tickerEnGB);
// Welsh, with every other element's, in one file fetched the first time a widget speaks it.
addLocaleLoader('cy', () => import('../shared/welsh.js'));
