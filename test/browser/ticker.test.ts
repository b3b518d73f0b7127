/**
 * <tally-ticker> in Chromium: parts of the 2019 general election and 2018 local elections
 * nights replayed through the element (as `feed` objects and through a scripted feed server),
 * checked against the source data: order, new-item events, the "new results" button, pause
 * on hover and focus, the live region, reduced motion, feed states and axe.
 *
 * Expected sentences are written from the raw fixture by the English rule in the issue
 * ("Conservatives gain Redditch from Labour", "Labour hold Sunderland"), not by the code
 * under test.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import { LitElement } from 'lit';
import '../../src/components/ticker/register.js';
import type { TallyTicker, TickerItemEventDetail } from '../../src/components/ticker/ticker.js';
import { RelativeClockController } from '../../src/components/ticker/clock-controller.js';
import { undeclaredArea } from '../../src/adapters/replay.js';
import type { Feed, FeedInput } from '../../src/feed/schema.js';
import { assertFeed } from '../../src/feed/validate.js';
import { useFeedServer } from './helpers/feed-server.js';
import { loadLocale } from '../../src/i18n/messages.js';

interface RawArea {
  id: string;
  name: string;
  status: string;
  declaredAt?: string;
  control?: { before?: string; after?: string };
}
interface RawFeed {
  meta: FeedInput['meta'];
  parties: { id: string; name: string }[];
  areas: RawArea[];
}

const fixtures = new Map<string, RawFeed>();
async function raw(name: string): Promise<RawFeed> {
  if (!fixtures.has(name)) fixtures.set(name, (await (await fetch(`/test/fixtures/${name}.json`)).json()) as RawFeed);
  return fixtures.get(name)!;
}

/** The night as declared up to `count` areas of `order`: later areas are stripped back to "awaiting". */
function feedWith(
  final: Feed,
  order: readonly string[],
  count: number,
  revision = count + 1,
  changedAt?: string,
): Feed {
  const declared = new Set(order.slice(0, count));
  const areas = final.areas.map((area) =>
    order.includes(area.id) && !declared.has(area.id) ? undeclaredArea(area, 'awaiting') : area,
  );
  const last = final.areas.find((area) => area.id === order[count - 1]);
  const at = changedAt ?? last?.declaredAt ?? final.meta.dataChangedAt;
  return assertFeed({ ...final, meta: { ...final.meta, revision, generatedAt: at, dataChangedAt: at }, areas });
}

/** The general election in the order the seats declared (ties broken by id, as the data has them). */
async function generalElection() {
  const data = await raw('uk-general-2019.final');
  const final = assertFeed(data);
  const ordered = [...data.areas].sort(
    (a, b) => a.declaredAt!.localeCompare(b.declaredAt!) || a.id.localeCompare(b.id),
  );
  const party = (id: string) => data.parties.find((candidate) => candidate.id === id)!.name;
  /** The English sentence for a declared seat, written from the raw data. */
  const sentence = (area: RawArea) =>
    area.control!.before === area.control!.after
      ? `${party(area.control!.after!)} hold ${area.name}`
      : `${party(area.control!.after!)} gain ${area.name} from ${party(area.control!.before!)}`;
  return { data, final, ordered, order: ordered.map((area) => area.id), sentence };
}

const root = (el: TallyTicker) => el.shadowRoot!;
const items = (el: TallyTicker) => [
  ...root(el).querySelectorAll<HTMLElement>('.list > .item, .track:not([aria-hidden]) > .item'),
];
/** Text without the isolates set round feed names (U+2068, U+2069), which draw nothing. */
const plain = (text: string | null | undefined) => (text ?? '').replace(/[\u2068\u2069]/g, '');
/** Each line's sentence as a reader sees it. */
const sentences = (el: TallyTicker) =>
  items(el).map((item) => plain(item.querySelector('.sentence')!.textContent).trim());
const liveRegion = (el: TallyTicker) => root(el).querySelector('[role="status"][aria-live="polite"]')!;
const newResultsButton = (el: TallyTicker) => root(el).querySelector<HTMLButtonElement>('.new-results');
const pauseButton = (el: TallyTicker) => root(el).querySelector<HTMLButtonElement>('.pause')!;
const list = (el: TallyTicker) => root(el).querySelector<HTMLElement>('.list')!;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Let slide-in animations finish: axe measures contrast on what is on screen at that instant. */
async function settled(el: TallyTicker): Promise<void> {
  await el.updateComplete;
  await Promise.all(
    root(el)
      .getAnimations()
      .filter((animation) => animation.effect?.getComputedTiming().iterations !== Infinity)
      .map((animation) => animation.finished),
  );
}

function collectItems(el: TallyTicker): TickerItemEventDetail[] {
  const seen: TickerItemEventDetail[] = [];
  el.addEventListener('tally-ticker-item', (event) => seen.push(event.detail));
  return seen;
}

async function captureWarnings<T>(run: () => Promise<T>): Promise<{ result: T; warnings: string[] }> {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  try {
    return { result: await run(), warnings };
  } finally {
    console.warn = original;
  }
}

// Welsh is fetched the first time a widget speaks it (its own file); these tests read it at once.
before(() => loadLocale('cy'));

describe('<tally-ticker>', function () {
  this.timeout(40_000);

  afterEach(async () => {
    await resetMouse();
    await emulateMedia({ reducedMotion: 'no-preference', colorScheme: 'light' });
  });

  describe('replaying the 2019 general election', () => {
    it('lists the first feed newest first, without announcing it or firing item events', async () => {
      const ge = await generalElection();
      const el = await fixture<TallyTicker>(html`<tally-ticker max-items="5"></tally-ticker>`);
      const events = collectItems(el);
      el.feed = feedWith(ge.final, ge.order, 10);
      await el.updateComplete;
      expect(sentences(el)).to.deep.equal(ge.ordered.slice(5, 10).reverse().map(ge.sentence));
      const times = items(el).map((item) => item.querySelector('time')!.getAttribute('datetime'));
      expect(times).to.deep.equal(
        ge.ordered
          .slice(5, 10)
          .reverse()
          .map((area) => area.declaredAt),
      );
      await sleep(2_000);
      expect(liveRegion(el).textContent!.trim(), 'nothing announced on first load').to.equal('');
      expect(events).to.have.length(0);
      await settled(el);
      await expect(el).to.be.accessible();
    });

    it('puts new results on top, fires tally-ticker-item for each, oldest first, and announces the burst once', async () => {
      const ge = await generalElection();
      const el = await fixture<TallyTicker>(html`<tally-ticker></tally-ticker>`);
      el.feed = feedWith(ge.final, ge.order, 10);
      await el.updateComplete;
      const keep = items(el)[0]!;
      const events = collectItems(el);
      const announcements: string[] = [];
      new MutationObserver(() => announcements.push(plain(liveRegion(el).textContent).trim())).observe(liveRegion(el), {
        childList: true,
        subtree: true,
        characterData: true,
      });

      // Three feeds in quick succession: 10 → 12 → 15 → 15 again.
      el.feed = feedWith(ge.final, ge.order, 12);
      await el.updateComplete;
      el.feed = feedWith(ge.final, ge.order, 15);
      await el.updateComplete;
      el.feed = feedWith(ge.final, ge.order, 15, 99);
      await el.updateComplete;

      const arrived = ge.ordered.slice(10, 15);
      expect(events.map((detail) => plain(detail.text))).to.deep.equal(arrived.map(ge.sentence));
      expect(events.map((detail) => detail.item.area)).to.deep.equal(arrived.map((area) => area.id));
      expect(sentences(el).slice(0, 6)).to.deep.equal(
        [...arrived].reverse().map(ge.sentence).concat(ge.sentence(ge.ordered[9]!)),
      );
      expect(items(el)).to.have.length(10);
      expect(items(el).includes(keep), 'the item already on screen keeps its element').to.equal(true);

      await waitUntil(() => announcements.length > 0, 'announced', { timeout: 5_000 });
      await sleep(500);
      const newest = [...arrived].reverse().map(ge.sentence);
      expect(announcements).to.deep.equal([`5 new results: ${newest[0]}; ${newest[1]}; ${newest[2]}; and 2 more.`]);
    });

    it('holds new results behind a button while the pointer is on the list, and lets them in when it leaves', async () => {
      const ge = await generalElection();
      const el = await fixture<TallyTicker>(html`<tally-ticker max-items="6"></tally-ticker>`);
      el.feed = feedWith(ge.final, ge.order, 10);
      await el.updateComplete;
      const before = sentences(el);
      const box = list(el).getBoundingClientRect();
      await sendMouse({
        type: 'move',
        position: [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)],
      });
      await waitUntil(() => el.held, 'hover holds the list', { timeout: 10_000 });
      const events = collectItems(el);
      el.feed = feedWith(ge.final, ge.order, 12);
      await el.updateComplete;
      expect(sentences(el), 'nothing moved under the pointer').to.deep.equal(before);
      expect(newResultsButton(el)!.textContent!.trim()).to.equal('Show 2 new results');
      expect(events, 'events still go out while held').to.have.length(2);
      await settled(el);
      await expect(el).to.be.accessible();

      // Moving to the pause button leaves the list: the button is a control, not something being read.
      const pause = pauseButton(el).getBoundingClientRect();
      await sendMouse({
        type: 'move',
        position: [Math.round(pause.left + pause.width / 2), Math.round(pause.top + pause.height / 2)],
      });
      await waitUntil(() => !el.held, 'released', { timeout: 10_000 });
      await el.updateComplete;
      expect(newResultsButton(el)).to.equal(null);
      expect(sentences(el).slice(0, 2)).to.deep.equal([ge.sentence(ge.ordered[11]!), ge.sentence(ge.ordered[10]!)]);
      expect(items(el)[0]!.hasAttribute('data-new'), 'new items slide in').to.equal(true);
    });

    it('holds while focus is in the list; the button shows the new results and moves focus to the newest', async () => {
      const ge = await generalElection();
      const el = await fixture<TallyTicker>(html`<tally-ticker max-items="6"></tally-ticker>`);
      el.feed = feedWith(ge.final, ge.order, 5);
      await el.updateComplete;
      list(el).focus();
      expect(el.held).to.equal(true);
      el.feed = feedWith(ge.final, ge.order, 9);
      await el.updateComplete;
      expect(sentences(el)[0]).to.equal(ge.sentence(ge.ordered[4]!));
      const button = newResultsButton(el)!;
      expect(button.textContent!.trim()).to.equal('Show 4 new results');
      button.click();
      await el.updateComplete;
      expect(sentences(el).slice(0, 4)).to.deep.equal(ge.ordered.slice(5, 9).reverse().map(ge.sentence));
      const focused = root(el).activeElement as HTMLElement;
      expect(focused.dataset.id).to.equal(`declared:${ge.ordered[8]!.id}`);
      expect(newResultsButton(el)).to.equal(null);
      // Focus is still in the list: the next result waits again.
      el.feed = feedWith(ge.final, ge.order, 10);
      await el.updateComplete;
      expect(newResultsButton(el)!.textContent!.trim()).to.equal('Show 1 new result');
      await settled(el);
      await expect(el).to.be.accessible();
    });

    it('holds while the reader has scrolled into the list', async () => {
      const ge = await generalElection();
      const el = await fixture<TallyTicker>(
        html`<tally-ticker max-items="10" style="--tally-ticker-max-height: 8rem"></tally-ticker>`,
      );
      el.feed = feedWith(ge.final, ge.order, 20);
      await el.updateComplete;
      const scroller = list(el);
      expect(scroller.scrollHeight).to.be.greaterThan(scroller.clientHeight);
      scroller.scrollTop = 80;
      await oneEvent(scroller, 'scroll');
      expect(el.held).to.equal(true);
      el.feed = feedWith(ge.final, ge.order, 21);
      await el.updateComplete;
      expect(newResultsButton(el)).to.not.equal(null);
      scroller.scrollTop = 0;
      await oneEvent(scroller, 'scroll');
      await el.updateComplete;
      expect(newResultsButton(el)).to.equal(null);
      expect(sentences(el)[0]).to.equal(ge.sentence(ge.ordered[20]!));
    });

    it('holds while the page is scrolled past the top of the ticker', async () => {
      const ge = await generalElection();
      const wrapper = await fixture<HTMLDivElement>(
        html`<div><tally-ticker max-items="10"></tally-ticker><div style="height: 3000px"></div></div>`,
      );
      const el = wrapper.querySelector('tally-ticker')!;
      el.feed = feedWith(ge.final, ge.order, 20);
      await el.updateComplete;
      const top = el.getBoundingClientRect().top + window.scrollY;
      window.scrollTo(0, top + 150);
      await waitUntil(() => el.held, 'scrolled into the list', { timeout: 10_000 });
      el.feed = feedWith(ge.final, ge.order, 22);
      await el.updateComplete;
      expect(newResultsButton(el)!.textContent!.trim()).to.equal('Show 2 new results');
      window.scrollTo(0, 0);
      await waitUntil(() => newResultsButton(el) === null, 'shown once the reader is back at the top', {
        timeout: 10_000,
      });
      expect(sentences(el)[0]).to.equal(ge.sentence(ge.ordered[21]!));
    });

    it('pauses and resumes from its button: nothing moves or is announced while paused', async () => {
      const ge = await generalElection();
      const el = await fixture<TallyTicker>(html`<tally-ticker max-items="5"></tally-ticker>`);
      el.feed = feedWith(ge.final, ge.order, 10);
      await el.updateComplete;
      const button = pauseButton(el);
      expect(button.getAttribute('aria-label')).to.equal('Pause updates');
      button.click();
      await el.updateComplete;
      expect(el.paused).to.equal(true);
      expect(el.hasAttribute('paused')).to.equal(true);
      expect(pauseButton(el).getAttribute('aria-label')).to.equal('Resume updates');
      expect(pauseButton(el).textContent!.trim()).to.equal('Resume');
      expect(root(el).querySelector('.paused-note')!.textContent).to.contain('Paused');
      const events = collectItems(el);
      el.feed = feedWith(ge.final, ge.order, 13);
      await el.updateComplete;
      expect(events).to.have.length(3);
      expect(sentences(el)[0]).to.equal(ge.sentence(ge.ordered[9]!));
      expect(newResultsButton(el)!.textContent!.trim()).to.equal('Show 3 new results');
      await sleep(2_000);
      expect(liveRegion(el).textContent!.trim(), 'no announcement while paused').to.equal('');
      await settled(el);
      await expect(el).to.be.accessible();

      pauseButton(el).click();
      await el.updateComplete;
      expect(el.paused).to.equal(false);
      expect(sentences(el).slice(0, 3)).to.deep.equal(ge.ordered.slice(10, 13).reverse().map(ge.sentence));
      await waitUntil(() => liveRegion(el).textContent!.trim() !== '', 'announced on resume', { timeout: 4_000 });
      expect(liveRegion(el).textContent!.trim()).to.match(/^3 new results: /);
    });

    it('is reachable and operable from the keyboard, and shows exact times to keyboard users', async () => {
      const data = await raw('local-small');
      const recent = structuredClone(data) as RawFeed;
      recent.areas.forEach(
        (area, index) => (area.declaredAt = new Date(Date.now() - (index + 3) * 60_000).toISOString()),
      );
      const wrapper = await fixture<HTMLDivElement>(
        html`<div><button id="before">before</button><tally-ticker lang="en-GB" .feed=${recent}></tally-ticker></div>`,
      );
      const el = wrapper.querySelector('tally-ticker')!;
      await el.updateComplete;
      wrapper.querySelector<HTMLButtonElement>('#before')!.focus();
      await sendKeys({ press: 'Tab' });
      expect(root(el).activeElement).to.equal(pauseButton(el));
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(el.paused).to.equal(true);
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(el.paused).to.equal(false);
      const exact = () => items(el)[0]!.querySelector<HTMLElement>('.exact')!;
      expect(getComputedStyle(exact()).position, 'hidden without focus or hover').to.equal('absolute');
      expect(items(el)[0]!.querySelector('time')!.textContent).to.equal('3 min ago');
      await sendKeys({ press: 'Tab' });
      expect(root(el).activeElement).to.equal(list(el));
      expect(getComputedStyle(exact()).position, 'shown while the list has focus').to.equal('static');
      expect(exact().textContent).to.match(/^, at \d\d:\d\d$/);
    });
  });

  describe('replaying the 2018 local elections through a feed server', () => {
    const feeds = useFeedServer();

    it('takes new councils from successive polls, with gains, holds and no overall control in words', async () => {
      const data = await raw('uk-local-2018.final');
      const final = assertFeed(data);
      const order = data.areas.map((area) => area.id);
      const name = (id: string) => data.parties.find((party) => party.id === id)!.name;
      // Most councils in this feed have no declaration time: their items take the feed's time,
      // which is set after the three that do (the latest, Barking and Dagenham, at 03:27).
      const [first, second] = [
        feedWith(final, order, 40, 2, '2018-05-04T04:00:00Z'),
        feedWith(final, order, 44, 3, '2018-05-04T04:20:00Z'),
      ];
      const url = await feeds.route('/local-2018.json', { sequence: [{ json: first }, { json: second }] });
      const el = await fixture<TallyTicker>(html`<tally-ticker src=${url} interval="5" max-items="44"></tally-ticker>`);
      await waitUntil(() => items(el).length > 0, 'first poll shown', { timeout: 10_000 });
      expect(items(el)).to.have.length(40);
      const events = collectItems(el);
      await waitUntil(() => events.length === 4, 'second poll', { timeout: 12_000 });
      const expected = data.areas.slice(40, 44).map((area) => {
        const { before, after } = area.control!;
        if (before === after)
          return before === 'noc' ? `No overall control in ${area.name}` : `${name(after!)} hold ${area.name}`;
        if (after === 'noc') return `${name(before!)} lose ${area.name} to no overall control`;
        if (before === 'noc') return `${name(after!)} gain ${area.name} from no overall control`;
        return `${name(after!)} gain ${area.name} from ${name(before!)}`;
      });
      expect(events.map((detail) => plain(detail.text)).sort()).to.deep.equal([...expected].sort());
      await el.updateComplete;
      expect(sentences(el).slice(0, 4).sort()).to.deep.equal([...expected].sort());
      await settled(el);
      await expect(el).to.be.accessible();
      el.setAttribute('theme', 'dark');
      await el.updateComplete;
      await settled(el);
      await expect(el).to.be.accessible();
    });

    it('shows a skeleton while loading and a notice when the feed fails, both accessible', async () => {
      const hanging = await feeds.route('/hang.json', { fault: 'hang' });
      const loading = await fixture<TallyTicker>(html`<tally-ticker src=${hanging}></tally-ticker>`);
      await loading.updateComplete;
      expect(root(loading).querySelector('.skeleton')).to.not.equal(null);
      expect(loading.getBoundingClientRect().height, 'height reserved').to.be.greaterThan(100);
      await expect(loading).to.be.accessible();
      loading.remove();

      const failing = await feeds.route('/fail.json', { status: 500, body: 'Internal error' });
      const failed = await fixture<TallyTicker>(html`<tally-ticker src=${failing} theme="dark"></tally-ticker>`);
      await oneEvent(failed, 'tally-feed-error');
      await failed.updateComplete;
      expect(root(failed).querySelector('.notice .notice-text')!.textContent).to.equal(
        'Results are unavailable at the moment.',
      );
      expect(root(failed).querySelector('[part="error-detail"] code')!.textContent).to.equal(
        'HTTP 500 Internal Server Error',
      );
      await expect(failed).to.be.accessible();
    });

    it('keeps its results through a failed poll and says so', async () => {
      const url = await feeds.route('/flaky.json', {
        sequence: [{ fixture: 'local-small.json' }, { status: 503, body: 'down' }],
      });
      const el = await fixture<TallyTicker>(html`<tally-ticker src=${url} interval="5"></tally-ticker>`);
      await waitUntil(() => items(el).length === 4, 'first poll', { timeout: 10_000 });
      await oneEvent(el, 'tally-feed-error');
      await el.updateComplete;
      expect(items(el)).to.have.length(4);
      expect(root(el).querySelector('.status')!.getAttribute('data-kind')).to.equal('reconnecting');
      await settled(el);
      await expect(el).to.be.accessible();
    });
  });

  describe('feeds with edge cases', () => {
    it('watermarks test data and lists a small night newest first, light and dark', async () => {
      const data = await raw('local-small');
      const el = await fixture<TallyTicker>(html`<tally-ticker .feed=${data}></tally-ticker>`);
      await el.updateComplete;
      expect(root(el).querySelector('.watermark')!.textContent).to.contain('TEST DATA');
      expect(root(el).querySelector('.frame')!.hasAttribute('data-test')).to.equal(true);
      // By declaredAt: Brookfield 04:30, Dunmore 03:05, Cobham Moor 02:15, Ashby Vale 00:40.
      expect(sentences(el)).to.deep.equal([
        'Labour gain Brookfield from Conservatives',
        'Liberal Democrats gain Dunmore from no overall control',
        'Conservatives lose Cobham Moor to no overall control',
        'Conservatives hold Ashby Vale',
      ]);
      const badges = items(el).map((item) => plain(item.querySelector('.badge')!.textContent).trim());
      expect(badges).to.deep.equal(['Lab gain', 'LD gain', 'NOC', 'Con hold']);
      await settled(el);
      await expect(el).to.be.accessible();
      el.theme = 'dark';
      await el.updateComplete;
      await settled(el);
      await expect(el).to.be.accessible();
      await emulateMedia({ colorScheme: 'dark' });
      el.theme = 'auto';
      await el.updateComplete;
      await settled(el);
      await expect(el).to.be.accessible();
    });

    it("uses the publisher's events and text", async () => {
      const el = await fixture<TallyTicker>(html`<tally-ticker .feed=${await raw('recount')}></tally-ticker>`);
      await el.updateComplete;
      expect(sentences(el)).to.deep.equal(['Recount in Mill ward, Marston Parva.', 'Labour hold Kingsbridge Wells']);
      expect(items(el).map((item) => item.dataset.kind)).to.deep.equal(['recount', 'declaration']);
    });

    it('says so when nothing is declared yet', async () => {
      const el = await fixture<TallyTicker>(html`<tally-ticker .feed=${await raw('empty')}></tally-ticker>`);
      await el.updateComplete;
      expect(root(el).querySelector('.empty')!.textContent).to.equal(
        'No results yet. They will appear here as they are declared.',
      );
      await settled(el);
      await expect(el).to.be.accessible();
    });

    it('turns a changed result into a correction and marks the original', async () => {
      const data = await raw('local-small');
      const el = await fixture<TallyTicker>(html`<tally-ticker .feed=${data}></tally-ticker>`);
      await el.updateComplete;
      const corrected = structuredClone(data) as RawFeed;
      corrected.meta = {
        ...corrected.meta,
        revision: 5,
        dataChangedAt: '2018-05-04T05:00:00Z',
        generatedAt: '2018-05-04T05:00:00Z',
      };
      corrected.areas.find((area) => area.id === 'X07000801')!.control!.after = 'noc';
      const events = collectItems(el);
      el.feed = corrected;
      await el.updateComplete;
      expect(events.map((detail) => plain(detail.text))).to.deep.equal([
        'Correction: Conservatives lose Ashby Vale to no overall control',
      ]);
      expect(sentences(el)[0]).to.equal('Correction: Conservatives lose Ashby Vale to no overall control');
      const original = items(el).find((item) => item.dataset.id === 'declared:X07000801')!;
      expect(original.querySelector('.corrected')!.textContent).to.equal('Corrected');
      await settled(el);
      await expect(el).to.be.accessible();
    });

    it('keeps the last good results when given a broken feed, and says so', async () => {
      const data = await raw('local-small');
      const el = await fixture<TallyTicker>(html`<tally-ticker .feed=${data}></tally-ticker>`);
      await el.updateComplete;
      const original = console.error;
      console.error = () => {};
      try {
        el.feed = await raw('malformed');
        await el.updateComplete;
      } finally {
        console.error = original;
      }
      expect(items(el)).to.have.length(4);
      expect(root(el).querySelector('.status')!.getAttribute('data-kind')).to.equal('kept');
      await settled(el);
      await expect(el).to.be.accessible();
    });

    it('asks for a feed when given none', async () => {
      const el = await fixture<TallyTicker>(html`<tally-ticker></tally-ticker>`);
      expect(root(el).querySelector('.notice')!.textContent).to.equal('No results feed was given to this widget.');
      await settled(el);
      await expect(el).to.be.accessible();
    });
  });

  describe('filters', () => {
    it('keeps items by area, party and kind', async () => {
      const data = await raw('local-small');
      const el = await fixture<TallyTicker>(html`<tally-ticker .feed=${data} party="con"></tally-ticker>`);
      await el.updateComplete;
      // Conservatives lost Brookfield and Cobham Moor and held Ashby Vale; they had no part in Dunmore.
      expect(sentences(el)).to.deep.equal([
        'Labour gain Brookfield from Conservatives',
        'Conservatives lose Cobham Moor to no overall control',
        'Conservatives hold Ashby Vale',
      ]);
      el.kinds = 'declaration';
      await el.updateComplete;
      expect(sentences(el)).to.deep.equal(['Conservatives hold Ashby Vale']);
      el.party = undefined;
      el.kinds = undefined;
      el.area = 'X07000804, X07000802';
      await el.updateComplete;
      expect(sentences(el)).to.deep.equal([
        'Labour gain Brookfield from Conservatives',
        'Liberal Democrats gain Dunmore from no overall control',
      ]);
    });

    it('warns about a mode it does not know, but not when the mode attribute is removed', async () => {
      const data = await raw('local-small');
      const { warnings } = await captureWarnings(async () => {
        const element = await fixture<TallyTicker>(html`<tally-ticker .feed=${data} mode="strip"></tally-ticker>`);
        element.removeAttribute('mode');
        await element.updateComplete;
        element.setAttribute('mode', 'carousel');
        await element.updateComplete;
        return element;
      });
      expect(warnings.filter((warning) => warning.includes('mode='))).to.deep.equal([
        '[tally] <tally-ticker>: mode="carousel" is not one of list, strip; using list',
      ]);
    });

    it('names an unknown area, party or kind on the page and in the console, and keeps working', async () => {
      const data = await raw('local-small');
      const { result: el, warnings } = await captureWarnings(async () => {
        const element = await fixture<TallyTicker>(
          html`<tally-ticker .feed=${data} area="E99999999" party="ukip" kinds="gains"></tally-ticker>`,
        );
        await element.updateComplete;
        return element;
      });
      const notices = [...root(el).querySelectorAll('.notice')].map((notice) => notice.textContent!.trim());
      expect(notices).to.deep.equal([
        'There is no area “E99999999” in this feed.',
        'There is no party “ukip” in this feed.',
        '“gains” is not a kind of result (use declaration, control-change, recount, correction, note).',
      ]);
      expect(
        warnings.some((warning) => warning.includes('<tally-ticker>') && warning.includes('"E99999999"')),
      ).to.equal(true);
      expect(warnings.some((warning) => warning.includes('"ukip"'))).to.equal(true);
      expect(warnings.some((warning) => warning.includes('"gains"'))).to.equal(true);
      expect(root(el).querySelector('.empty')!.textContent).to.equal('No results match this selection yet.');
      await settled(el);
      await expect(el).to.be.accessible();
      el.area = undefined;
      el.party = undefined;
      el.kinds = undefined;
      await el.updateComplete;
      expect(items(el)).to.have.length(4);
      expect(root(el).querySelector('.notice')).to.equal(null);
    });
  });

  describe('strip mode and motion', () => {
    it('scrolls a strip that overflows, and stops on hover and on pause', async () => {
      const ge = await generalElection();
      const el = await fixture<TallyTicker>(html`<tally-ticker mode="strip" style="width: 400px"></tally-ticker>`);
      el.feed = feedWith(ge.final, ge.order, 10);
      await el.updateComplete;
      await waitUntil(() => root(el).querySelector('.marquee[data-scrolling]'), 'scrolling', { timeout: 10_000 });
      await el.updateComplete;
      const marquee = root(el).querySelector<HTMLElement>('.marquee')!;
      expect(marquee.getAnimations()[0]!.playState).to.equal('running');
      // The copy that makes the loop seamless is hidden from assistive technology and from Tab.
      const copy = root(el).querySelector('.track[aria-hidden="true"]')!;
      expect(copy.hasAttribute('inert')).to.equal(true);
      expect(items(el)).to.have.length(10);
      await settled(el);
      await expect(el).to.be.accessible();

      const box = root(el).querySelector('.viewport')!.getBoundingClientRect();
      await sendMouse({ type: 'move', position: [Math.round(box.left + 20), Math.round(box.top + box.height / 2)] });
      await waitUntil(() => marquee.getAnimations()[0]?.playState === 'paused', 'paused on hover', { timeout: 10_000 });
      await resetMouse();
      await sendMouse({ type: 'move', position: [Math.round(box.left + 20), Math.round(box.bottom + 300)] });
      await waitUntil(() => marquee.getAnimations()[0]?.playState === 'running', 'running again', { timeout: 10_000 });
      pauseButton(el).click();
      await el.updateComplete;
      expect(marquee.getAnimations()[0]!.playState).to.equal('paused');
      el.theme = 'dark';
      await settled(el);
      await expect(el).to.be.accessible();
    });

    it('does not move at all when the reader asks for reduced motion', async () => {
      await emulateMedia({ reducedMotion: 'reduce' });
      const ge = await generalElection();
      const el = await fixture<TallyTicker>(html`<tally-ticker mode="strip" style="width: 400px"></tally-ticker>`);
      el.feed = feedWith(ge.final, ge.order, 10);
      await el.updateComplete;
      await sleep(200);
      await el.updateComplete;
      const marquee = root(el).querySelector<HTMLElement>('.marquee')!;
      expect(marquee.hasAttribute('data-scrolling')).to.equal(false);
      expect(marquee.getAnimations()).to.have.length(0);
      const viewport = root(el).querySelector<HTMLElement>('.viewport')!;
      expect(viewport.scrollWidth, 'the reader can scroll it instead').to.be.greaterThan(viewport.clientWidth);
      expect(viewport.tabIndex).to.equal(0);

      el.mode = 'list';
      el.feed = feedWith(ge.final, ge.order, 12);
      await el.updateComplete;
      expect(items(el)[0]!.hasAttribute('data-new')).to.equal(false);
      expect(items(el)[0]!.getAnimations()).to.have.length(0);
      await settled(el);
      await expect(el).to.be.accessible();
    });
  });

  describe('language and time', () => {
    it('speaks Welsh, times included', async () => {
      const data = await raw('local-small');
      const recent = structuredClone(data) as RawFeed;
      recent.areas.forEach(
        (area, index) => (area.declaredAt = new Date(Date.now() - (index + 2) * 60_000).toISOString()),
      );
      const el = await fixture<TallyTicker>(html`<tally-ticker lang="cy" .feed=${recent}></tally-ticker>`);
      await el.updateComplete;
      expect(root(el).querySelector('.title')!.textContent).to.equal('Y canlyniadau diweddaraf');
      // Ashby Vale was made two minutes old, Brookfield three.
      const byName = new Map(
        items(el).map((item) => [
          plain(item.querySelector('.sentence')!.textContent).trim(),
          item.querySelector('time')!.textContent,
        ]),
      );
      expect(byName.get('Conservatives yn cadw Ashby Vale')).to.equal('2 munud yn ôl');
      expect(byName.get('Labour yn cipio Brookfield oddi ar Conservatives')).to.equal('3 munud yn ôl');
      expect(pauseButton(el).getAttribute('aria-label')).to.equal('Oedi’r diweddariadau');
      await settled(el);
      await expect(el).to.be.accessible();
    });

    it('keeps relative times current', async () => {
      const data = await raw('local-small');
      const recent = structuredClone(data) as RawFeed;
      recent.areas.forEach((area) => (area.declaredAt = new Date(Date.now() - 57_000).toISOString()));
      const el = await fixture<TallyTicker>(
        html`<tally-ticker lang="en-GB" .feed=${recent} max-items="1"></tally-ticker>`,
      );
      await el.updateComplete;
      const time = () => items(el)[0]!.querySelector('time')!.textContent;
      expect(time()).to.match(/^5\d sec ago$/);
      await waitUntil(() => time() === '1 min ago', 'a minute on', { timeout: 9_000 });
    });

    it('releases its refresh timer when it leaves the page', async () => {
      class ClockHost extends LitElement {
        readonly clock = new RelativeClockController(this, () => 1_000);
      }
      customElements.define('ticker-clock-host', ClockHost);
      const host = await fixture<ClockHost>(html`<ticker-clock-host></ticker-clock-host>`);
      await host.updateComplete;
      expect(host.clock.running).to.equal(true);
      host.remove();
      expect(host.clock.running).to.equal(false);
      document.body.append(host);
      await host.updateComplete;
      expect(host.clock.running, 'running again when back').to.equal(true);
      host.remove();
    });
  });
});
