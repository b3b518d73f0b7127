/**
 * A scriptable HTTP feed server for browser tests: runs in Node (inside the test runner), on its
 * own port, so the browser talks to a real socket the way a widget talks to a CDN.
 *
 * Browser tests drive it through `feed-server.ts` (server commands over the test runner's web
 * socket); `feed-server-plugin.mjs` wires the commands up. Every route is described by plain,
 * JSON-serialisable data (see `ResponseSpec` in feed-server.ts for the documented shape), so a
 * test can ask for a 500, a 503 with Retry-After, a hang, a reset connection, a truncated body,
 * an HTML page with status 200, a slow trickle, a 10 MB payload or a sequence of those.
 *
 * Defaults behave like a good CDN: strong ETag (a hash of the body), Last-Modified, 304 on a
 * matching If-None-Match or If-Modified-Since, CORS open to every origin with the validators
 * exposed, and OPTIONS preflights answered.
 */
import { createServer } from 'node:http';
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { resolve, relative, isAbsolute, sep } from 'node:path';

const FIXTURES_DIR = resolve(import.meta.dirname, '../../fixtures');

const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'ETag, Last-Modified, Retry-After, Date, Content-Length, Cache-Control',
};

const PREFLIGHT_HEADERS = {
  ...CORS_HEADERS,
  'access-control-allow-methods': 'GET, HEAD, OPTIONS',
  'access-control-allow-headers': 'If-None-Match, If-Modified-Since, Cache-Control, Accept',
  'access-control-max-age': '600',
};

const FAULTS = new Set(['hang', 'reset', 'reset-after-headers', 'truncate', 'trickle']);

/** Files under test/fixtures/, relative to it with "/" separators; [] when the folder is missing. */
export async function listFixtures() {
  try {
    const entries = await readdir(FIXTURES_DIR, { recursive: true, withFileTypes: true });
    return entries
      .filter((entry) => entry.isFile())
      .map((entry) =>
        relative(FIXTURES_DIR, resolve(entry.parentPath ?? entry.path, entry.name))
          .split(sep)
          .join('/'),
      )
      .sort();
  } catch (error) {
    if (error.code === 'ENOENT') return [];
    throw error;
  }
}

/** A strong validator: the quoted hash of the exact bytes served. */
export function strongEtag(bytes) {
  return `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 32)}"`;
}

/** True when an If-None-Match header matches the ETag (weak comparison, as RFC 9110 asks for 304s). */
export function etagMatches(ifNoneMatch, etag) {
  if (!ifNoneMatch || !etag) return false;
  const bare = (tag) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
}

function httpDate(ms) {
  return new Date(Math.floor(ms / 1000) * 1000).toUTCString();
}

function delay(ms, signal) {
  return new Promise((resolveDelay) => {
    // The abort listener goes when the delay ends, so a long trickle does not pile them up.
    const onAbort = () => {
      clearTimeout(timer);
      resolveDelay();
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolveDelay();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function validateSpec(spec, where) {
  if (spec === null || typeof spec !== 'object') throw new Error(`${where}: a response must be an object`);
  if (spec.fault !== undefined && !FAULTS.has(spec.fault))
    throw new Error(`${where}: unknown fault "${spec.fault}" (use ${[...FAULTS].join(', ')})`);
  const bodies = ['json', 'body', 'fixture'].filter((key) => spec[key] !== undefined);
  if (bodies.length > 1) throw new Error(`${where}: give only one of json, body, fixture`);
  if (spec.status !== undefined && !(Number.isInteger(spec.status) && spec.status >= 100 && spec.status <= 599))
    throw new Error(`${where}: status must be 100-599`);
}

async function bodyOf(spec) {
  let text;
  if (spec.fixture !== undefined) {
    const path = resolve(FIXTURES_DIR, spec.fixture);
    const inside = relative(FIXTURES_DIR, path);
    if (inside.startsWith('..') || isAbsolute(inside))
      throw new Error(`fixture must be a file under test/fixtures/, not ${spec.fixture}`);
    text = await readFile(path, 'utf8');
  } else if (spec.json !== undefined) text = JSON.stringify(spec.json);
  else text = spec.body ?? '';
  let bytes = Buffer.from(text, 'utf8');
  if (spec.padToBytes && bytes.length < spec.padToBytes) {
    // Trailing whitespace keeps JSON valid while making the payload as large as asked.
    bytes = Buffer.concat([bytes, Buffer.alloc(spec.padToBytes - bytes.length, 0x20)]);
  }
  const isJson = spec.json !== undefined || spec.fixture !== undefined;
  return {
    bytes,
    contentType: spec.contentType ?? (isJson ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8'),
  };
}

/** A route: one response, or a sequence of responses used in turn. */
async function prepareRoute(path, routeSpec, now) {
  if (routeSpec === null || typeof routeSpec !== 'object')
    throw new Error(`route ${path}: expected a response object or { sequence: [...] }`);
  const list = Array.isArray(routeSpec.sequence) ? routeSpec.sequence : [routeSpec];
  if (list.length === 0) throw new Error(`route ${path}: the sequence is empty`);
  const then = routeSpec.then ?? 'repeat-last';
  if (then !== 'repeat-last' && then !== 'cycle')
    throw new Error(`route ${path}: "then" must be "repeat-last" or "cycle"`);
  const responses = [];
  for (const [index, spec] of list.entries()) {
    validateSpec(spec, `route ${path}, response ${index}`);
    const { bytes, contentType } = await bodyOf(spec);
    const times = spec.times ?? 1;
    if (!(Number.isInteger(times) && times >= 1))
      throw new Error(`route ${path}, response ${index}: times must be a whole number ≥ 1`);
    const status = spec.status ?? 200;
    const validators = status >= 200 && status < 300;
    const etag =
      spec.etag === false
        ? undefined
        : typeof spec.etag === 'string'
          ? spec.etag
          : validators || spec.etag === true
            ? strongEtag(bytes)
            : undefined;
    const lastModified =
      spec.lastModified === false
        ? undefined
        : typeof spec.lastModified === 'string'
          ? spec.lastModified
          : validators || spec.lastModified === true
            ? httpDate(now)
            : undefined;
    for (let i = 0; i < times; i += 1) responses.push({ spec, status, bytes, contentType, etag, lastModified });
  }
  return { responses, then, served: 0 };
}

function pick(route) {
  const { responses } = route;
  const index = route.then === 'cycle' ? route.served % responses.length : Math.min(route.served, responses.length - 1);
  route.served += 1;
  return responses[index];
}

function notModified(request, response) {
  const ifNoneMatch = request.headers['if-none-match'];
  if (ifNoneMatch !== undefined) return etagMatches(ifNoneMatch, response.etag);
  const since = request.headers['if-modified-since'];
  if (since !== undefined && response.lastModified !== undefined) {
    const sinceMs = Date.parse(since);
    return Number.isFinite(sinceMs) && Date.parse(response.lastModified) <= sinceMs;
  }
  return false;
}

/**
 * Start a feed server on 127.0.0.1 and an ephemeral port.
 * Returns { origin, port, setRoute, removeRoute, hits, requests, clearLog, close }.
 */
export async function startFeedTestServer() {
  const routes = new Map();
  const log = [];
  const aborter = new AbortController();
  const sockets = new Set();

  const server = createServer(async (request, reply) => {
    const url = new URL(request.url ?? '/', 'http://feed.test');
    const entry = {
      method: request.method ?? 'GET',
      path: url.pathname,
      search: url.search,
      at: Date.now(),
      ifNoneMatch: request.headers['if-none-match'],
      ifModifiedSince: request.headers['if-modified-since'],
      cacheControl: request.headers['cache-control'],
      origin: request.headers.origin,
      status: 0,
      outcome: 'pending',
    };
    log.push(entry);
    const finish = (status, outcome) => {
      entry.status = status;
      entry.outcome = outcome;
    };

    const route = routes.get(url.pathname);
    if (request.method === 'OPTIONS') {
      const cors = route?.responses[0]?.spec.cors !== false;
      reply.writeHead(204, cors ? PREFLIGHT_HEADERS : {});
      reply.end();
      finish(204, 'preflight');
      return;
    }
    if (!route) {
      reply.writeHead(404, { ...CORS_HEADERS, 'content-type': 'text/plain; charset=utf-8' });
      reply.end(`No route for ${url.pathname} on the feed test server.\n`);
      finish(404, 'no-route');
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      reply.writeHead(405, {
        ...CORS_HEADERS,
        allow: 'GET, HEAD, OPTIONS',
        'content-type': 'text/plain; charset=utf-8',
      });
      reply.end('Method not allowed.\n');
      finish(405, 'method-not-allowed');
      return;
    }

    const chosen = pick(route);
    const { spec } = chosen;
    if (spec.delayMs) await delay(spec.delayMs, aborter.signal);
    if (aborter.signal.aborted) return;

    if (spec.fault === 'hang') {
      // Never answer; the socket stays open until the client gives up or the server stops.
      finish(0, 'hang');
      return;
    }
    if (spec.fault === 'reset') {
      request.socket.destroy();
      finish(0, 'reset');
      return;
    }

    const headers = {
      ...(spec.cors === false ? {} : CORS_HEADERS),
      'content-type': chosen.contentType,
      'cache-control': 'no-cache',
      ...(chosen.etag ? { etag: chosen.etag } : {}),
      ...(chosen.lastModified ? { 'last-modified': chosen.lastModified } : {}),
      ...(spec.headers ?? {}),
    };

    if (spec.conditional !== false && chosen.status >= 200 && chosen.status < 300 && notModified(request, chosen)) {
      const { 'content-type': _type, ...rest } = headers;
      reply.writeHead(304, rest);
      reply.end();
      finish(304, 'not-modified');
      return;
    }

    const bytes = chosen.bytes;
    // `chunked`: no Content-Length, so the client learns the size only by reading the body.
    reply.writeHead(chosen.status, spec.chunked ? headers : { ...headers, 'content-length': String(bytes.length) });
    if (request.method === 'HEAD') {
      reply.end();
      finish(chosen.status, 'head');
      return;
    }
    if (spec.fault === 'reset-after-headers') {
      reply.flushHeaders();
      setTimeout(() => request.socket.destroy(), 20);
      finish(chosen.status, 'reset-after-headers');
      return;
    }
    if (spec.fault === 'truncate') {
      // Promise the whole body in Content-Length, send part of it, then drop the connection.
      const cut = Math.max(0, Math.min(bytes.length - 1, spec.truncateAtBytes ?? Math.floor(bytes.length / 2)));
      reply.write(bytes.subarray(0, cut), () => setTimeout(() => request.socket.destroy(), 20));
      finish(chosen.status, 'truncated');
      return;
    }
    if (spec.fault === 'trickle') {
      const chunkBytes = Math.max(1, spec.trickle?.chunkBytes ?? 64);
      const intervalMs = Math.max(0, spec.trickle?.intervalMs ?? 100);
      finish(chosen.status, 'trickling');
      for (let offset = 0; offset < bytes.length; offset += chunkBytes) {
        if (aborter.signal.aborted || reply.destroyed) return;
        reply.write(bytes.subarray(offset, offset + chunkBytes));
        await delay(intervalMs, aborter.signal);
      }
      reply.end();
      finish(chosen.status, 'trickled');
      return;
    }
    if (spec.chunked) {
      // Several writes, so the body really goes out in chunks rather than as one buffer.
      for (let offset = 0; offset < bytes.length; offset += 64 * 1024) {
        if (reply.destroyed) return;
        if (!reply.write(bytes.subarray(offset, offset + 64 * 1024))) {
          await new Promise((resolveDrain) => {
            const done = () => {
              reply.off('drain', done);
              reply.off('close', done);
              resolveDrain();
            };
            reply.on('drain', done);
            reply.on('close', done);
          });
        }
      }
      if (!reply.destroyed) reply.end();
    } else reply.end(bytes);
    finish(chosen.status, 'ok');
  });

  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  // A client dropping a request mid-way (a test aborting a fetch) must not crash the runner.
  server.on('clientError', (_error, socket) => socket.destroy());

  await new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolveListen());
  });
  const { port } = server.address();
  const origin = `http://127.0.0.1:${port}`;

  return {
    origin,
    port,
    async setRoute(path, routeSpec) {
      if (typeof path !== 'string' || !path.startsWith('/'))
        throw new Error(`route path must start with "/", got ${JSON.stringify(path)}`);
      routes.set(path, await prepareRoute(path, routeSpec, Date.now()));
      return `${origin}${path}`;
    },
    removeRoute(path) {
      routes.delete(path);
    },
    /** Requests for a path (or all paths), preflights left out. */
    hits(path) {
      return log.filter((entry) => entry.method !== 'OPTIONS' && (path === undefined || entry.path === path)).length;
    },
    requests(path) {
      return log.filter((entry) => path === undefined || entry.path === path).map((entry) => ({ ...entry }));
    },
    clearLog() {
      log.length = 0;
    },
    async close() {
      aborter.abort();
      for (const socket of sockets) socket.destroy();
      await new Promise((resolveClose) => server.close(() => resolveClose()));
    },
  };
}
