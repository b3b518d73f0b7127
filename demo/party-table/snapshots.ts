/**
 * Feed snapshots of the 2018 local elections night for the party table's demo and tests,
 * made by replaying the real night (demo/feeds) rather than typed by hand:
 *
 *   npx tsx demo/party-table/snapshots.ts      writes demo/party-table/uk-local-2018.after-130.json
 *
 * A unit test (test/unit/derive/party-table-snapshot.test.ts) checks the committed file is
 * still what the replay gives.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Feed } from '../../src/feed/schema.js';
import { progress } from '../../src/derive/progress.js';
import { loadDemoNights } from '../feeds/index.js';

/** Where the "after 130 of 150" snapshot is kept. */
export const AFTER_130_PATH = fileURLToPath(new URL('./uk-local-2018.after-130.json', import.meta.url));

/**
 * The 2018 night at the moment the 130th council declared: PA's "after 130 of 150" state of
 * parties is the summary the replay attaches then.
 */
export function localNightAfter(declared: number): Feed {
  const night = loadDemoNights().find((candidate) => candidate.id === 'uk-local-2018');
  if (!night) throw new Error('the demo nights have no uk-local-2018');
  const times = [...night.timeline.values()].sort((a, b) => a - b);
  const at = times[declared - 1];
  if (at === undefined) throw new Error(`the 2018 night has only ${times.length} declarations`);
  const feed = night.at(at);
  const shown = progress(feed).declared;
  if (shown !== declared) throw new Error(`the replay at the ${declared}th declaration shows ${shown} declared`);
  if (feed.summary?.declared !== declared)
    throw new Error(`the replay after ${declared} carries the summary after ${feed.summary?.declared ?? 'none'}`);
  return feed;
}

/** The snapshot as the JSON text kept on disk. */
export function snapshotJson(feed: Feed): string {
  return `${JSON.stringify(feed, null, 2)}\n`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeFileSync(AFTER_130_PATH, snapshotJson(localNightAfter(130)));
  console.log(`wrote ${AFTER_130_PATH}`);
}
