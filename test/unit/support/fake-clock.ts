/** A fake clock and page for FeedSource tests: time moves only when a test says so. */
import type { Clock, PageEnvironment } from '../../../src/feed/source.js';

interface Timer {
  at: number;
  seq: number;
  callback: () => void;
}

/** Let every pending promise callback run (real event loop turn). */
export const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

export class FakeClock implements Clock {
  time = Date.parse('2018-05-04T00:00:00Z');
  private readonly timers = new Map<number, Timer>();
  private nextId = 1;

  /** How far the wall clock is set from the time that passed (`jumpWall`). */
  private wallOffset = 0;

  /** Wall-clock time: the time that passed, plus any jumps. */
  now() {
    return this.time + this.wallOffset;
  }
  /** Time that passed, which timers run on: jumps of the wall clock do not move it. */
  monotonic() {
    return this.time;
  }
  /** Set the wall clock forwards or back by `ms` (a reader changing it, NTP), with no time passing. */
  jumpWall(ms: number) {
    this.wallOffset += ms;
  }
  setTimeout(callback: () => void, ms: number) {
    const id = this.nextId++;
    this.timers.set(id, { at: this.time + Math.max(0, ms), seq: id, callback });
    return id;
  }
  clearTimeout(handle: unknown) {
    this.timers.delete(handle as number);
  }
  timeoutSignal(ms: number) {
    const controller = new AbortController();
    this.setTimeout(() => controller.abort(new DOMException('The operation timed out.', 'TimeoutError')), ms);
    return controller.signal;
  }
  /** Timers still pending. */
  get pending() {
    return this.timers.size;
  }
  /** Move time forward by `ms`, running due timers in order and settling promises between them. */
  async advance(ms: number) {
    const end = this.time + ms;
    await flush();
    for (;;) {
      let next: [number, Timer] | undefined;
      for (const entry of this.timers) {
        if (
          entry[1].at <= end &&
          (!next || entry[1].at < next[1].at || (entry[1].at === next[1].at && entry[1].seq < next[1].seq))
        )
          next = entry;
      }
      if (!next) break;
      this.timers.delete(next[0]);
      this.time = next[1].at;
      next[1].callback();
      await flush();
    }
    this.time = end;
    await flush();
  }
}

export class FakePage implements PageEnvironment {
  hidden = false;
  offline = false;
  private resume = new Set<() => void>();
  private hide = new Set<() => void>();
  isHidden() {
    return this.hidden;
  }
  isOffline() {
    return this.offline;
  }
  onResume(listener: () => void) {
    this.resume.add(listener);
    return () => this.resume.delete(listener);
  }
  onHide(listener: () => void) {
    this.hide.add(listener);
    return () => this.hide.delete(listener);
  }
  setHidden(hidden: boolean) {
    this.hidden = hidden;
    for (const listener of hidden ? this.hide : this.resume) listener();
  }
  setOffline(offline: boolean) {
    this.offline = offline;
    if (!offline) for (const listener of this.resume) listener();
  }
  get listeners() {
    return this.resume.size + this.hide.size;
  }
}

export interface RecordedRequest {
  url: string;
  headers: Record<string, string>;
  cache: RequestCache | undefined;
  signal: AbortSignal | undefined;
}

type Handler = (request: RecordedRequest) => Response | Promise<Response>;

/** A fetch whose responses a test scripts; it records every request. */
export function fakeFetch(handler: Handler) {
  const requests: RecordedRequest[] = [];
  const fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const request: RecordedRequest = {
      url: String(input),
      headers: Object.fromEntries(
        Object.entries((init.headers ?? {}) as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v]),
      ),
      cache: init.cache,
      signal: init.signal ?? undefined,
    };
    requests.push(request);
    return handler(request);
  }) as typeof globalThis.fetch;
  return { fetch, requests };
}

/** A request that never answers until its signal aborts. */
export function hang(request: RecordedRequest): Promise<Response> {
  return new Promise((_, reject) => {
    request.signal?.addEventListener('abort', () => reject(request.signal!.reason), { once: true });
  });
}

export const json = (body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json', ...headers } });
