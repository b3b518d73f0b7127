/**
 * Server-rendered widgets in a real page (test/browser/helpers/ssr-page-plugin.mjs draws it with
 * the built server entry): without JavaScript the numbers are on the page; with it, Tally's
 * script (dist/tally.js, arriving late) hydrates the server's nodes rather than drawing new ones,
 * logs no warning, moves nothing (layout shift 0), and the widgets then work and follow their feed.
 */
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { Feed } from '../../src/feed/schema.js';
import { stateOfParties } from '../../src/derive/state-of-parties.js';
import { formatNumber } from '../../src/i18n/format.js';
import { until, type FixtureRecord } from './fixtures/host-page.js';

const WIDGETS = ['tally-seat-bar', 'tally-party-table', 'tally-council-list', 'tally-ticker', 'tally-area-result'];

async function fixture(name: string): Promise<Feed> {
  return (await (await fetch(`/test/fixtures/${name}.json`)).json()) as Feed;
}

function openFrame(url: string, { sandbox }: { sandbox?: string } = {}): HTMLIFrameElement {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'display: block; width: 800px; height: 3600px; border: 0;';
  frame.title = url;
  if (sandbox !== undefined) frame.setAttribute('sandbox', sandbox);
  frame.src = url;
  document.body.append(frame);
  return frame;
}

const text = (element: Element | null | undefined) =>
  (element?.shadowRoot?.textContent ?? '').replace(/[\u2066-\u2069]/g, '').replace(/\s+/g, ' ');

describe('server-rendered widgets', () => {
  let frame: HTMLIFrameElement | undefined;
  before(() => setViewport({ width: 840, height: 3700 }));
  afterEach(() => frame?.remove());
  after(() => setViewport({ width: 800, height: 600 }));

  it('show the results with JavaScript off: declarative shadow roots with the numbers', async () => {
    const feed = await fixture('local-small');
    // No allow-scripts: the page's scripts never run, Tally's included.
    frame = openFrame('/__ssr/article.html?script=0', { sandbox: 'allow-same-origin' });
    const doc = await until(
      () =>
        frame!.contentDocument?.readyState === 'complete' && frame!.contentDocument.querySelector('tally-ticker')
          ? frame!.contentDocument
          : undefined,
      'the page',
    );
    expect(frame.contentWindow!.customElements.get('tally-seat-bar'), 'no script ran').to.equal(undefined);
    for (const tag of WIDGETS)
      expect(doc.querySelector(tag)!.shadowRoot, `${tag}'s declarative shadow root`).to.not.equal(null);
    const seats = text(doc.querySelector('tally-seat-bar'));
    const table = text(doc.querySelector('tally-party-table'));
    for (const row of stateOfParties(feed).parties.filter((each) => (each.seats ?? 0) > 0)) {
      const name = feed.parties.find((party) => party.id === row.party)!.name;
      expect(seats, `seat bar: ${name}`).to.match(new RegExp(`${name} ${formatNumber(row.seats!, 'en-GB')}\\b`));
      expect(table, `table: ${name}`).to.contain(name);
    }
    const list = text(doc.querySelector('tally-council-list'));
    for (const area of feed.areas) expect(list).to.contain(area.name);
    // Laid out, not hidden: the seat bar's key and the table take room on the page.
    const box = doc.querySelector('tally-party-table')!.getBoundingClientRect();
    expect(box.height).to.be.greaterThan(150);
  });

  it('hydrate when the script arrives: the same nodes, no warning, no layout shift, then they work', async () => {
    frame = openFrame('/__ssr/article.html?script=1500');
    // Parsed, painted, and the script not yet run.
    const doc = await until(() => {
      const current = frame!.contentDocument;
      return current && current.readyState !== 'loading' && current.querySelector('tally-ticker')?.shadowRoot
        ? current
        : undefined;
    }, 'the server-rendered page, before its script');
    const win = frame.contentWindow as Window & typeof globalThis & { tallyFixture: FixtureRecord };
    expect(win.customElements.get('tally-seat-bar'), 'the script has not run yet').to.equal(undefined);
    const before = new Map(WIDGETS.map((tag) => [tag, [...doc.querySelector(tag)!.shadowRoot!.querySelectorAll('*')]]));
    const removed: string[] = [];
    for (const tag of WIDGETS) {
      new win.MutationObserver((records) => {
        for (const record of records)
          for (const node of record.removedNodes)
            if (node.nodeType === 1)
              removed.push(`${tag}: ${(node as Element).localName}.${(node as Element).className}`);
      }).observe(doc.querySelector(tag)!.shadowRoot!, { childList: true, subtree: true });
    }

    await until(() => WIDGETS.every((tag) => win.customElements.get(tag)), 'the elements defined');
    const elements = WIDGETS.map(
      (tag) => doc.querySelector(tag) as HTMLElement & { updateComplete: Promise<boolean>; hasUpdated: boolean },
    );
    await until(() => elements.every((element) => element.hasUpdated), 'every element updated');
    // The render after hydration (width measured, the page's colours) and a moment more.
    await Promise.all(elements.map((element) => element.updateComplete));
    await new Promise((resolve) => setTimeout(resolve, 600));
    await Promise.all(elements.map((element) => element.updateComplete));

    expect(removed, 'server nodes removed').to.deep.equal([]);
    for (const [tag, nodes] of before) {
      const root = doc.querySelector(tag)!.shadowRoot!;
      expect(nodes.length, tag).to.be.greaterThan(10);
      expect(
        nodes.filter((node) => !node.isConnected || node.getRootNode() !== root).map((node) => node.localName),
        `${tag}: nodes kept`,
      ).to.deep.equal([]);
    }
    const record = win.tallyFixture;
    expect(record.warnings, 'console warnings').to.deep.equal([]);
    expect(record.errors, 'console errors').to.deep.equal([]);
    expect(record.uncaught, 'uncaught errors').to.deep.equal([]);
    expect(record.shifts, 'layout shift measurable').to.be.an('array');
    expect(record.shifts, JSON.stringify(record.shifts)).to.deep.equal([]);

    // Hydrated, not just left alone: the table sorts on a click, the seat bar selects a party.
    const table = doc.querySelector('tally-party-table')!;
    const partyHeader = table.shadowRoot!.querySelector<HTMLElement>('th[data-column="party"] button')!;
    partyHeader.click();
    await until(
      () => table.shadowRoot!.querySelector('th[data-column="party"]')!.getAttribute('aria-sort'),
      'the table sorted by party',
    );
    const seatBar = doc.querySelector('tally-seat-bar')!;
    let selected: unknown;
    seatBar.addEventListener(
      'tally-party-select',
      (event) => (selected = (event as CustomEvent<{ party: string }>).detail.party),
    );
    seatBar.shadowRoot!.querySelector<HTMLElement>('.legend-item[data-key]')!.click();
    await until(() => selected, 'a party selected in the seat bar');
  });

  it('hydrate from the feed inside them, then follow their live feed', async () => {
    frame = openFrame('/__ssr/article.html?script=300&src=1');
    const doc = await until(
      () => (frame!.contentDocument?.querySelector('tally-ticker')?.shadowRoot ? frame!.contentDocument : undefined),
      'the page',
    );
    const win = frame.contentWindow as Window & typeof globalThis & { tallyFixture: FixtureRecord };
    const firstSegment = await until(
      () => doc.querySelector('tally-seat-bar')!.shadowRoot!.querySelector('.segment'),
      'the server-drawn bar',
    );
    // The live feed answers: each widget announces it, on the nodes it hydrated.
    await until(
      () => WIDGETS.every((tag) => win.tallyFixture.updates.some((update) => update.widget === tag)),
      'every widget with its live feed',
    );
    expect(firstSegment.isConnected).to.equal(true);
    expect(doc.querySelector('tally-seat-bar')!.shadowRoot!.querySelector('.segment')).to.equal(firstSegment);
    expect(win.tallyFixture.warnings).to.deep.equal([]);
    expect(win.tallyFixture.errors).to.deep.equal([]);
    expect(win.tallyFixture.shifts).to.deep.equal([]);
  });
});
