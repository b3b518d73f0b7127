/**
 * The iframe page's allowlist (issue 22, point 1), as built (dist/embed.html), against two
 * real servers on two other origins: one on the page's allowlist, one an attacker's. The page
 * can be framed by any site, by design, so its address is the attacker's to write. The attack
 * report got another origin's feed shown three ways: a second `src` (or `SRC`) after an allowed
 * one, since the allowlist checked the first and the widget got the last; `layout-src`, never
 * checked; and a redirect from an allowed origin. None may show anything from the attacker.
 */
import { expect } from '@open-wc/testing';
import type { FeedInput } from '../../src/feed/schema.js';
import { useFeedServer } from './helpers/feed-server.js';
import { hasContent, openHostPage, until, type HostPage } from './fixtures/host-page.js';

const local = async (): Promise<FeedInput> => (await fetch('/test/fixtures/local-small.json')).json();

/** The attacker's feed: what must never be on screen. */
async function fakeResults(): Promise<FeedInput> {
  const feed = await local();
  return { ...feed, meta: { ...feed.meta, election: { ...feed.meta.election, title: 'FAKE RESULTS' } } };
}

/** A hex map of the fixture's four councils. */
function layout(label: string) {
  const ids = ['X07000801', 'X07000802', 'X07000803', 'X07000804'];
  return { layout: 'odd-r', hexes: Object.fromEntries(ids.map((id, i) => [id, { q: i, r: 0, n: `${label} ${i}` }])) };
}

describe('hardening: the iframe page shows only what its allowlist allows', function () {
  this.timeout(60_000);
  const allowed = useFeedServer();
  const attacker = useFeedServer();
  let page: HostPage | undefined;
  afterEach(() => {
    page?.close();
    page = undefined;
  });

  /** The built iframe page with `allowed`'s origin on its allowlist. */
  const open = async (query: string) => {
    page = await openHostPage(
      `/__origins/${encodeURIComponent(allowed.origin)}/__capture/console/dist/embed.html?${query}`,
    );
    return page;
  };
  const refusal = () => page!.document.querySelector('main .refused');
  /** The refusal of another origin, as the page words it (and goes on to say how to allow it). */
  const refusedOrigin = (origin: string) =>
    `This results widget cannot be shown: feeds from ${origin} are not allowed on this page.`;
  const loggedOrigin = (parameter: string, origin: string) =>
    `[tally] embed: ${parameter}: feeds from ${origin} are not allowed on this page`;
  const startsWith = (text: string | null | undefined, start: string) =>
    expect((text ?? '').startsWith(start), `“${text}” starts “${start}”`).to.equal(true);
  const frameText = () => page!.document.querySelector('main')!.textContent ?? '';
  const widgetText = (selector: string) => {
    const element = page!.document.querySelector(selector);
    return element?.shadowRoot?.textContent ?? '';
  };

  describe('one canonical set of parameters', () => {
    it('refuses any parameter given twice, in any mix of cases, and fetches nothing', async () => {
      const good = await allowed.route('/night.json', { fixture: 'local-small.json' });
      const bad = await attacker.route('/fake.json', { json: await fakeResults() });
      const map = await attacker.route('/fake.hexjson', { json: layout('FAKE') });
      const cases: [string, string][] = [
        [`widget=seat-bar&src=${encodeURIComponent(good)}&src=${encodeURIComponent(bad)}`, 'src'],
        [`widget=seat-bar&src=${encodeURIComponent(good)}&SRC=${encodeURIComponent(bad)}`, 'src'],
        [`widget=seat-bar&Src=${encodeURIComponent(bad)}&src=${encodeURIComponent(good)}`, 'src'],
        [`widget=seat-bar&sRc=${encodeURIComponent(good)}&SrC=${encodeURIComponent(good)}`, 'src'],
        [
          `widget=council-list&src=${encodeURIComponent(good)}&layout-src=${encodeURIComponent(good)}&LAYOUT-SRC=${encodeURIComponent(map)}`,
          'layout-src',
        ],
        [`widget=seat-bar&WIDGET=ticker&src=${encodeURIComponent(good)}`, 'widget'],
        [`widget=seat-bar&src=${encodeURIComponent(good)}&lang=cy&Lang=en`, 'lang'],
        [`widget=seat-bar&src=${encodeURIComponent(good)}&theme=dark&theme=light`, 'theme'],
        [`widget=seat-bar&src=${encodeURIComponent(good)}&interval=30&INTERVAL=3000000`, 'interval'],
      ];
      for (const [query, name] of cases) {
        await open(query);
        await until(refusal, `the refusal of ${query}`);
        expect(refusal()!.textContent, query).to.equal(
          `This results widget cannot be shown: the setting “${name}” is given more than once.`,
        );
        expect(page!.record.errors, query).to.deep.equal([
          `[tally] embed: the setting “${name}” is given more than once`,
        ]);
        expect(page!.document.querySelector('main > :not(.refused)'), query).to.equal(null);
        page!.close();
        page = undefined;
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await attacker.hits(), 'nothing fetched from the attacker').to.equal(0);
      expect(await allowed.hits(), 'nothing fetched at all').to.equal(0);
    });

    it('a parameter in capitals alone is the same parameter, checked like any other', async () => {
      const bad = await attacker.route('/fake.json', { json: await fakeResults() });
      await open(`WIDGET=seat-bar&SRC=${encodeURIComponent(bad)}`);
      await until(refusal, 'the refusal');
      startsWith(refusal()!.textContent, refusedOrigin(attacker.origin));
      const good = await allowed.route('/night.json', { fixture: 'local-small.json' });
      page!.close();
      await open(`WIDGET=seat-bar&SRC=${encodeURIComponent(good)}&LANG=cy`);
      const widget = await until(() => page!.document.querySelector('main > tally-seat-bar'), 'the widget');
      await until(() => hasContent(widget), 'its results');
      expect(widget.getAttribute('src')).to.equal(good);
      expect(widget.getAttribute('lang')).to.equal('cy');
      expect(await attacker.hits()).to.equal(0);
    });
  });

  describe('every address the page fetches is checked', () => {
    it('layout-src from another origin is refused, and not fetched', async () => {
      const good = await allowed.route('/night.json', { fixture: 'local-small.json' });
      const map = await attacker.route('/fake.hexjson', { json: layout('FAKE') });
      await open(`widget=council-list&src=${encodeURIComponent(good)}&layout-src=${encodeURIComponent(map)}`);
      await until(refusal, 'the refusal');
      startsWith(refusal()!.textContent, refusedOrigin(attacker.origin));
      expect(page!.record.errors).to.have.length(1);
      startsWith(page!.record.errors[0], loggedOrigin('layout-src', attacker.origin));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await attacker.hits()).to.equal(0);
    });

    it('layout-src from an allowed origin is shown', async () => {
      const good = await allowed.route('/night.json', { fixture: 'local-small.json' });
      const map = await allowed.route('/map.hexjson', { json: layout('Allowed') });
      await open(`widget=council-list&src=${encodeURIComponent(good)}&layout-src=${encodeURIComponent(map)}`);
      const widget = await until(() => page!.document.querySelector('main > tally-council-list'), 'the widget');
      await until(() => widget.shadowRoot?.querySelectorAll('.hex').length === 4, 'the map, a hex per council');
      expect(page!.record.errors).to.deep.equal([]);
    });

    it('any other parameter named like an address (…src, …href, …url) is held to the same allowlist', async () => {
      const good = await allowed.route('/night.json', { fixture: 'local-small.json' });
      for (const name of ['data-src', 'logo-url', 'more-href']) {
        await open(
          `widget=seat-bar&src=${encodeURIComponent(good)}&${name}=${encodeURIComponent(`${attacker.origin}/x.json`)}`,
        );
        await until(refusal, `the refusal of ${name}`);
        expect(page!.record.errors, name).to.have.length(1);
        startsWith(page!.record.errors[0], loggedOrigin(name, attacker.origin));
        page!.close();
        page = undefined;
      }
    });

    it('an address given to the widget later, by any means, is not fetched either', async () => {
      const good = await allowed.route('/night.json', { fixture: 'local-small.json' });
      const bad = await attacker.route('/fake.json', { json: await fakeResults() });
      await open(`widget=seat-bar&src=${encodeURIComponent(good)}`);
      const widget = await until(() => page!.document.querySelector('main > tally-seat-bar'), 'the widget');
      await until(() => hasContent(widget), 'its results');
      widget.setAttribute('src', bad);
      await until(() => widget.shadowRoot?.querySelector('.notice[data-kind="failed"]'), 'the refusal in the widget');
      expect(widgetText('main > tally-seat-bar')).to.not.include('FAKE RESULTS');
      expect(await attacker.hits()).to.equal(0);
    });
  });

  describe('redirects', () => {
    it('a feed on an allowed origin that redirects to another origin is not shown', async () => {
      const bad = await attacker.route('/fake.json', { json: await fakeResults() });
      const hop = await allowed.route('/open-redirect', { status: 302, headers: { Location: bad } });
      await open(`widget=seat-bar&src=${encodeURIComponent(hop)}`);
      const widget = await until(() => page!.document.querySelector('main > tally-seat-bar'), 'the widget');
      await until(() => widget.shadowRoot?.querySelector('.notice[data-kind="failed"]'), 'the refusal in the widget');
      expect(frameText()).to.not.include('FAKE RESULTS');
      expect(widgetText('main > tally-seat-bar')).to.not.include('FAKE RESULTS');
      expect(page!.record.warnings.join('\n')).to.include(
        `the address redirected to ${attacker.origin}, which is not allowed on this page`,
      );
    });

    it('a redirect within allowed origins is followed', async () => {
      const target = await allowed.route('/night.json', { fixture: 'local-small.json' });
      const hop = await allowed.route('/latest', { status: 302, headers: { Location: target } });
      await open(`widget=seat-bar&src=${encodeURIComponent(hop)}`);
      const widget = await until(() => page!.document.querySelector('main > tally-seat-bar'), 'the widget');
      await until(() => hasContent(widget), 'its results');
      expect(widgetText('main > tally-seat-bar')).to.include('Labour');
    });

    it('a layout that redirects to another origin is not drawn', async () => {
      const good = await allowed.route('/night.json', { fixture: 'local-small.json' });
      const map = await attacker.route('/fake.hexjson', { json: layout('FAKE') });
      const hop = await allowed.route('/map-redirect', { status: 302, headers: { Location: map } });
      await open(`widget=council-list&src=${encodeURIComponent(good)}&layout-src=${encodeURIComponent(hop)}`);
      const widget = await until(() => page!.document.querySelector('main > tally-council-list'), 'the widget');
      await until(() => widget.shadowRoot?.querySelector('.notice[data-kind="layout"]'), 'the layout refused');
      expect(widgetText('main > tally-council-list')).to.not.include('FAKE');
      expect(page!.record.warnings.join('\n')).to.include(`the address redirected to ${attacker.origin}`);
    });
  });
});
