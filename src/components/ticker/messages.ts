/**
 * The ticker's own strings, in British English and Welsh. Sentences about results come from
 * the shared `sentence.*` messages (src/i18n/sentences.ts); these are the frame around them.
 * Imported by the element module, and by unit tests of the announcer.
 */
import { addMessages } from '../../i18n/messages.js';

addMessages('en-GB', {
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
});

addMessages('cy', {
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
});
