import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { request as httpRequest } from 'node:http';
import { createFolderServer, type FolderServer } from '../../../src/cli/serve/server.js';
import { negotiateCoding } from '../../../src/cli/serve/static-files.js';
import { writeFileAtomic } from '../../../src/cli/publish/atomic-write.js';
import { temporaryFolder } from './support.js';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A raw request: fetch would decompress bodies and normalise paths. */
function get(base: string, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

const FEED = JSON.stringify({ format: 'tally-feed/1', padding: 'x'.repeat(4000) });

let folder: ReturnType<typeof temporaryFolder>;
let server: FolderServer;
let base: string;

beforeEach(async () => {
  folder = temporaryFolder('tally-serve-');
  writeFileSync(join(folder.dir, 'night.json'), FEED);
  writeFileSync(join(folder.dir, 'tiny.json'), '{}');
  mkdirSync(join(folder.dir, 'history/night'), { recursive: true });
  writeFileSync(join(folder.dir, 'history/night/3.json'), FEED);
  writeFileSync(join(folder.dir, '.night.json.0123456789ab.tmp'), '{"half');
  server = createFolderServer({ root: folder.dir, maxAge: 7, logError: () => {} });
  base = await server.listen(0, '127.0.0.1');
});
afterEach(async () => {
  await server.close();
  folder.cleanup();
});

describe('tally serve', () => {
  it('serves a file with a strong ETag, Last-Modified, max-age and CORS that exposes the validators', async () => {
    const answer = await get(base, '/night.json');
    expect(answer.status).toBe(200);
    expect(answer.body.toString()).toBe(FEED);
    expect(answer.headers['etag']).toMatch(/^"[\w-]{32}"$/);
    expect(answer.headers['last-modified']).toMatch(/GMT$/);
    expect(answer.headers['cache-control']).toBe('public, max-age=7');
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(answer.headers['access-control-allow-origin']).toBe('*');
    expect(answer.headers['access-control-expose-headers']).toBe('ETag, Last-Modified');
    expect(answer.headers['vary']).toBe('Accept-Encoding');
  });

  it('answers a current If-None-Match or If-Modified-Since with 304 and no body', async () => {
    const first = await get(base, '/night.json');
    const byTag = await get(base, '/night.json', { 'If-None-Match': String(first.headers['etag']) });
    expect(byTag.status).toBe(304);
    expect(byTag.body.length).toBe(0);
    expect(byTag.headers['etag']).toBe(first.headers['etag']);
    expect(byTag.headers['access-control-allow-origin']).toBe('*');
    const byDate = await get(base, '/night.json', { 'If-Modified-Since': String(first.headers['last-modified']) });
    expect(byDate.status).toBe(304);
    const stale = await get(base, '/night.json', { 'If-None-Match': '"something-else"' });
    expect(stale.status).toBe(200);
  });

  it('compresses with brotli or gzip as the client accepts, with a tag per coding that still revalidates', async () => {
    const br = await get(base, '/night.json', { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).toString()).toBe(FEED);
    expect(Number(br.headers['content-length'])).toBe(br.body.length);
    expect(br.body.length).toBeLessThan(FEED.length / 10);

    const gzip = await get(base, '/night.json', { 'Accept-Encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).toString()).toBe(FEED);

    const identity = await get(base, '/night.json', { 'Accept-Encoding': 'br;q=0, gzip;q=0' });
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(new Set([br.headers['etag'], gzip.headers['etag'], identity.headers['etag']]).size).toBe(3);

    // A client that cached the gzip answer and now asks for brotli: the same content, 304.
    const again = await get(base, '/night.json', {
      'Accept-Encoding': 'br',
      'If-None-Match': String(gzip.headers['etag']),
    });
    expect(again.status).toBe(304);
    expect(again.headers['etag']).toBe(br.headers['etag']);
  });

  it('does not compress a tiny file', async () => {
    const tiny = await get(base, '/tiny.json', { 'Accept-Encoding': 'br, gzip' });
    expect(tiny.headers['content-encoding']).toBeUndefined();
    expect(tiny.body.toString()).toBe('{}');
  });

  it('sees a file replaced atomically at once: new bytes, new ETag', async () => {
    const first = await get(base, '/night.json');
    const next = FEED.replace('x', 'y');
    await writeFileAtomic(join(folder.dir, 'night.json'), next);
    const second = await get(base, '/night.json', { 'If-None-Match': String(first.headers['etag']) });
    expect(second.status).toBe(200);
    expect(second.body.toString()).toBe(next);
    expect(second.headers['etag']).not.toBe(first.headers['etag']);
  });

  it('serves history as immutable', async () => {
    const kept = await get(base, '/history/night/3.json');
    expect(kept.status).toBe(200);
    expect(kept.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('answers HEAD with the headers only, and a CORS preflight', async () => {
    const head = await get(base, '/night.json', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(Number(head.headers['content-length'])).toBe(Buffer.byteLength(FEED));
    const preflight = await get(
      base,
      '/night.json',
      { Origin: 'https://news.example', 'Access-Control-Request-Method': 'GET' },
      'OPTIONS',
    );
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-methods']).toBe('GET, HEAD, OPTIONS');
  });

  it('never serves dot files (temporary files), folders, or anything outside the folder', async () => {
    expect((await get(base, '/.night.json.0123456789ab.tmp')).status).toBe(404);
    expect((await get(base, '/')).status).toBe(404);
    expect((await get(base, '/history/')).status).toBe(404);
    expect((await get(base, '/missing.json')).status).toBe(404);
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/history/..%2f..%2fpackage.json', '/a%00b']) {
      const answer = await get(base, path);
      expect(answer.status, path).toBe(400);
    }
    const post = await get(base, '/night.json', {}, 'POST');
    expect(post.status).toBe(405);
    expect(post.headers['allow']).toBe('GET, HEAD, OPTIONS');
  });
});

describe('negotiateCoding', () => {
  it('prefers brotli, then gzip, honouring q=0 and *', () => {
    expect(negotiateCoding(undefined)).toBe('identity');
    expect(negotiateCoding('gzip, deflate, br')).toBe('br');
    expect(negotiateCoding('gzip;q=1.0, br;q=0')).toBe('gzip');
    expect(negotiateCoding('x-gzip')).toBe('gzip');
    expect(negotiateCoding('*')).toBe('br');
    expect(negotiateCoding('*;q=0, identity')).toBe('identity');
    expect(negotiateCoding('deflate')).toBe('identity');
  });
});

describe('the demo server serves through the same code', () => {
  it('answers its built pages and its replayed feeds like tally serve: brotli, a tag per coding, 304 across codings', async () => {
    const { startTestServer } = await import('../server/support.js');
    writeFileSync(join(folder.dir, 'index.html'), `<!doctype html><title>Demo</title>${'<p>x</p>'.repeat(200)}`);
    const demo = await startTestServer({ staticDir: folder.dir });
    try {
      for (const path of ['/index.html', '/feeds/small.json']) {
        const br = await get(demo.base, path, { 'Accept-Encoding': 'br' });
        expect(br.headers['content-encoding'], path).toBe('br');
        expect(br.headers['etag'], path).toMatch(/-br"$/);
        const gzip = await get(demo.base, path, {
          'Accept-Encoding': 'gzip',
          'If-None-Match': String(br.headers['etag']),
        });
        expect(gzip.status, path).toBe(304);
      }
    } finally {
      await demo.close();
    }
  });
});
