/**
 * Request floods and stalls (issue 22, points 2, 7 and 8), with the browser's real timers and
 * a real feed server on another origin. Browsers run a timer longer than 2³¹ − 1 ms at once,
 * so a huge interval from any source became a request loop (614 requests in 10 s from
 * `interval=3000000` on the iframe page); a wall clock set back stopped polling for an hour;
 * `online` and visibility events, or re-attaching a widget, started requests beside the one in
 * flight. Each case counts the requests the server saw.
 */
import { expect } from '@open-wc/testing';
import { feedSourceFor, releaseIdleFeedSources } from '../../src/feed/registry.js';
import { upgradePlaceholders } from '../../src/embed/loader.js';
import { useFeedServer } from './helpers/feed-server.js';
import { FakePage } from './helpers/fake-clock.js';
import { captureConsole, contentText, statusLine, until, watchPageErrors, type Widget } from './helpers/widgets.js';
import { openHostPage, type HostPage } from './fixtures/host-page.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Long enough for a request loop to show (hundreds of requests), short enough to run often. */
const WATCH_MS = 2_000;

describe('hardening: requests', function () {
  this.timeout(60_000);
  const feeds = useFeedServer();
  let box: HTMLElement;
  let pageErrors: ReturnType<typeof watchPageErrors>;
  let paths = 0;
  const path = () => `/requests-${++paths}.json`;

  beforeEach(() => {
    box = document.createElement('div');
    box.style.width = '600px';
    document.body.append(box);
    pageErrors = watchPageErrors();
  });
  afterEach(() => {
    box.remove();
    pageErrors.stop();
    releaseIdleFeedSources();
  });

  function widget(src: string, attributes: Record<string, string> = {}): Widget {
    const element = document.createElement('tally-seat-bar') as Widget;
    element.setAttribute('src', src);
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    box.append(element);
    return element;
  }

  describe('every source of a delay, however large', () => {
    it('interval attributes (3000000, 1e10, Infinity, NaN), data-interval, a month of max-age, Retry-After far off: one request each, and no "out of date"', async () => {
      const consoleLines = captureConsole();
      try {
        const cases: { label: string; path: string; widget: () => Promise<Widget> }[] = [];
        const add = (
          label: string,
          make: (url: string) => Widget | Promise<Widget>,
          route: Parameters<typeof feeds.route>[1] = { fixture: 'local-small.json' },
        ) => {
          const at = path();
          cases.push({ label, path: at, widget: async () => make(await feeds.route(at, route)) });
        };
        for (const interval of ['3000000', '1e10', 'Infinity', 'NaN', '-5'])
          add(`interval="${interval}"`, (url) => widget(url, { interval }));
        add('data-interval="3000000" on a placeholder', (url) => {
          const placeholder = document.createElement('div');
          placeholder.dataset.tallyWidget = 'seat-bar';
          placeholder.dataset.src = url;
          placeholder.dataset.interval = '3000000';
          box.append(placeholder);
          return upgradePlaceholders(placeholder)[0] as Widget;
        });
        add('Cache-Control: public, max-age=2592000', (url) => widget(url, { interval: '5' }), {
          fixture: 'local-small.json',
          headers: { 'Cache-Control': 'public, max-age=2592000' },
        });
        add('Cache-Control: max-age beyond any timer', (url) => widget(url, { interval: '5' }), {
          fixture: 'local-small.json',
          headers: { 'Cache-Control': 'max-age=99999999999999' },
        });
        for (const retryAfter of ['99999999999', 'Fri, 31 Dec 9999 23:59:59 GMT']) {
          add(`503 with Retry-After: ${retryAfter}`, (url) => widget(url, { interval: '5' }), {
            status: 503,
            body: 'busy',
            headers: { 'Retry-After': retryAfter },
          });
        }
        const widgets = await Promise.all(cases.map((entry) => entry.widget()));
        await sleep(WATCH_MS);
        const counts = await Promise.all(cases.map((entry) => feeds.hits(entry.path)));
        expect(Object.fromEntries(cases.map((entry, i) => [entry.label, counts[i]]))).to.deep.equal(
          Object.fromEntries(cases.map((entry) => [entry.label, 1])),
        );
        for (const [i, element] of widgets.entries()) {
          if (cases[i]!.label.startsWith('503')) continue;
          expect(statusLine(element)?.kind, `${cases[i]!.label}: just loaded, not out of date`).to.equal('current');
        }
        expect(consoleLines.warn.filter((line) => line.includes('out of date'))).to.deep.equal([]);
        expect(pageErrors.errors).to.deep.equal([]);
      } finally {
        consoleLines.restore();
      }
    });

    it('the iframe page with interval=3000000 in its address (anyone can build one): one request', async () => {
      const at = path();
      const url = await feeds.route(at, { fixture: 'local-small.json' });
      let page: HostPage | undefined;
      try {
        page = await openHostPage(
          `/__origins/${encodeURIComponent(feeds.origin)}/__capture/console/dist/embed.html?widget=seat-bar&interval=3000000&src=${encodeURIComponent(url)}`,
        );
        await until(
          () =>
            (page!.document.querySelector('tally-seat-bar') as Widget | null)?.shadowRoot?.querySelector('.status') !==
            null,
          'the widget in the frame',
        );
        await sleep(WATCH_MS);
        expect(await feeds.hits(at)).to.equal(1);
        expect(page.record.uncaught).to.deep.equal([]);
      } finally {
        page?.close();
      }
    });
  });

  it('a wall clock set back an hour while the tab is hidden: the next poll is still due after the interval', async () => {
    const at = path();
    const url = await feeds.route(at, { fixture: 'local-small.json' });
    const page = new FakePage();
    feedSourceFor(url, { environment: page });
    const element = widget(url, { interval: '5' });
    await until(() => statusLine(element)?.kind === 'current', 'the first feed');
    page.setHidden(true);
    const realNow = Date.now;
    try {
      await sleep(5_200);
      expect(await feeds.hits(at), 'no polling while hidden').to.equal(1);
      Date.now = () => realNow.call(Date) - 60 * 60_000;
      page.setHidden(false);
      await sleep(500);
      expect(await feeds.hits(at), 'the poll that was due, at once').to.equal(2);
    } finally {
      Date.now = realNow;
    }
  });

  describe('one request in flight per feed', () => {
    it('five "online" events and two returns to the tab during one slow request: one request', async () => {
      const at = path();
      const url = await feeds.route(at, { fixture: 'local-small.json', delayMs: 1_200 });
      const element = widget(url, { interval: '30' });
      await sleep(100);
      for (let i = 0; i < 5; i++) window.dispatchEvent(new Event('online'));
      for (let i = 0; i < 2; i++) document.dispatchEvent(new Event('visibilitychange'));
      await until(() => statusLine(element)?.kind === 'current', 'the feed');
      await sleep(300);
      expect(await feeds.hits(at)).to.equal(1);
      expect(pageErrors.errors).to.deep.equal([]);
    });

    it('a widget attached and detached every 25 ms: at most one request per 5 s, and its results once it stays', async () => {
      const at = path();
      const url = await feeds.route(at, { fixture: 'local-small.json', delayMs: 200 });
      const element = widget(url, { interval: '30' });
      const started = performance.now();
      while (performance.now() - started < WATCH_MS) {
        await sleep(25);
        element.remove();
        await sleep(25);
        box.append(element);
      }
      expect(await feeds.hits(at)).to.be.at.most(1);
      await until(() => statusLine(element)?.kind === 'current', 'the results, at most 5 s after the last request', {
        timeout: 8_000,
      });
      expect(contentText(element)).to.match(/Labour 37/);
      expect(pageErrors.errors).to.deep.equal([]);
    });

    it('an element moved in the page keeps the request it made', async () => {
      const at = path();
      const url = await feeds.route(at, { fixture: 'local-small.json', delayMs: 300 });
      const element = widget(url, { interval: '30' });
      await sleep(50);
      const other = document.createElement('section');
      box.append(other);
      other.append(element);
      await until(() => statusLine(element)?.kind === 'current', 'the feed');
      expect(await feeds.hits(at)).to.equal(1);
    });
  });
});
