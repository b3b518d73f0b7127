/**
 * The result card's own strings, in British English and Welsh. Statuses, outcomes ("Labour
 * hold"), numbers and names come from the shared messages and formatters (src/i18n); these
 * are the card's frame, its figures' labels and the search and postcode look-up.
 */
import { addMessages, type MessageTable } from '../../i18n/messages.js';

/** British English: every key. */
export const areaResultEnGB: MessageTable = {
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
};

/** Welsh: every key. */
export const areaResultCy: MessageTable = {
  'areaResult.search': 'Chwilio am ardal',
  'areaResult.searchHint': 'Teipiwch enw, yna dewiswch o’r rhestr gyda’r bysellau saeth ac Enter.',
  'areaResult.matches': { zero: 'Dim ardal', one: '{count} ardal', two: '{count} ardal', other: '{count} ardal' },
  'areaResult.noMatches': 'Does dim ardal yn cyfateb i “{query}”.',
  'areaResult.alsoKnownAs': 'hefyd {name}',
  'areaResult.postcode': 'Cod post',
  'areaResult.findPostcode': 'Chwilio',
  'areaResult.postcodeLooking': 'Yn chwilio am {postcode}…',
  'areaResult.postcodeInvalid':
    'Nid yw “{input}” yn god post yn y DU. Gwiriwch ef a rhowch gynnig arall arni, er enghraifft S1 2HH.',
  'areaResult.postcodeNotFound': 'Ni chafwyd hyd i’r cod post {postcode}. Gwiriwch ef a rhowch gynnig arall arni.',
  'areaResult.postcodeFailed':
    'Nid yw’r chwilio am god post yn gweithio ar hyn o bryd. Rhowch gynnig arall arni yn nes ymlaen.',
  'areaResult.postcodeTimeout': 'Cymerodd y chwilio am god post ormod o amser. Rhowch gynnig arall arni.',
  'areaResult.postcodeNoElection': 'Does dim etholiad ar gyfer {postcode} yn y canlyniadau hyn.',
  'areaResult.postcodeNoElectionIn': 'Does dim etholiad yn {name} ({postcode}) yn y canlyniadau hyn.',
  'areaResult.postcodeFound': 'Yn dangos {name} ar gyfer {postcode}.',
  'areaResult.choose': 'Dewiswch ardal i weld ei chanlyniad.',
  'areaResult.showing': 'Yn dangos {name}: {outcome}',

  'areaResult.label': 'Canlyniad {name}',
  'areaResult.backTo': 'Yn ôl i {name}',
  'areaResult.declaredAt': 'Datganwyd {time}',
  'areaResult.expectedAt': 'Disgwylir y canlyniad {time}',
  'areaResult.noFigures': 'Dim ffigurau ar gyfer yr ardal hon eto.',
  'areaResult.fullResult': 'Canlyniad llawn {name}',

  'areaResult.candidates': 'Ymgeiswyr',
  'areaResult.partyVotes': 'Pleidleisiau fesul plaid',
  'areaResult.elected': 'Etholwyd',
  'areaResult.electedOf': { other: '{count} wedi’u hethol o {up} sedd' },
  'areaResult.votes': { one: '{number} bleidlais', two: '{number} bleidlais', other: '{number} pleidlais' },
  'areaResult.shareOf': '{value} o’r bleidlais',
  'areaResult.seatsWonBy': { other: '{count} sedd' },
  'areaResult.majority': 'Mwyafrif',
  'areaResult.turnout': 'Nifer a bleidleisiodd',
  'areaResult.electorate': 'Etholwyr',
  'areaResult.rejected': 'Papurau pleidleisio a wrthodwyd',

  'areaResult.control': 'Rheolaeth',
  'areaResult.controlBefore': 'Cyn',
  'areaResult.controlAfter': 'Wedyn',
  'areaResult.largestParty': 'Y blaid fwyaf',
  'areaResult.seatsWon': 'Seddi a enillwyd yn yr etholiad hwn',
  'areaResult.seatsWonOf': 'Seddi a enillwyd yn yr etholiad hwn, o’r {count} a ymleddwyd',
  'areaResult.seatsCounted': 'Hyd yma: {count} o {up}',
  'areaResult.composition': 'Y cyngor cyfan ar ôl yr etholiad',
  'areaResult.majorityLine': '{count} sedd i gael mwyafrif',
  'areaResult.colParty': 'Plaid',
  'areaResult.colSeats': 'Seddi',
  'areaResult.colChange': 'Newid',
  'areaResult.wards': 'Wardiau',
  'areaResult.wardsHint': 'Dewiswch ward i weld ei chanlyniad.',
  'areaResult.wardElected': 'Etholwyd: {list}',
};

addMessages('en-GB', areaResultEnGB);
addMessages('cy', areaResultCy);
