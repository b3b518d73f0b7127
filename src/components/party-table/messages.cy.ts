/**
 * Welsh for the party table: every key of its British English table (./messages.ts), no other (checked
 * by the type). Fetched with all the Welsh tables (../shared/welsh.ts) the first time a widget
 * speaks Welsh. A native speaker's review is welcome.
 */
import { addMessages, type Translation } from '../../i18n/messages.js';
import type { PartyTableMessageKey } from './messages.js';

export const partyTableCy: Translation<PartyTableMessageKey> = {
  'partyTable.title': 'Sefyllfa’r pleidiau',
  'partyTable.sortHint': 'Dewiswch bennawd colofn i drefnu’r tabl.',

  'partyTable.party': 'Plaid',
  'partyTable.councils': 'Cynghorau',
  'partyTable.seats': 'Seddi',
  'partyTable.held': 'Seddi’r cyngor',
  'partyTable.votes': 'Pleidleisiau',
  'partyTable.share': 'Cyfran',
  'partyTable.candidate': 'Ymgeisydd',
  'partyTable.change': '+/−',
  'partyTable.changePoints': '+/− pwynt',
  'partyTable.councilsChange': 'Newid yn nifer y cynghorau',
  'partyTable.seatsChange': 'Newid yn nifer y seddi',
  'partyTable.heldChange': 'Newid yn seddi’r cyngor',
  'partyTable.shareChange': 'Newid yn y gyfran, pwyntiau canran',
  'partyTable.heldNote': 'Seddi’r cyngor: pob sedd ar y cyngor ar ôl yr etholiad hwn, nid dim ond y rhai a ymleddwyd.',

  'partyTable.total': 'Cyfanswm',
  'partyTable.othersCount': { other: '{count} plaid' },
  'partyTable.elected': 'Etholwyd',
  'partyTable.notAvailable': 'dim ar gael',

  'partyTable.majority': 'Mwyafrif {count}',
  'partyTable.turnout': 'Y nifer a bleidleisiodd {value}',
  'partyTable.noResults': 'Dim canlyniadau wedi’u datgan eto.',
  'partyTable.noFigures': 'Nid yw’r canlyniadau a ddatganwyd hyd yma yn rhoi ffigurau pleidiau.',
  'partyTable.areaNoResults': '{status}: dim ffigurau eto.',
  'partyTable.missingColumns': 'Nid oes ffigurau yn y ffrwd hon ar gyfer: {columns}.',
  'partyTable.basisNowPublisher':
    'Ffigurau’r cyhoeddwr yw’r cyfansymiau bellach, nid cyfansymiau o’r canlyniadau a ddatganwyd. Newidiodd y ffigurau am eu bod yn cael eu cyfrif mewn ffordd arall, nid am fod seddi wedi newid dwylo.',
  'partyTable.basisNowDerived':
    'Cyfansymiau o’r canlyniadau a ddatganwyd yw’r cyfansymiau bellach, nid ffigurau’r cyhoeddwr. Newidiodd y ffigurau am eu bod yn cael eu cyfrif mewn ffordd arall, nid am fod seddi wedi newid dwylo.',
};

addMessages('cy', partyTableCy);
