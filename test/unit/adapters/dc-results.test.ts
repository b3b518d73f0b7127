/**
 * The Democracy Club adapter on the real result sets in demo/data/democracy-club/: every number
 * asserted here is computed in the test from the raw file (or the other data files), never
 * copied from the adapter's output.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dcResultsAdapter } from '../../../src/adapters/dc-results.js';
import {
  electionConfig,
  parseElectionConfig,
  type ElectionConfig,
  type ElectionConfigInput,
} from '../../../src/adapters/config.js';
import type { SourceError, SourceFile } from '../../../src/adapters/types.js';
import { convertChecked, sourceProblems } from '../support/adapters.js';
import { parseCsvTable } from '../../../src/adapters/csv.js';
import type { Area, Feed } from '../../../src/feed/schema.js';
import { areaOutcome } from '../../../src/derive/area-outcome.js';

const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');
const TEXT_2018 = read('demo/data/democracy-club/result-sets-2018.json');
const TEXT_2021 = read('demo/data/democracy-club/result-sets-2021.json');
const NIGHT = parseElectionConfig(read('templates/night.json'), 'templates/night.json');
const NOW = '2018-05-04T12:00:00Z';

interface RawCandidate {
  is_winner: boolean;
  num_ballots: number;
  membership: {
    person: { id: number; name: string };
    on_behalf_of: { name: string } | null;
    post: { id: string; label: string };
  };
}
interface RawBallot {
  ballot_paper_id: string;
  num_spoilt_ballots: number | null;
  num_turnout_reported: number | null;
  turnout_percentage?: number | null;
  total_electorate?: number | null;
  candidate_results: RawCandidate[];
}
const RAW_2018 = JSON.parse(TEXT_2018) as RawBallot[];
const RAW_2021 = JSON.parse(TEXT_2021) as RawBallot[];
const council = (ballot: RawBallot) => ballot.ballot_paper_id.split('.')[1]!;
const gss = (ballot: RawBallot) =>
  ballot.candidate_results[0]!.membership.post.id.replace(/^[A-Za-z]+:(?=[EWSN]\d{8}$)/, '');

/** The party of a raw label, as a reader of the register names would map it (independently of the adapter's table). */
function partyOfLabel(label: string | undefined): string {
  if (label === undefined) return 'oth';
  if (/^Labour/.test(label)) return 'lab';
  if (/^Conservative/.test(label)) return 'con';
  if (label === 'Liberal Democrats') return 'ld';
  if (label === 'Green Party') return 'green';
  if (label.includes('UKIP')) return 'ukip';
  if (label === 'Independent') return 'ind';
  if (label === 'Reform UK') return 'reform';
  return 'oth';
}

/** Seats won per party in one council, from the raw ballots' is_winner. */
function seatsWon(raw: RawBallot[], councilSlug: string, partyOf = partyOfLabel): Record<string, number> {
  const won: Record<string, number> = {};
  for (const ballot of raw.filter((entry) => council(entry) === councilSlug)) {
    for (const result of ballot.candidate_results.filter((candidate) => candidate.is_winner)) {
      const party = partyOf(result.membership.on_behalf_of?.name);
      won[party] = (won[party] ?? 0) + 1;
    }
  }
  return won;
}

const convert = (sources: SourceFile[], config: ElectionConfig = NIGHT) =>
  convertChecked(dcResultsAdapter, sources, config, NOW);
const problemsOf = (run: () => unknown) =>
  sourceProblems(run, (problem) => `${problem.source} ${problem.at ?? ''}: ${problem.message}`);

const config = (input: Partial<ElectionConfigInput>) =>
  electionConfig({ election: { id: 'test', title: 'Test' }, ...input });
const areaNamed = (feed: Feed, name: string) => feed.areas.find((area) => area.name === name)!;
const resultsBySeats = (area: Area) =>
  Object.fromEntries(
    area.results!.filter((result) => (result.seats ?? 0) > 0).map((result) => [result.party, result.seats]),
  );

describe('dc-results on Sheffield and Barnsley 2018', () => {
  const { feed, warnings } = convert([{ name: 'result-sets-2018.json', text: TEXT_2018 }]);
  const sheffield = areaNamed(feed, 'Sheffield');

  it('gives Sheffield Labour 16, Liberal Democrats 9, Green 3, as the ballots say', () => {
    const fromData = seatsWon(RAW_2018, 'sheffield');
    expect(fromData).toEqual({ lab: 16, ld: 9, green: 3 });
    expect(resultsBySeats(sheffield)).toEqual(fromData);
    // One of Labour's 16 stood as Labour and Co-operative: still Labour.
    expect(
      RAW_2018.filter((ballot) => council(ballot) === 'sheffield')
        .flatMap((ballot) => ballot.candidate_results)
        .filter(
          (result) => result.is_winner && result.membership.on_behalf_of?.name === 'Labour and Co-operative Party',
        ),
    ).toHaveLength(1);
  });

  it('makes one ward area per ballot, named and coded from the post, under its council', () => {
    const wards = feed.areas.filter((area) => area.parent !== undefined);
    expect(wards).toHaveLength(RAW_2018.length);
    for (const ballot of RAW_2018) {
      const ward = feed.areas.find((area) => area.id === gss(ballot))!;
      expect(ward.id, ballot.ballot_paper_id).toMatch(/^E05\d{6}$/);
      expect(ward.name).toBe(ballot.candidate_results[0]!.membership.post.label);
      expect(ward.parent).toBe(council(ballot) === 'sheffield' ? 'E08000019' : 'E08000016');
      expect(ward.status).toBe('declared');
    }
  });

  it('gives every candidate their votes, a share of the ballot, and elected exactly as is_winner', () => {
    for (const ballot of RAW_2018) {
      const ward = feed.areas.find((area) => area.id === gss(ballot))!;
      const total = ballot.candidate_results.reduce((sum, result) => sum + result.num_ballots, 0);
      expect(ward.candidates).toHaveLength(ballot.candidate_results.length);
      for (const result of ballot.candidate_results) {
        const candidate = ward.candidates!.find((entry) => entry.id === String(result.membership.person.id))!;
        expect(candidate.name).toBe(result.membership.person.name);
        expect(candidate.votes).toBe(result.num_ballots);
        expect(candidate.share).toBeCloseTo((result.num_ballots / total) * 100, 2);
        expect(candidate.elected).toBe(result.is_winner);
      }
      const winners = ballot.candidate_results.filter((result) => result.is_winner);
      expect(ward.seats!.up).toBe(winners.length);
      // One seat: the winner, and the majority over the runner-up.
      const runnerUp = Math.max(
        ...ballot.candidate_results.filter((result) => !result.is_winner).map((result) => result.num_ballots),
      );
      expect(ward.majority).toBe(winners[0]!.num_ballots - runnerUp);
      expect(ward.winner).toBe(ward.candidates!.find((candidate) => candidate.elected)!.party ?? 'oth');
    }
  });

  it('reads num_turnout_reported as a percentage where it cannot be a count of ballot papers', () => {
    for (const ballot of RAW_2018) {
      const ward = feed.areas.find((area) => area.id === gss(ballot))!;
      expect(ward.turnout, ballot.ballot_paper_id).toBe(ballot.num_turnout_reported ?? undefined);
    }
  });

  it('keeps labels that match no party on the candidate, counts them as Others, and lists them', () => {
    const configured = new Set(NIGHT.parties.flatMap((party) => [party.name, ...(party.aliases ?? [])]));
    const unmatched = [
      ...new Set(
        RAW_2018.flatMap((ballot) => ballot.candidate_results.map((result) => result.membership.on_behalf_of!.name)),
      ),
    ].filter((label) => partyOfLabel(label) === 'oth' && !configured.has(label));
    expect(unmatched.length).toBeGreaterThan(0);
    for (const label of unmatched)
      expect(
        warnings.some((warning) => warning.message.includes(`"${label}"`)),
        label,
      ).toBe(true);
    const candidate = feed.areas
      .flatMap((area) => area.candidates ?? [])
      .find((entry) => entry.partyName === unmatched[0])!;
    expect(candidate.party).toBeUndefined();
    // The config's own parties catch labels the built-in table does not know.
    expect(
      feed.areas.flatMap((area) => area.candidates ?? []).filter((entry) => entry.party === 'yorkshire').length,
    ).toBe(
      RAW_2018.flatMap((ballot) => ballot.candidate_results).filter(
        (result) => result.membership.on_behalf_of!.name === 'The Yorkshire Party',
      ).length,
    );
  });

  it('works out the whole council after and its control from the config, agreeing with the 2018 data files', () => {
    // councils.csv: control before and after, largest party after.
    const councils = parseCsvTable(read('demo/data/uk-local-2018/councils.csv'), { comment: '#' });
    const row = councils.records.find((record) => record.get('gss_code') === 'E08000019')!;
    expect(sheffield.control).toEqual({
      before: row.get('control_before'),
      after: row.get('control_after'),
      largestParty: row.get('largest_party_after'),
    });
    expect(areaOutcome(sheffield)).toEqual({ kind: 'hold', party: 'lab' });
    // composition-2018-09.csv (OpenDataManchester, September 2018): the whole council after.
    const composition = parseCsvTable(read('demo/data/uk-local-2018/composition-2018-09.csv'), {
      comment: '#',
    }).records.find((record) => record.get('gss_code') === 'E08000019')!;
    for (const result of sheffield.results!) {
      const recorded = Number(composition.get(result.party) ?? 0);
      expect(result.seatsHeld, result.party).toBe(recorded);
    }
    expect(sheffield.results!.reduce((sum, result) => sum + result.seatsHeld!, 0)).toBe(
      Number(composition.get('recorded_councillors')),
    );
    // Seat changes are measured against the seats each party defended.
    const entry = NIGHT.areas.find((area) => area.id === 'E08000019')!;
    const won = seatsWon(RAW_2018, 'sheffield');
    for (const result of sheffield.results!)
      expect(result.seatsChange, result.party).toBe((won[result.party] ?? 0) - (entry.defending![result.party] ?? 0));
    expect(sheffield.status).toBe('declared');
  });

  it('leaves Barnsley without a composition when the config gives no seats before, but declares it', () => {
    const barnsley = areaNamed(feed, 'Barnsley');
    expect(barnsley.status).toBe('declared');
    expect(barnsley.results!.some((result) => result.seatsHeld !== undefined)).toBe(false);
    expect(barnsley.control).toEqual({ before: 'lab' });
    expect(resultsBySeats(barnsley)).toEqual(
      seatsWon(RAW_2018, 'barnsley', (label) => (label === 'Barnsley Independent Group' ? 'big' : partyOfLabel(label))),
    );
  });

  it('lists each council, then its wards by name', () => {
    const order = feed.areas.map((area) => (area.parent ? `  ${area.name}` : area.name));
    expect(order[0]).toBe('Barnsley');
    const sheffieldAt = order.indexOf('Sheffield');
    expect(order.slice(1, sheffieldAt).every((name) => name.startsWith('  '))).toBe(true);
    const sheffieldWards = order.slice(sheffieldAt + 1).map((name) => name.trim());
    expect(sheffieldWards).toEqual([...sheffieldWards].sort((a, b) => a.localeCompare(b, 'en')));
  });

  it('carries the config into meta: title, polling day from the ballots, baseline, poll interval', () => {
    expect(feed.meta).toMatchObject({
      election: { id: NIGHT.election.id, title: NIGHT.election.title, date: '2018-05-03', kind: 'local' },
      revision: 1,
      generatedAt: NOW,
      pollInterval: 15,
    });
    expect(feed.parties.find((party) => party.id === 'lab')!.colour).toBe('#E4003B');
  });
});

const night2021 = config({
  areas: [
    { id: 'E08000018', name: 'Rotherham', seats: { total: 59, up: 59 }, controlBefore: 'lab' },
    { id: 'E08000019', name: 'Sheffield', seats: { total: 84, up: 29 }, controlBefore: 'lab' },
  ],
});

describe('dc-results on Sheffield, Barnsley and Rotherham 2021 (multi-member wards)', () => {
  const { feed, warnings } = convert([{ name: 'result-sets-2021.json', text: TEXT_2021 }], night2021);
  const rotherham = areaNamed(feed, 'Rotherham');
  const rotherhamBallots = RAW_2021.filter((ballot) => council(ballot) === 'rotherham');

  it('elects several per ward from is_winner: 59 seats over 25 wards', () => {
    const wards = feed.areas.filter((area) => area.parent === 'E08000018');
    expect(wards).toHaveLength(rotherhamBallots.length);
    expect(rotherhamBallots).toHaveLength(25);
    const seats = rotherhamBallots.reduce(
      (sum, ballot) => sum + ballot.candidate_results.filter((result) => result.is_winner).length,
      0,
    );
    expect(seats).toBe(59);
    expect(wards.reduce((sum, ward) => sum + ward.seats!.up!, 0)).toBe(seats);
    expect(new Set(wards.map((ward) => ward.seats!.up))).toEqual(new Set([2, 3]));
    for (const ballot of rotherhamBallots) {
      const ward = wards.find((area) => area.id === ballot.candidate_results[0]!.membership.post.id)!;
      const elected = ballot.candidate_results
        .filter((result) => result.is_winner)
        .map((result) => String(result.membership.person.id))
        .sort();
      expect(
        ward
          .candidates!.filter((candidate) => candidate.elected)
          .map((candidate) => candidate.id)
          .sort(),
        ward.name,
      ).toEqual(elected);
      // No single winner or majority in a ward electing several.
      expect(ward.winner).toBeUndefined();
      expect(ward.majority).toBeUndefined();
      expect(ward.electorate).toBe(ballot.total_electorate);
      expect(ward.rejected).toBe(ballot.num_spoilt_ballots);
      expect(ward.turnout).toBe(ballot.turnout_percentage);
    }
  });

  it('never re-ranks: who is elected is what is_winner says, whatever the votes', () => {
    const tampered = RAW_2021.map((ballot) => structuredClone(ballot));
    const keppel = tampered.find((ballot) => ballot.ballot_paper_id.startsWith('local.rotherham.keppel'))!;
    // A losing candidate given the most votes in a three-seat ward is still not elected.
    const loser = keppel.candidate_results.find((result) => !result.is_winner)!;
    loser.num_ballots = 5000;
    const again = convert([{ name: 'tampered.json', text: JSON.stringify(tampered) }], night2021).feed;
    const ward = again.areas.find((area) => area.id === 'ROT:keppel')!;
    expect(ward.candidates![0]!.id).toBe(String(loser.membership.person.id));
    expect(ward.candidates![0]!.elected).toBe(false);
  });

  it('gives Rotherham its whole council after an all-out election, and control by majority', () => {
    const won = seatsWon(RAW_2021, 'rotherham');
    expect(resultsBySeats(rotherham)).toEqual(won);
    expect(
      Object.fromEntries(
        rotherham.results!.filter((result) => result.seatsHeld! > 0).map((result) => [result.party, result.seatsHeld]),
      ),
    ).toEqual(won);
    const majority = Math.floor(59 / 2) + 1;
    const largest = Object.entries(won).sort(([, a], [, b]) => b - a)[0]!;
    expect(rotherham.seats).toEqual({ total: 59, up: 59, majority });
    expect(rotherham.control!.after).toBe(largest[1] >= majority ? largest[0] : 'noc');
    expect(rotherham.control!.largestParty).toBe(largest[0]);
  });

  it('tells apart a count of ballot papers, a percentage, and a count that contradicts the votes', () => {
    for (const ballot of RAW_2021) {
      const ward = feed.areas.find((area) => area.id === gss(ballot))!;
      const votes = ballot.candidate_results.reduce((sum, result) => sum + result.num_ballots, 0);
      const perPaper = ballot.candidate_results.filter((result) => result.is_winner).length;
      const reported = ballot.num_turnout_reported;
      const contradicts = reported !== null && reported > 100 && reported < Math.ceil(votes / perPaper);
      expect(
        warnings.some(
          (warning) => warning.at?.includes(ballot.ballot_paper_id) && /ballot papers reported/.test(warning.message),
        ),
        ballot.ballot_paper_id,
      ).toBe(contradicts);
      if (ballot.turnout_percentage == null && reported !== null && reported <= 100)
        expect(ward.turnout).toBe(reported);
    }
    // Dearne South's count repeats Dearne North's: flagged, not used.
    expect(warnings.find((warning) => warning.at?.includes('dearne-south'))!.message).toMatch(
      /^Barnsley, Dearne South: 1741 ballot papers reported/,
    );
  });

  it("keeps Sheffield's two-seat ward (a vacancy filled on the day) and declares the council at 29 seats", () => {
    const richmond = areaNamed(feed, 'Richmond');
    expect(richmond.seats!.up).toBe(2);
    expect(areaNamed(feed, 'Sheffield').status).toBe('declared');
    // Without seats before, no composition and no control after.
    expect(areaNamed(feed, 'Sheffield').control).toEqual({ before: 'lab' });
  });

  it('leaves a council the config does not size "counting", and says why', () => {
    expect(areaNamed(feed, 'Barnsley').status).toBe('counting');
    expect(
      warnings.some((warning) => warning.message.startsWith('Barnsley: the config does not give the seats up')),
    ).toBe(true);
  });

  it('recognises a local party once the config lists it', () => {
    const label = 'Rotherham Democratic Party';
    expect(warnings.some((warning) => warning.message.includes(`"${label}"`))).toBe(true);
    const withParty = config({ ...night2021, parties: [{ id: 'rdp', name: label }] } as ElectionConfigInput);
    const again = convert([{ name: 'result-sets-2021.json', text: TEXT_2021 }], withParty);
    expect(again.warnings.some((warning) => warning.message.includes(`"${label}"`))).toBe(false);
    expect(resultsBySeats(areaNamed(again.feed, 'Rotherham')).rdp).toBe(
      seatsWon(RAW_2021, 'rotherham', (name) => (name === label ? 'rdp' : partyOfLabel(name))).rdp,
    );
  });
});

describe('dc-results pages', () => {
  const asPages = (ballots: RawBallot[], size: number): SourceFile[] => {
    const pages: SourceFile[] = [];
    for (let start = 0; start < ballots.length; start += size) {
      const results = ballots.slice(start, start + size);
      const page = {
        count: ballots.length,
        next:
          start + size < ballots.length
            ? `https://candidates.democracyclub.org.uk/api/v0.9/result_sets/?page=${start / size + 2}`
            : null,
        previous: null,
        results,
      };
      pages.push({ name: `page-${start / size + 1}.json`, text: JSON.stringify(page) });
    }
    return pages;
  };
  const whole = convert([{ name: 'all.json', text: TEXT_2021 }], night2021).feed;

  it('merges several pages, in any order, into the same feed as one file', () => {
    const pages = asPages(RAW_2021, 20);
    expect(pages).toHaveLength(4);
    expect(convert(pages, night2021).feed).toEqual(whole);
    expect(convert([...pages].reverse(), night2021).feed).toEqual(whole);
  });

  it('is deterministic: the same sources give the same feed, whatever the order of ballots', () => {
    expect(convert([{ name: 'all.json', text: TEXT_2021 }], night2021).feed).toEqual(whole);
    expect(convert([{ name: 'all.json', text: JSON.stringify([...RAW_2021].reverse()) }], night2021).feed).toEqual(
      whole,
    );
  });

  it('accepts a ballot on two overlapping pages when both say the same', () => {
    const pages = asPages(RAW_2021, 40);
    const overlap = { name: 'overlap.json', text: JSON.stringify({ results: RAW_2021.slice(35, 45) }) };
    expect(convert([...pages, overlap], night2021).feed).toEqual(whole);
  });

  it('refuses one ballot with two different results, naming both places', () => {
    const changed = structuredClone(RAW_2021[3]!);
    changed.candidate_results[0]!.num_ballots += 1;
    expect(
      problemsOf(() =>
        dcResultsAdapter(
          [
            { name: 'a.json', text: TEXT_2021 },
            { name: 'b.json', text: JSON.stringify([changed]) },
          ],
          night2021,
          { now: NOW },
        ),
      ),
    ).toEqual([
      `b.json [0] (${changed.ballot_paper_id}): the same ballot is also at a.json [3], with different results`,
    ]);
  });
});

describe('dc-results problems', () => {
  const oneBallot = () => structuredClone(RAW_2018[0]!) as unknown as Record<string, unknown> & RawBallot;
  const run =
    (value: unknown, configUsed: ElectionConfig = NIGHT) =>
    () =>
      dcResultsAdapter(
        [{ name: 'dc.json', text: typeof value === 'string' ? value : JSON.stringify(value) }],
        configUsed,
        { now: NOW },
      );

  it('names the candidate whose ward code is missing', () => {
    const ballot = oneBallot();
    delete (ballot.candidate_results[1]!.membership.post as Partial<RawCandidate['membership']['post']>).id;
    expect(problemsOf(run([ballot]))).toEqual([
      `dc.json [0].candidate_results[1].membership.post.id (${ballot.ballot_paper_id}): is required`,
    ]);
  });

  it('names a ward code that cannot be an area id, and a ballot spanning two wards', () => {
    const bad = oneBallot();
    for (const result of bad.candidate_results) result.membership.post.id = 'MTW:E05 010881';
    expect(problemsOf(run([bad]))).toEqual([
      `dc.json [0].candidate_results[0].membership.post.id (${bad.ballot_paper_id}): the ward code 'MTW:E05 010881' cannot be an area id`,
    ]);
    const mixed = oneBallot();
    mixed.candidate_results[2]!.membership.post.id = 'MTW:E05010882';
    expect(problemsOf(run([mixed]))).toEqual([
      `dc.json [0].candidate_results[2].membership.post.id (${mixed.ballot_paper_id}): candidates for two wards in one ballot ('MTW:E05010881' and 'MTW:E05010882')`,
    ]);
  });

  it('refuses a half-written page, saying where it stops', () => {
    const cut = TEXT_2018.slice(0, Math.floor(TEXT_2018.length / 2));
    const [problem] = problemsOf(run(cut));
    expect(problem).toMatch(/^dc\.json line \d+, column \d+: not valid JSON/);
    try {
      run(cut)();
    } catch (error) {
      expect((error as SourceError).problems[0]!.hint).toMatch(/ends too early/);
    }
    expect(problemsOf(run(''))).toEqual(['dc.json : the file is empty']);
  });

  it('refuses JSON that is not a result_sets page, and bad figures with their path', () => {
    expect(problemsOf(run({ ballots: [] }))).toEqual(['dc.json : not a Democracy Club result_sets page']);
    const ballot = oneBallot();
    (ballot.candidate_results[0] as unknown as Record<string, unknown>).num_ballots = '1,814';
    (ballot.candidate_results[1] as unknown as Record<string, unknown>).is_winner = 'no';
    expect(problemsOf(run({ results: [ballot] }))).toEqual([
      `dc.json results[0].candidate_results[0].num_ballots (${ballot.ballot_paper_id}): must be a number`,
      `dc.json results[0].candidate_results[1].is_winner (${ballot.ballot_paper_id}): must be true or false`,
    ]);
  });

  it('refuses a ballot with nobody elected (a result half entered)', () => {
    const ballot = oneBallot();
    for (const result of ballot.candidate_results) result.is_winner = false;
    expect(problemsOf(run([ballot]))).toEqual([
      `dc.json [0].candidate_results (${ballot.ballot_paper_id}): no candidate is marked as elected (is_winner)`,
    ]);
  });

  it('refuses an elected candidate with fewer votes than a loser in a one-seat ward', () => {
    const ballot = oneBallot();
    const winner = ballot.candidate_results.find((result) => result.is_winner)!;
    const loser = ballot.candidate_results.find((result) => !result.is_winner)!;
    loser.num_ballots = winner.num_ballots + 10;
    expect(problemsOf(run([ballot]))).toEqual([
      `dc.json [0].candidate_results (${ballot.ballot_paper_id}): the elected candidate has 10 fewer votes than another candidate`,
    ]);
  });

  it('refuses winners the config has no seats for: a ward with 0 seats up, a council over its seats', () => {
    const ballot = oneBallot();
    const wardId = gss(ballot);
    const noSeat = config({
      areas: [
        { id: 'E08000019', name: 'Sheffield' },
        { id: wardId, parent: 'E08000019', seats: { up: 0 } },
      ],
    });
    expect(problemsOf(run([ballot], noSeat))).toEqual([
      `dc.json [0].candidate_results (${ballot.ballot_paper_id}): 1 candidate elected where the config says 0 seats are up`,
    ]);
    const small = config({ areas: [{ id: 'E08000019', name: 'Sheffield', seats: { total: 84, up: 27 } }] });
    expect(problemsOf(run(RAW_2018, small))).toEqual([
      'dc.json : Sheffield: 28 seats won in its wards, more than the 27 seats up in the config',
    ]);
  });

  it('refuses a whole council that would have more seats than it has', () => {
    const over = config({
      areas: [
        {
          id: 'E08000019',
          name: 'Sheffield',
          seats: { total: 84, up: 28 },
          seatsBefore: { lab: 80 },
          defending: { lab: 10 },
        },
      ],
    });
    expect(problemsOf(run(RAW_2018, over))).toEqual([
      'dc.json : Sheffield: the whole council would have 98 seats after the election, more than its 84',
    ]);
  });

  it("refuses pages from two polling days, or of another day than the config's", () => {
    expect(
      problemsOf(() =>
        dcResultsAdapter(
          [
            { name: 'a.json', text: TEXT_2018 },
            { name: 'b.json', text: TEXT_2021 },
          ],
          config({}),
          { now: NOW },
        ),
      ),
    ).toEqual(['a.json, b.json : the pages mix polling days (2018-05-03, 2021-05-06)']);
    expect(problemsOf(() => dcResultsAdapter([{ name: 'b.json', text: TEXT_2021 }], NIGHT, { now: NOW }))).toEqual([
      "b.json : the ballots are for 2021-05-06, but the config's polling day is 2018-05-03",
    ]);
  });
});

describe('dc-results before the results', () => {
  it("shows the config's councils and wards as awaiting until their ballots arrive", () => {
    const first = RAW_2018.filter((ballot) => council(ballot) === 'sheffield').slice(0, 3);
    const awaited = RAW_2018.filter((ballot) => council(ballot) === 'sheffield').slice(3, 5);
    const withWards = config({
      election: { id: 'test', title: 'Test', date: '2018-05-03' },
      areas: [
        { id: 'E08000019', name: 'Sheffield', seats: { total: 84, up: 28 }, controlBefore: 'lab' },
        ...awaited.map((ballot) => ({
          id: gss(ballot),
          name: ballot.candidate_results[0]!.membership.post.label,
          parent: 'E08000019',
          expectedAt: '2018-05-04T01:30:00+01:00',
        })),
        { id: 'E08000016', name: 'Barnsley', seats: { total: 63, up: 21 } },
      ],
    });
    const { feed } = convert([{ name: 'early.json', text: JSON.stringify(first) }], withWards);
    expect(areaNamed(feed, 'Sheffield').status).toBe('counting');
    expect(areaNamed(feed, 'Barnsley')).toEqual({
      id: 'E08000016',
      name: 'Barnsley',
      seats: { total: 63, up: 21, majority: 32 },
      status: 'awaiting',
    });
    for (const ballot of awaited) {
      expect(feed.areas.find((area) => area.id === gss(ballot))).toMatchObject({
        status: 'awaiting',
        parent: 'E08000019',
        expectedAt: '2018-05-04T01:30:00+01:00',
      });
    }
    expect(feed.areas.filter((area) => area.status === 'declared')).toHaveLength(3);
    // Nothing at all yet: every configured area awaiting, a valid feed all the same.
    const empty = convert(
      [{ name: 'none.json', text: '{"count":0,"next":null,"previous":null,"results":[]}' }],
      withWards,
    ).feed;
    expect(empty.areas.every((area) => area.status === 'awaiting')).toBe(true);
  });
});

describe('dc-results by-elections', () => {
  it('keeps a by-election held the same day as an area of its own beside the ward', () => {
    const ordinary = RAW_2018.find((ballot) => council(ballot) === 'sheffield')!;
    const byElection = structuredClone(ordinary);
    byElection.ballot_paper_id = ordinary.ballot_paper_id.replace(/\.(\d{4}-\d{2}-\d{2})$/, '.by.$1');
    const { feed } = convertChecked(
      dcResultsAdapter,
      [{ name: 'dc.json', text: JSON.stringify([ordinary, byElection]) }],
      config({}),
      NOW,
    );
    const ward = feed.areas.find((area) => area.id === gss(ordinary))!;
    const by = feed.areas.find((area) => area.id === `${gss(ordinary)}:by`)!;
    expect(by.name).toBe(`${ward.name} (by-election)`);
    expect(by.parent).toBe(ward.parent);
    const councilArea = feed.areas.find((area) => area.id === ward.parent)!;
    expect(councilArea.results!.reduce((sum, row) => sum + (row.seats ?? 0), 0)).toBe(2);
  });
});
