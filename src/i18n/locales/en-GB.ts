/** British English: the complete table every other locale falls back to. */
import type { MessageTable } from '../message-store.js';

export const enGB = {
  // Area status
  'status.awaiting': 'Awaiting result',
  'status.counting': 'Counting',
  'status.declared': 'Declared',
  'status.recount': 'Recount',
  'status.postponed': 'Postponed',
  'status.no-election': 'No election',

  // An area's outcome, short form for lists: "Con gain from Lab"
  'outcome.hold': '{party} hold',
  'outcome.gain': '{party} gain from {from}',
  'outcome.gain-from-noc': '{party} gain from NOC',
  'outcome.lost-to-noc': 'No overall control ({from} lost)',
  'outcome.noc-hold': 'No overall control (no change)',
  'outcome.noc': 'No overall control',
  'outcome.won': '{party} win',
  'outcome.declared': 'Declared',

  // Sentences for the ticker and summaries: "Conservatives gain Redditch from Labour"
  'sentence.hold': '{party} hold {area}',
  'sentence.gain': '{party} gain {area} from {from}',
  'sentence.gain-from-noc': '{party} gain {area} from no overall control',
  'sentence.lost-to-noc': '{from} lose {area} to no overall control',
  'sentence.noc-hold': 'No overall control in {area}',
  'sentence.noc': 'No overall control in {area}',
  'sentence.won': '{party} win {area}',
  'sentence.declared': '{area} has declared',
  'sentence.awaiting': '{area} is awaiting its result',
  'sentence.counting': 'Counting under way in {area}',
  'sentence.recount': 'Recount in {area}',
  'sentence.postponed': 'Poll postponed in {area}',
  'sentence.no-election': 'No election in {area}',
  'sentence.correction': 'Correction: {sentence}',

  // Control and party groups
  'control.noc': 'No overall control',
  'control.nocShort': 'NOC',
  'party.others': 'Others',
  'party.undeclared': 'Still to declare',

  // Progress: "after 130 of 150 councils"
  'progress.after': 'after {declared} of {total} {areas}',
  'progress.complete': { one: 'declared', other: 'all {total} {areas} declared' },
  'progress.none': 'no results declared yet',
  'areaType.council': { one: 'council', other: 'councils' },
  'areaType.constituency': { one: 'constituency', other: 'constituencies' },
  'areaType.ward': { one: 'ward', other: 'wards' },
  'areaType.district': { one: 'district', other: 'districts' },
  'areaType.county': { one: 'county', other: 'counties' },
  'areaType.state': { one: 'state', other: 'states' },
  'areaType.region': { one: 'region', other: 'regions' },
  'areaType.area': { one: 'area', other: 'areas' },

  // Quantities
  'count.seats': { one: '{count} seat', other: '{count} seats' },
  'count.councils': { one: '{count} council', other: '{count} councils' },
  'majority.toWin': '{count} to win',
  'majority.needed': '{count} needed for a majority',

  // Changes, as words for screen readers and as a cue besides colour
  'change.up': 'up {value}',
  'change.down': 'down {value}',
  'change.none': 'no change',
  'change.points': '{value}pp',
  'change.pointsLong': '{value} percentage points',

  // Feed state: the status line every widget shows
  'feed.loading': 'Loading results…',
  'feed.updated': 'Updated {time}',
  'feed.checking': 'checking…',
  'feed.reconnecting': 'Reconnecting — showing results from {time}',
  'feed.stale': 'Results may be out of date — last checked {time}',
  'feed.kept': 'The latest update could not be used — showing results from {time}',
  'feed.error': 'Results are unavailable at the moment.',
  'feed.errorDetail': 'Details for developers',
  'feed.noSource': 'No results feed was given to this widget.',
  'feed.test': 'TEST DATA',
  'feed.testNote': 'These are test results, not real ones.',
  'feed.empty': 'No results in this feed yet.',
  'feed.unknownArea': 'There is no area “{id}” in this feed.',
  'feed.source': 'Source: {name}',
  'feed.publisherFigures': 'Publisher’s figures',
  'feed.derivedFigures': 'Totals from declared results',
  'feed.partialSeats': 'Seat totals cover {count} of {declared} declared {areas} with published seat figures',

  // Embedding
  'embed.refused': 'This results widget cannot be shown: {reason}.',

  // Relative times where Intl has no words for the language (en-GB always has them)
  'time.justNow': 'just now',
  'time.secondsAgo': { one: '{number} sec ago', other: '{number} sec ago' },
  'time.minutesAgo': { one: '{number} min ago', other: '{number} min ago' },
  'time.hoursAgo': { one: '{number} hr ago', other: '{number} hr ago' },
  'time.daysAgo': { one: '{number} day ago', other: '{number} days ago' },
} satisfies MessageTable;
