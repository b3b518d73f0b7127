/**
 * Strict host pages (issue 10), the part about CSS: a host page whose global stylesheet is
 * hostile — `* { all: unset }`, inherited text settings forced with `!important` (colours,
 * fonts, letter spacing, capitals, no wrapping, right alignment, text fill), huge fonts — must
 * not break the widgets' layout. Page selectors cannot reach into a shadow root, but inherited
 * properties flow in through the host, and the host element itself takes the page's rules.
 *
 * (Strict CSP and Trusted Types pages, and two copies of the bundle, are the embedding tests'.)
 */
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { FeedInput } from '../../src/feed/schema.js';
import { allUpdated, mountWidgets, watchPageErrors, type Widget } from './helpers/widgets.js';
import { screenshot, setDefaultFontSize } from './helpers/page-probe.js';

/** Everything a careless or hostile CMS stylesheet does to every element it can reach. */
const HOSTILE_INHERITED = `
  * { all: unset; }
  * {
    color: #ff00ff !important;
    background: #ffff00 !important;
    -webkit-text-fill-color: #00aa00 !important;
    font-family: "Comic Sans MS", "Courier New", cursive !important;
    font-style: italic !important;
    font-weight: 900 !important;
    font-variant: small-caps !important;
    letter-spacing: 0.4em !important;
    word-spacing: 1.5em !important;
    text-transform: uppercase !important;
    text-indent: 4em !important;
    text-align: right !important;
    text-shadow: 2px 2px 0 #f00 !important;
    text-decoration: underline wavy #f00 !important;
    white-space: pre !important;
    word-break: break-all !important;
    line-height: 3 !important;
    list-style: square inside !important;
    -webkit-text-stroke: 1px #00f !important;
    hyphens: auto !important;
    font-kerning: none !important;
    font-feature-settings: "smcp" 1 !important;
    font-synthesis: none !important;
    font-size-adjust: 2 !important;
    text-underline-offset: 10px !important;
  }
  body { font-size: 40px !important; }
`;

/** A root font size of 40 px: the widgets' sizes do not follow the page's root (their base is their own). */
const HUGE_ROOT_FONT = `html { font-size: 40px !important; } body { font-size: 48px !important; line-height: 2 !important; }`;

const INHERITED_PROPERTIES = [
  'color',
  'background-color',
  '-webkit-text-fill-color',
  'font-family',
  'font-style',
  'font-weight',
  'font-variant-caps',
  'font-size',
  'letter-spacing',
  'word-spacing',
  'text-transform',
  'text-indent',
  'text-align',
  'text-shadow',
  'text-decoration-line',
  'white-space-collapse',
  'text-wrap-mode',
  'word-break',
  'line-height',
  'list-style-type',
  '-webkit-text-stroke-width',
  'hyphens',
  'font-kerning',
  'font-feature-settings',
  'font-synthesis-weight',
  'font-size-adjust',
] as const;

interface Snapshot {
  readonly boxes: string[];
  readonly styles: string[];
}

function shadowElements(widget: Element): Element[] {
  const found: Element[] = [];
  const walk = (root: ParentNode) => {
    for (const element of root.querySelectorAll('*')) {
      found.push(element);
      if (element.shadowRoot) walk(element.shadowRoot);
    }
  };
  if (widget.shadowRoot) walk(widget.shadowRoot);
  return found;
}

/** Where every element in a widget sits relative to its frame, and the inherited text settings it uses. */
function snapshot(widget: Element): Snapshot {
  const frame = widget.shadowRoot!.querySelector('.frame')!.getBoundingClientRect();
  const boxes: string[] = [];
  const styles: string[] = [];
  for (const element of shadowElements(widget)) {
    const rect = element.getBoundingClientRect();
    // Boxless elements (display: contents, hidden) have no place to compare.
    const placed = rect.width > 0 || rect.height > 0;
    const name = `${element.localName}${element.className && typeof element.className === 'string' ? `.${element.className.trim().split(/\s+/).join('.')}` : ''}`;
    boxes.push(
      placed
        ? `${name} ${Math.round(rect.left - frame.left)},${Math.round(rect.top - frame.top)} ${Math.round(rect.width)}x${Math.round(rect.height)}`
        : `${name} no box`,
    );
    const style = getComputedStyle(element);
    for (const property of INHERITED_PROPERTIES)
      styles.push(`${name} ${property}: ${style.getPropertyValue(property)}`);
  }
  return { boxes, styles };
}

/** The first differences between two lists, for a readable failure. */
function differences(before: readonly string[], after: readonly string[], limit = 12): string[] {
  const found: string[] = [];
  for (let i = 0; i < Math.max(before.length, after.length) && found.length < limit; i += 1) {
    if (before[i] !== after[i]) found.push(`was ${before[i]}\n   now ${after[i]}`);
  }
  return found;
}

/** Elements (outside scrolling areas) that stick out of their widget's frame. */
function overflowing(widget: Element): string[] {
  const frame = widget.shadowRoot!.querySelector('.frame')!.getBoundingClientRect();
  const problems: string[] = [];
  for (const element of shadowElements(widget)) {
    // Clipped text for screen readers, and what scrolls inside its own box on purpose
    // (the list, the map, the ticker strip, a table that cannot fit), are not layout faults.
    if (element.closest('.visually-hidden, [hidden]')) continue;
    if (element.parentElement?.closest('.list-scroll, .map-scroll, .viewport, .scroller, svg')) continue;
    const rect = element.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) continue;
    if (rect.right > frame.right + 1 || rect.left < frame.left - 1)
      problems.push(
        `${element.localName}.${String(element.className)} ${Math.round(rect.left - frame.left)}..${Math.round(rect.right - frame.left)} of ${Math.round(frame.width)}`,
      );
  }
  // Labels drawn inside bar segments must fit them whole ("onservatives 3" would misstate the seats).
  for (const label of widget.shadowRoot!.querySelectorAll<HTMLElement>('.segment .label')) {
    const segment = label.closest('.segment')!.getBoundingClientRect();
    const rect = label.getBoundingClientRect();
    if (label.scrollWidth > label.clientWidth + 1 || rect.left < segment.left - 1 || rect.right > segment.right + 1)
      problems.push(`label "${label.textContent}" does not fit its segment`);
  }
  // A table that could give way column by column must not need sideways scrolling.
  const scroller = widget.shadowRoot!.querySelector<HTMLElement>('.scroller');
  if (scroller && scroller.scrollWidth > scroller.clientWidth + 1)
    problems.push(
      `the table scrolls sideways (${scroller.scrollWidth} > ${scroller.clientWidth}) with columns given way: ${scroller.dataset.collapsed ?? 'none'}`,
    );
  const frameElement = widget.shadowRoot!.querySelector<HTMLElement>('.frame')!;
  if (frameElement.scrollWidth > frameElement.clientWidth + 1)
    problems.push(`the frame scrolls sideways: ${frameElement.scrollWidth} > ${frameElement.clientWidth}`);
  return problems;
}

describe('hardening: a hostile host stylesheet', function () {
  this.timeout(30_000);
  let feed: FeedInput;
  let widgets: Widget[];
  let box: HTMLElement;
  let sheet: HTMLStyleElement | undefined;

  before(async () => {
    await setViewport({ width: 1000, height: 900 });
    feed = await (await fetch('/test/fixtures/local-small.json')).json();
  });

  beforeEach(async () => {
    ({ box, widgets } = mountWidgets({ feed, width: '720px' }));
    // The theme is fixed so that the reader's colour scheme cannot differ between snapshots.
    for (const widget of widgets) widget.setAttribute('theme', 'light');
    await settle();
  });

  afterEach(() => {
    sheet?.remove();
    sheet = undefined;
    box.remove();
  });

  /** Let measured layouts (ResizeObserver widths, fitted columns, placed labels) settle. */
  async function settle(): Promise<void> {
    for (let round = 0; round < 2; round += 1) {
      await allUpdated(widgets);
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    }
    await allUpdated(widgets);
  }

  async function addHostSheet(css: string): Promise<void> {
    sheet = document.createElement('style');
    sheet.textContent = css;
    document.head.append(sheet);
    await settle();
  }

  it('`* { all: unset }` and inherited settings forced with !important change nothing inside the widgets', async () => {
    // The box keeps its width whatever the page does to it, so that the widgets get the same room.
    box.style.setProperty('display', 'block', 'important');
    box.style.setProperty('width', '720px', 'important');
    const before = widgets.map(snapshot);
    await addHostSheet(HOSTILE_INHERITED);
    box.scrollIntoView();
    await screenshot('hostile-host-css', false);
    widgets.forEach((widget, i) => {
      const after = snapshot(widget);
      expect(differences(before[i]!.boxes, after.boxes), `${widget.localName}: layout`).to.deep.equal([]);
      expect(
        differences(before[i]!.styles, after.styles),
        `${widget.localName}: inherited text settings`,
      ).to.deep.equal([]);
    });
  });

  it('a huge root font: the widgets keep their own size, the reader’s default', async () => {
    await addHostSheet(HUGE_ROOT_FONT);
    for (const widget of widgets) {
      expect(
        parseFloat(getComputedStyle(widget.shadowRoot!.querySelector('.frame')!).fontSize),
        `${widget.localName} keeps its base`,
      ).to.equal(16);
      expect(overflowing(widget), widget.localName).to.deep.equal([]);
    }
  });

  it('a huge font from the reader’s own setting (40px): every widget grows with it and still fits its width, nothing sticks out', async () => {
    await setDefaultFontSize(40);
    try {
      await settle();
      box.scrollIntoView();
      for (const widget of widgets) {
        expect(
          parseFloat(getComputedStyle(widget.shadowRoot!.querySelector('.frame')!).fontSize),
          `${widget.localName} follows the reader’s font size`,
        ).to.equal(40);
        expect(overflowing(widget), widget.localName).to.deep.equal([]);
      }
      // Last: a screenshot resets emulated settings.
      await screenshot('hostile-huge-font', false);
    } finally {
      await setDefaultFontSize(16);
    }
  });

  it('fonts that change after the widgets drew (a late stylesheet, a web font): labels and columns are fitted again', async () => {
    const errors = watchPageErrors();
    try {
      // Drawn and measured at the page's first font size, then the stylesheet arrives.
      await addHostSheet(`:root { --tally-font-size: 30px; }`);
      for (const widget of widgets) expect(overflowing(widget), widget.localName).to.deep.equal([]);
      const table = widgets[1]!.shadowRoot!.querySelector<HTMLElement>('.scroller')!;
      expect(table.dataset.collapsed, 'the party table gave way to fit').to.be.a('string');
      expect(errors.resizeLoops, 'no ResizeObserver loop').to.equal(0);
      expect(errors.errors).to.deep.equal([]);
    } finally {
      errors.stop();
    }
  });

  it('a width change that makes columns give way reports no ResizeObserver loop', async () => {
    const errors = watchPageErrors();
    try {
      box.style.width = '300px';
      await settle();
      box.style.width = '720px';
      await settle();
      box.style.width = '280px';
      await settle();
      for (const widget of widgets) expect(overflowing(widget), widget.localName).to.deep.equal([]);
      expect(errors.resizeLoops, 'no ResizeObserver loop').to.equal(0);
      expect(errors.errors).to.deep.equal([]);
    } finally {
      errors.stop();
    }
  });

  it('at 320 px wide under the hostile sheet, nothing sticks out either', async () => {
    box.style.setProperty('display', 'block', 'important');
    box.style.setProperty('width', '320px', 'important');
    await addHostSheet(HOSTILE_INHERITED);
    box.scrollIntoView();
    await screenshot('hostile-host-css-320', false);
    for (const widget of widgets) expect(overflowing(widget), widget.localName).to.deep.equal([]);
  });
});
