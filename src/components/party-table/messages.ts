/**
 * The party table's own strings, in British English (Welsh: ./messages.cy.ts). Numbers, changes and names
 * come from the shared formatters and messages (src/i18n); these are the table's frame.
 * Imported by the element module, and by the unit tests of its cell text.
 */
import { addLocaleLoader, addMessages, type MessageTable } from '../../i18n/messages.js';

/** British English: every key the party table uses. */
export const partyTableEnGB = {
  'partyTable.title': 'State of the parties',
  'partyTable.sortHint': 'Select a column heading to sort the table.',

  // Column headings. Change columns are headed "+/−" on screen and named in full for screen readers.
  'partyTable.party': 'Party',
  'partyTable.councils': 'Councils',
  'partyTable.seats': 'Seats',
  'partyTable.held': 'Council seats',
  'partyTable.votes': 'Votes',
  'partyTable.share': 'Share',
  'partyTable.candidate': 'Candidate',
  'partyTable.change': '+/−',
  'partyTable.changePoints': '+/− pp',
  'partyTable.councilsChange': 'Change in councils',
  'partyTable.seatsChange': 'Change in seats',
  'partyTable.heldChange': 'Change in council seats',
  'partyTable.shareChange': 'Change in share, percentage points',
  'partyTable.heldNote': 'Council seats: every seat on the council after this election, not only those contested.',

  // Rows
  'partyTable.total': 'Total',
  'partyTable.othersCount': { one: '{count} party', other: '{count} parties' },
  'partyTable.elected': 'Elected',
  'partyTable.notAvailable': 'not available',

  // Captions and notes
  'partyTable.majority': 'Majority {count}',
  'partyTable.turnout': 'Turnout {value}',
  'partyTable.noResults': 'No results declared yet.',
  'partyTable.noFigures': 'The results declared so far give no party figures.',
  'partyTable.areaNoResults': '{status}: no figures yet.',
  'partyTable.missingColumns': 'This feed has no figures for: {columns}.',
  'partyTable.basisNowPublisher':
    'The totals are now the publisher’s figures, no longer added up from declared results. They changed because they are counted another way, not because seats changed hands.',
  'partyTable.basisNowDerived':
    'The totals are now added up from declared results, no longer the publisher’s figures. They changed because they are counted another way, not because seats changed hands.',
} satisfies MessageTable;

/** The keys of the party-table table: the Welsh table must translate each (a missing one is a type error). */
export type PartyTableMessageKey = keyof typeof partyTableEnGB;

declare module '../../i18n/messages.js' {
  interface MessageKeyRegistry {
    partyTable: PartyTableMessageKey;
  }
}

addMessages('en-GB', partyTableEnGB);
// Welsh, with every other element's, in one file fetched the first time a widget speaks it.
addLocaleLoader('cy', () => import('../shared/welsh.js'));
