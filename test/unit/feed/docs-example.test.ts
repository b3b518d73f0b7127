import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateFeed } from '../../../src/feed/validate.js';
import { derivedStateOfParties } from '../../../src/derive/state-of-parties.js';
import { areaOutcome } from '../../../src/derive/area-outcome.js';
import { partyTable } from '../../../src/derive/party-table.js';
import { seatTotals } from '../../../src/derive/seat-totals.js';
import type { Feed } from '../../../src/feed/schema.js';

const doc = readFileSync(new URL('../../../docs/feed.md', import.meta.url), 'utf8');

/** The JSON of the first ```json block after a heading. */
function exampleUnder(heading: string): unknown {
  const section = doc.slice(doc.indexOf(`\n## ${heading}\n`));
  expect(section.length, `a section "${heading}"`).toBeLessThan(doc.length);
  return JSON.parse(/```json\n([\s\S]*?)\n```/.exec(section)![1]!);
}

function valid(example: unknown): Feed {
  const result = validateFeed(example);
  if (!result.ok) throw new Error(result.errors.map((error) => `${error.path}: ${error.message}`).join('\n'));
  return result.feed;
}

describe('docs/feed.md', () => {
  for (const heading of ['A complete small example', 'A general election example']) {
    it(`"${heading}" validates, with no warnings`, () => {
      const result = validateFeed(exampleUnder(heading));
      expect(result.ok ? [] : result.errors).toEqual([]);
      expect(result.ok && result.warnings).toEqual([]);
    });
  }
});

describe('docs/feed.md, the local elections example', () => {
  const example = exampleUnder('A complete small example');

  it('example reads as described: one gain declared, one council counting', () => {
    const state = derivedStateOfParties(valid(example));
    expect(state.declared).toBe(1);
    expect(state.total).toBe(2);
    expect(state.parties.find((row) => row.party === 'con')).toMatchObject({
      councils: 1,
      councilsChange: 1,
      seats: 7,
      seatsChange: 4,
    });
  });
});

describe('docs/feed.md, the general election example', () => {
  const example = exampleUnder('A general election example');

  it('reads as described: a Conservative gain from Labour, a Liberal Democrat hold, one constituency counting', () => {
    const feed = valid(example);
    expect(feed.meta.election.kind).toBe('general');
    expect(feed.areas.map((area) => areaOutcome(area))).toEqual([
      { kind: 'gain', party: 'con', from: 'lab' },
      { kind: 'hold', party: 'ld' },
      { kind: 'counting' },
    ]);
    const state = derivedStateOfParties(feed);
    expect([state.declared, state.total]).toEqual([2, 3]);
    expect(state.parties.find((row) => row.party === 'con')).toMatchObject({ seats: 1, seatsChange: 1 });
    expect(state.parties.find((row) => row.party === 'lab')).toMatchObject({ seats: 0, seatsChange: -1 });
    const seats = seatTotals(feed, { measure: 'seats' });
    expect(Object.fromEntries(seats.parties.map((row) => [row.party, row.seats]))).toMatchObject({ con: 1, ld: 1 });
  });

  it('is consistent, as a publisher’s would be: winners, majorities, shares and turnout agree with the votes', () => {
    for (const area of valid(example).areas.filter((candidate) => candidate.status === 'declared')) {
      const results = [...(area.results ?? [])].sort((a, b) => (b.votes ?? 0) - (a.votes ?? 0));
      const total = results.reduce((sum, row) => sum + (row.votes ?? 0), 0);
      expect(area.winner, area.name).toBe(results[0]!.party);
      expect(
        results.filter((row) => row.seats === 1).map((row) => row.party),
        area.name,
      ).toEqual([area.winner]);
      expect(area.majority, area.name).toBe(results[0]!.votes! - results[1]!.votes!);
      for (const row of results)
        expect(row.share, `${area.name} ${row.party}`).toBeCloseTo((row.votes! * 100) / total, 1);
      expect(area.turnout, area.name).toBeCloseTo((total * 100) / area.electorate!, 1);
      expect(
        results.every((row) => typeof row.candidate === 'string' && row.candidate !== ''),
        `${area.name}: every candidate named`,
      ).toBe(true);
    }
  });

  it('gives the one constituency’s table its candidates, the winner elected and the majority', () => {
    const result = partyTable(valid(example), { area: 'example-northtown' });
    if (result.kind !== 'table') throw new Error(result.kind);
    const { table } = result;
    expect(table.area).toMatchObject({ singleSeat: true, majority: 2175, turnout: 62.68 });
    expect(table.parties.filter((row) => row.elected).map((row) => row.candidate)).toEqual(['Alex Morgan']);
    expect(table.parties.map((row) => row.candidate)).toEqual([
      'Alex Morgan',
      'Sam Patel',
      'Jo Evans',
      'Kit Byrne',
      'Lee Hart',
    ]);
  });
});

describe('docs/feed.md, wards and drill-down', () => {
  const blocks = [...doc.matchAll(/```json\n([\s\S]*?)\n```/g)].map((match) => JSON.parse(match[1]!) as unknown);
  const wardsExample = blocks.find((block) => JSON.stringify(block).includes('"parent"')) as {
    areas: {
      id: string;
      name: string;
      parent?: string;
      candidates?: { id?: string; name: string; votes?: number; elected?: boolean }[];
    }[];
  };

  it('every JSON example in the page validates', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(2);
    for (const block of blocks) {
      const result = validateFeed(block);
      expect(result.ok ? result.warnings : result.errors).toEqual([]);
    }
  });

  it('the ward example is the real Democracy Club result, elected as published', () => {
    const raw = JSON.parse(
      readFileSync(new URL('../../../demo/data/democracy-club/result-sets-2021.json', import.meta.url), 'utf8'),
    ) as {
      ballot_paper_id: string;
      candidate_results: {
        is_winner: boolean;
        num_ballots: number;
        membership: { person: { id: number; name: string } };
      }[];
    }[];
    const wards = wardsExample.areas.filter((area) => area.candidates);
    expect(wards.map((area) => area.name)).toEqual(['Walkley', 'Keppel']);
    for (const ward of wards) {
      const ballot = raw.find((entry) =>
        entry.candidate_results.some((result) => result.membership.person.name === ward.candidates![0]!.name),
      )!;
      expect(ballot.ballot_paper_id, ward.name).toContain(ward.name.toLowerCase());
      const published = ballot.candidate_results.map((result) => ({
        name: result.membership.person.name,
        votes: result.num_ballots,
        elected: result.is_winner,
      }));
      const shown = ward.candidates!.map((candidate) => ({
        name: candidate.name,
        votes: candidate.votes,
        elected: candidate.elected,
      }));
      expect(shown).toEqual(expect.arrayContaining(published));
      expect(shown).toHaveLength(published.length);
      // A multi-member ward: more than one elected, and all of them under `parent`.
      expect(ward.parent).toBeDefined();
    }
    expect(wards[1]!.candidates!.filter((candidate) => candidate.elected)).toHaveLength(3);
  });
});
