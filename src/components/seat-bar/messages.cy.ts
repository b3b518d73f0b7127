/**
 * Welsh for the seat bar: every key of its British English table (./messages.ts), no other (checked
 * by the type). Fetched with all the Welsh tables (../shared/welsh.ts) the first time a widget
 * speaks Welsh. A native speaker's review is welcome.
 */
import { addMessages, type Translation } from '../../i18n/messages.js';
import type { SeatBarMessageKey } from './messages.js';

export const seatBarCy: Translation<SeatBarMessageKey> = {
  'seatBar.title.seats': '{title}: seddi',
  'seatBar.title.councils': '{title}: cynghorau dan reolaeth',
  'seatBar.title.composition': '{area}: y cyngor cyfan',
  'seatBar.title.seatsWon': '{area}: seddi a enillwyd',

  'seatBar.chartLabel.seats': 'Seddi fesul plaid',
  'seatBar.chartLabel.councils': 'Cynghorau dan reolaeth, fesul plaid',
  'seatBar.summaryFirst': '{party} {count}',
  'seatBar.summaryNext': '{party} {count}',
  'seatBar.summaryUndeclared': '{count} eto i’w datgan',
  'seatBar.summaryUnreported': '{count} heb ffigurau seddi yn y ffrwd',
  'seatBar.summaryUndeclaredOrUnreported': '{count} heb eu datgan neu heb ffigurau',

  'seatBar.forMajority': '{count} i gael mwyafrif',

  'seatBar.unreported': 'Dim ffigurau seddi',
  'seatBar.undeclaredOrUnreported': 'Heb eu datgan neu heb ffigurau',
  'seatBar.othersMembers': 'Yn cynnwys {list}',

  'seatBar.label': '{name} {count}',
  'seatBar.item': '{name}: {count}',
  'seatBar.share': '{share} o’r bleidlais',
  'seatBar.selectHint': 'Dewiswch blaid i’w hamlygu.',

  'seatBar.table.party': 'Plaid',
  'seatBar.table.seats': 'Seddi',
  'seatBar.table.councils': 'Cynghorau',
  'seatBar.table.change': 'Newid',
  'seatBar.table.share': 'Cyfran o’r bleidlais',

  'seatBar.view.composition': 'Pob sedd ar y cyngor ar ôl yr etholiad hwn',
  'seatBar.view.seatsWon': 'Roedd {up} o {total} sedd i’w hethol',
  'seatBar.view.seatsUp': 'Seddi a enillwyd yn yr etholiad hwn',
  'seatBar.coverage':
    'Mae cyfansymiau’r seddi’n cynnwys {count} o’r {declared} {areas} sydd wedi datgan: nid oes ffigurau seddi ar gyfer y lleill yn y ffrwd eto.',
  'seatBar.overTotal': 'Mae’r cyfansymiau hyn yn dod i {counted}, mwy na’r {seatsUp} sedd oedd i’w hethol.',

  'seatBar.noCouncils':
    'Nid yw’r ffrwd hon yn dweud pa blaid sy’n rheoli pob ardal, felly nid oes modd cyfrif cynghorau.',
  'seatBar.noSeatFigures': 'Mae canlyniadau wedi’u datgan, ond nid oes ffigurau seddi ar eu cyfer yn y ffrwd hon.',
  'seatBar.noSize': 'Nid yw’r ffrwd hon yn dweud faint o seddi sydd, ac nid oes dim wedi’i ddatgan eto.',
};

addMessages('cy', seatBarCy);
