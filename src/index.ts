/**
 * Tally's package root (`import … from 'tally-widgets'`): the public API, listed name by name and
 * described in docs/api.md. Importing it registers no elements (`tally-widgets/<element>` and
 * dist/tally.js do that) and has no side effect beyond loading the built-in messages.
 *
 * Everything else under src/ is internal: it may change in any release. A name belongs here
 * when people building on Tally need it: the feed contract and its validation, the feed source,
 * the derivations behind the widgets (to build their own views on the same numbers), wording
 * and formatting, colours, the light adapters, the element classes and their event details,
 * and the embedding helpers. test/unit/public-api.test.ts keeps this list and docs/api.md equal.
 */

// ── The feed contract (tally-feed/1) and its validation ────────────────────────────────────
export {
  AREA_STATUSES,
  AREA_TYPES,
  ELECTION_KINDS,
  EVENT_KINDS,
  FEED_FORMAT,
  FEED_LIMITS,
  NO_OVERALL_CONTROL,
  type Area,
  type AreaStatus,
  type AreaType,
  type Baseline,
  type Candidate,
  type Election,
  type ElectionKind,
  type EventKind,
  type Feed,
  type FeedEvent,
  type FeedInput,
  type FeedMeta,
  type Party,
  type PartyResult,
  type Summary,
  type SummaryParty,
  type Tie,
  type Transfer,
} from './feed/schema.js';
export {
  assertFeed,
  FeedValidationError,
  formatIssue,
  formatIssues,
  parseFeed,
  validateFeed,
  type FeedIssue,
  type FeedValidation,
} from './feed/validate.js';
export { isFeedColour, isWebLink } from './feed/sanitise.js';

// ── The feed source: one shared poller per feed URL ────────────────────────────────────────
export {
  FeedSource,
  POLLING,
  type Clock,
  type FeedError,
  type FeedErrorKind,
  type FeedListener,
  type FeedSnapshot,
  type FeedSourceEvent,
  type FeedSourceOptions,
  type PageEnvironment,
} from './feed/source.js';
export { absoluteFeedUrl, feedSourceFor } from './feed/registry.js';
export { feedStatus, type FeedStatus } from './feed/status.js';
export { feedChanges, type FeedChanges } from './feed/changes.js';
export { controlAfter, feedIndex } from './feed/lookup.js';

// ── Derivations: the numbers the widgets show, for views of your own ───────────────────────
export { areaOutcome, isChangeOfControl, type AreaOutcome, type AreaOutcomeKind } from './derive/area-outcome.js';
export { progress, seatsElected, type Progress } from './derive/progress.js';
export {
  stateOfParties,
  type PartyStanding,
  type StateOfParties,
  type StateOfPartiesBasis,
} from './derive/state-of-parties.js';
export {
  majorityOf,
  seatTotals,
  type SeatMeasure,
  type SeatTotal,
  type SeatTotals,
  type SeatTotalsOptions,
} from './derive/seat-totals.js';
export {
  mergeTickerItems,
  tickerItemsFromChanges,
  tickerItemsFromFeed,
  type TickerItem,
} from './derive/ticker-items.js';
export {
  partyTable,
  type OthersGroup,
  type PartyTable,
  type PartyTableArea,
  type PartyTableOptions,
  type PartyTableResult,
  type PartyTableRow,
  type PartyTableRowKind,
  type PartyTableValues,
} from './derive/party-table.js';
export {
  AREA_FILTERS,
  AREA_GROUPINGS,
  AREA_SORTS,
  areaRows,
  selectAreaRows,
  type AreaFilter,
  type AreaGroup,
  type AreaGrouping,
  type AreaQuery,
  type AreaRow,
  type AreaSeatFigure,
  type AreaSelection,
  type AreaSort,
} from './derive/area-rows.js';

// ── One area's result: the view behind <tally-area-result>, its search, link and postcodes ──
export {
  areaChildren,
  areaResult,
  findArea,
  OTHER_COLOUR_KEY,
  sameAreaInputs,
  type AreaResultView,
  type CompositionView,
  type ContestLine,
  type ContestView,
  type CouncilView,
  type SeatLine,
  type StatusOnlyView,
  type WardLine,
} from './derive/area-result.js';
export {
  areaSearchIndex,
  searchAreas,
  type AreaMatch,
  type AreaSearchEntry,
  type AreaSearchIndex,
} from './derive/area-search.js';
export {
  AREA_FRAGMENT_KEY,
  areaForCodes,
  readAreaFragment,
  writeAreaFragment,
  type PostcodeArea,
} from './derive/area-link.js';
export {
  lookupPostcode,
  normalisePostcode,
  POSTCODE_TIMEOUT_MS,
  type LookupOptions,
  type PostcodeAnswer,
  type PostcodeService,
} from './feed/postcode.js';

// ── Words and numbers: messages, languages, formatting, names, sentences ───────────────────
export {
  addMessages,
  availableLocales,
  DEFAULT_LOCALE,
  onMessagesChange,
  ownMessages,
  translate,
  translator,
  type Message,
  type MessageParams,
  type MessageTable,
  type PluralMessage,
  type Translator,
} from './i18n/messages.js';
export {
  describeChange,
  formatChange,
  formatDateTime,
  formatDayTime,
  formatNumber,
  formatPoints,
  formatRelativeTime,
  formatShare,
  formatTime,
  MINUS,
} from './i18n/format.js';
export { pseudoLocalise, type PseudoOptions } from './i18n/pseudo.js';
export { feedNames, type FeedNames } from './i18n/names.js';
export { describeOutcome, describeProgress, outcomeSentence, tickerSentence } from './i18n/sentences.js';

// ── Colours ─────────────────────────────────────────────────────────────────────────────────
export { contrastRatio, parseColour, textColourOn, type Rgb } from './theme/colour.js';
export {
  DEFAULT_PARTY_COLOURS,
  defaultPartyColour,
  partyColourProperty,
  resolvePartyColour,
  type ThemeName,
} from './theme/party-colours.js';

// ── Adapters that suit a browser as well as Node ───────────────────────────────────────────
// The source adapters for the `tally` command (src/adapters/index.ts: Democracy Club, PA Media
// XML, the sheet, the election config) are Node-side and stay out of this entry, so a page
// bundling it does not carry an XML parser.
export {
  CsvError,
  parseCsvNumber,
  parseCsvRows,
  parseCsvTable,
  type CsvOptions,
  type CsvRecord,
  type CsvRow,
  type CsvTable,
} from './adapters/csv.js';
export {
  isoSeconds,
  timeZoneOffset,
  ukLocalTimeToIso,
  zonedTimeToInstant,
  type WallClockTime,
} from './adapters/local-time.js';
export {
  normaliseLabel,
  OTHERS_PARTY_ID,
  PartyDirectory,
  slugPartyId,
  UK_PARTIES,
  type KnownParty,
} from './adapters/parties.js';
export {
  HOC_COLUMNS,
  hocResultsToFeed,
  parseResultText,
  roundPercentage,
  type HocResultsOptions,
  type ResultText,
} from './adapters/hoc-csv.js';
export {
  replayFeed,
  timelineBounds,
  timelineFromDeclaredAt,
  undeclaredArea,
  type DeclarationTimeline,
  type ReplayOptions,
} from './adapters/replay.js';

// ── Hex maps: check a HexJSON layout before giving it to <tally-council-list layout-src> ────
export {
  HexJsonError,
  parseHexJson,
  validateHexJson,
  type HexCell,
  type HexJsonLayout,
  type HexJsonValidation,
} from './layout/hexjson.js';

// ── The elements ────────────────────────────────────────────────────────────────────────────
// The classes, for subclassing, registering under another name or typing; importing them
// registers nothing. Their events' detail types, for typed listeners.
export { TallySeatBar, type SeatBarLayout, type SeatBarSelectDetail } from './components/seat-bar/seat-bar.js';
export {
  TallyPartyTable,
  type PartyTableSortDetail,
  type PartyTableToggleDetail,
} from './components/party-table/party-table.js';
export { TallyCouncilList, type AreaSelectDetail } from './components/council-list/council-list.js';
export { TallyTicker, type TickerItemEventDetail, type TickerMode } from './components/ticker/ticker.js';
export { TallyAreaResult, type AreaChangeDetail, type AreaChangeSource } from './components/area-result/area-result.js';
export {
  FeedController,
  type FeedErrorDetail,
  type FeedInputs,
  type FeedMode,
  type FeedStaleDetail,
  type FeedUpdateDetail,
} from './components/shared/feed-controller.js';

// ── Embedding ───────────────────────────────────────────────────────────────────────────────
export { PLACEHOLDER_WIDGETS, upgradePlaceholders } from './embed/loader.js';
export {
  FRAME_MESSAGE_TYPE,
  FRAME_PARAMETERS,
  MAX_FRAME_HEIGHT,
  readFrameHeight,
  type AmpEmbedSizeMessage,
  type TallyFrameMessage,
} from './embed/frame-protocol.js';
// The codes the builder writes, and the reserved boxes behind tally.css, for a CMS integration
// that writes embed codes itself.
export { embedCodes, escapeHtml, type EmbedCodes, type EmbedRequest } from './embed/embed-code.js';
export {
  boxFor,
  boxStylesheet,
  frameHeights,
  heightsAttribute,
  WIDGET_BOXES,
  type WidgetBox,
  type WidgetName,
} from './embed/boxes.js';
