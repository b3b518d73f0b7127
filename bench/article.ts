/**
 * An article page with Tally embedded, loaded cold in Chromium on a throttled phone-like
 * connection (issue 20): 4× CPU slowdown and DevTools' "Fast 3G" profile (562.5 ms latency,
 * 1.44 Mbit/s down, 675 kbit/s up), through the Chrome DevTools Protocol.
 *
 * The page is a news article (a headline, paragraphs) with the element embed code pasted between
 * two paragraphs, as docs/embedding.md gives it: the stylesheet, the module script, the element.
 * Served as a CDN serves it: gzip, the feed with an ETag. Each run is a fresh browser context
 * (empty cache). Measured per page:
 * - requests made (all, and scripts) and bytes transferred (encoded, as on the wire);
 * - time to first results: from navigation start to the first frame after every widget on the
 *   page has rendered its feed;
 * - the article's Largest Contentful Paint (the page's own content: it must not wait for Tally);
 * - cumulative layout shift (stays 0 with tally.css: each widget's box is reserved).
 *
 * `after` is this build (dist/tally.js, the loader, and its chunks, built in memory);
 * `before` is another build's directory with tally.js and tally.css (`--before DIR`; main's
 * build when the figures in docs/performance.md were taken: one file with every widget).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { PredefinedNetworkConditions, type Browser } from 'puppeteer-core';
import { median } from './stats.js';

const ROOT = new URL('..', import.meta.url);
const FEED = readFileSync(new URL('test/fixtures/uk-general-2019.final.json', ROOT), 'utf8');
const LAYOUT = readFileSync(new URL('demo/data/hexjson/uk-constituencies-2019.hexjson', ROOT), 'utf8');

export const ARTICLE_WIDGETS = ['seat-bar', 'party-table', 'council-list', 'ticker'] as const;
export type ArticleWidget = (typeof ARTICLE_WIDGETS)[number];

export interface ArticleFigures {
  readonly build: 'before' | 'after';
  readonly widgets: readonly ArticleWidget[];
  readonly runs: number;
  /** Every request the page made, and its scripts among them (medians). */
  readonly requests: number;
  readonly scriptRequests: number;
  /** Bytes on the wire (encoded), all of them and the scripts' (medians). */
  readonly bytes: number;
  readonly scriptBytes: number;
  /** Navigation start → first frame with results in every widget, ms (median). */
  readonly firstResults: number;
  /** The article's Largest Contentful Paint, ms (median). */
  readonly lcp: number;
  /** Cumulative layout shift, the largest over the runs. */
  readonly cls: number;
  /** The scripts fetched in the last run (paths). */
  readonly scripts: readonly string[];
  /** Layout shifts seen in any run: when, how much, which nodes moved. */
  readonly shifts: readonly Shift[];
}

export interface Shift {
  readonly at: number;
  readonly value: number;
  readonly sources: readonly string[];
}

/** A build to serve: file path (relative to the build's root) → content. */
export type BuildFiles = ReadonlyMap<string, string | Uint8Array>;

/** tally.js and tally.css (and chunks/, if any) of a built dist/ directory. */
export function readBuild(dir: string): BuildFiles {
  const files = new Map<string, string | Uint8Array>();
  for (const name of ['tally.js', 'tally.css']) {
    if (!existsSync(join(dir, name))) throw new Error(`${dir} has no ${name}: build it first (npm run build)`);
    files.set(name, readFileSync(join(dir, name)));
  }
  return files;
}

const PARAGRAPH =
  'Counting continued through the night in town halls and leisure centres across the country, as returning officers declared ' +
  'results ward by ward. Turnout was reported to be close to the last comparable election in most places, with postal votes ' +
  'making up a larger share than before. Party officials were cautious in public, pointing to the councils still to declare.';

function articleHtml(build: string, widgets: readonly ArticleWidget[]): string {
  const elements = widgets
    .map((widget) => {
      const extra = widget === 'council-list' ? ' layout-src="/layout.hexjson"' : '';
      return `<tally-${widget} src="/feed.json"${extra}><a href="/results">Live results</a></tally-${widget}>`;
    })
    .join('\n    ');
  return `<!doctype html>
<html lang="en-GB">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Election results: the story of the night</title>
    <script>
      // The bench's own probes: LCP, layout shifts, and when every widget has shown results.
      window.bench = { lcp: 0, cls: 0, firstResults: undefined };
      new PerformanceObserver((list) => { for (const entry of list.getEntries()) window.bench.lcp = entry.startTime; }).observe({ type: 'largest-contentful-paint', buffered: true });
      window.bench.shifts = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          if (entry.hadRecentInput) continue;
          window.bench.cls += entry.value;
          const what = (node) => (node ? node.nodeName.toLowerCase() + (node.id ? '#' + node.id : '') + (node.parentNode && node.parentNode.host ? ' in ' + node.parentNode.host.nodeName.toLowerCase() : '') : '?');
          window.bench.shifts.push({ at: Math.round(entry.startTime), value: entry.value, sources: entry.sources.map((source) => what(source.node)) });
        }
      }).observe({ type: 'layout-shift', buffered: true });
      const updated = new Set();
      document.addEventListener('tally-feed-update', async (event) => {
        const element = event.composedPath()[0];
        updated.add(element);
        const all = [...document.querySelectorAll('tally-seat-bar, tally-party-table, tally-council-list, tally-ticker')];
        if (window.bench.firstResults !== undefined || !all.every((widget) => updated.has(widget))) return;
        await Promise.all(all.map((widget) => widget.updateComplete));
        requestAnimationFrame(() => { if (window.bench.firstResults === undefined) window.bench.firstResults = performance.now(); });
      });
    </script>
    <style>
      body { font: 18px/1.55 Georgia, serif; margin: 0 auto; max-width: 42rem; padding: 1rem; color: #1a1a1a; }
      h1 { font-size: 2rem; line-height: 1.2; }
    </style>
  </head>
  <body>
    <h1>Election results: the story of the night as councils declare</h1>
    <p class="standfirst">${PARAGRAPH}</p>
    <link rel="stylesheet" href="/${build}/tally.css">
    <script type="module" src="/${build}/tally.js"></script>
    ${elements}
    <p>${PARAGRAPH}</p>
    <p>${PARAGRAPH}</p>
  </body>
</html>`;
}

interface ArticleServer {
  readonly origin: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json; charset=utf-8',
  hexjson: 'application/json; charset=utf-8',
  html: 'text/html; charset=utf-8',
};

async function startArticleServer(builds: ReadonlyMap<string, BuildFiles>): Promise<ArticleServer> {
  const feedTag = `"${createHash('sha1').update(FEED).digest('hex').slice(0, 16)}"`;
  const send = (
    request: IncomingMessage,
    response: ServerResponse,
    body: string | Uint8Array,
    type: string,
    headers: Record<string, string> = {},
  ) => {
    const gzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    const payload = gzip ? gzipSync(body, { level: 9 }) : Buffer.from(body);
    response.writeHead(200, {
      'Content-Type': type,
      'Cache-Control': 'no-store',
      ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
      ...headers,
    });
    response.end(payload);
  };
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const article = /^\/article\/(\w+)\/([\w+-]+)\.html$/.exec(path);
    if (article && builds.has(article[1]!)) {
      const widgets = article[2]!
        .split('+')
        .filter((name): name is ArticleWidget => (ARTICLE_WIDGETS as readonly string[]).includes(name));
      return send(request, response, articleHtml(article[1]!, widgets), TYPES.html!);
    }
    const built = /^\/(\w+)\/(.+)$/.exec(path);
    const file = built ? builds.get(built[1]!)?.get(built[2]!) : undefined;
    if (file !== undefined)
      return send(request, response, file, TYPES[path.split('.').pop()!] ?? 'application/octet-stream');
    if (path === '/feed.json') {
      if (request.headers['if-none-match'] === feedTag) {
        response.writeHead(304, { ETag: feedTag });
        return response.end();
      }
      return send(request, response, FEED, TYPES.json!, {
        ETag: feedTag,
        'Cache-Control': 'public, max-age=0, must-revalidate',
      });
    }
    if (path === '/layout.hexjson') return send(request, response, LAYOUT, TYPES.hexjson!);
    response.writeHead(path === '/favicon.ico' ? 204 : 404);
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

interface Run {
  requests: number;
  scriptRequests: number;
  bytes: number;
  scriptBytes: number;
  firstResults: number;
  lcp: number;
  cls: number;
  scripts: string[];
  shifts: Shift[];
}

async function runOnce(
  browser: Browser,
  origin: string,
  build: string,
  widgets: readonly ArticleWidget[],
): Promise<Run> {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  try {
    await page.setViewport({ width: 412, height: 915, deviceScaleFactor: 1 });
    await page.emulateCPUThrottling(4);
    await page.emulateNetworkConditions(PredefinedNetworkConditions['Fast 3G']);
    const client = await page.createCDPSession();
    await client.send('Network.enable');
    const requests = new Map<string, { url: string; type: string }>();
    const sizes = new Map<string, number>();
    client.on('Network.requestWillBeSent', (event) =>
      requests.set(event.requestId, { url: event.request.url, type: event.type ?? '' }),
    );
    client.on('Network.loadingFinished', (event) => sizes.set(event.requestId, event.encodedDataLength));
    await page.goto(`${origin}/article/${build}/${widgets.join('+')}.html`, { waitUntil: 'load', timeout: 120_000 });
    await page.waitForFunction(
      () => (window as unknown as { bench: { firstResults?: number } }).bench.firstResults !== undefined,
      { timeout: 120_000, polling: 100 },
    );
    // A moment for late requests (a poll is 30 s away) and the last LCP candidate.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const probe = await page.evaluate(
      () => (window as unknown as { bench: { lcp: number; cls: number; firstResults: number; shifts: Shift[] } }).bench,
    );
    const seen = [...requests].filter(([, request]) => !request.url.endsWith('/favicon.ico'));
    const scripts = seen.filter(([, request]) => request.type === 'Script');
    const bytes = (list: typeof seen) => list.reduce((sum, [id]) => sum + (sizes.get(id) ?? 0), 0);
    return {
      requests: seen.length,
      scriptRequests: scripts.length,
      bytes: bytes(seen),
      scriptBytes: bytes(scripts),
      firstResults: probe.firstResults,
      lcp: probe.lcp,
      cls: probe.cls,
      scripts: scripts.map(([, request]) => new URL(request.url).pathname),
      shifts: probe.shifts,
    };
  } finally {
    await context.close();
  }
}

/**
 * Every page (one widget each, then all four) with each build, runs taking turns across pages
 * and builds so that other work on the machine weighs on all alike; medians.
 */
export async function measureArticles(
  browser: Browser,
  builds: ReadonlyMap<'before' | 'after', BuildFiles>,
  runs: number,
  log = (line: string) => console.log(line),
  pages: readonly (readonly ArticleWidget[])[] = [
    ...ARTICLE_WIDGETS.map((widget) => [widget] as const),
    ARTICLE_WIDGETS,
  ],
): Promise<ArticleFigures[]> {
  const server = await startArticleServer(builds);
  const samples = new Map<string, Run[]>();
  try {
    for (let run = 0; run < runs; run += 1) {
      for (const widgets of pages) {
        for (const build of builds.keys()) {
          const key = `${build} ${widgets.join('+')}`;
          const sample = await runOnce(browser, server.origin, build, widgets);
          samples.set(key, [...(samples.get(key) ?? []), sample]);
          log(
            `  run ${run + 1}/${runs} ${key}: first results ${Math.round(sample.firstResults)} ms, LCP ${Math.round(sample.lcp)} ms, ${sample.scriptRequests} scripts`,
          );
        }
      }
    }
  } finally {
    await server.close();
  }
  const figures: ArticleFigures[] = [];
  for (const widgets of pages) {
    for (const build of builds.keys()) {
      const list = samples.get(`${build} ${widgets.join('+')}`)!;
      const mid = (pick: (run: Run) => number) => median(list.map(pick));
      figures.push({
        build,
        widgets,
        runs: list.length,
        requests: mid((run) => run.requests),
        scriptRequests: mid((run) => run.scriptRequests),
        bytes: mid((run) => run.bytes),
        scriptBytes: mid((run) => run.scriptBytes),
        firstResults: mid((run) => run.firstResults),
        lcp: mid((run) => run.lcp),
        cls: Math.max(...list.map((run) => run.cls)),
        scripts: list.at(-1)!.scripts,
        shifts: list.flatMap((run) => run.shifts),
      });
    }
  }
  return figures;
}
