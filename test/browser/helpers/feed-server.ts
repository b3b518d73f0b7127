/**
 * Browser-side handle on a feed test server: a real HTTP server in Node, on its own port (so
 * requests from the test page are cross-origin, as they are from an article page to a CDN).
 *
 *   import { useFeedServer } from './helpers/feed-server.js';
 *
 *   describe('feed source', () => {
 *     const feeds = useFeedServer();                       // started before, stopped after
 *     it('keeps the last good feed on a 500', async () => {
 *       const url = await feeds.route('/results.json', { sequence: [{ json: feed }, { status: 500 }] });
 *       ...
 *       expect(await feeds.hits('/results.json')).to.equal(2);
 *     });
 *   });
 *
 * Or by hand: `const server = await startFeedServer(); ... await server.stop();`.
 * The Node side is `feed-test-server.mjs`, registered by `feedServerPlugin()` in
 * web-test-runner.config.mjs.
 */
import { executeServerCommand } from '@web/test-runner-commands';

/**
 * How a route answers. Everything is plain data (it crosses a web socket to Node).
 * Defaults behave like a good CDN: status 200, strong ETag, Last-Modified, 304 on a matching
 * If-None-Match / If-Modified-Since, open CORS, `Cache-Control: no-cache`.
 */
export interface ResponseSpec {
  /** HTTP status; default 200. Validators (ETag, Last-Modified) are only added to 2xx. */
  status?: number;
  /** A value sent as JSON (content type application/json). */
  json?: unknown;
  /** Raw text sent as-is (default content type text/plain): broken JSON, an HTML error page. */
  body?: string;
  /** A file under test/fixtures/, read in Node: `'local-small.json'`. Sent as JSON. */
  fixture?: string;
  /** Overrides the Content-Type header. */
  contentType?: string;
  /** Extra or replacement headers: `{ 'Retry-After': '5' }`, `{ 'Cache-Control': 'max-age=60' }`. */
  headers?: Record<string, string>;
  /** true (default for 2xx): strong hash of the body; a string: that exact value; false: none. */
  etag?: boolean | string;
  /** true (default for 2xx): when the route was set; an HTTP date string; false: none. */
  lastModified?: boolean | string;
  /** false: ignore If-None-Match / If-Modified-Since and always send the body. Default true. */
  conditional?: boolean;
  /** false: no CORS headers, so the browser blocks the response. Default true. */
  cors?: boolean;
  /** Wait this long before answering (after which any fault applies). */
  delayMs?: number;
  /** Pad the body with trailing spaces to this many bytes (JSON stays valid): a 10 MB payload. */
  padToBytes?: number;
  /** true: send no Content-Length (chunked transfer), so the size is known only once read. Default false. */
  chunked?: boolean;
  /**
   * Misbehave:
   * - `hang`: never answer (until the client gives up or the server stops);
   * - `reset`: drop the connection without answering;
   * - `reset-after-headers`: send status and headers, then drop the connection;
   * - `truncate`: announce the full Content-Length, send `truncateAtBytes` (default half), drop;
   * - `trickle`: send the body `trickle.chunkBytes` at a time every `trickle.intervalMs`.
   */
  fault?: 'hang' | 'reset' | 'reset-after-headers' | 'truncate' | 'trickle';
  truncateAtBytes?: number;
  trickle?: { chunkBytes?: number; intervalMs?: number };
  /** In a sequence: how many requests in a row this response answers. Default 1. */
  times?: number;
}

/**
 * One response for every request, or a sequence used in turn; after the last, `then` says
 * whether to keep repeating the last one (default) or start again (`cycle`: a flapping feed).
 */
export type RouteSpec = ResponseSpec | { sequence: ResponseSpec[]; then?: 'repeat-last' | 'cycle' };

/** A request the server saw, with how it answered. */
export interface RequestRecord {
  method: string;
  path: string;
  /** The query string, with "?", or "" (a cache-buster would show here). */
  search: string;
  /** Date.now() in Node when the request arrived. */
  at: number;
  ifNoneMatch?: string;
  ifModifiedSince?: string;
  cacheControl?: string;
  origin?: string;
  /** Status sent, or 0 when the connection was hung or reset before a status. */
  status: number;
  outcome:
    | 'ok'
    | 'head'
    | 'not-modified'
    | 'preflight'
    | 'no-route'
    | 'method-not-allowed'
    | 'hang'
    | 'reset'
    | 'reset-after-headers'
    | 'truncated'
    | 'trickling'
    | 'trickled'
    | 'pending';
}

export interface FeedServer {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  /** The absolute URL of a path on this server. */
  url(path: string): string;
  /** Set (or replace) how a path answers; resolves to its absolute URL. Resets its sequence. */
  route(path: string, spec: RouteSpec): Promise<string>;
  /** Forget a path: it answers 404 again. */
  unroute(path: string): Promise<void>;
  /** Requests for a path (every path when omitted), CORS preflights left out. */
  hits(path?: string): Promise<number>;
  /** Every request for a path (every path when omitted), preflights included, oldest first. */
  requests(path?: string): Promise<RequestRecord[]>;
  /** Forget hits and requests seen so far. */
  clear(): Promise<void>;
  stop(): Promise<void>;
}

const command = <T>(name: string, payload: Record<string, unknown>) =>
  executeServerCommand(`feed-server:${name}`, payload) as Promise<T>;

/** Start a feed test server. Stop it when done (`useFeedServer` does that for you). */
export async function startFeedServer(): Promise<FeedServer> {
  const { id, origin } = await command<{ id: string; origin: string }>('start', {});
  return {
    origin,
    url: (path) => new URL(path, origin).href,
    route: async (path, spec) => (await command<{ url: string }>('route', { id, path, route: spec })).url,
    unroute: async (path) => void (await command('unroute', { id, path })),
    hits: (path) => command<number>('hits', { id, path: path ?? null }),
    requests: (path) => command<RequestRecord[]>('requests', { id, path: path ?? null }),
    clear: async () => void (await command('clear', { id })),
    stop: async () => void (await command('stop', { id })),
  };
}

/** Files under test/fixtures/ (paths relative to it, "/" separated), for `{ fixture }` routes. */
export function listFixtures(): Promise<string[]> {
  return executeServerCommand('feed-server:fixtures', {}) as Promise<string[]>;
}

/**
 * A feed server for the enclosing `describe`: started in `before`, cleared in `beforeEach`
 * (routes kept), stopped in `after`. Use its methods inside tests only.
 */
export function useFeedServer(): FeedServer {
  let server: FeedServer | undefined;
  const current = () => {
    if (!server) throw new Error('the feed server is not running: use it inside a test, not while defining the suite');
    return server;
  };
  before(async () => {
    server = await startFeedServer();
  });
  beforeEach(async () => {
    await server?.clear();
  });
  after(async () => {
    await server?.stop();
    server = undefined;
  });
  return {
    get origin() {
      return current().origin;
    },
    url: (path) => current().url(path),
    route: (path, spec) => current().route(path, spec),
    unroute: (path) => current().unroute(path),
    hits: (path) => current().hits(path),
    requests: (path) => current().requests(path),
    clear: () => current().clear(),
    stop: () => current().stop(),
  };
}
