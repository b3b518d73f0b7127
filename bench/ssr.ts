/**
 * The server side of issue 21 in `npm run bench`: rendering each widget to HTML in Node
 * (renderWidget, Lit SSR) at 650 and 8,360 areas, and `tally publish --pages` writing the area
 * pages after one new declaration, when only the changed pages are written again.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertFeed } from '../src/feed/validate.js';
import type { Feed, FeedInput } from '../src/feed/schema.js';
import { renderWidget, SERVER_WIDGETS, type ServerWidgetName } from '../src/server/index.js';
import { PagesWriter } from '../src/cli/publish/pages.js';
import type { BenchDataset } from './feeds.js';
import { median } from './stats.js';

export interface ServerRenderFigures {
  readonly dataset: string;
  readonly areas: number;
  /** Median ms per widget, and the HTML's size in bytes. */
  readonly widgets: Record<ServerWidgetName, { readonly ms: number; readonly bytes: number }>;
}

export interface PagesFigures {
  readonly dataset: string;
  readonly pages: number;
  /** Every page written: the first publication. */
  readonly first: { readonly ms: number; readonly written: number };
  /** One more area declared: the pages written again, and how long it took (median). */
  readonly next: { readonly ms: number; readonly written: number; readonly unchanged: number; readonly runs: number };
  /** The same feed again: nothing to write (the keys checked). */
  readonly unchanged: { readonly ms: number; readonly written: number };
}

const time = async (work: () => Promise<unknown>): Promise<number> => {
  const started = performance.now();
  await work();
  return performance.now() - started;
};

/** Each widget rendered on the server from `dataset`'s complete feed, `runs` times after a warm-up. */
export async function measureServerRender(dataset: BenchDataset, runs: number): Promise<ServerRenderFigures> {
  const feed = assertFeed(dataset.after);
  const widgets = {} as Record<ServerWidgetName, { ms: number; bytes: number }>;
  for (const widget of Object.keys(SERVER_WIDGETS) as ServerWidgetName[]) {
    const html = await renderWidget(widget, feed);
    await renderWidget(widget, feed);
    const times: number[] = [];
    for (let i = 0; i < runs; i++) times.push(await time(() => renderWidget(widget, feed)));
    widgets[widget] = { ms: median(times), bytes: Buffer.byteLength(html) };
  }
  return { dataset: dataset.name, areas: dataset.areas, widgets };
}

/** `before` with one of the ten last areas declared: the next publication of the night. */
function oneMoreDeclared(dataset: BenchDataset, index: number, revision: number): Feed {
  const id = dataset.declaring[index]!;
  const declared = dataset.after.areas.find((area) => area.id === dataset.declaring[index])!;
  const input: FeedInput = {
    ...dataset.before,
    meta: { ...dataset.before.meta, revision, dataChangedAt: declared.declaredAt ?? dataset.after.meta.dataChangedAt },
    areas: dataset.before.areas.map((area) => (area.id === id ? declared : area)),
  };
  return assertFeed(input);
}

/**
 * The area pages of `dataset` written into a temporary folder (SVG images: the figure is the
 * pages, not Chromium), then `runs` publications of one more declaration each.
 */
export async function measurePages(dataset: BenchDataset, runs: number): Promise<PagesFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'tally-bench-pages-'));
  try {
    const writer = new PagesWriter(dir, { baseUrl: 'https://results.example.org/', images: 'svg' });
    const before = assertFeed(dataset.before);
    let firstWritten = 0;
    const firstMs = await time(async () => (firstWritten = (await writer.update(before)).written.length));
    const unchanged = await writer.update(before);
    const times: number[] = [];
    let written = 0;
    let kept = 0;
    let feed = before;
    for (let i = 0; i < Math.min(runs, dataset.declaring.length); i++) {
      // One area at a time, from the state before: each publication declares one more.
      const next = oneMoreDeclared({ ...dataset, before: feed as unknown as FeedInput }, i, feed.meta.revision + 1);
      const update = await writer.update(next);
      times.push(update.ms);
      written = update.written.length;
      kept = update.unchanged;
      feed = next;
    }
    return {
      dataset: dataset.name,
      pages: firstWritten,
      first: { ms: firstMs, written: firstWritten },
      next: { ms: median(times), written, unchanged: kept, runs: times.length },
      unchanged: { ms: unchanged.ms, written: unchanged.written.length },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
