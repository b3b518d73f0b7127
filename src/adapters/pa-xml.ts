/**
 * What the two PA Media adapters share: reading the folder of XML files PA publishes on its FTP
 * server (file names, revisions, test files, the `.timestamp` signal file) and parsing each
 * file strictly.
 *
 * PA's conventions (election.pressassociation.com: "XML format", "Local Councils XML",
 * "First-past-the-post and PR Top-up XML"; test/fixtures/pa/README.md cites them):
 * - files are deposited in `nominations` and `results` folders, and a `.timestamp` file in each
 *   is rewritten with the seconds since the epoch ("1405942919.30267") whenever a file arrives;
 * - local council files are named `Local_{kind}_{Council name}[_{Revision}].xml`, and during
 *   PA's scheduled tests `Local_Test_{kind}_…`: same election, council and party ids;
 * - other elections' files are `{Election name}_{kind}_{Constituency name}_{Revision}.xml`, and
 *   test files start `Test_`; the state of parties is `{Election name}_All_SOP_{Number}.xml`;
 * - a message's revision is in its file name and in the message itself; a higher revision
 *   replaces a lower one (it may or may not change anything).
 *
 * fast-xml-parser reads the XML: pure JavaScript, no native code, maintained, and with a
 * validator that reports the line and column of a broken or cut-off file, which is what a
 * newsroom needs to hear at 3 a.m. It is Node-side only: src/index.ts (and so the browser
 * bundles) never imports this module.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { isoSeconds, zonedTimeToInstant } from './local-time.js';
import type { PartyDirectory } from './parties.js';
import { SourceError, type SourceFile, type SourceProblem } from './types.js';

/** Elements that may repeat, always read as arrays (a council with one party is still a list). */
const REPEATED = new Set(['Party', 'Council', 'Constituency', 'Candidate', 'PreviousElection']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  parseTagValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  isArray: (name) => REPEATED.has(name),
});

/** An element as parsed: attributes as text, child elements by name. */
export interface XmlElement {
  readonly [name: string]: string | XmlElement | XmlElement[] | undefined;
}

/** One PA file, recognised by its name and parsed. */
export interface PaFile {
  readonly source: string;
  /** The file name without its folders. */
  readonly fileName: string;
  readonly test: boolean;
  /** "nominations", "result", "rush", "recount", "SOP". */
  readonly kind: PaMessageKind;
  /** The council or constituency name in the file name ("Barnsley"), undefined for the SOP. */
  readonly area: string | undefined;
  /** The revision (or the SOP's number) from the file name, when it has one. */
  readonly nameRevision: number | undefined;
  /** The root element's name ("LocalElectionResult") and the element. */
  readonly rootName: string;
  readonly root: XmlElement;
}

export type PaMessageKind = 'nominations' | 'result' | 'rush' | 'recount' | 'SOP';

const LOCAL_NAME =
  /^Local_(Test_)?(nominations|result|rush|SOP)_(?:(.+?)_)?(\d+)\.xml$|^Local_(Test_)?(nominations|result|rush)_(.+)\.xml$/;
const ELECTION_NAME = /^(Test_)?(.+?)_(nominations|result|rush|recount)_(.+)_(\d+)\.xml$/;
const SOP_NAME = /^(Test_)?(.+?)_(?:All_)?SOP_(\d+)\.xml$/;

export interface PaFolder {
  readonly files: PaFile[];
  /** From `.timestamp`: when PA last deposited a file, as an ISO timestamp. */
  readonly timestamp: string | undefined;
  /** True when the files are PA's test files. */
  readonly test: boolean;
  readonly warnings: SourceProblem[];
}

const baseName = (name: string) => name.split(/[\\/]/).pop() ?? name;

/** Where in a file: "line 12, column 5". */
const position = (line: number, column: number) => `line ${line}, column ${column}`;

/** Parse one XML file, or throw a `SourceError` naming the line and column at fault. */
export function parsePaXml(file: SourceFile): { rootName: string; root: XmlElement } {
  const text = file.text.charCodeAt(0) === 0xfeff ? file.text.slice(1) : file.text;
  if (text.trim() === '')
    throw new SourceError({
      source: file.name,
      message: 'the file is empty',
      hint: 'PA may still be writing it: it is read again at the next change',
    });
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    const { line, col, msg } = valid.err;
    // A file still being written (or cut off) fails on its last line, or with elements left open.
    const lastLine = text.trimEnd().split('\n').length;
    const cutOff = line >= lastLine || /unclosed/i.test(msg);
    throw new SourceError({
      source: file.name,
      at: position(line, col),
      message: `not well-formed XML: ${msg}`,
      hint: cutOff
        ? 'the file ends too early: it may still be being written, or was cut off'
        : 'the file is damaged; fetch it again from PA',
    });
  }
  const document = parser.parse(text) as Record<string, unknown>;
  const names = Object.keys(document);
  if (names.length !== 1 || typeof document[names[0]!] !== 'object') {
    throw new SourceError({
      source: file.name,
      message: 'expected one root element',
      hint: 'is this a PA election XML file?',
    });
  }
  return { rootName: names[0]!, root: document[names[0]!] as XmlElement };
}

/**
 * Read PA's folder: recognise each file by name, parse the XML ones, read `.timestamp`. Files
 * whose names PA does not use are left out with a warning. Live and test files together are an
 * error: the night's feed must be one or the other.
 */
export function readPaFolder(sources: readonly SourceFile[], flavour: 'local' | 'election'): PaFolder {
  const files: PaFile[] = [];
  const warnings: SourceProblem[] = [];
  const problems: SourceProblem[] = [];
  let timestamp: string | undefined;
  for (const source of sources) {
    const fileName = baseName(source.name);
    if (fileName === '.timestamp') {
      const text = source.text.trim();
      if (/^\d{9,11}(?:\.\d+)?$/.test(text)) timestamp = isoSeconds(Math.floor(Number(text)) * 1000);
      else
        warnings.push({
          source: source.name,
          message: `does not hold seconds since the epoch ("${text.slice(0, 30)}"); ignored`,
        });
      continue;
    }
    const recognised = recogniseName(fileName, flavour);
    if (!recognised) {
      warnings.push({
        source: source.name,
        message: 'not a PA file name this adapter reads; ignored',
        hint:
          flavour === 'local'
            ? 'PA local files are named Local_[Test_]{nominations|result|rush|SOP}_…xml'
            : 'PA files are named [Test_]{Election}_{nominations|result|rush|recount}_{Constituency}_{Revision}.xml or …_All_SOP_{Number}.xml',
      });
      continue;
    }
    try {
      const { rootName, root } = parsePaXml(source);
      files.push({ source: source.name, fileName, ...recognised, rootName, root });
    } catch (error) {
      if (error instanceof SourceError) problems.push(...error.problems);
      else throw error;
    }
  }
  if (problems.length > 0) throw new SourceError(problems);
  const tests = new Set(files.map((file) => file.test));
  if (tests.size > 1) {
    const live = files.find((file) => !file.test)!;
    const test = files.find((file) => file.test)!;
    throw new SourceError({
      source: live.source,
      message: `a live file beside PA test files (such as ${test.fileName})`,
      hint: 'watch the live folder or the test folder, not both',
    });
  }
  files.sort((a, b) => (a.fileName < b.fileName ? -1 : a.fileName > b.fileName ? 1 : 0));
  return { files, timestamp, test: tests.has(true), warnings };
}

function recogniseName(
  fileName: string,
  flavour: 'local' | 'election',
): Pick<PaFile, 'test' | 'kind' | 'area' | 'nameRevision'> | undefined {
  if (flavour === 'local') {
    const match = LOCAL_NAME.exec(fileName);
    if (!match) return undefined;
    if (match[2])
      return {
        test: Boolean(match[1]),
        kind: match[2] as PaMessageKind,
        area: match[3],
        nameRevision: Number(match[4]),
      };
    return { test: Boolean(match[5]), kind: match[6] as PaMessageKind, area: match[7], nameRevision: undefined };
  }
  const sop = SOP_NAME.exec(fileName);
  if (sop) return { test: Boolean(sop[1]), kind: 'SOP', area: undefined, nameRevision: Number(sop[3]) };
  const match = ELECTION_NAME.exec(fileName);
  if (!match) return undefined;
  return { test: Boolean(match[1]), kind: match[3] as PaMessageKind, area: match[4], nameRevision: Number(match[5]) };
}

/** Child elements by name, always a list. */
export function children(element: XmlElement | undefined, name: string): XmlElement[] {
  const value = element?.[name];
  if (value === undefined) return [];
  if (Array.isArray(value)) return value;
  return typeof value === 'object' ? [value] : [];
}

/** The one child element of that name, or undefined. */
export function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return children(element, name)[0];
}

/** Reads attributes, reporting problems with the file and element they are in. */
export class AttributeReader {
  constructor(
    readonly file: PaFile,
    /** "<Council name=\"Barnsley\">": where problems are. */
    readonly at: string,
  ) {}

  fail(message: string, hint?: string): never {
    throw new SourceError({ source: this.file.source, at: this.at, message, ...(hint ? { hint } : {}) });
  }

  text(element: XmlElement, name: string, required: true): string;
  text(element: XmlElement, name: string, required?: boolean): string | undefined;
  text(element: XmlElement, name: string, required = false): string | undefined {
    const value = element[name];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
    if (required) this.fail(`the ${name} attribute is missing or blank`);
    return undefined;
  }

  /** A whole number (votes, seats, revisions), optionally signed ("+3", "-2"). */
  count(element: XmlElement, name: string, options: { signed?: boolean; required?: boolean } = {}): number | undefined {
    const value = this.text(element, name, options.required ?? false);
    if (value === undefined) return undefined;
    const pattern = options.signed ? /^[+-]?\d+$/ : /^\d+$/;
    if (!pattern.test(value)) this.fail(`${name}="${value}" is not a ${options.signed ? 'whole number' : 'count'}`);
    return Number(value);
  }

  /** A decimal number (percentages), optionally signed. */
  decimal(element: XmlElement, name: string, options: { signed?: boolean } = {}): number | undefined {
    const value = this.text(element, name);
    if (value === undefined) return undefined;
    const pattern = options.signed ? /^[+-]?\d+(?:\.\d+)?$/ : /^\d+(?:\.\d+)?$/;
    if (!pattern.test(value)) this.fail(`${name}="${value}" is not a ${options.signed ? 'signed ' : ''}number`);
    return Number(value);
  }

  /** "true"/"false" (PA also writes "yes"/"no" in some messages). */
  flag(element: XmlElement, name: string): boolean | undefined {
    const value = this.text(element, name);
    if (value === undefined) return undefined;
    if (/^(?:true|yes|1)$/i.test(value)) return true;
    if (/^(?:false|no|0)$/i.test(value)) return false;
    return this.fail(`${name}="${value}" is neither true nor false`);
  }

  /**
   * A declaration time: ISO 8601 with a zone, or PA's local time without one (read in
   * `timeZone`, Europe/London unless the config says otherwise).
   */
  time(element: XmlElement, name: string, timeZone: string): string | undefined {
    const value = this.text(element, name);
    if (value === undefined) return undefined;
    const withZone = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.exec(value);
    if (withZone) return isoSeconds(Date.parse(value));
    const local = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
    if (!local) this.fail(`${name}="${value}" is not a date and time`);
    const [, year, month, day, hour, minute, second] = local!.map((part) =>
      part === undefined ? undefined : Number(part),
    );
    return isoSeconds(
      zonedTimeToInstant(
        { year: year!, month: month!, day: day!, hour: hour!, minute: minute!, second: second ?? 0 },
        timeZone,
      ),
    );
  }
}

/**
 * The message's revision: the root's `revision` attribute, which must agree with the file
 * name's when both are given. Default 1 (PA numbers revisions from 1).
 */
export function revisionOf(file: PaFile): number {
  const reader = new AttributeReader(file, `<${file.rootName}>`);
  const inMessage = reader.count(file.root, 'revision');
  if (
    file.kind !== 'SOP' &&
    inMessage !== undefined &&
    file.nameRevision !== undefined &&
    inMessage !== file.nameRevision
  ) {
    reader.fail(
      `revision="${inMessage}" but the file name says revision ${file.nameRevision}`,
      'PA gives the same revision in both; the file may have been renamed',
    );
  }
  return inMessage ?? file.nameRevision ?? 1;
}

/** `"Barnsley" (Local_result_Barnsley_2.xml)` for messages. */
export const describeFile = (file: PaFile) => file.fileName;

/** PA's own abbreviations that no other source uses ("C" for the Conservatives). */
const PA_ABBREVIATIONS: Readonly<Record<string, string>> = { C: 'con', R: 'res' };

/**
 * Resolves PA's parties (`<Party paId name abbreviation>`) against the config's and the built-in
 * ones: by abbreviation, then by name. A party nobody lists becomes a party of its own, named as
 * PA names it, and is reported once so the newsroom can give it a colour in the config.
 */
export class PaParties {
  private readonly reported = new Set<string>();
  constructor(
    readonly directory: PartyDirectory,
    private readonly warnings: SourceProblem[],
  ) {}

  /** The party id for a `<Party>` element, or "noc" for PA's no overall control. */
  resolve(reader: AttributeReader, element: XmlElement): string {
    const abbreviation = reader.text(element, 'abbreviation');
    const name = reader.text(element, 'name');
    if (abbreviation === undefined && name === undefined)
      reader.fail('a <Party> has neither a name nor an abbreviation');
    return this.label(reader, abbreviation, name);
  }

  /** The party id for an abbreviation and/or name (winningParty="Lab"), "noc" for NOC. */
  label(reader: AttributeReader, abbreviation: string | undefined, name?: string): string {
    for (const label of [abbreviation, name]) {
      if (label === undefined) continue;
      if (/^(?:NOC|No overall control)$/i.test(label)) return 'noc';
      const viaPa = PA_ABBREVIATIONS[label];
      if (viaPa !== undefined) return this.directory.useId(viaPa).id;
      // Recorded with the label, which becomes one of the party's aliases in the feed.
      if (this.directory.match(label)) return this.directory.use(label).id;
    }
    const label = name ?? abbreviation!;
    const party = this.directory.use(label);
    if (!this.reported.has(party.id)) {
      this.reported.add(party.id);
      this.warnings.push({
        source: reader.file.source,
        at: reader.at,
        message: `party "${label}"${abbreviation && name ? ` (${abbreviation})` : ''} is not in the config; shown as '${party.id}' without a colour of its own`,
        hint: "add it to the config's parties[] (with its PA abbreviation among the aliases) to name and colour it",
      });
    }
    return party.id;
  }
}

/** One council's or constituency's message: its file, revision and element. */
export interface PaMessage {
  readonly file: PaFile;
  readonly revision: number;
  /** The `<Council>` or `<Constituency>`. */
  readonly area: XmlElement;
  readonly reader: AttributeReader;
}

export interface PaMessages {
  /** Per kind of message, per council or constituency: the latest revision. */
  readonly latest: ReadonlyMap<PaMessageKind, ReadonlyMap<string, PaMessage>>;
  /** The latest state of parties (the highest number). */
  readonly sop: PaFile | undefined;
  /** Polling day, from the messages' `<Election date>`. */
  readonly date: string | undefined;
}

/**
 * Sort a folder's messages by kind and area, keeping the latest revision of each (two different
 * files with one revision are an error), and check each holds what its name says.
 */
export function collectMessages(
  folder: PaFolder,
  roots: Readonly<Partial<Record<PaMessageKind, string>>>,
  areaTag: 'Council' | 'Constituency',
  keyAttribute: string,
): PaMessages {
  const latest = new Map<PaMessageKind, Map<string, PaMessage>>();
  let sop: { file: PaFile; number: number } | undefined;
  let date: string | undefined;
  for (const file of folder.files) {
    const expected = roots[file.kind];
    if (file.rootName !== expected) {
      throw new SourceError({
        source: file.source,
        at: `<${file.rootName}>`,
        message: `a ${file.kind} file should hold <${expected}>`,
        hint: 'the file name and its content disagree',
      });
    }
    if (file.kind === 'SOP') {
      const number = revisionOf(file);
      if (!sop || number > sop.number) sop = { file, number };
      continue;
    }
    const electionReader = new AttributeReader(file, '<Election>');
    const election = child(file.root, 'Election') ?? electionReader.fail('no <Election> element');
    const day = electionReader.text(election, 'date');
    if (day !== undefined) {
      if (!/^\d{4}-\d{2}-\d{2}/.test(day)) electionReader.fail(`date="${day}" is not a date`);
      if (date !== undefined && date !== day.slice(0, 10))
        electionReader.fail(
          `date="${day.slice(0, 10)}" differs from ${date} in other files`,
          'one election at a time: convert each separately',
        );
      date = day.slice(0, 10);
    }
    const areas = children(election, areaTag);
    if (areas.length !== 1) electionReader.fail(`expected one <${areaTag}>, found ${areas.length}`);
    const area = areas[0]!;
    const name = new AttributeReader(file, `<${areaTag}>`).text(area, 'name', true);
    const reader = new AttributeReader(file, `<${areaTag} name="${name}">`);
    const key = reader.text(area, keyAttribute) ?? name;
    const message: PaMessage = { file, revision: revisionOf(file), area, reader };
    let byArea = latest.get(file.kind);
    if (!byArea) latest.set(file.kind, (byArea = new Map()));
    const current = byArea.get(key);
    if (!current || message.revision > current.revision) byArea.set(key, message);
    else if (message.revision === current.revision && JSON.stringify(message.area) !== JSON.stringify(current.area)) {
      reader.fail(
        `revision ${message.revision} differs from ${current.file.fileName}, which has the same revision`,
        "PA gives every changed message a higher revision; one of the files is not PA's",
      );
    }
  }
  return { latest, sop: sop?.file, date };
}

/** Two areas with one id (two councils the config does not tell apart) cannot both be published. */
export function checkUniqueIds(areas: readonly { id: string; name: string }[], source: string, what: string): void {
  const ids = new Map<string, string>();
  for (const area of areas) {
    const other = ids.get(area.id);
    if (other !== undefined)
      throw new SourceError({
        source,
        message: `two ${what} (${other} and ${area.name}) have the id '${area.id}'`,
        hint: 'give them ids in the config',
      });
    ids.set(area.id, area.name);
  }
}

/** The state of parties' header: results so far, the total, and its `<Party>` rows with a reader for each. */
export function stateOfPartiesRows(
  file: PaFile,
  totalAttribute: string,
): { declared?: number; total?: number; rows: { element: XmlElement; reader: AttributeReader }[] } {
  const reader = new AttributeReader(file, `<${file.rootName}>`);
  const declared = reader.count(file.root, 'numberOfResults');
  const total = reader.count(file.root, totalAttribute);
  if (declared !== undefined && total !== undefined && declared > total)
    reader.fail(`numberOfResults="${declared}" is more than ${totalAttribute}="${total}"`);
  const list = children(child(file.root, 'Parties'), 'Party');
  if (list.length === 0) reader.fail('no <Parties><Party> in the state of parties');
  return {
    ...(declared !== undefined ? { declared } : {}),
    ...(total !== undefined ? { total } : {}),
    rows: list.map((element) => {
      const label = reader.text(element, 'abbreviation') ?? reader.text(element, 'name') ?? '?';
      return { element, reader: new AttributeReader(file, `<Parties><Party abbreviation="${label}">`) };
    }),
  };
}
