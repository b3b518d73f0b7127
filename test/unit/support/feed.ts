/** Small hand-made feeds for unit tests: a builder that fills the required fields. */
import { assertFeed } from '../../../src/feed/validate.js';
import type { Feed, FeedInput } from '../../../src/feed/schema.js';

type AreaInput = FeedInput['areas'][number];
type PartyInput = FeedInput['parties'][number];

export const PARTIES: PartyInput[] = [
  { id: 'con', name: 'Conservatives', shortName: 'Con' },
  { id: 'lab', name: 'Labour', shortName: 'Lab' },
  { id: 'ld', name: 'Liberal Democrats', shortName: 'LD' },
  { id: 'green', name: 'Green', shortName: 'Grn' },
];

export interface FeedOptions {
  revision?: number;
  kind?: 'local' | 'general';
  areaType?: 'council' | 'constituency';
  parties?: PartyInput[];
  summary?: FeedInput['summary'];
  events?: FeedInput['events'];
  seats?: number;
  majority?: number;
  dataChangedAt?: string;
  baseline?: string;
}

/** A raw (unvalidated) feed object. */
export function rawFeed(areas: AreaInput[], options: FeedOptions = {}): FeedInput {
  const at = options.dataChangedAt ?? '2018-05-04T02:00:00Z';
  return {
    format: 'tally-feed/1',
    meta: {
      election: {
        id: 'test',
        title: 'Test election',
        date: '2018-05-03',
        kind: options.kind ?? 'local',
        areaType: options.areaType ?? 'council',
        ...(options.seats !== undefined ? { seats: options.seats } : {}),
        ...(options.majority !== undefined ? { majority: options.majority } : {}),
      },
      revision: options.revision ?? 1,
      generatedAt: at,
      dataChangedAt: at,
      ...(options.baseline ? { baseline: { label: options.baseline } } : {}),
    },
    // A copy: tests mutate the feeds they build, and must not change the next test's parties.
    parties: structuredClone(options.parties ?? PARTIES),
    areas,
    ...(options.summary ? { summary: options.summary } : {}),
    ...(options.events ? { events: options.events } : {}),
  };
}

/** A validated, frozen feed. */
export function feed(areas: AreaInput[], options: FeedOptions = {}): Feed {
  return assertFeed(rawFeed(areas, options));
}

/** A declared council. */
export function council(
  id: string,
  before: string | undefined,
  after: string | undefined,
  extra: Partial<AreaInput> = {},
): AreaInput {
  return {
    id,
    name: id,
    status: 'declared',
    control: { ...(before !== undefined ? { before } : {}), ...(after !== undefined ? { after } : {}) },
    ...extra,
  };
}
