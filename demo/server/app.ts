/**
 * The demo server: the built demo pages as static files, and the feeds the way a CDN serves
 * them (ETag, Last-Modified, 304s, CORS, short max-age), with two election nights replaying
 * fast-forward and a small control API for the demo page.
 *
 *   GET  /feeds/<night>.json         the night as it stands in the replay (a published night's:
 *                                    the file its publisher wrote, served like `tally serve`)
 *   GET  /feeds/<night>.final.json   the final results
 *   GET  /server-rendered/<file>     pages and images rendered on the server from a night as it
 *                                    stands (the `serverRendered` option: demo/server/serve.ts)
 *   GET  /replay                     { nights: ReplayState[] }
 *   POST /replay                     { night?, action: pause|play|restart|end|speed, speed? }
 *   GET  /…                          files from the built demo (dist-demo)
 *
 * Plain `node:http`, no framework: the behaviour under test is HTTP itself.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Feed } from '../../src/feed/schema.js';
import { strongEtag } from '../../src/cli/serve/http-cache.js';
import {
  allowOnly,
  CompressionCache,
  HttpError,
  pathSegments,
  PREFLIGHT_HEADERS,
  sendRepresentation,
  StaticFiles,
  type Representation,
} from '../../src/cli/serve/static-files.js';
import { close, httpListener, listen } from '../../src/cli/serve/server.js';
import {
  NightReplay,
  REPLAY_ACTIONS,
  type Clock,
  type Publication,
  type ReplayAction,
  type ReplayNight,
} from './replay.js';
import type { PublishedNight } from './published-night.js';

export interface DemoServerOptions {
  /** The nights to serve, usually `loadDemoNights()`. */
  nights: readonly ReplayNight[];
  /** Nights replayed through the real publisher (`PublishedNight.start`), already running. */
  published?: readonly PublishedNight[];
  /** The built demo to serve as static files; nothing static is served when undefined. */
  staticDir?: string | undefined;
  /** Real minutes a whole night takes at the default speed. */
  replayMinutes?: number;
  /** Real time, for tests. */
  now?: Clock;
  /** Where request errors are reported. */
  logError?: (message: string) => void;
  /**
   * `/server-rendered/<file>?night=<id>…`: what the server renders from a replayed night as it
   * stands (the static-rendering demo page); undefined answers 404.
   */
  serverRendered?: (
    file: string,
    query: URLSearchParams,
    feed: Feed,
  ) => Promise<{ readonly type: string; readonly body: string } | undefined>;
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

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
    'Cache-Control': 'no-store',
  });
  response.end(body);
}

const asRepresentation = (publication: Publication): Representation => ({
  body: publication.body,
  etag: publication.etag,
  lastModified: publication.lastModified,
  contentType: 'application/json; charset=utf-8',
});

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

/**
 * The built demo's cache policy: content-hashed assets forever (the demo's, and Tally's chunks and
 * iframe scripts under tally/), pages revalidated every time, anything else (tally.js, layouts)
 * for a minute: as docs/embedding.md asks of a CDN.
 */
function demoCacheControl(relativePath: string): string {
  if (relativePath.startsWith('assets/') || /^tally\/(chunks|embed)\//.test(relativePath))
    return 'public, max-age=31536000, immutable';
  return relativePath.endsWith('.html') ? 'no-cache' : 'public, max-age=60';
}

export function createDemoServer(options: DemoServerOptions): DemoServer {
  const now = options.now ?? Date.now;
  const replayMinutes = options.replayMinutes ?? 10;
  if (!(Number.isFinite(replayMinutes) && replayMinutes > 0))
    throw new RangeError('replayMinutes must be a number above 0');
  const logError = options.logError ?? ((message: string) => console.error(message));
  const replays = new Map(options.nights.map((night) => [night.id, new NightReplay(night, replayMinutes, now)]));
  const published = new Map((options.published ?? []).map((night) => [night.id, night]));
  // A published night's feeds, from its publisher's output folder, as `tally serve` serves them.
  const publishedFiles = new Map(
    [...published.values()].map((night) => [
      night.id,
      new StaticFiles({ root: night.outDir, cacheControl: () => REPLAY_CACHE }),
    ]),
  );
  const started = now();
  const states = () => [
    ...[...replays.values()].map((replay) => replay.state()),
    ...[...published.values()].map((night) => night.state()),
  ];
  const nightIds = () => [...replays.keys(), ...published.keys()];

  // Final feeds never change while the server runs: serialise once.
  const finals = new Map<string, Publication>();
  const finalOf = (id: string, final: () => Feed): Publication => {
    let publication = finals.get(id);
    if (!publication) {
      const feed = final();
      const body = Buffer.from(JSON.stringify(feed), 'utf8');
      publication = {
        body,
        etag: strongEtag(body),
        revision: feed.meta.revision,
        lastModified: Math.floor(started / 1000) * 1000,
      };
      finals.set(id, publication);
    }
    return publication;
  };

  const staticFiles = options.staticDir
    ? new StaticFiles({
        root: options.staticDir,
        cacheControl: demoCacheControl,
        emptyRootHint: 'The demo is not built: run `npm run build:demo` (or `npm start`).',
      })
    : undefined;
  // Replayed feeds are compressed like the static files, once per version.
  const compression = staticFiles?.compression ?? new CompressionCache();

  async function serveStatic(request: IncomingMessage, response: ServerResponse, segments: string[]): Promise<void> {
    if (!staticFiles) {
      allowOnly(request, ['GET', 'HEAD']);
      throw new HttpError(404, 'Not found.');
    }
    // Like a CDN (and through the same code as `tally serve`): other sites' pages load the
    // embed builder's codes from here, and a module script (tally.js) or a map layout is
    // fetched with CORS.
    await staticFiles.serve(request, response, segments);
  }

  async function serveFeed(request: IncomingMessage, response: ServerResponse, name: string): Promise<void> {
    const match = /^([a-z0-9-]+?)(\.final)?\.json$/.exec(name);
    const id = match?.[1];
    const replay = id !== undefined ? replays.get(id) : undefined;
    const publishedNight = id !== undefined ? published.get(id) : undefined;
    if (!match || (!replay && !publishedNight))
      throw new HttpError(
        404,
        `No feed called ${name}. Feeds: ${nightIds()
          .map((night) => `${night}.json, ${night}.final.json`)
          .join(', ')}.`,
      );
    if (request.method === 'OPTIONS') {
      response.writeHead(204, PREFLIGHT_HEADERS);
      response.end();
      return;
    }
    allowOnly(request, ['GET', 'HEAD', 'OPTIONS']);
    if (publishedNight && !match[2]) {
      await publishedFiles.get(publishedNight.id)!.serve(request, response, [name]);
      return;
    }
    const publication = match[2]
      ? finalOf(id!, () => (replay ? replay.night.final : publishedNight!.finalFeed()))
      : replay!.publication();
    await sendRepresentation(request, response, asRepresentation(publication), {
      cacheControl: match[2] ? FINAL_CACHE : REPLAY_CACHE,
      compression,
    });
  }

  async function serveRendered(request: IncomingMessage, response: ServerResponse, file: string): Promise<void> {
    allowOnly(request, ['GET', 'HEAD']);
    const query = new URL(request.url ?? '/', 'http://demo').searchParams;
    const replay = replays.get(query.get('night') ?? '');
    if (!replay)
      throw new HttpError(404, `No night called ${query.get('night')}. Nights: ${[...replays.keys()].join(', ')}.`);
    const feed = JSON.parse(replay.publication().body.toString('utf8')) as Feed;
    const rendered = await options.serverRendered!(file, query, feed);
    if (!rendered) throw new HttpError(404, `Nothing rendered as ${file}.`);
    const body = Buffer.from(rendered.body, 'utf8');
    response.writeHead(200, {
      'Content-Type': rendered.type,
      'Content-Length': String(body.length),
      'Cache-Control': 'no-store',
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  }

  async function control(request: IncomingMessage, response: ServerResponse): Promise<void> {
    allowOnly(request, ['GET', 'POST']);
    if (request.method === 'GET') {
      sendJson(response, 200, { nights: states() });
      return;
    }
    const text = await readBody(request);
    let command: unknown;
    try {
      command = JSON.parse(text);
    } catch {
      throw new HttpError(400, 'Bad request: the body must be JSON such as {"action": "pause"}.');
    }
    if (command === null || typeof command !== 'object' || Array.isArray(command))
      throw new HttpError(400, 'Bad request: the body must be a JSON object.');
    const { night, action, speed } = command as Record<string, unknown>;
    if (typeof action !== 'string' || !(REPLAY_ACTIONS as readonly string[]).includes(action)) {
      throw new HttpError(400, `Bad request: "action" must be one of ${REPLAY_ACTIONS.join(', ')}.`);
    }
    if (action === 'speed' && typeof speed !== 'number')
      throw new HttpError(400, 'Bad request: action "speed" needs a number "speed" (simulated ms per real ms).');
    if (night !== undefined && (typeof night !== 'string' || (!replays.has(night) && !published.has(night)))) {
      throw new HttpError(
        400,
        `Bad request: unknown night ${JSON.stringify(night)}; nights: ${nightIds().join(', ')}.`,
      );
    }
    const targets: { control(action: ReplayAction, speed?: number): void }[] =
      night === undefined
        ? [...replays.values(), ...published.values()]
        : [replays.get(night) ?? published.get(night)!];
    try {
      for (const replay of targets) replay.control(action as ReplayAction, speed as number | undefined);
    } catch (error) {
      if (error instanceof RangeError) throw new HttpError(400, `Bad request: ${error.message}.`);
      throw error;
    }
    sendJson(response, 200, { nights: states() });
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const segments = pathSegments(request.url);
    if (segments[0] === 'feeds' && segments.length === 2) {
      await serveFeed(request, response, segments[1]!);
      return;
    }
    if (segments[0] === 'server-rendered' && segments.length === 2 && options.serverRendered) {
      await serveRendered(request, response, segments[1]!);
      return;
    }
    if (segments[0] === 'replay' && segments.length === 1) {
      await control(request, response);
      return;
    }
    await serveStatic(request, response, segments);
  }

  const server = createServer(httpListener(handle, (message) => logError(`demo server: ${message}`)));

  return {
    server,
    replays,
    listen: (port, host) => listen(server, port, host),
    close: () => close(server),
  };
}
