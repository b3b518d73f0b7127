/**
 * Adapters: turn public results data into tally-feed/1 feeds, and replay a night from a final
 * feed. Pure functions of text and data, no DOM, no network; they run in Node and in browsers
 * (declaration times need `Intl` time zones, available in both).
 */
export { CsvError, parseCsvNumber, parseCsvRows, parseCsvTable, type CsvOptions, type CsvRecord, type CsvRow, type CsvTable } from './csv.js';
export { isoSeconds, timeZoneOffset, ukLocalTimeToIso, zonedTimeToInstant, type WallClockTime } from './local-time.js';
export { normaliseLabel, OTHERS_PARTY_ID, PartyDirectory, slugPartyId, UK_PARTIES, type KnownParty } from './parties.js';
export { HOC_COLUMNS, hocResultsToFeed, parseResultText, roundPercentage, type HocResultsOptions, type ResultText } from './hoc-csv.js';
export { replayFeed, timelineBounds, timelineFromDeclaredAt, undeclaredArea, type DeclarationTimeline, type ReplayOptions } from './replay.js';
