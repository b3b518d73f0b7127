/**
 * PNG snapshots, photographed in the system's Chromium (headless, JavaScript off: what is
 * photographed is the server-rendered HTML, or the SVG snapshot for the charts). Chromium is
 * driven through puppeteer-core, an optional peer dependency: neither is needed for anything
 * else, and each missing one is named with how to install it (`SnapshotToolError`).
 */
import { accessSync, constants } from 'node:fs';
import type { Feed } from '../feed/schema.js';
import { translate } from '../i18n/messages.js';
import { canonicalLocale } from '../i18n/language-tag.js';
import { renderWidget, DEFAULT_SERVER_LANG, type WidgetAttributes } from './render-widget.js';
import {
  snapshotCaption,
  snapshotSource,
  snapshotSvg,
  SVG_SNAPSHOT_WIDGETS,
  type SnapshotOptions,
} from './snapshot-svg.js';
import './messages.js';

/** Where Chromium is looked for, in order; CHROME_PATH wins when set. */
export const CHROMIUM_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

/** Something the PNG snapshot needs is not installed: the message says what to install. */
export class SnapshotToolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SnapshotToolError';
  }
}

const executable = (path: string) => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** The Chromium to photograph with, or a SnapshotToolError saying how to get one. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  if (env.CHROME_PATH) {
    if (executable(env.CHROME_PATH)) return env.CHROME_PATH;
    throw new SnapshotToolError(
      `CHROME_PATH is set to ${env.CHROME_PATH}, which is not an executable file: point it at Chromium or Chrome.`,
    );
  }
  const found = CHROMIUM_PATHS.find(executable);
  if (found) return found;
  throw new SnapshotToolError(
    'PNG snapshots need Chromium, and none was found: install it (Debian or Ubuntu: sudo apt-get install -y chromium; macOS: install Google Chrome) or set CHROME_PATH to a Chromium or Chrome executable. SVG snapshots of the seat bar and the council map need no browser.',
  );
}

type Puppeteer = typeof import('puppeteer-core');

async function loadPuppeteer(): Promise<Puppeteer['default']> {
  try {
    return (await import('puppeteer-core')).default;
  } catch {
    throw new SnapshotToolError(
      'PNG snapshots drive Chromium through puppeteer-core, which is not installed: npm install puppeteer-core (it downloads no browser).',
    );
  }
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Headless Chromium, quiet: no sandbox (containers), no GPU, nothing fetched in the background. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--disable-extensions',
  '--mute-audio',
];

/**
 * The page photographed for a widget without an SVG snapshot: a card with the caption, the
 * widget as the server renders it, and the source.
 */
export async function snapshotPage(
  widget: string,
  feed: Feed,
  options: SnapshotOptions & { readonly attrs?: WidgetAttributes } = {},
): Promise<string> {
  const width = Math.round(options.width ?? 1200);
  const theme = options.theme ?? 'light';
  const locale = canonicalLocale(options.lang ?? DEFAULT_SERVER_LANG);
  const attrs: WidgetAttributes = {
    ...options.attrs,
    theme,
    lang: locale,
    ...(options.timeZone ? { 'time-zone': options.timeZone } : {}),
  };
  const html = await renderWidget(widget, feed, attrs, { inlineFeed: false, layout: options.hexLayout });
  const source = snapshotSource(feed, options.source);
  const dark = theme === 'dark';
  return `<!doctype html>
<html lang="${escapeHtml(locale)}"><head><meta charset="utf-8"><title>${escapeHtml(feed.meta.election.title)}</title>
<style>
  html { color-scheme: ${theme}; }
  body { margin: 0; background: ${dark ? '#121417' : '#ffffff'}; color: ${dark ? '#f1f1f1' : '#1b1b1b'}; font-family: system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif; }
  .card { box-sizing: border-box; width: ${width}px; padding: ${Math.round(width / 25)}px; font-size: ${Math.round(width / 60)}px; }
  .caption, .source { color: ${dark ? '#b4b4b4' : '#595959'}; margin: 0 0 1em; }
  .source { margin: 1em 0 0; font-size: 0.85em; }
</style></head>
<body><div class="card"><p class="caption">${escapeHtml(snapshotCaption(feed, locale, options.timeZone))}</p>${html}${
    source ? `<p class="source">${escapeHtml(translate(locale, 'snapshot.source', { source }))}</p>` : ''
  }</div></body></html>`;
}

/**
 * A PNG of the widget, `width` pixels wide (twice that with `scale: 2`). Charts are drawn from
 * their SVG snapshot; tables and lists are photographed as the server renders them.
 */
export async function snapshotPng(
  widget: string,
  feed: Feed,
  options: SnapshotOptions & { readonly attrs?: WidgetAttributes; readonly scale?: number } = {},
): Promise<Uint8Array> {
  const executablePath = findChromium();
  const puppeteer = await loadPuppeteer();
  const width = Math.round(options.width ?? 1200);
  const chart = (SVG_SNAPSHOT_WIDGETS as readonly string[]).includes(widget);
  const html = chart
    ? `<!doctype html><html><head><meta charset="utf-8"><style>body{margin:0}svg{display:block}</style></head><body><div class="card">${snapshotSvg(widget, feed, { ...options, ...attributeOptions(options.attrs) })}</div></body></html>`
    : await snapshotPage(widget, feed, options);
  const browser = await puppeteer.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.setJavaScriptEnabled(false);
    // Nothing leaves the machine: the page is whole.
    await page.setRequestInterception(true);
    page.on('request', (request) => void (request.url().startsWith('data:') ? request.continue() : request.abort()));
    await page.setViewport({ width, height: 600, deviceScaleFactor: options.scale ?? 1 });
    await page.setContent(html, { waitUntil: 'load' });
    const card = await page.$('.card');
    if (!card) throw new Error('the snapshot page has no card');
    return await card.screenshot({ type: 'png' });
  } finally {
    await browser.close();
  }
}

/** The seat bar's settings given as element attributes (`--attr layout=parliament`). */
function attributeOptions(attrs: WidgetAttributes | undefined): Partial<SnapshotOptions> {
  const text = (name: string) => (typeof attrs?.[name] === 'string' ? (attrs[name] as string) : undefined);
  return Object.fromEntries(
    Object.entries({
      layout: text('layout'),
      measure: text('measure'),
      area: text('area'),
      othersBelow: text('others-below'),
    }).filter(([, value]) => value !== undefined),
  );
}

export { attributeOptions as snapshotOptionsFromAttributes };

/**
 * Many SVG snapshots to PNG in one Chromium session (an area page's Open Graph images): one
 * browser for all, each image its own screenshot.
 */
export async function rasterizeSvgs(
  svgs: readonly string[],
  options: { readonly scale?: number } = {},
): Promise<Uint8Array[]> {
  if (svgs.length === 0) return [];
  const executablePath = findChromium();
  const puppeteer = await loadPuppeteer();
  const browser = await puppeteer.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.setJavaScriptEnabled(false);
    const images: Uint8Array[] = [];
    for (const svg of svgs) {
      const width = Number(/width="(\d+)"/.exec(svg)?.[1] ?? 1200);
      await page.setViewport({ width, height: 600, deviceScaleFactor: options.scale ?? 1 });
      await page.setContent(
        `<!doctype html><html><head><meta charset="utf-8"><style>body{margin:0}svg{display:block}</style></head><body><div class="card">${svg}</div></body></html>`,
      );
      const card = await page.$('.card');
      images.push(await card!.screenshot({ type: 'png' }));
    }
    return images;
  } finally {
    await browser.close();
  }
}

/** Whether PNG snapshots can be made here (Chromium and puppeteer-core present), or why not. */
export async function pngSupport(): Promise<{ readonly ok: true } | { readonly ok: false; readonly reason: string }> {
  try {
    findChromium();
    await loadPuppeteer();
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
}
