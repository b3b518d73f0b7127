/**
 * The English local elections of 3 May 2018 as a tally-feed/1 feed, from the three files in
 * demo/data/uk-local-2018 (see the README there for sources and licences), and a simulated
 * declaration order for replaying the night.
 *
 * The data are partial, and the feed says only what the files say: a blank in councils.csv
 * stays absent (no council size, seats up or seats won is ever filled in), the whole-council
 * composition is left out where its source is known to be wrong, and every figure in the
 * summary comes from a named publisher.
 *
 * Where the sources disagree, the per-council values of councils.csv are kept for the councils:
 * - national.json's own note says a live blog reported a Conservative gain in Southend, which
 *   councils.csv records as a hold (Con 28 of 51 before, 29 after); the hold is kept.
 * - Per-council control in councils.csv tallies Lab 75, Con 45, LD 9, NOC 21 councils, one
 *   council away from the published totals (Wikipedia: Lab 74, Con 46). The councils keep the
 *   CSV's control; the summary carries the published totals, as the publisher's figures; the
 *   derived tally remains available as a cross-check (`stateOfParties(feed, 'derived')`).
 * - Before-control for Barnet and Tower Hamlets follows the BBC's count (see the CSV notes).
 */
import { assertFeed } from '../../src/feed/validate.js';
import type { Feed, FeedInput, Summary } from '../../src/feed/schema.js';
import { parseCsvNumber, parseCsvTable, type CsvRecord } from '../../src/adapters/csv.js';
import { UK_PARTIES } from '../../src/adapters/parties.js';

type AreaInput = FeedInput['areas'][number];
type PartyResultInput = NonNullable<AreaInput['results']>[number];
type SummaryPartyInput = Summary['parties'][number];

export const ELECTION_2018 = {
  id: 'uk-local-2018',
  title: 'English local elections 2018',
  date: '2018-05-03',
  kind: 'local',
  areaType: 'council',
  /** national.json scope.seats_contested: "In total, 4,371 seats were contested across 150 local authorities". */
  seats: 4371,
  country: 'GB',
} as const;

/**
 * When the final feed says its data last changed. No source gives the time of the last
 * declaration, so this is the end of the simulated night (`simulatedDeclarationTimes`).
 */
export const FINAL_2018_AT = '2018-05-04T18:00:00Z';

/** Party ids of this feed, in display order: the CSV's columns, then PA's extra groups. */
const PARTY_IDS = ['con', 'lab', 'ld', 'green', 'ukip', 'ind', 'lib', 'res', 'oth'] as const;
type PartyId2018 = (typeof PARTY_IDS)[number];

/** councils.csv seat columns ("seats won at this election", blank = unknown). */
const SEAT_COLUMNS: Readonly<Record<string, PartyId2018>> = {
  con_seats: 'con',
  lab_seats: 'lab',
  ld_seats: 'ld',
  green_seats: 'green',
  ukip_seats: 'ukip',
  ind_seats: 'ind',
  // "local parties/residents groups etc." in the CSV's own words: the Others party.
  other_seats: 'oth',
};

/** composition-2018-09.csv party columns. */
const COMPOSITION_COLUMNS: Readonly<Record<string, PartyId2018>> = {
  con: 'con',
  lab: 'lab',
  ld: 'ld',
  green: 'green',
  ukip: 'ukip',
  ind: 'ind',
  other: 'oth',
};

/** Party keys used in national.json. PA counts Liberal and Ratepayers/Residents separately. */
const NATIONAL_PARTY_KEYS: Readonly<Record<string, string>> = {
  con: 'con',
  lab: 'lab',
  ld: 'ld',
  green: 'green',
  ukip: 'ukip',
  ind: 'ind',
  liberal: 'lib',
  ratepayers_residents: 'res',
  other: 'oth',
  noc: 'noc',
};

const COUNCIL_TYPES: Readonly<Record<string, string>> = {
  LBO: 'London borough',
  MTD: 'Metropolitan borough',
  UTA: 'Unitary authority',
  NMD: 'District',
};

const CONTROL_VALUES = new Set(['con', 'lab', 'ld', 'green', 'ind', 'noc']);

/**
 * composition-2018-09.csv says of itself: "Known stale/incorrect vs 2018 news sources: Dudley
 * (pre-2018 figures), Worcester, Rugby, Winchester, Southampton (post-election defections)".
 * Their whole-council figures are left out rather than shown as election-night results.
 */
const STALE_COMPOSITION = ['Dudley', 'Worcester', 'Rugby', 'Winchester', 'Southampton'];

const COMPOSITION_NOTE =
  'Whole-council figures are as recorded in September 2018 (OpenDataManchester) and can differ by one or two from election night.';

const VERIFICATION_NOTES: Readonly<Record<string, string | undefined>> = {
  'src-both': undefined,
  'src-after': 'Control before the election is not confirmed by a 2018 source.',
  'src-before': 'Control after the election is not confirmed by a 2018 results source.',
  'odm-after':
    'No 2018 results source found: control after was checked against councillor data from September 2018 (OpenDataManchester) and control before is assumed to be the same.',
};

export interface Sources2018 {
  /** councils.csv, with its `#` documentation lines. */
  councilsCsv: string;
  /** composition-2018-09.csv. */
  compositionCsv: string;
  /** national.json, parsed. */
  national: unknown;
}

/** One row of councils.csv, read. */
export interface Council2018 {
  readonly name: string;
  readonly gss: string;
  readonly type: string;
  readonly cycle: 'all-out' | 'thirds' | 'halves';
  readonly seatsTotal: number | undefined;
  readonly seatsUp: number | undefined;
  readonly before: string;
  readonly after: string;
  readonly largest: string[] | undefined;
  /** Seats won at this election, only for the parties the CSV gives. */
  readonly seatsWon: ReadonlyMap<PartyId2018, number>;
  readonly declaredAt: string | undefined;
  readonly verification: string;
}

function fail(record: CsvRecord, message: string): never {
  throw new Error(`councils.csv line ${record.line}: ${message}`);
}

function field(record: CsvRecord, column: string): string {
  const value = record.get(column);
  if (value === undefined) throw new Error(`councils.csv has no "${column}" column`);
  return value.trim();
}

function count(record: CsvRecord, column: string): number | undefined {
  let value: number | undefined;
  try {
    value = parseCsvNumber(field(record, column));
  } catch (error) {
    fail(record, `${column}: ${(error as Error).message}`);
  }
  if (value !== undefined && (!Number.isInteger(value) || value < 0))
    fail(record, `${column}: ${value} is not a count`);
  return value;
}

/** Read councils.csv (comment lines stripped). */
export function readCouncils2018(councilsCsv: string): Council2018[] {
  const table = parseCsvTable(councilsCsv, { comment: '#' });
  return table.records.map((record) => {
    const type = field(record, 'type');
    if (!COUNCIL_TYPES[type]) fail(record, `unknown council type "${type}"`);
    const cycle = field(record, 'cycle');
    if (cycle !== 'all-out' && cycle !== 'thirds' && cycle !== 'halves') fail(record, `unknown cycle "${cycle}"`);
    const before = field(record, 'control_before');
    const after = field(record, 'control_after');
    for (const value of [before, after]) if (!CONTROL_VALUES.has(value)) fail(record, `unknown control "${value}"`);
    const largestText = field(record, 'largest_party_after');
    // "con=lab" is a tie for largest party.
    const largest = largestText === '' ? undefined : largestText.split('=');
    for (const party of largest ?? [])
      if (!PARTY_IDS.includes(party as PartyId2018)) fail(record, `unknown largest party "${party}"`);
    const seatsWon = new Map<PartyId2018, number>();
    for (const [column, party] of Object.entries(SEAT_COLUMNS)) {
      const won = count(record, column);
      if (won !== undefined) seatsWon.set(party, won);
    }
    const declaredAt = field(record, 'declared_at');
    if (declaredAt !== '' && Number.isNaN(Date.parse(declaredAt)))
      fail(record, `declared_at "${declaredAt}" is not a time`);
    const verification = field(record, 'verification');
    if (!(verification in VERIFICATION_NOTES)) fail(record, `unknown verification "${verification}"`);
    return {
      name: field(record, 'council'),
      gss: field(record, 'gss_code'),
      type,
      cycle,
      seatsTotal: count(record, 'seats_total'),
      seatsUp: count(record, 'seats_up'),
      before,
      after,
      largest,
      seatsWon,
      declaredAt: declaredAt === '' ? undefined : declaredAt,
      verification,
    };
  });
}

interface Composition {
  readonly recorded: number;
  readonly held: ReadonlyMap<PartyId2018, number>;
}

function readComposition(compositionCsv: string): Map<string, Composition> {
  const table = parseCsvTable(compositionCsv, { comment: '#' });
  const byCode = new Map<string, Composition>();
  for (const record of table.records) {
    const held = new Map<PartyId2018, number>();
    for (const [column, party] of Object.entries(COMPOSITION_COLUMNS)) {
      const value = parseCsvNumber(record.get(column));
      if (value === undefined) throw new Error(`composition-2018-09.csv line ${record.line}: no "${column}" figure`);
      held.set(party, value);
    }
    const recorded = parseCsvNumber(record.get('recorded_councillors'));
    const sum = [...held.values()].reduce((a, b) => a + b, 0);
    if (recorded !== sum)
      throw new Error(`composition-2018-09.csv line ${record.line}: parties add up to ${sum}, not ${recorded}`);
    byCode.set(record.get('gss_code')!.trim(), { recorded, held });
  }
  return byCode;
}

/** The 2018 parties, named as elsewhere in Tally (src/adapters/parties.ts). */
function parties2018(): FeedInput['parties'] {
  return PARTY_IDS.map((id) => {
    const party = UK_PARTIES.find((candidate) => candidate.id === id);
    if (!party) throw new Error(`no party '${id}' in UK_PARTIES`);
    return { id: party.id, name: party.name, shortName: party.shortName };
  });
}

function councilArea(
  council: Council2018,
  composition: Composition | undefined,
  compositionProblem: string | undefined,
): AreaInput {
  const seats = {
    ...(council.seatsTotal !== undefined ? { total: council.seatsTotal } : {}),
    ...(council.seatsUp !== undefined ? { up: council.seatsUp } : {}),
    // A majority of the whole council is a rule, not a figure to find: only where the size is known.
    ...(council.seatsTotal !== undefined ? { majority: Math.floor(council.seatsTotal / 2) + 1 } : {}),
  };
  const results: PartyResultInput[] = [];
  for (const party of PARTY_IDS) {
    const won = council.seatsWon.get(party);
    const held = composition?.held.get(party);
    // A zero in the composition is a known zero, but a row of zeros for every party says
    // nothing a reader needs: zero holdings are kept only beside a seats-won figure.
    const showHeld = held !== undefined && (held > 0 || won !== undefined);
    if (won === undefined && !showHeld) continue;
    results.push({ party, ...(won !== undefined ? { seats: won } : {}), ...(showHeld ? { seatsHeld: held } : {}) });
  }
  const notes = [composition ? COMPOSITION_NOTE : compositionProblem, VERIFICATION_NOTES[council.verification]].filter(
    (note): note is string => note !== undefined,
  );
  return {
    id: council.gss,
    name: council.name,
    type: COUNCIL_TYPES[council.type]!,
    ...(Object.keys(seats).length > 0 ? { seats } : {}),
    status: 'declared',
    ...(council.declaredAt ? { declaredAt: council.declaredAt } : {}),
    control: {
      before: council.before,
      after: council.after,
      ...(council.largest
        ? { largestParty: council.largest.length === 1 ? council.largest[0]! : council.largest }
        : {}),
    },
    ...(results.length > 0 ? { results } : {}),
    ...(notes.length > 0 ? { note: notes.join(' ') } : {}),
  };
}

/** The areas of the 2018 feed, one per council, in the order of councils.csv. */
export function councilAreas2018(councilsCsv: string, compositionCsv: string): AreaInput[] {
  const councils = readCouncils2018(councilsCsv);
  const compositions = readComposition(compositionCsv);
  for (const name of STALE_COMPOSITION) {
    if (!councils.some((council) => council.name === name))
      throw new Error(`stale-composition council "${name}" is not in councils.csv`);
  }
  return councils.map((council) => {
    const composition = compositions.get(council.gss);
    if (!composition) return councilArea(council, undefined, undefined);
    if (STALE_COMPOSITION.includes(council.name)) {
      return councilArea(
        council,
        undefined,
        'Whole-council figures are left out: the September 2018 record for this council is known to be out of date.',
      );
    }
    // Birmingham (102 recorded, 101 seats) and Amber Valley (46, 45): the record cannot be
    // right for the council elected in 2018, so it is left out rather than trimmed.
    if (council.seatsTotal !== undefined && composition.recorded > council.seatsTotal) {
      return councilArea(
        council,
        undefined,
        `Whole-council figures are left out: the September 2018 record lists ${composition.recorded} councillors for a council of ${council.seatsTotal}.`,
      );
    }
    return councilArea(council, composition, undefined);
  });
}

// national.json ---------------------------------------------------------------------------

interface Figure {
  n: number;
  change: number | null;
}

interface NationalSnapshotJson {
  declared: string;
  source: string;
  source_url: string | null;
  councils?: Record<string, Figure>;
  seats?: Record<string, Figure>;
  note?: string;
}

function object(value: unknown, what: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new Error(`national.json: ${what} is not an object`);
  return value as Record<string, unknown>;
}

function array(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) throw new Error(`national.json: ${what} is not a list`);
  return value;
}

function numberAt(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value))
    throw new Error(`national.json: ${what} is not a whole number`);
  return value;
}

function partyKey(key: string, what: string): string {
  const id = NATIONAL_PARTY_KEYS[key];
  if (!id) throw new Error(`national.json: ${what}: unknown party "${key}"`);
  return id;
}

/** One state-of-parties snapshot in national.json, as a feed summary. */
export interface NationalSnapshot2018 {
  /** "94 of 150", or "late count (undated)". */
  readonly label: string;
  readonly source: string;
  readonly sourceUrl: string | undefined;
  /** PA counts changes against the eve-of-poll position, the BBC against 2014. */
  readonly basis: 'PA' | 'BBC' | 'other';
  /** `declared`/`total` are absent when the snapshot does not say how many councils it covers. */
  readonly summary: Summary;
}

const PA_BASELINE_LABEL = 'PA: change against the position on the eve of the poll';

function figures(
  rows: Map<string, SummaryPartyInput>,
  figuresJson: unknown,
  measure: 'councils' | 'seats',
  what: string,
) {
  for (const [key, value] of Object.entries(object(figuresJson, what))) {
    const party = partyKey(key, what);
    const figure = object(value, `${what}.${key}`);
    const row = rows.get(party) ?? { party };
    row[measure] = numberAt(figure.n, `${what}.${key}.n`);
    // A change the source does not give ("change": null) stays absent, never 0.
    if (figure.change !== null && figure.change !== undefined) {
      row[measure === 'councils' ? 'councilsChange' : 'seatsChange'] = numberAt(figure.change, `${what}.${key}.change`);
    }
    rows.set(party, row);
  }
}

/** Every intermediate snapshot in national.json, as summaries (BBC and PA bases differ). */
export function nationalSnapshots2018(national: unknown): NationalSnapshot2018[] {
  const snapshots = array(object(national, 'the file').intermediate_snapshots, 'intermediate_snapshots');
  return snapshots.map((value, index) => {
    const what = `intermediate_snapshots[${index}]`;
    const json = object(value, what) as unknown as NationalSnapshotJson;
    for (const key of ['declared', 'source'] as const) {
      if (typeof json[key] !== 'string') throw new Error(`national.json: ${what}.${key} is not text`);
    }
    const match = /^(\d+) of (\d+)$/.exec(json.declared);
    const basis =
      /^PA\b/.test(json.source) || /\bPA-style\b/.test(json.source)
        ? 'PA'
        : /^BBC\b/.test(json.source)
          ? 'BBC'
          : 'other';
    const rows = new Map<string, SummaryPartyInput>();
    if (json.councils) figures(rows, json.councils, 'councils', `${what}.councils`);
    if (json.seats) figures(rows, json.seats, 'seats', `${what}.seats`);
    const summary: Summary = {
      ...(match ? { declared: Number(match[1]), total: Number(match[2]) } : {}),
      source: { name: sourceName(json), ...(json.source_url ? { url: json.source_url } : {}) },
      ...(basis === 'PA'
        ? { baselineLabel: PA_BASELINE_LABEL }
        : basis === 'BBC'
          ? { baselineLabel: 'BBC: change since 2014' }
          : {}),
      ...(missingChange(json) ? { note: 'A change the source does not give is left blank.' } : {}),
      parties: [...rows.values()],
    };
    return { label: json.declared, source: json.source, sourceUrl: json.source_url ?? undefined, basis, summary };
  });
}

function missingChange(json: NationalSnapshotJson): boolean {
  return [json.councils, json.seats].some((group) =>
    Object.values(group ?? {}).some((figure) => figure.change === null),
  );
}

function sourceName(json: NationalSnapshotJson): string {
  if (json.source.startsWith('PA figures via metro.co.uk')) return 'PA (via Metro)';
  // The 130-of-150 figures: PA format, original page not found (national.json says so).
  if (/\bPA-style\b/.test(json.source)) return 'PA (as relayed; original page not located)';
  return json.source;
}

/**
 * The PA snapshots used in the replay: "after 94 of 150" and "after 130 of 150", which count
 * councils and seats on one basis (change against the eve of the poll). The BBC's 90, 93 and
 * 127 snapshots count councillors against 2014 and would make the totals jump between bases.
 */
export function paSnapshots2018(national: unknown): Summary[] {
  const chosen = nationalSnapshots2018(national).filter(
    (snapshot) => snapshot.basis === 'PA' && snapshot.summary.declared !== undefined,
  );
  const labels = chosen.map((snapshot) => snapshot.label);
  if (labels.join('|') !== '94 of 150|130 of 150')
    throw new Error(`national.json: expected the PA snapshots 94 and 130 of 150, found ${labels.join(', ')}`);
  return chosen.map((snapshot) => snapshot.summary);
}

/**
 * The final state of parties: the BBC's councillors after 150 of 150 (seats and change against
 * 2014) with the council counts of the Wikipedia infobox. No source in national.json states the
 * no-overall-control figure, so it is derived and the note says so.
 */
export function finalSummary2018(national: unknown): Summary {
  const root = object(national, 'the file');
  const final = object(root.final_state_of_parties, 'final_state_of_parties');
  const bbc = object(final.bbc_councillors_after_150_of_150, 'bbc_councillors_after_150_of_150');
  const wiki = object(final.wikipedia_infobox, 'wikipedia_infobox');
  const scope = object(root.scope, 'scope');
  const councilsInAll = numberAt(scope.councils, 'scope.councils');

  const rows = new Map<string, SummaryPartyInput>();
  array(bbc.parties, 'bbc parties').forEach((value, i) => {
    const row = object(value, `bbc parties[${i}]`);
    const party = partyKey(String(row.party), `bbc parties[${i}]`);
    rows.set(party, {
      party,
      seats: numberAt(row.councillors, `bbc parties[${i}].councillors`),
      seatsChange: numberAt(row.change, `bbc parties[${i}].change`),
    });
  });
  let councilsNamed = 0;
  let changeNamed = 0;
  array(wiki.parties, 'wikipedia parties').forEach((value, i) => {
    const row = object(value, `wikipedia parties[${i}]`);
    const party = partyKey(String(row.party), `wikipedia parties[${i}]`);
    const councils = numberAt(row.councils, `wikipedia parties[${i}].councils`);
    const councilsChange = numberAt(row.councils_change, `wikipedia parties[${i}].councils_change`);
    councilsNamed += councils;
    changeNamed += councilsChange;
    // Seats stay the BBC's (one source for the seats column); Wikipedia adds the councils.
    rows.set(party, { ...(rows.get(party) ?? { party }), councils, councilsChange });
  });
  // Derived: every council not controlled by a named party has no overall control, and the
  // changes in control add up to zero.
  const nocCouncils = councilsInAll - councilsNamed;
  const derived = object(wiki.noc_councils_derived, 'noc_councils_derived');
  if (numberAt(derived.councils, 'noc_councils_derived.councils') !== nocCouncils) {
    throw new Error(`national.json: derived NOC councils ${String(derived.councils)} is not ${nocCouncils}`);
  }
  rows.set('noc', { party: 'noc', councils: nocCouncils, councilsChange: -changeNamed });

  return {
    declared: councilsInAll,
    total: councilsInAll,
    source: { name: 'BBC News (councillors); Wikipedia (councils)', url: String(bbc.source_url) },
    note:
      `Councillors and their change since 2014 from the BBC results scoreboard after 150 of 150 councils (they add up to 4,404, more than the 4,371 seats contested). ` +
      `Councils from the Wikipedia infobox (revision of 14 September 2018). ` +
      `No overall control (${nocCouncils}, change ${-changeNamed}) is derived: ${councilsInAll} councils less those of Labour, Conservatives and Liberal Democrats, its change the opposite of theirs.`,
    parties: [...rows.values()],
  };
}

// The feed --------------------------------------------------------------------------------

/** The final feed of the night: every council declared, the publishers' final totals as summary. */
export function localElections2018Feed(sources: Sources2018): Feed {
  const feed: FeedInput = {
    format: 'tally-feed/1',
    meta: {
      election: { ...ELECTION_2018 },
      revision: 1,
      generatedAt: FINAL_2018_AT,
      dataChangedAt: FINAL_2018_AT,
      baseline: { label: 'Change since 2014', election: 'English local elections 2014' },
      note: 'Compiled after the election from BBC, PA, Wikipedia, council and local press reports and OpenDataManchester councillor data. Seat figures appear only where a source gives them.',
    },
    parties: parties2018(),
    areas: councilAreas2018(sources.councilsCsv, sources.compositionCsv),
    summary: finalSummary2018(sources.national),
  };
  return assertFeed(feed);
}

// The simulated night ----------------------------------------------------------------------

/**
 * How the simulated night is laid out. Councils without a known declaration time get one slot
 * each: the first `overnightSlots` every `overnightStepMinutes` from `overnightStart` (counts
 * overnight), the rest evenly from `dayStart` to `dayEnd` (Friday counts).
 */
export const NIGHT_2018 = {
  overnightStart: '2018-05-03T23:30:00Z',
  overnightSlots: 90,
  overnightStepMinutes: 4,
  dayStart: '2018-05-04T10:00:00Z',
  dayEnd: FINAL_2018_AT,
} as const;

export const REPLAY_NOTE_2018 =
  'Replay. Only three councils have a known declaration time (Nuneaton and Bedworth, Oxford, Barking and Dagenham); the order and times of the other 147 are simulated: ' +
  'councils elected by thirds or halves first, smallest first, then London boroughs, then other all-out councils, arranged so that the councils declared after 94 and 130 match the PA counts published at those points. ' +
  'Results, control and totals are the real ones.';

/** Base order: overnight thirds/halves counts, then London, then other all-out councils; smallest first. */
function baseOrder(a: Council2018, b: Council2018): number {
  const group = (council: Council2018) => (council.type === 'LBO' ? 1 : council.cycle === 'all-out' ? 2 : 0);
  const size = (council: Council2018) => council.seatsUp ?? Number.POSITIVE_INFINITY;
  return group(a) - group(b) || size(a) - size(b) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}

/** Councils controlled after the election, by control value ("noc" included), among `councils`. */
function controlCounts(councils: readonly Council2018[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const council of councils) counts.set(council.after, (counts.get(council.after) ?? 0) + 1);
  return counts;
}

/**
 * A deterministic declaration time for every council (ms since the epoch):
 * 1. the three councils with a known time keep it;
 * 2. the others are ordered by `baseOrder`, then stratified so that, as PA reported, the first
 *    94 declarations include Con 28, Lab 48, LD 4 and NOC 14 councils and the first 130 include
 *    Con 42, Lab 62, LD 6 and NOC 20: each phase takes, for each control, the first councils
 *    of that control in base order;
 * 3. they get the slots of `NIGHT_2018` in that order.
 * The result is checked: a night that does not match the PA counts throws.
 */
export function simulatedDeclarationTimes(councilsCsv: string, national: unknown): Map<string, number> {
  const councils = readCouncils2018(councilsCsv);
  const fixed = councils.filter((council) => council.declaredAt !== undefined);
  const remaining = councils.filter((council) => council.declaredAt === undefined).sort(baseOrder);

  const phases = paSnapshots2018(national).map((summary) => ({
    declared: summary.declared!,
    councils: new Map(
      summary.parties.filter((row) => row.councils !== undefined).map((row) => [row.party, row.councils!]),
    ),
  }));
  phases.push({ declared: councils.length, councils: controlCounts(councils) });

  const order: Council2018[] = [];
  const have = controlCounts(fixed);
  for (const phase of phases) {
    const taken = new Set<Council2018>();
    for (const [control, target] of phase.councils) {
      const need = target - (have.get(control) ?? 0);
      const candidates = remaining
        .filter((council) => council.after === control && !taken.has(council))
        .slice(0, Math.max(0, need));
      if (need < 0 || candidates.length < need)
        throw new Error(
          `cannot order the night: ${target} ${control} councils after ${phase.declared} is not reachable`,
        );
      for (const council of candidates) taken.add(council);
      have.set(control, target);
    }
    const inPhase = remaining.filter((council) => taken.has(council));
    order.push(...inPhase);
    if (fixed.length + order.length !== phase.declared)
      throw new Error(
        `cannot order the night: the PA council counts after ${phase.declared} add up to ${fixed.length + order.length}`,
      );
    for (const council of inPhase) remaining.splice(remaining.indexOf(council), 1);
  }
  if (remaining.length > 0) throw new Error(`cannot order the night: ${remaining.length} councils left over`);

  const times = new Map<string, number>();
  for (const council of fixed) times.set(council.gss, Date.parse(council.declaredAt!));
  const overnightStart = Date.parse(NIGHT_2018.overnightStart);
  const dayStart = Date.parse(NIGHT_2018.dayStart);
  const dayEnd = Date.parse(NIGHT_2018.dayEnd);
  const daySlots = order.length - NIGHT_2018.overnightSlots;
  order.forEach((council, index) => {
    const at =
      index < NIGHT_2018.overnightSlots
        ? overnightStart + index * NIGHT_2018.overnightStepMinutes * 60_000
        : dayStart + ((index - NIGHT_2018.overnightSlots) * (dayEnd - dayStart)) / Math.max(1, daySlots - 1);
    times.set(council.gss, Math.round(at / 60_000) * 60_000);
  });

  // Check the promise: the councils declared at each PA point are the ones PA counted.
  const byTime = [...councils].sort((a, b) => times.get(a.gss)! - times.get(b.gss)!);
  for (const phase of phases) {
    const counts = controlCounts(byTime.slice(0, phase.declared));
    for (const [control, target] of phase.councils) {
      if ((counts.get(control) ?? 0) !== target)
        throw new Error(
          `simulated night: ${counts.get(control) ?? 0} ${control} councils after ${phase.declared}, PA says ${target}`,
        );
    }
    const boundary = times.get(byTime[phase.declared - 1]!.gss)!;
    const next = byTime[phase.declared];
    if (next && times.get(next.gss)! === boundary)
      throw new Error(`simulated night: declarations ${phase.declared} and ${phase.declared + 1} share a time`);
  }
  return times;
}
