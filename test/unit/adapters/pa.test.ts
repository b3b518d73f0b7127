/**
 * The PA Media adapters on the fixtures in test/fixtures/pa/ (see its README for the
 * specification pages each follows). Expected figures are read from the fixture XML in the test,
 * not copied from the adapters' output.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { electionConfig, type ElectionConfigInput } from '../../../src/adapters/config.js';
import { paFptpAdapter } from '../../../src/adapters/pa-fptp.js';
import { paLocalAdapter } from '../../../src/adapters/pa-local.js';
import type { Adapter, SourceError, SourceFile } from '../../../src/adapters/types.js';
import { convertChecked, sourceProblems } from '../support/adapters.js';
import { areaOutcome } from '../../../src/derive/area-outcome.js';

const FIXTURES = new URL('../../fixtures/pa/', import.meta.url);
const NOW = '2029-05-04T06:00:00Z';
const folder = (name: string): SourceFile[] =>
  readdirSync(new URL(`${name}/`, FIXTURES))
    .sort()
    .map((file) => ({ name: `pa/${name}/${file}`, text: readFileSync(new URL(`${name}/${file}`, FIXTURES), 'utf8') }));
const config = (input: Partial<ElectionConfigInput> = {}) =>
  electionConfig({ election: { id: 'pa-test', title: 'PA test' }, ...input });

/** The fixture XML as plain objects (attributes without prefix), to compute expectations from. */
const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (name) => ['Party', 'Candidate'].includes(name),
});
const read = (name: string, file: string) =>
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests walk the parsed XML freely
  xml.parse(readFileSync(new URL(`${name}/${file}`, FIXTURES), 'utf8')) as Record<string, any>;

const convert = (adapter: Adapter, sources: SourceFile[], configUsed = config()) =>
  convertChecked(adapter, sources, configUsed, NOW);
const problemsOf = (run: () => unknown) => sourceProblems(run);

const PA_PARTY: Record<string, string> = { Lab: 'lab', C: 'con', LD: 'ld', Green: 'green', UKIP: 'ukip' };
const seatsOf = (
  parties: { abbreviation: string; seats?: string; change?: string }[],
  attribute: 'seats' | 'change' = 'seats',
) =>
  Object.fromEntries(
    parties.map((party) => [PA_PARTY[party.abbreviation] ?? party.abbreviation, Number(party[attribute])]),
  );

describe('pa-local on a local election night', () => {
  const { feed, warnings } = convert(paLocalAdapter, folder('local-night'));
  const sheffieldXml = read('local-night', 'Local_result_Sheffield_1.xml').LocalElectionResult.Election.Council;
  const sheffield = feed.areas.find((area) => area.name === 'Sheffield')!;

  it('gives each council the seats won, the change and the new council from the result', () => {
    const pick = (attribute: 'seats' | 'seatsChange' | 'seatsHeld') =>
      Object.fromEntries(
        sheffield
          .results!.filter((row) => row[attribute] !== undefined && (attribute !== 'seats' || row.seats! > 0))
          .map((row) => [row.party, row[attribute]]),
      );
    expect(pick('seats')).toEqual(seatsOf(sheffieldXml.ElectedCouncillors.Party));
    expect(pick('seatsChange')).toEqual(seatsOf(sheffieldXml.Changes.Party, 'change'));
    expect(pick('seatsHeld')).toEqual(seatsOf(sheffieldXml.NewCouncil.Party));
    expect(sheffield.seats!.total).toBe(
      sheffieldXml.NewCouncil.Party.reduce((sum: number, party: { seats: string }) => sum + Number(party.seats), 0),
    );
    expect(sheffield.type).toBe('Metropolitan borough');
  });

  it("takes control from sittingParty, winningParty and gainOrHold, PA's NOC included", () => {
    expect(areaOutcome(sheffield)).toEqual({ kind: 'hold', party: 'lab' });
    const trafford = feed.areas.find((area) => area.name === 'Trafford')!;
    expect(areaOutcome(trafford)).toEqual({ kind: 'lost-to-noc', from: 'con' });
    expect(trafford.control!.largestParty).toBe('lab');
  });

  it('measures the whole council against the seats held before, from the nominations', () => {
    const nominations = read('local-night', 'Local_nominations_Sheffield.xml').LocalElectionNominations.Election.Council
      .Party as { abbreviation: string; seatsHeld: string; seatsOffered: string }[];
    for (const row of sheffield.results!) {
      const before = nominations.find((party) => PA_PARTY[party.abbreviation] === row.party);
      expect(row.seatsHeldChange, row.party).toBe(row.seatsHeld! - Number(before?.seatsHeld ?? 0));
    }
    expect(sheffield.seats!.up).toBe(nominations.reduce((sum, party) => sum + Number(party.seatsOffered), 0));
  });

  it('keeps a council with nominations but no result awaiting, and lists a party nobody configured', () => {
    expect(feed.areas.find((area) => area.name === 'Barnsley')!.status).toBe('awaiting');
    expect(warnings.map((warning) => warning.message)).toEqual([
      expect.stringMatching(/^party "Barnsley Independent Group" \(BIG\) is not in the config/),
    ]);
  });

  it("carries PA's state of parties as the summary, the no overall control row included", () => {
    const sop = read('local-night', 'Local_SOP_2.xml').LocalStateOfParties;
    expect(feed.summary!.declared).toBe(Number(sop.numberOfResults));
    expect(feed.summary!.total).toBe(Number(sop.totalNumberOfCouncils));
    expect(feed.summary!.source).toEqual({ name: 'PA Media' });
    const noc = sop.Parties.Party.find((party: { abbreviation: string }) => party.abbreviation === 'NOC');
    expect(feed.summary!.parties.find((row) => row.party === 'noc')).toEqual({
      party: 'noc',
      councils: Number(noc.totalCouncils),
      councilsChange: Number(noc.changeInControl),
    });
  });

  it("dates the data from PA's .timestamp and the declaration from declarationTime", () => {
    const stamp = Number(readFileSync(new URL('local-night/.timestamp', FIXTURES), 'utf8'));
    expect(Date.parse(feed.meta.dataChangedAt)).toBe(Math.floor(stamp) * 1000);
    expect(sheffield.declaredAt).toBe(
      new Date(
        sheffieldXml.declarationTime ??
          read('local-night', 'Local_result_Sheffield_1.xml').LocalElectionResult.declarationTime,
      )
        .toISOString()
        .replace('.000Z', 'Z'),
    );
    expect(feed.meta.test).toBeUndefined();
  });

  it('is deterministic, whatever order the files come in', () => {
    expect(convert(paLocalAdapter, [...folder('local-night')].reverse()).feed).toEqual(feed);
  });
});

describe('pa-local test data and corrections', () => {
  it('marks a night of Local_Test_ files as test data', () => {
    const { feed } = convert(paLocalAdapter, folder('local-test'));
    expect(feed.meta.test).toBe(true);
    expect(feed.areas[0]!.status).toBe('declared');
  });

  it('refuses live and test files together', () => {
    expect(
      problemsOf(() => paLocalAdapter([...folder('local-night'), ...folder('local-test')], config(), { now: NOW })),
    ).toEqual([expect.stringMatching(/^pa\/local-night\/Local_SOP_2\.xml: a live file beside PA test files/)]);
  });

  it('uses the higher revision of a corrected result, in whatever order the files arrive', () => {
    const files = folder('local-correction');
    const corrected = read('local-correction', 'Local_result_Sheffield_2.xml').LocalElectionResult.Election.Council;
    const wrong = read('local-correction', 'Local_result_Sheffield_1.xml').LocalElectionResult.Election.Council;
    expect(seatsOf(corrected.ElectedCouncillors.Party)).not.toEqual(seatsOf(wrong.ElectedCouncillors.Party));
    for (const order of [files, [...files].reverse()]) {
      const area = convert(paLocalAdapter, order).feed.areas[0]!;
      expect(
        Object.fromEntries(area.results!.filter((row) => row.seats! > 0).map((row) => [row.party, row.seats])),
      ).toEqual(seatsOf(corrected.ElectedCouncillors.Party));
    }
    // Only the first revision: its figures.
    const first = convert(paLocalAdapter, files.slice(0, 1)).feed.areas[0]!;
    expect(
      Object.fromEntries(first.results!.filter((row) => row.seats! > 0).map((row) => [row.party, row.seats])),
    ).toEqual(seatsOf(wrong.ElectedCouncillors.Party));
  });
});

describe('pa-local problems', () => {
  const sheffieldText = folder('local-night').find((file) => file.name.endsWith('Local_result_Sheffield_1.xml'))!.text;
  const one =
    (text: string, name = 'Local_result_Sheffield_1.xml') =>
    () =>
      paLocalAdapter([{ name, text }], config(), { now: NOW });

  it('refuses a half-written file, naming the line and column', () => {
    const cut = sheffieldText.slice(0, Math.floor(sheffieldText.length * 0.6));
    const [problem] = problemsOf(one(cut));
    expect(problem).toMatch(/^Local_result_Sheffield_1\.xml line \d+, column \d+: not well-formed XML/);
    try {
      one(cut)();
    } catch (error) {
      expect((error as SourceError).problems[0]!.hint).toMatch(/ends too early/);
    }
    expect(problemsOf(one(''))).toEqual(['Local_result_Sheffield_1.xml: the file is empty']);
  });

  it('reads a declaration time without a zone as UK time', () => {
    const local = sheffieldText.replace(
      'declarationTime="2018-05-04T05:10:00+01:00"',
      'declarationTime="2018-05-04T05:10:00"',
    );
    expect(
      convert(paLocalAdapter, [{ name: 'Local_result_Sheffield_1.xml', text: local }]).feed.areas[0]!.declaredAt,
    ).toBe('2018-05-04T04:10:00Z');
    expect(
      problemsOf(
        one(sheffieldText.replace('declarationTime="2018-05-04T05:10:00+01:00"', 'declarationTime="ten past five"')),
      ),
    ).toEqual([
      'Local_result_Sheffield_1.xml <Council name="Sheffield">: declarationTime="ten past five" is not a date and time',
    ]);
  });

  it('refuses a hold whose winner is not the sitting party', () => {
    expect(problemsOf(one(sheffieldText.replace('sittingParty="Lab"', 'sittingParty="LD"')))).toEqual([
      'Local_result_Sheffield_1.xml <Council name="Sheffield">: gainOrHold="hold" but winningParty="Lab" and sittingParty="LD"',
    ]);
  });

  it('refuses a winning party without a majority of the new council', () => {
    // 30 + 22 + 6 + 3 = 61 seats: a majority is 31.
    expect(
      problemsOf(one(sheffieldText.replace('abbreviation="Lab" seats="53"', 'abbreviation="Lab" seats="30"'))),
    ).toEqual([
      `Local_result_Sheffield_1.xml <Council name="Sheffield">: winningParty="Lab" but the <NewCouncil> gives no party a majority of 31`,
    ]);
  });

  it('refuses more seats won than the config says are up, and bad numbers with their element', () => {
    const small = electionConfig({
      election: { id: 'x', title: 'X' },
      areas: [{ id: 'E08000019', name: 'Sheffield', seats: { total: 84, up: 27 } }],
    });
    expect(
      problemsOf(() =>
        paLocalAdapter([{ name: 'Local_result_Sheffield_1.xml', text: sheffieldText }], small, { now: NOW }),
      ),
    ).toEqual(['Local_result_Sheffield_1.xml <Council name="Sheffield">: 28 seats won, more than the 27 seats up']);
    expect(
      problemsOf(one(sheffieldText.replace('abbreviation="Lab" seats="16"', 'abbreviation="Lab" seats="sixteen"'))),
    ).toEqual([
      'Local_result_Sheffield_1.xml <Council name="Sheffield"> <ElectedCouncillors>: seats="sixteen" is not a count',
    ]);
  });

  it('refuses a revision in the message that disagrees with the file name, and a file whose content is another kind', () => {
    expect(problemsOf(one(sheffieldText, 'Local_result_Sheffield_3.xml'))).toEqual([
      'Local_result_Sheffield_3.xml <LocalElectionResult>: revision="1" but the file name says revision 3',
    ]);
    expect(problemsOf(one(sheffieldText, 'Local_rush_Sheffield_1.xml'))).toEqual([
      'Local_rush_Sheffield_1.xml <LocalElectionResult>: a rush file should hold <LocalElectionRush>',
    ]);
  });

  it("ignores files PA does not name that way, with a warning, and uses the config's ids and names", () => {
    const withConfig = config({ areas: [{ id: 'E08000019', name: 'Sheffield', type: 'Metropolitan district' }] });
    const { feed, warnings } = convert(
      paLocalAdapter,
      [
        { name: 'Local_result_Sheffield_1.xml', text: sheffieldText },
        { name: 'notes.txt', text: 'hello' },
      ],
      withConfig,
    );
    expect(feed.areas.map((area) => [area.id, area.type])).toEqual([['E08000019', 'Metropolitan district']]);
    expect(warnings.map((warning) => `${warning.source}: ${warning.message}`)).toEqual([
      'notes.txt: not a PA file name this adapter reads; ignored',
    ]);
  });
});

describe('pa-fptp on a general election night', () => {
  const { feed, warnings } = convert(paFptpAdapter, folder('fptp-night'));
  const byName = (name: string) => feed.areas.find((area) => area.name === name)!;

  it("declares a result with every candidate's figures, elected as PA says, from the highest revision", () => {
    const corrected = read('fptp-night', 'General_Election_result_Upton_North_2.xml').FirstPastThePostResult.Election
      .Constituency;
    const area = byName('Upton North');
    expect(area.status).toBe('declared');
    for (const candidate of corrected.Candidate) {
      const shown = area.candidates!.find((entry) => entry.id === String(candidate.paId))!;
      expect(shown.name).toBe(`${candidate.firstName} ${candidate.surname}`);
      expect(shown.votes).toBe(Number(candidate.Party[0].votes));
      expect(shown.share).toBe(Number(candidate.Party[0].percentageShare));
      expect(shown.shareChange).toBe(Number(candidate.Party[0].percentageShareChange));
      expect(shown.elected).toBe(candidate.elected === 'true');
    }
    expect(area.majority).toBe(Number(corrected.majority));
    expect(area.turnout).toBe(Number(corrected.percentageTurnout));
    expect(area.electorate).toBe(Number(corrected.electorate));
    expect(areaOutcome(area)).toEqual({ kind: 'gain', party: 'lab', from: 'con' });
  });

  it('declares a rush with its winner and control, and invents no figures', () => {
    const rush = byName('Downton');
    expect(rush.status).toBe('declared');
    expect(areaOutcome(rush)).toEqual({ kind: 'hold', party: 'con' });
    expect(
      rush.candidates!.every((candidate) => candidate.votes === undefined && candidate.elected === undefined),
    ).toBe(true);
    expect(rush.results!.every((row) => row.votes === undefined && row.share === undefined)).toBe(true);
    expect(rush.majority).toBeUndefined();
  });

  it('shows a recount notification as a recount, and nominations as awaiting with the candidates', () => {
    expect(byName('Middleton').status).toBe('recount');
    const eastwick = byName('Eastwick');
    expect(eastwick.status).toBe('awaiting');
    const nominated = read('fptp-night', 'General_Election_nominations_Eastwick_1.xml').FirstPastThePostNominations
      .Election.Constituency.Candidate;
    expect(eastwick.candidates!.map((candidate) => candidate.name).sort()).toEqual(
      nominated
        .map((candidate: { firstName: string; surname: string }) => `${candidate.firstName} ${candidate.surname}`)
        .sort(),
    );
  });

  it('carries the state of parties as the summary', () => {
    const sop = read('fptp-night', 'General_Election_All_SOP_2.xml').FirstPastThePostStateOfParties;
    expect(feed.summary!.declared).toBe(Number(sop.numberOfResults));
    expect(feed.summary!.total).toBe(Number(sop.totalNumberOfConstituencies));
    expect(feed.summary!.parties.map((row) => [row.party, row.seats, row.seatsChange, row.votes])).toEqual(
      sop.Parties.Party.map((party: Record<string, string>) => [
        PA_PARTY[party.abbreviation!],
        Number(party.seats),
        Number(party.change),
        Number(party.votes),
      ]),
    );
  });

  it('names parties the config does not know, once', () => {
    expect(warnings.filter((warning) => warning.message.includes('"Yorkshire Party"'))).toHaveLength(1);
    const named = convert(
      paFptpAdapter,
      folder('fptp-night'),
      config({ parties: [{ id: 'yorks', name: 'Yorkshire Party', colour: '#0b8fc2', aliases: ['Yorks'] }] }),
    );
    expect(named.warnings).toEqual([]);
    expect(named.feed.parties.find((party) => party.id === 'yorks')!.colour).toBe('#0b8fc2');
  });

  it('marks Test_ files as test data', () => {
    expect(convert(paFptpAdapter, folder('fptp-test')).feed.meta.test).toBe(true);
  });
});

describe('pa-fptp problems', () => {
  const resultText = folder('fptp-night').find((file) =>
    file.name.endsWith('General_Election_result_Upton_North_1.xml'),
  )!.text;
  const one =
    (text: string, name = 'General_Election_result_Upton_North_1.xml') =>
    () =>
      paFptpAdapter([{ name, text }], config(), { now: NOW });

  it('refuses two elected candidates, or an elected candidate behind another', () => {
    expect(
      problemsOf(one(resultText.replace('surname="Baker-1" elected="false"', 'surname="Baker-1" elected="true"'))),
    ).toEqual([
      'General_Election_result_Upton_North_1.xml <Constituency name="Upton North">: 2 candidates elected in a single-seat contest',
    ]);
    expect(problemsOf(one(resultText.replace('votes="17802"', 'votes="15000"')))).toEqual([
      'General_Election_result_Upton_North_1.xml <Constituency name="Upton North">: the elected candidate has 392 fewer votes than another',
    ]);
  });

  it('finds the elected candidate from winningParty when PA leaves out the flags, never from the votes', () => {
    const unflagged = resultText.replace(/ elected="(?:true|false)"/g, '');
    const area = convert(paFptpAdapter, [{ name: 'General_Election_result_Upton_North_1.xml', text: unflagged }]).feed
      .areas[0]!;
    expect(area.candidates!.filter((candidate) => candidate.elected).map((candidate) => candidate.party)).toEqual([
      'lab',
    ]);
  });

  it('refuses a gain that keeps the sitting party', () => {
    expect(problemsOf(one(resultText.replace('sittingParty="C"', 'sittingParty="Lab"')))).toEqual([
      'General_Election_result_Upton_North_1.xml <Constituency name="Upton North">: gainOrHold="gain" but the winner is \'lab\' and the sitting party \'lab\'',
    ]);
  });

  it('refuses a cut-off file and a same-revision file that differs', () => {
    expect(problemsOf(one(resultText.slice(0, resultText.length - 40)))[0]).toMatch(
      /line \d+, column \d+: not well-formed XML/,
    );
    expect(
      problemsOf(() =>
        paFptpAdapter(
          [
            { name: 'a/General_Election_result_Upton_North_1.xml', text: resultText },
            {
              name: 'b/General_Election_result_Upton_North_1.xml',
              text: resultText.replace('votes="1806"', 'votes="1805"'),
            },
          ],
          config(),
          { now: NOW },
        ),
      ),
    ).toEqual([
      expect.stringMatching(
        /revision 1 differs from General_Election_result_Upton_North_1\.xml, which has the same revision$/,
      ),
    ]);
  });
});
