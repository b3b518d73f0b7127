/**
 * The accessibility audit matrix: every widget, in every feed state (loading, partial, final,
 * stale, error, kept after a bad update, test data), light and dark, British English and
 * Welsh, checked with axe against WCAG 2.2 A/AA and axe's best practices.
 *
 * One element per widget, switched from state to state in place (as a page would see it), so
 * the 140 audits stay fast. Layouts and modes rotate through the combinations: the seat bar is
 * stacked, bars and parliament; the ticker a list and a strip; the council list with and
 * without an open area; the party table for the election and for one area; the result card for
 * four councils, with and without its search box.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/components/seat-bar/register.js';
import '../../src/components/party-table/register.js';
import '../../src/components/council-list/register.js';
import '../../src/components/ticker/register.js';
import '../../src/components/area-result/register.js';
import { feedSourceFor } from '../../src/feed/registry.js';
import type { FeedInput } from '../../src/feed/schema.js';
import { useFeedServer } from './helpers/feed-server.js';

type Widget = HTMLElement & {
  feed: unknown;
  src: string | undefined;
  interval: number | undefined;
  updateComplete: Promise<boolean>;
};

interface AxeResult {
  violations: {
    id: string;
    impact: string | null;
    help: string;
    nodes: { target: unknown[]; failureSummary?: string }[];
  }[];
  incomplete: {
    id: string;
    nodes: { target: unknown[]; any?: { message?: string; data?: { messageKey?: string } }[] }[];
  }[];
}
declare const axe: { run(context: Element, options: unknown): Promise<AxeResult> };

const AXE_OPTIONS = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
  // Rules about the whole page (landmarks, a level-one heading) are the host page's business.
  rules: {
    region: { enabled: false },
    'landmark-one-main': { enabled: false },
    'page-has-heading-one': { enabled: false },
  },
  resultTypes: ['violations', 'incomplete'],
};

const COMBINATIONS = [
  { theme: 'light', lang: 'en-GB' },
  { theme: 'dark', lang: 'en-GB' },
  { theme: 'light', lang: 'cy' },
  { theme: 'dark', lang: 'cy' },
] as const;

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));

/** Rendered, measured and rendered again, with any entrance animation run to its end (axe reads colours as they are now). */
async function settled(el: Widget): Promise<void> {
  for (let round = 0; round < 2; round += 1) {
    await el.updateComplete;
    await nextFrame();
  }
  for (const animation of el.shadowRoot!.getAnimations()) {
    if (animation.effect?.getComputedTiming().endTime === Infinity) continue;
    animation.finish();
  }
}

/**
 * axe cannot see through a pseudo-element laid over text: the TEST DATA stripes over the whole
 * frame leave every colour check "incomplete". Their effect on contrast is worked out in
 * test/unit/theme/tokens.test.ts; here they are lifted for the audit so the text under them is
 * still checked.
 */
const withoutStripes = new CSSStyleSheet();
withoutStripes.replaceSync('.frame[data-test]::after { display: none !important; }');

async function audit(el: Widget, what: string): Promise<string[]> {
  const root = el.shadowRoot!;
  const sheets = root.adoptedStyleSheets;
  root.adoptedStyleSheets = [...sheets, withoutStripes];
  let result: AxeResult;
  try {
    result = await axe.run(el, AXE_OPTIONS);
  } finally {
    root.adoptedStyleSheets = sheets;
  }
  const describe = (id: string, nodes: readonly { target: unknown[] }[]) =>
    `${what}: ${id}: ${nodes.map((node) => JSON.stringify(node.target)).join(', ')}`;
  // A colour axe could not check is a colour nobody checked, unless the text is an icon glyph
  // (sort arrows, which are hidden from assistive technology and repeated in words).
  const unchecked = result.incomplete
    .filter((item) => item.id === 'color-contrast')
    .flatMap((item) => item.nodes.filter((node) => node.any?.[0]?.data?.messageKey !== 'nonBmp'))
    .map(
      (node) =>
        `${what}: color-contrast not checked (${node.any?.[0]?.data?.messageKey ?? node.any?.[0]?.message}): ${JSON.stringify(node.target)}`,
    );
  return [
    ...result.violations.map(
      (violation) => `${describe(violation.id, violation.nodes)} (${violation.impact}) ${violation.help}`,
    ),
    ...unchecked,
  ];
}

const fixtureFeed = async (name: string): Promise<FeedInput> => (await fetch(`/test/fixtures/${name}`)).json();

/** The four fixture councils on a 2 × 2 map, and one hex in no election. */
const SMALL_LAYOUT = {
  layout: 'odd-r',
  hexes: {
    X07000801: { q: 0, r: 0 },
    X07000802: { q: 1, r: 0 },
    X07000803: { q: 0, r: 1 },
    X07000804: { q: 1, r: 1 },
    Z: { q: 2, r: 1, n: 'Zeal' },
  },
};

interface States {
  test: FeedInput;
  final: FeedInput;
  partial: FeedInput;
  invalid: unknown;
}

async function states(): Promise<States> {
  const test = await fixtureFeed('local-small.json');
  const final = structuredClone(test);
  final.meta.test = false;
  final.meta.revision = 10;
  const partial = structuredClone(final);
  partial.meta.revision = 5;
  for (const area of partial.areas.slice(2)) {
    area.status = 'counting';
    delete area.results;
    delete area.declaredAt;
    if (area.control) delete area.control.after;
  }
  const invalid = {
    ...structuredClone(final),
    meta: { ...final.meta, revision: 11 },
    areas: [{ id: 'A', name: 'A', status: 'won' }],
  };
  return { test, final, partial, invalid };
}

/** What a widget shows beyond its defaults, per combination: layouts and modes take turns. */
const VARIANTS: Record<string, readonly Record<string, string | null>[]> = {
  'tally-seat-bar': [
    { layout: 'stacked' },
    { layout: 'bars' },
    { layout: 'parliament' },
    { layout: 'stacked', measure: 'councils' },
  ],
  'tally-party-table': [{ area: null }, { area: 'X07000802' }, { area: null }, { area: 'X07000803' }],
  'tally-council-list': [{ selected: null }, { selected: 'X07000802' }, { selected: 'X07000803' }, { selected: null }],
  'tally-ticker': [{ mode: 'list' }, { mode: 'strip' }, { mode: 'list' }, { mode: 'strip' }],
  // Councils declared and (in the partial state) counting, with and without the search box.
  'tally-area-result': [
    { area: 'X07000801', search: '' },
    { area: 'X07000803', search: null },
    { area: 'X07000804', search: '' },
    { area: 'X07000802', search: null },
  ],
};

for (const tag of [
  'tally-seat-bar',
  'tally-party-table',
  'tally-council-list',
  'tally-ticker',
  'tally-area-result',
] as const) {
  describe(`<${tag}> accessibility matrix`, function () {
    this.timeout(60_000);
    const feeds = useFeedServer();
    let el: Widget;
    let data: States;
    const name = tag.slice('tally-'.length);

    let box: HTMLElement;

    // Not an open-wc fixture: those are removed after each test, and this one element lives
    // through every state.
    before(async () => {
      // Everything on screen: axe checks colours where elements are painted, not below the fold.
      await setViewport({ width: 1000, height: 2400 });
      data = await states();
      box = document.createElement('div');
      box.style.width = '40rem';
      // Every row inside the list's box, none clipped half way (axe cannot check clipped text).
      box.style.setProperty('--tally-council-list-height', '200rem');
      el = document.createElement(tag) as Widget;
      if (tag === 'tally-council-list') (el as unknown as { layout: unknown }).layout = SMALL_LAYOUT;
      box.append(el);
      document.body.append(box);
    });

    after(() => box.remove());

    /** Audit the element as it is in every combination; `ready` says the state is still on screen. */
    async function auditAll(state: string, ready: () => boolean, withData: boolean): Promise<void> {
      const problems: string[] = [];
      for (const [index, combination] of COMBINATIONS.entries()) {
        el.setAttribute('theme', combination.theme);
        el.setAttribute('lang', combination.lang);
        for (const [attribute, value] of Object.entries(withData ? VARIANTS[tag]![index]! : {})) {
          if (value === null) el.removeAttribute(attribute);
          else el.setAttribute(attribute, value);
        }
        await settled(el);
        expect(
          ready(),
          `${state} still shown (${combination.theme}, ${combination.lang}): ${statusKind()} ${el.shadowRoot!.querySelector('.frame')?.textContent?.replace(/\s+/g, ' ').slice(0, 300)}`,
        ).to.equal(true);
        problems.push(...(await audit(el, `${state}, ${combination.theme}, ${combination.lang}`)));
      }
      expect(problems).to.deep.equal([]);
    }

    const shadow = (selector: string) => el.shadowRoot!.querySelector(selector);
    /** The status line's state; a ticker strip shows none while all is well. */
    const statusKind = () =>
      shadow('[part="status"]')?.getAttribute('data-kind') ??
      (el.getAttribute('mode') === 'strip' ? 'current' : undefined);

    it('loading', async () => {
      const url = await feeds.route(`/${name}-loading.json`, { fault: 'hang' });
      feedSourceFor(url, { timeout: 600_000 });
      el.feed = undefined;
      el.src = url;
      await waitUntil(() => shadow('[part="skeleton"]'), 'the skeleton shows', { timeout: 10_000 });
      await auditAll('loading', () => shadow('[part="skeleton"]') !== null, false);
    });

    it('error (nothing to show)', async () => {
      el.src = await feeds.route(`/${name}-error.json`, { status: 500, body: 'Internal error' });
      await waitUntil(() => shadow('[part="notice"][data-kind="failed"]'), 'the failure notice shows', {
        timeout: 10_000,
      });
      await auditAll('error', () => shadow('[part="notice"][data-kind="failed"]') !== null, false);
    });

    it('partial', async () => {
      el.src = undefined;
      el.feed = data.partial;
      await settled(el);
      await auditAll('partial', () => statusKind() === 'current', true);
    });

    it('final', async () => {
      el.feed = data.final;
      await settled(el);
      await auditAll('final', () => statusKind() === 'current', true);
    });

    it('kept after a bad update', async () => {
      const original = console.error;
      console.error = () => {};
      try {
        el.feed = data.invalid;
        await settled(el);
      } finally {
        console.error = original;
      }
      await auditAll('kept', () => statusKind() === 'kept', true);
    });

    it('stale', async () => {
      const url = await feeds.route(`/${name}-stale.json`, { json: data.final });
      // Polls hourly, and is stale after half a second without a check.
      feedSourceFor(url, { staleAfterIntervals: 0.5 / 3600 });
      el.feed = undefined;
      el.interval = 3600;
      el.src = url;
      await waitUntil(() => statusKind() === 'stale', 'the stale warning shows', { timeout: 10_000 });
      await auditAll('stale', () => statusKind() === 'stale', true);
      el.removeAttribute('interval');
      el.interval = undefined;
    });

    it('test data', async () => {
      el.src = undefined;
      el.feed = data.test;
      await settled(el);
      await auditAll('test data', () => shadow('[part="watermark"]') !== null, true);
    });
  });
}

describe('the example house styles (demo/themes), through axe', function () {
  this.timeout(60_000);

  for (const theme of ['ledger', 'pulse']) {
    it(`${theme}: all four widgets, light and dark`, async () => {
      const css = await (await fetch(`/demo/themes/${theme}.css`)).text();
      const sheet = document.createElement('style');
      sheet.textContent = css;
      document.head.append(sheet);
      const page = document.createElement('div');
      page.className = `theme-${theme}`;
      page.style.width = '46rem';
      page.style.setProperty('--tally-council-list-height', '200rem');
      document.body.append(page);
      const feed = await fixtureFeed('local-small.json');
      feed.meta.test = false;
      const widgets = (['tally-seat-bar', 'tally-party-table', 'tally-council-list', 'tally-ticker'] as const).map(
        (tag) => {
          const el = document.createElement(tag) as Widget;
          if (tag === 'tally-council-list') (el as unknown as { layout: unknown }).layout = SMALL_LAYOUT;
          el.feed = feed;
          page.append(el);
          return el;
        },
      );
      const problems: string[] = [];
      try {
        for (const scheme of ['light', 'dark']) {
          page.dataset.scheme = scheme;
          for (const el of widgets) {
            el.setAttribute('theme', scheme);
            await settled(el);
            problems.push(...(await audit(el, `${theme}, ${scheme}, ${el.localName}`)));
          }
        }
      } finally {
        page.remove();
        sheet.remove();
      }
      expect(problems).to.deep.equal([]);
    });
  }
});
