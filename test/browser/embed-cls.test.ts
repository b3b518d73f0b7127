/**
 * No embed shifts the host page: cumulative layout shift measured with a
 * PerformanceObserver('layout-shift') on an article page (test/browser/fixtures/article.html)
 * with every kind of embed between its paragraphs, while the script and the feeds arrive after
 * the page was first painted. The same page without tally.css shows that the measurement
 * catches shifts.
 */
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { frameHeights, heightsAttribute } from '../../src/embed/boxes.js';
import { hasContent, openHostPage, until, type HostPage } from './fixtures/host-page.js';

const ARTICLE = '/test/browser/fixtures/article.html';
const WIDGETS = ['#strip', '#seats', '#parties > tally-party-table', '#councils', '#latest'];

/** Open the article, wait until every widget (and the iframe's) shows its data, then a little longer. */
async function loadArticle(url: string, width: number): Promise<HostPage> {
  // Everything must be inside the browser's viewport: shifts outside it do not count.
  await setViewport({ width: width + 40, height: 6200 });
  const page = await openHostPage(url, { width, height: 6000 });
  await until(
    () => WIDGETS.every((selector) => hasContent(page.document.querySelector(selector))),
    'every widget on the page with its data',
  );
  const frame = page.document.querySelector<HTMLIFrameElement>('#parliament')!;
  await until(
    () => hasContent(frame.contentDocument?.querySelector('tally-seat-bar')) && frame.dataset.tallySized === '1',
    'the iframe embed with its data, sized by its own message',
  );
  await new Promise((resolve) => setTimeout(resolve, 500));
  return page;
}

const total = (page: HostPage) =>
  (page.record.shifts ?? []).filter((shift) => !shift.hadRecentInput).reduce((sum, shift) => sum + shift.value, 0);

describe('layout shift from embeds', () => {
  let page: HostPage | undefined;
  afterEach(() => page?.close());
  after(() => setViewport({ width: 800, height: 600 }));

  it('the article’s iframe starts at the embed code’s heights', async () => {
    const response = await fetch(ARTICLE);
    const html = await response.text();
    expect(html).to.contain(
      `data-tally-heights="${heightsAttribute(frameHeights('seat-bar', { layout: 'parliament' }))}"`,
    );
  });

  for (const width of [390, 800]) {
    it(`is zero on an article ${width} px wide, with the script and every feed arriving after the first paint`, async () => {
      page = await loadArticle(ARTICLE, width);
      expect(page.record.shifts, 'layout shifts measurable in this browser').to.be.an('array');
      // The page was painted before any widget had data: the test is about that moment.
      const painted = page.window.performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
      expect(painted, 'first contentful paint').to.be.a('number');
      const firstData = Math.min(...page.record.updates.map((update) => update.time));
      expect(page.record.updates.map((update) => update.widget).sort()).to.include.members([
        'tally-council-list',
        'tally-party-table',
        'tally-seat-bar',
        'tally-ticker',
      ]);
      expect(firstData).to.be.greaterThan(painted!);
      expect(page.record.shifts, JSON.stringify(page.record.shifts)).to.deep.equal([]);
      expect(total(page)).to.equal(0);
      expect(page.record.uncaught).to.deep.equal([]);
    });
  }

  it('is zero with the builder’s element code pasted twice into an article body (stylesheet included), all of it arriving late', async () => {
    await setViewport({ width: 430, height: 2600 });
    page = await openHostPage('/test/browser/fixtures/pasted.html', { width: 390, height: 2400 });
    await until(
      () => hasContent(page!.document.querySelector('#seats')) && hasContent(page!.document.querySelector('#parties')),
      'both widgets with their data',
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    // The text before the code was on screen before the (late) stylesheet had arrived.
    const painted = page.window.performance.getEntriesByName('first-contentful-paint')[0]!.startTime;
    const stylesheet = page.window.performance
      .getEntriesByType('resource')
      .find((entry) => entry.name.endsWith('/dist/tally.css')) as PerformanceResourceTiming;
    expect(painted).to.be.below(stylesheet.responseEnd);
    expect(page.record.shifts, JSON.stringify(page.record.shifts)).to.deep.equal([]);
  });

  it('is not zero on the same page without tally.css (the measurement catches shifts)', async () => {
    page = await loadArticle(`/__drop/tally.css${ARTICLE}`, 800);
    expect(page.document.querySelector('link[href$="tally.css"]')).to.equal(null);
    expect(total(page)).to.be.greaterThan(0.01);
  });
});
