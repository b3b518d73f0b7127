/**
 * Welsh for the council list: every key of its British English table (./messages.ts), no other (checked
 * by the type). Fetched with all the Welsh tables (../shared/welsh.ts) the first time a widget
 * speaks Welsh. A native speaker's review is welcome.
 */
import { addMessages, type Translation } from '../../i18n/messages.js';
import type { CouncilListMessageKey } from './messages.js';

export const councilListCy: Translation<CouncilListMessageKey> = {
  'councilList.map': 'Map o’r canlyniadau',
  'councilList.mapDescription': 'Mae pob hecsagon yn un ardal, wedi’i lliwio yn ôl y blaid sy’n rheoli neu’r enillydd.',
  'councilList.mapHint': 'Mae’r bysellau saeth yn symud rhwng ardaloedd ar y map; mae Enter yn dangos y canlyniad.',
  'councilList.zoomIn': 'Chwyddo i mewn',
  'councilList.zoomOut': 'Chwyddo allan',
  'councilList.zoomLevel': 'Chwyddo’r map: {value}×',
  'councilList.legend': 'Allwedd',
  'councilList.legendGain': 'Wedi newid dwylo (cylch)',
  'councilList.legendAwaiting': 'Yn aros am ganlyniad (streipiau)',
  'councilList.legendNoc': 'Dim rheolaeth gyffredinol (dotiau)',
  'councilList.legendNoElection': 'Dim etholiad (gwan)',
  'councilList.notOnMap': { one: 'Nid yw {count} ardal ar y map:', other: 'Nid yw {count} ardal ar y map:' },
  'councilList.layoutLoading': 'Yn llwytho’r map…',
  'councilList.layoutError': 'Nid oedd modd llunio’r map ({reason}). Mae pob canlyniad yn y rhestr isod.',

  'councilList.filters': 'Dangos',
  'councilList.filter.all': 'Y cyfan',
  'councilList.filter.gains': 'Wedi newid dwylo',
  'councilList.filter.holds': 'Wedi’u cadw',
  'councilList.filter.noc': 'Dim rheolaeth gyffredinol',
  'councilList.filter.awaiting': 'Yn aros',
  'councilList.optionCount': '{label} ({count})',
  'councilList.party': 'Enillwyd gan',
  'councilList.anyParty': 'Unrhyw blaid',
  'councilList.search': 'Chwilio yn ôl enw',
  'councilList.groupBy': 'Grwpio yn ôl',
  'councilList.group.none': 'Dim grwpio',
  'councilList.group.region': 'Rhanbarth',
  'councilList.group.type': 'Math',
  'councilList.sortBy': 'Trefnu yn ôl',
  'councilList.sort.name': 'Enw, A i Y',
  'councilList.sort.declared': 'Y diweddaraf i ddatgan',
  'councilList.showing': 'Yn dangos {shown} o {total}',
  'councilList.noMatches': 'Does dim yn cyfateb i’r hidlwyr hyn.',
  'councilList.clearFilters': 'Clirio’r hidlwyr',
  'councilList.hiddenSelected': 'Mae {name} wedi’i guddio gan yr hidlwyr.',
  'councilList.showSelected': 'Ei ddangos',

  'councilList.list': 'Canlyniadau fesul ardal',
  'councilList.listHint':
    'Mae’r bysellau saeth i fyny ac i lawr yn symud drwy’r rhestr; mae Enter yn dangos y manylion.',
  'councilList.groupNotGiven': 'Heb ei nodi',
  'councilList.declaredAt': 'Datganwyd {time}',
  'councilList.new': 'Newydd',
  'councilList.seatsWon': 'Seddi a enillwyd: {list}',
  'councilList.winnerShare': '{party} {share}',
  'councilList.majorityVotes': 'mwyafrif {count}',

  'councilList.detail': 'Canlyniad {name}',
  'councilList.composition': 'Y cyngor cyfan ar ôl yr etholiad',
  'councilList.seatsWonOf': 'Seddi a enillwyd, o’r {count} a ymleddwyd',
  'councilList.seatsWonTable': 'Seddi a enillwyd',
  'councilList.votesTable': 'Pleidleisiau',
  'councilList.colParty': 'Plaid',
  'councilList.colSeats': 'Seddi',
  'councilList.colChange': 'Newid',
  'councilList.colVotes': 'Pleidleisiau',
  'councilList.colShare': 'Cyfran',
  'councilList.elected': 'Etholwyd: {candidate} ({party})',
  'councilList.majorityOf': 'Mwyafrif: {count} pleidlais',
  'councilList.turnout': 'Nifer a bleidleisiodd: {value}',
  'councilList.declaredFull': 'Datganwyd {time}',
  'councilList.unopposed': { other: 'Etholwyd {count} sedd yn ddiwrthwynebiad.' },
  'councilList.tie': 'Penderfynwyd y bleidlais gyfartal yn {seat} drwy goelbren: {winner} a enillodd.',
  'councilList.tieNoSeat': 'Penderfynwyd pleidlais gyfartal am sedd drwy goelbren: {winner} a enillodd.',
  'councilList.transfers': 'Seddi’n newid dwylo',
  'councilList.transfer': { other: '{count} sedd o {from} i {to}' },
  'councilList.noFigures': 'Dim ffigurau seddi ar gyfer yr ardal hon eto.',
  'councilList.fullResult': 'Canlyniad llawn {name}',
};

addMessages('cy', councilListCy);
