/**
 * PA Media first-past-the-post XML (`tally convert pa-fptp`): a general election (or any
 * single-seat FPTP election PA covers this way: mayors, Scottish Parliament constituencies) from
 * PA's nominations, rushes, results, recount notifications and state of parties, to a feed with
 * one area per constituency and its candidates.
 *
 * Per constituency the latest message of each kind counts (a higher revision replaces a lower
 * one: a corrected result), and the kinds rank result > rush > recount > nominations:
 * - nominations (`FirstPastThePostNominations`): the candidates and their parties; awaiting;
 * - a recount notification (`Recount`): status recount;
 * - a rush (`FirstPastThePostRush`): the winner and the sitting party, known before the
 *   figures: declared, with the winner and control, and no figures (none are invented);
 * - a result (`FirstPastThePostResult`): every candidate's votes, share and share change,
 *   who was elected, turnout, majority, the declaration time.
 * The latest state of parties (`FirstPastThePostStateOfParties`, `…_All_SOP_{n}.xml`) becomes
 * the feed's `summary`.
 *
 * Who is elected comes from PA: the candidate's `elected` attribute, else the candidate of the
 * `winningParty`; never from ranking votes.
 */
import type { FeedInput } from '../feed/schema.js';
import { areaSlug, ConfigAreas } from './config.js';
import { awaitingArea, checkedFeed, feedMeta, feedParties, laterTime } from './feed-parts.js';
import { roundPercentage } from './hoc-csv.js';
import { knownPartiesWith, PartyDirectory } from './parties.js';
import {
  AttributeReader,
  checkUniqueIds,
  child,
  children,
  collectMessages,
  PaParties,
  readPaFolder,
  stateOfPartiesRows,
  type PaFile,
  type PaMessage,
  type XmlElement,
} from './pa-xml.js';
import { SourceError, type Adapter, type SourceProblem } from './types.js';

type AreaInput = FeedInput['areas'][number];
type CandidateInput = NonNullable<AreaInput['candidates']>[number];

const ROOTS: Readonly<Record<string, string>> = {
  nominations: 'FirstPastThePostNominations',
  result: 'FirstPastThePostResult',
  rush: 'FirstPastThePostRush',
  recount: 'Recount',
  SOP: 'FirstPastThePostStateOfParties',
};

type Message = PaMessage;

type Kind = 'nominations' | 'result' | 'rush' | 'recount';

export const paFptpAdapter: Adapter = (sources, config, options) => {
  if (sources.length === 0)
    throw new SourceError({
      source: '(no source)',
      message: 'no PA files given',
      hint: "point the adapter at PA's results (and nominations) folder",
    });
  const folder = readPaFolder(sources, 'election');
  const warnings: SourceProblem[] = [...folder.warnings];
  const timeZone = config.timeZone ?? 'Europe/London';
  const directory = new PartyDirectory(knownPartiesWith(config.parties));
  const parties = new PaParties(directory, warnings);
  const sourceNames = sources.map((source) => source.name).join(', ');

  const messages = collectMessages(folder, ROOTS, 'Constituency', 'number');
  const latest = (kind: Kind): ReadonlyMap<string, Message> => messages.latest.get(kind) ?? new Map();
  const { sop, date: electionDate } = messages;

  const configAreas = new ConfigAreas(config.areas);
  const keys = [
    ...new Set((['nominations', 'result', 'rush', 'recount'] as const).flatMap((kind) => [...latest(kind).keys()])),
  ];
  const areas: AreaInput[] = [];
  let lastChange: string | undefined;
  for (const key of keys) {
    const area = constituencyArea(
      latest('nominations').get(key),
      latest('result').get(key),
      latest('rush').get(key),
      latest('recount').get(key),
      configAreas,
      parties,
      timeZone,
    );
    if (area.declaredAt) lastChange = laterTime(lastChange, area.declaredAt);
    areas.push(area);
  }
  for (const entry of configAreas.unmatched()) {
    areas.push(awaitingArea(entry, { seats: { total: 1, up: 1, majority: 1 } }));
  }
  checkUniqueIds(areas, sourceNames, 'constituencies');
  areas.sort((a, b) => a.name.localeCompare(b.name, 'en') || (a.id < b.id ? -1 : 1));

  const summary = sop ? stateOfParties(sop, parties) : undefined;
  for (const party of config.parties) directory.useId(party.id);
  for (const area of areas) {
    const before = area.control?.before;
    if (before !== undefined && before !== 'noc') directory.useId(before);
  }
  const feed: FeedInput = {
    format: 'tally-feed/1',
    meta: feedMeta(
      config,
      options,
      {
        kind: 'general',
        areaType: 'constituency',
        date: electionDate,
        lastChange: folder.timestamp ?? lastChange,
        test: folder.test,
      },
      sourceNames,
    ),
    parties: feedParties(directory, config),
    areas,
    ...(summary ? { summary } : {}),
  };
  return { feed: checkedFeed(feed, sourceNames), warnings };
};

interface ReadCandidate {
  readonly candidate: CandidateInput;
  readonly party: string | undefined;
}

/** The candidates of a message, with their votes when it has them. */
function readCandidates(message: Message, parties: PaParties): ReadCandidate[] {
  return children(message.area, 'Candidate').map((element, index) => {
    const reader = new AttributeReader(message.file, `${message.reader.at} <Candidate> ${index + 1}`);
    const first = reader.text(element, 'firstName');
    const surname = reader.text(element, 'surname');
    const name =
      [first, surname].filter(Boolean).join(' ') ||
      reader.text(element, 'ballotName') ||
      reader.fail('the candidate has no name (firstName, surname or ballotName)');
    const partyElement = child(element, 'Party');
    const party = partyElement ? parties.resolve(reader, partyElement) : undefined;
    const votes = partyElement ? reader.count(partyElement, 'votes') : undefined;
    const share = partyElement ? reader.decimal(partyElement, 'percentageShare') : undefined;
    const shareChange = partyElement
      ? reader.decimal(partyElement, 'percentageShareChange', { signed: true })
      : undefined;
    const elected = reader.flag(element, 'elected');
    const id = reader.text(element, 'paId');
    return {
      party,
      candidate: {
        ...(id !== undefined ? { id } : {}),
        name,
        ...(party !== undefined ? { party } : {}),
        ...(votes !== undefined ? { votes } : {}),
        ...(share !== undefined ? { share } : {}),
        ...(shareChange !== undefined ? { shareChange } : {}),
        ...(elected !== undefined ? { elected } : {}),
      },
    };
  });
}

function constituencyArea(
  nomination: Message | undefined,
  result: Message | undefined,
  rush: Message | undefined,
  recount: Message | undefined,
  configAreas: ConfigAreas,
  parties: PaParties,
  timeZone: string,
): AreaInput {
  const main = (result ?? rush ?? recount ?? nomination)!;
  const paName = main.reader.text(main.area, 'name', true);
  const number = main.reader.text(main.area, 'number');
  const entry = configAreas.find(undefined, undefined, paName, number !== undefined ? `pa:${number}` : undefined);
  const id = entry?.id ?? areaSlug(paName);
  const electorate =
    main.reader.count(main.area, 'electorate') ??
    (nomination ? nomination.reader.count(nomination.area, 'electorate') : undefined);
  const base: AreaInput = {
    id,
    name: entry?.name ?? paName,
    ...(entry?.region ? { region: entry.region } : {}),
    ...(entry?.type ? { type: entry.type } : {}),
    seats: { total: 1, up: 1, majority: 1 },
    status: 'awaiting',
    ...(electorate !== undefined ? { electorate } : {}),
    ...(entry?.url ? { url: entry.url } : {}),
  };

  if (result) {
    const r = result.reader;
    const read = readCandidates(result, parties);
    if (read.length === 0) r.fail('a result with no <Candidate>');
    const winning = r.text(result.area, 'winningParty');
    const winner = winning !== undefined ? parties.label(r, winning) : undefined;
    // Elected: PA's own flag; else the winning party's candidate (one only).
    let candidates = read.map((entry) => entry.candidate);
    if (!candidates.some((candidate) => candidate.elected !== undefined)) {
      if (winner === undefined)
        r.fail('neither an elected candidate nor a winningParty', 'PA says who won; the file may be incomplete');
      const ofWinner = read.filter((entry) => entry.party === winner);
      if (ofWinner.length !== 1)
        r.fail(
          `winningParty="${winning}" matches ${ofWinner.length} candidates`,
          'PA marks the elected candidate; without it the winner must be the only candidate of the winning party',
        );
      candidates = read.map((entry) => ({ ...entry.candidate, elected: entry.party === winner }));
    }
    const elected = candidates.filter((candidate) => candidate.elected);
    if (elected.length !== 1) r.fail(`${elected.length} candidates elected in a single-seat contest`);
    const winnerParty = elected[0]!.party;
    if (winner !== undefined && winnerParty !== undefined && winnerParty !== winner)
      r.fail(`winningParty="${winning}" but the elected candidate stood for '${winnerParty}'`);
    const allVotes = candidates.every((candidate) => candidate.votes !== undefined);
    if (allVotes) {
      const top = Math.max(...candidates.map((candidate) => candidate.votes!));
      if (elected[0]!.votes! < top)
        r.fail(
          `the elected candidate has ${top - elected[0]!.votes!} fewer votes than another`,
          'check the elected flags; a tie decided by lot has equal votes, never fewer',
        );
      const totalVotes = candidates.reduce((sum, candidate) => sum + candidate.votes!, 0);
      // PA's shares are used as given; computed only where PA leaves them out.
      candidates = candidates.map((candidate) =>
        candidate.share === undefined && totalVotes > 0
          ? { ...candidate, share: roundPercentage((candidate.votes! / totalVotes) * 100) }
          : candidate,
      );
    }
    candidates.sort(
      (a, b) =>
        (b.votes ?? -1) - (a.votes ?? -1) ||
        Number(b.elected) - Number(a.elected) ||
        a.name.localeCompare(b.name, 'en'),
    );
    const byParty = new Map<string, { votes: number; share: number; shareChange?: number; seats: number }>();
    for (const candidate of candidates) {
      if (candidate.party === undefined) continue;
      const row = byParty.get(candidate.party) ?? { votes: 0, share: 0, seats: 0 };
      row.votes += candidate.votes ?? 0;
      row.share += candidate.share ?? 0;
      if (candidate.shareChange !== undefined) row.shareChange = (row.shareChange ?? 0) + candidate.shareChange;
      row.seats += candidate.elected ? 1 : 0;
      byParty.set(candidate.party, row);
    }
    const sitting = r.text(result.area, 'sittingParty');
    const before = sitting !== undefined ? parties.label(r, sitting) : entry?.controlBefore;
    checkGainOrHold(r, result.area, winnerParty, before);
    const majority = r.count(result.area, 'majority');
    const turnout = r.decimal(result.area, 'percentageTurnout');
    const declaredAt = r.time(result.file.root, 'declarationTime', timeZone);
    return {
      ...base,
      status: 'declared',
      ...(declaredAt ? { declaredAt } : {}),
      ...(winnerParty !== undefined
        ? { winner: winnerParty, control: { ...(before !== undefined ? { before } : {}), after: winnerParty } }
        : {}),
      results: [...byParty]
        .sort(([a, x], [b, y]) => y.votes - x.votes || y.seats - x.seats || (a < b ? -1 : 1))
        .map(([party, row]) => ({
          party,
          seats: row.seats,
          ...(allVotes ? { votes: row.votes, share: roundPercentage(row.share) } : {}),
          ...(row.shareChange !== undefined ? { shareChange: roundPercentage(row.shareChange) } : {}),
          ...(before !== undefined && before !== 'noc' ? { seatsChange: row.seats - (party === before ? 1 : 0) } : {}),
        })),
      candidates,
      ...(majority !== undefined ? { majority } : {}),
      ...(turnout !== undefined ? { turnout } : {}),
    };
  }

  if (rush) {
    const r = rush.reader;
    const winning = r.text(rush.area, 'winningPartyAbbreviation') ?? r.text(rush.area, 'winningParty');
    if (winning === undefined) r.fail('a rush without winningPartyAbbreviation', 'a rush names the winning party');
    const winner = parties.label(r, winning!, r.text(rush.area, 'winningPartyName'));
    const sittingLabel = r.text(rush.area, 'sittingPartyAbbreviation') ?? r.text(rush.area, 'sittingParty');
    const before =
      sittingLabel !== undefined
        ? parties.label(r, sittingLabel, r.text(rush.area, 'sittingPartyName'))
        : entry?.controlBefore;
    checkGainOrHold(r, rush.area, winner, before);
    const declaredAt = r.time(rush.file.root, 'declarationTime', timeZone);
    // The candidates as nominated, without figures: none are invented.
    const nominated = nomination ? readCandidates(nomination, parties).map((entry) => entry.candidate) : [];
    return {
      ...base,
      status: 'declared',
      ...(declaredAt ? { declaredAt } : {}),
      winner,
      control: { ...(before !== undefined ? { before } : {}), after: winner },
      results: [
        {
          party: winner,
          seats: 1,
          ...(before !== undefined && before !== 'noc' ? { seatsChange: before === winner ? 0 : 1 } : {}),
        },
        ...(before !== undefined && before !== 'noc' && before !== winner
          ? [{ party: before, seats: 0, seatsChange: -1 }]
          : []),
      ],
      ...(nominated.length > 0 ? { candidates: nominated.sort((a, b) => a.name.localeCompare(b.name, 'en')) } : {}),
      ...(rush.reader.text(rush.area, 'paStyleMessageText')
        ? { note: rush.reader.text(rush.area, 'paStyleMessageText')! }
        : {}),
    };
  }

  const nominated = nomination ? readCandidates(nomination, parties).map((entry) => entry.candidate) : [];
  for (const candidate of nominated) {
    if (candidate.votes !== undefined || candidate.elected !== undefined)
      nomination!.reader.fail(
        `the nomination of ${candidate.name} carries results`,
        'nominations list candidates only',
      );
  }
  const before = entry?.controlBefore;
  return {
    ...base,
    status: recount ? 'recount' : 'awaiting',
    ...(before !== undefined ? { control: { before } } : {}),
    ...(nominated.length > 0 ? { candidates: nominated.sort((a, b) => a.name.localeCompare(b.name, 'en')) } : {}),
    ...(!recount && entry?.expectedAt ? { expectedAt: entry.expectedAt } : {}),
  };
}

function checkGainOrHold(
  reader: AttributeReader,
  element: XmlElement,
  winner: string | undefined,
  before: string | undefined,
) {
  const gainOrHold = reader.text(element, 'gainOrHold');
  if (gainOrHold === undefined || winner === undefined || before === undefined) return;
  const hold = /^hold$/i.test(gainOrHold);
  if (!hold && !/^gain$/i.test(gainOrHold)) reader.fail(`gainOrHold="${gainOrHold}" is neither gain nor hold`);
  if (hold !== (winner === before))
    reader.fail(
      `gainOrHold="${gainOrHold}" but the winner is '${winner}' and the sitting party '${before}'`,
      'a hold keeps the sitting party, a gain changes it',
    );
}

/** PA's state of parties as the feed's summary. */
function stateOfParties(file: PaFile, parties: PaParties): NonNullable<FeedInput['summary']> {
  const { rows, ...counts } = stateOfPartiesRows(file, 'totalNumberOfConstituencies');
  return {
    ...counts,
    source: { name: 'PA Media' },
    parties: rows.map(({ element, reader }) => {
      const party = parties.resolve(reader, element);
      const seats = reader.count(element, 'seats');
      const seatsChange = reader.count(element, 'change', { signed: true });
      const votes = reader.count(element, 'votes');
      const share = reader.decimal(element, 'percentageShare');
      const shareChange = reader.decimal(element, 'percentageShareChange', { signed: true });
      if (seats === undefined && votes === undefined)
        reader.fail('gives neither seats nor votes', 'is this a state of parties?');
      return {
        party,
        ...(seats !== undefined ? { seats } : {}),
        ...(seatsChange !== undefined ? { seatsChange } : {}),
        ...(votes !== undefined ? { votes } : {}),
        ...(share !== undefined ? { share } : {}),
        ...(shareChange !== undefined ? { shareChange } : {}),
      };
    }),
  };
}
