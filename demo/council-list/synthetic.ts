/**
 * A synthetic election of thousands of areas, for trying <tally-council-list> at scale (the
 * demo page and the browser tests). Deterministic: the same options give the same feed. It is
 * marked as test data (`meta.test`), so the element watermarks it: these are not results.
 *
 * `declared` is the share of areas with a result. Raising it with the same seed declares more
 * areas and leaves the others as they were, like a night moving on.
 */
import type { FeedInput } from '../../src/feed/schema.js';

export interface SyntheticOptions {
  /** Number of areas (default 3000). */
  areas?: number;
  /** Share of areas declared, 0 to 1 (default 0.6). */
  declared?: number;
  /** Feed revision (default 1). */
  revision?: number;
  seed?: number;
}

/** A seeded random number generator (mulberry32): small, fast and the same everywhere. Also used by bench/feeds.ts. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Syllables of made-up English place names (shared with bench/feeds.ts). */
export const SYLLABLES = [
  'ash',
  'brook',
  'by',
  'ton',
  'ford',
  'ham',
  'ley',
  'mere',
  'wick',
  'stow',
  'thorpe',
  'field',
  'dale',
  'combe',
  'bury',
  'wold',
  'pool',
  'gate',
  'den',
  'holm',
];
/** First words of made-up place names: "North Ashford". */
export const STARTS = ['North', 'South', 'East', 'West', 'Upper', 'Lower', 'Great', 'Little', 'Old', 'New'];
const REGIONS = [
  'North East',
  'North West',
  'Yorkshire',
  'East Midlands',
  'West Midlands',
  'East',
  'London',
  'South East',
  'South West',
];
const TYPES = ['District', 'Metropolitan borough', 'London borough', 'Unitary authority'];
const CONTROL = ['con', 'con', 'lab', 'lab', 'ld', 'green', 'noc', 'noc'];

export function syntheticFeed(options: SyntheticOptions = {}): FeedInput {
  const count = options.areas ?? 3000;
  const share = Math.min(1, Math.max(0, options.declared ?? 0.6));
  const next = random(options.seed ?? 2018);
  const order = Array.from({ length: count }, (_, index) => ({ index, key: next() }));
  order.sort((a, b) => a.key - b.key);
  const rank = new Map(order.map((entry, position) => [entry.index, position]));
  const start = Date.UTC(2018, 4, 3, 22, 30);
  const areas: FeedInput['areas'] = [];
  for (let index = 0; index < count; index++) {
    const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
    // Every value is drawn whatever the area's status, so that declaring more areas (a higher
    // `declared`) leaves the values of every other area unchanged.
    const prefix = next() < 0.3 ? `${pick(STARTS)} ` : '';
    const first = pick(SYLLABLES);
    const name = `${prefix}${first[0]!.toUpperCase()}${first.slice(1)}${pick(SYLLABLES)} ${index + 1}`;
    const before = pick(CONTROL);
    const after = next() < 0.75 ? before : pick(CONTROL);
    const total = 30 + Math.floor(next() * 40);
    const up = next() < 0.5 ? total : Math.round(total / 3);
    const position = rank.get(index)!;
    const declared = position < share * count;
    const con = Math.floor(next() * up);
    const lab = Math.floor(next() * (up - con));
    const ld = up - con - lab;
    const region = pick(REGIONS);
    const type = pick(TYPES);
    const counting = next() < 0.2;
    if (declared) {
      areas.push({
        id: `SYN${String(index + 1).padStart(5, '0')}`,
        name,
        region,
        type,
        seats: { total, up },
        status: 'declared',
        declaredAt: new Date(start + position * 20_000).toISOString(),
        control: { before, after },
        results: [
          { party: 'con', seats: con },
          { party: 'lab', seats: lab },
          { party: 'ld', seats: ld },
        ],
      });
    } else {
      areas.push({
        id: `SYN${String(index + 1).padStart(5, '0')}`,
        name,
        region,
        type,
        seats: { total, up },
        status: counting ? 'counting' : 'awaiting',
        control: { before },
      });
    }
  }
  const at = new Date(start + Math.floor(share * count) * 20_000).toISOString();
  return {
    format: 'tally-feed/1',
    meta: {
      election: {
        id: 'synthetic',
        title: `Synthetic election of ${count} areas`,
        date: '2018-05-03',
        kind: 'local',
        areaType: 'area',
      },
      revision: options.revision ?? 1,
      generatedAt: at,
      dataChangedAt: at,
      test: true,
      note: 'Synthetic data for testing at scale: these are not real results.',
    },
    parties: [
      { id: 'con', name: 'Conservatives', shortName: 'Con' },
      { id: 'lab', name: 'Labour', shortName: 'Lab' },
      { id: 'ld', name: 'Liberal Democrats', shortName: 'LD' },
      { id: 'green', name: 'Green', shortName: 'Grn' },
    ],
    areas,
  };
}
