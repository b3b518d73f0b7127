/**
 * The result card switching area at 8,360 areas (issue 19: under 16 ms of script), in headless
 * Chromium with the production bundle. A reader's switch, as a reader makes it: the area's name
 * typed into the search box (one input event: the search runs over every name), Down Arrow,
 * Enter, and the card drawn with the new area's result; and the page setting `area`.
 *
 * Script: from the first event to the card's update done (`updateComplete`), on the page's own
 * clock. The switch runs in one task (events dispatched at once, Lit's update in the microtasks
 * after them), so nothing else runs in between; what the card's code makes the browser do at
 * once (a style read for the party colours) is counted, the layout and paint after it are not.
 * Busy: the main thread's work to the painted frame, from Chromium's timeline (each switch
 * traced on its own, cut by user-timing marks): script, style, layout and paint.
 *
 * The card indexes the names of a new feed while the page is idle (once per feed and language);
 * the first search after that still meets cold code and is reported on its own, and the
 * switches after it are the figure. Printed, never asserted.
 */
import type { Browser } from 'puppeteer-core';
import { traceStep } from './browser.js';
import { median } from './stats.js';

export interface AreaSwitchFigures {
  readonly areas: number;
  readonly switches: number;
  /** The first switch by search (the names already indexed while idle). */
  readonly firstSearch: { readonly scriptMs: number; readonly busyMs: number };
  /** Later switches by search (median and worst over the runs). */
  readonly search: { readonly scriptMs: number; readonly worstScriptMs: number; readonly busyMs: number };
  /** Switches by setting `area`. */
  readonly attribute: { readonly scriptMs: number; readonly worstScriptMs: number; readonly busyMs: number };
}

/** Script run in the page before each switch: the card, its search box and the areas to switch to. */
const SETUP = `
  const frames = (n = 2) => new Promise((resolve) => { const step = () => (n-- <= 0 ? resolve() : requestAnimationFrame(step)); step(); });
  const load = () => new Promise((resolve, reject) => { const s = document.createElement('script'); s.type = 'module'; s.src = '/tally.js'; s.onload = resolve; s.onerror = reject; document.head.append(s); });
`;

/** Switch the card to area `index` of the feed: by search (type, Down Arrow, Enter) or by attribute. */
const switchScript = (index: number, how: 'search' | 'attribute') => `(async () => {
  ${SETUP}
  const card = document.querySelector('tally-area-result');
  const area = window.benchAreas[${index}];
  performance.mark('bench:start');
  const started = performance.now();
  if (${JSON.stringify(how)} === 'search') {
    const input = card.shadowRoot.querySelector('[part="search-input"]');
    input.value = area.name;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, composed: true }));
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
  } else {
    card.setAttribute('area', area.id);
  }
  await card.updateComplete;
  const script = performance.now() - started;
  await frames();
  performance.mark('bench:end');
  const title = card.shadowRoot.querySelector('[part="title"]')?.textContent;
  if (title !== area.name) throw new Error('the card shows ' + title + ', not ' + area.name);
  return script;
})()`;

/** Measure `switches` switches of each kind on `dataset` (default the 8,360 areas). */
export async function measureAreaSwitch(
  browser: Browser,
  origin: string,
  switches: number,
  dataset = 'areas-8360',
): Promise<AreaSwitchFigures> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  try {
    await page.setViewport({ width: 1200, height: 900 });
    await page.goto(`${origin}/page.html`);
    const areas = await page.evaluate(`(async () => {
      ${SETUP}
      await load();
      const feed = await (await fetch('/data/${dataset}/after.json')).json();
      // Areas spread through the feed, each with a name no other area shares (so one suggestion is the area).
      const counts = new Map();
      for (const area of feed.areas) counts.set(area.name, (counts.get(area.name) ?? 0) + 1);
      const unique = feed.areas.filter((area) => counts.get(area.name) === 1);
      const step = Math.max(1, Math.floor(unique.length / ${switches * 2 + 2}));
      window.benchAreas = unique.filter((_, i) => i % step === 0).slice(0, ${switches * 2 + 1});
      const card = document.createElement('tally-area-result');
      card.setAttribute('search', '');
      card.setAttribute('area', feed.areas[0].id);
      card.feed = feed;
      document.getElementById('stage').append(card);
      for (let i = 0; i < 3; i++) { await card.updateComplete; await frames(); }
      if (!card.shadowRoot.querySelector('[part="title"]')) throw new Error('the card did not draw');
      // A reader takes a moment before typing: the card indexes the names while the page is idle.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      return feed.areas.length;
    })()`);
    const trace = async (script: string) => {
      await page.tracing.start({
        categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'],
      });
      const scriptMs = Number(await page.evaluate(script));
      const step = traceStep(await page.tracing.stop());
      if (errors.length > 0) throw new Error(`area switch: errors on the page: ${errors.join('; ')}`);
      return { scriptMs, busyMs: step.busyMs };
    };
    const first = await trace(switchScript(0, 'search'));
    const bySearch = [];
    const byAttribute = [];
    for (let i = 1; i <= switches; i++) {
      bySearch.push(await trace(switchScript(i, 'search')));
      byAttribute.push(await trace(switchScript(switches + i, 'attribute')));
    }
    const figure = (samples: { scriptMs: number; busyMs: number }[]) => ({
      scriptMs: median(samples.map((sample) => sample.scriptMs)),
      worstScriptMs: Math.max(...samples.map((sample) => sample.scriptMs)),
      busyMs: median(samples.map((sample) => sample.busyMs)),
    });
    return {
      areas: Number(areas),
      switches,
      firstSearch: { scriptMs: first.scriptMs, busyMs: first.busyMs },
      search: figure(bySearch),
      attribute: figure(byAttribute),
    };
  } finally {
    await page.close();
  }
}
