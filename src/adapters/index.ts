/**
 * Adapters: turn public results data into tally-feed/1 feeds, and replay a night from a final
 * feed. Pure functions of text and data, no DOM, no network; they run in Node and in browsers
 * (declaration times need `Intl` time zones, available in both).
 *
 * `adapters` maps each kind of source (`tally convert <kind>`) to its adapter (src/adapters/types.ts).
 * This is the entry for the `tally` command and other Node code; the package's root entry
 * (src/index.ts) exports only the light adapters it always did, so no page bundles the source
 * adapters or their XML parser.
 */
import { dcResultsAdapter } from './dc-results.js';
import { hocCsvAdapter } from './hoc-csv.js';
import { paFptpAdapter } from './pa-fptp.js';
import { paLocalAdapter } from './pa-local.js';
import { sheetAdapter } from './sheet.js';
import type { Adapter, AdapterKind } from './types.js';

export {
  CsvError,
  parseCsvNumber,
  parseCsvRows,
  parseCsvTable,
  type CsvOptions,
  type CsvRecord,
  type CsvRow,
  type CsvTable,
} from './csv.js';
export { isoSeconds, timeZoneOffset, ukLocalTimeToIso, zonedTimeToInstant, type WallClockTime } from './local-time.js';
export {
  normaliseLabel,
  OTHERS_PARTY_ID,
  knownPartiesWith,
  PartyDirectory,
  slugPartyId,
  UK_PARTIES,
  type KnownParty,
  type ListedParty,
} from './parties.js';
export {
  HOC_COLUMNS,
  hocCsvAdapter,
  hocResultsToFeed,
  parseResultText,
  roundPercentage,
  type HocResultsOptions,
  type ResultText,
} from './hoc-csv.js';
export { dcResultsAdapter } from './dc-results.js';
export { PA_COUNCIL_TYPES, paLocalAdapter } from './pa-local.js';
export { paFptpAdapter } from './pa-fptp.js';
export { parsePaXml, readPaFolder, type PaFile, type PaFolder } from './pa-xml.js';
export { readTime, SHEET_COLUMNS, sheetAdapter } from './sheet.js';
export {
  replayFeed,
  timelineBounds,
  timelineFromDeclaredAt,
  undeclaredArea,
  type DeclarationTimeline,
  type ReplayOptions,
} from './replay.js';
export {
  areaSlug,
  ConfigAreas,
  electionConfig,
  ElectionConfigSchema,
  parseElectionConfig,
  parseJsonSource,
  type ConfigArea,
  type ConfigParty,
  type ElectionConfig,
  type ElectionConfigInput,
} from './config.js';
export {
  ADAPTER_KINDS,
  formatSourceProblem,
  SourceError,
  type Adapter,
  type AdapterKind,
  type ConversionResult,
  type ConvertOptions,
  type SourceFile,
  type SourceProblem,
} from './types.js';

/** The adapter for each kind of source (`tally convert <kind>`). */
export const adapters: Readonly<Record<AdapterKind, Adapter>> = {
  'hoc-csv': hocCsvAdapter,
  'dc-results': dcResultsAdapter,
  'pa-local': paLocalAdapter,
  'pa-fptp': paFptpAdapter,
  sheet: sheetAdapter,
};
