/**
 * Placeholders (`<div data-tally-widget="…">` with a fallback link) upgraded by the built classic
 * bundle on a CMS-like host page (test/browser/fixtures/placeholders.html).
 */
import { expect } from '@open-wc/testing';
import { embedCodes } from '../../src/embed/embed-code.js';
import {
  hasContent,
  openHostPage,
  tallyLines,
  until,
  widgetsWithContent,
  type HostPage,
} from './fixtures/host-page.js';

const attributesOf = (element: Element) =>
  Object.fromEntries([...element.attributes].map((attribute) => [attribute.name, attribute.value]));

describe('placeholders', () => {
  let page: HostPage;
  before(async () => {
    page = await openHostPage('/test/browser/fixtures/placeholders.html');
    await until(() => page.window.Tally, 'window.Tally');
  });
  after(() => page.close());

  it('become the widget they name, with every data-* attribute mirrored, and lose the fallback link', async () => {
    const [chart] = await widgetsWithContent(page.document, '#mirrored > tally-seat-bar', 1);
    const placeholder = page.document.querySelector('#mirrored')!;
    expect(placeholder.children).to.have.length(1);
    expect(placeholder.querySelector('a')).to.equal(null);
    expect(placeholder.getAttribute('data-tally-init')).to.equal('1');
    expect(attributesOf(chart!)).to.deep.equal({
      src: '/test/fixtures/local-small.json',
      layout: 'bars',
      theme: 'dark',
      lang: 'cy',
      'time-zone': 'Europe/London',
      'others-below': '2',
    });
    // The attributes took effect: a bar per party, in Welsh.
    expect(chart!.shadowRoot!.querySelectorAll('[part~="row"]').length).to.be.greaterThan(1);
    // (Without the isolates set round the election's title: they draw nothing.)
    expect(chart!.shadowRoot!.textContent!.replace(/[\u2068\u2069]/g, '')).to.contain(
      'Four-council local election (fixture): seddi',
    );
  });

  it('never copy event handlers, style or shadow-DOM attributes onto the widget', async () => {
    const [table] = await widgetsWithContent(page.document, '#unsafe > tally-party-table', 1);
    expect(Object.keys(attributesOf(table!))).to.deep.equal(['src']);
    table!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    table!.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    expect((page.window.tallyFixture as unknown as Record<string, unknown>).hijacked).to.equal(undefined);
    expect(page.window.getComputedStyle(table!).display).to.equal('block');
  });

  it('keep the fallback link when the widget is unknown, and say why on the console', () => {
    for (const [id, name] of [
      ['unknown', 'hexagon-map'],
      ['inherited', 'constructor'],
    ] as const) {
      const placeholder = page.document.getElementById(id)!;
      expect(placeholder.querySelector('a')?.textContent, id).to.be.a('string').and.not.empty;
      expect(placeholder.children, id).to.have.length(1);
      expect(placeholder.getAttribute('data-tally-init'), id).to.equal('error');
      expect(
        tallyLines(page.record.warnings).filter((line) => line.includes(`"${name}"`)),
        id,
      ).to.deep.equal([
        `[tally] unknown widget "${name}" in a placeholder; expected one of seat-bar, party-table, council-list, ticker, area-result`,
      ]);
    }
    expect(page.record.uncaught).to.deep.equal([]);
  });

  it('added later are upgraded by Tally.load(root), once, with an inline snapshot travelling along', async () => {
    const later = page.document.getElementById('later')!;
    const feed = await (await fetch('/test/fixtures/local-small.json')).text();
    later.innerHTML = `
      <div data-tally-widget="ticker" data-max-items="3"><a href="https://example.org/results">Latest results</a><script type="application/json">${feed}</script></div>
      <div data-tally-widget="seat-bar" data-src="/test/fixtures/local-small.json"><a href="https://example.org/results">Seats</a></div>`;
    const created = page.window.Tally!.load(later);
    expect(created.map((element) => element.localName)).to.deep.equal(['tally-ticker', 'tally-seat-bar']);
    expect(page.window.Tally!.load(later)).to.deep.equal([]);
    expect(page.window.Tally!.load()).to.deep.equal([]);
    const [ticker] = await widgetsWithContent(page.document, '#later tally-ticker', 1);
    expect(ticker!.querySelector('script[type="application/json"]')).to.exist;
    expect(ticker!.shadowRoot!.querySelectorAll('li').length).to.be.within(1, 3);
    await widgetsWithContent(page.document, '#later tally-seat-bar', 1);
  });

  it('from the builder’s placeholder code become the same widget as its element code', async () => {
    const request = {
      widget: 'seat-bar' as const,
      feed: new URL('/test/fixtures/local-small.json', location.href).href,
      assets: new URL('/dist/', location.href).href,
      title: 'Seats',
      attributes: { layout: 'parliament', theme: 'light', 'others-below': '3' },
    };
    const codes = embedCodes(request);
    const box = page.document.createElement('div');
    box.innerHTML = `${codes.placeholder}<div class="direct">${codes.element}</div>`;
    page.document.body.append(box);
    const [upgraded] = page.window.Tally!.load(box);
    const direct = box.querySelector('.direct > tally-seat-bar')!;
    expect(attributesOf(upgraded!)).to.deep.equal(attributesOf(direct));
    await until(() => hasContent(upgraded) && hasContent(direct), 'both seat bars with content');
  });
});
