/**
 * The browser test harness works: Chromium runs TypeScript tests, a test can script a real
 * cross-origin feed server in Node, feeds validate in the browser, conditional requests get
 * 304s, each fault the feed source must survive can be produced, and axe runs.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { parseFeed, validateFeed } from '../../src/feed/validate.js';
import type { FeedInput } from '../../src/feed/schema.js';
import { listFixtures, useFeedServer } from './helpers/feed-server.js';

const SMALL_FEED: FeedInput = {
  format: 'tally-feed/1',
  meta: {
    election: { id: 'harness', title: 'Harness election', date: '2018-05-03', kind: 'local', areaType: 'council' },
    revision: 7,
    generatedAt: '2018-05-04T02:00:00Z',
    dataChangedAt: '2018-05-04T01:58:00Z',
  },
  parties: [
    { id: 'con', name: 'Conservatives', shortName: 'Con' },
    { id: 'lab', name: 'Labour', shortName: 'Lab' },
  ],
  areas: [
    {
      id: 'E09000001',
      name: 'Example',
      seats: { total: 10, up: 10, majority: 6 },
      status: 'declared',
      control: { before: 'lab', after: 'con' },
      results: [
        { party: 'con', seats: 6 },
        { party: 'lab', seats: 4 },
      ],
    },
  ],
};

/** Fixtures other people add over time; each is checked when it exists. */
const REAL_FIXTURES = ['local-small.json', 'uk-general-2019.final.json'];

describe('browser test harness', () => {
  const feeds = useFeedServer();

  it('runs each test file in a visible page, even with several files at once', () => {
    // Pages sharing a window are hidden behind the active tab; a hidden page pauses polling.
    expect(document.visibilityState).to.equal('visible');
  });

  describe('feed server', () => {
    it('serves a feed cross-origin that validateFeed accepts, with validators readable', async () => {
      const url = await feeds.route('/results.json', { json: SMALL_FEED });
      expect(new URL(url).origin).to.not.equal(location.origin);

      const response = await fetch(url, { cache: 'no-store' });
      expect(response.status).to.equal(200);
      expect(response.headers.get('content-type')).to.equal('application/json; charset=utf-8');
      expect(response.headers.get('etag')).to.match(/^"[\w-]+"$/);
      expect(response.headers.get('last-modified')).to.be.a('string');

      const result = validateFeed(await response.json());
      expect(result.ok, JSON.stringify(!result.ok && result.errors)).to.equal(true);
      if (result.ok) expect(result.feed.meta.revision).to.equal(7);
    });

    it('answers a matching If-None-Match with 304 and a stale one with the body', async () => {
      const url = await feeds.route('/results.json', { json: SMALL_FEED });
      const first = await fetch(url, { cache: 'no-store' });
      const etag = first.headers.get('etag')!;

      const again = await fetch(url, { cache: 'no-store', headers: { 'If-None-Match': etag } });
      expect(again.status).to.equal(304);
      expect(again.headers.get('etag')).to.equal(etag);
      expect(await again.text()).to.equal('');

      const stale = await fetch(url, { cache: 'no-store', headers: { 'If-None-Match': '"something-older"' } });
      expect(stale.status).to.equal(200);

      expect(await feeds.hits('/results.json')).to.equal(3);
      const requests = (await feeds.requests('/results.json')).filter((request) => request.method === 'GET');
      expect(requests.map((request) => request.status)).to.deep.equal([200, 304, 200]);
      expect(requests[1]!.ifNoneMatch).to.equal(etag);
    });

    it('answers a current If-Modified-Since with 304', async () => {
      const url = await feeds.route('/results.json', { json: SMALL_FEED });
      const lastModified = (await fetch(url, { cache: 'no-store' })).headers.get('last-modified')!;
      const again = await fetch(url, { cache: 'no-store', headers: { 'If-Modified-Since': lastModified } });
      expect(again.status).to.equal(304);
    });

    it('gives a new ETag when the feed changes', async () => {
      const url = await feeds.route('/results.json', { json: SMALL_FEED });
      const before = (await fetch(url, { cache: 'no-store' })).headers.get('etag');
      await feeds.route('/results.json', { json: { ...SMALL_FEED, meta: { ...SMALL_FEED.meta, revision: 8 } } });
      const after = await fetch(url, { cache: 'no-store', headers: { 'If-None-Match': before! } });
      expect(after.status).to.equal(200);
      expect(after.headers.get('etag')).to.not.equal(before);
    });

    it('serves the real fixtures that exist, and they validate', async function () {
      const available = await listFixtures();
      const present = REAL_FIXTURES.filter((name) => available.includes(name));
      if (present.length === 0) this.skip();
      for (const name of present) {
        const url = await feeds.route(`/${name}`, { fixture: name });
        const result = parseFeed(await (await fetch(url, { cache: 'no-store' })).text());
        expect(result.ok, `${name}: ${JSON.stringify(!result.ok && result.errors.slice(0, 3))}`).to.equal(true);
      }
    });
  });

  describe('fault injection', () => {
    it('returns errors with their headers: 500, 503 with Retry-After, 404 for unknown paths', async () => {
      const url = await feeds.route('/results.json', {
        sequence: [
          { status: 500, body: 'Internal error' },
          { status: 503, headers: { 'Retry-After': '30' } },
        ],
      });
      expect((await fetch(url, { cache: 'no-store' })).status).to.equal(500);
      const unavailable = await fetch(url, { cache: 'no-store' });
      expect(unavailable.status).to.equal(503);
      expect(unavailable.headers.get('retry-after')).to.equal('30');
      expect((await fetch(feeds.url('/nothing-here.json'), { cache: 'no-store' })).status).to.equal(404);
    });

    it('flaps between good and bad answers with then: "cycle"', async () => {
      const url = await feeds.route('/results.json', {
        sequence: [{ json: SMALL_FEED }, { status: 502 }],
        then: 'cycle',
      });
      const statuses = [];
      for (let i = 0; i < 4; i += 1) statuses.push((await fetch(url, { cache: 'no-store' })).status);
      expect(statuses).to.deep.equal([200, 502, 200, 502]);
    });

    it('serves an HTML error page with status 200, which parseFeed reports as HTML', async () => {
      const url = await feeds.route('/results.json', {
        body: '<!doctype html><title>Oops</title>',
        contentType: 'text/html',
      });
      const response = await fetch(url, { cache: 'no-store' });
      expect(response.headers.get('content-type')).to.equal('text/html');
      const result = parseFeed(await response.text());
      expect(result.ok).to.equal(false);
      if (!result.ok) expect(result.errors[0]!.message).to.contain('HTML');
    });

    it('breaks connections: a reset rejects fetch, a truncated body rejects reading it', async () => {
      const reset = await feeds.route('/reset.json', { fault: 'reset' });
      let error: unknown;
      await fetch(reset, { cache: 'no-store' }).catch((caught: unknown) => (error = caught));
      expect(error).to.be.instanceOf(TypeError);

      const truncated = await feeds.route('/truncated.json', { json: SMALL_FEED, fault: 'truncate' });
      const response = await fetch(truncated, { cache: 'no-store' });
      expect(response.status).to.equal(200);
      error = undefined;
      await response.text().catch((caught: unknown) => (error = caught));
      expect(error).to.be.instanceOf(TypeError);
    });

    it('hangs until the client gives up', async () => {
      const url = await feeds.route('/results.json', { fault: 'hang' });
      let error: unknown;
      await fetch(url, { cache: 'no-store', signal: AbortSignal.timeout(300) }).catch(
        (caught: unknown) => (error = caught),
      );
      expect((error as DOMException).name).to.equal('TimeoutError');
      const [request] = await feeds.requests('/results.json');
      expect(request!.outcome).to.equal('hang');
    });

    it('trickles a body slowly and serves a 10 MB payload that still parses', async () => {
      const slow = await feeds.route('/slow.json', {
        json: SMALL_FEED,
        fault: 'trickle',
        trickle: { chunkBytes: 100, intervalMs: 40 },
      });
      const started = performance.now();
      expect(parseFeed(await (await fetch(slow, { cache: 'no-store' })).text()).ok).to.equal(true);
      expect(performance.now() - started).to.be.greaterThan(150);

      const large = await feeds.route('/large.json', { json: SMALL_FEED, padToBytes: 10 * 1024 * 1024 });
      const text = await (await fetch(large, { cache: 'no-store' })).text();
      expect(text.length).to.equal(10 * 1024 * 1024);
      expect(parseFeed(text).ok).to.equal(true);
    });

    it('can withhold CORS headers, which the browser then blocks', async () => {
      const url = await feeds.route('/results.json', { json: SMALL_FEED, cors: false });
      let error: unknown;
      await fetch(url, { cache: 'no-store' }).catch((caught: unknown) => (error = caught));
      expect(error).to.be.instanceOf(TypeError);
      expect(await feeds.hits('/results.json')).to.equal(1);
    });
  });

  describe('accessibility checks', () => {
    it('pass for an accessible element', async () => {
      const element = await fixture(html`<button type="button">Refresh results</button>`);
      await expect(element).to.be.accessible();
    });

    it('fail for an element without an accessible name, so axe is really running', async () => {
      // eslint-disable-next-line lit-a11y/accessible-name -- the nameless button is what this test is about
      const element = await fixture(html`<button type="button"></button>`);
      await expect(element).not.to.be.accessible();
    });
  });
});
