#!/usr/bin/env node
/**
 * Screenshots for the docs: each widget in light, dark, forced colours (Windows high contrast),
 * at 320 px and right to left, from real results, written to docs/screenshots/<widget>-<setting>.png.
 *
 *   node demo/screenshots.mjs                 # builds the demo pages if needed, then shoots all 25
 *   node demo/screenshots.mjs --build         # rebuild the demo pages first
 *   node demo/screenshots.mjs --out .tmp/shots --only council-list
 *   node demo/screenshots.mjs --only live-blog   # the demo home page, final results (docs/screenshots/live-blog.png)
 *
 * Uses the system Chromium (CHROME_PATH, else /usr/bin/chromium) through puppeteer-core, and the
 * built stage page dist-demo/screenshots.html (demo/screenshots.html), served here on a free port.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, findChromium, missingChromiumMessage } from '../test/chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const option = (name) => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
};
const outDir = resolve(root, option('--out') ?? 'docs/screenshots');
const only = option('--only');
const site = join(root, 'dist-demo');

const WIDGETS = ['seat-bar', 'party-table', 'council-list', 'ticker', 'area-result'];
/** Each setting: the stage's query, the emulated media and the viewport width. */
const SETTINGS = {
  light: { query: '', media: { colorScheme: 'light' }, width: 760 },
  dark: { query: '', media: { colorScheme: 'dark' }, width: 760 },
  'forced-colours': { query: '', media: { colorScheme: 'light', forcedColors: 'active' }, width: 760 },
  '320px': { query: '', media: { colorScheme: 'light' }, width: 320 },
  rtl: { query: '&dir=rtl', media: { colorScheme: 'light' }, width: 760 },
};

if (args.includes('--build') || !existsSync(join(site, 'screenshots.html'))) {
  console.log('Building the demo pages (vite build --mode demo)…');
  const build = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--mode', 'demo'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

if (!existsSync(join(site, 'feeds', 'uk-local-2018.final.json'))) {
  const feeds = spawnSync(
    process.execPath,
    [join(root, 'node_modules/tsx/dist/cli.mjs'), 'demo/feeds/write-feeds.ts', 'dist-demo/feeds', '--static'],
    { cwd: root, stdio: 'inherit' },
  );
  if (feeds.status !== 0) process.exit(feeds.status ?? 1);
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.hexjson': 'application/json',
  '.svg': 'image/svg+xml',
};
const server = createServer((request, response) => {
  const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
  const file = resolve(site, `.${path}`);
  if (!file.startsWith(site + sep) || !existsSync(file) || !statSync(file).isFile()) {
    response.writeHead(404).end('not found');
    return;
  }
  response
    .writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' })
    .end(readFileSync(file));
});
await new Promise((done) => server.listen(0, '127.0.0.1', done));
const origin = `http://127.0.0.1:${server.address().port}`;

const executablePath = process.env.CHROME_PATH || findChromium();
if (!executablePath) {
  console.error(missingChromiumMessage());
  process.exit(1);
}
const browser = await puppeteer.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
mkdirSync(outDir, { recursive: true });
let failures = 0;
try {
  for (const widget of WIDGETS.filter((name) => !only || name === only)) {
    for (const [setting, { query, media, width }] of Object.entries(SETTINGS)) {
      const page = await browser.newPage();
      await page.setViewport({ width, height: 900, deviceScaleFactor: 1 });
      const cdp = await page.createCDPSession();
      await cdp.send('Emulation.setEmulatedMedia', {
        features: [
          { name: 'prefers-color-scheme', value: media.colorScheme ?? '' },
          { name: 'forced-colors', value: media.forcedColors ?? '' },
          // Screenshots show the settled state, never an animation half way.
          { name: 'prefers-reduced-motion', value: 'reduce' },
        ],
      });
      const errors = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${origin}/screenshots.html?shot&widget=${widget}${query}`);
      await page.waitForSelector('body[data-ready]', { timeout: 20_000 });
      if (widget === 'council-list') {
        await page.waitForFunction(
          () => document.querySelector('tally-council-list')?.shadowRoot?.querySelector('.hexes .hex') !== null,
          { timeout: 20_000 },
        );
      }
      await page.evaluate(() => document.fonts.ready);
      // The whole page in the viewport: rows off screen are not painted (content-visibility).
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      await page.setViewport({ width, height: Math.max(600, Math.ceil(height)), deviceScaleFactor: 1 });
      await new Promise((done) => setTimeout(done, 200));
      const scrolls = await page.evaluate(
        () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
      );
      const stage = await page.$('main');
      const path = join(outDir, `${widget}-${setting}.png`);
      await stage.screenshot({ path });
      const notes = [
        ...errors.map((message) => `page error: ${message}`),
        ...(scrolls ? ['the page scrolls sideways'] : []),
      ];
      if (notes.length > 0) failures += 1;
      console.log(`${path.slice(root.length)}${notes.length > 0 ? `  ✗ ${notes.join('; ')}` : ''}`);
      await page.close();
    }
  }
  // The live blog (the demo home page) as a static host shows it: each night's final results.
  if (!only || only === 'live-blog') {
    const page = await browser.newPage();
    await page.setViewport({ width: 1000, height: 3600, deviceScaleFactor: 1 });
    const cdp = await page.createCDPSession();
    await cdp.send('Emulation.setEmulatedMedia', {
      features: [
        { name: 'prefers-color-scheme', value: 'light' },
        { name: 'prefers-reduced-motion', value: 'reduce' },
      ],
    });
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${origin}/index.html?night=uk-local-2018`);
    await page.waitForFunction(
      () =>
        document.querySelector('tally-council-list')?.shadowRoot?.querySelector('.hexes .hex') &&
        document.querySelector('tally-party-table')?.shadowRoot?.querySelector('tbody tr') &&
        document.querySelector('tally-seat-bar')?.shadowRoot?.querySelector('[part~="segment"]'),
      { timeout: 30_000 },
    );
    await page.evaluate(() => document.fonts.ready);
    await new Promise((done) => setTimeout(done, 300));
    const path = join(outDir, 'live-blog.png');
    await page.screenshot({ path, clip: { x: 0, y: 0, width: 1000, height: 1800 } });
    if (errors.length > 0) failures += 1;
    console.log(`${path.slice(root.length)}${errors.length > 0 ? `  ✗ ${errors.join('; ')}` : ''}`);
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}
process.exit(failures > 0 ? 1 : 0);
