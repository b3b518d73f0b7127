/**
 * The seat bar's own strings, in British English and Welsh. Numbers, changes, party names and
 * progress come from the shared formatters and messages (src/i18n); these are the chart's frame.
 */
import { addMessages, type MessageTable } from '../../i18n/messages.js';

/** British English: every key the seat bar uses. */
export const seatBarEnGB: MessageTable = {
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
  'seatBar.coverage': 'Seat totals cover {count} of {declared} declared {areas}: the others have no seat figures in the feed yet.',
  'seatBar.overTotal': 'These totals add up to {counted}, more than the {seatsUp} seats up.',

  // Problems, shown in place of (or above) the chart.
  'seatBar.noCouncils': 'This feed does not say which party controls each area, so councils cannot be counted.',
  'seatBar.noSeatFigures': 'Results have been declared, but this feed has no seat figures for them.',
  'seatBar.noSize': 'This feed does not say how many seats there are, and nothing has been declared yet.',
};

/** Welsh: the same keys. */
export const seatBarCy: MessageTable = {
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
  'seatBar.coverage': 'Mae cyfansymiau’r seddi’n cynnwys {count} o’r {declared} {areas} sydd wedi datgan: nid oes ffigurau seddi ar gyfer y lleill yn y ffrwd eto.',
  'seatBar.overTotal': 'Mae’r cyfansymiau hyn yn dod i {counted}, mwy na’r {seatsUp} sedd oedd i’w hethol.',

  'seatBar.noCouncils': 'Nid yw’r ffrwd hon yn dweud pa blaid sy’n rheoli pob ardal, felly nid oes modd cyfrif cynghorau.',
  'seatBar.noSeatFigures': 'Mae canlyniadau wedi’u datgan, ond nid oes ffigurau seddi ar eu cyfer yn y ffrwd hon.',
  'seatBar.noSize': 'Nid yw’r ffrwd hon yn dweud faint o seddi sydd, ac nid oes dim wedi’i ddatgan eto.',
};

addMessages('en-GB', seatBarEnGB);
addMessages('cy', seatBarCy);
