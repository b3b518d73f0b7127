/**
 * tally-frame.js: the parent-page script for iframe embeds. It resizes every
 * `<iframe data-tally-frame>` to the height its own page reports. A message is believed only
 * when it comes from that iframe's window (`event.source`), so no other window on the page can
 * resize anything, and only with a sane height (see `readFrameHeight`).
 *
 * Before the first message, a frame whose `data-tally-heights` lists initial heights per width
 * ("0:416,360:336,480:296") takes the one for its current width, so there is no jump when the
 * first message arrives. Frames are sized as soon as the parser adds them (the script can come
 * before them, even in the head), and frames added later by the page's own code too.
 *
 * Loading it twice is harmless: the second copy does nothing. Kept tiny: no imports beyond the
 * protocol's reader.
 */
import { heightForWidth, readFrameHeight } from './frame-protocol.js';

const SELECTOR = 'iframe[data-tally-frame]';
const MARK = Symbol.for('tally.frame-resizer');

function initialHeight(frame: HTMLIFrameElement): void {
  const table = frame.dataset.tallyHeights;
  if (!table || frame.dataset.tallySized) return;
  const height = heightForWidth(table, frame.clientWidth);
  if (height !== undefined) frame.style.height = `${Math.ceil(height)}px`;
}

function sizeFramesIn(node: Node): void {
  if (!(node instanceof Element)) return;
  if (node.matches(SELECTOR)) initialHeight(node as HTMLIFrameElement);
  node.querySelectorAll<HTMLIFrameElement>(SELECTOR).forEach(initialHeight);
}

function start(): void {
  const holder = window as unknown as Record<symbol, boolean>;
  if (holder[MARK]) return;
  holder[MARK] = true;
  sizeFramesIn(document.documentElement);
  // Mutation records arrive before the next rendering step, so a frame the parser (or the
  // page) adds is sized before it is first painted.
  new MutationObserver((records) => {
    for (const record of records) record.addedNodes.forEach(sizeFramesIn);
  }).observe(document, { childList: true, subtree: true });
  window.addEventListener('message', (event) => {
    const height = readFrameHeight(event.data);
    if (height === undefined || !event.source) return;
    for (const frame of document.querySelectorAll<HTMLIFrameElement>(SELECTOR)) {
      if (frame.contentWindow === event.source) {
        frame.dataset.tallySized = '1';
        frame.style.height = `${height}px`;
      }
    }
  });
}

start();
