/**
 * The benchmark's data: GE2019 (650 real constituencies, from test/fixtures) and two synthetic
 * elections made here by code, 3,143 areas (the scale of US counties) and 8,360 areas (the
 * scale of a large national election's contests). The synthetic ones are deterministic (a
 * seeded generator: the same feed every run) and marked as test data (`meta.test`, and a note
 * saying they are not results), so a widget showing them carries the TEST DATA watermark.
 *
 * Each dataset comes as two feeds: `before`, the night with its last ten declarations still
 * counting, and `after`, those ten declared (the update scenario), plus a HexJSON layout with
 * one hex per area for the council map.
 */
import { readFileSync } from 'node:fs';
import type { Area, FeedInput } from '../src/feed/schema.js';
import { random, STARTS, SYLLABLES as PLACE_SYLLABLES } from '../demo/council-list/synthetic.js';

export interface BenchDataset {
  /** Short name used in results: `ge2019`, `areas-3143`, `areas-8360`. */
  readonly name: string;
  readonly label: string;
  readonly areas: number;
  readonly synthetic: boolean;
  /** Ten areas fewer declared than `after`, one revision earlier. */
  readonly before: FeedInput;
  readonly after: FeedInput;
  /** The ids of the ten areas that declare between `before` and `after`. */
  readonly declaring: readonly string[];
  /** HexJSON: `{ layout, hexes: { [id]: { q, r, n } } }`. */
  readonly layout: { layout: string; hexes: Record<string, { q: number; r: number; n?: string }> };
}

/** How many areas declare between `before` and `after`. */
export const NEW_DECLARATIONS = 10;

const fixture = (path: string) => JSON.parse(readFileSync(new URL(`../${path}`, import.meta.url), 'utf8'));

type FeedArea = FeedInput['areas'][number];

/** An area as it was before it declared: counting, with none of the result. */
function undeclared(area: FeedArea): FeedArea {
  const {
    declaredAt: _at,
    results: _results,
    winner: _winner,
    majority: _majority,
    turnout: _turnout,
    transfers: _transfers,
    ties: _ties,
    ...rest
  } = area as Area;
  const control = area.control?.before !== undefined ? { before: area.control.before } : undefined;
  const { control: _control, ...withoutControl } = rest;
  return { ...withoutControl, ...(control ? { control } : {}), status: 'counting' } as FeedArea;
}

/** `before` and `after` from a complete feed: the last ten to declare are still counting before. */
function splitNight(complete: FeedInput): { before: FeedInput; after: FeedInput; declaring: string[] } {
  const byTime = complete.areas
    .filter((area) => area.status === 'declared' && area.declaredAt !== undefined)
    .sort((a, b) => Date.parse(b.declaredAt!) - Date.parse(a.declaredAt!) || (a.id < b.id ? 1 : -1));
  const declaring = byTime.slice(0, NEW_DECLARATIONS).map((area) => area.id);
  const last = new Set(declaring);
  const previousChange = byTime[NEW_DECLARATIONS]!.declaredAt!;
  const revision = complete.meta.revision + 1;
  const after: FeedInput = {
    ...complete,
    meta: {
      ...complete.meta,
      revision: revision + 1,
      generatedAt: byTime[0]!.declaredAt!,
      dataChangedAt: byTime[0]!.declaredAt!,
    },
  };
  const before: FeedInput = {
    ...complete,
    meta: { ...complete.meta, revision, generatedAt: previousChange, dataChangedAt: previousChange },
    areas: complete.areas.map((area) => (last.has(area.id) ? undeclared(area) : area)),
  };
  return { before, after, declaring };
}

export function ge2019(): BenchDataset {
  const complete = fixture('test/fixtures/uk-general-2019.final.json') as FeedInput;
  const layout = fixture('demo/data/hexjson/uk-constituencies-2019.hexjson');
  return {
    name: 'ge2019',
    label: 'GE2019, 650 constituencies',
    areas: complete.areas.length,
    synthetic: false,
    layout,
    ...splitNight(complete),
  };
}

const SYLLABLES = [...PLACE_SYLLABLES, 'vale', 'well', 'cot', 'lin'];
const PREFIXES = [...STARTS, 'Fort', 'Port'];
const PARTIES = [
  { id: 'blue', name: 'Blue Party', shortName: 'Blue', colour: '#1f5fbf', strength: 1 },
  { id: 'red', name: 'Red Party', shortName: 'Red', colour: '#c62828', strength: 1 },
  { id: 'gold', name: 'Gold Party', shortName: 'Gold', colour: '#b8860b', strength: 0.45 },
  { id: 'green', name: 'Green Party', shortName: 'Grn', colour: '#2e7d32', strength: 0.25 },
  { id: 'ind', name: 'Independents', shortName: 'Ind', colour: '#6d6d6d', strength: 0.15 },
] as const;

/**
 * A synthetic general election of `count` single-seat areas: four or five candidates each,
 * votes and shares that add up, a winner and majority, control before (a fifth change hands),
 * declarations spread over a night.
 */
export function syntheticElection(
  count: number,
  options: { seed: number; areaType: 'county' | 'constituency'; regions: number; label: string },
): FeedInput {
  const next = random(options.seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const regions = Array.from({ length: options.regions }, (_, i) => `Region ${String(i + 1).padStart(2, '0')}`);
  const start = Date.UTC(2026, 4, 7, 22, 0);
  const night = 10 * 3600_000;
  // Declaration times: a shuffled second of the night each, so no two areas declare at once
  // (the order of the newest results is then not a matter of tie-breaking).
  const seconds = Array.from({ length: count }, (_, i) => Math.floor(((i + 1) * night) / 1000 / (count + 1)));
  for (let i = seconds.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [seconds[i], seconds[j]] = [seconds[j]!, seconds[i]!];
  }
  const areas: FeedArea[] = [];
  for (let index = 0; index < count; index++) {
    const first = pick(SYLLABLES);
    const name = `${next() < 0.3 ? `${pick(PREFIXES)} ` : ''}${first[0]!.toUpperCase()}${first.slice(1)}${pick(SYLLABLES)} ${index + 1}`;
    const standing = PARTIES.filter((party, i) => i < 3 || next() < 0.6);
    const weights = standing.map((party) => party.strength * (0.3 + next()));
    const electorate = 40_000 + Math.floor(next() * 60_000);
    const turnout = 45 + next() * 30;
    const votesCast = Math.round((electorate * turnout) / 100);
    const sum = weights.reduce((a, b) => a + b, 0);
    const votes = weights.map((weight) => Math.floor((votesCast * weight) / sum));
    const order = votes.map((v, i) => i).sort((a, b) => votes[b]! - votes[a]!);
    const winner = standing[order[0]!]!.id;
    const before = next() < 0.8 ? winner : pick(PARTIES).id;
    const total = votes.reduce((a, b) => a + b, 0);
    areas.push({
      id: `X${String(index + 1).padStart(5, '0')}`,
      name,
      region: pick(regions),
      seats: { total: 1, up: 1, majority: 1 },
      status: 'declared',
      declaredAt: new Date(start + seconds[index]! * 1000).toISOString().replace('.000Z', 'Z'),
      control: { before, after: winner },
      results: standing.map((party, i) => ({
        party: party.id,
        seats: party.id === winner ? 1 : 0,
        seatsChange: party.id === winner && before !== winner ? 1 : party.id === before && before !== winner ? -1 : 0,
        votes: votes[i]!,
        share: Math.round((votes[i]! / total) * 10_000) / 100,
      })),
      winner,
      majority: votes[order[0]!]! - votes[order[1]!]!,
      electorate,
      turnout: Math.round(turnout * 100) / 100,
    });
  }
  const last = new Date(start + night).toISOString().replace('.000Z', 'Z');
  return {
    format: 'tally-feed/1',
    meta: {
      election: {
        id: `bench-${count}`,
        title: options.label,
        date: '2026-05-07',
        kind: 'general',
        areaType: options.areaType,
        seats: count,
        majority: Math.floor(count / 2) + 1,
      },
      revision: 1,
      generatedAt: last,
      dataChangedAt: last,
      test: true,
      baseline: { label: 'Change since last time' },
      note: 'Synthetic test data generated by bench/feeds.ts for benchmarking: these are not results.',
    },
    parties: PARTIES.map(({ strength: _strength, ...party }) => party),
    areas,
  };
}

/** One pointy-topped hex per area, row by row, about twice as wide as tall. */
export function gridLayout(feed: FeedInput): BenchDataset['layout'] {
  const columns = Math.ceil(Math.sqrt(feed.areas.length * 2));
  const hexes: BenchDataset['layout']['hexes'] = {};
  feed.areas.forEach((area, index) => {
    hexes[area.id] = { q: index % columns, r: -Math.floor(index / columns), n: area.name };
  });
  return { layout: 'odd-r', hexes };
}

function synthetic(
  count: number,
  seed: number,
  areaType: 'county' | 'constituency',
  regions: number,
  label: string,
): BenchDataset {
  const complete = syntheticElection(count, { seed, areaType, regions, label });
  return {
    name: `areas-${count}`,
    label: `synthetic, ${count.toLocaleString('en-GB')} areas`,
    areas: count,
    synthetic: true,
    layout: gridLayout(complete),
    ...splitNight(complete),
  };
}

/** Every dataset of the benchmark, smallest first. */
export function benchDatasets(): BenchDataset[] {
  return [
    ge2019(),
    synthetic(3143, 3143, 'county', 50, 'Synthetic election of 3,143 areas (US counties scale)'),
    synthetic(8360, 8360, 'constituency', 36, 'Synthetic election of 8,360 areas'),
  ];
}
