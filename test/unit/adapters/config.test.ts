import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigAreas, parseElectionConfig } from '../../../src/adapters/config.js';
import { hocCsvAdapter } from '../../../src/adapters/hoc-csv.js';
import { SourceError, formatSourceProblem } from '../../../src/adapters/types.js';
import { validateFeed } from '../../../src/feed/validate.js';

const TEMPLATE = readFileSync(new URL('../../../templates/night.json', import.meta.url), 'utf8');
const base = { election: { id: 'locals-2026', title: 'Local elections 2026', date: '2026-05-07' } };

function problems(value: unknown): string[] {
  try {
    parseElectionConfig(typeof value === 'string' ? value : JSON.stringify(value), 'night.json');
  } catch (error) {
    if (error instanceof SourceError) return error.problems.map(formatSourceProblem);
    throw error;
  }
  return [];
}

describe('parseElectionConfig', () => {
  it('reads the example in the package, with defaults for what it leaves out', () => {
    const config = parseElectionConfig(TEMPLATE, 'templates/night.json');
    expect(config.election.id).toBe('south-yorkshire-2018');
    expect(config.areas.map((area) => area.name)).toEqual(['Sheffield', 'Barnsley']);
    const minimal = parseElectionConfig(JSON.stringify(base), 'night.json');
    expect(minimal.parties).toEqual([]);
    expect(minimal.areas).toEqual([]);
  });

  it('names an unknown field with the fields allowed there', () => {
    expect(problems({ ...base, areas: [{ name: 'Sheffield', seatsbefore: { lab: 1 } }] })).toEqual([
      'night.json areas[0].seatsbefore: unknown field "seatsbefore" (check the spelling; the fields here are id, name, aliases, type, region, parent, seats, controlBefore, seatsBefore, defending, expectedAt, url)',
    ]);
  });

  it('gives the JSON path and a hint for each bad value, all at once', () => {
    expect(
      problems({
        election: { id: 'locals 2026', title: 'Local elections' },
        parties: [{ id: 'lab', name: 'Labour', colour: 'red' }],
        areas: [{ id: 'E08000019', seats: { total: 84, up: -1 } }],
      }),
    ).toEqual([
      'night.json election.id: must be 1-100 letters, digits, ".", "_" or "-", starting with a letter or digit (the id names the published file (<id>.json): use something like "locals-2026")',
      'night.json parties[0].colour: must be a colour as #rgb or #rrggbb (write colours as #rgb or #rrggbb, e.g. "#E4003B")',
      'night.json areas[0].seats.up: must not be negative',
    ]);
    expect(problems({ election: { title: 'X' } })).toEqual(['night.json election.id: is required (add "id")']);
  });

  it('checks parties and seats across the file', () => {
    expect(
      problems({
        ...base,
        parties: [
          { id: 'rdp', name: 'Rotherham Democratic Party' },
          { id: 'rdp', name: 'RDP' },
        ],
        areas: [
          {
            id: 'E08000018',
            name: 'Rotherham',
            seats: { total: 59, up: 59 },
            controlBefore: 'xyz',
            seatsBefore: { lab: 40, con: 25 },
            defending: { lab: 41 },
          },
          { id: 'E08000018', name: 'Rotherham again' },
          { id: 'E05000001', name: 'Keppel', parent: 'E05000001' },
        ],
      }),
    ).toEqual([
      "night.json parties[1].id: party 'rdp' is listed twice (merge the two entries)",
      "night.json areas[0].controlBefore: unknown party 'xyz' (add it to parties[] or use a built-in id (con, lab, ld, brx, reform, ukip, green, snp, pc, dup, sf, sdlp, uup, apni, spk, ind, lib, res, oth))",
      'night.json areas[0].seatsBefore: 65 seats held is more than the 59 seats in total (check the figures or seats.total)',
      "night.json areas[0].defending.lab: 'lab' defends 41 seats but held only 40 before (the seats defended are some of the seats held before)",
      "night.json areas[1].id: area 'E08000018' is also areas[0] (merge the two entries)",
      'night.json areas[2].parent: an area cannot be its own parent (name the council this area belongs to)',
    ]);
  });

  it('says where a syntax error is, and when the file was cut off', () => {
    expect(problems('{\n  "election": { "id": "x",, "title": "X" }\n}')).toEqual([
      expect.stringMatching(/^night\.json line 2, column 27: not valid JSON/),
    ]);
    expect(problems('{\n  "election": { "id": "x"')[0]).toMatch(/ends too early/);
    expect(problems('')).toEqual(['night.json: the file is empty (it should hold election config)']);
  });

  it('allows a ward name twice under different councils, not twice under one', () => {
    const ward = (parent: string) => ({ name: 'Central', parent });
    expect(problems({ ...base, areas: [ward('E08000016'), ward('E08000019')] })).toEqual([]);
    expect(problems({ ...base, areas: [ward('E08000016'), ward('E08000016')] })).toEqual([
      'night.json areas[1].name: the name "Central" is also used by areas[0] under \'E08000016\' (names and aliases must tell areas apart)',
    ]);
  });
});

describe('ConfigAreas', () => {
  it('finds an area by id, else by name or alias under the same parent', () => {
    const config = parseElectionConfig(
      JSON.stringify({
        ...base,
        areas: [
          { id: 'E08000019', name: 'Sheffield', aliases: ['Sheffield City Council'] },
          { name: 'Central', parent: 'E08000016' },
        ],
      }),
      'night.json',
    );
    const areas = new ConfigAreas(config.areas);
    expect(areas.find(undefined, 'E08000019')?.name).toBe('Sheffield');
    expect(areas.find(undefined, 'sheffield', 'SHEFFIELD city council')?.id).toBe('E08000019');
    expect(areas.find('E08000019', undefined, 'Central')).toBeUndefined();
    expect(areas.unmatched().map((area) => area.name)).toEqual(['Central']);
    expect(areas.find('E08000016', undefined, 'central')?.name).toBe('Central');
    expect(areas.unmatched()).toEqual([]);
  });
});

describe('hocCsvAdapter', () => {
  const csv =
    'ONS ID,Constituency name,First party,Valid votes,Lab Coop,Con,Yorks\nX1,Anyton,Lab Coop,1000,600,300,100\n';
  it("converts one CSV with the config's election, parties and colours, into a valid feed", () => {
    const config = parseElectionConfig(
      JSON.stringify({
        ...base,
        pollInterval: 20,
        parties: [
          { id: 'yorks', name: 'Yorkshire Party', colour: '#0b8fc2', aliases: ['Yorks'] },
          { id: 'lab', name: 'Labour Party', colour: '#E4003B' },
        ],
      }),
      'night.json',
    );
    const { feed, warnings } = hocCsvAdapter([{ name: 'hoc.csv', text: csv }], config, {
      now: '2026-05-08T06:00:00Z',
      revision: 4,
    });
    expect(validateFeed(feed).ok).toBe(true);
    expect(warnings).toEqual([]);
    expect(feed.meta).toMatchObject({ revision: 4, generatedAt: '2026-05-08T06:00:00Z', pollInterval: 20 });
    expect(feed.parties).toEqual([
      { id: 'yorks', name: 'Yorkshire Party', shortName: 'Yorkshire Party', aliases: ['Yorks'], colour: '#0b8fc2' },
      { id: 'lab', name: 'Labour Party', shortName: 'Lab', aliases: ['Lab Coop'], colour: '#E4003B' },
      { id: 'con', name: 'Conservatives', shortName: 'Con', aliases: ['Con'] },
    ]);
    expect(feed.areas[0]!.winner).toBe('lab');
  });

  it('turns CSV errors into problems naming the file and line, and wants exactly one file', () => {
    const config = parseElectionConfig(JSON.stringify(base), 'night.json');
    expect(() =>
      hocCsvAdapter([{ name: 'hoc.csv', text: 'ONS ID,Constituency name,Con\nX1,A,1\n' }], config, {
        now: '2026-05-08T06:00:00Z',
      }),
    ).toThrow('hoc.csv line 1: no "First party" column (the header has: ONS ID, Constituency name, Con)');
    expect(() => hocCsvAdapter([], config, { now: '2026-05-08T06:00:00Z' })).toThrow(/expected one file/);
  });
});

describe('docs/data-in.md', () => {
  const doc = readFileSync(new URL('../../../docs/data-in.md', import.meta.url), 'utf8');
  const section = doc.slice(doc.indexOf('## The election config'));

  it('shows a config example that parses, and the errors it quotes are the ones given', () => {
    const example = /```json\n([\s\S]*?)\n```/.exec(section)![1]!;
    expect(parseElectionConfig(example, 'night.json').parties.map((party) => party.id)).toEqual(['lab', 'rdp']);
    const quoted = /```\n([\s\S]*?)\n```/.exec(section)![1]!.split('\n');
    expect(problems({ ...base, areas: [{ name: 'Sheffield', seatsbefore: { lab: 1 } }] })).toEqual([quoted[0]]);
    expect(problems({ ...base, parties: [{ id: 'lab', name: 'Labour', colour: 'red' }] })).toEqual([quoted[1]]);
  });

  it('documents every column the sheet reads', async () => {
    const { SHEET_COLUMNS } = await import('../../../src/adapters/sheet.js');
    for (const names of Object.values(SHEET_COLUMNS))
      expect(doc, names[0]).toContain(`\`${names[0].replace(/ /g, '_')}`);
  });
});
