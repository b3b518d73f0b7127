/**
 * Web Test Runner plugin: lets a browser test look at its own page from outside, through the
 * Chrome DevTools Protocol, for figures the page cannot measure about itself. The browser side
 * is `page-probe.ts`.
 *
 * Commands (payloads and results are JSON):
 *   page-probe:memory      {}                       → { heapUsed, heapTotal, nodes, documents, jsEventListeners }
 *        after a full garbage collection (HeapProfiler.collectGarbage, Runtime.getHeapUsage,
 *        Memory.getDOMCounters): figures for the test page's renderer, in bytes and counts.
 *   page-probe:screenshot  { name, fullPage? }      → { path }
 *        a PNG of the page under .tmp/screenshots/<name>.png, for a person to look at.
 *   page-probe:font-size   { px }                   → {}
 *        the reader's default font size, as set in the browser's settings (Page.setFontSizes):
 *        what `font-size: medium` is. 16 is the browsers' default.
 *   page-probe:accessible  { name }                 → { roles: string[] }
 *        the roles of the nodes in the page's accessibility tree (what a screen reader reads)
 *        whose accessible name is `name`; nodes the tree ignores are left out.
 *   page-probe:zoom        { factor, width, height } → {}
 *        browser zoom: a window `width` × `height` device pixels wide seen at `factor` (2 for
 *        200%), so the page gets width / factor CSS pixels, each drawn `factor` device pixels wide.
 *        `factor: 1` goes back to no zoom.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';

const PREFIX = 'page-probe:';
const SCREENSHOTS = resolve(import.meta.dirname, '../../../.tmp/screenshots');

export function pageProbePlugin() {
  /** session id → CDP session */
  const sessions = new Map();

  async function cdpFor(session) {
    if (session.browser.type !== 'puppeteer')
      throw new Error(`page probes need Chromium through puppeteer, not ${session.browser.type}`);
    let cdp = sessions.get(session.id);
    if (!cdp) {
      const page = session.browser.getPage(session.id);
      cdp = await page.createCDPSession();
      sessions.set(session.id, cdp);
    }
    return cdp;
  }

  return {
    name: 'tally-page-probe',

    async executeCommand({ command, payload, session }) {
      if (!command.startsWith(PREFIX)) return undefined;
      switch (command.slice(PREFIX.length)) {
        case 'memory': {
          const cdp = await cdpFor(session);
          // Twice: the first collection can leave objects that only a second one frees (weak maps, finalizers).
          await cdp.send('HeapProfiler.collectGarbage');
          await cdp.send('HeapProfiler.collectGarbage');
          const heap = await cdp.send('Runtime.getHeapUsage');
          const counters = await cdp.send('Memory.getDOMCounters');
          return {
            heapUsed: heap.usedSize,
            heapTotal: heap.totalSize,
            nodes: counters.nodes,
            documents: counters.documents,
            jsEventListeners: counters.jsEventListeners,
          };
        }
        case 'screenshot': {
          const name = String(payload?.name ?? '');
          if (!/^[\w.-]+$/.test(name))
            throw new Error(`screenshot name must be letters, digits, ".", "_" or "-", not ${JSON.stringify(name)}`);
          await mkdir(SCREENSHOTS, { recursive: true });
          const path = resolve(SCREENSHOTS, `${name}.png`);
          await session.browser.getPage(session.id).screenshot({ path, fullPage: payload?.fullPage !== false });
          return { path };
        }
        case 'font-size': {
          const px = Number(payload?.px);
          if (!Number.isInteger(px) || px < 6 || px > 72)
            throw new Error(`font size must be a whole number of px from 6 to 72, not ${JSON.stringify(payload?.px)}`);
          const cdp = await cdpFor(session);
          // The fixed (monospace) default keeps its usual ratio to the standard one (13 to 16).
          await cdp.send('Page.setFontSizes', { fontSizes: { standard: px, fixed: Math.round((px * 13) / 16) } });
          return {};
        }
        case 'accessible': {
          const cdp = await cdpFor(session);
          const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
          const { nodes } = await cdp.send('Accessibility.queryAXTree', {
            backendNodeId: root.backendNodeId,
            accessibleName: String(payload?.name ?? ''),
          });
          return { roles: nodes.filter((node) => !node.ignored).map((node) => node.role?.value ?? '?') };
        }
        case 'zoom': {
          const factor = Number(payload?.factor);
          const width = Number(payload?.width);
          const height = Number(payload?.height);
          if (!(factor > 0) || !(width > 0) || !(height > 0))
            throw new Error('zoom needs a factor, a width and a height');
          await session.browser.getPage(session.id).setViewport({
            width: Math.round(width / factor),
            height: Math.round(height / factor),
            deviceScaleFactor: factor,
          });
          return {};
        }
        default:
          throw new Error(`unknown command ${command}`);
      }
    },

    async stopSession(session) {
      const cdp = sessions.get(session.id);
      sessions.delete(session.id);
      await cdp?.detach().catch(() => {});
    },
  };
}
