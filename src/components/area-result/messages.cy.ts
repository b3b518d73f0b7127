/**
 * Welsh for the area result card: every key of its British English table (./messages.ts), no other (checked
 * by the type). Fetched with all the Welsh tables (../shared/welsh.ts) the first time a widget
 * speaks Welsh. A native speaker's review is welcome.
 */
import { addMessages, type Translation } from '../../i18n/messages.js';
import type { AreaResultMessageKey } from './messages.js';

export const areaResultCy: Translation<AreaResultMessageKey> = {
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

addMessages('cy', areaResultCy);
