/**
 * The seat bar's own strings, in British English (Welsh: ./messages.cy.ts). Numbers, changes, party names and
 * progress come from the shared formatters and messages (src/i18n); these are the chart's frame.
 */
import { addLocaleLoader, addMessages, type MessageTable } from '../../i18n/messages.js';

/** British English: every key the seat bar uses. */
export const seatBarEnGB = {
  // Titles: the election (or area) and what is counted.
  'seatBar.title.seats': '{title}: seats',
  'seatBar.title.councils': '{title}: councils controlled',
  'seatBar.title.composition': '{area}: the whole council',
  'seatBar.title.seatsWon': '{area}: seats won',

  // The chart, for screen readers.
  'seatBar.chartLabel.seats': 'Seats by party',
  'seatBar.chartLabel.councils': 'Councils controlled, by party',
  'seatBar.summaryFirst': '{party} {count}',
  'seatBar.summaryNext': '{party} {count}',
  'seatBar.summaryUndeclared': '{count} still to declare',
  'seatBar.summaryUnreported': '{count} without seat figures in the feed',
  'seatBar.summaryUndeclaredOrUnreported': '{count} not declared or without seat figures',

  // The majority marker: "326 to win" is the shared `majority.toWin`; a council's own majority:
  'seatBar.forMajority': '{count} for a majority',

  // Items that are not parties.
  'seatBar.unreported': 'No seat figures',
  'seatBar.undeclaredOrUnreported': 'Not declared or no figures',
  'seatBar.othersMembers': 'Includes {list}',

  // A label inside a segment: "Conservatives 365".
  'seatBar.label': '{name} {count}',
  // Details of one item (tooltip and accessible name).
  'seatBar.item': '{name}: {count}',
  'seatBar.share': '{share} of the vote',
  'seatBar.selectHint': 'Select a party to highlight it.',

  // The table for screen readers.
  'seatBar.table.party': 'Party',
  'seatBar.table.seats': 'Seats',
  'seatBar.table.councils': 'Councils',
  'seatBar.table.change': 'Change',
  'seatBar.table.share': 'Share of the vote',

  // Captions and notes.
  'seatBar.view.composition': 'Every seat on the council after this election',
  'seatBar.view.seatsWon': '{up} of {total} seats were up',
  'seatBar.view.seatsUp': 'Seats won at this election',
  'seatBar.coverage':
    'Seat totals cover {count} of {declared} declared {areas}: the others have no seat figures in the feed yet.',
  'seatBar.overTotal': 'These totals add up to {counted}, more than the {seatsUp} seats up.',

  // Problems, shown in place of (or above) the chart.
  'seatBar.noCouncils': 'This feed does not say which party controls each area, so councils cannot be counted.',
  'seatBar.noSeatFigures': 'Results have been declared, but this feed has no seat figures for them.',
  'seatBar.noSize': 'This feed does not say how many seats there are, and nothing has been declared yet.',
} satisfies MessageTable;

/** The keys of the seat-bar table: the Welsh table must translate each (a missing one is a type error). */
export type SeatBarMessageKey = keyof typeof seatBarEnGB;

declare module '../../i18n/messages.js' {
  interface MessageKeyRegistry {
    seatBar: SeatBarMessageKey;
  }
}

addMessages('en-GB', seatBarEnGB);
// Welsh, with every other element's, in one file fetched the first time a widget speaks it.
addLocaleLoader('cy', () => import('../shared/welsh.js'));
