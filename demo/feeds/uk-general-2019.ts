/**
 * The UK general election of 12 December 2019 from the House of Commons Library's results by
 * constituency (demo/data/uk-general-2019), with the real declaration times for the replay.
 */
import type { Feed } from '../../src/feed/schema.js';
import { hocResultsToFeed } from '../../src/adapters/hoc-csv.js';
import { timelineFromDeclaredAt } from '../../src/adapters/replay.js';

export const ELECTION_2019 = {
  id: 'uk-general-2019',
  title: 'UK general election 2019',
  date: '2019-12-12',
} as const;

/** The final feed: all 650 constituencies, seat changes against the 2017 general election. */
export function generalElection2019Feed(csvText: string): Feed {
  return hocResultsToFeed(csvText, {
    election: ELECTION_2019,
    // The CSV's Result column ("Con gain from Lab") compares with the 2017 general election.
    baseline: { label: 'Change since 2017', election: 'UK general election 2017' },
    publisher: {
      name: 'House of Commons Library',
      url: 'https://commonslibrary.parliament.uk/research-briefings/cbp-8749/',
    },
    note: 'Contains Parliamentary information licensed under the Open Parliament Licence v3.0.',
  });
}

export const REPLAY_NOTE_2019 =
  'Replay with the real declaration times published by the House of Commons Library. Contains Parliamentary information licensed under the Open Parliament Licence v3.0.';

/** Area id → declaration time, from the CSV's "Declaration time" (UK time, now in the feed as UTC). */
export function declarationTimes2019(final: Feed): Map<string, number> {
  return timelineFromDeclaredAt(final);
}
