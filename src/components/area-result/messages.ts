/**
 * The result card’s own strings, in British English (Welsh: ./messages.cy.ts). Statuses, outcomes ("Labour
 * hold"), numbers and names come from the shared messages and formatters (src/i18n); these
 * are the card's frame, its figures' labels and the search and postcode look-up.
 */
import { addLocaleLoader, addMessages, type MessageTable } from '../../i18n/messages.js';

/** British English: every key. */
export const areaResultEnGB = {
  // Choosing an area
  'areaResult.search': 'Find an area',
  'areaResult.searchHint': 'Type a name, then choose from the list with the arrow keys and Enter.',
  'areaResult.matches': { one: '{count} area found', other: '{count} areas found' },
  'areaResult.noMatches': 'No area matches “{query}”.',
  'areaResult.alsoKnownAs': 'also {name}',
  'areaResult.postcode': 'Postcode',
  'areaResult.findPostcode': 'Find',
  'areaResult.postcodeLooking': 'Looking up {postcode}…',
  'areaResult.postcodeInvalid': '“{input}” is not a UK postcode. Check it and try again, for example S1 2HH.',
  'areaResult.postcodeNotFound': 'The postcode {postcode} was not found. Check it and try again.',
  'areaResult.postcodeFailed': 'The postcode search is not working at the moment. Try again later.',
  'areaResult.postcodeTimeout': 'The postcode search took too long to answer. Try again.',
  'areaResult.postcodeNoElection': 'There is no election for {postcode} in these results.',
  'areaResult.postcodeNoElectionIn': 'There is no election in {name} ({postcode}) in these results.',
  'areaResult.postcodeFound': 'Showing {name} for {postcode}.',
  'areaResult.choose': 'Choose an area to see its result.',
  'areaResult.showing': 'Showing {name}: {outcome}',

  // The card
  'areaResult.label': 'Result in {name}',
  'areaResult.backTo': 'Back to {name}',
  'areaResult.declaredAt': 'Declared {time}',
  'areaResult.expectedAt': 'Result expected {time}',
  'areaResult.noFigures': 'No figures for this area yet.',
  'areaResult.fullResult': 'Full result for {name}',

  // A contest
  'areaResult.candidates': 'Candidates',
  'areaResult.partyVotes': 'Votes by party',
  'areaResult.elected': 'Elected',
  'areaResult.electedOf': { one: '{count} elected of {up} seat', other: '{count} elected of {up} seats' },
  'areaResult.votes': { one: '{number} vote', other: '{number} votes' },
  'areaResult.shareOf': '{value} of the vote',
  'areaResult.seatsWonBy': { one: '{count} seat', other: '{count} seats' },
  'areaResult.majority': 'Majority',
  'areaResult.turnout': 'Turnout',
  'areaResult.electorate': 'Electorate',
  'areaResult.rejected': 'Rejected ballots',

  // A council
  'areaResult.control': 'Control',
  'areaResult.controlBefore': 'Before',
  'areaResult.controlAfter': 'After',
  'areaResult.largestParty': 'Largest party',
  'areaResult.seatsWon': 'Seats won at this election',
  'areaResult.seatsWonOf': 'Seats won at this election, of {count} up',
  'areaResult.seatsCounted': 'So far: {count} of {up}',
  'areaResult.composition': 'Whole council after the election',
  'areaResult.majorityLine': '{count} seats for a majority',
  'areaResult.colParty': 'Party',
  'areaResult.colSeats': 'Seats',
  'areaResult.colChange': 'Change',
  'areaResult.wards': 'Wards',
  'areaResult.wardsHint': 'Choose a ward to see its result.',
  'areaResult.wardElected': '{list} elected',
} satisfies MessageTable;

/** The keys of the area-result table: the Welsh table must translate each (a missing one is a type error). */
export type AreaResultMessageKey = keyof typeof areaResultEnGB;

declare module '../../i18n/messages.js' {
  interface MessageKeyRegistry {
    areaResult: AreaResultMessageKey;
  }
}

addMessages('en-GB', areaResultEnGB);
// Welsh, with every other element's, in one file fetched the first time a widget speaks it.
addLocaleLoader('cy', () => import('../shared/welsh.js'));
