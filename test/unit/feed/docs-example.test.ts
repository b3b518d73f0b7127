import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateFeed } from '../../../src/feed/validate.js';
import { derivedStateOfParties } from '../../../src/derive/state-of-parties.js';

const doc = readFileSync(new URL('../../../docs/feed.md', import.meta.url), 'utf8');
const example = JSON.parse(/```json\n([\s\S]*?)\n```/.exec(doc)![1]!);

describe('docs/feed.md', () => {
  it('shows a complete example that validates', () => {
    const result = validateFeed(example);
    expect(result.ok ? [] : result.errors).toEqual([]);
    expect(result.ok && result.warnings).toEqual([]);
  });

  it('example reads as described: one gain declared, one council counting', () => {
    const result = validateFeed(example);
    if (!result.ok) throw new Error('invalid');
    const state = derivedStateOfParties(result.feed);
    expect(state.declared).toBe(1);
    expect(state.total).toBe(2);
    expect(state.parties.find((row) => row.party === 'con')).toMatchObject({ councils: 1, councilsChange: 1, seats: 7, seatsChange: 4 });
  });
});

describe('docs/feed.md, wards and drill-down', () => {
  const blocks = [...doc.matchAll(/```json\n([\s\S]*?)\n```/g)].map((match) => JSON.parse(match[1]!) as unknown);
  const wardsExample = blocks.find((block) => JSON.stringify(block).includes('"parent"')) as { areas: { id: string; name: string; parent?: string; candidates?: { id?: string; name: string; votes?: number; elected?: boolean }[] }[] };

  it('every JSON example in the page validates', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(2);
    for (const block of blocks) {
      const result = validateFeed(block);
      expect(result.ok ? result.warnings : result.errors).toEqual([]);
    }
  });

  it('the ward example is the real Democracy Club result, elected as published', () => {
    const raw = JSON.parse(readFileSync(new URL('../../../demo/data/democracy-club/result-sets-2021.json', import.meta.url), 'utf8')) as {
      ballot_paper_id: string;
      candidate_results: { is_winner: boolean; num_ballots: number; membership: { person: { id: number; name: string } } }[];
    }[];
    const wards = wardsExample.areas.filter((area) => area.candidates);
    expect(wards.map((area) => area.name)).toEqual(['Walkley', 'Keppel']);
    for (const ward of wards) {
      const ballot = raw.find((entry) => entry.candidate_results.some((result) => result.membership.person.name === ward.candidates![0]!.name))!;
      expect(ballot.ballot_paper_id, ward.name).toContain(ward.name.toLowerCase());
      const published = ballot.candidate_results.map((result) => ({ name: result.membership.person.name, votes: result.num_ballots, elected: result.is_winner }));
      const shown = ward.candidates!.map((candidate) => ({ name: candidate.name, votes: candidate.votes, elected: candidate.elected }));
      expect(shown).toEqual(expect.arrayContaining(published));
      expect(shown).toHaveLength(published.length);
      // A multi-member ward: more than one elected, and all of them under `parent`.
      expect(ward.parent).toBeDefined();
    }
    expect(wards[1]!.candidates!.filter((candidate) => candidate.elected)).toHaveLength(3);
  });
});
