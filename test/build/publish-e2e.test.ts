/**
 * `tally publish` end to end, as a newsroom runs it: the built command (dist/cli/tally.js, built
 * by ensureBuild when stale) in its own process, Democracy Club ballots arriving in a folder one
 * file at a time, a corrupt file, a half-written file, a correction, a restart, a kill in the
 * middle of a write, and the published feed read back over HTTP from `tally serve` with
 * conditional requests. Waits are for outcomes (a revision on disk, a line printed), with
 * generous deadlines; nothing here asserts how fast anything happened.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  watch,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
// @ts-expect-error: a plain .mjs script without types
import { ensureBuild } from '../ensure-build.mjs';
import type { Feed } from '../../src/feed/schema.js';
import { parseFeed } from '../../src/feed/validate.js';
import { eventually, temporaryFolder } from '../unit/cli/support.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'dist/cli/tally.js');
const BALLOTS = JSON.parse(readFileSync(join(ROOT, 'demo/data/democracy-club/result-sets-2018.json'), 'utf8')) as {
  ballot_paper_id: string;
  candidate_results: { num_ballots: number }[];
}[];
const ELECTION = 'south-yorkshire-2018';

beforeAll(() => {
  (ensureBuild as (options: { log: (line: string) => void }) => boolean)({ log: (line) => console.log(line) });
}, 240_000);

interface Running {
  readonly child: ChildProcess;
  readonly out: string[];
  readonly err: string[];
  readonly exited: Promise<number | null>;
}

const running = new Set<ChildProcess>();

function tally(cwd: string, args: readonly string[], env: Record<string, string> = {}): Running {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  const out: string[] = [];
  const err: string[] = [];
  const lines = (into: string[]) => {
    let rest = '';
    return (chunk: Buffer) => {
      const text = rest + chunk.toString('utf8');
      const parts = text.split('\n');
      rest = parts.pop()!;
      into.push(...parts);
    };
  };
  child.stdout!.on('data', lines(out));
  child.stderr!.on('data', lines(err));
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      running.delete(child);
      resolve(code);
    }),
  );
  return { child, out, err, exited };
}

afterAll(() => {
  for (const child of running) child.kill('SIGKILL');
});

let folder: ReturnType<typeof temporaryFolder>;
let source: string;
let out: string;

beforeEach(() => {
  folder = temporaryFolder('tally-e2e-');
  source = join(folder.dir, 'results');
  out = join(folder.dir, 'feeds');
  mkdirSync(source);
  copyFileSync(join(ROOT, 'templates/night.json'), join(folder.dir, 'night.json'));
});
afterEach(async () => {
  for (const child of running) child.kill('SIGKILL');
  folder.cleanup();
});

/** Ballot `index` of 2018 as its own file, as a scraper saving one ward at a time would. */
let mtime = 1_900_000_000;
function writeBallot(index: number, ballot: unknown = BALLOTS[index]): string {
  const path = join(source, `ballot-${String(index).padStart(2, '0')}.json`);
  writeFileSync(path, JSON.stringify([ballot]));
  // Whole-second file systems would otherwise see two quick writes as one.
  utimesSync(path, ++mtime, mtime);
  return path;
}

const feedPath = () => join(out, `${ELECTION}.json`);

/** The published feed, which must always be complete and valid. */
function published(): Feed {
  const result = parseFeed(readFileSync(feedPath(), 'utf8'));
  if (!result.ok)
    throw new Error(`the published file is not a valid feed: ${JSON.stringify(result.errors.slice(0, 3))}`);
  return result.feed;
}

const revisionOnDisk = () => (existsSync(feedPath()) ? published().meta.revision : 0);
const waitForRevision = (revision: number) =>
  eventually(() => revisionOnDisk() >= revision || undefined, `revision ${revision} on disk`);
/** Revision N on disk and its line printed (the line comes just after the write). */
async function waitForPublication(run: Running, revision: number): Promise<string> {
  await waitForRevision(revision);
  return eventually(
    () => run.out.find((line) => line.startsWith(`r${revision} `)),
    `the line for revision ${revision}`,
  );
}

function publish(env: Record<string, string> = {}): Running {
  return tally(
    folder.dir,
    [
      'publish',
      'dc-results',
      '--watch',
      'results',
      '--out',
      'feeds',
      '--config',
      'night.json',
      '--interval',
      '1',
      '--settle',
      '50',
    ],
    env,
  );
}

async function stop(run: Running): Promise<number | null> {
  run.child.kill('SIGTERM');
  return run.exited;
}

describe('tally publish, end to end', () => {
  it('publishes ballots as they arrive, survives corrupt and half-written files, publishes a correction, and continues after a restart', async () => {
    writeBallot(0);
    const night = publish();
    await waitForPublication(night, 1);
    expect(night.err[0]).toBe(`publishing to ${feedPath()}`);
    expect(night.out[0]).toMatch(
      /^r1 {2}\d\d:\d\d:\d\d {2}1\/3 declared {2}first publication; 1 declared \(Stocksbridge & Upper Don\)/,
    );

    // Files appearing over time: each a new revision naming its ward.
    for (const index of [1, 2]) {
      writeBallot(index);
      await waitForPublication(night, index + 1);
    }
    expect(night.out[1]).toMatch(/^r2 .* 1 declared \(Crookes & Crosspool\)/);
    expect(
      published()
        .areas.filter((area) => area.parent === 'E08000019')
        .map((area) => area.name)
        .sort(),
    ).toEqual(['Broomhill & Sharrow Vale', 'Crookes & Crosspool', 'Stocksbridge & Upper Don']);

    // A corrupt file: reported with its name; the last good feed stays.
    const good = readFileSync(feedPath(), 'utf8');
    writeFileSync(join(source, 'ballot-99.json'), '\u0000\u0001garbage');
    await eventually(() => night.err.find((line) => line.includes('ballot-99.json')), 'the corrupt file reported');
    expect(night.err.join('\n')).toMatch(/not published: the source has problems; revision 3 stays published/);
    expect(readFileSync(feedPath(), 'utf8')).toBe(good);
    rmSync(join(source, 'ballot-99.json'));

    // A half-written file (a ballot cut off mid-way), then the rest of it.
    const whole = JSON.stringify([BALLOTS[3]]);
    const halfPath = join(source, 'ballot-03.json');
    writeFileSync(halfPath, whole.slice(0, whole.length / 2));
    utimesSync(halfPath, ++mtime, mtime);
    await eventually(() => night.err.find((line) => line.includes('ballot-03.json')), 'the half-written file reported');
    expect(readFileSync(feedPath(), 'utf8')).toBe(good);
    writeBallot(3);
    await waitForPublication(night, 4);

    // A correction: the winner's votes in ballot 0 change; the ward keeps its declaration event and gains a correction.
    const corrected = structuredClone(BALLOTS[0]!);
    corrected.candidate_results[0]!.num_ballots += 100;
    writeBallot(0, corrected);
    await waitForPublication(night, 5);
    expect(night.out.at(-1)).toMatch(/^r5 .* 1 correction \(Stocksbridge & Upper Don\)/);
    const afterCorrection = published();
    const ward = afterCorrection.areas.find((area) => area.name === 'Stocksbridge & Upper Don')!;
    expect(afterCorrection.events!.filter((event) => event.area === ward.id).map((event) => event.id)).toEqual([
      `declared:${ward.id}`,
      `corrected:${ward.id}:5`,
    ]);

    // Stop, restart: it continues from revision 5, publishing nothing until the source changes.
    expect(await stop(night)).toBe(0);
    expect(night.err.at(-1)).toBe('stopped; revision 5 stays published.');
    const restarted = publish();
    await eventually(() => restarted.err.find((line) => line.startsWith('continuing from revision 5')), 'the restart');
    writeBallot(4);
    await waitForPublication(restarted, 6);
    expect(restarted.out).toHaveLength(1);
    expect(restarted.out[0]).toMatch(/^r6 /);
    expect(await stop(restarted)).toBe(0);

    // Every revision is in history, each a valid feed, revisions strictly increasing, event ids stable.
    const history = readdirSync(join(out, 'history', ELECTION))
      .map((name) => Number(name.replace('.json', '')))
      .sort((a, b) => a - b);
    expect(history).toEqual([1, 2, 3, 4, 5, 6]);
    let previous: Feed | undefined;
    for (const revision of history) {
      const result = parseFeed(readFileSync(join(out, 'history', ELECTION, `${revision}.json`), 'utf8'));
      expect(result.ok, `revision ${revision}`).toBe(true);
      if (!result.ok) continue;
      const feed = result.feed;
      if (previous) {
        expect(feed.meta.revision).toBeGreaterThan(previous.meta.revision);
        expect(Date.parse(feed.meta.dataChangedAt)).toBeGreaterThanOrEqual(Date.parse(previous.meta.dataChangedAt));
        // Earlier events are carried unchanged (same ids, same content).
        expect(feed.events!.slice(0, previous.events!.length)).toEqual(previous.events);
      }
      previous = feed;
    }
  }, 60_000);

  it('is never half-written: killed in the middle of writes, the published file is always the last complete revision, and a restart carries on', async () => {
    writeBallot(0);
    // Each new version waits, complete in its temporary file, before the rename: the kill lands there.
    const hold = { TALLY_HOLD_BEFORE_RENAME_MS: '400' };
    let night = publish(hold);
    await waitForRevision(1);

    // A reader polling the published file all along, as a CDN origin would.
    const reads: string[] = [];
    let reading = true;
    const reader = (async () => {
      while (reading) {
        if (existsSync(feedPath())) reads.push(readFileSync(feedPath(), 'utf8'));
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();

    for (let round = 1; round <= 3; round++) {
      const before = revisionOnDisk();
      // Kill as soon as the next version's temporary file appears.
      const killed = new Promise<string>((resolve) => {
        const watcher = watch(out, (_event, name) => {
          if (name && name.startsWith(`.${ELECTION}.json.`) && name.endsWith('.tmp') && existsSync(join(out, name))) {
            night.child.kill('SIGKILL');
            watcher.close();
            resolve(name);
          }
        });
      });
      writeBallot(round);
      const temporary = await killed;
      expect(await night.exited).toBeNull();
      // The kill came before the rename: the published file is still the last revision, whole.
      expect(existsSync(join(out, temporary))).toBe(true);
      expect(revisionOnDisk()).toBe(before);

      night = publish(hold);
      await eventually(
        () => night.err.find((line) => line.startsWith('removed 1 temporary file')),
        'the leftover temporary file cleared',
      );
      expect(existsSync(join(out, temporary))).toBe(false);
      // The restarted publisher sees the ballot it had not published yet and publishes it as the next revision.
      await waitForRevision(before + 1);
      expect(published().areas.filter((area) => area.parent !== undefined)).toHaveLength(round + 1);
    }
    reading = false;
    await reader;
    await stop(night);

    expect(reads.length).toBeGreaterThan(10);
    for (const text of reads) expect(parseFeed(text).ok).toBe(true);
    const revisions = reads.map((text) => (JSON.parse(text) as Feed).meta.revision);
    expect(revisions).toEqual([...revisions].sort((a, b) => a - b));
    expect(published().meta.revision).toBe(4);
  }, 60_000);

  it('serves what it publishes over HTTP: 200 with a new ETag after each revision, 304 in between, gzip and brotli', async () => {
    writeBallot(0);
    const night = publish();
    await waitForRevision(1);
    const server = tally(folder.dir, ['serve', 'feeds', '--port', '0', '--host', '127.0.0.1']);
    const url = await eventually(() => /at (http:\/\/\S+)/.exec(server.out.join('\n'))?.[1], 'tally serve to listen');
    const feedUrl = new URL(`${ELECTION}.json`, url);

    const first = await fetch(feedUrl, { headers: { 'Accept-Encoding': 'br' } });
    expect(first.status).toBe(200);
    expect(first.headers.get('content-encoding')).toBe('br');
    expect(first.headers.get('cache-control')).toBe('public, max-age=5');
    expect(first.headers.get('access-control-expose-headers')).toBe('ETag, Last-Modified');
    const firstEtag = first.headers.get('etag')!;
    expect(((await first.json()) as Feed).meta.revision).toBe(1);

    const unchanged = await fetch(feedUrl, { headers: { 'If-None-Match': firstEtag, 'Accept-Encoding': 'br' } });
    expect(unchanged.status).toBe(304);

    writeBallot(1);
    await waitForRevision(2);
    const changed = await fetch(feedUrl, { headers: { 'If-None-Match': firstEtag, 'Accept-Encoding': 'gzip' } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('content-encoding')).toBe('gzip');
    expect(changed.headers.get('etag')).not.toBe(firstEtag);
    expect(((await changed.json()) as Feed).meta.revision).toBe(2);
    const byDate = await fetch(feedUrl, { headers: { 'If-Modified-Since': changed.headers.get('last-modified')! } });
    expect(byDate.status).toBe(304);

    const kept = await fetch(new URL(`history/${ELECTION}/1.json`, url));
    expect(kept.headers.get('cache-control')).toContain('immutable');

    await stop(night);
    await stop(server);
  }, 60_000);
});
