/**
 * Keyboard and screen readers across all four widgets: a Tab walk through each widget reaches
 * every control, in the order they are laid out, with a visible focus ring on each and no
 * trap either way; the controls work from the keyboard; charts carry the same facts as text;
 * and when every widget on a page shares one feed, only one ticker announces each result.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { feedSourceFor } from '../../src/feed/registry.js';
import { useFeedServer } from './helpers/feed-server.js';
import {
  cleanup,
  deepActive,
  fixtureFeed,
  mount,
  settled,
  shadow,
  shadowAll,
  sleep,
  smallFeed,
  SMALL_LAYOUT,
  type Tag,
  type Widget,
} from './helpers/a11y-widgets.js';

afterEach(() => cleanup());

const style = (element: Element) => getComputedStyle(element);

/** Elements a keyboard user should be able to reach in a widget: focusable, tab order, shown. */
function tabbable(el: Widget): Element[] {
  const candidates = shadowAll<HTMLElement | SVGElement>(el, 'a[href], button, input, select, textarea, [tabindex]');
  return candidates.filter((element) => {
    if ((element as HTMLButtonElement).disabled) return false;
    if (element.closest('[inert], [hidden]')) return false;
    if (element.tabIndex < 0) return false;
    // A radio group is one stop: the checked radio.
    if (element instanceof HTMLInputElement && element.type === 'radio' && !element.checked) return false;
    if (element.getClientRects().length === 0 || style(element).visibility === 'hidden') return false;
    return true;
  });
}

/** How a focused element shows its focus: its own outline, its chip's, or the map's focus outline. */
function focusShown(el: Widget, element: Element): boolean {
  const ring = (target: Element) =>
    style(target).outlineStyle !== 'none' && parseFloat(style(target).outlineWidth) >= 2;
  if (element instanceof HTMLInputElement && element.type === 'radio') return ring(element.closest('.chip')!);
  if (element.classList.contains('hex')) return shadow(el, '.overlay .focus-line') !== null;
  return ring(element);
}

const describeElement = (element: Element | null) =>
  element
    ? `${element.localName}${element.id ? `#${element.id}` : ''}${element.getAttribute('part') ? `[part=${element.getAttribute('part')}]` : ''}${element.getAttribute('data-key') ?? element.getAttribute('data-id') ?? ''}`
    : 'nothing';

/** Tab from the button before the widget to the one after it, then back; what was focused on the way. */
async function walk(el: Widget): Promise<{ forward: Element[]; backward: Element[]; unseen: string[] }> {
  const before = document.getElementById('before')!;
  const after = document.getElementById('after')!;
  const forward: Element[] = [];
  const unseen: string[] = [];
  before.focus();
  for (let step = 0; step < 60; step += 1) {
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    const active = deepActive();
    if (active === after) break;
    if (!active || !el.shadowRoot!.contains(active))
      throw new Error(`Tab left the widget for ${describeElement(active)} before reaching the button after it`);
    forward.push(active);
    if (!focusShown(el, active)) unseen.push(describeElement(active));
  }
  expect(deepActive(), 'Tab reaches the button after the widget (no trap)').to.equal(after);
  const backward: Element[] = [];
  await sendKeys({ down: 'Shift' });
  try {
    for (let step = 0; step < 60; step += 1) {
      await sendKeys({ press: 'Tab' });
      await el.updateComplete;
      const active = deepActive();
      if (active === before) break;
      backward.push(active!);
    }
  } finally {
    await sendKeys({ up: 'Shift' });
  }
  expect(deepActive(), 'Shift+Tab gets back out (no trap)').to.equal(before);
  return { forward, backward, unseen };
}

async function mountBetweenButtons(tag: Tag, options: Parameters<typeof mount>[1]): Promise<Widget> {
  const box = document.createElement('div');
  box.innerHTML = '<button id="before">before</button><div class="slot"></div><button id="after">after</button>';
  document.body.append(box);
  const el = await mount(tag, { ...options, parent: box.querySelector<HTMLElement>('.slot')! });
  // cleanup() removes the widget's own box; this one goes with the test.
  afterEachRemove.push(box);
  return el;
}
const afterEachRemove: HTMLElement[] = [];
afterEach(() => afterEachRemove.splice(0).forEach((box) => box.remove()));

const precedes = (a: Element, b: Element) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;

describe('keyboard', () => {
  before(() => setViewport({ width: 1000, height: 1600 }));

  const CASES: [string, Tag, () => Promise<Parameters<typeof mount>[1]>][] = [
    ['seat bar, stacked', 'tally-seat-bar', async () => ({ feed: await smallFeed(1, 3), width: '40rem' })],
    [
      'seat bar, bars',
      'tally-seat-bar',
      async () => ({ feed: await smallFeed(1, 3), attributes: { layout: 'bars' }, width: '40rem' }),
    ],
    [
      'seat bar, parliament',
      'tally-seat-bar',
      async () => ({ feed: await smallFeed(1, 3), attributes: { layout: 'parliament' }, width: '40rem' }),
    ],
    [
      'party table with Others',
      'tally-party-table',
      async () => ({ feed: await smallFeed(1), attributes: { 'max-parties': '2' }, width: '40rem' }),
    ],
    [
      'council list with its map',
      'tally-council-list',
      async () => ({ feed: await smallFeed(1, 3), layout: SMALL_LAYOUT, width: '60rem' }),
    ],
    ['ticker, list', 'tally-ticker', async () => ({ feed: await smallFeed(1), width: '40rem' })],
    [
      'ticker, strip',
      'tally-ticker',
      async () => ({ feed: await smallFeed(1), attributes: { mode: 'strip' }, width: '40rem' }),
    ],
    [
      'result card, a council with its wards and the search and postcode boxes',
      'tally-area-result',
      async () => ({
        feed: await fixtureFeed('wards.json'),
        attributes: {
          area: 'X08000901',
          search: '',
          'postcode-url': 'https://lookup.example.org/postcodes/{postcode}',
          'postcode-field': 'result.codes.admin_ward',
        },
        width: '40rem',
      }),
    ],
    [
      'result card, a ward with its way back',
      'tally-area-result',
      async () => ({ feed: await fixtureFeed('wards.json'), attributes: { area: 'X05000901' }, width: '40rem' }),
    ],
  ];

  for (const [name, tag, options] of CASES) {
    it(`${name}: every control is reached in layout order, with a visible focus ring, and Tab gets out both ways`, async () => {
      const el = await mountBetweenButtons(tag, await options());
      const expected = tabbable(el);
      const { forward, backward, unseen } = await walk(el);
      expect(forward.length, 'something to reach').to.be.greaterThan(0);
      // Every stop is meant: a native control, or an element given a tabindex on purpose (an
      // SVG group with focus listeners, say, becomes a stop in Chromium without one).
      const meant = (element: Element) => element.matches('a[href], button, input, select, textarea, [tabindex]');
      expect(forward.filter((element) => !meant(element)).map(describeElement), 'unintended tab stops').to.deep.equal(
        [],
      );
      expect(expected.filter((element) => !forward.includes(element)).map(describeElement), 'reached').to.deep.equal(
        [],
      );
      expect(unseen, 'focus shown').to.deep.equal([]);
      for (let i = 1; i < forward.length; i += 1)
        expect(
          precedes(forward[i - 1]!, forward[i]!),
          `${describeElement(forward[i - 1]!)} before ${describeElement(forward[i]!)}`,
        ).to.equal(true);
      expect(backward.map(describeElement)).to.deep.equal([...forward].reverse().map(describeElement));
      for (const element of shadowAll(el, '[tabindex]'))
        expect(element.tabIndex, 'no positive tabindex').to.be.at.most(0);
    });
  }

  it('council list: map first (zoom, then the map as one stop), then filters, search and the list as one stop', async () => {
    const el = await mountBetweenButtons('tally-council-list', {
      feed: await smallFeed(1, 3),
      layout: SMALL_LAYOUT,
      width: '60rem',
    });
    const { forward } = await walk(el);
    const kinds = forward.map((element) =>
      element.classList.contains('zoom')
        ? 'zoom'
        : element.classList.contains('hex')
          ? 'map'
          : element instanceof HTMLInputElement && element.type === 'radio'
            ? 'filter'
            : element instanceof HTMLInputElement
              ? 'search'
              : element instanceof HTMLSelectElement
                ? 'select'
                : element.classList.contains('row-button')
                  ? 'list'
                  : describeElement(element),
    );
    const firsts = kinds.filter((kind, index) => kinds.indexOf(kind) === index);
    expect(firsts).to.deep.equal(['zoom', 'map', 'filter', 'search', 'select', 'list']);
    expect(
      kinds.filter((kind) => kind === 'map'),
      'the map is one tab stop',
    ).to.have.length(1);
    expect(
      kinds.filter((kind) => kind === 'list'),
      'the list is one tab stop',
    ).to.have.length(1);
  });

  it('controls work from the keyboard in every widget', async () => {
    // Seat bar: Enter selects a party, Escape hides its details.
    const bar = await mountBetweenButtons('tally-seat-bar', { feed: await smallFeed(1, 3), width: '40rem' });
    shadow(bar, '[data-control][tabindex="0"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await settled(bar);
    expect(shadow(bar, '[data-control][aria-pressed="true"]')).not.to.equal(null);
    expect(shadow(bar, '[part="tooltip"]')).not.to.equal(null);
    await sendKeys({ press: 'Escape' });
    await settled(bar);
    expect(shadow(bar, '[part="tooltip"]')).to.equal(null);

    // Party table: Enter on a heading sorts, Space opens Others.
    const table = await mountBetweenButtons('tally-party-table', {
      feed: await smallFeed(1),
      attributes: { 'max-parties': '2' },
      width: '40rem',
    });
    shadow<HTMLButtonElement>(table, 'th[data-column="party"] button')!.focus();
    await sendKeys({ press: 'Enter' });
    await settled(table);
    expect(shadow(table, 'th[data-column="party"]')!.getAttribute('aria-sort')).to.match(/ascending|descending/);
    shadow<HTMLButtonElement>(table, '[part="others-toggle"]')!.focus();
    await sendKeys({ press: 'Space' });
    await settled(table);
    expect(shadow(table, '[part="others-toggle"]')!.getAttribute('aria-expanded')).to.equal('true');

    // Council list: arrows move on the map, Enter opens the area in the list.
    const list = await mountBetweenButtons('tally-council-list', {
      feed: await smallFeed(1, 3),
      layout: SMALL_LAYOUT,
      width: '60rem',
    });
    (shadow(list, '.hex[tabindex="0"]') as unknown as HTMLElement).focus();
    await sendKeys({ press: 'ArrowRight' });
    await settled(list);
    const moved = deepActive() as SVGGElement;
    expect(moved.classList.contains('hex')).to.equal(true);
    await sendKeys({ press: 'Enter' });
    await settled(list);
    expect(shadow(list, `.row[data-id="${moved.dataset.id}"] .row-button`)!.getAttribute('aria-expanded')).to.equal(
      'true',
    );

    // Ticker: the pause button.
    const ticker = await mountBetweenButtons('tally-ticker', { feed: await smallFeed(1), width: '40rem' });
    shadow<HTMLButtonElement>(ticker, '[part="pause-button"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await settled(ticker);
    expect(ticker.hasAttribute('paused')).to.equal(true);
  });
});

describe('screen readers', () => {
  const feeds = useFeedServer();

  it('charts carry the same facts as text: the seat bar table, the map’s names', async () => {
    const feed = await smallFeed(1, 3);
    const bar = await mount('tally-seat-bar', { feed, width: '40rem' });
    // Every figure drawn (labels in the bar, the key) is in the table a screen reader reads.
    const table = new Map(
      shadowAll(bar, 'table tbody tr').map((row) => [
        row.querySelector('th')!.textContent!.trim(),
        row.querySelector('td')!.textContent!.trim(),
      ]),
    );
    const names = new Map(feed.parties.map((party) => [party.id, party.name]));
    const drawn = [
      ...shadowAll(bar, '.segment[data-kind="party"]').filter((segment) => segment.querySelector('.label')),
      ...shadowAll(bar, '.legend-item[data-kind="party"]'),
    ];
    expect(drawn.length).to.be.greaterThan(1);
    for (const item of drawn) {
      const text = item.textContent!.replace(/\s+/g, ' ').trim();
      const seats = /(\d[\d,]*)$/.exec(text)![1];
      expect(table.get(names.get(item.getAttribute('data-key')!)!), `${text} is in the table`).to.equal(seats);
    }
    expect(shadow(bar, '.chart')!.getAttribute('aria-label')).to.equal('Seats by party');
    const parliament = await mount('tally-seat-bar', { feed, attributes: { layout: 'parliament' }, width: '40rem' });
    expect(shadow(parliament, 'svg.hemicycle')!.getAttribute('aria-hidden')).to.equal('true');
    expect(shadowAll(parliament, 'table tbody tr').length).to.equal(table.size);

    const list = await mount('tally-council-list', { feed, layout: SMALL_LAYOUT, width: '60rem' });
    for (const hex of shadowAll(list, '.hex[role="button"]')) {
      const id = hex.getAttribute('data-id')!;
      const row = shadow(list, `.row[data-id="${id}"]`)!;
      // The same words, the isolates set round feed names (which draw and say nothing) aside.
      const plain = (text: string | null) => (text ?? '').replace(/[\u2068\u2069]/g, '').trim();
      const name = plain(row.querySelector('.row-name')!.textContent);
      const outcome = plain(row.querySelector('.row-outcome')!.textContent);
      expect(plain(hex.getAttribute('aria-label'))).to.equal(`${name}: ${outcome}`);
    }
  });

  it('with every widget on one feed, one announcement per new result, from one ticker only', async function () {
    this.timeout(20_000);
    const first = await smallFeed(1, 2);
    const second = await smallFeed(2, 3);
    const url = await feeds.route('/shared.json', { sequence: [{ json: first }, { json: second }] });
    const source = feedSourceFor(url);
    const widgets: Widget[] = [];
    for (const [tag, attributes] of [
      ['tally-ticker', { mode: 'strip' }],
      ['tally-seat-bar', {}],
      ['tally-party-table', {}],
      ['tally-council-list', {}],
      ['tally-ticker', {}],
    ] as [Tag, Record<string, string>][]) {
      widgets.push(
        await mount(tag, {
          attributes: { src: url, ...attributes },
          width: '40rem',
          layout: tag === 'tally-council-list' ? SMALL_LAYOUT : undefined,
        }),
      );
    }
    await waitUntil(
      () => widgets.every((el) => shadow(el, '[part="status"]') || el.getAttribute('mode') === 'strip'),
      'every widget shows the first feed',
      { timeout: 8_000 },
    );
    await Promise.all(widgets.map(settled));

    // Every live region on the page, and what each says from now on.
    const heard: { widget: string; text: string }[] = [];
    const observers = widgets.flatMap((el) =>
      shadowAll(el, '[aria-live], [role="status"], [role="alert"], [role="log"]').map((region) => {
        const observer = new MutationObserver(() => {
          const text = region.textContent!.trim();
          if (text)
            heard.push({
              widget: `${el.localName}${el.getAttribute('mode') ? `[mode=${el.getAttribute('mode')}]` : ''}`,
              text,
            });
        });
        observer.observe(region, { childList: true, subtree: true, characterData: true });
        return observer;
      }),
    );
    try {
      await source.refresh();
      await waitUntil(() => heard.length > 0, 'an announcement', { timeout: 6_000 });
      // Long enough for a second ticker's batch to come (it gathers for 1.5 s).
      await sleep(2_500);
    } finally {
      observers.forEach((observer) => observer.disconnect());
    }
    expect(heard).to.have.length(1);
    expect(heard[0]!.widget).to.match(/^tally-ticker/);
    // The one new council (the third) is what was said, in the words the list shows.
    const sentences = shadowAll(widgets[4]!, '.list .item [part="sentence"]').map((sentence) =>
      sentence.textContent!.trim(),
    );
    const about = sentences.filter((sentence) => sentence.includes(second.areas[2]!.name));
    expect(about).to.have.length(1);
    expect(heard[0]!.text).to.equal(`New result: ${about[0]}.`);
  });
});

describe('focus not obscured', () => {
  it('council list: moving up the grouped list, the focused row is never under the sticky group heading', async () => {
    const feed = await (await fetch('/test/fixtures/uk-local-2018.final.json')).json();
    const el = await mount('tally-council-list', { feed, attributes: { 'group-by': 'type' }, width: '40rem' });
    const first = shadow<HTMLButtonElement>(el, '.row-button[tabindex="0"]')!;
    first.focus();
    await sendKeys({ press: 'End' });
    await settled(el);
    const problems: string[] = [];
    for (let step = 0; step < 40; step += 1) {
      await sendKeys({ press: 'ArrowUp' });
      await settled(el);
      const row = deepActive()!.getBoundingClientRect();
      const scroller = shadow(el, '.list-scroll')!.getBoundingClientRect();
      // The group heading stuck at the top of the list box, if any is there.
      const stuck = shadowAll(el, '.group-label')
        .map((label) => label.getBoundingClientRect())
        .find((label) => Math.abs(label.top - scroller.top) < 3);
      if (stuck && row.top < stuck.bottom - 1)
        problems.push(
          `${deepActive()!.textContent!.trim().split(/\s+/).slice(0, 2).join(' ')}: ${Math.round(stuck.bottom - row.top)} px under the heading`,
        );
    }
    expect(problems).to.deep.equal([]);
  });
});
