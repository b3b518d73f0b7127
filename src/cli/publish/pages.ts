/**
 * `tally publish … --pages <dir>`: the static page per area and the index, written after each
 * publication. Only the pages whose area changed are drawn and written again: the folder's
 * `tally-pages.json` keeps each page's content key and when it last changed. Each page has its
 * Open Graph image beside it (images/<page>.png, or .svg without Chromium).
 */
import { mkdir, readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Feed } from '../../feed/schema.js';
import { areaPages, pngSupport, rasterizeSvgs, snapshotSvg, type AreaPagesOptions } from '../../server/index.js';
import { writeFileAtomic } from './atomic-write.js';

export const PAGES_MANIFEST = 'tally-pages.json';

interface ManifestEntry {
  readonly key: string;
  /** When the page's content last changed (the area's feed is dated so). */
  readonly changedAt: string;
  readonly area: string | null;
}

interface Manifest {
  readonly format: 'tally-pages/1';
  readonly election: string;
  readonly pages: Record<string, ManifestEntry>;
}

export interface PagesUpdate {
  /** Pages drawn and written, by path. */
  readonly written: readonly string[];
  /** Pages left as they were. */
  readonly unchanged: number;
  readonly ms: number;
}

export interface PagesWriterOptions extends Omit<AreaPagesOptions, 'imageFormat'> {
  /** `png` (needs Chromium and puppeteer-core), `svg`, or `auto` (png when possible). */
  readonly images?: 'png' | 'svg' | 'auto';
  readonly beforeRename?: (temporaryPath: string) => void | Promise<void>;
  /** Told once when PNG images were asked for or wanted and cannot be made. */
  readonly warn?: (message: string) => void;
}

export class PagesWriter {
  private imageFormat: 'png' | 'svg' | undefined;

  constructor(
    readonly dir: string,
    private readonly options: PagesWriterOptions,
  ) {}

  private async format(): Promise<'png' | 'svg'> {
    if (this.imageFormat) return this.imageFormat;
    const wanted = this.options.images ?? 'auto';
    if (wanted === 'svg') return (this.imageFormat = 'svg');
    const support = await pngSupport();
    if (support.ok) return (this.imageFormat = 'png');
    this.options.warn?.(`pages: Open Graph images are SVG, which most social sites do not show: ${support.reason}`);
    return (this.imageFormat = 'svg');
  }

  private async manifest(election: string): Promise<Manifest> {
    try {
      const read = JSON.parse(await readFile(join(this.dir, PAGES_MANIFEST), 'utf8')) as Manifest;
      if (read.format === 'tally-pages/1' && read.election === election && read.pages) return read;
    } catch {
      // No manifest yet (or a broken one): every page is written.
    }
    return { format: 'tally-pages/1', election, pages: {} };
  }

  /** Write the pages of `feed` whose content changed since the last update. */
  async update(feed: Feed): Promise<PagesUpdate> {
    const started = performance.now();
    const imageFormat = await this.format();
    const before = await this.manifest(feed.meta.election.id);
    const { baseUrl, lang, timeZone, feedUrl, scriptUrl, stylesheetUrl } = this.options;
    const pageOptions: AreaPagesOptions = { baseUrl, lang, timeZone, feedUrl, scriptUrl, stylesheetUrl, imageFormat };
    // An area's page keeps the date its content last changed while its content stays the same.
    const byArea = new Map(
      Object.values(before.pages)
        .filter((entry) => entry.area !== null)
        .map((entry) => [entry.area!, entry]),
    );
    const pages = areaPages(feed, pageOptions, (area, key) =>
      byArea.get(area)?.key === key ? byArea.get(area)!.changedAt : feed.meta.dataChangedAt,
    );
    const pagesAfter: Record<string, ManifestEntry> = {};
    const toWrite = [];
    for (const page of pages) {
      const entry = before.pages[page.path];
      const same =
        entry?.key === page.key &&
        (await exists(join(this.dir, page.path))) &&
        (await exists(join(this.dir, page.imagePath)));
      pagesAfter[page.path] = same
        ? entry!
        : { key: page.key, changedAt: page.feed.meta.dataChangedAt, area: page.areaId ?? null };
      if (!same) toWrite.push(page);
    }
    const svgs = toWrite.map((page) =>
      snapshotSvg('seat-bar', page.feed, {
        ...(page.areaId ? { area: page.areaId } : {}),
        lang: this.options.lang,
        timeZone: this.options.timeZone,
      }),
    );
    const images = imageFormat === 'png' ? await rasterizeSvgs(svgs) : svgs;
    for (const [index, page] of toWrite.entries()) {
      const html = await page.html();
      await mkdir(dirname(join(this.dir, page.path)), { recursive: true });
      await mkdir(dirname(join(this.dir, page.imagePath)), { recursive: true });
      await writeFileAtomic(join(this.dir, page.imagePath), images[index]!, {
        beforeRename: this.options.beforeRename,
      });
      await writeFileAtomic(join(this.dir, page.path), html, { beforeRename: this.options.beforeRename });
    }
    const manifest: Manifest = { format: 'tally-pages/1', election: feed.meta.election.id, pages: pagesAfter };
    await writeFileAtomic(join(this.dir, PAGES_MANIFEST), `${JSON.stringify(manifest, null, 1)}\n`, {
      beforeRename: this.options.beforeRename,
    });
    return {
      written: toWrite.map((page) => page.path),
      unchanged: pages.length - toWrite.length,
      ms: performance.now() - started,
    };
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/**
 * Pages updated one publication at a time: a publication that arrives while pages are being
 * written waits, and only the latest waiting one is written (the one before it is out of date).
 */
export class PagesQueue {
  private running: Promise<void> = Promise.resolve();
  private waiting: Feed | undefined;
  private busy = false;

  constructor(
    private readonly writer: PagesWriter,
    private readonly report: (update: PagesUpdate, feed: Feed) => void,
    private readonly failed: (error: Error) => void,
  ) {}

  add(feed: Feed): void {
    this.waiting = feed;
    if (this.busy) return;
    this.busy = true;
    this.running = (async () => {
      while (this.waiting) {
        const next = this.waiting;
        this.waiting = undefined;
        try {
          this.report(await this.writer.update(next), next);
        } catch (error) {
          this.failed(error as Error);
        }
      }
      this.busy = false;
    })();
  }

  /** Resolves when every page asked for is written. */
  idle(): Promise<void> {
    return this.running;
  }
}
