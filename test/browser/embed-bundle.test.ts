/**
 * The script-tag bundles as built (dist/tally.js, dist/tally.classic.js) on host pages: pasted
 * more than once, and beside another release. Each page is a fixture under
 * test/browser/fixtures/ and runs in its own iframe (its own custom element registry).
 */
import { expect } from '@open-wc/testing';
import {
  fetchedPaths,
  openHostPage,
  packageVersion,
  tallyLines,
  widgetsWithContent,
  type HostPage,
} from './fixtures/host-page.js';

describe('script-tag bundle: included more than once', () => {
  let page: HostPage;
  afterEach(() => page?.close());

  it('the same release three times (module twice, classic once): every widget works, nothing thrown, nothing logged', async () => {
    page = await openHostPage('/test/browser/fixtures/double.html');
    const [chart] = await widgetsWithContent(page.document, '#chart', 1);
    const [table] = await widgetsWithContent(page.document, '#placeholder > tally-party-table', 1);
    // All three copies ran: both module URLs and the classic script were fetched and evaluated.
    const fetched = fetchedPaths(page.window);
    expect(fetched).to.include.members(['/dist/tally.js', '/dist/tally.js?pasted-again', '/dist/tally.classic.js']);

    expect(page.record.uncaught).to.deep.equal([]);
    expect(page.record.errors).to.deep.equal([]);
    expect(tallyLines(page.record.warnings)).to.deep.equal([]);
    expect(page.window.Tally?.version).to.equal(await packageVersion());
    // Three copies called Tally.load(): the placeholder holds one widget, not three.
    expect(page.document.querySelectorAll('#placeholder > *')).to.have.length(1);
    expect(page.document.querySelector('#placeholder')!.getAttribute('data-tally-init')).to.equal('1');
    expect(chart!.shadowRoot!.textContent).to.contain('Four-council local election');
    expect(table!.shadowRoot!.querySelector('table')).to.exist;
  });

  it('another release on the same page: the first definitions stay, nothing throws, one warning names both versions', async () => {
    page = await openHostPage('/test/browser/fixtures/two-versions.html');
    await widgetsWithContent(page.document, '#chart', 1);
    await widgetsWithContent(page.document, '#placeholder > tally-ticker', 1);
    const version = await packageVersion();
    expect(fetchedPaths(page.window)).to.include.members([
      '/dist/tally.js',
      '/__version/9.9.9/dist/tally.js',
      '/__version/9.9.9/dist/tally.classic.js',
    ]);
    // The first release defined every element: the other release's copies stood aside, so this
    // does not depend on whose code arrived first.
    const defined = (page.window as unknown as Record<symbol, Map<string, string> | undefined>)[
      Symbol.for('tally.element-versions')
    ];
    expect(defined?.get('tally-seat-bar')).to.equal(version);
    expect(defined?.get('tally-ticker')).to.equal(version);

    expect(page.record.uncaught).to.deep.equal([]);
    const warnings = tallyLines(page.record.warnings);
    expect(warnings, warnings.join('\n')).to.have.length(1);
    expect(warnings[0]).to.contain(version).and.to.contain('9.9.9');
    expect(page.window.Tally?.version).to.equal(version);
    expect(page.document.querySelectorAll('#placeholder > *')).to.have.length(1);
  });
});
