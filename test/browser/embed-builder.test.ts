/**
 * The embed builder (demo/builder/builder.ts), mounted with the test fixtures as its feeds:
 * what it shows is what embedCodes gives for the choices, the copy buttons confirm visibly and
 * to screen readers, it works from the keyboard, says what is wrong with a bad value, previews in
 * the reserved box, and is axe-clean for every widget.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { startBuilder, type Builder } from '../../demo/builder/builder.js';
import { frameHeights, heightsAttribute } from '../../src/embed/boxes.js';
import { embedCodes } from '../../src/embed/embed-code.js';
import { heightForWidth } from '../../src/embed/frame-protocol.js';
import { hasContent, until } from './fixtures/host-page.js';

const FEEDS = [
  {
    id: 'local',
    label: 'Four councils (test data)',
    url: '/test/fixtures/local-small.json',
    title: 'Local test night',
    map: '/demo/data/hexjson/uk-local-authority-districts.hexjson',
  },
  {
    id: 'general',
    label: 'A small general election (test data)',
    url: '/test/fixtures/general-small.json',
    title: 'General test night',
  },
];
const ASSETS = new URL('/dist/', location.href).href;
const absolute = (path: string) => new URL(path, location.href).href;

describe('the embed builder', () => {
  let root: HTMLElement;
  let builder: Builder;
  let changes: URLSearchParams[];
  const stylesheet = document.createElement('link');
  before(async () => {
    // The page's own stylesheet, as builder.html has it (the preview widths are in it).
    stylesheet.rel = 'stylesheet';
    stylesheet.href = '/demo/builder/builder.css';
    const loaded = new Promise((resolve) => stylesheet.addEventListener('load', resolve, { once: true }));
    document.head.append(stylesheet);
    await loaded;
  });
  after(() => stylesheet.remove());

  beforeEach(async () => {
    root = await fixture(html`<main style="max-width: 60rem"></main>`);
    changes = [];
    builder = startBuilder(root, { feeds: FEEDS, assets: ASSETS, onChange: (choices) => changes.push(choices) });
  });
  afterEach(() => builder.destroy());

  const code = (key: string) => root.querySelector(`#code-${key}`)!.textContent;
  const control = <T extends HTMLElement>(selector: string) => root.querySelector<T>(selector)!;
  function setValue(selector: string, value: string): void {
    const input = control<HTMLInputElement | HTMLSelectElement>(selector);
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }

  it('shows the codes embedCodes gives for the choices, and the widget in the preview', async () => {
    const expected = embedCodes({
      widget: 'seat-bar',
      feed: absolute('/test/fixtures/local-small.json'),
      assets: ASSETS,
      title: 'Local test night: seats won by each party',
    });
    expect(code('element')).to.equal(expected.element);
    expect(code('placeholderSetup')).to.equal(expected.placeholderSetup);
    expect(code('placeholder')).to.equal(expected.placeholder);
    expect(code('iframe')).to.equal(expected.iframe);
    expect(code('ampSetup')).to.equal(expected.ampSetup);
    expect(code('amp')).to.equal(expected.amp);
    expect(builder.preview.localName).to.equal('tally-seat-bar');
    await until(() => hasContent(builder.preview), 'the preview with its data');

    setValue('#option-layout', 'parliament');
    setValue('#option-theme', 'dark');
    setValue('#builder-feed', 'general');
    const changed = embedCodes({
      widget: 'seat-bar',
      feed: absolute('/test/fixtures/general-small.json'),
      attributes: { layout: 'parliament', theme: 'dark' },
      assets: ASSETS,
      title: 'General test night: seats won by each party',
    });
    expect(code('element')).to.equal(changed.element);
    expect(code('iframe')).to.equal(changed.iframe);
    expect(builder.preview.getAttribute('layout')).to.equal('parliament');
    setValue('#option-layout', 'stacked');
    expect(code('element')).to.not.contain('layout=');
    expect(builder.preview.getAttribute('layout')).to.equal('stacked');
    setValue('#option-layout', 'parliament');
    expect(builder.preview.getAttribute('src')).to.equal(absolute('/test/fixtures/general-small.json'));
    expect(changes.at(-1)?.toString()).to.equal('widget=seat-bar&feed=general&layout=parliament&theme=dark');
  });

  it('is used from the keyboard: arrow keys choose the widget, its options follow', async () => {
    control<HTMLInputElement>('#widget-seat-bar').focus();
    await sendKeys({ press: 'ArrowDown' });
    expect(control<HTMLInputElement>('#widget-party-table').checked).to.equal(true);
    expect(builder.preview.localName).to.equal('tally-party-table');
    expect(root.querySelector('#option-layout')).to.equal(null);
    expect(root.querySelector('#option-max-parties')).to.exist;
    expect(code('element')).to.contain('<tally-party-table src=');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    expect(builder.preview.localName).to.equal('tally-ticker');
    expect(root.querySelector('legend')?.parentElement?.textContent).to.contain('Widget');
    expect([...root.querySelectorAll('fieldset legend')].map((legend) => legend.textContent)).to.include(
      'Ticker options',
    );
  });

  it('copies each code, saying so beside the button and to screen readers', async () => {
    const written: string[] = [];
    const clipboard = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard');
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: async (text: string) => void written.push(text) },
    });
    try {
      const button = [...root.querySelectorAll('button')].find(
        (candidate) => candidate.textContent === 'Copy iframe code',
      )!;
      button.click();
      await until(() => written.length === 1, 'the clipboard write');
      expect(written[0]).to.equal(builder.codes!.iframe);
      const status = button.nextElementSibling as HTMLElement;
      await until(() => status.textContent?.includes('Copied'), 'the confirmation');
      expect(status.getAttribute('role')).to.equal('status');
      expect(status.textContent).to.equal('✓ Copied to the clipboard.');
      expect(status.getBoundingClientRect().height).to.be.greaterThan(0);
      expect(document.activeElement).to.equal(button);

      // Without a clipboard (an insecure page, a refused permission): the code is selected instead.
      Object.defineProperty(navigator, 'clipboard', {
        configurable: true,
        value: { writeText: () => Promise.reject(new Error('denied')) },
      });
      const element = [...root.querySelectorAll('button')].find(
        (candidate) => candidate.textContent === 'Copy element code',
      )!;
      element.click();
      await until(() => (element.nextElementSibling as HTMLElement).textContent?.includes('Selected'), 'the fallback');
      expect(getSelection()?.toString()).to.equal(builder.codes!.element);
      expect((element.nextElementSibling as HTMLElement).textContent).to.equal(
        '✓ Selected: press Ctrl+C (⌘C on a Mac) to copy.',
      );
    } finally {
      if (clipboard) Object.defineProperty(navigator, 'clipboard', clipboard);
      else delete (navigator as unknown as Record<string, unknown>).clipboard;
    }
  });

  it('says what is wrong with a typed value and leaves it out of the codes', async () => {
    setValue('#option-others-below', 'five');
    const input = control<HTMLInputElement>('#option-others-below');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    const problem = root.querySelector('#option-others-below-problem')!;
    expect(input.getAttribute('aria-describedby')).to.contain('option-others-below-problem');
    expect(problem.textContent).to.equal(
      'Group small parties as Others below: expected a number of seats (5) or a share (2%)',
    );
    expect(code('element')).to.not.contain('others-below');
    expect(root.querySelector('.codes > [role="alert"]')!.textContent).to.contain(
      'Left out of the codes until corrected',
    );

    setValue('#option-others-below', '2%');
    expect(input.getAttribute('aria-invalid')).to.equal('false');
    expect(code('element')).to.contain('others-below="2%"');
    expect(root.querySelector('.codes > [role="alert"]')!.textContent).to.equal('');

    setValue('#builder-assets', 'ftp://example.org/');
    expect(root.querySelector('.codes > [role="alert"]')!.textContent).to.contain('must be an http or https URL');
    expect(
      [...root.querySelectorAll<HTMLButtonElement>('.copy-row button')].every((button) => button.disabled),
    ).to.equal(true);
  });

  it('escapes the title in every code', () => {
    setValue('#builder-title', 'Results <b>live</b> & "final"');
    expect(code('placeholder')).to.contain('>Results &lt;b&gt;live&lt;/b&gt; &amp; &quot;final&quot;</a>');
    expect(code('iframe')).to.contain('title="Results &lt;b&gt;live&lt;/b&gt; &amp; &quot;final&quot;"');
  });

  it('previews in the box reserved for the chosen width', async () => {
    setValue('#builder-preview-width', '320');
    const expected = heightForWidth(heightsAttribute(frameHeights('seat-bar')), 320)!;
    await until(
      () => Math.round(builder.preview.getBoundingClientRect().height) === expected,
      `the preview ${expected} px tall`,
    );
    expect(Math.round(builder.preview.getBoundingClientRect().width)).to.be.at.most(320);
  });

  it('offers the feed’s areas for the area option', async () => {
    await until(() => root.querySelectorAll('#builder-areas option').length === 4, 'the four areas of the fixture');
    expect(control<HTMLInputElement>('#option-area').getAttribute('list')).to.equal('builder-areas');
  });

  it('is accessible for every widget, and with a problem shown', async () => {
    for (const widget of ['seat-bar', 'party-table', 'council-list', 'ticker']) {
      control<HTMLInputElement>(`#widget-${widget}`).click();
      await until(() => hasContent(builder.preview), `the ${widget} preview with its data`);
      await expect(root).to.be.accessible();
    }
    setValue('#option-max-items', '0');
    expect(root.querySelector('#option-max-items-problem')).to.exist;
    await expect(root).to.be.accessible();
    control<HTMLInputElement>('#widget-council-list').click();
    control<HTMLInputElement>('#option-layout-src').click();
    expect(builder.preview.getAttribute('layout-src')).to.equal(absolute(FEEDS[0]!.map!));
    await until(() => builder.preview.shadowRoot?.querySelector('svg'), 'the map');
    await expect(root).to.be.accessible();
  });
});
