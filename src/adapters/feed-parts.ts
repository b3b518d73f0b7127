/**
 * What every adapter does the same way: the feed's `meta` from the config and the options, the
 * party list with the config's names and colours, and the final check that the feed is valid
 * (a feed the validator refuses is a `SourceError`, never output).
 */
import type { AreaType, ElectionKind, FeedInput, Party } from '../feed/schema.js';
import { validateFeed, type FeedIssue } from '../feed/validate.js';
import { areaSlug, type ConfigArea, type ElectionConfig } from './config.js';
import type { PartyDirectory } from './parties.js';
import { SourceError, type ConvertOptions, type SourceProblem } from './types.js';

type MetaInput = FeedInput['meta'];

export interface MetaDefaults {
  /** The adapter's kind of election when the config does not say. */
  kind: ElectionKind;
  areaType: AreaType;
  /** Polling day from the sources, when they say; the config's wins. */
  date?: string | undefined;
  /** The latest declaration time in the sources, for `dataChangedAt`. */
  lastChange?: string | undefined;
  seats?: number | undefined;
  majority?: number | undefined;
  /** Test data according to the sources (PA's `Local_Test_` files); the config can only add it. */
  test?: boolean | undefined;
}

/** The feed's meta. `source` is cited when nothing gives polling day. */
export function feedMeta(
  config: ElectionConfig,
  options: ConvertOptions,
  defaults: MetaDefaults,
  source: string,
): MetaInput {
  const election = config.election;
  const date = election.date ?? defaults.date;
  if (date === undefined) {
    throw new SourceError({
      source,
      message: 'the sources do not say when polling day was',
      hint: 'add "date" (YYYY-MM-DD) to "election" in the config',
    });
  }
  const seats = election.seats ?? defaults.seats;
  const majority = election.majority ?? defaults.majority;
  const test = config.test === true || defaults.test === true;
  return {
    election: {
      id: election.id,
      title: election.title,
      date,
      kind: election.kind ?? defaults.kind,
      areaType: election.areaType ?? defaults.areaType,
      ...(seats !== undefined ? { seats } : {}),
      ...(majority !== undefined ? { majority } : {}),
      country: election.country ?? 'GB',
    },
    revision: options.revision ?? 1,
    generatedAt: options.now,
    dataChangedAt: defaults.lastChange ?? options.now,
    ...(test ? { test: true } : config.test === false ? { test: false } : {}),
    ...(config.pollInterval !== undefined ? { pollInterval: config.pollInterval } : {}),
    ...(config.baseline ? { baseline: config.baseline } : {}),
    ...(config.publisher ? { publisher: config.publisher } : {}),
    ...(config.note ? { note: config.note } : {}),
  };
}

/** The parties a directory used, with the config's colours. */
export function feedParties(directory: PartyDirectory, config: ElectionConfig): Party[] {
  const colours = new Map(config.parties.map((party) => [party.id, party]));
  return directory.parties().map((party) => {
    const listed = colours.get(party.id);
    return {
      ...party,
      ...(listed?.colour ? { colour: listed.colour } : {}),
      ...(listed?.colourDark ? { colourDark: listed.colourDark } : {}),
    };
  });
}

/** The later of two ISO timestamps (either may be missing). */
export function laterTime(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Date.parse(b) > Date.parse(a) ? b : a;
}

/**
 * The feed, validated. The adapters build feeds the validator accepts from any source they
 * accept, so a refusal means the sources contradict each other in a way the adapter did not
 * catch first: it is reported as a problem of the sources, with the feed path.
 */
export function checkedFeed(feed: FeedInput, source: string): FeedInput {
  const result = validateFeed(feed);
  if (result.ok) return feed;
  throw new SourceError(
    result.errors.map((issue: FeedIssue): SourceProblem => ({
      source,
      at: `(feed ${issue.path || 'document'})`,
      message: issue.message,
      hint: 'the sources contradict each other here; correct the source or the config',
    })),
  );
}

/**
 * A config area no source has reached yet: awaiting, with what the config knows. `parent`: its
 * parent as the adapter resolved it (default: the config's); `seats`: the adapter's default size
 * (one seat for a constituency) when the config gives none.
 */
export function awaitingArea(
  entry: ConfigArea,
  options: { parent?: string | undefined; seats?: { total: number; up: number; majority: number } } = {},
): FeedInput['areas'][number] {
  const id = entry.id ?? areaSlug(entry.name!);
  const parent = options.parent ?? entry.parent;
  const seats = entry.seats ?? options.seats;
  return {
    id,
    name: entry.name ?? id,
    ...(entry.type ? { type: entry.type } : {}),
    ...(entry.region ? { region: entry.region } : {}),
    ...(parent !== undefined ? { parent } : {}),
    ...(seats ? { seats: { ...seats } } : {}),
    status: 'awaiting',
    ...(entry.controlBefore !== undefined ? { control: { before: entry.controlBefore } } : {}),
    ...(entry.expectedAt ? { expectedAt: entry.expectedAt } : {}),
    ...(entry.url ? { url: entry.url } : {}),
  };
}
