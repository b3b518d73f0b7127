/**
 * Tally's work takes turns on the host page's main thread.
 *
 * A feed arrives for every widget on the page at once: checked, then rendered back to back, four
 * widgets on a 650-area feed would hold the main thread for one long task (input waits, scrolling
 * stutters). So the feed source counts the time it spends checking a feed (`spend`), and an
 * element's update that brings a new feed goes through `takeTurn` (FeedController.turn): while
 * Tally's work in the current task has taken less than `SLICE_MS`, it runs straight away; once
 * it has taken more, it waits for a task of its own, the browser free to handle input and paint
 * in between. Other updates (a click, a measured width) are only counted (`spend`), never held.
 *
 * Elements that create many rows also render them in portions (`<tally-council-list>`), each
 * portion an update that takes its turn here.
 */

/** Work (ms) one task may take before the next update waits for a task of its own. */
export const SLICE_MS = 8;

let spent = 0;
let resetQueued = false;
const queue: (() => void)[] = [];
let port: MessagePort | undefined;

/**
 * Run `callback` in a task of its own, after the tasks queued before it. A message channel, not
 * `setTimeout`: no 4 ms clamp, and no throttling or faked timers get in the way.
 */
function inNextTask(callback: () => void): void {
  if (!port) {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      // Every message is a task of its own: nothing has been spent in it yet.
      spent = 0;
      queue.shift()?.();
    };
    port = channel.port2;
  }
  queue.push(callback);
  port.postMessage(undefined);
}

/** Run `work` now and count its time against the current task. */
export function spend<T>(work: () => T): T {
  const start = performance.now();
  try {
    return work();
  } finally {
    spent += performance.now() - start;
    if (!resetQueued && typeof MessageChannel === 'function') {
      // Tasks that are not ours (a network response, a timer) start from nothing too.
      resetQueued = true;
      inNextTask(() => {
        resetQueued = false;
      });
    }
  }
}

/**
 * Run an element's update now, or, when this task has already spent its slice on Tally's work,
 * in a later task. For `scheduleUpdate()`: Lit waits for the returned promise before
 * `updateComplete` resolves.
 */
export function takeTurn(update: () => void): void | Promise<void> {
  if (spent < SLICE_MS || typeof MessageChannel !== 'function') return spend(update);
  return new Promise<void>((resolve, reject) => {
    inNextTask(() => {
      try {
        spend(update);
        resolve();
      } catch (error) {
        reject(error);
      }
    });
  });
}
