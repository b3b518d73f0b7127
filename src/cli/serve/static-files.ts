/**
 * Files served the way a CDN serves them: a strong ETag (a hash of the bytes) per content
 * coding, Last-Modified, 304 for a current If-None-Match / If-Modified-Since, Cache-Control,
 * CORS for any origin with the validators exposed, and gzip or brotli (node:zlib) when the
 * client accepts them. `tally serve` and the demo server both answer through here.
 *
 * A file is read whole through one file descriptor (fstat and read on the same open file), so
 * the bytes, their hash and their size always belong together even while a publisher renames a
 * new version into place; the result is kept until the file's identity (inode, size, mtime)
 * changes. Dot files (a publisher's temporary files among them) are never served.
 */
import { open } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';
import { httpDate, isNotModified, strongEtag } from './http-cache.js';

/** An error answered as a plain-text HTTP response. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** One version of a resource: its exact bytes and what describes them. */
export interface Representation {
  readonly body: Buffer;
  /** Strong validator of `body` (see `strongEtag`). */
  readonly etag: string;
  /** Milliseconds since the epoch. */
  readonly lastModified: number;
  readonly contentType: string;
}

export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.hexjson': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** Headers that let any page read the resource and its validators (the feed is public). */
export const CORS_HEADERS: Readonly<Record<string, string>> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'ETag, Last-Modified',
};

/** The answer to a CORS preflight; Tally's own polls never need one, other clients might. */
export const PREFLIGHT_HEADERS: Readonly<Record<string, string>> = {
  ...CORS_HEADERS,
  'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
  'Access-Control-Allow-Headers': 'If-None-Match, If-Modified-Since, Cache-Control',
  'Access-Control-Max-Age': '86400',
};

const COMPRESSIBLE = /^(?:text\/|application\/(?:[\w.+-]*\+)?(?:json|xml|javascript)\b|image\/svg\+xml)/;
/** Below this a compressed body saves nothing worth a header. */
const MIN_COMPRESS_BYTES = 256;

type Coding = 'br' | 'gzip' | 'identity';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * The content coding to send: brotli, then gzip, when the client accepts them (a q-value of 0
 * refuses one), else the bytes as they are.
 */
export function negotiateCoding(acceptEncoding: string | undefined): Coding {
  if (!acceptEncoding) return 'identity';
  const accepted = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name, ...parameters] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = parameters
      .map((parameter) => /^\s*q\s*=\s*([\d.]+)\s*$/.exec(parameter)?.[1])
      .find((value) => value !== undefined);
    accepted.set(name === 'x-gzip' ? 'gzip' : name, q === undefined ? 1 : Number(q));
  }
  const quality = (coding: string) => accepted.get(coding) ?? (accepted.has('*') ? accepted.get('*')! : 0);
  if (quality('br') > 0) return 'br';
  if (quality('gzip') > 0) return 'gzip';
  return 'identity';
}

/** The strong ETag of one content coding of the bytes tagged `etag`. */
function codedEtag(etag: string, coding: Coding): string {
  return coding === 'identity' ? etag : `${etag.slice(0, -1)}-${coding}"`;
}

/**
 * Compressed bodies, kept per ETag and coding so that thousands of polls of the same feed
 * compress it once. Least recently used first out, within a byte budget.
 */
export class CompressionCache {
  private readonly entries = new Map<string, Promise<Buffer>>();
  private readonly sizes = new Map<string, number>();
  private bytes = 0;

  constructor(private readonly budgetBytes = 64 * 2 ** 20) {}

  get(representation: Representation, coding: Exclude<Coding, 'identity'>): Promise<Buffer> {
    const key = `${representation.etag}|${coding}`;
    const cached = this.entries.get(key);
    if (cached) {
      // Most recently used goes to the end of the map's order.
      this.entries.delete(key);
      this.entries.set(key, cached);
      return cached;
    }
    const body = representation.body;
    const pending =
      coding === 'br'
        ? brotli(body, {
            // A CDN's on-the-fly quality: a fifth of the time of the maximum for a few per cent more bytes.
            params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.length },
          })
        : gzipAsync(body, { level: 6 });
    this.entries.set(key, pending);
    pending.then(
      (compressed) => {
        if (this.entries.get(key) !== pending) return;
        this.sizes.set(key, compressed.length);
        this.bytes += compressed.length;
        this.evict();
      },
      () => this.entries.delete(key),
    );
    return pending;
  }

  private evict() {
    for (const key of this.entries.keys()) {
      if (this.bytes <= this.budgetBytes) break;
      const size = this.sizes.get(key);
      if (size === undefined) continue; // still compressing
      this.entries.delete(key);
      this.sizes.delete(key);
      this.bytes -= size;
    }
  }
}

export interface SendOptions {
  /** The Cache-Control header. */
  readonly cacheControl: string;
  readonly compression: CompressionCache;
  /** Extra headers on every answer (200 and 304). */
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * Answer GET or HEAD with one representation: 304 when the client's copy is current, else the
 * body in the best coding the client accepts.
 */
export async function sendRepresentation(
  request: IncomingMessage,
  response: ServerResponse,
  representation: Representation,
  options: SendOptions,
): Promise<void> {
  const compressible =
    COMPRESSIBLE.test(representation.contentType) && representation.body.length >= MIN_COMPRESS_BYTES;
  const coding = compressible ? negotiateCoding(request.headers['accept-encoding']) : 'identity';
  const etag = codedEtag(representation.etag, coding);
  const headers: Record<string, string> = {
    ...CORS_HEADERS,
    ...options.headers,
    'Cache-Control': options.cacheControl,
    ETag: etag,
    'Last-Modified': httpDate(representation.lastModified),
    ...(compressible ? { Vary: 'Accept-Encoding' } : {}),
  };
  const allTags = compressible
    ? (['identity', 'br', 'gzip'] as const).map((each) => codedEtag(representation.etag, each))
    : [representation.etag];
  if (isNotModified(request.headers, allTags, representation.lastModified)) {
    response.writeHead(304, headers);
    response.end();
    return;
  }
  const body = coding === 'identity' ? representation.body : await options.compression.get(representation, coding);
  response.writeHead(200, {
    ...headers,
    'Content-Type': representation.contentType,
    'Content-Length': String(body.length),
    'X-Content-Type-Options': 'nosniff',
    ...(coding === 'identity' ? {} : { 'Content-Encoding': coding }),
  });
  response.end(request.method === 'HEAD' ? undefined : body);
}

/** Answer with a short plain-text message, never cached. */
export function sendText(
  response: ServerResponse,
  status: number,
  text: string,
  headers: Readonly<Record<string, string>> = {},
): void {
  const body = `${text}\n`;
  response.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
    'Cache-Control': 'no-store',
    ...headers,
  });
  response.end(body);
}

/** Refuse any other method with 405 and Allow. */
export function allowOnly(request: IncomingMessage, methods: readonly string[]): void {
  if (!methods.includes(request.method ?? '')) {
    throw new HttpError(405, `Method ${request.method} not allowed here; use ${methods.join(', ')}.`, {
      Allow: methods.join(', '),
    });
  }
}

/**
 * The request target's path as a list of safe segments. Anything that could step outside the
 * root is refused (400), dot files are not found (404). Read from the raw target, not from
 * `new URL(...)`, which would quietly resolve "/../" and "%2e%2e": a traversal attempt is
 * refused, not answered.
 */
export function pathSegments(target: string | undefined): string[] {
  const raw = target ?? '/';
  if (!raw.startsWith('/')) throw new HttpError(400, 'Bad request: the request target must be a path.');
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw.split(/[?#]/, 1)[0]!);
  } catch {
    throw new HttpError(400, 'Malformed percent-encoding in the path.');
  }
  if (decoded.includes('\0') || decoded.includes('\\'))
    throw new HttpError(400, 'Refused: the path contains a forbidden character.');
  const segments = decoded.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.some((segment) => segment === '..'))
    throw new HttpError(400, 'Refused: the path steps outside the site ("..").');
  if (segments.some((segment) => segment.startsWith('.'))) throw new HttpError(404, 'Not found.');
  return segments;
}

interface CachedFile {
  readonly key: string;
  readonly representation: Representation;
}

export interface StaticFilesOptions {
  /** The folder to serve. */
  readonly root: string;
  /** Cache-Control for a file, from its path relative to the root ("history/uk.000012.json"). */
  readonly cacheControl: (relativePath: string) => string;
  /** Added to the 404 message when the root itself has nothing to serve. */
  readonly emptyRootHint?: string;
  /** Memory kept for file contents and for compressed bodies, each (bytes). Default 128 MB. */
  readonly cacheBytes?: number;
}

/** Files under one folder, answered as a CDN would. */
export class StaticFiles {
  readonly root: string;
  private readonly files = new Map<string, CachedFile>();
  private cachedBytes = 0;
  private readonly cacheBytes: number;
  readonly compression: CompressionCache;

  constructor(private readonly options: StaticFilesOptions) {
    this.root = resolve(options.root);
    this.cacheBytes = options.cacheBytes ?? 128 * 2 ** 20;
    this.compression = new CompressionCache(this.cacheBytes);
  }

  /** Answer GET, HEAD or OPTIONS for the file at `segments` (from `pathSegments`). */
  async serve(request: IncomingMessage, response: ServerResponse, segments: readonly string[]): Promise<void> {
    allowOnly(request, ['GET', 'HEAD', 'OPTIONS']);
    if (request.method === 'OPTIONS') {
      response.writeHead(204, PREFLIGHT_HEADERS);
      response.end();
      return;
    }
    const found = await this.load(segments);
    await sendRepresentation(request, response, found.representation, {
      cacheControl: this.options.cacheControl(found.relativePath),
      compression: this.compression,
    });
  }

  /** The file at `segments` (a folder's index.html), read through one descriptor. */
  async load(segments: readonly string[]): Promise<{ representation: Representation; relativePath: string }> {
    let path = join(this.root, ...segments);
    if (path !== this.root && !path.startsWith(this.root + sep))
      throw new HttpError(400, 'Refused: the path steps outside the site.');
    let relativePath = segments.join('/');
    for (let attempt = 0; attempt < 2; attempt++) {
      const handle = await open(path, 'r').catch(() => undefined);
      if (!handle) break;
      try {
        const info = await handle.stat();
        if (info.isDirectory()) {
          path = join(path, 'index.html');
          relativePath = relativePath ? `${relativePath}/index.html` : 'index.html';
          continue;
        }
        if (!info.isFile()) break;
        const key = `${info.dev}:${info.ino}:${info.size}:${info.mtimeMs}`;
        const cached = this.files.get(path);
        if (cached?.key === key) return { representation: cached.representation, relativePath };
        const body = await handle.readFile();
        const representation: Representation = {
          body,
          etag: strongEtag(body),
          lastModified: info.mtimeMs,
          contentType: CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream',
        };
        this.remember(path, { key, representation });
        return { representation, relativePath };
      } finally {
        await handle.close();
      }
    }
    throw new HttpError(
      404,
      `Not found.${segments.length === 0 && this.options.emptyRootHint ? ` ${this.options.emptyRootHint}` : ''}`,
    );
  }

  private remember(path: string, file: CachedFile) {
    const old = this.files.get(path);
    if (old) this.cachedBytes -= old.representation.body.length;
    this.files.delete(path);
    if (file.representation.body.length > this.cacheBytes / 4) return;
    this.files.set(path, file);
    this.cachedBytes += file.representation.body.length;
    for (const [key, entry] of this.files) {
      if (this.cachedBytes <= this.cacheBytes) break;
      this.files.delete(key);
      this.cachedBytes -= entry.representation.body.length;
    }
  }
}
