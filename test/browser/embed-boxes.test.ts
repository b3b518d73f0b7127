/**
 * The reserved boxes (src/embed/boxes.ts → dist/tally.css) hold the demo nights: with the final
 * feed of each night (the fullest state: every party, the longest notes), in English and Welsh,
 * each widget variant gets the box the table says for the page's width, and its content fits
 * without scrolling inside it. The ticker's box is meant to hold about six items.
 *
 * A deterministic budget, not a timing: when a widget grows (a new row, more padding), this
 * fails and the table in boxes.ts needs a new height.
 */
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { frameHeights, heightsAttribute, WIDGET_BOXES, type WidgetName } from '../../src/embed/boxes.js';
import { heightForWidth } from '../../src/embed/frame-protocol.js';
import { PLACEHOLDER_WIDGETS } from '../../src/embed/loader.js';
import { openHostPage, until, widgetsWithContent } from './fixtures/host-page.js';

/** Each night with its map, and the area the result card shows (Barnet, 2018; Houghton and Sunderland South, 2019). */
const NIGHTS = [
  {
    feed: '/test/fixtures/uk-local-2018.final.json',
    map: '/demo/data/hexjson/uk-local-authority-districts.hexjson',
    area: 'E09000003',
  },
  {
    feed: '/test/fixtures/uk-general-2019.final.json',
    map: '/demo/data/hexjson/uk-constituencies-2019.hexjson',
    area: 'E14000754',
  },
];
const LANGUAGES = ['en-GB', 'cy'];
/** Page widths at the start and the end of the bands. */
const WIDTHS = [320, 359, 479, 640, 799, 1000];

interface Case {
  widget: WidgetName;
  attributes: Record<string, string>;
  label: string;
}

const cases = (map: string, area: string): Case[] =>
  WIDGET_BOXES.map((box) => {
    const attributes: Record<string, string> = {};
    if (box.when) attributes[box.when.attribute] = box.when.value ?? map;
    if (box.widget === 'area-result') attributes['area'] = area;
    if (box.widget === 'ticker' && !box.when) attributes['max-items'] = '6';
    return {
      widget: box.widget,
      attributes,
      label: `${box.widget}${box.when ? ` ${box.when.attribute}=${box.when.value ?? '…'}` : ''}`,
    };
  });

/**
 * Widgets whose content a box hides: content taller than the element (it would scroll inside
 * it, or spill out of it), or a status line ("Updated 02:41") outside the element's box.
 */
function hidden(widgets: readonly HTMLElement[]): string[] {
  const problems: string[] = [];
  for (const widget of widgets) {
    const box = widget.getBoundingClientRect();
    if (widget.scrollHeight > widget.clientHeight + 1)
      problems.push(`${widget.localName}: content ${widget.scrollHeight} px in a ${widget.clientHeight} px box`);
    const frame = widget.shadowRoot!.querySelector('[part~="frame"]')!.getBoundingClientRect();
    if (frame.bottom > box.bottom + 1)
      problems.push(`${widget.localName}: its frame ends ${Math.round(frame.bottom - box.bottom)} px below the box`);
    const status = widget.shadowRoot!.querySelector('[part~="status"]')?.getBoundingClientRect();
    if (!status) problems.push(`${widget.localName}: no status line`);
    else if (status.bottom > box.bottom + 1)
      problems.push(
        `${widget.localName}: the status line ends ${Math.round(status.bottom - box.bottom)} px below the box`,
      );
  }
  return problems;
}

/** Two frames drawn in the page, then every widget's update done, twice over. */
async function settle(win: Window, widgets: readonly Element[]): Promise<void> {
  for (let round = 0; round < 2; round += 1) {
    for (let frame = 0; frame < 2; frame += 1) await new Promise((resolve) => win.requestAnimationFrame(resolve));
    await Promise.all(
      widgets.map((widget) => (widget as Element & { updateComplete?: Promise<unknown> }).updateComplete),
    );
  }
}

describe('reserved boxes', () => {
  after(() => setViewport({ width: 800, height: 600 }));

  for (const width of WIDTHS) {
    it(`hold the demo nights at ${width} px, in English and Welsh`, async () => {
      await setViewport({ width: width + 40, height: 800 });
      const page = await openHostPage('/test/browser/fixtures/boxes.html', { width, height: 700 });
      try {
        const main = page.document.querySelector('main')!;
        const placed: { element: HTMLElement; expected: number; label: string }[] = [];
        for (const { feed, map, area } of NIGHTS) {
          for (const lang of LANGUAGES) {
            for (const { widget, attributes, label } of cases(map, area)) {
              const element = page.document.createElement(PLACEHOLDER_WIDGETS[widget]!);
              element.setAttribute('src', feed);
              element.setAttribute('lang', lang);
              for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
              main.append(element);
              const expected = heightForWidth(heightsAttribute(frameHeights(widget, attributes)), width)!;
              placed.push({ element, expected, label: `${label}, ${feed.split('/').pop()}, ${lang}` });
            }
          }
        }
        await widgetsWithContent(page.document, 'main > *', placed.length);
        // Let the seat bar's measured labels and fitted columns settle: frames, then their updates.
        await settle(
          page.window,
          placed.map(({ element }) => element),
        );
        const problems: string[] = [];
        for (const { element, expected, label } of placed) {
          const box = Math.round(element.getBoundingClientRect().height);
          if (box !== expected) problems.push(`${label}: box ${box} px, the table says ${expected} px`);
          if (element.scrollHeight > element.clientHeight)
            problems.push(
              `${label}: content ${element.scrollHeight} px does not fit the ${element.clientHeight} px box`,
            );
        }
        expect(problems, problems.join('\n')).to.deep.equal([]);
        expect(page.record.uncaught).to.deep.equal([]);
      } finally {
        page.close();
      }
    });
  }

  it('are a minimum, never a clip: content taller than its box makes the box grow; the ticker’s own list scrolls; axe finds nothing', async () => {
    const page = await openHostPage('/test/browser/fixtures/boxes.html', { width: 360, height: 700 });
    try {
      const main = page.document.querySelector('main')!;
      const feed = '/test/fixtures/uk-local-2018.final.json';
      main.innerHTML = `
        <tally-ticker src="${feed}" max-items="10"></tally-ticker>
        <tally-party-table src="${feed}" style="--tally-box-height: 10rem"></tally-party-table>
        <tally-seat-bar src="${feed}" layout="parliament" style="--tally-box-height: 6rem"></tally-seat-bar>
        <tally-council-list src="${feed}" style="--tally-box-height: 12rem"></tally-council-list>`;
      const widgets = await widgetsWithContent(page.document, 'main > *', 4);
      await settle(page.window, widgets);
      expect(hidden(widgets), 'nothing hidden or scrolled away by a box').to.deep.equal([]);
      const [ticker, ...others] = widgets;
      for (const widget of others)
        expect(widget.getBoundingClientRect().height, `${widget.localName} grew past its box`).to.be.greaterThan(
          parseFloat(widget.style.getPropertyValue('--tally-box-height')) * 16,
        );
      const list = ticker!.shadowRoot!.querySelector<HTMLElement>('.list')!;
      expect(list.scrollHeight, 'the ticker’s ten items scroll inside its list').to.be.greaterThan(list.clientHeight);
      const script = page.document.createElement('script');
      script.src = '/node_modules/axe-core/axe.min.js';
      page.document.head.append(script);
      const axe = await until(
        () =>
          (
            page.window as unknown as {
              axe?: {
                run(context: Document, options: object): Promise<{ violations: { id: string; nodes: unknown[] }[] }>;
              };
            }
          ).axe,
        'axe in the host page',
      );
      const { violations } = await axe.run(page.document, {
        runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice'],
      });
      expect(violations.map((violation) => `${violation.id} (${violation.nodes.length})`)).to.deep.equal([]);
    } finally {
      page.close();
    }
  });

  it('a house style with larger type (docs/theming.md) at 375 px: every box grows to hold it, the status line in view', async () => {
    const page = await openHostPage('/test/browser/fixtures/boxes.html', { width: 375, height: 700 });
    try {
      const style = page.document.createElement('style');
      style.textContent = `main > * { --tally-font-size: 1.125rem; --tally-font: Georgia, serif; --tally-seat-bar-height: 4rem; --tally-spacing: 0.75rem; }`;
      page.document.head.append(style);
      const main = page.document.querySelector('main')!;
      const feed = '/test/fixtures/uk-local-2018.final.json';
      main.innerHTML = `
        <tally-seat-bar src="${feed}"></tally-seat-bar>
        <tally-party-table src="${feed}"></tally-party-table>
        <tally-ticker src="${feed}" max-items="6"></tally-ticker>`;
      const widgets = await widgetsWithContent(page.document, 'main > *', 3);
      await settle(page.window, widgets);
      expect(hidden(widgets)).to.deep.equal([]);
    } finally {
      page.close();
    }
  });
});
