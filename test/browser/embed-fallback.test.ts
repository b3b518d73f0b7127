/**
 * Fallback content inside an element (issue 16): a link inside `<tally-seat-bar>` is what a
 * reader gets until the element is defined, and for good when tally.js never runs (a CDN that
 * serves the module without CORS, a blocked script). Once the element is defined its shadow
 * root has no slot, so the link is neither drawn nor in the accessibility tree: a screen reader
 * reads the widget, not the widget and the link. An inline JSON feed beside the link is still
 * the element's feed.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/seat-bar/register.js';
import type { FeedInput } from '../../src/feed/schema.js';
import { frameHeights } from '../../src/embed/boxes.js';
import { heightForWidth } from '../../src/embed/frame-protocol.js';
import { openHostPage, until, widgetsWithContent, type HostPage } from './fixtures/host-page.js';
import { accessibleRoles } from './helpers/page-probe.js';

const PAGE = '/test/browser/fixtures/fallback.html';

describe('fallback content inside an element', () => {
  let page: HostPage | undefined;
  afterEach(() => {
    page?.close();
    page = undefined;
  });

  it('without its script (a CDN without CORS): the link shows, in the reserved box', async () => {
    page = await openHostPage(`/__drop/${encodeURIComponent('dist/tally.js')}${PAGE}`, { width: 600, height: 800 });
    const element = page.document.querySelector('#seats')!;
    const link = element.querySelector('a')!;
    await until(() => page!.document.readyState === 'complete', 'the page loaded');
    expect(page.window.customElements.get('tally-seat-bar'), 'never defined').to.equal(undefined);
    expect(link.checkVisibility(), 'the link is drawn').to.equal(true);
    const box = element.getBoundingClientRect();
    const rect = link.getBoundingClientRect();
    expect(rect.top >= box.top && rect.bottom <= box.bottom, 'inside the element’s box').to.equal(true);
    expect(box.height, 'the reserved box').to.equal(
      heightForWidth(
        frameHeights('seat-bar')
          .map(([w, h]) => `${w}:${h}`)
          .join(','),
        600,
      ),
    );
  });

  it('once defined: the link is neither drawn nor read, the widget is, and an inline feed beside a link is used', async () => {
    page = await openHostPage(PAGE, { width: 600, height: 800 });
    const [chart, table] = await widgetsWithContent(page.document, 'main > *', 2);
    for (const element of [chart!, table!]) {
      const link = element.querySelector('a')!;
      expect(link.checkVisibility(), `${element.localName}: the link is not drawn`).to.equal(false);
      expect(link.getClientRects().length).to.equal(0);
    }
    // The inline feed's one council, won by the Conservatives with 9 seats.
    expect(
      table!.shadowRoot!.querySelector('[part~="row"]')?.textContent?.replace(/\s+/g, ' '),
      'the inline feed',
    ).to.match(/Conservatives.* 9/);
    expect(page.record.errors).to.deep.equal([]);
  });

  it('is not in the accessibility tree once the element is defined (a plain link is, so the check can fail)', async () => {
    const feed: FeedInput = await (await fetch('/test/fixtures/local-small.json')).json();
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <tally-seat-bar .feed=${feed}><a href="https://news.example.org/results">Live results: hidden</a></tally-seat-bar>
      <p><a href="https://news.example.org/results">Live results: plain</a></p>
    </div>`);
    await (wrapper.querySelector('tally-seat-bar') as HTMLElement & { updateComplete: Promise<unknown> })
      .updateComplete;
    expect(await accessibleRoles('Live results: plain'), 'a plain link is read').to.include('link');
    expect(await accessibleRoles('Live results: hidden'), 'the fallback link is not').to.deep.equal([]);
  });
});
