/**
 * The party table's own strings, in British English and Welsh. Numbers, changes and names
 * come from the shared formatters and messages (src/i18n); these are the table's frame.
 * Imported by the element module, and by the unit tests of its cell text.
 */
import { addMessages } from '../../i18n/messages.js';

addMessages('en-GB', {
  'partyTable.title': 'State of the parties',
  'partyTable.sortHint': 'Select a column heading to sort the table.',

  // Column headings. Change columns are headed "+/−" on screen and named in full for screen readers.
  'partyTable.party': 'Party',
  'partyTable.councils': 'Councils',
  'partyTable.seats': 'Seats',
  'partyTable.held': 'Council seats',
  'partyTable.votes': 'Votes',
  'partyTable.share': 'Share',
  'partyTable.candidate': 'Candidate',
  'partyTable.change': '+/−',
  'partyTable.changePoints': '+/− pp',
  'partyTable.councilsChange': 'Change in councils',
  'partyTable.seatsChange': 'Change in seats',
  'partyTable.heldChange': 'Change in council seats',
  'partyTable.shareChange': 'Change in share, percentage points',
  'partyTable.heldNote': 'Council seats: every seat on the council after this election, not only those contested.',

  // Rows
  'partyTable.total': 'Total',
  'partyTable.othersCount': { one: '{count} party', other: '{count} parties' },
  'partyTable.elected': 'Elected',
  'partyTable.notAvailable': 'not available',

  // Captions and notes
  'partyTable.majority': 'Majority {count}',
  'partyTable.turnout': 'Turnout {value}',
  'partyTable.noResults': 'No results declared yet.',
  'partyTable.noFigures': 'The results declared so far give no party figures.',
  'partyTable.areaNoResults': '{status}: no figures yet.',
  'partyTable.missingColumns': 'This feed has no figures for: {columns}.',
  'partyTable.basisNowPublisher': 'The totals are now the publisher’s figures, no longer added up from declared results. They changed because they are counted another way, not because seats changed hands.',
  'partyTable.basisNowDerived': 'The totals are now added up from declared results, no longer the publisher’s figures. They changed because they are counted another way, not because seats changed hands.',
});

addMessages('cy', {
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
  'partyTable.basisNowPublisher': 'Ffigurau’r cyhoeddwr yw’r cyfansymiau bellach, nid cyfansymiau o’r canlyniadau a ddatganwyd. Newidiodd y ffigurau am eu bod yn cael eu cyfrif mewn ffordd arall, nid am fod seddi wedi newid dwylo.',
  'partyTable.basisNowDerived': 'Cyfansymiau o’r canlyniadau a ddatganwyd yw’r cyfansymiau bellach, nid ffigurau’r cyhoeddwr. Newidiodd y ffigurau am eu bod yn cael eu cyfrif mewn ffordd arall, nid am fod seddi wedi newid dwylo.',
});
