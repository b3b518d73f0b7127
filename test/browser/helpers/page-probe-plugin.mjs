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
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';

const PREFIX = 'page-probe:';
const SCREENSHOTS = resolve(import.meta.dirname, '../../../.tmp/screenshots');

export function pageProbePlugin() {
  /** session id → CDP session */
  const sessions = new Map();

  async function cdpFor(session) {
    if (session.browser.type !== 'puppeteer') throw new Error(`page probes need Chromium through puppeteer, not ${session.browser.type}`);
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
          if (!/^[\w.-]+$/.test(name)) throw new Error(`screenshot name must be letters, digits, ".", "_" or "-", not ${JSON.stringify(name)}`);
          await mkdir(SCREENSHOTS, { recursive: true });
          const path = resolve(SCREENSHOTS, `${name}.png`);
          await session.browser.getPage(session.id).screenshot({ path, fullPage: payload?.fullPage !== false });
          return { path };
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
