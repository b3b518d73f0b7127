/**
 * dist/tally.js as a loader (issue 20), on host pages as built: it fetches an element's code the
 * first time one appears (parsed, inserted later, or from a placeholder), with the shared chunk
 * beside it and Welsh only for a widget in Welsh; a page that uses nothing fetches nothing more;
 * no file is fetched twice, and the feed (and a map layout) is asked for once although the loader
 * starts it early.
 */
import { expect } from '@open-wc/testing';
import {
  fetchedPaths,
  hasContent,
  openHostPage,
  tallyLines,
  until,
  widgetsWithContent,
  type HostPage,
} from './fixtures/host-page.js';

/** The scripts a page fetched, chunk names without their hashes: "chunks/seat-bar". */
function scripts(page: HostPage): string[] {
  return fetchedPaths(page.window)
    .filter((path) => path.startsWith('/dist/') && path.endsWith('.js'))
    .map((path) => path.replace(/^\/dist\//, '').replace(/-[\w-]{8}\.js$/, ''))
    .sort();
}

/** Paths fetched more than once. */
function twice(page: HostPage): string[] {
  const paths = fetchedPaths(page.window);
  return [...new Set(paths.filter((path, i) => paths.indexOf(path) !== i))];
}

/** A few turns of the event loop and a frame: time for anything the page would still fetch to start. */
async function quiet(page: HostPage): Promise<void> {
  for (let i = 0; i < 3; i += 1)
    await new Promise((resolve) => page.window.requestAnimationFrame(() => setTimeout(resolve, 50)));
}

describe('dist/tally.js, the loader', () => {
  let page: HostPage;
  afterEach(() => page?.close());

  it('a page with one widget fetches the loader, the shared chunk and that widget’s chunk, each once, and its feed once', async () => {
    page = await openHostPage('/test/browser/fixtures/one-widget.html');
    const [chart] = await widgetsWithContent(page.document, '#chart', 1);
    expect(chart!.shadowRoot!.textContent).to.contain('Four-council local election');
    await quiet(page);
    expect(scripts(page)).to.deep.equal(['chunks/seat-bar', 'chunks/shared', 'tally.js']);
    expect(twice(page)).to.deep.equal([]);
    // Started early by the loader, used by the widget's feed source: one request.
    expect(
      fetchedPaths(page.window).filter((path) => path.startsWith('/test/fixtures/local-small.json')),
    ).to.deep.equal(['/test/fixtures/local-small.json?one-widget']);
    expect(page.record.uncaught).to.deep.equal([]);
    expect(page.record.errors).to.deep.equal([]);
    expect(tallyLines(page.record.warnings)).to.deep.equal([]);
  });

  it('a page that uses no widget fetches nothing more than the loader, and still has window.Tally', async () => {
    page = await openHostPage('/test/browser/fixtures/no-widget.html');
    await until(() => page.window.Tally, 'window.Tally');
    await quiet(page);
    expect(scripts(page)).to.deep.equal(['tally.js']);
    expect(page.window.customElements.get('tally-seat-bar')).to.equal(undefined);
    // Then a widget is added by the page's own code: its code arrives, and the widget works.
    const table = page.document.createElement('tally-party-table');
    table.setAttribute('src', '/test/fixtures/local-small.json');
    page.document.querySelector('#later')!.append(table);
    await widgetsWithContent(page.document, 'tally-party-table', 1);
    expect(scripts(page)).to.deep.equal(['chunks/party-table', 'chunks/shared', 'tally.js']);
  });

  it('an element inside another component’s shadow root is fetched for once the page passes that root to Tally.load', async () => {
    page = await openHostPage('/test/browser/fixtures/no-widget.html');
    await until(() => page.window.Tally, 'window.Tally');
    const host = page.document.createElement('div');
    page.document.querySelector('#later')!.append(host);
    const root = host.attachShadow({ mode: 'open' });
    const ticker = page.document.createElement('tally-ticker');
    ticker.setAttribute('src', '/test/fixtures/local-small.json');
    root.append(ticker);
    await quiet(page);
    // The loader watches the document, not other components' shadow roots.
    expect(scripts(page)).to.deep.equal(['tally.js']);
    expect(page.window.Tally!.load(root)).to.deep.equal([]);
    await until(() => page.window.customElements.get('tally-ticker'), 'the ticker defined');
    await until(() => hasContent(ticker), 'the ticker with content');
    expect(scripts(page)).to.deep.equal(['chunks/shared', 'chunks/ticker', 'tally.js']);
  });

  it('placeholders and elements, parsed and added late, in English and Welsh: each element’s code and Welsh fetched once, when first needed', async () => {
    page = await openHostPage('/test/browser/fixtures/late.html');
    await widgetsWithContent(page.document, '#placeholder > tally-ticker, #table', 2);
    await quiet(page);
    expect(scripts(page)).to.deep.equal(['chunks/party-table', 'chunks/shared', 'chunks/ticker', 'tally.js']);

    // A new post: an element of a kind already on the page, one of a new kind, and a placeholder in Welsh.
    const post = page.document.createElement('section');
    post.innerHTML = `
      <tally-party-table id="table-2" src="/test/fixtures/local-small.json"></tally-party-table>
      <tally-seat-bar id="chart" src="/test/fixtures/local-small.json"></tally-seat-bar>
      <div id="welsh" lang="cy" data-tally-widget="council-list" data-src="/test/fixtures/local-small.json" data-layout-src="/demo/data/hexjson/uk-local-authority-districts.hexjson"><a href="https://example.org/">Canlyniadau</a></div>`;
    page.document.querySelector('#posts')!.append(post);
    expect(page.window.Tally!.load(post)).to.have.length(1);
    await widgetsWithContent(page.document, '#table-2, #chart, #welsh > tally-council-list', 3);
    const welsh = page.document.querySelector('#welsh > tally-council-list')!;
    await until(() => welsh.shadowRoot!.textContent!.includes('Y cyfan'), 'the council list in Welsh');
    await quiet(page);
    expect(scripts(page)).to.deep.equal([
      'chunks/council-list',
      'chunks/party-table',
      'chunks/seat-bar',
      'chunks/shared',
      'chunks/ticker',
      'chunks/welsh',
      'tally.js',
    ]);
    expect(twice(page)).to.deep.equal([]);
    // The council list's map layout, asked for early by the loader too, and once.
    await until(() => welsh.shadowRoot!.querySelector('svg'), 'the map');
    expect(fetchedPaths(page.window).filter((path) => path.endsWith('.hexjson'))).to.deep.equal([
      '/demo/data/hexjson/uk-local-authority-districts.hexjson',
    ]);
    expect(page.record.uncaught).to.deep.equal([]);
    expect(page.record.errors).to.deep.equal([]);
  });
});
