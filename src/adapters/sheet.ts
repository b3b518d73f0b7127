/**
 * The newsroom's spreadsheet (`tally convert sheet`): a CSV exported from a shared spreadsheet
 * (Google Sheets, Excel, LibreOffice) that a producer fills in on the night, one row per area and
 * party (a council's seats) or per area and candidate (a ward's or constituency's votes).
 * docs/data-in.md documents the layout; templates/results-sheet.csv is a blank to copy.
 *
 * Columns are found by header name (case, spaces and "_" ignored; order free); only `area` and
 * `party` are required. A blank cell means "not known yet", never zero, with one exception
 * documented: once an area's seats are entered on any of its rows, a blank `seats` cell on its
 * other rows is a party that won none. An area whose result cells are all blank is awaiting.
 *
 * What a spreadsheet export brings is handled: a byte-order mark, CRLF line ends, quoted fields
 * with commas, rows of empty cells below the data and empty columns to the right. Every mistake
 * names the row (the line in the CSV, which is the row number in the spreadsheet) and the column.
 */
import { NO_OVERALL_CONTROL, type FeedInput } from '../feed/schema.js';
import { areaSlug, ConfigAreas, type ConfigArea } from './config.js';
import { CsvError, parseCsvNumber, parseCsvRows, type CsvRow } from './csv.js';
import { awaitingArea, checkedFeed, feedMeta, feedParties, laterTime } from './feed-parts.js';
import { onlySource, roundPercentage } from './hoc-csv.js';
import { isoSeconds, ukLocalTimeToIso, zonedTimeToInstant } from './local-time.js';
import { knownPartiesWith, normaliseLabel, PartyDirectory } from './parties.js';
import { SourceError, type Adapter, type SourceProblem } from './types.js';

type AreaInput = FeedInput['areas'][number];
type CandidateInput = NonNullable<AreaInput['candidates']>[number];

/** The columns, by role, with the header names each is known by. */
export const SHEET_COLUMNS = {
  area: ['area', 'area name', 'council', 'ward', 'constituency'],
  areaId: ['area id', 'area code', 'gss', 'gss code'],
  parent: ['parent', 'parent area', 'council of ward'],
  party: ['party'],
  candidate: ['candidate', 'candidate name'],
  votes: ['votes'],
  seats: ['seats', 'seats won', 'won'],
  elected: ['elected'],
  heldAfter: ['held after', 'seats held after', 'new council'],
  status: ['status'],
  declaredAt: ['declared at', 'declared', 'declaration time'],
  seatsUp: ['seats up'],
  seatsTotal: ['seats total', 'council size', 'total seats'],
  controlBefore: ['control before'],
  controlAfter: ['control after'],
  turnout: ['turnout', 'turnout %'],
  electorate: ['electorate'],
  rejected: ['rejected', 'rejected ballots', 'spoilt'],
  note: ['note', 'notes'],
} as const;

type Role = keyof typeof SHEET_COLUMNS;

/** Values per area that must agree wherever they are filled in. */
type AreaRole =
  | 'areaId'
  | 'parent'
  | 'status'
  | 'declaredAt'
  | 'seatsUp'
  | 'seatsTotal'
  | 'controlBefore'
  | 'controlAfter'
  | 'turnout'
  | 'electorate'
  | 'rejected'
  | 'note';

const STATUSES = new Set(['awaiting', 'counting', 'declared', 'recount', 'postponed', 'no-election']);

interface SheetRow {
  readonly line: number;
  get(role: Role): string | undefined;
}

export const sheetAdapter: Adapter = (sources, config, options) => {
  const source = onlySource(sources, 'a results spreadsheet exported as CSV');
  const warnings: SourceProblem[] = [];
  const timeZone = config.timeZone ?? 'Europe/London';
  const fail = (line: number, column: string | undefined, message: string, hint?: string): never => {
    throw new SourceError({
      source: source.name,
      at: column ? `line ${line}, column "${column}"` : `line ${line}`,
      message,
      ...(hint ? { hint } : {}),
    });
  };

  // Rows, skipping the empty rows and empty columns spreadsheets export.
  let rows: CsvRow[];
  try {
    rows = parseCsvRows(source.text).filter((row) => row.fields.some((field) => field.trim() !== ''));
  } catch (error) {
    if (error instanceof CsvError)
      fail(
        error.line,
        undefined,
        error.message.replace(/^line \d+: /, ''),
        'the file may be cut off or damaged: export it again',
      );
    throw error;
  }
  const header = rows.shift();
  if (!header)
    throw new SourceError({
      source: source.name,
      message: 'the sheet is empty',
      hint: 'export the sheet with its header row (templates/results-sheet.csv)',
    });
  const names = header.fields.map((field) => field.trim());
  const columnOf = new Map<Role, number>();
  const headerName = new Map<Role, string>();
  names.forEach((name, index) => {
    if (name === '') return;
    const key = normaliseLabel(name);
    const role = (Object.keys(SHEET_COLUMNS) as Role[]).find((candidate) =>
      SHEET_COLUMNS[candidate].some((known) => normaliseLabel(known) === key),
    );
    if (!role) {
      warnings.push({
        source: source.name,
        at: `line ${header.line}, column "${name}"`,
        message: 'a column Tally does not read; ignored',
        hint: `the columns are ${Object.values(SHEET_COLUMNS)
          .map((known) => known[0])
          .join(', ')}`,
      });
      return;
    }
    if (columnOf.has(role))
      fail(header.line, name, `the same column as "${headerName.get(role)}"`, 'keep one of the two');
    columnOf.set(role, index);
    headerName.set(role, name);
  });
  for (const role of ['area', 'party'] as const) {
    if (!columnOf.has(role))
      fail(
        header.line,
        undefined,
        `no "${SHEET_COLUMNS[role][0]}" column (the header has: ${names.filter(Boolean).join(', ')})`,
        'start from templates/results-sheet.csv',
      );
  }
  const column = (role: Role) => headerName.get(role) ?? SHEET_COLUMNS[role][0];
  const sheetRows: SheetRow[] = rows.map((row) => {
    row.fields.forEach((field, index) => {
      if (index >= names.length && field.trim() !== '')
        fail(row.line, undefined, `a value ("${field.trim().slice(0, 30)}") beyond the last column of the header`);
      if (index < names.length && names[index] === '' && field.trim() !== '')
        fail(
          row.line,
          `column ${index + 1}`,
          `a value ("${field.trim().slice(0, 30)}") under a column with no name`,
          'give the column a header, or clear it',
        );
    });
    return {
      line: row.line,
      get(role) {
        const index = columnOf.get(role);
        if (index === undefined) return undefined;
        const value = row.fields[index]?.trim();
        return value === '' ? undefined : value;
      },
    };
  });

  // Numbers and flags, each problem with its row and column.
  const count = (row: SheetRow, role: Role): number | undefined => {
    const text = row.get(role);
    if (text === undefined) return undefined;
    let value: number | undefined;
    try {
      value = parseCsvNumber(text);
    } catch {
      fail(row.line, column(role), `"${text}" is not a number`);
    }
    if (!Number.isInteger(value) || value! < 0)
      fail(row.line, column(role), `"${text}" is not a whole number of ${role === 'votes' ? 'votes' : 'seats'}`);
    return value;
  };
  const percentage = (row: SheetRow, role: Role): number | undefined => {
    const text = row.get(role);
    if (text === undefined) return undefined;
    const value = Number(text.replace(/%$/, '').trim());
    if (!Number.isFinite(value) || value < 0 || value > 100)
      fail(row.line, column(role), `"${text}" is not a percentage`);
    return value;
  };
  const flag = (row: SheetRow, role: Role): boolean | undefined => {
    const text = row.get(role);
    if (text === undefined) return undefined;
    if (/^(?:y|yes|true|1|x|elected)$/i.test(text)) return true;
    if (/^(?:n|no|false|0)$/i.test(text)) return false;
    return fail(row.line, column(role), `"${text}" is neither yes nor no`, 'write yes for each candidate elected');
  };

  // Group rows by area, keeping the order of first appearance.
  const groups = new Map<string, SheetRow[]>();
  for (const row of sheetRows) {
    const name = row.get('area') ?? fail(row.line, column('area'), 'the area is blank', 'every row names its area');
    const key = row.get('areaId') ?? `name:${normaliseLabel(name)}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = []));
    group.push(row);
  }

  const directory = new PartyDirectory(knownPartiesWith(config.parties));
  const configAreas = new ConfigAreas(config.areas);
  const reported = new Set<string>();
  const partyOf = (row: SheetRow): string => {
    const label =
      row.get('party') ?? fail(row.line, column('party'), 'the party is blank', 'write the party (or "Independent")');
    if (/^(?:noc|no overall control)$/i.test(label))
      fail(row.line, column('party'), 'no overall control is not a party', 'use the "control after" column for it');
    const known = directory.match(label);
    const party = directory.use(label);
    if (!known && !reported.has(party.id)) {
      reported.add(party.id);
      warnings.push({
        source: source.name,
        at: `line ${row.line}, column "${column('party')}"`,
        message: `party "${label}" is not in the config; shown as '${party.id}'`,
        hint: "add it to the config's parties[] (or fix the spelling) to name and colour it",
      });
    }
    return party.id;
  };
  const controlOf = (row: SheetRow, role: 'controlBefore' | 'controlAfter', text: string): string => {
    if (/^(?:noc|no overall control)$/i.test(text)) return NO_OVERALL_CONTROL;
    if (!directory.match(text))
      fail(
        row.line,
        column(role),
        `"${text}" is not a party of this election`,
        'write a party as in the party column, or NOC',
      );
    return directory.use(text).id;
  };

  const areas: AreaInput[] = [];
  const idOfGroup = new Map<string, { id: string; name: string; line: number }>();
  let lastChange: string | undefined;
  const nameToId = new Map<string, string>();

  // First pass: each area's id and name, so that parents can be named either way.
  for (const [key, group] of groups) {
    const first = group[0]!;
    const name = first.get('area')!;
    const entry = configAreas.find(undefined, first.get('areaId'), name);
    const id = first.get('areaId') ?? entry?.id ?? areaSlug(name);
    idOfGroup.set(key, { id, name: entry?.name ?? name, line: first.line });
    nameToId.set(normaliseLabel(name), id);
  }

  for (const [key, group] of groups) {
    const { id, name } = idOfGroup.get(key)!;
    const entry: ConfigArea | undefined =
      configAreas.areas.find((area) => area.id === id) ?? configAreas.find(undefined, undefined, name);
    // Values that belong to the area: the same wherever filled.
    const areaValue = (role: AreaRole): { value: string; row: SheetRow } | undefined => {
      let found: { value: string; row: SheetRow } | undefined;
      for (const row of group) {
        const value = row.get(role);
        if (value === undefined) continue;
        if (found && found.value !== value)
          fail(
            row.line,
            column(role),
            `"${value}" for ${name}, but line ${found.row.line} says "${found.value}"`,
            "an area's value is the same on all its rows (or only on one)",
          );
        found ??= { value, row };
      }
      return found;
    };
    const numberOf = (role: AreaRole) => {
      const found = areaValue(role);
      return found ? count(found.row, role) : undefined;
    };
    const seatsUp = numberOf('seatsUp') ?? entry?.seats?.up;
    const seatsTotal = numberOf('seatsTotal') ?? entry?.seats?.total;
    const majorityNeeded =
      entry?.seats?.majority ?? (seatsTotal !== undefined ? Math.floor(seatsTotal / 2) + 1 : undefined);
    const turnoutFound = areaValue('turnout');
    const turnout = turnoutFound ? percentage(turnoutFound.row, 'turnout') : undefined;
    const electorate = numberOf('electorate');
    const rejected = numberOf('rejected');
    const statusFound = areaValue('status');
    if (statusFound && !STATUSES.has(statusFound.value.toLowerCase()))
      fail(
        statusFound.row.line,
        column('status'),
        `"${statusFound.value}" is not a status`,
        `use one of ${[...STATUSES].join(', ')}, or leave it blank`,
      );
    const parentFound = areaValue('parent');
    const parent = parentFound ? (nameToId.get(normaliseLabel(parentFound.value)) ?? parentFound.value) : entry?.parent;
    if (parent === id) fail(parentFound!.row.line, column('parent'), `${name} cannot be its own parent`);

    const candidateRows = group.filter((row) => row.get('candidate') !== undefined);
    if (candidateRows.length > 0 && candidateRows.length < group.length) {
      const partyRow = group.find((row) => row.get('candidate') === undefined)!;
      fail(
        partyRow.line,
        column('candidate'),
        `${name} has rows with a candidate and rows without`,
        'an area is entered per candidate or per party, not both',
      );
    }

    let results: NonNullable<AreaInput['results']> | undefined;
    let candidates: CandidateInput[] | undefined;
    let declaredFromCells: boolean;
    let winnerParty: string | undefined;
    let computedControlAfter: string | undefined;
    let largestParty: string | string[] | undefined;

    if (candidateRows.length > 0) {
      // Per candidate: elected marks who won; the area is declared once anyone is marked.
      const read = group.map((row) => ({
        row,
        party: partyOf(row),
        votes: count(row, 'votes'),
        elected: flag(row, 'elected'),
      }));
      const withVotes = read.filter((entry) => entry.votes !== undefined);
      if (withVotes.length > 0 && withVotes.length < read.length) {
        const blank = read.find((entry) => entry.votes === undefined)!;
        fail(
          blank.row.line,
          column('votes'),
          `${name}: votes are entered for some candidates but not this one`,
          "enter every candidate's votes, or none yet",
        );
      }
      const elected = read.filter((entry) => entry.elected === true);
      declaredFromCells = elected.length > 0;
      if (!declaredFromCells && read.some((entry) => entry.votes !== undefined)) {
        fail(
          read[0]!.row.line,
          column('elected'),
          `${name}: votes are entered but nobody is marked elected`,
          'write yes in the elected column for each winner (votes alone never decide it)',
        );
      }
      const up = seatsUp ?? (declaredFromCells ? elected.length : undefined);
      if (up !== undefined && elected.length > up)
        fail(
          elected[up]!.row.line,
          column('elected'),
          `${name}: ${elected.length} candidates elected, but ${up} seat${up === 1 ? ' is' : 's are'} up`,
          'correct the elected column or seats up',
        );
      const total = withVotes.length === read.length ? read.reduce((sum, entry) => sum + entry.votes!, 0) : undefined;
      candidates = read.map((entry) => ({
        name: entry.row.get('candidate')!,
        party: entry.party,
        ...(entry.votes !== undefined ? { votes: entry.votes } : {}),
        ...(entry.votes !== undefined && total ? { share: roundPercentage((entry.votes / total) * 100) } : {}),
        ...(declaredFromCells ? { elected: entry.elected === true } : {}),
      }));
      candidates.sort(
        (a, b) =>
          (b.votes ?? -1) - (a.votes ?? -1) ||
          Number(b.elected === true) - Number(a.elected === true) ||
          a.name.localeCompare(b.name, 'en'),
      );
      const byParty = new Map<string, { seats: number; votes: number }>();
      for (const entry of read) {
        const row = byParty.get(entry.party) ?? { seats: 0, votes: 0 };
        row.seats += entry.elected ? 1 : 0;
        row.votes += entry.votes ?? 0;
        byParty.set(entry.party, row);
      }
      if (declaredFromCells) {
        results = [...byParty]
          .sort(([a, x], [b, y]) => y.votes - x.votes || y.seats - x.seats || (a < b ? -1 : 1))
          .map(([party, row]) => ({
            party,
            seats: row.seats,
            ...(total !== undefined
              ? { votes: row.votes, ...(total ? { share: roundPercentage((row.votes / total) * 100) } : {}) }
              : {}),
          }));
        if (up === 1 && elected.length === 1) winnerParty = elected[0]!.party;
      }
    } else {
      // Per party: seats won (blank = none once any is entered), votes, seats held after.
      const heldBefore = entry?.seatsBefore;
      const read = group.map((row) => ({
        row,
        party: partyOf(row),
        seats: count(row, 'seats'),
        votes: count(row, 'votes'),
        heldAfter: count(row, 'heldAfter'),
      }));
      const seen = new Map<string, number>();
      for (const entry of read) {
        if (seen.has(entry.party))
          fail(
            entry.row.line,
            column('party'),
            `${name}: '${entry.party}' is also on line ${seen.get(entry.party)}`,
            'one row per party in an area',
          );
        seen.set(entry.party, entry.row.line);
      }
      declaredFromCells = read.some((entry) => entry.seats !== undefined);
      const withVotes = read.filter((entry) => entry.votes !== undefined);
      if (withVotes.length > 0 && withVotes.length < read.length) {
        const blank = read.find((entry) => entry.votes === undefined)!;
        fail(
          blank.row.line,
          column('votes'),
          `${name}: votes are entered for some parties but not this one`,
          "enter every party's votes, or none",
        );
      }
      const won = read.reduce((sum, entry) => sum + (entry.seats ?? 0), 0);
      if (seatsUp !== undefined && won > seatsUp)
        fail(
          read.find((entry) => entry.seats)!.row.line,
          column('seats'),
          `${name}: ${won} seats won, but ${seatsUp} are up`,
          'correct the seats, or seats up',
        );
      const withHeld = read.filter((entry) => entry.heldAfter !== undefined);
      const held = withHeld.reduce((sum, entry) => sum + entry.heldAfter!, 0);
      if (seatsTotal !== undefined && held > seatsTotal)
        fail(
          withHeld[0]!.row.line,
          column('heldAfter'),
          `${name}: ${held} seats held after, more than the council's ${seatsTotal}`,
          'correct the figures, or seats total',
        );
      const total =
        withVotes.length === read.length && read.length > 0
          ? read.reduce((sum, entry) => sum + entry.votes!, 0)
          : undefined;
      if (declaredFromCells || withHeld.length > 0) {
        results = read
          .map((entry) => ({
            party: entry.party,
            ...(declaredFromCells ? { seats: entry.seats ?? 0 } : {}),
            ...(total !== undefined
              ? { votes: entry.votes!, ...(total ? { share: roundPercentage((entry.votes! / total) * 100) } : {}) }
              : {}),
            ...(entry.heldAfter !== undefined ? { seatsHeld: entry.heldAfter } : {}),
            ...(entry.heldAfter !== undefined && heldBefore
              ? { seatsHeldChange: entry.heldAfter - (heldBefore[entry.party] ?? 0) }
              : {}),
          }))
          .sort(
            (a, b) =>
              (b.seatsHeld ?? 0) - (a.seatsHeld ?? 0) ||
              (b.seats ?? 0) - (a.seats ?? 0) ||
              (b.votes ?? 0) - (a.votes ?? 0) ||
              (a.party < b.party ? -1 : 1),
          );
      }
      if (withHeld.length === read.length && read.length > 0 && majorityNeeded !== undefined && declaredFromCells) {
        computedControlAfter = read.find((entry) => entry.heldAfter! >= majorityNeeded)?.party ?? NO_OVERALL_CONTROL;
      }
      if (withHeld.length > 0) {
        const most = Math.max(...withHeld.map((entry) => entry.heldAfter!));
        const largest = withHeld
          .filter((entry) => entry.heldAfter === most && most > 0)
          .map((entry) => entry.party)
          .sort();
        largestParty = largest.length === 1 ? largest[0]! : largest.length > 1 ? largest : undefined;
      }
      if (seatsTotal === 1 && declaredFromCells) winnerParty = read.find((entry) => entry.seats === 1)?.party;
    }

    // An explicit status wins (a recount with provisional figures); else the cells decide.
    const status =
      (statusFound?.value.toLowerCase() as AreaInput['status'] | undefined) ??
      (declaredFromCells ? 'declared' : 'awaiting');

    const controlBeforeFound = areaValue('controlBefore');
    const controlBefore = controlBeforeFound
      ? controlOf(controlBeforeFound.row, 'controlBefore', controlBeforeFound.value)
      : entry?.controlBefore;
    const controlAfterFound = areaValue('controlAfter');
    const givenAfter = controlAfterFound
      ? controlOf(controlAfterFound.row, 'controlAfter', controlAfterFound.value)
      : undefined;
    if (givenAfter !== undefined && computedControlAfter !== undefined && givenAfter !== computedControlAfter) {
      fail(
        controlAfterFound!.row.line,
        column('controlAfter'),
        `${name}: control after is "${controlAfterFound!.value}", but the seats held after give ${computedControlAfter === NO_OVERALL_CONTROL ? 'no party' : `'${computedControlAfter}'`} a majority of ${majorityNeeded}`,
        'correct the seats held after, or the control',
      );
    }
    const controlAfter = status === 'declared' ? (givenAfter ?? computedControlAfter ?? winnerParty) : undefined;
    const declaredFound = areaValue('declaredAt');
    const declaredAt =
      declaredFound && status === 'declared'
        ? readTime(declaredFound.value, config.election.date, timeZone, (message) =>
            fail(
              declaredFound.row.line,
              column('declaredAt'),
              message,
              'write the time as 02:41, 04/05/2026 02:41 or 2026-05-04 02:41',
            ),
          )
        : undefined;
    if (declaredAt) lastChange = laterTime(lastChange, declaredAt);
    const noteFound = areaValue('note');

    const up =
      seatsUp ??
      (candidates && status === 'declared' ? candidates.filter((candidate) => candidate.elected).length : undefined);
    areas.push({
      id,
      name,
      ...(entry?.type ? { type: entry.type } : {}),
      ...(entry?.region ? { region: entry.region } : {}),
      ...(parent !== undefined ? { parent } : {}),
      ...(seatsTotal !== undefined || up !== undefined
        ? {
            seats: {
              ...(seatsTotal !== undefined ? { total: seatsTotal } : {}),
              ...(up !== undefined ? { up } : {}),
              ...(majorityNeeded !== undefined && seatsTotal !== undefined && seatsTotal > 1
                ? { majority: majorityNeeded }
                : {}),
            },
          }
        : {}),
      status,
      ...(declaredAt ? { declaredAt } : {}),
      ...(controlBefore !== undefined || controlAfter !== undefined || largestParty !== undefined
        ? {
            control: {
              ...(controlBefore !== undefined ? { before: controlBefore } : {}),
              ...(controlAfter !== undefined ? { after: controlAfter } : {}),
              ...(largestParty !== undefined && status === 'declared' ? { largestParty } : {}),
            },
          }
        : {}),
      ...(results && status !== 'awaiting' ? { results } : {}),
      ...(candidates
        ? {
            candidates:
              status === 'awaiting'
                ? candidates.map(({ name: candidateName, party }) => ({
                    name: candidateName,
                    ...(party ? { party } : {}),
                  }))
                : candidates,
          }
        : {}),
      ...(winnerParty !== undefined && status === 'declared' ? { winner: winnerParty } : {}),
      ...(electorate !== undefined ? { electorate } : {}),
      ...(turnout !== undefined ? { turnout } : {}),
      ...(rejected !== undefined ? { rejected } : {}),
      ...(status === 'awaiting' && entry?.expectedAt ? { expectedAt: entry.expectedAt } : {}),
      ...(noteFound ? { note: noteFound.value } : {}),
    });
  }

  // Parents must be areas of the sheet (or the config's, added as awaiting areas below).
  for (const entry of configAreas.unmatched()) {
    const id = entry.id ?? areaSlug(entry.name!);
    if (areas.some((area) => area.id === id)) continue;
    areas.push(awaitingArea(entry));
  }
  const ids = new Set(areas.map((area) => area.id));
  for (const area of areas) {
    if (area.parent !== undefined && !ids.has(area.parent)) {
      const row = [...groups.entries()].find(([key]) => idOfGroup.get(key)!.id === area.id)?.[1][0];
      fail(
        row?.line ?? header.line,
        column('parent'),
        `${area.name}'s parent "${area.parent}" is not an area of the sheet or the config`,
        'name the council as in the area column, or add it to the config',
      );
    }
  }

  for (const party of config.parties) directory.useId(party.id);
  const feed: FeedInput = {
    format: 'tally-feed/1',
    meta: feedMeta(config, options, { kind: 'local', areaType: 'area', lastChange }, source.name),
    parties: feedParties(directory, config),
    areas,
  };
  return { feed: checkedFeed(feed, source.name), warnings };
};

/**
 * A declaration time as a producer types it: "02:41" (on the night: after noon on polling day,
 * else the morning after), "04/05/2026 02:41", "2026-05-04 02:41", or ISO 8601 with a zone.
 */
export function readTime(
  text: string,
  pollingDay: string | undefined,
  timeZone: string,
  fail: (message: string) => never,
): string {
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/.test(text))
    return isoSeconds(Date.parse(text));
  if (/^\d{1,2}\/\d{1,2}\/\d{4}[ T]\d{1,2}:\d{2}(?::\d{2})?$/.test(text)) {
    try {
      return ukLocalTimeToIso(text, timeZone);
    } catch (error) {
      return fail((error as Error).message);
    }
  }
  const iso = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  const clock = /^(\d{1,2})[:.](\d{2})$/.exec(text);
  try {
    if (iso) {
      const [, year, month, day, hour, minute, second] = iso.map((part) =>
        part === undefined ? undefined : Number(part),
      );
      return isoSeconds(
        zonedTimeToInstant(
          { year: year!, month: month!, day: day!, hour: hour!, minute: minute!, second: second ?? 0 },
          timeZone,
        ),
      );
    }
    if (clock) {
      if (pollingDay === undefined) return fail(`"${text}" has no date, and the config gives no polling day`);
      const [year, month, day] = pollingDay.split('-').map(Number) as [number, number, number];
      const hour = Number(clock[1]);
      const date = new Date(Date.UTC(year, month - 1, day + (hour < 12 ? 1 : 0)));
      return isoSeconds(
        zonedTimeToInstant(
          {
            year: date.getUTCFullYear(),
            month: date.getUTCMonth() + 1,
            day: date.getUTCDate(),
            hour,
            minute: Number(clock[2]),
          },
          timeZone,
        ),
      );
    }
  } catch (error) {
    return fail((error as Error).message);
  }
  return fail(`"${text}" is not a time`);
}
