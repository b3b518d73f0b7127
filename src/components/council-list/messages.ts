/**
 * The council list's own strings, in British English (Welsh: ./messages.cy.ts). Outcomes ("Con gain from
 * Lab"), statuses, numbers and names come from the shared messages and formatters
 * (src/i18n); these are the map's, the filters' and the detail's frame. Area nouns
 * ("councils") are left out of sentences without a number, because Welsh has one form of
 * them for use after numerals only.
 */
import { addLocaleLoader, addMessages, type MessageTable } from '../../i18n/messages.js';

/** British English: every key. */
export const councilListEnGB = {
  // The map
  'councilList.map': 'Map of the results',
  'councilList.mapDescription': 'Each hexagon is one area, coloured by the party in control or the winner.',
  'councilList.mapHint': 'Arrow keys move between areas on the map; Enter shows the result.',
  'councilList.zoomIn': 'Zoom in',
  'councilList.zoomOut': 'Zoom out',
  'councilList.zoomLevel': 'Map zoom: {value}×',
  'councilList.legend': 'Key',
  'councilList.legendGain': 'Changed hands (ring)',
  'councilList.legendAwaiting': 'Awaiting result (stripes)',
  'councilList.legendNoc': 'No overall control (dots)',
  'councilList.legendNoElection': 'No election (faint)',
  'councilList.notOnMap': { one: '{count} area is not on the map:', other: '{count} areas are not on the map:' },
  'councilList.layoutLoading': 'Loading the map…',
  'councilList.layoutError': 'The map could not be drawn ({reason}). The list below has every result.',

  // Filters
  'councilList.filters': 'Show',
  'councilList.filter.all': 'All',
  'councilList.filter.gains': 'Changed hands',
  'councilList.filter.holds': 'Held',
  'councilList.filter.noc': 'No overall control',
  'councilList.filter.awaiting': 'Awaiting',
  'councilList.optionCount': '{label} ({count})',
  'councilList.party': 'Won by',
  'councilList.anyParty': 'Any party',
  'councilList.search': 'Search by name',
  'councilList.groupBy': 'Group by',
  'councilList.group.none': 'No grouping',
  'councilList.group.region': 'Region',
  'councilList.group.type': 'Type',
  'councilList.sortBy': 'Sort by',
  'councilList.sort.name': 'Name, A to Z',
  'councilList.sort.declared': 'Latest declared',
  'councilList.showing': 'Showing {shown} of {total}',
  'councilList.noMatches': 'Nothing matches these filters.',
  'councilList.clearFilters': 'Clear filters',
  'councilList.hiddenSelected': '{name} is hidden by the filters.',
  'councilList.showSelected': 'Show it',

  // The list
  'councilList.list': 'Results by area',
  'councilList.listHint': 'Up and down arrow keys move through the list; Enter shows the detail.',
  'councilList.groupNotGiven': 'Not given',
  'councilList.declaredAt': 'Declared {time}',
  'councilList.new': 'New',
  'councilList.seatsWon': 'Seats won: {list}',
  'councilList.winnerShare': '{party} {share}',
  'councilList.majorityVotes': 'majority {count}',

  // The detail of one area
  'councilList.detail': 'Result in {name}',
  'councilList.composition': 'Whole council after the election',
  'councilList.seatsWonOf': 'Seats won, of {count} contested',
  'councilList.seatsWonTable': 'Seats won',
  'councilList.votesTable': 'Votes',
  'councilList.colParty': 'Party',
  'councilList.colSeats': 'Seats',
  'councilList.colChange': 'Change',
  'councilList.colVotes': 'Votes',
  'councilList.colShare': 'Share',
  'councilList.elected': 'Elected: {candidate} ({party})',
  'councilList.majorityOf': 'Majority: {count} votes',
  'councilList.turnout': 'Turnout: {value}',
  'councilList.declaredFull': 'Declared {time}',
  'councilList.unopposed': { one: '{count} seat elected unopposed.', other: '{count} seats elected unopposed.' },
  'councilList.tie': 'Tie in {seat} decided by lot: won by {winner}.',
  'councilList.tieNoSeat': 'A tied seat was decided by lot: won by {winner}.',
  'councilList.transfers': 'Seats changing hands',
  'councilList.transfer': { one: '{count} seat from {from} to {to}', other: '{count} seats from {from} to {to}' },
  'councilList.noFigures': 'No seat figures for this area yet.',
  'councilList.fullResult': 'Full result for {name}',
} satisfies MessageTable;

/** The keys of the council-list table: the Welsh table must translate each (a missing one is a type error). */
export type CouncilListMessageKey = keyof typeof councilListEnGB;

declare module '../../i18n/messages.js' {
  interface MessageKeyRegistry {
    councilList: CouncilListMessageKey;
  }
}

addMessages('en-GB', councilListEnGB);
// Welsh, with every other element's, in one file fetched the first time a widget speaks it.
addLocaleLoader('cy', () => import('../shared/welsh.js'));
