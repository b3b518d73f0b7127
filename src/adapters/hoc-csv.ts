/**
 * House of Commons Library constituency results (the "results by constituency" CSV published
 * after each UK general election) to a tally-feed/1 feed.
 *
 * Columns are read by header name, never by position. Which parties have a vote column changes
 * from one election to the next (BRX in 2019, RUK in 2024), so every column that is not one of
 * the known non-party columns below is read as a party's votes, its label looked up in
 * `UK_PARTIES` (src/adapters/parties.ts); a label nobody has listed becomes a party of its own.
 * Header names are matched ignoring case, spaces and underscores, so "ONS ID" and "ons_id" are
 * the same column.
 *
 * Figures the file does not give stay out of the feed: no declaration time column means no
 * `declaredAt`, no "Result" column means no control before and no seat change, and change in
 * vote share is never computed (the file has no previous election).
 */
import { assertFeed } from '../feed/validate.js';
import type { Baseline, Feed, FeedInput } from '../feed/schema.js';
import { CsvError, parseCsvNumber, parseCsvTable, type CsvRecord } from './csv.js';
import { isoSeconds, ukLocalTimeToIso } from './local-time.js';
import {
  OTHERS_PARTY_ID,
  PartyDirectory,
  UK_PARTIES,
  normaliseLabel,
  knownPartiesWith,
  type KnownParty,
} from './parties.js';
import { checkedFeed } from './feed-parts.js';
import { SourceError, type Adapter, type SourceFile } from './types.js';

/** The non-party columns, by role, with the header names each is known by. */
export const HOC_COLUMNS = {
  id: ['ONS ID', 'ons_id', 'PCON ID', 'Constituency ID'],
  regionId: ['ONS region ID', 'ons_region_id', 'Region ID'],
  name: ['Constituency name', 'constituency_name', 'Constituency'],
  county: ['County name', 'county_name', 'County'],
  region: ['Region name', 'region_name', 'Region'],
  country: ['Country name', 'country_name', 'Country'],
  type: ['Constituency type', 'constituency_type'],
  declaredAt: ['Declaration time', 'declaration_time'],
  firstName: ['Member first name', 'mp_firstname', 'Candidate first name'],
  surname: ['Member surname', 'mp_surname', 'Candidate surname'],
  gender: ['Member gender', 'mp_gender'],
  title: ['Member title'],
  result: ['Result', 'result'],
  firstParty: ['First party', 'first_party'],
  secondParty: ['Second party', 'second_party'],
  electorate: ['Electorate', 'electorate'],
  validVotes: ['Valid votes', 'valid_votes'],
  invalidVotes: ['Invalid votes', 'invalid_votes'],
  majority: ['Majority', 'majority'],
  otherVotes: ['All other candidates', 'other', 'Other', 'Others'],
  otherWinnerVotes: ['Of which other winner', 'other_winner'],
} as const;

type ColumnRole = keyof typeof HOC_COLUMNS;

type AreaInput = FeedInput['areas'][number];
type PartyResultInput = NonNullable<AreaInput['results']>[number];

const REQUIRED_ROLES: readonly ColumnRole[] = ['id', 'name', 'firstParty'];

export interface HocResultsOptions {
  /** The election: the CSV does not say which one it is. */
  election: {
    id: string;
    title: string;
    /** Polling day, YYYY-MM-DD. */
    date: string;
    /** ISO 3166 code; "GB" (the United Kingdom's code) unless given. */
    country?: string;
  };
  /** What seat changes are measured against, e.g. `{ label: 'Change since 2017' }`. */
  baseline?: Baseline;
  /** Default 1. */
  revision?: number;
  /**
   * When the feed was written and when its data last changed. Default: the last declaration
   * time in the file (and `dataChangedAt` defaults to `generatedAt` when the file has none).
   * `generatedAt` is required when the file has no declaration times.
   */
  generatedAt?: string;
  dataChangedAt?: string;
  publisher?: { name: string; url?: string };
  /** Shown with the results. */
  note?: string;
  test?: boolean;
  /** The time zone of "Declaration time". Default Europe/London. */
  timeZone?: string;
  /** Parties to recognise besides (and before) `UK_PARTIES`; one with a built-in id replaces that party. */
  parties?: readonly KnownParty[];
}

/** What the Result text says: "Con gain from Lab", "Lab hold". */
export interface ResultText {
  readonly winner: string;
  /** The label of the party that held the seat before; the winner's for a hold. */
  readonly before: string;
  readonly gain: boolean;
}

const RESULT_TEXT = /^\s*(.+?)\s+(?:(hold)|gain\s+from\s+(.+?))\s*$/i;

/** Parse "Con gain from Lab Coop" or "SNP hold"; undefined for anything else. */
export function parseResultText(text: string): ResultText | undefined {
  const match = RESULT_TEXT.exec(text);
  if (!match) return undefined;
  const [, winner, hold, from] = match;
  if (hold) return { winner: winner!, before: winner!, gain: false };
  return { winner: winner!, before: from!, gain: true };
}

/** Round a percentage to two decimal places: enough for any display, small enough to read. */
export function roundPercentage(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * Convert House of Commons Library results-by-constituency CSV text to a validated feed.
 *
 * Per constituency: id (ONS id), name, region, type ("County constituency"), one seat, status
 * declared, declaration time when the file has one, control before (from the Result text) and
 * after (First party), winner, majority, electorate, turnout, and one result per party that
 * stood: votes, share of valid votes, seats (1 for the winner, else 0), seat change (+1 for a
 * gaining winner, -1 for the party that lost the seat, 0 otherwise) and the winner's name.
 *
 * Turnout is valid votes as a percentage of the electorate, the House of Commons Library's own
 * definition; rejected ballots are not counted.
 *
 * "All other candidates" are the votes of candidates without a column of their own; they go to
 * the Others party ("oth"), except "Of which other winner": the votes of a winner without a
 * column (the Speaker in 2019), which go to the winner's party.
 */
export function hocResultsToFeed(csvText: string, options: HocResultsOptions): Feed {
  const table = parseCsvTable(csvText);
  const columnFor = resolveColumns(table.columns);
  for (const role of REQUIRED_ROLES) {
    if (columnFor.get(role) === undefined) {
      throw new CsvError(
        `no "${HOC_COLUMNS[role][0]}" column (the header has: ${table.columns.join(', ')})`,
        table.headerLine,
      );
    }
  }
  const roleColumns = new Set(columnFor.values());
  const partyColumns = table.columns.filter((column) => !roleColumns.has(column));

  // A party given in the options replaces the built-in party with its id.
  const given = options.parties ?? [];
  const directory = new PartyDirectory([
    ...given,
    ...UK_PARTIES.filter((party) => !given.some((own) => own.id === party.id)),
  ]);
  const columnParties = partyColumns.map((column) => ({ column, party: directory.use(column) }));
  const read = (record: CsvRecord, role: ColumnRole) => {
    const column = columnFor.get(role);
    return column === undefined ? undefined : record.get(column)?.trim();
  };
  const number = (record: CsvRecord, column: string) => {
    try {
      return parseCsvNumber(record.get(column));
    } catch (error) {
      throw new CsvError(`"${column}": ${(error as Error).message}`, record.line);
    }
  };
  const roleNumber = (record: CsvRecord, role: ColumnRole) => {
    const column = columnFor.get(role);
    return column === undefined ? undefined : number(record, column);
  };

  const areas: AreaInput[] = [];
  let lastDeclaration: number | undefined;
  for (const record of table.records) {
    const fail = (message: string): never => {
      throw new CsvError(`${read(record, 'name') ?? read(record, 'id')}: ${message}`, record.line);
    };
    const id = read(record, 'id') || fail('no ONS id');
    const name = read(record, 'name') || fail('no constituency name');
    const winnerLabel = read(record, 'firstParty') || fail('no First party');
    const winner = directory.use(winnerLabel);

    // Control before, from the Result text.
    const resultText = read(record, 'result');
    let before: KnownParty | undefined;
    let gain: boolean | undefined;
    if (resultText) {
      const parsed = parseResultText(resultText) ?? fail(`cannot read the Result "${resultText}"`);
      if (directory.resolve(parsed.winner).id !== winner.id) {
        fail(`the Result "${resultText}" names a different winner from the First party "${winnerLabel}"`);
      }
      directory.use(parsed.winner);
      before = directory.use(parsed.before);
      gain = before.id !== winner.id;
      if (gain !== parsed.gain) fail(`the Result "${resultText}" is a gain from the winner's own party`);
    }

    // Votes per party. Two columns for one party (should a file have both "Lab" and
    // "Lab Co-op") are added together.
    const votes = new Map<string, number>();
    const addVotes = (party: string, value: number | undefined) => {
      if (value === undefined || value === 0) return;
      if (!Number.isInteger(value) || value < 0) fail(`${value} is not a number of votes`);
      votes.set(party, (votes.get(party) ?? 0) + value);
    };
    for (const { column, party } of columnParties) addVotes(party.id, number(record, column));
    const otherVotes = roleNumber(record, 'otherVotes');
    const otherWinnerVotes = roleNumber(record, 'otherWinnerVotes') ?? 0;
    if (otherWinnerVotes > 0) {
      if (votes.has(winner.id))
        fail(`"Of which other winner" is ${otherWinnerVotes} but the winner (${winnerLabel}) has a column of its own`);
      if (otherVotes === undefined || otherWinnerVotes > otherVotes)
        fail(
          `"Of which other winner" (${otherWinnerVotes}) is more than "All other candidates" (${otherVotes ?? 'none'})`,
        );
      addVotes(winner.id, otherWinnerVotes);
      addVotes(OTHERS_PARTY_ID, otherVotes! - otherWinnerVotes);
    } else {
      addVotes(OTHERS_PARTY_ID, otherVotes);
    }
    if (votes.has(OTHERS_PARTY_ID)) directory.useId(OTHERS_PARTY_ID);

    const winnerVotes = votes.get(winner.id);
    if (winnerVotes !== undefined) {
      for (const [party, count] of votes) {
        if (party !== winner.id && party !== OTHERS_PARTY_ID && count > winnerVotes) {
          fail(`the winner (${winnerLabel}, ${winnerVotes} votes) has fewer votes than '${party}' (${count})`);
        }
      }
    }

    const validVotes = roleNumber(record, 'validVotes');
    const counted = [...votes.values()].reduce((a, b) => a + b, 0);
    if (validVotes !== undefined && counted > validVotes)
      fail(`party votes add up to ${counted}, more than the ${validVotes} valid votes`);

    const firstName = read(record, 'firstName') ?? '';
    const surname = read(record, 'surname') ?? '';
    const candidate = `${firstName} ${surname}`.trim();

    const results: PartyResultInput[] = [...votes]
      .sort(([, a], [, b]) => b - a)
      .map(([party, count]) => ({
        party,
        votes: count,
        ...(validVotes ? { share: roundPercentage((count / validVotes) * 100) } : {}),
        seats: party === winner.id ? 1 : 0,
        ...(gain === undefined
          ? {}
          : { seatsChange: gain && party === winner.id ? 1 : gain && party === before?.id ? -1 : 0 }),
        ...(party === winner.id && candidate ? { candidate } : {}),
      }));
    if (!votes.has(winner.id)) {
      results.unshift({
        party: winner.id,
        seats: 1,
        ...(gain === undefined ? {} : { seatsChange: gain ? 1 : 0 }),
        ...(candidate ? { candidate } : {}),
      });
    }
    // The party that lost the seat may not have stood again (the Speaker's party in 2019):
    // it still lost a seat.
    if (gain && before && !results.some((result) => result.party === before.id)) {
      results.push({ party: before.id, seats: 0, seatsChange: -1 });
    }

    const declaredText = read(record, 'declaredAt');
    let declaredAt: string | undefined;
    if (declaredText) {
      try {
        declaredAt = ukLocalTimeToIso(declaredText, options.timeZone);
      } catch (error) {
        fail((error as Error).message);
      }
      const instant = Date.parse(declaredAt!);
      if (lastDeclaration === undefined || instant > lastDeclaration) lastDeclaration = instant;
    }

    const electorate = roleNumber(record, 'electorate');
    const majority = roleNumber(record, 'majority');
    const type = read(record, 'type');
    const region = read(record, 'region');
    areas.push({
      id,
      name,
      ...(region ? { region } : {}),
      ...(type ? { type: /constituency$/i.test(type) ? type : `${type} constituency` } : {}),
      seats: { total: 1, up: 1, majority: 1 },
      status: 'declared',
      ...(declaredAt ? { declaredAt } : {}),
      control: { ...(before ? { before: before.id } : {}), after: winner.id },
      results,
      winner: winner.id,
      ...(majority !== undefined ? { majority } : {}),
      ...(electorate !== undefined ? { electorate } : {}),
      ...(electorate && validVotes !== undefined ? { turnout: roundPercentage((validVotes / electorate) * 100) } : {}),
    });
  }

  const changedAt =
    options.dataChangedAt ?? (lastDeclaration !== undefined ? isoSeconds(lastDeclaration) : options.generatedAt);
  const generatedAt = options.generatedAt ?? changedAt;
  if (generatedAt === undefined || changedAt === undefined) {
    throw new RangeError('the CSV has no declaration times: pass generatedAt (and dataChangedAt) in the options');
  }
  const seats = areas.length;
  const feed: FeedInput = {
    format: 'tally-feed/1',
    meta: {
      election: {
        id: options.election.id,
        title: options.election.title,
        date: options.election.date,
        kind: 'general',
        areaType: 'constituency',
        seats,
        majority: Math.floor(seats / 2) + 1,
        country: options.election.country ?? 'GB',
      },
      revision: options.revision ?? 1,
      generatedAt,
      dataChangedAt: changedAt,
      ...(options.test !== undefined ? { test: options.test } : {}),
      ...(options.baseline ? { baseline: options.baseline } : {}),
      ...(options.publisher ? { publisher: options.publisher } : {}),
      ...(options.note ? { note: options.note } : {}),
    },
    parties: directory.parties(),
    areas,
  };
  return assertFeed(feed);
}

/** Which header column plays each role, matching names loosely. */
function resolveColumns(columns: readonly string[]): Map<ColumnRole, string> {
  const byName = new Map(columns.map((column) => [normaliseLabel(column), column]));
  const found = new Map<ColumnRole, string>();
  for (const role of Object.keys(HOC_COLUMNS) as ColumnRole[]) {
    for (const name of HOC_COLUMNS[role]) {
      const column = byName.get(normaliseLabel(name));
      if (column !== undefined) {
        found.set(role, column);
        break;
      }
    }
  }
  return found;
}

/**
 * `tally convert hoc-csv`: one House of Commons Library CSV, with the election from the config
 * (title, date, baseline, parties with their colours and the labels to recognise).
 */
export const hocCsvAdapter: Adapter = (sources, config, options) => {
  const source = onlySource(sources, 'a House of Commons Library results CSV');
  if (config.election.date === undefined) {
    throw new SourceError({
      source: source.name,
      message: 'the CSV does not say when polling day was',
      hint: 'add "date" (YYYY-MM-DD) to "election" in the config',
    });
  }
  let feed: Feed;
  try {
    feed = hocResultsToFeed(source.text, {
      election: {
        id: config.election.id,
        title: config.election.title,
        date: config.election.date,
        ...(config.election.country ? { country: config.election.country } : {}),
      },
      ...(config.baseline ? { baseline: config.baseline } : {}),
      revision: options.revision ?? 1,
      generatedAt: options.now,
      ...(config.publisher ? { publisher: config.publisher } : {}),
      ...(config.note ? { note: config.note } : {}),
      ...(config.test !== undefined ? { test: config.test } : {}),
      ...(config.timeZone ? { timeZone: config.timeZone } : {}),
      parties: knownPartiesWith(config.parties),
    });
  } catch (error) {
    if (error instanceof CsvError) {
      throw new SourceError({
        source: source.name,
        at: `line ${error.line}`,
        message: error.message.replace(/^line \d+: /, ''),
      });
    }
    throw error;
  }
  const colours = new Map(config.parties.map((party) => [party.id, party]));
  const output: FeedInput = {
    ...feed,
    meta: { ...feed.meta, ...(config.pollInterval !== undefined ? { pollInterval: config.pollInterval } : {}) },
    parties: feed.parties.map((party) => {
      const listed = colours.get(party.id);
      return {
        ...party,
        ...(listed?.colour ? { colour: listed.colour } : {}),
        ...(listed?.colourDark ? { colourDark: listed.colourDark } : {}),
      };
    }),
  };
  return { feed: checkedFeed(output, source.name), warnings: [] };
};

/** The one source an adapter of single files was given, or a `SourceError` saying so. */
export function onlySource(sources: readonly SourceFile[], what: string): SourceFile {
  if (sources.length !== 1) {
    throw new SourceError({
      source: sources.map((source) => source.name).join(', ') || '(no source)',
      message: `expected one file (${what}), got ${sources.length}`,
      hint: 'give exactly one input file',
    });
  }
  return sources[0]!;
}
