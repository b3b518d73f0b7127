/**
 * Tally's side-effect-free entry: the feed contract, validation, pure derivations, formatting
 * and theme helpers. Importing it registers no elements.
 */
export * from './feed/schema.js';
export {
  validateFeed,
  parseFeed,
  assertFeed,
  formatIssue,
  formatIssues,
  FeedValidationError,
  type FeedIssue,
  type FeedValidation,
} from './feed/validate.js';
export { isFeedColour, isWebLink } from './feed/sanitise.js';

export * from './derive/area-outcome.js';
export * from './derive/progress.js';
export * from './derive/state-of-parties.js';
export * from './derive/seat-totals.js';
export * from './feed/changes.js';
export * from './derive/ticker-items.js';

export {
  addMessages,
  availableLocales,
  ownMessages,
  onMessagesChange,
  translate,
  translator,
  DEFAULT_LOCALE,
  type Message,
  type MessageTable,
  type MessageParams,
  type PluralMessage,
  type Translator,
} from './i18n/messages.js';
export * from './i18n/format.js';
export { pseudoLocalise, type PseudoOptions } from './i18n/pseudo.js';
export { feedNames, type FeedNames } from './i18n/names.js';
export { feedIndex, controlAfter } from './feed/lookup.js';
export * from './i18n/sentences.js';

export * from './theme/colour.js';
export * from './theme/party-colours.js';

// The adapters that suit a browser as well as Node. The source adapters for the `tally` command
// (src/adapters/index.ts: Democracy Club, PA Media XML, the sheet, the election config) are
// Node-side and stay out of this entry, so a page bundling it does not carry an XML parser.
export { CsvError, parseCsvNumber, parseCsvRows, parseCsvTable, type CsvOptions, type CsvRecord, type CsvRow, type CsvTable } from './adapters/csv.js';
export { isoSeconds, timeZoneOffset, ukLocalTimeToIso, zonedTimeToInstant, type WallClockTime } from './adapters/local-time.js';
export { normaliseLabel, OTHERS_PARTY_ID, PartyDirectory, slugPartyId, UK_PARTIES, type KnownParty } from './adapters/parties.js';
export { HOC_COLUMNS, hocResultsToFeed, parseResultText, roundPercentage, type HocResultsOptions, type ResultText } from './adapters/hoc-csv.js';
export { replayFeed, timelineBounds, timelineFromDeclaredAt, undeclaredArea, type DeclarationTimeline, type ReplayOptions } from './adapters/replay.js';

export * from './derive/party-table.js';
export * from './derive/party-table-columns.js';
export * from './derive/party-table-sort.js';
export * from './derive/area-rows.js';
export * from './derive/ticker-filter.js';
export * from './derive/ticker-timeline.js';
export * from './components/ticker/announcer.js';
export * from './derive/ticker-view.js';
export * from './layout/hexjson.js';
export * from './layout/hex-grid.js';
export * from './derive/seat-bar-model.js';
export * from './derive/seat-bar-groups.js';
export * from './layout/seat-bar-stacked.js';
export * from './layout/seat-bar-rows.js';
export * from './layout/seat-bar-parliament.js';
export * from './layout/seat-bar-scale.js';

// The element classes, for subclassing or registering under another name. Importing them
// registers nothing: `tally-widgets/<element>` entries (or dist/tally.js) do that.
export { TallySeatBar } from './components/seat-bar/seat-bar.js';
export { TallyPartyTable } from './components/party-table/party-table.js';
export { TallyCouncilList } from './components/council-list/council-list.js';
export { TallyTicker } from './components/ticker/ticker.js';
export { FeedController, type FeedMode, type FeedInputs, type FeedUpdateDetail, type FeedErrorDetail, type FeedStaleDetail } from './components/shared/feed-controller.js';
export { FeedSource, POLLING, type FeedSnapshot, type FeedError, type FeedSourceOptions, type FeedListener, type FeedSourceEvent, type Clock, type PageEnvironment } from './feed/source.js';
export { feedSourceFor, absoluteFeedUrl } from './feed/registry.js';
export { feedStatus, type FeedStatus } from './feed/status.js';
export { upgradePlaceholders, PLACEHOLDER_WIDGETS } from './embed/loader.js';
export * from './embed/frame-protocol.js';
// Embedding: the codes the builder writes, and the reserved boxes behind tally.css, for a CMS
// integration that writes embed codes itself.
export { embedCodes, escapeHtml, type EmbedRequest, type EmbedCodes } from './embed/embed-code.js';
export { boxStylesheet, boxFor, frameHeights, heightsAttribute, WIDGET_BOXES, type WidgetBox, type WidgetName } from './embed/boxes.js';
