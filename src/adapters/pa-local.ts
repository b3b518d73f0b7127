/**
 * PA Media local council XML (`tally convert pa-local`): PA's nominations, results, rushes and
 * state of parties for English, Scottish and Welsh councils, as deposited in PA's FTP folders,
 * to a feed with one area per council. PA covers councils as a whole, party by party (seats
 * won, change, the new council), not ward by ward.
 *
 * Per council the latest message of each kind counts (a higher revision replaces a lower one):
 * - nominations (`LocalElectionNominations`): the council, its type, and per party the seats
 *   held before and the seats it defends ("offered"): the council awaits its result;
 * - a rush (`LocalElectionRush`): who controls the council, declared before the figures: the
 *   council is declared with its control and no figures (none are invented);
 * - a result (`LocalElectionResult`): control before and after (`sittingParty`,
 *   `winningParty`, `gainOrHold`), seats won per party (`ElectedCouncillors`), change
 *   (`Changes`) and the whole council after (`NewCouncil`), the declaration time.
 * The latest state of parties (`LocalStateOfParties`, `Local_SOP_{n}.xml`) becomes the feed's
 * `summary`: PA's own totals, shown as published.
 *
 * Test files (`Local_Test_…`) make a test feed (`meta.test`). A message that contradicts itself
 * (a hold whose winner is not the sitting party, a "winning party" without a majority in the new
 * council, more seats won than are up) is a `SourceError` naming the file and element.
 */
import { NO_OVERALL_CONTROL, type FeedInput } from '../feed/schema.js';
import { areaSlug, ConfigAreas, type ConfigArea } from './config.js';
import { awaitingArea, checkedFeed, feedMeta, feedParties, laterTime } from './feed-parts.js';
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
} from './pa-xml.js';
import { SourceError, type Adapter, type SourceProblem } from './types.js';

type AreaInput = FeedInput['areas'][number];
type PartyResultInput = NonNullable<AreaInput['results']>[number];

/** PA's council types, as the feed's `type` says them. */
export const PA_COUNCIL_TYPES: Readonly<Record<string, string>> = {
  Unitary: 'Unitary authority',
  Metro: 'Metropolitan borough',
  'Non-met': 'District',
  London: 'London borough',
  England: 'County council',
  Scotland: 'Scottish council',
  Wales: 'Welsh council',
};

const ROOTS: Readonly<Record<string, string>> = {
  nominations: 'LocalElectionNominations',
  result: 'LocalElectionResult',
  rush: 'LocalElectionRush',
  SOP: 'LocalStateOfParties',
};

type Message = PaMessage;

export const paLocalAdapter: Adapter = (sources, config, options) => {
  if (sources.length === 0)
    throw new SourceError({
      source: '(no source)',
      message: 'no PA files given',
      hint: "point the adapter at PA's results (and nominations) folder",
    });
  const folder = readPaFolder(sources, 'local');
  const warnings: SourceProblem[] = [...folder.warnings];
  const timeZone = config.timeZone ?? 'Europe/London';
  const directory = new PartyDirectory(knownPartiesWith(config.parties));
  const parties = new PaParties(directory, warnings);
  const sourceNames = sources.map((source) => source.name).join(', ');

  const { latest, sop, date: electionDate } = collectMessages(folder, ROOTS, 'Council', 'paId');
  const nominations = latest.get('nominations') ?? new Map<string, Message>();
  const results = latest.get('result') ?? new Map<string, Message>();
  const rushes = latest.get('rush') ?? new Map<string, Message>();

  const configAreas = new ConfigAreas(config.areas);
  const areas: AreaInput[] = [];
  let lastChange: string | undefined;
  const keys = [...new Set([...nominations.keys(), ...results.keys(), ...rushes.keys()])];
  for (const key of keys) {
    const area = councilArea(nominations.get(key), results.get(key), rushes.get(key), configAreas, parties, timeZone);
    if (area.declaredAt) lastChange = laterTime(lastChange, area.declaredAt);
    areas.push(area);
  }
  // Councils in the config that PA has sent nothing for yet.
  for (const entry of configAreas.unmatched()) areas.push(awaitingArea(entry));
  checkUniqueIds(areas, sourceNames, 'councils');
  areas.sort((a, b) => a.name.localeCompare(b.name, 'en') || (a.id < b.id ? -1 : 1));

  const summary = sop ? stateOfParties(sop, parties) : undefined;
  for (const party of config.parties) directory.useId(party.id);
  for (const area of areas) {
    const before = area.control?.before;
    if (before !== undefined && before !== NO_OVERALL_CONTROL) directory.useId(before);
  }
  const feed: FeedInput = {
    format: 'tally-feed/1',
    meta: feedMeta(
      config,
      options,
      {
        kind: 'local',
        areaType: 'council',
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

/** Seats per party in `<Party … seats="n">` elements (or another attribute); undefined when the container is absent. */
function seatsByParty(
  message: Message,
  container: string | undefined,
  attribute: string,
  parties: PaParties,
  signed = false,
  required = true,
): Map<string, number> | undefined {
  const holder = container === undefined ? message.area : child(message.area, container);
  if (!holder) return undefined;
  const seats = new Map<string, number>();
  const reader = new AttributeReader(
    message.file,
    container === undefined ? message.reader.at : `${message.reader.at} <${container}>`,
  );
  for (const party of children(holder, 'Party')) {
    const id = parties.resolve(reader, party);
    const value = reader.count(party, attribute, { signed, required });
    if (seats.has(id)) reader.fail(`party '${id}' is listed twice`);
    if (value !== undefined) seats.set(id, value);
  }
  return required || seats.size > 0 ? seats : undefined;
}

const sum = (values: Iterable<number>) => {
  let total = 0;
  for (const value of values) total += value;
  return total;
};

function councilArea(
  nomination: Message | undefined,
  result: Message | undefined,
  rush: Message | undefined,
  configAreas: ConfigAreas,
  parties: PaParties,
  timeZone: string,
): AreaInput {
  const main = (result ?? rush ?? nomination)!;
  const reader = main.reader;
  const paName = reader.text(main.area, 'name', true);
  const entry: ConfigArea | undefined = configAreas.find(undefined, undefined, paName);
  const id = entry?.id ?? areaSlug(paName);
  const paType = reader.text(main.area, 'type');
  const type = entry?.type ?? (paType !== undefined ? (PA_COUNCIL_TYPES[paType] ?? paType) : undefined);

  // Before the election, from the nominations: seats held and seats defended per party.
  const heldBefore = nomination ? seatsByParty(nomination, undefined, 'seatsHeld', parties, false, false) : undefined;
  const defended = nomination ? seatsByParty(nomination, undefined, 'seatsOffered', parties, false, false) : undefined;

  const won = result ? seatsByParty(result, 'ElectedCouncillors', 'seats', parties) : undefined;
  const change = result ? seatsByParty(result, 'Changes', 'change', parties, true) : undefined;
  const after = result ? seatsByParty(result, 'NewCouncil', 'seats', parties) : undefined;

  const total = entry?.seats?.total ?? (after ? sum(after.values()) : undefined);
  const up =
    entry?.seats?.up ?? (won ? sum(won.values()) : defended && defended.size > 0 ? sum(defended.values()) : undefined);
  const majority = entry?.seats?.majority ?? (total !== undefined ? Math.floor(total / 2) + 1 : undefined);
  if (won && up !== undefined && sum(won.values()) > up)
    result!.reader.fail(
      `${sum(won.values())} seats won, more than the ${up} seats up`,
      'correct seats.up in the config, or ask PA',
    );
  if (after && total !== undefined && sum(after.values()) > total)
    result!.reader.fail(
      `the new council has ${sum(after.values())} seats, more than the council's ${total}`,
      'correct seats.total in the config, or ask PA',
    );

  // Control, from the declaring message: result, else rush.
  const declaring = result ?? rush;
  let control: AreaInput['control'];
  let declaredAt: string | undefined;
  if (declaring) {
    const r = declaring.reader;
    const winning = r.text(declaring.area, 'winningParty');
    const sitting = r.text(declaring.area, 'sittingParty');
    const gainOrHold = r.text(declaring.area, 'gainOrHold');
    const afterControl = winning !== undefined ? parties.label(r, winning) : undefined;
    const beforeControl = sitting !== undefined ? parties.label(r, sitting) : entry?.controlBefore;
    if (gainOrHold !== undefined && afterControl !== undefined && beforeControl !== undefined) {
      const hold = /^hold$/i.test(gainOrHold);
      if (!hold && !/^gain$/i.test(gainOrHold)) r.fail(`gainOrHold="${gainOrHold}" is neither gain nor hold`);
      if (hold !== (afterControl === beforeControl)) {
        r.fail(
          `gainOrHold="${gainOrHold}" but winningParty="${winning}" and sittingParty="${sitting ?? entry?.controlBefore}"`,
          'a hold keeps the sitting party, a gain changes it',
        );
      }
    }
    if (after && afterControl !== undefined && majority !== undefined) {
      const majorityParty = [...after].find(([, seats]) => seats >= majority)?.[0] ?? NO_OVERALL_CONTROL;
      if (majorityParty !== afterControl) {
        r.fail(
          `winningParty="${winning}" but the <NewCouncil> gives ${majorityParty === NO_OVERALL_CONTROL ? 'no party' : `'${majorityParty}'`} a majority of ${majority}`,
          'check the council size in the config (seats.total)',
        );
      }
    }
    let largestParty: string | string[] | undefined;
    if (after && after.size > 0) {
      const most = Math.max(...after.values());
      const largest = [...after]
        .filter(([, seats]) => seats === most)
        .map(([party]) => party)
        .sort();
      largestParty = largest.length === 1 ? largest[0]! : largest;
    }
    control = {
      ...(beforeControl !== undefined ? { before: beforeControl } : {}),
      ...(afterControl !== undefined ? { after: afterControl } : {}),
      ...(largestParty !== undefined ? { largestParty } : {}),
    };
    declaredAt =
      r.time(declaring.file.root, 'declarationTime', timeZone) ?? r.time(declaring.area, 'declarationTime', timeZone);
  } else if (entry?.controlBefore !== undefined) control = { before: entry.controlBefore };

  // Per party: what the result gives, and the seats held before where the nominations say.
  let partyResults: PartyResultInput[] | undefined;
  if (result) {
    const ids = new Set([...(won?.keys() ?? []), ...(change?.keys() ?? []), ...(after?.keys() ?? [])]);
    partyResults = [...ids]
      .map((party) => ({
        party,
        ...(won ? { seats: won.get(party) ?? 0 } : {}),
        ...(change ? { seatsChange: change.get(party) ?? 0 } : {}),
        ...(after ? { seatsHeld: after.get(party) ?? 0 } : {}),
        ...(after && heldBefore ? { seatsHeldChange: (after.get(party) ?? 0) - (heldBefore.get(party) ?? 0) } : {}),
      }))
      .sort(
        (a, b) =>
          (b.seatsHeld ?? 0) - (a.seatsHeld ?? 0) || (b.seats ?? 0) - (a.seats ?? 0) || (a.party < b.party ? -1 : 1),
      );
  }

  return {
    id,
    name: entry?.name ?? paName,
    ...(type ? { type } : {}),
    ...(entry?.region ? { region: entry.region } : {}),
    ...(total !== undefined || up !== undefined
      ? {
          seats: {
            ...(total !== undefined ? { total } : {}),
            ...(up !== undefined ? { up } : {}),
            ...(majority !== undefined ? { majority } : {}),
          },
        }
      : {}),
    status: declaring ? 'declared' : 'awaiting',
    ...(declaredAt ? { declaredAt } : {}),
    ...(control && Object.keys(control).length > 0 ? { control } : {}),
    ...(partyResults && partyResults.length > 0 ? { results: partyResults } : {}),
    ...(!declaring && entry?.expectedAt ? { expectedAt: entry.expectedAt } : {}),
    ...(entry?.url ? { url: entry.url } : {}),
  };
}

/** PA's state of parties as the feed's summary. */
function stateOfParties(file: PaFile, parties: PaParties): NonNullable<FeedInput['summary']> {
  const { rows, ...counts } = stateOfPartiesRows(file, 'totalNumberOfCouncils');
  return {
    ...counts,
    source: { name: 'PA Media' },
    parties: rows.map(({ element, reader }) => {
      const party = parties.resolve(reader, element);
      const councils = reader.count(element, 'totalCouncils');
      const councilsChange = reader.count(element, 'changeInControl', { signed: true });
      const seats = reader.count(element, 'seats');
      const seatsChange = reader.count(element, 'change', { signed: true });
      if (councils === undefined && seats === undefined)
        reader.fail('gives neither totalCouncils nor seats', 'is this a local state of parties?');
      return {
        party,
        ...(councils !== undefined ? { councils } : {}),
        ...(councilsChange !== undefined ? { councilsChange } : {}),
        ...(seats !== undefined ? { seats } : {}),
        ...(seatsChange !== undefined ? { seatsChange } : {}),
      };
    }),
  };
}
