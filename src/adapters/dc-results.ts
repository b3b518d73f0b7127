/**
 * Democracy Club results (`tally convert dc-results`): the candidates API's `result_sets`
 * (API v0.9), one or more pages, to a feed with one area per ward and one per council.
 *
 * A page is either the API's own (`{ "count", "next", "results": [...] }`) or a saved list of
 * result sets (`[...]`). Each result set is one ballot: one ward at one election, with every
 * candidate's votes and whether they were elected. It becomes a ward-level area:
 * - id: the ward's GSS code from the post id (`MTW:E05010881`, `gss:E05010867`); a ward with
 *   no GSS code in the data (Rotherham's new wards of 2021, `ROT:keppel`) keeps the post id;
 * - name from the post's label; `parent`: its council's area;
 * - candidates with name, party, votes, share of the ballot's votes, and `elected` straight from
 *   `is_winner`: never by ranking votes, because a ward electing three has three winners and a
 *   tie is decided by lot;
 * - seats up: the number elected; per-party results (seats, votes, share); turnout, electorate
 *   and rejected ballots when given; winner and majority for a one-seat ward.
 *
 * Each council becomes a council-level area: seats won per party at this election, and, when the
 * config gives the seats and control before, the whole council after and who controls it (a
 * majority of the whole council, else no overall control). Without the seats up the adapter
 * cannot tell when a council is complete, so the council stays "counting" (with a warning).
 *
 * Party labels are matched to the config's parties and the built-in UK ones by name and alias
 * ("Labour and Co-operative Party" is Labour). A label that matches nothing is kept on the
 * candidate as `partyName`, counted under Others in the per-party results, and listed in the
 * warnings so the newsroom can add it to the config.
 */
import * as v from 'valibot';
import { NO_OVERALL_CONTROL, type FeedInput } from '../feed/schema.js';
import { areaSlug, ConfigAreas, parseJsonSource, type ConfigArea, type ElectionConfig } from './config.js';
import { awaitingArea, checkedFeed, feedMeta, feedParties } from './feed-parts.js';
import { roundPercentage } from './hoc-csv.js';
import { knownPartiesWith, OTHERS_PARTY_ID, PartyDirectory } from './parties.js';
import { SourceError, type Adapter, type SourceProblem } from './types.js';

type AreaInput = FeedInput['areas'][number];
type CandidateInput = NonNullable<AreaInput['candidates']>[number];
type PartyResultInput = NonNullable<AreaInput['results']>[number];

const Count = v.pipe(
  v.number('must be a number'),
  v.integer('must be a whole number'),
  v.minValue(0, 'must not be negative'),
);
const Nullable = <T extends v.GenericSchema>(schema: T) => v.optional(v.nullable(schema));

/** What the adapter reads of a result set; everything else in it is ignored. */
const ResultSetSchema = v.looseObject({
  ballot_paper_id: v.pipe(
    v.string('must be text'),
    v.regex(
      /^[a-z][\w-]*(?:\.[\w-]+)+\.\d{4}-\d{2}-\d{2}$/,
      'must be a ballot id such as local.sheffield.walkley.2018-05-03',
    ),
  ),
  num_turnout_reported: Nullable(v.pipe(v.number('must be a number'), v.minValue(0, 'must not be negative'))),
  turnout_percentage: Nullable(
    v.pipe(v.number('must be a number'), v.minValue(0, 'must not be negative'), v.maxValue(100, 'must be at most 100')),
  ),
  total_electorate: Nullable(Count),
  num_spoilt_ballots: Nullable(Count),
  candidate_results: v.pipe(
    v.array(
      v.looseObject({
        is_winner: v.boolean('must be true or false'),
        num_ballots: Nullable(Count),
        membership: v.looseObject({
          person: v.looseObject({
            id: v.union([v.number(), v.string()], 'must be a number or text'),
            name: v.pipe(v.string('must be text'), v.regex(/\S/, 'must not be blank')),
          }),
          on_behalf_of: Nullable(
            v.looseObject({ name: v.pipe(v.string('must be text'), v.regex(/\S/, 'must not be blank')) }),
          ),
          post: v.looseObject({
            id: v.pipe(v.string('must be text'), v.regex(/\S/, 'must not be blank')),
            label: v.pipe(v.string('must be text'), v.regex(/\S/, 'must not be blank')),
          }),
          election: v.optional(v.looseObject({ id: v.optional(v.string()), name: v.optional(v.string()) })),
        }),
      }),
      'must be a list of candidate results',
    ),
    v.minLength(1, 'must list at least one candidate'),
  ),
});

type ResultSet = v.InferOutput<typeof ResultSetSchema>;

/** A result set and where it came from. */
interface Ballot {
  readonly set: ResultSet;
  readonly source: string;
  /** "results[3]" in its page. */
  readonly at: string;
}

const GSS_CODE = /^(?:[A-Za-z-]+:)?([EWSN]\d{8})$/;
const AREA_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;

function jsonPath(prefix: string, issue: v.BaseIssue<unknown>): string {
  let path = prefix;
  for (const item of issue.path ?? []) {
    const key = (item as { key: unknown }).key;
    path += typeof key === 'number' ? `[${key}]` : `.${String(key)}`;
  }
  return path;
}

/** Every result set of every page, shape-checked, with where each came from. */
function readPages(sources: readonly { name: string; text: string }[]): Ballot[] {
  const ballots: Ballot[] = [];
  const problems: SourceProblem[] = [];
  for (const source of sources) {
    const page = parseJsonSource(source.text, source.name, 'a Democracy Club result_sets page');
    let list: unknown[];
    let prefix: string;
    if (Array.isArray(page)) {
      list = page;
      prefix = '';
    } else if (typeof page === 'object' && page !== null && Array.isArray((page as { results?: unknown }).results)) {
      list = (page as { results: unknown[] }).results;
      prefix = 'results';
    } else {
      problems.push({
        source: source.name,
        message: 'not a Democracy Club result_sets page',
        hint: 'expected the API\'s page ({ "results": [...] }) or a list of result sets, from /api/v0.9/result_sets/',
      });
      continue;
    }
    list.forEach((item, index) => {
      const at = `${prefix}[${index}]`;
      const parsed = v.safeParse(ResultSetSchema, item, { abortPipeEarly: true });
      if (parsed.success) {
        ballots.push({ set: parsed.output, source: source.name, at });
        return;
      }
      const id =
        typeof (item as { ballot_paper_id?: unknown })?.ballot_paper_id === 'string'
          ? ` (${(item as { ballot_paper_id: string }).ballot_paper_id})`
          : '';
      for (const issue of parsed.issues) {
        const message = issue.kind === 'schema' && issue.received === 'undefined' ? 'is required' : issue.message;
        problems.push({ source: source.name, at: `${jsonPath(at, issue)}${id}`, message });
      }
    });
  }
  if (problems.length > 0) throw new SourceError(problems);
  return ballots;
}

/** The ballot's polling day, council slug and ward: `local.sheffield.walkley.2018-05-03`. */
function ballotParts(id: string): { council: string; date: string } {
  const parts = id.split('.');
  return { council: parts[1]!, date: parts[parts.length - 1]! };
}

/** "Sheffield local election" → "Sheffield"; else the council slug in title case. */
function councilName(set: ResultSet, slug: string): string {
  const name = set.candidate_results[0]!.membership.election?.name?.replace(
    /\s+(?:local|council|city council|borough council)?\s*election$/i,
    '',
  ).trim();
  if (name) return name;
  return slug.replace(
    /(^|-)([a-z])/g,
    (_, dash: string, letter: string) => `${dash ? ' ' : ''}${letter.toUpperCase()}`,
  );
}

/** Turnout of a ballot, and a warning when the reported figures contradict the votes. */
function turnoutOf(
  ballot: Ballot,
  totalVotes: number | undefined,
  seatsUp: number,
  warn: (message: string) => void,
): number | undefined {
  const { turnout_percentage: percentage, num_turnout_reported: reported, total_electorate: electorate } = ballot.set;
  // `num_turnout_reported` is the number of ballot papers; but some volunteers entered the
  // turnout percentage there (all of Sheffield 2018). Each elector casts at most one vote per
  // seat up, so fewer papers than votes ÷ seats is impossible: such a figure, 100 or less, is
  // a percentage.
  let reportedTurnout: number | undefined;
  if (reported !== undefined && reported !== null) {
    const fewestPapers = totalVotes === undefined ? 0 : Math.ceil(totalVotes / Math.max(1, seatsUp));
    if (reported < fewestPapers) {
      if (reported <= 100) reportedTurnout = reported;
      else
        warn(
          `${reported} ballot papers reported, but ${totalVotes} votes were counted at ${Math.max(1, seatsUp)} per paper at most; the figure is not used`,
        );
    } else if (electorate) {
      reportedTurnout = roundPercentage((reported / electorate) * 100);
      if (reportedTurnout > 100) {
        warn(`${reported} ballot papers reported from an electorate of ${electorate}; the figure is not used`);
        reportedTurnout = undefined;
      }
    }
  }
  if (percentage !== undefined && percentage !== null) return percentage;
  return reportedTurnout;
}

interface CouncilTally {
  readonly id: string;
  readonly name: string;
  readonly config: ConfigArea | undefined;
  readonly wards: AreaInput[];
  readonly won: Map<string, number>;
  readonly votes: Map<string, number>;
  /** False once a ward lacks votes: council votes and shares are then left out. */
  allVotes: boolean;
}

/** Convert Democracy Club result sets (one or more pages) to a feed. */
export const dcResultsAdapter: Adapter = (sources, config, options) => {
  if (sources.length === 0)
    throw new SourceError({
      source: '(no source)',
      message: 'no result_sets pages given',
      hint: 'give one or more pages of /api/v0.9/result_sets/',
    });
  const ballots = readPages(sources);
  const warnings: SourceProblem[] = [];
  const problems: SourceProblem[] = [];
  const sourceNames = sources.map((source) => source.name).join(', ');

  // The same ballot on two pages (pages fetched while results were being entered) is fine
  // when both say the same; different results for one ballot cannot both be published.
  const byBallot = new Map<string, Ballot>();
  for (const ballot of ballots) {
    const id = ballot.set.ballot_paper_id;
    const other = byBallot.get(id);
    if (!other) byBallot.set(id, ballot);
    else if (JSON.stringify(other.set) !== JSON.stringify(ballot.set)) {
      problems.push({
        source: ballot.source,
        at: `${ballot.at} (${id})`,
        message: `the same ballot is also at ${other.source} ${other.at}, with different results`,
        hint: 'fetch all the pages again, so they are from the same moment',
      });
    }
  }

  // One polling day: pages of another election mixed in are a mistake, not a result.
  const dates = new Set([...byBallot.keys()].map((id) => ballotParts(id).date));
  const configDate = config.election.date;
  if (configDate !== undefined && [...dates].some((date) => date !== configDate)) {
    problems.push({
      source: sourceNames,
      message: `the ballots are for ${[...dates].sort().join(', ')}, but the config's polling day is ${configDate}`,
      hint: "use the config of this election, or fetch the pages of the config's",
    });
  } else if (dates.size > 1) {
    problems.push({
      source: sourceNames,
      message: `the pages mix polling days (${[...dates].sort().join(', ')})`,
      hint: 'convert each election separately',
    });
  }
  if (problems.length > 0) throw new SourceError(problems);

  const directory = new PartyDirectory(knownPartiesWith(config.parties));
  const configAreas = new ConfigAreas(config.areas);
  const councils = new Map<string, CouncilTally>();
  const unmatched = new Map<
    string,
    { source: string; at: string; candidates: number; elected: number; wards: Set<string> }
  >();

  const ordered = [...byBallot.values()].sort((a, b) => (a.set.ballot_paper_id < b.set.ballot_paper_id ? -1 : 1));
  for (const ballot of ordered) {
    const { set, source } = ballot;
    const id = set.ballot_paper_id;
    const fail = (at: string, message: string, hint?: string) =>
      problems.push({ source, at: `${ballot.at}${at} (${id})`, message, ...(hint ? { hint } : {}) });
    const slug = ballotParts(id).council;

    // The council.
    let council = councils.get(slug);
    if (!council) {
      const name = councilName(set, slug);
      const entry = configAreas.find(undefined, slug, name, slug);
      council = {
        id: entry?.id ?? areaSlug(slug),
        name: entry?.name ?? name,
        config: entry,
        wards: [],
        won: new Map(),
        votes: new Map(),
        allVotes: true,
      };
      councils.set(slug, council);
    }

    // The ward: every candidate of a ballot stands for the same post.
    const post = set.candidate_results[0]!.membership.post;
    const otherPost = set.candidate_results.findIndex((result) => result.membership.post.id !== post.id);
    if (otherPost !== -1) {
      fail(
        `.candidate_results[${otherPost}].membership.post.id`,
        `candidates for two wards in one ballot ('${post.id}' and '${set.candidate_results[otherPost]!.membership.post.id}')`,
      );
      continue;
    }
    const gss = GSS_CODE.exec(post.id)?.[1];
    // A by-election held with the main election is a ballot of its own for the same ward
    // (`local.sheffield.walkley.by.2021-05-06`): an area of its own beside the ward's.
    const byElection = /\.by\.\d{4}-\d{2}-\d{2}$/.test(id);
    const wardId = `${gss ?? post.id}${byElection ? ':by' : ''}`;
    if (!AREA_ID.test(wardId)) {
      fail(
        '.candidate_results[0].membership.post.id',
        `the ward code '${post.id}' cannot be an area id`,
        'a ward needs a GSS code or an id of letters, digits, "_", ".", ":" or "-"',
      );
      continue;
    }
    const wardConfig = configAreas.find(council.id, wardId, byElection ? undefined : post.label);
    const wardName = wardConfig?.name ?? `${post.label.trim()}${byElection ? ' (by-election)' : ''}`;

    // Candidates, in order of votes (then name, so the order never depends on the page).
    const allVotes = set.candidate_results.every((result) => typeof result.num_ballots === 'number');
    const totalVotes = allVotes
      ? set.candidate_results.reduce((sum, result) => sum + result.num_ballots!, 0)
      : undefined;
    const winners = set.candidate_results.filter((result) => result.is_winner).length;
    if (winners === 0) {
      fail(
        '.candidate_results',
        'no candidate is marked as elected (is_winner)',
        'the result may be half entered: wait for the complete result set',
      );
      continue;
    }
    const configUp = wardConfig?.seats?.up;
    if (configUp !== undefined && winners !== configUp) {
      fail(
        '.candidate_results',
        `${winners} candidate${winners === 1 ? '' : 's'} elected where the config says ${configUp} seat${configUp === 1 ? ' is' : 's are'} up`,
        "correct the config's seats.up for this ward, or the result",
      );
      continue;
    }
    const partyVotes = new Map<string, { seats: number; votes: number }>();
    const candidates: CandidateInput[] = set.candidate_results
      .map((result, index) => ({ result, index }))
      .sort(
        (a, b) =>
          (b.result.num_ballots ?? -1) - (a.result.num_ballots ?? -1) ||
          Number(b.result.is_winner) - Number(a.result.is_winner) ||
          a.result.membership.person.name.localeCompare(b.result.membership.person.name, 'en'),
      )
      .map(({ result }) => {
        const label = result.membership.on_behalf_of?.name.trim();
        const party = label ? directory.match(label) : undefined;
        if (party) directory.use(label!);
        else {
          const key = label ?? '(no party given)';
          let seen = unmatched.get(key);
          if (!seen)
            unmatched.set(
              key,
              (seen = { source, at: `${ballot.at} (${id})`, candidates: 0, elected: 0, wards: new Set() }),
            );
          seen.candidates += 1;
          if (result.is_winner) seen.elected += 1;
          seen.wards.add(`${council.name}: ${wardName}`);
        }
        const partyId = party?.id ?? OTHERS_PARTY_ID;
        const tally = partyVotes.get(partyId) ?? { seats: 0, votes: 0 };
        tally.seats += result.is_winner ? 1 : 0;
        tally.votes += result.num_ballots ?? 0;
        partyVotes.set(partyId, tally);
        const votes = result.num_ballots;
        return {
          id: String(result.membership.person.id),
          name: result.membership.person.name.trim(),
          ...(party ? { party: party.id } : label ? { partyName: label } : {}),
          ...(typeof votes === 'number' ? { votes } : {}),
          ...(typeof votes === 'number' && totalVotes ? { share: roundPercentage((votes / totalVotes) * 100) } : {}),
          elected: result.is_winner,
        };
      });
    if (partyVotes.has(OTHERS_PARTY_ID)) directory.useId(OTHERS_PARTY_ID);

    const results: PartyResultInput[] = [...partyVotes]
      .sort(([a, x], [b, y]) => y.votes - x.votes || y.seats - x.seats || (a < b ? -1 : 1))
      .map(([party, tally]) => ({
        party,
        seats: tally.seats,
        ...(allVotes ? { votes: tally.votes } : {}),
        ...(allVotes && totalVotes ? { share: roundPercentage((tally.votes / totalVotes) * 100) } : {}),
      }));

    const warn = (message: string) =>
      warnings.push({ source, at: `${ballot.at} (${id})`, message: `${council.name}, ${wardName}: ${message}` });
    const turnout = turnoutOf(ballot, totalVotes, winners, warn);
    const electorate = set.total_electorate ?? undefined;
    const rejected = set.num_spoilt_ballots ?? undefined;
    const singleWinner = winners === 1 ? set.candidate_results.find((result) => result.is_winner)! : undefined;
    const winnerParty = singleWinner
      ? (candidates.find((candidate) => candidate.id === String(singleWinner.membership.person.id))!.party ??
        OTHERS_PARTY_ID)
      : undefined;
    let majority: number | undefined;
    if (singleWinner && allVotes && set.candidate_results.length > 1) {
      const runnerUp = Math.max(
        ...set.candidate_results.filter((result) => !result.is_winner).map((result) => result.num_ballots!),
      );
      majority = singleWinner.num_ballots! - runnerUp;
      if (majority < 0) {
        fail(
          '.candidate_results',
          `the elected candidate has ${-majority} fewer votes than another candidate`,
          'check is_winner and the votes; a tie decided by lot has equal votes, never fewer',
        );
        continue;
      }
    }
    const before = wardConfig?.controlBefore;

    council.wards.push({
      id: wardId,
      name: wardName,
      ...(wardConfig?.type ? { type: wardConfig.type } : {}),
      parent: council.id,
      seats: { ...(wardConfig?.seats?.total !== undefined ? { total: wardConfig.seats.total } : {}), up: winners },
      status: 'declared',
      ...(before !== undefined || winnerParty !== undefined
        ? {
            control: {
              ...(before !== undefined ? { before } : {}),
              ...(winnerParty !== undefined ? { after: winnerParty } : {}),
            },
          }
        : {}),
      results,
      candidates,
      ...(winnerParty !== undefined ? { winner: winnerParty } : {}),
      ...(majority !== undefined ? { majority } : {}),
      ...(electorate !== undefined ? { electorate } : {}),
      ...(turnout !== undefined ? { turnout } : {}),
      ...(rejected !== undefined ? { rejected } : {}),
      ...(wardConfig?.url ? { url: wardConfig.url } : {}),
    });
    for (const [party, tally] of partyVotes) {
      council.won.set(party, (council.won.get(party) ?? 0) + tally.seats);
      council.votes.set(party, (council.votes.get(party) ?? 0) + tally.votes);
    }
    if (!allVotes) council.allVotes = false;
  }

  // Two ballots for one ward (other than a by-election beside the ward's ordinary election).
  for (const council of councils.values()) {
    const seen = new Map<string, number>();
    council.wards.forEach((ward, index) => {
      const first = seen.get(ward.id);
      if (first !== undefined)
        problems.push({
          source: sourceNames,
          message: `${council.name}: two ballots for the ward '${ward.id}' (${council.wards[first]!.name})`,
          hint: 'each ward may appear once',
        });
      seen.set(ward.id, index);
    });
  }
  if (problems.length > 0) throw new SourceError(problems);

  for (const [label, seen] of [...unmatched].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const wards = [...seen.wards].sort();
    warnings.push({
      source: seen.source,
      at: seen.at,
      message: `party label "${label}" matched no party: ${seen.candidates} candidate${seen.candidates === 1 ? '' : 's'}${seen.elected ? ` (${seen.elected} elected)` : ''} in ${wards.length === 1 ? wards[0] : `${wards.length} wards`}, counted under Others`,
      hint: "add the party to the config's parties[], or the label to the aliases of an existing one",
    });
  }

  // Config areas no ballot has reached yet: councils and wards still awaited.
  const areas: AreaInput[] = [];
  const councilList = [...councils.values()];
  for (const entry of configAreas.unmatched()) {
    if (entry.parent !== undefined) continue;
    const id = entry.id ?? areaSlug(entry.name!);
    councilList.push({
      id,
      name: entry.name ?? id,
      config: entry,
      wards: [],
      won: new Map(),
      votes: new Map(),
      allVotes: true,
    });
  }
  const councilIds = new Set(councilList.map((council) => council.id));
  const awaitedWards = configAreas
    .unmatched()
    .filter((entry) => entry.parent !== undefined && councilIds.has(entry.parent));
  for (const entry of configAreas.unmatched()) {
    if (entry.parent !== undefined && !councilIds.has(entry.parent)) {
      warnings.push({
        source: 'config',
        at: `areas (${entry.id ?? entry.name})`,
        message: `parent '${entry.parent}' is none of the councils in the results or the config; the area is left out`,
      });
    }
  }

  councilList.sort((a, b) => a.name.localeCompare(b.name, 'en') || (a.id < b.id ? -1 : 1));
  for (const council of councilList) {
    const awaited = awaitedWards
      .filter((entry) => entry.parent === council.id)
      .map((entry) => awaitingArea(entry, { parent: council.id }));
    const wards = [...council.wards, ...awaited].sort(
      (a, b) => a.name.localeCompare(b.name, 'en') || (a.id < b.id ? -1 : 1),
    );
    areas.push(councilArea(council, awaited.length, warnings, sourceNames), ...wards);
  }

  const feed: FeedInput = {
    format: 'tally-feed/1',
    meta: feedMeta(
      config,
      options,
      { kind: 'local', areaType: 'council', date: dates.size === 1 ? [...dates][0] : undefined },
      sourceNames,
    ),
    parties: partiesFor(directory, config, areas),
    areas,
  };
  return { feed: checkedFeed(feed, sourceNames), warnings };
};

/** The council's own area: seats won now, and the whole council when the config allows. */
function councilArea(
  council: CouncilTally,
  wardsAwaited: number,
  warnings: SourceProblem[],
  source: string,
): AreaInput {
  const entry = council.config;
  const total = entry?.seats?.total;
  const up = entry?.seats?.up;
  const majority = entry?.seats?.majority ?? (total !== undefined ? Math.floor(total / 2) + 1 : undefined);
  const wonTotal = [...council.won.values()].reduce((a, b) => a + b, 0);
  const place = `${council.name}`;
  const fail = (message: string, hint?: string): never => {
    throw new SourceError({ source, message: `${place}: ${message}`, ...(hint ? { hint } : {}) });
  };
  if (up !== undefined && wonTotal > up)
    fail(
      `${wonTotal} seats won in its wards, more than the ${up} seats up in the config`,
      'correct seats.up in the config, or look for a ballot counted twice',
    );
  if (total !== undefined && wonTotal > total)
    fail(
      `${wonTotal} seats won in its wards, more than the council's ${total} seats`,
      'correct seats.total in the config',
    );

  let status: AreaInput['status'];
  if (council.wards.length === 0) status = 'awaiting';
  else if (up === undefined) {
    status = 'counting';
    warnings.push({
      source: 'config',
      at: `areas (${council.name})`,
      message: `${place}: the config does not give the seats up, so Tally cannot tell when every ward is in; the council stays "counting"`,
      hint: 'add seats.up (and seats.total) for this council to the config',
    });
  } else status = wonTotal === up && wardsAwaited === 0 ? 'declared' : 'counting';

  // Parties: every party that won or stood here, and every party the config names for it.
  const before = entry?.seatsBefore;
  const defending = entry?.defending;
  const parties = new Set<string>([
    ...council.votes.keys(),
    ...council.won.keys(),
    ...Object.keys(before ?? {}),
    ...Object.keys(defending ?? {}),
  ]);
  const allOut = total !== undefined && up === total;
  // The whole council after: the seats not up (held before, less those defended) plus the
  // seats won. All-out, nothing continues.
  const composition = status === 'declared' && (allOut || (before !== undefined && defending !== undefined));
  const totalVotes = [...council.votes.values()].reduce((a, b) => a + b, 0);
  const held = new Map<string, number>();
  for (const party of parties) {
    const continuing = allOut ? 0 : (before?.[party] ?? 0) - (defending?.[party] ?? 0);
    held.set(party, continuing + (council.won.get(party) ?? 0));
  }
  if (composition && total !== undefined) {
    const heldTotal = [...held.values()].reduce((a, b) => a + b, 0);
    if (heldTotal > total)
      fail(
        `the whole council would have ${heldTotal} seats after the election, more than its ${total}`,
        'check seatsBefore and defending in the config',
      );
  }

  const results: PartyResultInput[] = [...parties]
    .map((party) => {
      const won = council.won.get(party) ?? 0;
      const votes = council.votes.get(party);
      return {
        party,
        ...(council.wards.length > 0 ? { seats: won } : {}),
        ...(council.wards.length > 0 && defending !== undefined ? { seatsChange: won - (defending[party] ?? 0) } : {}),
        ...(council.allVotes && votes !== undefined ? { votes } : {}),
        ...(council.allVotes && votes !== undefined && totalVotes > 0
          ? { share: roundPercentage((votes / totalVotes) * 100) }
          : {}),
        ...(composition ? { seatsHeld: held.get(party)! } : {}),
        ...(composition && before !== undefined ? { seatsHeldChange: held.get(party)! - (before[party] ?? 0) } : {}),
      };
    })
    .filter((result) => Object.keys(result).length > 1)
    .sort(
      (a, b) =>
        (b.seatsHeld ?? 0) - (a.seatsHeld ?? 0) ||
        (b.seats ?? 0) - (a.seats ?? 0) ||
        (b.votes ?? 0) - (a.votes ?? 0) ||
        (a.party < b.party ? -1 : 1),
    );

  let control: AreaInput['control'];
  const controlBefore = entry?.controlBefore;
  if (composition && majority !== undefined) {
    let largest = 0;
    for (const seats of held.values()) largest = Math.max(largest, seats);
    const largestParties = [...held]
      .filter(([party, seats]) => seats === largest && largest > 0 && party !== OTHERS_PARTY_ID)
      .map(([party]) => party)
      .sort();
    const winner = [...held].find(([party, seats]) => seats >= majority && party !== OTHERS_PARTY_ID)?.[0];
    control = {
      ...(controlBefore !== undefined ? { before: controlBefore } : {}),
      after: winner ?? NO_OVERALL_CONTROL,
      ...(largestParties.length === 1
        ? { largestParty: largestParties[0]! }
        : largestParties.length > 1
          ? { largestParty: largestParties }
          : {}),
    };
  } else if (controlBefore !== undefined) control = { before: controlBefore };

  return {
    id: council.id,
    name: council.name,
    ...(entry?.type ? { type: entry.type } : {}),
    ...(entry?.region ? { region: entry.region } : {}),
    ...(entry?.parent ? { parent: entry.parent } : {}),
    ...(total !== undefined || up !== undefined
      ? {
          seats: {
            ...(total !== undefined ? { total } : {}),
            ...(up !== undefined ? { up } : {}),
            ...(majority !== undefined ? { majority } : {}),
          },
        }
      : {}),
    status,
    ...(control ? { control } : {}),
    ...(results.length > 0 ? { results } : {}),
    ...(status !== 'declared' && entry?.expectedAt ? { expectedAt: entry.expectedAt } : {}),
    ...(entry?.url ? { url: entry.url } : {}),
  };
}

/** The parties used by the results, plus every party the config lists or names for an area. */
function partiesFor(directory: PartyDirectory, config: ElectionConfig, areas: readonly AreaInput[]) {
  for (const party of config.parties) directory.useId(party.id);
  for (const area of areas) {
    for (const result of area.results ?? []) directory.useId(result.party);
    const before = area.control?.before;
    if (before !== undefined && before !== NO_OVERALL_CONTROL) directory.useId(before);
  }
  return feedParties(directory, config);
}
