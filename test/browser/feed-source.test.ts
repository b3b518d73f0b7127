/**
 * The feed source in Chromium against a real (cross-origin) HTTP server: the conditional
 * request path, a 500 then recovery, a truncated body, and two widgets on one page sharing
 * one request per interval. A minimal element stands in for the widgets: it uses the same
 * FeedController they do.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { LitElement, html as litHtml } from 'lit';
import { FeedController } from '../../src/components/shared/feed-controller.js';
import type { FeedInput } from '../../src/feed/schema.js';
import { feedSourceFor, releaseIdleFeedSources } from '../../src/feed/registry.js';
import { FakeClock, FakePage } from './helpers/fake-clock.js';
import { useFeedServer } from './helpers/feed-server.js';

class TestFeedView extends LitElement {
  static override properties = { src: { type: String }, interval: { type: Number }, feed: { attribute: false } };
  declare src: string | undefined;
  declare interval: number | undefined;
  declare feed: unknown;
  readonly data = new FeedController(this);
  override willUpdate() {
    this.data.configure({ src: this.src, feed: this.feed, interval: this.interval });
  }
  override render() {
    const feed = this.data.feed;
    return litHtml`<p id="revision">${feed ? feed.meta.revision : 'none'}</p><p id="status">${this.data.status.kind}</p>`;
  }
}
customElements.define('test-feed-view', TestFeedView);

const feedAt = (revision: number): FeedInput => ({
  format: 'tally-feed/1',
  meta: {
    election: { id: 't', title: 'T', date: '2018-05-03', kind: 'local', areaType: 'council' },
    revision,
    generatedAt: '2018-05-04T02:00:00Z',
    dataChangedAt: '2018-05-04T02:00:00Z',
  },
  parties: [{ id: 'con', name: 'Conservatives' }],
  areas: [{ id: 'A', name: 'A', status: 'declared', control: { before: 'con', after: 'con' } }],
});

const shown = (el: Element, id: string) => el.shadowRoot!.getElementById(id)!.textContent;

describe('feed source in the browser', function () {
  this.timeout(30_000);
  const feeds = useFeedServer();

  it('revalidates with the ETag and treats the 304 as no change', async () => {
    const url = await feeds.route('/etag.json', { json: feedAt(1) });
    const el = await fixture<TestFeedView>(html`<test-feed-view src=${url} interval="5"></test-feed-view>`);
    await waitUntil(() => shown(el, 'revision') === '1', 'first feed shown', { timeout: 10_000 });
    let updates = 0;
    el.addEventListener('tally-feed-update', () => updates++);
    await waitUntil(async () => (await feeds.hits('/etag.json')) >= 2, 'second poll', { timeout: 12_000 });
    const requests = await feeds.requests('/etag.json');
    const second = requests.filter((r) => r.method === 'GET')[1]!;
    expect(second.ifNoneMatch, 'the second request carries the ETag').to.be.a('string');
    expect(second.outcome).to.equal('not-modified');
    expect(second.search, 'no cache-busting query').to.equal('');
    expect(updates).to.equal(0);
    el.remove();
  });

  it('keeps the results through a 500 and recovers at the next success', async () => {
    const url = await feeds.route('/flaky.json', {
      sequence: [{ json: feedAt(1) }, { status: 500, body: 'Internal error' }, { json: feedAt(2) }],
    });
    const el = await fixture<TestFeedView>(html`<test-feed-view src=${url} interval="5"></test-feed-view>`);
    await waitUntil(() => shown(el, 'revision') === '1', 'first feed shown', { timeout: 10_000 });
    const error = await oneEvent(el, 'tally-feed-error');
    expect(error.detail).to.include({ reason: 'HTTP 500 Internal Server Error', kind: 'http', willRetry: true });
    await el.updateComplete;
    expect(shown(el, 'revision')).to.equal('1');
    expect(shown(el, 'status')).to.equal('reconnecting');
    await waitUntil(() => shown(el, 'revision') === '2', 'recovered', { timeout: 15_000 });
    expect(shown(el, 'status')).to.equal('current');
    el.remove();
  });

  it('reports a truncated body and keeps what it had', async () => {
    const url = await feeds.route('/cut.json', {
      sequence: [{ json: feedAt(1) }, { json: feedAt(2), fault: 'truncate' }],
    });
    const el = await fixture<TestFeedView>(html`<test-feed-view src=${url} interval="5"></test-feed-view>`);
    await waitUntil(() => shown(el, 'revision') === '1', 'first feed shown', { timeout: 10_000 });
    const error = await oneEvent(el, 'tally-feed-error');
    expect(error.detail.reason).to.match(/network error|not valid JSON/);
    expect(shown(el, 'revision')).to.equal('1');
    el.remove();
  });

  it('makes one request per interval for two widgets on the same feed', async () => {
    const url = await feeds.route('/shared.json', { json: feedAt(3) });
    // The source's own timers on a fake clock: the 5 s polls come when the test says, not
    // when a loaded machine gets round to them. The network and the server stay real.
    const clock = new FakeClock();
    const source = feedSourceFor(url, { clock, environment: new FakePage(), random: () => 0.5 });
    const wrapper = await fixture(html`<div>
      <test-feed-view src=${url} interval="5"></test-feed-view>
      <test-feed-view src=${url} interval="5"></test-feed-view>
    </div>`);
    const [a, b] = wrapper.querySelectorAll('test-feed-view');
    try {
      await waitUntil(() => shown(a!, 'revision') === '3' && shown(b!, 'revision') === '3', 'both show the feed', {
        timeout: 10_000,
      });
      expect(await feeds.hits('/shared.json')).to.equal(1);
      // Polls at 0, 5 and 10 s: one request each, however many widgets.
      for (const hits of [2, 3]) {
        const checked = source.state.lastChecked;
        await clock.advance(5_000);
        await waitUntil(() => source.state.lastChecked !== checked && !source.state.checking, `poll ${hits} answered`, {
          timeout: 10_000,
        });
        expect(await feeds.hits('/shared.json')).to.equal(hits);
      }
      await clock.advance(4_999);
      expect(await feeds.hits('/shared.json'), 'nothing before the next interval').to.equal(3);
      wrapper.remove();
      await feeds.clear();
      await clock.advance(60_000);
      expect(await feeds.hits('/shared.json'), 'stopped when the last widget left').to.equal(0);
      expect(clock.pending, 'no timer left on the source clock').to.equal(0);
    } finally {
      wrapper.remove();
      releaseIdleFeedSources();
    }
  });

  it('validates a feed given as a property, keeping the last good one', async () => {
    const el = await fixture<TestFeedView>(html`<test-feed-view .feed=${feedAt(4)}></test-feed-view>`);
    expect(shown(el, 'revision')).to.equal('4');
    const errors: string[] = [];
    const original = console.error;
    console.error = (message: string) => errors.push(message);
    try {
      const pending = oneEvent(el, 'tally-feed-error');
      el.feed = { ...feedAt(5), areas: [{ id: 'A', name: 'A', status: 'won' }] };
      const error = await pending;
      expect(error.detail.reason).to.contain('areas[0].status');
    } finally {
      console.error = original;
    }
    await el.updateComplete;
    expect(shown(el, 'revision')).to.equal('4');
    expect(errors[0]).to.contain('<test-feed-view>: the feed property is not a valid feed');
  });

  it('beside src, shows the inline feed (server-rendered markup) until the source answers, then the source', async () => {
    const url = await feeds.route('/seeded.json', { json: feedAt(12), delayMs: 800 });
    const el = await fixture<TestFeedView>(
      html`<test-feed-view src=${url}><script type="application/json">${JSON.stringify(feedAt(11))}</script></test-feed-view>`,
    );
    await waitUntil(() => shown(el, 'revision') !== 'none', 'a feed shown', { timeout: 10_000 });
    expect(shown(el, 'revision'), 'the inline feed, while the source is on its way').to.equal('11');
    expect(shown(el, 'status')).to.equal('current');
    expect(await feeds.hits('/seeded.json'), 'the source not answered yet').to.be.at.most(1);
    await waitUntil(() => shown(el, 'revision') === '12', 'the source’s feed', { timeout: 10_000 });
    expect(el.data.mode).to.equal('src');
  });

  it('reads an inline JSON snapshot without any request', async () => {
    const el = await fixture<TestFeedView>(
      html`<test-feed-view><script type="application/json">${JSON.stringify(feedAt(9))}</script></test-feed-view>`,
    );
    await el.updateComplete;
    expect(shown(el, 'revision')).to.equal('9');
  });
});
