/**
 * Text size on the host's terms and the reader's (issue 16): many news sites set
 * `html { font-size: 62.5% }` so that 1rem is 10px. Widgets sized in rem would draw 8–10px
 * text and shrink their reserved boxes with it. Every size in a widget is a multiple of its own
 * base, `--tally-font-size`, whose default is the reader's own default font size (`medium`):
 * the page's root font size changes nothing, the reader's browser setting and zoom change
 * everything, and a host sets the base with the one token.
 *
 * On the built files as a producer embeds them (dist/tally.css, dist/tally.js), element and
 * placeholder embeds, on a page of the given root font size.
 */
import { expect } from '@open-wc/testing';
import { boxFor, frameHeights, heightsAttribute, type WidgetName } from '../../src/embed/boxes.js';
import { heightForWidth } from '../../src/embed/frame-protocol.js';
import { openHostPage, widgetsWithContent, type HostPage } from './fixtures/host-page.js';
import { screenshot, setDefaultFontSize, setZoom } from './helpers/page-probe.js';

const FEED = '/test/fixtures/uk-local-2018.final.json';
const WIDTH = 375;

/** One of each widget as an element, and a seat bar as a placeholder (a CMS that strips tags). */
const EMBEDS = `
  <tally-seat-bar src="${FEED}"></tally-seat-bar>
  <tally-party-table src="${FEED}"></tally-party-table>
  <tally-council-list src="${FEED}"></tally-council-list>
  <tally-ticker src="${FEED}" max-items="6"></tally-ticker>
  <div data-tally-widget="seat-bar" data-src="${FEED}"><a href="https://news.example.org/results">Live results</a></div>`;

interface Measured {
  readonly name: string;
  readonly text: number;
  readonly small: number;
  readonly minHeight: number;
  readonly expectedMinHeight: number;
  readonly problems: string[];
}

async function settle(win: Window, widgets: readonly Element[]): Promise<void> {
  for (let round = 0; round < 2; round += 1) {
    for (let frame = 0; frame < 2; frame += 1) await new Promise((resolve) => win.requestAnimationFrame(resolve));
    await Promise.all(
      widgets.map((widget) => (widget as Element & { updateComplete?: Promise<unknown> }).updateComplete),
    );
  }
}

/** Open the host page at `root` font size with the embeds, and measure every widget once drawn. */
async function measure(
  root: string,
  { hostCss = '', width = WIDTH, shot }: { hostCss?: string; width?: number; shot?: string } = {},
): Promise<{ page: HostPage; measured: Measured[] }> {
  const page = await openHostPage('/test/browser/fixtures/boxes.html', { width, height: 800 });
  page.document.documentElement.style.fontSize = root;
  const style = page.document.createElement('style');
  style.textContent = hostCss;
  page.document.head.append(style);
  page.document.querySelector('main')!.innerHTML = EMBEDS;
  // Placeholders written after the page loaded are upgraded on request (a CMS's late content).
  page.window.Tally?.load();
  const widgets = await widgetsWithContent(
    page.document,
    'main tally-seat-bar, main tally-party-table, main tally-council-list, main tally-ticker',
    5,
  );
  await settle(page.window, widgets);
  const measured = widgets.map((widget): Measured => {
    const inPlaceholder = widget.parentElement?.hasAttribute('data-tally-widget') ?? false;
    const box = inPlaceholder ? widget.parentElement! : widget;
    const frame = widget.shadowRoot!.querySelector<HTMLElement>('[part~="frame"]')!;
    const status = widget.shadowRoot!.querySelector<HTMLElement>('[part~="status"]')!;
    const px = parseFloat(getComputedStyle(frame).fontSize);
    const band = boxFor(widget.localName.replace('tally-', '') as WidgetName, {
      'max-items': widget.getAttribute('max-items') ?? undefined,
    }).heights;
    const em = [...band].reverse().find(([minWidth]) => minWidth <= width)![1];
    const problems: string[] = [];
    const rect = box.getBoundingClientRect();
    if (status.getBoundingClientRect().bottom > rect.bottom + 1) problems.push('the status line is outside the box');
    if (box.scrollWidth > box.clientWidth + 1) problems.push(`${box.scrollWidth} px wide in ${box.clientWidth} px`);
    if (rect.height + 0.5 < em * px) problems.push(`the box is ${rect.height} px, under its ${em} em`);
    return {
      name: `${widget.localName}${inPlaceholder ? ' (placeholder)' : ''}`,
      text: px,
      small: parseFloat(getComputedStyle(status).fontSize),
      minHeight: parseFloat(getComputedStyle(box).minHeight),
      expectedMinHeight: em * px,
      problems,
    };
  });
  if (shot) {
    // Last: a full-page screenshot would reset the emulated settings; this one shows the top.
    page.frame.style.height = `${page.document.documentElement.scrollHeight}px`;
    await screenshot(shot, false);
  }
  return { page, measured };
}

function expectSized(measured: readonly Measured[], base: number): void {
  for (const widget of measured) {
    expect(widget.text, `${widget.name}: body text`).to.equal(base);
    expect(widget.small, `${widget.name}: the status line`).to.equal(base * 0.875);
    expect(widget.minHeight, `${widget.name}: the reserved box`).to.be.closeTo(widget.expectedMinHeight, 0.5);
    expect(widget.problems, widget.name).to.deep.equal([]);
  }
}

describe('text size: the base is the widget’s, not the page root’s', function () {
  this.timeout(60_000);
  let page: HostPage | undefined;

  afterEach(async () => {
    page?.close();
    page = undefined;
    await setDefaultFontSize(16);
  });

  for (const root of ['62.5%', '100%', '200%']) {
    it(`a page with html { font-size: ${root} }: 16px text, 14px small text, boxes of 16px em`, async () => {
      let measured: Measured[];
      ({ page, measured } = await measure(root, { shot: root === '62.5%' ? 'root-font-62.5' : undefined }));
      expectSized(measured, 16);
    });
  }

  it('follows the reader’s own default font size (a browser setting of 24px) on a 62.5% page', async () => {
    await setDefaultFontSize(24);
    let measured: Measured[];
    ({ page, measured } = await measure('62.5%'));
    expectSized(measured, 24);
  });

  it('200% text (a browser setting of 32px) at 320 px: the boxes grow with it and nothing sticks out', async () => {
    await setDefaultFontSize(32);
    let measured: Measured[];
    ({ page, measured } = await measure('62.5%', { width: 320, shot: 'root-font-62.5-text-200' }));
    expectSized(measured, 32);
  });

  it('200% zoom: the same CSS sizes, drawn twice as large, at half the CSS width', async () => {
    await setZoom(2, 800, 1200);
    try {
      let measured: Measured[];
      ({ page, measured } = await measure('62.5%', { width: 375 }));
      expectSized(measured, 16);
      expect(window.devicePixelRatio).to.equal(2);
    } finally {
      await setZoom(1, 800, 600);
    }
  });

  it('a host sets the base with one token: --tally-font-size: 18px', async () => {
    let measured: Measured[];
    ({ page, measured } = await measure('62.5%', { hostCss: 'main { --tally-font-size: 18px; }' }));
    expectSized(measured, 18);
  });

  it('a base relative to the article (--tally-font-size: 1.125em) applies once, in a placeholder too', async () => {
    let measured: Measured[];
    ({ page, measured } = await measure('62.5%', {
      hostCss: 'body { font-size: 1.6rem; } main { --tally-font-size: 1.125em; }',
    }));
    expectSized(measured, 18);
  });

  it('the iframe heights in embed codes are the boxes at the default base', () => {
    // 26 em at 16px from 0 px: the builder's data-tally-heights starts at 416.
    expect(heightForWidth(heightsAttribute(frameHeights('seat-bar')), 320)).to.equal(
      Math.ceil(boxFor('seat-bar').heights[0]![1] * 16),
    );
  });
});
