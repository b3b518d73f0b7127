/**
 * The demo's published night: ballots written into a folder by the replay clock, picked up and
 * published by tally publish's own code, served by the demo server from the publisher's folder.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { southYorkshire2018 } from '../../../demo/feeds/south-yorkshire-2018.js';
import { createDemoServer, type DemoServer } from '../../../demo/server/app.js';
import { PublishedNight } from '../../../demo/server/published-night.js';
import type { Feed } from '../../../src/feed/schema.js';
import { parseFeed, validateFeed } from '../../../src/feed/validate.js';
import { eventually, temporaryFolder } from '../cli/support.js';

const source = southYorkshire2018();
let folder: ReturnType<typeof temporaryFolder>;
let clock: { now: number };
let night: PublishedNight;
let demo: DemoServer;
let base: string;
const lines: string[] = [];

beforeEach(async () => {
  folder = temporaryFolder('tally-published-night-');
  clock = { now: Date.parse('2026-01-01T12:00:00Z') };
  lines.length = 0;
  // The background sync is slowed right down: the test brings the folder up to time itself.
  night = await PublishedNight.start(source, {
    workDir: folder.dir,
    replayMinutes: 10,
    now: () => clock.now,
    syncMs: 3_600_000,
    log: (line) => lines.push(line),
  });
  demo = createDemoServer({ nights: [], published: [night], logError: () => {} });
  base = await demo.listen(0, '127.0.0.1');
});
afterEach(async () => {
  await demo.close();
  await night.stop();
  folder.cleanup();
});

const feedPath = () => join(night.outDir, `${source.id}.json`);
const onDisk = (): Feed => {
  const result = parseFeed(readFileSync(feedPath(), 'utf8'));
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.feed;
};
const revision = () => (existsSync(feedPath()) ? onDisk().meta.revision : 0);
const wards = (feed: Feed) =>
  feed.areas.filter((area) => area.parent !== undefined && area.status === 'declared').length;

/** Move the replay to simulated time `at`, and wait for the publication it causes. */
async function replayTo(at: number, expectRevision: number): Promise<Feed> {
  clock.now += (at - night.clock.time()) / night.clock.speed;
  await night.sync();
  await eventually(() => revision() >= expectRevision || undefined, `revision ${expectRevision}`);
  // Its copy in history and its line come just after the file.
  await night.settled();
  return onDisk();
}

describe('the demo night published by tally publish', () => {
  it('publishes the empty results page first, then each ballot as it appears, as new revisions of one file', async () => {
    await eventually(() => revision() >= 1 || undefined, 'the first publication');
    const empty = onDisk();
    expect(empty.areas.map((area) => [area.name, area.status])).toEqual([
      ['Barnsley', 'awaiting'],
      ['Sheffield', 'awaiting'],
    ]);
    expect(empty.meta.note).toContain('simulated');
    expect(empty.meta.pollInterval).toBe(5);

    const first = await replayTo(source.ballots[0]!.at, 2);
    expect(wards(first)).toBe(1);
    expect(first.events!.map((event) => event.kind)).toEqual(['declaration']);
    const two = await replayTo(source.ballots[1]!.at, 3);
    expect(wards(two)).toBe(2);
    expect(readdirSync(join(night.outDir, 'history', source.id)).sort()).toEqual(['1.json', '2.json', '3.json']);
    expect(lines.filter((line) => /^\[south-yorkshire-2018\] r\d+ /.test(line))).toHaveLength(3);
  });

  it('jumps to the end and starts again with revisions still going up; the server serves the file the publisher wrote', async () => {
    await eventually(() => revision() >= 1 || undefined, 'the first publication');
    night.control('end');
    await night.sync();
    // 49 files arrive at once; the publisher may publish what it sees mid-way, then the rest.
    await eventually(() => (existsSync(feedPath()) && wards(onDisk()) === 49) || undefined, 'the end of the night');
    await night.settled();
    const end = onDisk();
    expect(end.meta.revision).toBeGreaterThanOrEqual(2);
    const sheffield = end.areas.find((area) => area.name === 'Sheffield')!;
    expect(
      sheffield.results!.filter((result) => (result.seats ?? 0) > 0).map((result) => [result.party, result.seats]),
    ).toEqual([
      ['lab', 16],
      ['ld', 9],
      ['green', 3],
    ]);

    const served = await fetch(new URL(`feeds/${source.id}.json`, base));
    expect(served.status).toBe(200);
    expect(served.headers.get('cache-control')).toBe('public, max-age=5');
    expect(await served.text()).toBe(readFileSync(feedPath(), 'utf8'));
    const again = await fetch(new URL(`feeds/${source.id}.json`, base), {
      headers: { 'If-None-Match': served.headers.get('etag')! },
    });
    expect(again.status).toBe(304);

    night.control('restart');
    await night.sync();
    await eventually(() => wards(onDisk()) === 0 || undefined, 'the restart');
    await night.settled();
    const restarted = onDisk();
    expect(restarted.meta.revision).toBeGreaterThan(end.meta.revision);

    const state = (await (await fetch(new URL('replay', base))).json()) as {
      nights: { id: string; revision: number; finished: boolean }[];
    };
    expect(state.nights).toEqual([
      expect.objectContaining({ id: source.id, revision: restarted.meta.revision, finished: false }),
    ]);
    const final = await fetch(new URL(`feeds/${source.id}.final.json`, base));
    const finalFeed = validateFeed(await final.json());
    expect(finalFeed.ok && wards(finalFeed.feed)).toBe(49);
  });
});
