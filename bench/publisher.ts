/**
 * The publisher in Node: how long from a change of the source file to the new feed on disk,
 * through the same code as `tally publish hoc-csv` (file-system events, the settle time, the
 * adapter, the comparison, events, validation, the atomic write and the history copy), at 650
 * areas (the GE2019 results from demo/data) and 8,360 (a synthetic results CSV made here,
 * deterministic, never presented as results); and the heap over a thousand publications.
 *
 * Each change rewrites the CSV atomically with one constituency's votes changed (a correction),
 * as a spreadsheet export or a sync tool would. The time runs from just before that rename to
 * the publisher reporting the publication (both files written and flushed).
 */
import { mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { adapters, electionConfig, type ElectionConfig } from '../src/adapters/index.js';
import type { FeedInput } from '../src/feed/schema.js';
import { SOURCE_KINDS } from '../src/cli/kinds.js';
import { Publisher } from '../src/cli/publish/publisher.js';
import { startPublishing } from '../src/cli/publish/run.js';
import { FeedStore } from '../src/cli/publish/store.js';
import { random } from '../demo/council-list/synthetic.js';
import { median } from './stats.js';

const GE2019 = new URL('../demo/data/uk-general-2019/HoC-GE2019-results-by-constituency.csv', import.meta.url);

export interface PublisherLatency {
  readonly areas: number;
  readonly runs: number;
  /** Source renamed into place → publication reported, median and worst (ms). */
  readonly changeToDisk: { readonly median: number; readonly max: number };
  /** Of which the publisher's own work, from the start of its look (ms, median). */
  readonly look: number;
  /** The settle time the schedule waits after the last file-system event (ms). */
  readonly settleMs: number;
  readonly feedBytes: number;
}

export interface PublisherMemory {
  readonly publications: number;
  readonly areas: number;
  /** Heap used after a full GC, MB, at each checkpoint. */
  readonly heapMB: readonly {
    readonly after: number;
    readonly heapMB: number;
    readonly events: number;
    readonly feedKB: number;
  }[];
  /** Heap growth from the first checkpoint after a publication to the last, MB. */
  readonly growthMB: number;
}

const config = (id: string): ElectionConfig =>
  electionConfig({
    election: { id, title: `Publisher bench (${id})`, date: '2019-12-12', kind: 'general' },
    baseline: { label: 'Change since 2017' },
  });

/** A House of Commons Library style CSV of `areas` synthetic constituencies (test data). */
function syntheticCsv(areas: number): string {
  const next = random(8360);
  const rows = ['ONS ID,Constituency name,Region name,Result,First party,Electorate,Valid votes,Majority,Con,Lab,LD'];
  for (let index = 0; index < areas; index++) {
    const votes = [
      5000 + Math.floor(next() * 25000),
      5000 + Math.floor(next() * 25000),
      1000 + Math.floor(next() * 15000),
    ];
    const order = [0, 1, 2].sort((a, b) => votes[b]! - votes[a]! || a - b);
    const winner = ['Con', 'Lab', 'LD'][order[0]!]!;
    const valid = votes[0]! + votes[1]! + votes[2]!;
    rows.push(
      [
        `S${String(index).padStart(7, '0')}`,
        `Synthetic ${index + 1}`,
        `Region ${(index % 12) + 1}`,
        `${winner} hold`,
        winner,
        90000,
        valid,
        votes[order[0]!]! - votes[order[1]!]!,
        ...votes,
      ].join(','),
    );
  }
  return `${rows.join('\n')}\n`;
}

/** The CSV with the first data row's votes for its third party raised by `delta` (the winner stays the winner). */
function withCorrection(csv: string, delta: number): string {
  const lines = csv.split('\n');
  const header = lines[0]!.split(',');
  const cells = lines[1]!.split(',');
  const parties = ['Con', 'Lab', 'LD'].map((name) => header.indexOf(name)).filter((index) => index >= 0);
  const validColumn = header.indexOf('Valid votes');
  const third = [...parties].sort((a, b) => Number(cells[b]) - Number(cells[a]))[2]!;
  cells[third] = String(Number(cells[third]) + delta);
  if (validColumn >= 0) cells[validColumn] = String(Number(cells[validColumn]) + delta);
  lines[1] = cells.join(',');
  return lines.join('\n');
}

/** Median and worst time from a source change to the new feed on disk, over `runs` changes. */
export async function measureChangeToDisk(name: 'ge2019' | 'areas-8360', runs: number): Promise<PublisherLatency> {
  const folder = mkdtempSync(join(tmpdir(), 'tally-bench-publish-'));
  const csv = name === 'ge2019' ? readFileSync(GE2019, 'utf8') : syntheticCsv(8360);
  const source = join(folder, 'results.csv');
  writeFileSync(source, csv);
  const settleMs = 50;
  let resolvePublished: ((value: { at: number; look: number; bytes: number; areas: number }) => void) | undefined;
  const run = await startPublishing({
    adapter: adapters['hoc-csv']!,
    profile: SOURCE_KINDS['hoc-csv'].profile,
    watch: source,
    outDir: join(folder, 'out'),
    config: config(name),
    intervalMs: 5_000,
    settleMs,
    report: {
      opened: () => {},
      published: (result, details) =>
        resolvePublished?.({
          at: performance.now(),
          look: details.ms,
          bytes: result.bytes,
          areas: result.feed.areas.length,
        }),
      unchanged: () => {},
      rejected: (problems) => {
        throw new Error(`bench source rejected: ${problems.map((problem) => problem.message).join('; ')}`);
      },
      warnings: () => {},
      watchFailed: (error) => {
        throw error;
      },
    },
  });
  const next = () =>
    new Promise<{ at: number; look: number; bytes: number; areas: number }>((resolve) => (resolvePublished = resolve));
  try {
    let last = await next();
    const totals: number[] = [];
    const looks: number[] = [];
    // Two warm-up changes, then the measured ones.
    for (let i = 0; i < runs + 2; i++) {
      const published = next();
      const staged = join(folder, `.results.csv.${i}.tmp`);
      writeFileSync(staged, withCorrection(csv, (i % 2) + 1));
      const start = performance.now();
      renameSync(staged, source);
      last = await published;
      if (i >= 2) {
        totals.push(last.at - start);
        looks.push(last.look);
      }
    }
    return {
      areas: last.areas,
      runs,
      changeToDisk: { median: median(totals), max: Math.max(...totals) },
      look: median(looks),
      settleMs,
      feedBytes: last.bytes,
    };
  } finally {
    await run.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}

/** A full garbage collection (V8's, exposed for this process only). */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/**
 * The heap over `publications` publications of the GE2019 feed, each a correction (so each adds
 * an event, the only thing that should grow). History files are deleted as the run goes, to
 * keep the disk use small; the publisher does not read them back.
 */
export async function measurePublisherMemory(publications = 1000, checkpoints = 5): Promise<PublisherMemory> {
  const gc = collector();
  const folder = mkdtempSync(join(tmpdir(), 'tally-bench-memory-'));
  const csv = readFileSync(GE2019, 'utf8');
  const settings = config('memory');
  const feeds: FeedInput[] = [1, 2].map(
    (delta) =>
      adapters['hoc-csv']!([{ name: 'results.csv', text: withCorrection(csv, delta) }], settings, {
        now: '2019-12-13T06:00:00Z',
      }).feed,
  );
  const store = new FeedStore(join(folder, 'out'), 'memory');
  let clock = Date.parse('2019-12-13T06:00:00Z');
  const { publisher } = await Publisher.open(store, { now: () => (clock += 1000) });
  const heapMB: { after: number; heapMB: number; events: number; feedKB: number }[] = [];
  const every = Math.max(1, Math.floor(publications / (checkpoints - 1)));
  try {
    for (let i = 0; i <= publications; i++) {
      if (i > 0) {
        const result = await publisher.publish(feeds[i % 2]!);
        if (result.kind !== 'published') throw new Error(`publication ${i} was ${result.kind}`);
      }
      if (i % 50 === 0)
        for (const file of readdirSync(store.historyDir))
          if (Number.parseInt(file, 10) < publisher.revision) unlinkSync(join(store.historyDir, file));
      if (i % every === 0 || i === publications) {
        gc();
        gc();
        const current = publisher.current;
        heapMB.push({
          after: i,
          heapMB: process.memoryUsage().heapUsed / 2 ** 20,
          events: current?.events?.length ?? 0,
          feedKB: current ? JSON.stringify(current).length / 1024 : 0,
        });
      }
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  const published = heapMB.filter((point) => point.after > 0);
  return {
    publications,
    areas: feeds[0]!.areas.length,
    heapMB,
    growthMB: published.at(-1)!.heapMB - published[0]!.heapMB,
  };
}
