/**
 * The demo's third night, published the way a newsroom would publish it: Democracy Club's
 * result sets for Sheffield and Barnsley on 3 May 2018 (demo/data/democracy-club), one ballot
 * at a time, converted and published by `tally publish dc-results` code with the package's
 * example config (templates/night.json).
 *
 * Democracy Club records no declaration times, so the order and times here are simulated: the
 * ballots in the order of the saved file, evenly spread from 23:30 to 04:30 UK time. The
 * results are the real ones.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { adapters, electionConfig, type ElectionConfig, type SourceFile } from '../../src/adapters/index.js';
import type { Feed } from '../../src/feed/schema.js';
import { assertFeed } from '../../src/feed/validate.js';
import { DEFAULT_DATA_DIR, LEAD_IN_MS } from './index.js';

/** What the demo server replays through the publisher. */
export interface PublishedNightSource {
  readonly id: string;
  readonly title: string;
  readonly config: ElectionConfig;
  /** Each ballot as the file a scraper would save, with the simulated time it appears (ms). */
  readonly ballots: readonly (SourceFile & { readonly at: number })[];
  /** Files there from the start: the API's page before any result is in. */
  readonly initial: readonly SourceFile[];
  /** A little before the first ballot, and the last one (ms since the epoch). */
  readonly start: number;
  readonly end: number;
}

export const SOUTH_YORKSHIRE_NOTE =
  'Demo replay: the real Democracy Club results for Sheffield and Barnsley, 3 May 2018, published ballot by ballot by tally publish. Democracy Club records no declaration times, so the order and times are simulated.';

const TEMPLATE = fileURLToPath(new URL('../../templates/night.json', import.meta.url));
const FIRST = Date.parse('2018-05-03T22:30:00Z');
const LAST = Date.parse('2018-05-04T03:30:00Z');

export function southYorkshire2018(dataDir: string = DEFAULT_DATA_DIR): PublishedNightSource {
  const template = JSON.parse(readFileSync(TEMPLATE, 'utf8')) as { election: { title: string } };
  // A night in fast forward asks widgets to poll as often as they may (5 s), as the other replays do.
  const config = electionConfig(
    {
      ...template,
      election: { ...template.election, title: `${template.election.title} (replay; declaration order simulated)` },
      note: SOUTH_YORKSHIRE_NOTE,
      pollInterval: 5,
    },
    TEMPLATE,
  );
  const sets = JSON.parse(readFileSync(join(dataDir, 'democracy-club/result-sets-2018.json'), 'utf8')) as {
    ballot_paper_id: string;
  }[];
  const step = sets.length > 1 ? (LAST - FIRST) / (sets.length - 1) : 0;
  const ballots = sets.map((set, index) => ({
    name: `${set.ballot_paper_id}.json`,
    // A page of one result set, as the API's saved lists are.
    text: `${JSON.stringify([set], null, 1)}\n`,
    at: Math.round(FIRST + index * step),
  }));
  const initial = [
    {
      name: 'result_sets-page-1.json',
      text: `${JSON.stringify({ count: 0, next: null, previous: null, results: [] })}\n`,
    },
  ];
  return {
    id: config.election.id,
    title: config.election.title,
    config,
    ballots,
    initial,
    start: FIRST - LEAD_IN_MS,
    end: LAST,
  };
}

/** Every ballot converted at once: the night's final results (for `<id>.final.json` and static hosts). */
export function publishedNightFinal(night: PublishedNightSource): Feed {
  const at = new Date(night.end).toISOString().replace('.000Z', 'Z');
  const { feed } = adapters['dc-results']!([...night.initial, ...night.ballots], night.config, { now: at });
  return assertFeed({ ...feed, meta: { ...feed.meta, generatedAt: at, dataChangedAt: at } });
}
