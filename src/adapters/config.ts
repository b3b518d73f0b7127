/**
 * The election config file (`tally convert … --config night.json`): what the sources do not
 * say. Election title and date, the baseline label, party names, colours and the labels sources
 * use for them, and per area (a council, a ward, a constituency) its size, the seats up, who
 * controlled it and how its seats stood before the election. docs/data-in.md documents every
 * field; templates/night.json is a worked example.
 *
 * Validated with valibot like the feed (field schemas are the feed's own where the meaning is
 * the same), but strictly: an unknown field is a typo until proven otherwise, so it is an error
 * with a hint rather than something silently ignored on the night. Every problem names its JSON
 * path ("areas[3].seatsBefore.lab") and says what to do, thrown together as one `SourceError`.
 */
import * as v from 'valibot';
import {
  AREA_TYPES,
  AreaSchema,
  BaselineSchema,
  ELECTION_KINDS,
  NO_OVERALL_CONTROL,
  PartySchema,
  type AreaType,
  type ElectionKind,
} from '../feed/schema.js';
import { isFeedColour, isWebLink } from '../feed/sanitise.js';
import { normaliseLabel, slugWords, UK_PARTIES } from './parties.js';
import { SourceError, type SourceProblem } from './types.js';

const MAX_SEATS = 100_000;

const text = (max: number) =>
  v.pipe(
    v.string('must be text'),
    v.regex(/\S/, 'must not be blank'),
    v.maxLength(max, `must be at most ${max} characters`),
  );
const count = (what: string) =>
  v.pipe(
    v.number(`must be a number of ${what}`),
    v.integer('must be a whole number'),
    v.minValue(0, 'must not be negative'),
    v.maxValue(MAX_SEATS, `must be at most ${MAX_SEATS}`),
  );
const PartyId = PartySchema.entries.id;
const AreaId = AreaSchema.entries.id;
/** Party id → seats. Keys are checked against the parties after the shape. */
const SeatsByParty = v.record(v.string(), count('seats'));
const Colour = v.pipe(
  v.string('must be text'),
  v.check<string, string>((value) => isFeedColour(value), 'must be a colour as #rgb or #rrggbb'),
);
const Timestamp = v.pipe(
  v.string('must be text'),
  v.isoTimestamp('must be an ISO 8601 timestamp with a time zone, such as 2026-05-08T02:30:00+01:00'),
);
const TimeZone = v.pipe(
  v.string('must be text'),
  v.check((zone) => {
    try {
      new Intl.DateTimeFormat('en-GB', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'must be an IANA time zone such as Europe/London'),
);

const ElectionSection = v.strictObject({
  /** Also the published file's name: `<id>.json`. */
  id: v.pipe(
    v.string('must be text'),
    v.regex(
      /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/,
      'must be 1-100 letters, digits, ".", "_" or "-", starting with a letter or digit',
    ),
  ),
  title: text(300),
  /** Polling day; sources that carry their own date may leave it out. */
  date: v.optional(v.pipe(v.string('must be text'), v.isoDate('must be a date as YYYY-MM-DD'))),
  kind: v.optional(v.picklist(ELECTION_KINDS, `must be one of ${ELECTION_KINDS.join(', ')}`)),
  areaType: v.optional(v.picklist(AREA_TYPES, `must be one of ${AREA_TYPES.join(', ')}`)),
  country: v.optional(
    v.pipe(v.string('must be text'), v.regex(/^[A-Z]{2}$/, 'must be an ISO 3166 alpha-2 code such as GB')),
  ),
  /** All seats being elected. */
  seats: v.optional(count('seats')),
  /** Seats needed for a majority of the chamber. */
  majority: v.optional(count('seats')),
});

const PartySection = v.strictObject({
  id: PartyId,
  name: text(200),
  shortName: v.optional(text(60)),
  colour: v.optional(Colour),
  colourDark: v.optional(Colour),
  /** Labels sources use for this party ("Labour and Co-operative Party"), besides its name and short name. */
  aliases: v.optional(v.array(text(200), 'must be a list of labels')),
});

const AreaSection = v.strictObject({
  /** The area's id in the feed (a GSS code); also how a source's area is matched. */
  id: v.optional(AreaId),
  /** The area's name in the feed; also how a source's area is matched when ids differ. */
  name: v.optional(text(200)),
  /** Other names sources use for this area ("sheffield", "Sheffield City Council"). */
  aliases: v.optional(v.array(text(200), 'must be a list of names')),
  type: v.optional(text(100)),
  region: v.optional(text(200)),
  /** The id of the area this one belongs to (a ward's council). */
  parent: v.optional(AreaId),
  seats: v.optional(
    v.strictObject({
      total: v.optional(count('seats')),
      up: v.optional(count('seats')),
      majority: v.optional(count('seats')),
    }),
  ),
  /** A party id or "noc". */
  controlBefore: v.optional(v.pipe(v.string('must be text'), v.minLength(1, 'must not be empty'))),
  /** The whole council before the election: seats held per party. */
  seatsBefore: v.optional(SeatsByParty),
  /** The seats up at this election, by the party that held each before. */
  defending: v.optional(SeatsByParty),
  /** When the result is expected, for "awaiting". */
  expectedAt: v.optional(Timestamp),
  url: v.optional(
    v.pipe(
      v.string('must be text'),
      v.check<string, string>((value) => isWebLink(value), 'must be an http(s) link'),
    ),
  ),
});

export const ElectionConfigSchema = v.strictObject({
  /** Editors' schema hint; ignored. */
  $schema: v.optional(v.string()),
  election: ElectionSection,
  baseline: v.optional(
    v.strictObject({
      label: BaselineSchema.entries.label,
      election: BaselineSchema.entries.election,
      notional: BaselineSchema.entries.notional,
    }),
  ),
  publisher: v.optional(
    v.strictObject({
      name: text(200),
      url: v.optional(
        v.pipe(
          v.string('must be text'),
          v.check<string, string>((value) => isWebLink(value), 'must be an http(s) link'),
        ),
      ),
    }),
  ),
  pollInterval: v.optional(
    v.pipe(
      v.number('must be a number of seconds'),
      v.minValue(1, 'must be at least 1 second'),
      v.maxValue(86_400, 'must be at most a day'),
    ),
  ),
  test: v.optional(v.boolean('must be true or false')),
  note: v.optional(text(1000)),
  /** The time zone of clock times in the sources (PA, the sheet). Default Europe/London. */
  timeZone: v.optional(TimeZone),
  parties: v.optional(v.array(PartySection, 'must be a list of parties'), []),
  areas: v.optional(v.array(AreaSection, 'must be a list of areas'), []),
});

export type ElectionConfig = v.InferOutput<typeof ElectionConfigSchema>;
export type ElectionConfigInput = v.InferInput<typeof ElectionConfigSchema>;
export type ConfigParty = ElectionConfig['parties'][number];
export type ConfigArea = ElectionConfig['areas'][number];
export type { AreaType, ElectionKind };

/** Hints per field, for the problems the shape check finds. */
const FIELD_HINTS: Record<string, string> = {
  'election.id': 'the id names the published file (<id>.json): use something like "locals-2026"',
  'election.date': 'write polling day as YYYY-MM-DD, e.g. 2026-05-07',
  colour: 'write colours as #rgb or #rrggbb, e.g. "#E4003B"',
  colourDark: 'write colours as #rgb or #rrggbb, e.g. "#FF3355"',
  id: 'ids are lower-case letters, digits, "_" or "-", starting with a letter (party) or a code such as E08000019 (area)',
  controlBefore: `use a party id from parties[] (or a built-in one) or "${NO_OVERALL_CONTROL}" for no overall control`,
  timeZone: 'use a name from the IANA time zone database, e.g. Europe/London',
};

function keysOf(schema: v.GenericSchema | undefined): string[] | undefined {
  const entries = (schema as { entries?: Record<string, unknown> } | undefined)?.entries;
  return entries ? Object.keys(entries).filter((key) => key !== '$schema') : undefined;
}

/** The object schema at a path of keys, to list the fields it takes. */
function schemaAt(path: readonly (string | number)[]): v.GenericSchema | undefined {
  let schema: unknown = ElectionConfigSchema;
  for (const key of path) {
    let node = schema as { type?: string; wrapped?: unknown; item?: unknown; entries?: Record<string, unknown> };
    while (node.type === 'optional') node = node.wrapped as typeof node;
    if (typeof key === 'number') schema = node.item;
    else schema = node.entries?.[key];
    if (schema === undefined) return undefined;
  }
  let node = schema as { type?: string; wrapped?: unknown };
  while (node.type === 'optional') node = node.wrapped as typeof node;
  return node as v.GenericSchema;
}

function jsonPath(path: readonly (string | number)[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(key)) text += text ? `.${key}` : key;
    else text += `[${JSON.stringify(key)}]`;
  }
  return text;
}

function shapeProblem(issue: v.BaseIssue<unknown>, source: string): SourceProblem {
  const keys = (issue.path ?? []).map((item) => (item as { key: string | number }).key);
  const at = jsonPath(keys);
  const last = keys[keys.length - 1];
  if (issue.type === 'strict_object' && issue.expected === 'never') {
    const parentKeys = keysOf(schemaAt(keys.slice(0, -1)));
    return {
      source,
      at,
      message: `unknown field "${String(last)}"`,
      hint: `check the spelling${parentKeys ? `; the fields here are ${parentKeys.join(', ')}` : ''}`,
    };
  }
  if (issue.kind === 'schema' && issue.received === 'undefined') {
    return { source, at, message: 'is required', hint: `add "${String(last)}"` };
  }
  const fieldHint =
    FIELD_HINTS[keys.filter((key) => typeof key === 'string').join('.')] ??
    (typeof last === 'string' ? FIELD_HINTS[last] : undefined);
  return { source, at, message: issue.message, ...(fieldHint ? { hint: fieldHint } : {}) };
}

/** "line 3, column 14" for a character offset. */
export function lineAndColumn(text: string, offset: number): string {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line += 1;
      start = i + 1;
    }
  }
  return `line ${line}, column ${offset - start + 1}`;
}

/**
 * Parse JSON text, or throw a `SourceError` citing the line and column of the syntax error. A
 * leading byte-order mark (Windows editors write one) is skipped.
 */
export function parseJsonSource(text: string, source: string, what = 'JSON'): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '')
    throw new SourceError({ source, message: `the file is empty`, hint: `it should hold ${what}` });
  try {
    return JSON.parse(body);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /at position (\d+)/.exec(message);
    const offset = position ? Number(position[1]) : undefined;
    // A file cut off mid-write fails where the text runs out.
    const truncated =
      /Unexpected end of JSON input/i.test(message) || (offset !== undefined && offset >= body.trimEnd().length);
    throw new SourceError({
      source,
      ...(offset !== undefined ? { at: lineAndColumn(body, offset) } : {}),
      message: `not valid JSON: ${message.replace(/ in JSON at position \d+.*$/, '')}`,
      hint: truncated
        ? 'the file ends too early: it may still be being written, or was cut off'
        : `check the ${what} near this point`,
    });
  }
}

/** Cross-checks the shape cannot express: ids unique, parties known, seats adding up. */
function checkConfig(config: ElectionConfig, source: string): SourceProblem[] {
  const problems: SourceProblem[] = [];
  const report = (at: string, message: string, hint?: string) =>
    problems.push({ source, at, message, ...(hint ? { hint } : {}) });

  const partyIds = new Set(UK_PARTIES.map((party) => party.id));
  const configIds = new Set<string>();
  config.parties.forEach((party, i) => {
    if (party.id === NO_OVERALL_CONTROL)
      report(`parties[${i}].id`, `"${NO_OVERALL_CONTROL}" is reserved for no overall control`, 'use another id');
    else if (configIds.has(party.id))
      report(`parties[${i}].id`, `party '${party.id}' is listed twice`, 'merge the two entries');
    configIds.add(party.id);
    partyIds.add(party.id);
  });
  const knownParty = (id: string, at: string) => {
    if (!partyIds.has(id)) {
      report(
        at,
        `unknown party '${id}'`,
        `add it to parties[] or use a built-in id (${UK_PARTIES.map((party) => party.id).join(', ')})`,
      );
      return false;
    }
    return true;
  };

  const areaIds = new Map<string, number>();
  const areaNames = new Map<string, number>();
  config.areas.forEach((area, i) => {
    const at = `areas[${i}]`;
    if (area.id === undefined && area.name === undefined)
      report(at, 'an area needs an id or a name', 'add "id" (a GSS code) or "name" as the source writes it');
    if (area.id !== undefined) {
      if (areaIds.has(area.id))
        report(`${at}.id`, `area '${area.id}' is also areas[${areaIds.get(area.id)}]`, 'merge the two entries');
      else areaIds.set(area.id, i);
      if (area.parent === area.id)
        report(`${at}.parent`, 'an area cannot be its own parent', 'name the council this area belongs to');
    }
    // Two councils may each have a "Central" ward: names tell areas apart within one parent.
    for (const name of [area.name, ...(area.aliases ?? [])]) {
      if (name === undefined) continue;
      const key = `${area.parent ?? ''}\n${normaliseLabel(name)}`;
      const other = areaNames.get(key);
      if (other !== undefined && other !== i)
        report(
          `${at}.name`,
          `the name "${name}" is also used by areas[${other}]${area.parent ? ` under '${area.parent}'` : ''}`,
          'names and aliases must tell areas apart',
        );
      else areaNames.set(key, i);
    }
    if (area.controlBefore !== undefined && area.controlBefore !== NO_OVERALL_CONTROL)
      knownParty(area.controlBefore, `${at}.controlBefore`);
    const total = area.seats?.total;
    const up = area.seats?.up;
    const majority = area.seats?.majority;
    if (total !== undefined && up !== undefined && up > total)
      report(`${at}.seats.up`, `${up} seats up is more than the ${total} seats in total`);
    if (total !== undefined && majority !== undefined && majority > total)
      report(`${at}.seats.majority`, `a majority of ${majority} is more than the ${total} seats in total`);
    const sumOf = (field: 'seatsBefore' | 'defending') => {
      let sum = 0;
      for (const [party, seats] of Object.entries(area[field] ?? {})) {
        knownParty(party, `${at}.${field}.${party}`);
        sum += seats;
      }
      return sum;
    };
    const before = sumOf('seatsBefore');
    const defending = sumOf('defending');
    if (area.seatsBefore && total !== undefined && before > total)
      report(
        `${at}.seatsBefore`,
        `${before} seats held is more than the ${total} seats in total`,
        'check the figures or seats.total',
      );
    if (area.defending && up !== undefined && defending > up)
      report(
        `${at}.defending`,
        `${defending} seats defended is more than the ${up} seats up`,
        'check the figures or seats.up',
      );
    if (area.defending && area.seatsBefore) {
      for (const [party, seats] of Object.entries(area.defending)) {
        const held = area.seatsBefore[party] ?? 0;
        if (seats > held)
          report(
            `${at}.defending.${party}`,
            `'${party}' defends ${seats} seats but held only ${held} before`,
            'the seats defended are some of the seats held before',
          );
      }
    }
  });
  const election = config.election;
  if (election.seats !== undefined && election.majority !== undefined && election.majority > election.seats) {
    report('election.majority', `a majority of ${election.majority} is more than the ${election.seats} seats`);
  }
  return problems;
}

/**
 * Parse and validate an election config. `name` is what messages cite (the file's path). Throws
 * a `SourceError` listing every problem with its JSON path and a hint.
 */
export function parseElectionConfig(text: string, name: string): ElectionConfig {
  const value = parseJsonSource(text, name, 'election config');
  return electionConfig(value, name);
}

/** Validate an already-parsed config value (from code rather than a file). */
export function electionConfig(value: unknown, name = 'config'): ElectionConfig {
  const parsed = v.safeParse(ElectionConfigSchema, value, { abortPipeEarly: true });
  if (!parsed.success) throw new SourceError(parsed.issues.map((issue) => shapeProblem(issue, name)));
  const problems = checkConfig(parsed.output, name);
  if (problems.length > 0) throw new SourceError(problems);
  return parsed.output;
}

/**
 * Finds the config entry for an area a source names, by id first, then by name or alias
 * (ignoring case, spaces and punctuation as party labels do) among the entries with the same
 * parent: a ward's name is looked up under its council, a council's among the top-level areas.
 */
export class ConfigAreas {
  private readonly byId = new Map<string, ConfigArea>();
  private readonly byName = new Map<string, ConfigArea>();
  private readonly matched = new Set<ConfigArea>();

  constructor(readonly areas: readonly ConfigArea[]) {
    for (const area of areas) {
      if (area.id !== undefined) this.byId.set(area.id, area);
      for (const name of [area.name, ...(area.aliases ?? [])])
        if (name !== undefined) this.byName.set(nameKey(area.parent, name), area);
    }
  }

  /**
   * The entry for an area the source calls `id` and `names`, under `parent` (undefined for a
   * top-level area); remembered as matched.
   */
  find(parent: string | undefined, id: string | undefined, ...names: (string | undefined)[]): ConfigArea | undefined {
    let found = id !== undefined ? this.byId.get(id) : undefined;
    for (const name of names) {
      if (found) break;
      if (name !== undefined && name.trim() !== '') found = this.byName.get(nameKey(parent, name));
    }
    if (found) this.matched.add(found);
    return found;
  }

  /** Entries nothing in the sources matched so far. */
  unmatched(): ConfigArea[] {
    return this.areas.filter((area) => !this.matched.has(area));
  }
}

const nameKey = (parent: string | undefined, name: string) => `${parent ?? ''}\n${normaliseLabel(name)}`;

/** An id for an area the config does not name, from its name: "Newcastle upon Tyne" → "newcastle-upon-tyne". */
export function areaSlug(name: string): string {
  const slug = slugWords(name).slice(0, 64).replace(/-+$/, '');
  return slug === '' ? 'area' : slug;
}
