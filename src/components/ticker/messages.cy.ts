/**
 * Welsh for the ticker: every key of its British English table (./messages.ts), no other (checked
 * by the type). Fetched with all the Welsh tables (../shared/welsh.ts) the first time a widget
 * speaks Welsh. A native speaker's review is welcome.
 */
import { addMessages, type Translation } from '../../i18n/messages.js';
import type { TickerMessageKey } from './messages.js';

export const tickerCy: Translation<TickerMessageKey> = {
  'ticker.title': 'Y canlyniadau diweddaraf',
  'ticker.stripTitle': 'Diweddaraf',
  'ticker.listOrder': 'Y mwyaf newydd yn gyntaf.',
  'ticker.pause': 'Oedi',
  'ticker.resume': 'Ailddechrau',
  'ticker.pauseLabel': 'Oedi’r diweddariadau',
  'ticker.resumeLabel': 'Ailddechrau’r diweddariadau',
  'ticker.paused': 'Wedi oedi: bydd canlyniadau newydd yn aros nes i chi ailddechrau.',
  'ticker.newResults': { other: 'Dangos {number} canlyniad newydd' },
  'ticker.newShort': '{number} newydd',
  'ticker.empty': 'Dim canlyniadau eto. Byddant yn ymddangos yma wrth iddynt gael eu datgan.',
  'ticker.emptyFiltered': 'Does dim canlyniadau sy’n cyfateb i’r dewis hwn eto.',
  'ticker.unknownArea': 'Nid oes ardal “{id}” yn y ffrwd hon.',
  'ticker.unknownParty': 'Nid oes plaid “{id}” yn y ffrwd hon.',
  'ticker.unknownKind': 'Nid yw “{kind}” yn fath o ganlyniad (defnyddiwch {kinds}).',
  'ticker.corrected': 'Cywirwyd',
  'ticker.exactTime': 'am {time}',

  'ticker.badge.hold': '{party} yn cadw',
  'ticker.badge.gain': '{party} yn cipio',
  'ticker.badge.won': '{party} yn ennill',
  'ticker.badge.noc': '{noc}',
  'ticker.kind.declaration': 'Canlyniad',
  'ticker.kind.control-change': 'Newid rheolaeth',
  'ticker.kind.recount': 'Ailgyfrif',
  'ticker.kind.correction': 'Cywiriad',
  'ticker.kind.note': 'Nodyn',

  'ticker.announce.one': 'Canlyniad newydd: {sentence}.',
  'ticker.announce.many': { other: '{number} canlyniad newydd: {list}.' },
  'ticker.announce.more': { other: 'a {number} arall' },
};

addMessages('cy', tickerCy);
