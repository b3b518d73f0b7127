/**
 * tally-frame.js: the parent-page script for iframe embeds. It resizes every
 * `<iframe data-tally-frame>` to the height its own page reports. A message is believed only
 * when it comes from that iframe's window (`event.source`), so no other window on the page can
 * resize anything. Before the first message, a frame whose `data-tally-heights` lists initial
 * heights per width ("0:420,480:360,720:300") takes the one for its current width, so there is
 * no jump when the first message arrives.
 *
 * Kept tiny (the budget is 1 KB gzipped): no imports beyond the protocol's reader.
 */
import { readFrameHeight } from './frame-protocol.js';

const SELECTOR = 'iframe[data-tally-frame]';
const MARK = Symbol.for('tally.frame-resizer');

function initialHeight(frame: HTMLIFrameElement): void {
  const table = frame.dataset.tallyHeights;
  if (!table || frame.dataset.tallySized) return;
  let height: number | undefined;
  for (const pair of table.split(',')) {
    const [minWidth, value] = pair.split(':').map(Number);
    if (frame.clientWidth >= minWidth! && value! > 0) height = value;
  }
  if (height) frame.style.height = `${height}px`;
}

function start(): void {
  const holder = window as unknown as Record<symbol, boolean>;
  if (holder[MARK]) return;
  holder[MARK] = true;
  const sizeAll = () => document.querySelectorAll<HTMLIFrameElement>(SELECTOR).forEach(initialHeight);
  sizeAll();
  document.addEventListener('DOMContentLoaded', sizeAll);
  window.addEventListener('message', (event) => {
    const height = readFrameHeight(event.data);
    if (height === undefined) return;
    for (const frame of document.querySelectorAll<HTMLIFrameElement>(SELECTOR)) {
      if (frame.contentWindow === event.source) {
        frame.dataset.tallySized = '1';
        frame.style.height = `${height}px`;
      }
    }
  });
}

start();
