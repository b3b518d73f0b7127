/**
 * What a page holds on to that a removed widget should have let go: timers (setTimeout and
 * setInterval that Tally's code scheduled, not yet run or cleared) and event listeners on the
 * window, the document and media queries (the only targets that outlive a widget's own nodes). Install before the widgets
 * exist; `count()` at any time; `uninstall()` at the end.
 */

export interface ResourceCounts {
  /** Timers scheduled by Tally's own code (src/) and neither run nor cleared. */
  readonly timers: number;
  /** Intervals scheduled by Tally's own code and not cleared. */
  readonly intervals: number;
  /** Where each pending timer and interval of Tally's code was scheduled (a stack line), for failure messages. */
  readonly scheduledAt: readonly string[];
  /** Listeners on window, document and MediaQueryList objects not removed, by target and type. */
  readonly listeners: Readonly<Record<string, number>>;
  readonly listenerTotal: number;
}

export interface ResourceTracker {
  count(): ResourceCounts;
  uninstall(): void;
}

type Listener = EventListenerOrEventListenerObject;

function targetName(target: EventTarget): string | undefined {
  if (target === window) return 'window';
  if (target === document) return 'document';
  if (typeof MediaQueryList !== 'undefined' && target instanceof MediaQueryList) return `matchMedia(${target.media})`;
  return undefined;
}

const captureOf = (options: boolean | AddEventListenerOptions | EventListenerOptions | undefined) =>
  typeof options === 'boolean' ? options : Boolean(options?.capture);

/**
 * The line of the stack in Tally's own code (a module under /src/), or undefined for timers
 * that test code or a test library scheduled (open-wc's waitUntil leaves its timeout running).
 */
function sourceFrame(): string | undefined {
  const stack = new Error().stack ?? '';
  return stack
    .split('\n')
    .find((line) => /\/src\/[^)]*\.ts/.test(line))
    ?.trim();
}

export function trackPageResources(): ResourceTracker {
  /** id → where Tally's code scheduled it */
  const timers = new Map<number, string>();
  const intervals = new Map<number, string>();
  type Schedule = (handler: TimerHandler, timeout?: number, ...rest: unknown[]) => number;
  type Cancel = (id?: number) => void;
  const original = {
    setTimeout: window.setTimeout as unknown as Schedule,
    clearTimeout: window.clearTimeout as unknown as Cancel,
    setInterval: window.setInterval as unknown as Schedule,
    clearInterval: window.clearInterval as unknown as Cancel,
    add: EventTarget.prototype.addEventListener,
    remove: EventTarget.prototype.removeEventListener,
  };

  window.setTimeout = ((handler: TimerHandler, timeout?: number, ...rest: unknown[]) => {
    const id: number = original.setTimeout.call(
      window,
      (...args: unknown[]) => {
        timers.delete(id);
        if (typeof handler === 'function') (handler as (...a: unknown[]) => void)(...args);
      },
      timeout,
      ...rest,
    );
    const at = sourceFrame();
    if (at) timers.set(id, at);
    return id;
  }) as typeof window.setTimeout;
  window.clearTimeout = ((id?: number) => {
    if (id !== undefined) timers.delete(id);
    original.clearTimeout.call(window, id);
  }) as typeof window.clearTimeout;
  window.setInterval = ((handler: TimerHandler, timeout?: number, ...rest: unknown[]) => {
    const id: number = original.setInterval.call(window, handler, timeout, ...rest);
    const at = sourceFrame();
    if (at) intervals.set(id, at);
    return id;
  }) as typeof window.setInterval;
  window.clearInterval = ((id?: number) => {
    if (id !== undefined) intervals.delete(id);
    original.clearInterval.call(window, id);
  }) as typeof window.clearInterval;

  /** target name → type → listener → capture flags registered */
  const listeners = new Map<string, Map<string, Map<Listener, Set<boolean>>>>();
  EventTarget.prototype.addEventListener = function (
    this: EventTarget,
    type: string,
    listener: Listener | null,
    options?: boolean | AddEventListenerOptions,
  ) {
    const name = targetName(this);
    if (name && listener && !(typeof options === 'object' && options.once)) {
      const byType = listeners.get(name) ?? new Map<string, Map<Listener, Set<boolean>>>();
      listeners.set(name, byType);
      const byListener = byType.get(type) ?? new Map<Listener, Set<boolean>>();
      byType.set(type, byListener);
      const flags = byListener.get(listener) ?? new Set<boolean>();
      byListener.set(listener, flags);
      flags.add(captureOf(options));
    }
    return original.add.call(this, type, listener, options);
  };
  EventTarget.prototype.removeEventListener = function (
    this: EventTarget,
    type: string,
    listener: Listener | null,
    options?: boolean | EventListenerOptions,
  ) {
    const name = targetName(this);
    if (name && listener) {
      const flags = listeners.get(name)?.get(type)?.get(listener);
      flags?.delete(captureOf(options));
      if (flags?.size === 0) listeners.get(name)!.get(type)!.delete(listener);
    }
    return original.remove.call(this, type, listener, options);
  };

  return {
    count() {
      const byTarget: Record<string, number> = {};
      let listenerTotal = 0;
      for (const [name, byType] of listeners) {
        for (const [type, byListener] of byType) {
          let n = 0;
          for (const flags of byListener.values()) n += flags.size;
          if (n > 0) byTarget[`${name} ${type}`] = n;
          listenerTotal += n;
        }
      }
      return {
        timers: timers.size,
        intervals: intervals.size,
        scheduledAt: [...timers.values(), ...intervals.values()],
        listeners: byTarget,
        listenerTotal,
      };
    },
    uninstall() {
      Object.assign(window, {
        setTimeout: original.setTimeout,
        clearTimeout: original.clearTimeout,
        setInterval: original.setInterval,
        clearInterval: original.clearInterval,
      });
      EventTarget.prototype.addEventListener = original.add;
      EventTarget.prototype.removeEventListener = original.remove;
    },
  };
}
