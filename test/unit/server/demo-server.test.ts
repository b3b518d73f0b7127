import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateFeed } from '../../../src/feed/validate.js';
import type { Feed } from '../../../src/feed/schema.js';
import { DECLARATIONS, NIGHT_END, NIGHT_START, rawRequest, startTestServer, type TestServer } from './support.js';

const MINUTE = 60_000;

let server: TestServer;
afterEach(async () => {
  await server?.close();
});

async function feedAt(path = '/feeds/small.json'): Promise<{ response: Response; feed: Feed }> {
  const response = await server.get(path);
  expect(response.status).toBe(200);
  const result = validateFeed(await response.json());
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return { response, feed: result.feed };
}

const declared = (feed: Feed) => feed.areas.filter((area) => area.status === 'declared').length;

describe('demo server: replay feeds', () => {
  beforeEach(async () => {
    server = await startTestServer();
  });

  it('serves the replay with CDN headers and a valid feed', async () => {
    const { response, feed } = await feedAt();
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('etag')).toMatch(/^"[\w-]{32}(-gzip|-br)?"$/);
    expect(response.headers.get('last-modified')).toBe('Thu, 01 Jan 2026 12:00:00 GMT');
    expect(response.headers.get('cache-control')).toBe('public, max-age=5');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-expose-headers')).toBe('ETag, Last-Modified');
    expect(declared(feed)).toBe(0);
    // The night's own times, on the replay's clock (its start), not the wall clock (2026).
    expect(feed.meta.dataChangedAt).toBe(new Date(NIGHT_START).toISOString());
    expect(feed.meta.generatedAt).toBe(new Date(NIGHT_START).toISOString());
    // A night in fast forward asks widgets to poll as often as they may (every 5 s).
    expect(feed.meta.pollInterval).toBe(5);
  });

  it('answers If-None-Match and If-Modified-Since with 304, and a stale ETag with the body', async () => {
    const first = await server.get('/feeds/small.json');
    const etag = first.headers.get('etag')!;
    const lastModified = first.headers.get('last-modified')!;

    const byEtag = await server.get('/feeds/small.json', { headers: { 'If-None-Match': etag } });
    expect(byEtag.status).toBe(304);
    expect(byEtag.headers.get('etag')).toBe(etag);
    expect(byEtag.headers.get('access-control-allow-origin')).toBe('*');
    expect(await byEtag.text()).toBe('');

    const weak = await server.get('/feeds/small.json', { headers: { 'If-None-Match': `"other", W/${etag}` } });
    expect(weak.status).toBe(304);

    const byDate = await server.get('/feeds/small.json', { headers: { 'If-Modified-Since': lastModified } });
    expect(byDate.status).toBe(304);

    // If-None-Match wins over If-Modified-Since.
    const stale = await server.get('/feeds/small.json', {
      headers: { 'If-None-Match': '"old"', 'If-Modified-Since': lastModified },
    });
    expect(stale.status).toBe(200);
  });

  it('keeps the body byte-for-byte the same until the content changes', async () => {
    const first = await server.get('/feeds/small.json');
    const firstText = await first.text();
    server.advance(30_000); // 30 simulated minutes: nothing declared yet
    const second = await server.get('/feeds/small.json');
    expect(await second.text()).toBe(firstText);
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
  });

  it('raises the revision and dataChangedAt when a result comes in; dataChangedAt on the replay’s clock', async () => {
    const before = (await feedAt()).feed;
    server.advance(MINUTE); // one simulated hour: the first council declares
    const { response, feed: after } = await feedAt();
    expect(declared(after)).toBe(1);
    expect(after.meta.revision).toBeGreaterThan(before.meta.revision);
    // "Updated 00:00" (UK time) for a declaration at 23:00 UTC, as the replay's clock says.
    expect(after.meta.dataChangedAt).toBe(new Date(DECLARATIONS[0]!).toISOString());
    expect(server.demo.replays.get('small')!.state().simulatedTime).toBe(DECLARATIONS[0]);
    // HTTP validators stay real time, as a CDN's are.
    expect(response.headers.get('last-modified')).toBe('Thu, 01 Jan 2026 12:01:00 GMT');
  });

  it("keeps revisions going up when the replay restarts, though the night's own go back to 1", async () => {
    const revisions: number[] = [];
    for (let step = 0; step < 4; step += 1) {
      revisions.push((await feedAt()).feed.meta.revision);
      server.advance(MINUTE);
    }
    const restart = await server.get('/replay', { method: 'POST', body: JSON.stringify({ action: 'restart' }) });
    expect(restart.status).toBe(200);
    const { feed } = await feedAt();
    expect(declared(feed)).toBe(0);
    revisions.push(feed.meta.revision);
    for (let index = 1; index < revisions.length; index += 1)
      expect(revisions[index]).toBeGreaterThan(revisions[index - 1]!);
  });

  it('starts revisions from the Unix time, so a page open across a server restart still accepts them', async () => {
    const { feed } = await feedAt();
    expect(feed.meta.revision).toBe(Math.floor(server.clock.now / 1000));
  });

  it('gives every revision its own Last-Modified second, even when a control forces a change', async () => {
    const first = await server.get('/feeds/small.json');
    await server.get('/replay', { method: 'POST', body: JSON.stringify({ action: 'end' }) });
    const second = await server.get('/feeds/small.json');
    expect(second.headers.get('etag')).not.toBe(first.headers.get('etag'));
    expect(Date.parse(second.headers.get('last-modified')!)).toBeGreaterThan(
      Date.parse(first.headers.get('last-modified')!),
    );
    const conditional = await server.get('/feeds/small.json', {
      headers: { 'If-Modified-Since': first.headers.get('last-modified')! },
    });
    expect(conditional.status).toBe(200);
  });

  it('stays at the final state after the end of the night', async () => {
    server.advance(60 * MINUTE);
    const { feed } = await feedAt();
    expect(declared(feed)).toBe(3);
    const state = (await (await server.get('/replay')).json()) as {
      nights: { simulatedTime: number; finished: boolean }[];
    };
    expect(state.nights[0]).toMatchObject({ simulatedTime: NIGHT_END, finished: true });
  });

  it('answers HEAD with headers and no body', async () => {
    // The bytes as stored: fetch would decompress the body but not Content-Length.
    const identity = { 'Accept-Encoding': 'identity' };
    const get = await server.get('/feeds/small.json', { headers: identity });
    const head = await server.get('/feeds/small.json', { method: 'HEAD', headers: identity });
    expect(head.status).toBe(200);
    expect(head.headers.get('etag')).toBe(get.headers.get('etag'));
    expect(head.headers.get('content-length')).toBe(String((await get.arrayBuffer()).byteLength));
    expect(await head.text()).toBe('');
  });

  it('answers a CORS preflight', async () => {
    const response = await server.get('/feeds/small.json', {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://news.example',
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'if-none-match',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-methods')).toContain('GET');
    expect(response.headers.get('access-control-allow-headers')).toContain('If-None-Match');
  });

  it('serves the final feed with a longer max-age', async () => {
    const { response, feed } = await feedAt('/feeds/small.final.json');
    expect(response.headers.get('cache-control')).toBe('public, max-age=3600');
    expect(response.headers.get('etag')).toMatch(/^"[\w-]{32}(-gzip|-br)?"$/);
    expect(declared(feed)).toBe(3);
    const again = await server.get('/feeds/small.final.json', {
      headers: { 'If-None-Match': response.headers.get('etag')! },
    });
    expect(again.status).toBe(304);
  });
});

describe('demo server: replay control', () => {
  beforeEach(async () => {
    server = await startTestServer();
  });

  interface State {
    nights: {
      id: string;
      simulatedTime: number;
      speed: number;
      defaultSpeed: number;
      paused: boolean;
      start: number;
      end: number;
    }[];
  }
  const state = async () => ((await (await server.get('/replay')).json()) as State).nights[0]!;
  const post = (body: unknown) =>
    server.get('/replay', { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body) });

  it("reports each night's clock", async () => {
    server.advance(MINUTE);
    expect(await state()).toMatchObject({
      id: 'small',
      start: NIGHT_START,
      end: NIGHT_END,
      speed: 60,
      defaultSpeed: 60,
      paused: false,
      simulatedTime: NIGHT_START + 3_600_000,
    });
  });

  it('pauses and plays', async () => {
    expect((await post({ night: 'small', action: 'pause' })).status).toBe(200);
    server.advance(10 * MINUTE);
    expect(await state()).toMatchObject({ paused: true, simulatedTime: NIGHT_START });
    await post({ action: 'play' });
    server.advance(MINUTE);
    expect(await state()).toMatchObject({ paused: false, simulatedTime: NIGHT_START + 3_600_000 });
  });

  it('changes speed, and jumps to the end', async () => {
    await post({ action: 'speed', speed: 120 });
    server.advance(MINUTE);
    expect((await state()).simulatedTime).toBe(NIGHT_START + 2 * 3_600_000);
    await post({ action: 'end' });
    expect((await state()).simulatedTime).toBe(NIGHT_END);
    expect(declared((await feedAt()).feed)).toBe(3);
  });

  it('refuses bad commands with a 400 and a short reason', async () => {
    const cases: [unknown, string][] = [
      ['{not json', 'must be JSON'],
      ['[1]', 'JSON object'],
      [{ action: 'rewind' }, '"action" must be one of'],
      [{ action: 'pause', night: 'uk-local-1066' }, 'unknown night'],
      [{ action: 'speed' }, 'needs a number'],
      [{ action: 'speed', speed: -1 }, 'speed must be'],
      [{ action: 'speed', speed: 1e12 }, 'speed must be'],
    ];
    for (const [body, reason] of cases) {
      const response = await post(body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(await response.text()).toContain(reason);
    }
    expect((await state()).speed).toBe(60);
  });

  it('refuses a body that is too large', async () => {
    const response = await post(JSON.stringify({ action: 'pause', padding: 'x'.repeat(20_000) }));
    expect(response.status).toBe(413);
  });
});

describe('demo server: errors and static files', () => {
  let dir: string;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tally-demo-'));
    mkdirSync(join(dir, 'explorer'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Demo</title>');
    writeFileSync(join(dir, 'explorer', 'index.html'), '<!doctype html><title>Explorer</title>');
    writeFileSync(join(dir, 'assets', 'main-abc123.js'), 'export {};');
    server = await startTestServer({ staticDir: dir });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('serves the built demo, directories as their index.html, with validators', async () => {
    const index = await server.get('/');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('cache-control')).toBe('no-cache');
    expect(await index.text()).toContain('<title>Demo</title>');
    expect(await (await server.get('/explorer/')).text()).toContain('Explorer');
    const asset = await server.get('/assets/main-abc123.js');
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(asset.headers.get('cache-control')).toContain('immutable');
    const again = await server.get('/', { headers: { 'If-None-Match': index.headers.get('etag')! } });
    expect(again.status).toBe(304);
  });

  it('lets other sites load its files, as a CDN does (the embed builder’s codes load tally.js as a module)', async () => {
    expect((await server.get('/assets/main-abc123.js')).headers.get('access-control-allow-origin')).toBe('*');
    expect((await server.get('/')).headers.get('access-control-allow-origin')).toBe('*');
  });

  it('answers unknown paths and feeds with 404', async () => {
    expect((await server.get('/nope.html')).status).toBe(404);
    const feed = await server.get('/feeds/uk-local-1066.json');
    expect(feed.status).toBe(404);
    expect(await feed.text()).toContain('small.json');
    expect((await server.get('/feeds/small.xml')).status).toBe(404);
    expect((await server.get('/.git/config')).status).toBe(404);
  });

  it('answers a wrong method with 405 and Allow', async () => {
    const feed = await server.get('/feeds/small.json', { method: 'POST', body: '{}' });
    expect(feed.status).toBe(405);
    expect(feed.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    const replay = await server.get('/replay', { method: 'PUT', body: '{}' });
    expect(replay.status).toBe(405);
    expect(replay.headers.get('allow')).toBe('GET, POST');
    expect((await server.get('/index.html', { method: 'DELETE' })).status).toBe(405);
  });

  it('refuses path traversal', async () => {
    for (const path of [
      '/../package.json',
      '/%2e%2e/package.json',
      '/explorer/..%2f..%2fpackage.json',
      '/feeds/..%2f..%2fpackage.json',
      '/a%00b',
      '/..\\package.json',
      '/%E0%A4%A',
    ]) {
      const response = await rawRequest(server.base, 'GET', path);
      expect(response.status, path).toBe(400);
      expect(response.text).not.toContain('"name"');
    }
  });

  it('says how to build the demo when it is missing', async () => {
    await server.close();
    server = await startTestServer({ staticDir: join(dir, 'missing') });
    const response = await server.get('/');
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('npm run build:demo');
  });
});
