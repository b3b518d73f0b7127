/**
 * The demo server: the built demo pages as static files, and the feeds the way a CDN serves
 * them (ETag, Last-Modified, 304s, CORS, short max-age), with two election nights replaying
 * fast-forward and a small control API for the demo page.
 *
 *   GET  /feeds/<night>.json         the night as it stands in the replay
 *   GET  /feeds/<night>.final.json   the final results
 *   GET  /replay                     { nights: ReplayState[] }
 *   POST /replay                     { night?, action: pause|play|restart|end|speed, speed? }
 *   GET  /…                          files from the built demo (dist-demo)
 *
 * Plain `node:http`, no framework: the behaviour under test is HTTP itself.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { httpDate, isNotModified, strongEtag } from './http-cache.js';
import { NightReplay, REPLAY_ACTIONS, type Clock, type Publication, type ReplayAction, type ReplayNight } from './replay.js';

export interface DemoServerOptions {
  /** The nights to serve, usually `loadDemoNights()`. */
  nights: readonly ReplayNight[];
  /** The built demo to serve as static files; nothing static is served when undefined. */
  staticDir?: string | undefined;
  /** Real minutes a whole night takes at the default speed. */
  replayMinutes?: number;
  /** Real time, for tests. */
  now?: Clock;
  /** Where request errors are reported. */
  logError?: (message: string) => void;
}

export interface DemoServer {
  readonly server: Server;
  readonly replays: ReadonlyMap<string, NightReplay>;
  /** Start listening; resolves to the base URL. Port 0 picks a free port. */
  listen(port: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

const REPLAY_CACHE = 'public, max-age=5';
const FINAL_CACHE = 'public, max-age=3600';
const MAX_CONTROL_BODY = 16 * 1024;

const FEED_CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'ETag, Last-Modified',
};

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.hexjson': 'application/json; charset=utf-8',
};

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

function sendText(response: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  const body = `${text}\n`;
  response.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
    'Cache-Control': 'no-store',
    ...headers,
  });
  response.end(body);
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
    'Cache-Control': 'no-store',
  });
  response.end(body);
}

function allowOnly(request: IncomingMessage, methods: readonly string[]): void {
  if (!methods.includes(request.method ?? '')) {
    throw new HttpError(405, `Method ${request.method} not allowed here; use ${methods.join(', ')}.`, { Allow: methods.join(', ') });
  }
}

/** Send one version of a feed with its validators, or 304 when the client has it. */
function sendFeed(request: IncomingMessage, response: ServerResponse, publication: Publication, cacheControl: string): void {
  const headers = {
    ...FEED_CORS,
    'Cache-Control': cacheControl,
    ETag: publication.etag,
    'Last-Modified': httpDate(publication.lastModified),
  };
  if (isNotModified(request.headers, publication.etag, publication.lastModified)) {
    response.writeHead(304, headers);
    response.end();
    return;
  }
  response.writeHead(200, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(publication.body.length),
  });
  response.end(request.method === 'HEAD' ? undefined : publication.body);
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_CONTROL_BODY) throw new HttpError(413, `Request body too large (over ${MAX_CONTROL_BODY} bytes).`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The path as a list of safe segments; anything that could step outside the root is refused. */
function safeSegments(pathname: string): string[] {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    throw new HttpError(400, 'Malformed percent-encoding in the path.');
  }
  if (decoded.includes('\0') || decoded.includes('\\')) throw new HttpError(400, 'Refused: the path contains a forbidden character.');
  const segments = decoded.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.some((segment) => segment === '..')) throw new HttpError(400, 'Refused: the path steps outside the site ("..").');
  if (segments.some((segment) => segment.startsWith('.'))) throw new HttpError(404, 'Not found.');
  return segments;
}

interface StaticFile {
  readonly etag: string;
  readonly mtimeMs: number;
  readonly size: number;
}

export function createDemoServer(options: DemoServerOptions): DemoServer {
  const now = options.now ?? Date.now;
  const replayMinutes = options.replayMinutes ?? 10;
  if (!(Number.isFinite(replayMinutes) && replayMinutes > 0)) throw new RangeError('replayMinutes must be a number above 0');
  const logError = options.logError ?? ((message: string) => console.error(message));
  const replays = new Map(options.nights.map((night) => [night.id, new NightReplay(night, replayMinutes, now)]));
  const started = now();

  // Final feeds never change while the server runs: serialise once.
  const finals = new Map<string, Publication>();
  const finalOf = (night: ReplayNight): Publication => {
    let publication = finals.get(night.id);
    if (!publication) {
      const body = Buffer.from(JSON.stringify(night.final), 'utf8');
      publication = { body, etag: strongEtag(body), revision: night.final.meta.revision, lastModified: Math.floor(started / 1000) * 1000 };
      finals.set(night.id, publication);
    }
    return publication;
  };

  const staticRoot = options.staticDir ? resolve(options.staticDir) : undefined;
  const staticCache = new Map<string, StaticFile>();

  async function serveStatic(request: IncomingMessage, response: ServerResponse, segments: string[]): Promise<void> {
    allowOnly(request, ['GET', 'HEAD']);
    if (!staticRoot) throw new HttpError(404, 'Not found.');
    let path = join(staticRoot, ...segments);
    if (path !== staticRoot && !path.startsWith(staticRoot + sep)) throw new HttpError(400, 'Refused: the path steps outside the site.');
    let info = await stat(path).catch(() => undefined);
    if (info?.isDirectory()) {
      path = join(path, 'index.html');
      info = await stat(path).catch(() => undefined);
    }
    if (!info?.isFile()) {
      const hint = segments.length === 0 ? ' The demo is not built: run `npm run build:demo` (or `npm start`).' : '';
      throw new HttpError(404, `Not found.${hint}`);
    }
    let file = staticCache.get(path);
    if (!file || file.mtimeMs !== info.mtimeMs || file.size !== info.size) {
      // From size and mtime: cheap, and it changes whenever the build rewrites the file.
      file = { etag: `"${info.size.toString(36)}-${Math.floor(info.mtimeMs).toString(36)}"`, mtimeMs: info.mtimeMs, size: info.size };
      staticCache.set(path, file);
    }
    const extension = extname(path).toLowerCase();
    const hashedAsset = segments[0] === 'assets';
    const headers = {
      ETag: file.etag,
      'Last-Modified': httpDate(file.mtimeMs),
      'Cache-Control': hashedAsset ? 'public, max-age=31536000, immutable' : extension === '.html' ? 'no-cache' : 'public, max-age=60',
      // Like a CDN: other sites' pages load the embed builder's codes from here, and a module
      // script (tally.js) or a map layout is fetched with CORS.
      'Access-Control-Allow-Origin': '*',
    };
    if (isNotModified(request.headers, file.etag, file.mtimeMs)) {
      response.writeHead(304, headers);
      response.end();
      return;
    }
    response.writeHead(200, {
      ...headers,
      'Content-Type': CONTENT_TYPES[extension] ?? 'application/octet-stream',
      'Content-Length': String(info.size),
      'X-Content-Type-Options': 'nosniff',
    });
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    createReadStream(path).pipe(response);
  }

  function serveFeed(request: IncomingMessage, response: ServerResponse, name: string): void {
    const match = /^([a-z0-9-]+?)(\.final)?\.json$/.exec(name);
    const replay = match ? replays.get(match[1]!) : undefined;
    if (!match || !replay) throw new HttpError(404, `No feed called ${name}. Feeds: ${[...replays.keys()].map((id) => `${id}.json, ${id}.final.json`).join(', ')}.`);
    if (request.method === 'OPTIONS') {
      response.writeHead(204, {
        ...FEED_CORS,
        'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
        'Access-Control-Allow-Headers': 'If-None-Match, If-Modified-Since, Cache-Control',
        'Access-Control-Max-Age': '86400',
      });
      response.end();
      return;
    }
    allowOnly(request, ['GET', 'HEAD', 'OPTIONS']);
    if (match[2]) sendFeed(request, response, finalOf(replay.night), FINAL_CACHE);
    else sendFeed(request, response, replay.publication(), REPLAY_CACHE);
  }

  async function control(request: IncomingMessage, response: ServerResponse): Promise<void> {
    allowOnly(request, ['GET', 'POST']);
    if (request.method === 'GET') {
      sendJson(response, 200, { nights: [...replays.values()].map((replay) => replay.state()) });
      return;
    }
    const text = await readBody(request);
    let command: unknown;
    try {
      command = JSON.parse(text);
    } catch {
      throw new HttpError(400, 'Bad request: the body must be JSON such as {"action": "pause"}.');
    }
    if (command === null || typeof command !== 'object' || Array.isArray(command)) throw new HttpError(400, 'Bad request: the body must be a JSON object.');
    const { night, action, speed } = command as Record<string, unknown>;
    if (typeof action !== 'string' || !(REPLAY_ACTIONS as readonly string[]).includes(action)) {
      throw new HttpError(400, `Bad request: "action" must be one of ${REPLAY_ACTIONS.join(', ')}.`);
    }
    if (action === 'speed' && typeof speed !== 'number') throw new HttpError(400, 'Bad request: action "speed" needs a number "speed" (simulated ms per real ms).');
    if (night !== undefined && (typeof night !== 'string' || !replays.has(night))) {
      throw new HttpError(400, `Bad request: unknown night ${JSON.stringify(night)}; nights: ${[...replays.keys()].join(', ')}.`);
    }
    const targets = night === undefined ? [...replays.values()] : [replays.get(night)!];
    try {
      for (const replay of targets) replay.control(action as ReplayAction, speed as number | undefined);
    } catch (error) {
      if (error instanceof RangeError) throw new HttpError(400, `Bad request: ${error.message}.`);
      throw error;
    }
    sendJson(response, 200, { nights: [...replays.values()].map((replay) => replay.state()) });
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // The raw path, not `new URL(...).pathname`: URL parsing would quietly resolve "/../" and
    // "%2e%2e", and a traversal attempt should be refused, not answered.
    const target = request.url ?? '/';
    if (!target.startsWith('/')) throw new HttpError(400, 'Bad request: the request target must be a path.');
    const segments = safeSegments(target.split(/[?#]/, 1)[0]!);
    if (segments[0] === 'feeds' && segments.length === 2) {
      serveFeed(request, response, segments[1]!);
      return;
    }
    if (segments[0] === 'replay' && segments.length === 1) {
      await control(request, response);
      return;
    }
    await serveStatic(request, response, segments);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (response.headersSent) {
        response.destroy();
        return;
      }
      if (error instanceof HttpError) {
        // Drain what the client sent so the connection can be reused.
        request.resume();
        sendText(response, error.status, error.message, error.headers);
        return;
      }
      logError(`demo server: ${request.method} ${request.url}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      sendText(response, 500, 'Internal server error.');
    });
  });

  return {
    server,
    replays,
    listen(port, host) {
      return new Promise((resolveListen, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const address = server.address();
          const actualPort = typeof address === 'object' && address ? address.port : port;
          resolveListen(`http://${host && host !== '0.0.0.0' && host !== '::' ? host : 'localhost'}:${actualPort}/`);
        });
      });
    },
    close() {
      return new Promise((resolveClose) => {
        server.close(() => resolveClose());
        server.closeAllConnections();
      });
    },
  };
}
