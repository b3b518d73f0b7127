/**
 * Gives an element its hex map: a HexJSON layout, from a URL (`layout-src`, fetched once per page
 * however many elements name it, then validated) or from an object (`layout` property,
 * validated). The object wins when both are given. A layout that cannot be used leaves the
 * last good one in place, is reported once on the console naming the problem, and is
 * exposed as `error` for the element to show.
 */
import { isServer, type ReactiveControllerHost } from 'lit';
import { HexJsonError, parseHexJson, type HexJsonLayout } from '../../layout/hexjson.js';
import { hexGrid, type HexGrid } from '../../layout/hex-grid.js';
import { fetchRefusal, responseRefusal } from '../../feed/fetch-policy.js';
import { prefetchingFetch } from '../../feed/prefetch.js';

/** Layouts by absolute URL: one request per URL per page. Failures are forgotten so a later element can retry. */
const requests = new Map<string, Promise<HexJsonLayout>>();

/** How long a layout request may take before it is given up. */
export const HEXJSON_TIMEOUT_MS = 20_000;

/** Centre-to-corner size of a hex in the map's own units, and the margin around the map. */
const HEX_RADIUS = 10;
const MAP_PADDING = 3;

async function fetchHexJson(url: string): Promise<HexJsonLayout> {
  // On a page that restricts where Tally may fetch from (the iframe page), as for feeds.
  const refused = fetchRefusal(url);
  if (refused) throw new Error(refused);
  let response: Response;
  try {
    // The script-tag loader may have asked for it already, while this code was loading (../../feed/prefetch.ts).
    response = await prefetchingFetch(globalThis.fetch)(url, { signal: AbortSignal.timeout(HEXJSON_TIMEOUT_MS) });
  } catch (error) {
    const reason =
      error instanceof DOMException && error.name === 'TimeoutError'
        ? `no answer within ${HEXJSON_TIMEOUT_MS / 1000} s`
        : 'network error';
    throw new Error(reason);
  }
  const redirected = responseRefusal(url, response);
  if (redirected) {
    void response.body?.cancel().catch(() => {});
    throw new Error(redirected);
  }
  if (!response.ok) throw new Error(`HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
  let value: unknown;
  try {
    value = await response.json();
  } catch {
    throw new Error('the file is not valid JSON');
  }
  return parseHexJson(value);
}

/** The layout at `url`, fetched at most once per page while it succeeds. */
export function loadHexJson(url: string): Promise<HexJsonLayout> {
  let request = requests.get(url);
  if (!request) {
    request = fetchHexJson(url);
    requests.set(url, request);
    request.catch(() => requests.delete(url));
  }
  return request;
}

export interface HexMapInputs {
  /** URL of a HexJSON file, relative to the document. */
  src: string | undefined;
  /** A HexJSON object from the host page. */
  layout: unknown;
}

type Host = ReactiveControllerHost & HTMLElement;

/** Not a lifecycle controller: the host calls `configure` and is asked to update when a layout arrives. */
export class HexMapController {
  private readonly host: Host;
  private inputs: HexMapInputs = { src: undefined, layout: undefined };
  private current: HexGrid | undefined;
  private failure: string | undefined;
  private pending = false;
  /** The input the current grid or failure belongs to, so a late answer for an old URL is dropped. */
  private wanted: unknown;
  private readonly grids = new WeakMap<HexJsonLayout, HexGrid>();

  constructor(host: Host) {
    this.host = host;
  }

  /** The placed hexes of the last good layout. */
  get grid(): HexGrid | undefined {
    return this.current;
  }
  /** Why the latest layout could not be used, when it could not. */
  get error(): string | undefined {
    return this.failure;
  }
  /** A layout was asked for and has not arrived. */
  get loading(): boolean {
    return this.pending;
  }
  /** True when the element was given a layout in either way. */
  get requested(): boolean {
    return this.inputs.layout != null || Boolean(this.inputs.src);
  }

  /** Call from the host's `willUpdate`. */
  configure(inputs: HexMapInputs): void {
    if (inputs.src === this.inputs.src && inputs.layout === this.inputs.layout) return;
    this.inputs = inputs;
    if (inputs.layout != null) this.takeObject(inputs.layout);
    else if (inputs.src) this.takeUrl(inputs.src);
    else {
      this.wanted = undefined;
      this.current = undefined;
      this.failure = undefined;
      this.pending = false;
    }
  }

  private takeObject(value: unknown): void {
    this.wanted = value;
    this.pending = false;
    try {
      this.accept(parseHexJson(value));
    } catch (error) {
      this.reject('the layout property', error);
    }
  }

  private takeUrl(src: string): void {
    // On the server: no fetch; the map's place is held until the browser loads the layout.
    if (isServer) {
      this.wanted = src;
      this.pending = true;
      return;
    }
    let url: string;
    try {
      url = new URL(src, document.baseURI).href;
    } catch {
      this.wanted = src;
      this.reject(`layout-src "${src}"`, new Error('not a URL'));
      return;
    }
    this.wanted = url;
    this.pending = true;
    loadHexJson(url).then(
      (layout) => {
        if (this.wanted !== url) return;
        this.pending = false;
        this.accept(layout);
        this.host.requestUpdate();
      },
      (error: unknown) => {
        if (this.wanted !== url) return;
        this.pending = false;
        this.reject(`the layout at ${url}`, error);
        this.host.requestUpdate();
      },
    );
  }

  private accept(layout: HexJsonLayout): void {
    let grid = this.grids.get(layout);
    if (!grid) {
      grid = hexGrid(layout, { radius: HEX_RADIUS, padding: MAP_PADDING });
      this.grids.set(layout, grid);
    }
    this.current = grid;
    this.failure = undefined;
  }

  private reject(where: string, error: unknown): void {
    const reason =
      error instanceof HexJsonError ? error.errors.join('; ') : error instanceof Error ? error.message : String(error);
    this.failure = reason;
    console.warn(
      `[tally] <${this.host.localName}>: ${where} is not a usable HexJSON map layout: ${reason}${this.current ? '; keeping the last good layout' : '; showing the list without a map'}`,
    );
  }
}
