import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  councilAreas2018,
  finalSummary2018,
  localElections2018Feed,
  nationalSnapshots2018,
  paSnapshots2018,
  readCouncils2018,
  simulatedDeclarationTimes,
} from '../../../demo/feeds/uk-local-2018.js';
import { validateFeed } from '../../../src/feed/validate.js';
import { areaOutcome } from '../../../src/derive/area-outcome.js';
import { stateOfParties } from '../../../src/derive/state-of-parties.js';

const data = (path: string) =>
  readFileSync(new URL(`../../../demo/data/uk-local-2018/${path}`, import.meta.url), 'utf8');
const councilsCsv = data('councils.csv');
const compositionCsv = data('composition-2018-09.csv');
const national: unknown = JSON.parse(data('national.json'));
const feed = localElections2018Feed({ councilsCsv, compositionCsv, national });
const byName = new Map(feed.areas.map((area) => [area.name, area]));
const area = (name: string) => {
  const found = byName.get(name);
  if (!found) throw new Error(`no council ${name}`);
  return found;
};

describe('localElections2018Feed', () => {
  it('validates without warnings', () => {
    const result = validateFeed(JSON.parse(JSON.stringify(feed)));
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([]);
  });

  it('has the 150 councils, keyed by GSS code, all declared', () => {
    expect(feed.areas).toHaveLength(150);
    expect(new Set(feed.areas.map((a) => a.id)).size).toBe(150);
    for (const council of feed.areas) {
      expect(council.id).toMatch(/^E0[6-9]\d{6}$/);
      expect(council.status).toBe('declared');
    }
    const types = feed.areas.reduce<Record<string, number>>(
      (count, a) => ({ ...count, [a.type!]: (count[a.type!] ?? 0) + 1 }),
      {},
    );
    expect(types).toEqual({ 'London borough': 32, 'Metropolitan borough': 34, 'Unitary authority': 17, District: 67 });
    expect(feed.areas.some((a) => a.region !== undefined)).toBe(false);
  });

  it('describes the election as in national.json', () => {
    expect(feed.meta.election).toEqual({
      id: 'uk-local-2018',
      title: 'English local elections 2018',
      date: '2018-05-03',
      kind: 'local',
      areaType: 'council',
      seats: 4371,
      country: 'GB',
    });
    expect(feed.meta.baseline?.label).toBe('Change since 2014');
  });

  it('gives the per-council control tallies of national.json', () => {
    const after: Record<string, number> = {};
    const before: Record<string, number> = {};
    for (const council of feed.areas) {
      after[council.control!.after!] = (after[council.control!.after!] ?? 0) + 1;
      before[council.control!.before!] = (before[council.control!.before!] ?? 0) + 1;
    }
    expect(after).toEqual({ lab: 75, con: 45, noc: 21, ld: 9 });
    expect(before).toEqual({ lab: 75, noc: 24, con: 46, ld: 5 });
    const derived = stateOfParties(feed, 'derived');
    expect(
      Object.fromEntries(derived.parties.filter((row) => row.councils).map((row) => [row.party, row.councils])),
    ).toEqual({ lab: 75, con: 45, ld: 9 });
    expect(derived.noOverallControl?.councils).toBe(21);
  });

  it('gets the headline outcomes right', () => {
    expect(areaOutcome(area('Kensington and Chelsea'))).toEqual({ kind: 'hold', party: 'con' });
    expect(areaOutcome(area('Kingston upon Thames'))).toEqual({ kind: 'gain', party: 'ld', from: 'con' });
    expect(areaOutcome(area('Trafford'))).toEqual({ kind: 'lost-to-noc', from: 'con' });
    expect(areaOutcome(area('Barnet'))).toEqual({ kind: 'gain-from-noc', party: 'con' });
    // Kept as in councils.csv although a live blog reported a gain.
    expect(areaOutcome(area('Southend-on-Sea'))).toEqual({ kind: 'hold', party: 'con' });
  });

  it('keeps largest party, including a tie', () => {
    expect(area('Dudley').control).toEqual({ before: 'noc', after: 'noc', largestParty: ['con', 'lab'] });
    expect(area('Trafford').control?.largestParty).toBe('lab');
  });

  it('gives seats won only where councils.csv does: blanks stay absent', () => {
    // Bexley: all seat columns blank.
    expect(area('Bexley').results!.some((result) => result.seats !== undefined)).toBe(false);
    // Bromley: only Con 50 and Lab 8 given.
    expect(
      area('Bromley')
        .results!.filter((result) => result.seats !== undefined)
        .map((result) => [result.party, result.seats]),
    ).toEqual([
      ['con', 50],
      ['lab', 8],
    ]);
    // Kingston upon Thames: complete, zeros included.
    expect(area('Kingston upon Thames').results!.map((result) => [result.party, result.seats])).toEqual([
      ['con', 9],
      ['lab', 0],
      ['ld', 39],
      ['green', 0],
      ['ukip', 0],
      ['ind', 0],
      ['oth', 0],
    ]);
    // The data README: seats won complete for 43 councils, partial for 4.
    const withSeats = feed.areas.filter((council) => council.results?.some((result) => result.seats !== undefined));
    expect(withSeats).toHaveLength(47);
    const complete = withSeats.filter(
      (council) => council.results!.filter((result) => result.seats !== undefined).length === 7,
    );
    expect(complete).toHaveLength(43);
  });

  it('gives council size and seats up only where known, and a majority only with the size', () => {
    expect(feed.areas.filter((council) => council.seats?.total !== undefined)).toHaveLength(81);
    expect(feed.areas.filter((council) => council.seats?.up !== undefined)).toHaveLength(72);
    for (const council of feed.areas) {
      if (council.seats?.total === undefined) expect(council.seats?.majority, council.name).toBeUndefined();
      else expect(council.seats.majority, council.name).toBe(Math.floor(council.seats.total / 2) + 1);
    }
    expect(area('Trafford').seats).toEqual({ total: 63, up: 22, majority: 32 });
    expect(area('Gateshead').seats).toBeUndefined();
    expect(area('Wirral').seats).toEqual({ up: 23 });
  });

  it('has declaration times only for the three councils that have them', () => {
    const declared = feed.areas
      .filter((council) => council.declaredAt !== undefined)
      .map((council) => [council.name, council.declaredAt]);
    expect(declared).toEqual([
      ['Barking and Dagenham', '2018-05-04T03:27:00Z'],
      ['Nuneaton and Bedworth', '2018-05-03T23:25:00Z'],
      ['Oxford', '2018-05-04T01:30:00Z'],
    ]);
  });

  it('adds whole-council composition with its caveat, except where it is known to be wrong', () => {
    expect(area('Trafford').results!.map((result) => [result.party, result.seatsHeld])).toEqual([
      ['con', 29],
      ['lab', 30],
      ['ld', 2],
      ['green', 2],
      ['ukip', 0],
      ['ind', 0],
      ['oth', 0],
    ]);
    expect(area('Trafford').note).toContain('as recorded in September 2018 (OpenDataManchester)');
    for (const name of ['Dudley', 'Worcester', 'Rugby', 'Winchester', 'Southampton', 'Birmingham', 'Amber Valley']) {
      expect(area(name).results?.some((result) => result.seatsHeld !== undefined) ?? false, name).toBe(false);
      expect(area(name).note, name).toMatch(/^Whole-council figures are left out/);
    }
    // Seats won survive where composition is left out.
    expect(area('Southampton').results!.find((result) => result.party === 'oth')!.seats).toBe(1);
    const withComposition = feed.areas.filter((council) =>
      council.results?.some((result) => result.seatsHeld !== undefined),
    );
    expect(withComposition).toHaveLength(143);
  });

  it('says when control before is assumed rather than sourced', () => {
    expect(area('Gateshead').note).toContain('control before is assumed');
    expect(area('Solihull').note).toContain('Control before the election is not confirmed');
    expect(area('Kingston upon Thames').note).not.toContain('assumed');
  });

  it("carries the publishers' final state of parties as its summary", () => {
    const state = stateOfParties(feed);
    expect(state.basis).toBe('publisher');
    expect(state.declared).toBe(150);
    const rows = Object.fromEntries(state.parties.map((row) => [row.party, row]));
    expect(rows.lab).toEqual({ party: 'lab', councils: 74, councilsChange: 0, seats: 2350, seatsChange: 79 });
    expect(rows.con).toEqual({ party: 'con', councils: 46, councilsChange: -3, seats: 1332, seatsChange: -35 });
    expect(rows.ld).toEqual({ party: 'ld', councils: 9, councilsChange: 4, seats: 536, seatsChange: 75 });
    expect(rows.green).toEqual({ party: 'green', seats: 39, seatsChange: 8 });
    expect(rows.ukip).toEqual({ party: 'ukip', seats: 3, seatsChange: -123 });
    expect(rows.oth).toEqual({ party: 'oth', seats: 144, seatsChange: -4 });
    expect(state.noOverallControl).toEqual({ party: 'noc', councils: 21, councilsChange: -1 });
    expect(feed.summary!.note).toMatch(/No overall control \(21, change -1\) is derived/);
    expect(feed.summary!.source?.name).toMatch(/BBC/);
    expect(feed.summary!.source?.name).toMatch(/Wikipedia/);
  });
});

describe('councilAreas2018', () => {
  it('reads a small hand-made file with blanks, a tie for largest party and a stale composition', () => {
    const councils = [
      '# documentation line',
      'council,gss_code,type,cycle,seats_total,seats_up,control_before,control_after,largest_party_after,con_seats,lab_seats,ld_seats,green_seats,ukip_seats,ind_seats,other_seats,seat_changes_note,source_url,declared_at,verification',
      'Oldtown,E07000001,NMD,thirds,,,lab,noc,con=lab,,3,,,,,,"a note, with a comma",https://example.org,,odm-after',
      'Dudley,E08000027,MTD,thirds,72,24,noc,noc,con,10,12,0,0,0,1,1,,https://example.org,2018-05-04T02:00:00Z,src-both',
    ].join('\n');
    const composition = [
      '# note',
      'council,gss_code,odm_lad_name,recorded_councillors,con,lab,ld,green,ukip,ind,other,derived_majority',
      'Oldtown,E07000001,Oldtown,30,14,14,0,0,0,2,0,noc',
      'Dudley,E08000027,Dudley,71,26,37,0,0,7,1,0,lab',
    ].join('\n');
    // The converter checks that every council it knows to have a stale composition is in the file.
    const withStale = `${councils}\n${['Worcester', 'Rugby', 'Winchester', 'Southampton'].map((name, i) => `${name},E0700010${i},NMD,thirds,,,con,con,con,,,,,,,,,,,src-both`).join('\n')}`;
    const areas = councilAreas2018(withStale, composition);
    expect(areas[0]).toEqual({
      id: 'E07000001',
      name: 'Oldtown',
      type: 'District',
      status: 'declared',
      control: { before: 'lab', after: 'noc', largestParty: ['con', 'lab'] },
      results: [
        { party: 'con', seatsHeld: 14 },
        { party: 'lab', seats: 3, seatsHeld: 14 },
        { party: 'ind', seatsHeld: 2 },
      ],
      note: 'Whole-council figures are as recorded in September 2018 (OpenDataManchester) and can differ by one or two from election night. No 2018 results source found: control after was checked against councillor data from September 2018 (OpenDataManchester) and control before is assumed to be the same.',
    });
    expect(areas[1]).toEqual({
      id: 'E08000027',
      name: 'Dudley',
      type: 'Metropolitan borough',
      seats: { total: 72, up: 24, majority: 37 },
      status: 'declared',
      declaredAt: '2018-05-04T02:00:00Z',
      control: { before: 'noc', after: 'noc', largestParty: 'con' },
      results: [
        { party: 'con', seats: 10 },
        { party: 'lab', seats: 12 },
        { party: 'ld', seats: 0 },
        { party: 'green', seats: 0 },
        { party: 'ukip', seats: 0 },
        { party: 'ind', seats: 1 },
        { party: 'oth', seats: 1 },
      ],
      note: 'Whole-council figures are left out: the September 2018 record for this council is known to be out of date.',
    });
  });

  it('refuses unknown codes instead of guessing', () => {
    const header =
      'council,gss_code,type,cycle,seats_total,seats_up,control_before,control_after,largest_party_after,con_seats,lab_seats,ld_seats,green_seats,ukip_seats,ind_seats,other_seats,seat_changes_note,source_url,declared_at,verification';
    expect(() => readCouncils2018(`${header}\nX,E1,CTY,thirds,,,con,con,con,,,,,,,,,,,src-both\n`)).toThrow(
      /line 2: unknown council type "CTY"/,
    );
    expect(() => readCouncils2018(`${header}\nX,E1,NMD,thirds,,,con,reform,con,,,,,,,,,,,src-both\n`)).toThrow(
      /unknown control "reform"/,
    );
    expect(() => readCouncils2018(`${header}\nX,E1,NMD,thirds,,,con,con,con,1.5,,,,,,,,,,src-both\n`)).toThrow(
      /con_seats: 1.5 is not a count/,
    );
    expect(() => readCouncils2018(`${header}\nX,E1,NMD,thirds,,,con,con,con,,,,,,,,,,,unchecked\n`)).toThrow(
      /unknown verification/,
    );
  });
});

describe('national.json snapshots', () => {
  it('gives the exact PA figures after 130 of 150, leaving the missing Conservative council change out', () => {
    const [, after130] = paSnapshots2018(national);
    expect(after130!.declared).toBe(130);
    expect(after130!.total).toBe(150);
    expect(after130!.baselineLabel).toMatch(/eve of the poll/);
    expect(after130!.source?.name).toMatch(/^PA/);
    expect(after130!.parties).toEqual([
      { party: 'con', councils: 42, seats: 1125, seatsChange: -41 },
      { party: 'lab', councils: 62, councilsChange: -1, seats: 1692, seatsChange: 75 },
      { party: 'ld', councils: 6, councilsChange: 2, seats: 403, seatsChange: 37 },
      { party: 'noc', councils: 20, councilsChange: -1 },
      { party: 'green', seats: 32, seatsChange: 4 },
      { party: 'ukip', seats: 3, seatsChange: -55 },
      { party: 'ind', seats: 87, seatsChange: -66 },
      { party: 'lib', seats: 1, seatsChange: -1 },
      { party: 'res', seats: 46, seatsChange: -4 },
    ]);
  });

  it('gives the PA figures after 94 of 150 with their source', () => {
    const [after94] = paSnapshots2018(national);
    expect(after94!.declared).toBe(94);
    expect(after94!.source?.url).toBe(
      'https://metro.co.uk/2018/05/04/local-election-results-show-mixed-results-tories-labour-7519752/',
    );
    expect(after94!.parties.find((row) => row.party === 'con')).toEqual({
      party: 'con',
      councils: 28,
      councilsChange: -1,
      seats: 776,
      seatsChange: -11,
    });
    expect(after94!.parties.find((row) => row.party === 'noc')).toEqual({
      party: 'noc',
      councils: 14,
      councilsChange: 1,
    });
  });

  it('exposes every snapshot, marking the BBC ones as a different basis', () => {
    const all = nationalSnapshots2018(national);
    expect(all.map((snapshot) => [snapshot.label, snapshot.basis])).toEqual([
      ['94 of 150', 'PA'],
      ['90 of 150', 'BBC'],
      ['93 of 150', 'BBC'],
      ['127 of 150', 'BBC'],
      ['130 of 150', 'PA'],
      ['late count (undated)', 'other'],
    ]);
    const late = all[5]!.summary;
    expect(late.declared).toBeUndefined();
    expect(late.parties.find((row) => row.party === 'ukip')).toEqual({ party: 'ukip', seats: 3 });
    expect(all[1]!.summary.parties.find((row) => row.party === 'oth')).toEqual({
      party: 'oth',
      seats: 72,
      seatsChange: 9,
    });
  });

  it("final summary: the derived NOC row is the remainder of 150 and the opposite of the others' change", () => {
    const summary = finalSummary2018(national);
    const councils = summary.parties.reduce((sum, row) => sum + (row.councils ?? 0), 0);
    const change = summary.parties.reduce((sum, row) => sum + (row.councilsChange ?? 0), 0);
    expect(councils).toBe(150);
    expect(change).toBe(0);
  });
});

describe('simulatedDeclarationTimes', () => {
  const times = simulatedDeclarationTimes(councilsCsv, national);
  const order = [...times].sort((a, b) => a[1] - b[1]);
  const control = new Map(feed.areas.map((council) => [council.id, council.control!.after!]));
  const countsAfter = (n: number) =>
    order
      .slice(0, n)
      .reduce<Record<string, number>>(
        (count, [id]) => ({ ...count, [control.get(id)!]: (count[control.get(id)!] ?? 0) + 1 }),
        {},
      );

  it('times every council, deterministically, keeping the three known times', () => {
    expect(times.size).toBe(150);
    expect([...simulatedDeclarationTimes(councilsCsv, national)]).toEqual([...times]);
    expect(times.get('E07000219')).toBe(Date.parse('2018-05-03T23:25:00Z')); // Nuneaton and Bedworth
    expect(times.get('E07000178')).toBe(Date.parse('2018-05-04T01:30:00Z')); // Oxford
    expect(times.get('E09000002')).toBe(Date.parse('2018-05-04T03:27:00Z')); // Barking and Dagenham
  });

  it('spreads the night between 23:25 on 3 May and 18:00 on 4 May UTC', () => {
    expect(order[0]![1]).toBe(Date.parse('2018-05-03T23:25:00Z'));
    expect(order[149]![1]).toBe(Date.parse('2018-05-04T18:00:00Z'));
  });

  it('matches the PA council counts after 94 and 130 declarations', () => {
    expect(countsAfter(94)).toEqual({ con: 28, lab: 48, ld: 4, noc: 14 });
    expect(countsAfter(130)).toEqual({ con: 42, lab: 62, ld: 6, noc: 20 });
    expect(countsAfter(150)).toEqual({ lab: 75, con: 45, noc: 21, ld: 9 });
  });

  it('counts councils elected by thirds or halves first, then London, then other all-out councils', () => {
    const councils = new Map(readCouncils2018(councilsCsv).map((council) => [council.gss, council]));
    const group = (id: string) => {
      const council = councils.get(id)!;
      return council.type === 'LBO' ? 1 : council.cycle === 'all-out' ? 2 : 0;
    };
    const groups = order.filter(([id]) => !councils.get(id)!.declaredAt).map(([id]) => group(id));
    expect(groups).toEqual([...groups].sort((a, b) => a - b));
    // 108 councils elected by thirds or halves, less Nuneaton and Bedworth and Oxford (known times).
    expect(groups.filter((g) => g === 0)).toHaveLength(106);
    // Within a group with known sizes, smallest first: Redditch (10 seats up) opens the night.
    expect(order[1]![0]).toBe('E07000236');
  });
});
