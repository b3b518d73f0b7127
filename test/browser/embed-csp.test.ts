/**
 * Every widget, loaded through dist/tally.js, on a page with a strict Content Security Policy
 * sent as a real response header: no `unsafe-inline`, no `eval`, scripts and styles only from
 * the page's origin; and the same with Trusted Types enforced, allowing only Lit's policy
 * (`lit-html`). Zero `securitypolicyviolation` events, and each page proves its policy is in
 * force by recording the violation it then provokes on purpose.
 */
import { expect } from '@open-wc/testing';
import { POLICY_HEADER_NAMES } from './fixtures/policies.js';
import { hasContent, openHostPage, until, type HostPage } from './fixtures/host-page.js';

const WIDGETS = ['#seats', '#bars', '#parties', '#councils', '#latest', '#strip', '#placeholder > tally-seat-bar'];

async function openUnderPolicy(policy: keyof typeof POLICY_HEADER_NAMES, path: string): Promise<HostPage> {
  const page = await openHostPage(`/__csp/${policy}${path}`, { width: 800, height: 3000 });
  await until(
    () => WIDGETS.every((selector) => hasContent(page.document.querySelector(selector))),
    'every widget with its data',
  );
  return page;
}

describe('under a strict Content Security Policy', () => {
  let page: HostPage | undefined;
  afterEach(() => page?.close());

  for (const policy of ['strict', 'trusted-types', 'only-what-tally-needs'] as const) {
    it(`${POLICY_HEADER_NAMES[policy]}: every widget, a placeholder and an iframe embed work, with no violation`, async () => {
      page = await openUnderPolicy(policy, '/test/browser/fixtures/csp.html');
      const frame = page.document.querySelector<HTMLIFrameElement>('#frame')!;
      await until(
        () => hasContent(frame.contentDocument?.querySelector('tally-seat-bar')) && frame.dataset.tallySized === '1',
        'the iframe embed',
      );
      // The hex map drew its hexes (SVG built by Lit, coloured through attributes).
      await until(
        () =>
          page!.document
            .querySelector('#councils')!
            .shadowRoot!.querySelectorAll('svg [data-area], svg path, svg polygon').length > 0,
        'the council map',
      );
      // tally.css applied: the placeholder keeps the bars layout's box.
      expect(page.document.querySelector('#placeholder')!.getBoundingClientRect().height).to.be.greaterThan(400);

      expect(page.record.violations).to.deep.equal([]);
      expect(page.record.uncaught).to.deep.equal([]);
      expect(page.record.errors).to.deep.equal([]);

      // The policy is in force: an inline style attribute is refused and reported.
      page.document.body.setAttribute('style', 'outline: 1px solid red');
      await until(() => page!.record.violations.length > 0, 'the provoked violation');
      expect(page.record.violations.map((violation) => violation.directive)).to.deep.equal(['style-src-attr']);
      if (policy === 'trusted-types') {
        expect(() => {
          page!.document.body.innerHTML = '<b>plain string</b>';
        }).to.throw(/TrustedHTML/);
        await until(
          () => page!.record.violations.some((violation) => violation.directive === 'require-trusted-types-for'),
          'the Trusted Types violation',
        );
      }
    });
  }

  it("Tally pasted three times under Trusted Types: works with lit-html 'allow-duplicates'; without it the first copy still works and the extra copy of Lit stops on the policy name", async () => {
    page = await openHostPage('/__csp/trusted-types-duplicates/test/browser/fixtures/double.html');
    await until(
      () =>
        hasContent(page!.document.querySelector('#chart')) &&
        hasContent(page!.document.querySelector('#placeholder > tally-party-table')),
      'both widgets',
    );
    expect(page.record.violations).to.deep.equal([]);
    expect(page.record.uncaught).to.deep.equal([]);
    page.close();

    page = await openHostPage('/__csp/trusted-types/test/browser/fixtures/double.html');
    await until(
      () =>
        hasContent(page!.document.querySelector('#chart')) &&
        hasContent(page!.document.querySelector('#placeholder > tally-party-table')),
      'both widgets',
    );
    // Two copies of Lit, not three: the loader pasted twice (two URLs) fetches the same chunks, so
    // one Lit serves both; the classic bundle has its own. Whichever runs second stops: here the
    // loader's shared chunk (the classic script defined the elements first), and the loader says so.
    await until(() => page!.record.violations.length === 1 && page!.record.errors.length > 0, 'the extra copy');
    expect(page.record.violations.map((violation) => `${violation.directive} ${violation.sample}`)).to.deep.equal([
      'trusted-types lit-html',
    ]);
    const stopped = [...page.record.uncaught, ...page.record.errors];
    expect(stopped.length).to.be.greaterThan(0);
    expect(
      stopped.every((message) => message.includes('Policy with name "lit-html" already exists')),
      stopped.join('\n'),
    ).to.equal(true);
  });

  it('the iframe page on its own under the strict policy', async () => {
    page = await openHostPage(
      '/__csp/strict/__capture/console/dist/embed.html?widget=party-table&src=/test/fixtures/uk-local-2018.final.json',
      { width: 600, height: 900 },
    );
    await until(() => hasContent(page!.document.querySelector('tally-party-table')), 'the widget');
    expect(page.record.violations).to.deep.equal([]);
    expect(page.record.errors).to.deep.equal([]);
  });
});
