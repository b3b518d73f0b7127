/**
 * Waits, kept sane whatever asked for them. Browsers run a timer whose delay is over 2³¹ − 1 ms
 * (24.8 days) at once, so an interval of `3000000` seconds, `Infinity` or a CDN's month-long
 * `max-age` would poll as fast as the page can. Every wait Tally schedules goes through these,
 * and is measured on a clock that cannot go backwards. Pure.
 */

/** The longest delay a browser timer takes as asked (2³¹ − 1 ms); longer ones fire at once. */
export const MAX_TIMER_DELAY = 2 ** 31 - 1;

/** `ms` as a delay for `setTimeout`: NaN and negatives as 0, nothing past `MAX_TIMER_DELAY`. */
export function timerDelay(ms: number): number {
  if (Number.isNaN(ms) || ms <= 0) return 0;
  return Math.min(ms, MAX_TIMER_DELAY);
}

/**
 * An interval (ms) within `[min, max]`: `Infinity` and anything longer is `max`, anything
 * shorter (zero, negatives) is `min`, and NaN, which says nothing, is `min` too.
 */
export function clampInterval(ms: number, min: number, max: number): number {
  if (Number.isNaN(ms)) return min;
  return Math.min(max, Math.max(min, ms));
}

/**
 * Milliseconds that only go forwards (`performance.now()`), for measuring waits: the wall
 * clock can be set back (by the reader, by NTP, after a sleep), and a wait measured on it
 * would then last as long as the jump.
 */
export function monotonicNow(): number {
  return typeof performance !== 'undefined' && typeof performance.now === 'function' ? performance.now() : Date.now();
}
